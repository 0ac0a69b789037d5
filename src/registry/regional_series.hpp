// A regional variable over periods read from a long table without an industry column:
// region, [period,] value [, weight] (GDP per capita and population, incomes, ...), plus per-region
// attributes (group, condition). Used by the inequality and convergence families.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "registry/invocation.hpp"

namespace agglo {

struct RegionalSeries {
  std::vector<std::string> regions;  // first-seen order
  std::vector<std::string>
      periods;             // chronological (numeric order when all are numbers); "" = none
  Eigen::MatrixXd value;   // regions x periods; NaN = NA or no row
  Eigen::MatrixXd weight;  // same shape when read with weights, else empty
  std::string source;

  Eigen::Index period_index(const std::string& label) const;  // -1 when absent
};

// The regional value of a region x industry [x period] panel: the sum over the industries of each
// region and period (an NA cell makes the total NA; a region without rows in a period is NA).
RegionalSeries regional_totals(const Panel& panel);

// Reads the column roles region, value, [period] and, when `with_weight`, weight of `role`.
// A region x period given twice is a positioned error. When the industry column is named
// (--industry COL) the table is a region x industry [x period] panel and the regional value is
// the sum over its industries (employment totals; an NA cell makes the total NA).
RegionalSeries read_regional_series(const Invocation& inv, const std::string& role = "table",
                                    bool with_weight = false);

// The periods a measure works on: the one named by the option `option` when set, else all of them.
// Errors name the available periods.
std::vector<Eigen::Index> selected_periods(const Invocation& inv, const RegionalSeries& s,
                                           const std::string& option = "period");

// The column of a period given by a number option (time1, time2): a positioned error when absent.
Eigen::Index period_column(const Invocation& inv, const RegionalSeries& s,
                           const std::string& option);

// A text attribute of every region (group, condition) from the column of `column_role`; it must
// be the same in every row of a region (positioned error otherwise). Empty or NA cells give "".
std::vector<std::string> region_attribute(const Invocation& inv, const RegionalSeries& s,
                                          const std::string& column_role,
                                          const std::string& role = "table");

}  // namespace agglo
