#include "families/trade/table_check.hpp"

#include <algorithm>
#include <cmath>

namespace agglo {

namespace {

struct Checker {
  TableCheckResult& result;
  // Records one comparison; a missing operand skips it.
  void compare(const std::string& row, const std::string& col, const char* check, double stated,
               double computed, double tolerance) {
    if (std::isnan(stated) || std::isnan(computed)) {
      ++result.skipped;
      return;
    }
    ++result.checked;
    const double diff = stated - computed;
    if (std::abs(diff) > tolerance)
      result.issues.push_back({row, col, check, stated, computed, diff});
  }
};

}  // namespace

TableCheckResult table_check(const PublishedTable& t, double tolerance, double percent_tolerance) {
  TableCheckResult result;
  Checker checker{result};
  const auto n_rows = static_cast<size_t>(t.values.rows());
  const auto n_cols = static_cast<size_t>(t.values.cols());
  std::vector<bool> is_value_col(n_cols, true);
  if (t.total_col) is_value_col[*t.total_col] = false;
  for (const auto& [p, v] : t.percent_of) is_value_col[p] = false;
  auto x = [&](size_t r, size_t c) {
    return t.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
  };
  auto is_data_row = [&](size_t r) { return !t.total_row || r != *t.total_row; };

  // Sum of cells; NaN when any is missing (the check cannot be made).
  if (t.total_col)
    for (size_t r = 0; r < n_rows; ++r) {
      double sum = 0;
      for (size_t c = 0; c < n_cols; ++c)
        if (is_value_col[c]) sum += x(r, c);
      checker.compare(t.rows[r], t.cols[*t.total_col], "row_total", x(r, *t.total_col), sum,
                      tolerance);
    }
  if (t.total_row)
    for (size_t c = 0; c < n_cols; ++c) {
      const bool is_percent = std::any_of(t.percent_of.begin(), t.percent_of.end(),
                                          [c](const auto& pv) { return pv.first == c; });
      double sum = 0;
      for (size_t r = 0; r < n_rows; ++r)
        if (is_data_row(r)) sum += x(r, c);
      checker.compare(t.rows[*t.total_row], t.cols[c],
                      is_percent ? "percent_total" : "column_total", x(*t.total_row, c), sum,
                      is_percent ? percent_tolerance : tolerance);
    }
  for (const auto& [p, v] : t.percent_of) {
    double base = 0;
    if (t.total_row) {
      base = x(*t.total_row, v);
    } else {
      for (size_t r = 0; r < n_rows; ++r) base += x(r, v);
    }
    for (size_t r = 0; r < n_rows; ++r) {
      if (!is_data_row(r)) continue;
      const double computed = base == 0 ? NAN : 100.0 * x(r, v) / base;
      checker.compare(t.rows[r], t.cols[p], "percent", x(r, p), computed, percent_tolerance);
    }
    if (!t.total_row) {
      double sum = 0;
      for (size_t r = 0; r < n_rows; ++r) sum += x(r, p);
      checker.compare("(sum)", t.cols[p], "percent_total", sum, 100.0, percent_tolerance);
    }
  }
  return result;
}

}  // namespace agglo
