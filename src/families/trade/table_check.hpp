// Consistency checker of a published table: do stated totals and percentages add up?
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

namespace agglo {

struct PublishedTable {
  std::vector<std::string> rows, cols;
  Eigen::MatrixXd values;           // NaN = suppressed or blank cell
  std::optional<size_t> total_row;  // the row stating column totals
  std::optional<size_t> total_col;  // the column stating row totals
  // Percentage columns: (percent column, value column): percent_r = 100 value_r / value_total.
  std::vector<std::pair<size_t, size_t>> percent_of;
};

struct TableIssue {
  std::string row, col, check;  // check: row_total | column_total | percent | percent_total
  double stated = 0, computed = 0, difference = 0;  // difference = stated - computed
};

struct TableCheckResult {
  std::vector<TableIssue> issues;
  int checked = 0;  // checks made
  int skipped = 0;  // checks skipped because a cell needed is missing
};

// Checks every stated total and percentage:
//   row total      T_r  = sum_c x_rc (over the value columns)          |diff| <= tolerance
//   column total   T_c  = sum_r x_rc (over the rows except the total)   |diff| <= tolerance
//   percent        p_r  = 100 x_rv / x_total,v (the stated total, or the column sum without a
//                  total row)                                           |diff| <= percent_tolerance
//   percent total  sum_r p_r = 100                                     |diff| <= percent_tolerance
// Value columns are all columns except the total column and the percentage columns.
TableCheckResult table_check(const PublishedTable& table, double tolerance,
                             double percent_tolerance);

}  // namespace agglo
