// Simple and trade-weighted average tariffs over a product set on a date.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "families/trade/tariff_schedule.hpp"

namespace agglo {

// What a product of the set without any line in force counts as.
enum class AbsentTariff { Zero, Exclude };

struct AverageTariff {
  std::string group;
  int n_products = 0;         // products averaged (after AbsentTariff::Exclude)
  int n_in_force = 0;         // of them with a line in force
  double simple = 0;          // NA when no product is averaged
  double trade_weighted = 0;  // NA when the weights sum to 0
  double weight_total = 0;
};

// Average tariff of each product group on `date` (Bown & Kolb; WTO World Tariff Profiles):
//   simple          t_s = (1/N) sum_p t_p(date)
//   trade-weighted  t_w = sum_p w_p t_p(date) / sum_p w_p
// `products` maps each product code of the set to its group ("all" for one set); `weights` holds
// the trade value of the products (base-year or current weights: the caller's choice); a product
// without a weight weighs 0.
std::vector<AverageTariff> average_tariff(const TariffSchedule& schedule, const IsoDate& date,
                                          const std::map<std::string, std::string>& products,
                                          const std::map<std::string, double>& weights,
                                          AbsentTariff absent);

}  // namespace agglo
