#include "families/trade/trade_diversion.hpp"

#include <algorithm>

#include "core/table.hpp"

namespace agglo {

const char* to_string(Quadrant q) {
  switch (q) {
    case Quadrant::TotalUpTargetUp:
      return "total_up_target_up";
    case Quadrant::TotalUpTargetDown:
      return "total_up_target_down";
    case Quadrant::TotalDownTargetUp:
      return "total_down_target_up";
    case Quadrant::TotalDownTargetDown:
      return "total_down_target_down";
  }
  return "";
}

namespace {

double sum_values(const std::map<std::string, double>& m) {
  double s = 0;
  for (const auto& [k, v] : m) s += v;
  return s;
}

double value_of(const std::map<std::string, double>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? 0.0 : it->second;
}

}  // namespace

std::vector<ProductDiversion> trade_diversion(const std::map<std::string, ProductFlows>& products,
                                              const std::string& target) {
  std::vector<ProductDiversion> out;
  for (const auto& [product, flows] : products) {
    ProductDiversion d;
    d.product = product;
    d.total_base = sum_values(flows.base);
    d.total_current = sum_values(flows.current);
    d.target_base = value_of(flows.base, target);
    d.target_current = value_of(flows.current, target);
    d.share_base = d.total_base == 0 ? NA : d.target_base / d.total_base;
    d.share_current = d.total_current == 0 ? NA : d.target_current / d.total_current;
    const bool total_up = d.total_current > d.total_base;
    const bool target_up = d.target_current > d.target_base;
    d.quadrant = total_up
                     ? (target_up ? Quadrant::TotalUpTargetUp : Quadrant::TotalUpTargetDown)
                     : (target_up ? Quadrant::TotalDownTargetUp : Quadrant::TotalDownTargetDown);
    d.diverted = d.quadrant == Quadrant::TotalUpTargetDown;
    // Total rising means total_current > 0, so share_current is defined whenever share_base is.
    d.diverted_amount = is_na(d.share_base) || is_na(d.share_current)
                            ? NA
                            : (d.share_base - d.share_current) * d.total_current;
    if (d.diverted) {
      double gains = 0;
      for (const auto& [dest, cur] : flows.current) {
        if (dest == target) continue;
        const double gain = std::max(0.0, cur - value_of(flows.base, dest));
        if (gain > 0) d.destination_gain[dest] = gain;
        gains += gain;
      }
      // In this quadrant the other destinations together rise, so gains > 0.
      for (const auto& [dest, gain] : d.destination_gain)
        d.destination_allocation[dest] =
            is_na(d.diverted_amount) ? NA : d.diverted_amount * gain / gains;
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace agglo
