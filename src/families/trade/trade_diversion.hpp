// Trade diversion by the quadrant method (Nicita 2019 UNCTAD; Fajgelbaum et al. 2023 "The US-China
// trade war and global reallocations"): how a reporter's exports of each product moved between a
// base and a current period, to a target partner and in total.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace agglo {

// Quadrant of a product's change. "up" means a strictly positive change; no change counts as down.
enum class Quadrant { TotalUpTargetUp, TotalUpTargetDown, TotalDownTargetUp, TotalDownTargetDown };
const char* to_string(Quadrant q);

// Exports of one product by destination in the two periods (the target among them).
struct ProductFlows {
  std::map<std::string, double> base, current;  // destination -> value
};

struct ProductDiversion {
  std::string product;
  double total_base = 0, total_current = 0, target_base = 0, target_current = 0;
  double share_base = 0, share_current = 0;  // target / total; NA when the total is 0
  Quadrant quadrant = Quadrant::TotalDownTargetDown;
  bool diverted = false;  // in the diversion quadrant (total up, target down)
  // (share_base - share_current) * total_current; NA when share_base is undefined.
  double diverted_amount = 0;
  // Gains of the other destinations (max(0, current - base)) and the diverted amount allocated
  // to them in proportion to their gains; only for products in the diversion quadrant.
  std::map<std::string, double> destination_gain, destination_allocation;
};

// Quadrant method: for every product p,
//   quadrant = sign(T_p,cur - T_p,base) x sign(X_p,cur - X_p,base)  (T: to target, X: total),
//   diverted_p = (T_p,base / X_p,base - T_p,cur / X_p,cur) X_p,cur   where total rises and T falls.
std::vector<ProductDiversion> trade_diversion(const std::map<std::string, ProductFlows>& products,
                                              const std::string& target);

}  // namespace agglo
