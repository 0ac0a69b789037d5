#include "families/trade/supplier_concentration.hpp"

#include <algorithm>
#include <functional>

#include "core/table.hpp"

namespace agglo {

SupplierConcentration supplier_concentration(const std::map<std::string, double>& by_partner, int n,
                                             double threshold) {
  SupplierConcentration c;
  std::vector<double> values;
  for (const auto& [partner, v] : by_partner) {
    if (is_na(v)) continue;
    c.total += v;
    if (v > 0) {
      ++c.n_partners;
      values.push_back(v);
      if (c.top_partner.empty() || v > by_partner.at(c.top_partner)) c.top_partner = partner;
    }
  }
  if (c.total == 0) {
    c.hhi = c.cr_n = c.equivalent_number = c.top_share = NA;
    return c;
  }
  std::sort(values.begin(), values.end(), std::greater<>());
  for (size_t k = 0; k < values.size(); ++k) {
    const double s = values[k] / c.total;
    c.hhi += s * s;
    if (static_cast<int>(k) < n) c.cr_n += s;
  }
  c.equivalent_number = 1.0 / c.hhi;
  c.top_share = values.front() / c.total;
  c.single_source = c.top_share > threshold;
  return c;
}

std::vector<ReshoringRow> reshoring_index(
    const std::map<std::string, std::map<std::string, double>>& imports,
    const std::map<std::string, std::map<std::string, double>>& output) {
  std::vector<ReshoringRow> out;
  for (const auto& [industry, by_period] : output) {
    auto imp = imports.find(industry);
    double previous = NA;
    for (const auto& [period, y] : by_period) {
      ReshoringRow r;
      r.industry = industry;
      r.period = period;
      r.output = y;
      if (imp != imports.end()) {
        auto m = imp->second.find(period);
        if (m != imp->second.end()) r.imports = m->second;
      }
      r.ratio = y == 0 || is_na(y) ? NA : r.imports / y;
      r.change = is_na(previous) || is_na(r.ratio) ? NA : r.ratio - previous;
      r.reshoring_index = is_na(r.change) ? NA : -r.change * 10000.0;
      previous = r.ratio;
      out.push_back(r);
    }
  }
  return out;
}

}  // namespace agglo
