#include "families/trade/export_deviation.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/table.hpp"

namespace agglo {

std::vector<DeviationRow> export_order_deviation(const std::vector<OrderRecord>& records,
                                                 double scale) {
  std::vector<DeviationRow> out;
  out.reserve(records.size());
  for (const auto& r : records) {
    DeviationRow d;
    d.industry = r.industry;
    d.month = r.month;
    d.deviation_rate =
        r.exports == 0 || is_na(r.exports) ? NA : scale * (r.orders - r.exports) / r.exports;
    d.overseas_production = r.orders * r.overseas_share / 100.0;
    out.push_back(d);
  }
  return out;
}

std::vector<HalfYearRow> half_year_means(const std::vector<OrderRecord>& records, double scale,
                                         HalfYearMean how) {
  struct Sums {
    int n = 0, n_rate = 0, n_share = 0;
    double orders = 0, exports = 0, overseas = 0, rate_sum = 0, share_sum = 0, share_orders = 0;
  };
  std::map<std::pair<std::string, std::string>, Sums> groups;
  for (const auto& r : records) {
    Sums& s = groups[{r.industry, fmt::format("{}H{}", r.month.year, r.month.month <= 6 ? 1 : 2)}];
    ++s.n;
    s.orders += r.orders;
    s.exports += r.exports;
    if (r.exports != 0 && !is_na(r.exports)) {
      s.rate_sum += scale * (r.orders - r.exports) / r.exports;
      ++s.n_rate;
    }
    if (!is_na(r.overseas_share)) {
      s.share_sum += r.overseas_share;
      s.overseas += r.orders * r.overseas_share / 100.0;
      s.share_orders += r.orders;
      ++s.n_share;
    }
  }
  std::vector<HalfYearRow> out;
  for (const auto& [key, s] : groups) {
    HalfYearRow h;
    h.industry = key.first;
    h.half = key.second;
    h.n_months = s.n;
    if (how == HalfYearMean::MeanOfRates) {
      h.deviation_rate = s.n_rate == 0 ? NA : s.rate_sum / s.n_rate;
      h.overseas_share = s.n_share == 0 ? NA : s.share_sum / s.n_share;
    } else {
      h.deviation_rate = s.exports == 0 ? NA : scale * (s.orders - s.exports) / s.exports;
      h.overseas_share = s.share_orders == 0 ? NA : 100.0 * s.overseas / s.share_orders;
    }
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<TrendRow> deviation_trend(const std::vector<DeviationRow>& rows) {
  std::map<std::string, std::vector<std::pair<int, double>>> by_industry;
  for (const auto& r : rows)
    if (!is_na(r.deviation_rate))
      by_industry[r.industry].emplace_back(r.month.year * 12 + r.month.month - 1, r.deviation_rate);
  std::vector<TrendRow> out;
  for (const auto& [industry, points] : by_industry) {
    TrendRow t;
    t.industry = industry;
    t.n = static_cast<int>(points.size());
    int first = points.front().first;
    for (const auto& p : points) first = std::min(first, p.first);
    double mt = 0, md = 0;
    for (const auto& [m, d] : points) {
      mt += m - first;
      md += d;
    }
    mt /= t.n;
    md /= t.n;
    double sxy = 0, sxx = 0;
    for (const auto& [m, d] : points) {
      sxy += (m - first - mt) * (d - md);
      sxx += (m - first - mt) * (m - first - mt);
    }
    t.slope = sxx == 0 ? NA : sxy / sxx;
    t.intercept = sxx == 0 ? NA : md - t.slope * mt;
    out.push_back(t);
  }
  return out;
}

}  // namespace agglo
