// Indicator framework of a composite indicator: a hierarchy of codes (indicators -> pillars ->
// sub-indices -> index) with a relative weight and a direction at every code, plus the indicator
// data (units x level-1 indicators) read from a long or a wide table.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "core/hierarchy.hpp"
#include "core/matrix.hpp"
#include "core/table.hpp"
#include "io/text_table.hpp"

namespace agglo {

struct FrameworkNode {
  std::string code;
  std::string parent;                               // "" at the top
  int level = 1;                                    // 1 = indicator, increasing upwards
  double weight = 1;                                // relative weight inside the parent group
  int direction = 1;                                // +1 higher is better, -1 lower is better
  double target = NA;                               // dist2targ (NaN = none)
  double goalpost_lower = NA, goalpost_upper = NA;  // goalposts (NaN = none)
  std::string denominator;                          // composite_index: divide by it ("" = none)
  std::string name_en, name_zh;
  SourcePos pos;
};

class IndicatorFramework {
 public:
  // Adds the nodes in file order, checks the tree (missing parents, cycles: positioned errors)
  // and that every parent sits on a higher level than its children.
  explicit IndicatorFramework(std::vector<FrameworkNode> nodes);

  const std::vector<FrameworkNode>& nodes() const { return nodes_; }
  const FrameworkNode& node(const std::string& code) const;
  size_t index(const std::string& code) const;  // position in nodes()
  bool contains(const std::string& code) const { return index_.count(code) > 0; }
  const Hierarchy& tree() const { return tree_; }
  // Level-1 codes in file order (the columns of the indicator data).
  const std::vector<std::string>& indicators() const { return indicators_; }
  // Children of a code in file order (indices into nodes()).
  const std::vector<size_t>& children(size_t node) const { return children_[node]; }
  int top_level() const { return top_level_; }

 private:
  std::vector<FrameworkNode> nodes_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::vector<size_t>> children_;
  std::vector<std::string> indicators_;
  Hierarchy tree_;
  int top_level_ = 1;
};

// Column names of a framework file; absent optional columns take the defaults of FrameworkNode
// (a missing `level` column is derived: leaves are 1, a parent is 1 + its highest child).
struct FrameworkColumns {
  std::string code = "code", parent = "parent", level = "level", weight = "weight",
              direction = "direction", target = "target", goalpost_lower = "goalpost_lower",
              goalpost_upper = "goalpost_upper", denominator = "denominator", name_en = "name_en",
              name_zh = "name_zh";
};

IndicatorFramework load_framework(const TextTable& t, const FrameworkColumns& columns = {});

// Checks that the weights of every parent group sum to 1 (within `tolerance`); for frameworks
// whose weights are meant as shares rather than relative weights. Positioned error otherwise.
void check_weights_sum_to_one(const IndicatorFramework& f, double tolerance = 1e-6);

// Indicator data: rows = units (first-appearance order), columns = the framework's indicators.
// Long tables have the columns unit, indicator, value; a table without the indicator column is
// read as wide (a unit column and one column per indicator code). Codes of the table that the
// framework lacks are skipped with a warning; an indicator of the framework absent from the
// table, a duplicate cell or a text cell is a positioned error.
struct IndicatorColumns {
  std::string unit = "unit", indicator = "indicator", value = "value";
};
LabeledMatrix read_indicator_data(const TextTable& t, const IndicatorFramework& f,
                                  const IndicatorColumns& columns,
                                  std::vector<std::string>* warnings);

}  // namespace agglo
