// Hierarchy: a code tree (industry classification levels, region -> macro-region groups) with
// English and Traditional Chinese names. Drives aggregation and group decompositions.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "core/panel.hpp"

namespace agglo {

struct HierarchyNode {
  std::string code;
  std::string parent;  // "" for a root
  std::string name_en;
  std::string name_zh;
  SourcePos pos;  // where the node was defined, for error messages
};

class Hierarchy {
 public:
  // Adds a node; a code given twice is a positioned error.
  void add(HierarchyNode node);
  // Checks that every parent exists and that there is no cycle (positioned errors).
  void validate() const;

  bool contains(const std::string& code) const { return index_.count(code) > 0; }
  const HierarchyNode& node(const std::string& code) const;
  const std::vector<HierarchyNode>& nodes() const { return nodes_; }
  std::vector<std::string> children(const std::string& code) const;
  std::vector<std::string> roots() const;
  // Depth of a node: roots are 0.
  int depth(const std::string& code) const;
  // The ancestor of `code` at `depth` (the code itself when already at that depth).
  std::optional<std::string> ancestor_at(const std::string& code, int depth) const;
  // Display name: the Chinese name when `lang` == "zh" and present, else English, else code.
  std::string display_name(const std::string& code, const std::string& lang = "en") const;

 private:
  std::vector<HierarchyNode> nodes_;
  std::unordered_map<std::string, size_t> index_;
};

enum class PanelAxis { Region, Industry };

// Sums a panel up to the codes at `depth` of the hierarchy along one axis. Codes that the
// hierarchy does not know are an error naming them (or dropped when `drop_unknown`). NA
// propagates: a group that contains an NA cell is NA.
Panel aggregate(const Panel& panel, const Hierarchy& h, PanelAxis axis, int depth,
                bool drop_unknown = false);

}  // namespace agglo
