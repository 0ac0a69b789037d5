#include "families/trade/average_tariff.hpp"

#include "core/table.hpp"

namespace agglo {

std::vector<AverageTariff> average_tariff(const TariffSchedule& schedule, const IsoDate& date,
                                          const std::map<std::string, std::string>& products,
                                          const std::map<std::string, double>& weights,
                                          AbsentTariff absent) {
  struct Sums {
    int n = 0, in_force = 0;
    double rate_sum = 0, weighted_sum = 0, weight_sum = 0;
  };
  std::map<std::string, Sums> groups;
  for (const auto& [code, group] : products) {
    Sums& s = groups[group];
    const TariffInForce t = schedule.tariff_in_force(code, date);
    if (t.n_lines == 0 && absent == AbsentTariff::Exclude) continue;
    const double rate = t.n_lines == 0 ? 0.0 : t.rate;
    auto w = weights.find(code);
    const double weight = w == weights.end() || is_na(w->second) ? 0.0 : w->second;
    ++s.n;
    s.in_force += t.n_lines > 0;
    s.rate_sum += rate;
    s.weighted_sum += weight * rate;
    s.weight_sum += weight;
  }
  std::vector<AverageTariff> out;
  for (const auto& [group, s] : groups) {
    AverageTariff a;
    a.group = group;
    a.n_products = s.n;
    a.n_in_force = s.in_force;
    a.simple = s.n == 0 ? NA : s.rate_sum / s.n;
    a.trade_weighted = s.weight_sum > 0 ? s.weighted_sum / s.weight_sum : NA;
    a.weight_total = s.weight_sum;
    out.push_back(a);
  }
  return out;
}

}  // namespace agglo
