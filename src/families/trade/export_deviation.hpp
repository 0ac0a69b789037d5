// Export orders against customs exports: the export-order deviation rate and the overseas
// production ratio (Taiwan MOEA export-order statistics), with half-year means and a trend.
#pragma once

#include <string>
#include <vector>

#include "families/trade/iso_date.hpp"

namespace agglo {

struct OrderRecord {
  std::string industry;
  IsoDate month;  // day 1
  double orders = 0, exports = 0;
  double overseas_share = 0;  // percent of the orders produced abroad; NA when not given
};

struct DeviationRow {
  std::string industry;
  IsoDate month;
  double deviation_rate = 0;       // scale * (orders - exports) / exports; NA when exports is 0
  double overseas_production = 0;  // orders * overseas_share / 100
};

// Export-order deviation rate (MOEA; Chen 2019 on Taiwan's "orders here, production there"):
//   d = (export orders - customs exports) / customs exports   (times `scale`, 100 = percent)
std::vector<DeviationRow> export_order_deviation(const std::vector<OrderRecord>& records,
                                                 double scale);

enum class HalfYearMean { MeanOfRates, RateOfSums };

struct HalfYearRow {
  std::string industry, half;  // "2019H1"
  int n_months = 0;
  double deviation_rate = 0;  // mean of monthly rates, or the rate of the half-year sums
  double overseas_share = 0;  // mean of monthly shares, or overseas production / orders (percent)
};

// Half-year (H1 = Jan-Jun, H2 = Jul-Dec) means per industry.
std::vector<HalfYearRow> half_year_means(const std::vector<OrderRecord>& records, double scale,
                                         HalfYearMean how);

struct TrendRow {
  std::string industry;
  int n = 0;
  double slope = 0;  // OLS slope of the monthly deviation rate on time, per month; NA when n < 2
  double intercept = 0;  // at the first month of the industry
};

// Linear trend of the monthly deviation rate: OLS of d_t on t (months since the first month).
std::vector<TrendRow> deviation_trend(const std::vector<DeviationRow>& rows);

}  // namespace agglo
