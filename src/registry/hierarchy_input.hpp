// Reading a Hierarchy (code tree: industries, region groups, indicator frameworks) from a table
// with the columns code, parent, name_en, name_zh (names optional; column names mappable).
#pragma once

#include <string>

#include "core/hierarchy.hpp"
#include "io/text_table.hpp"

namespace agglo {

struct HierarchyColumns {
  std::string code = "code";
  std::string parent = "parent";
  std::string name_en = "name_en";
  std::string name_zh = "name_zh";
};

// Builds and validates the hierarchy (duplicate codes, missing parents, cycles: positioned errors).
Hierarchy load_hierarchy(const TextTable& table, const HierarchyColumns& columns = {});

}  // namespace agglo
