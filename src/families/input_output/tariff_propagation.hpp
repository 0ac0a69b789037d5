// Tariff cost propagation through an MRIO's input-output links (in the spirit of Mao & Görg
// 2019, "Friends like this: the impact of the US-China trade war on global value chains").
#pragma once

#include <Eigen/Core>

#include "families/input_output/leontief.hpp"
#include "families/input_output/mrio.hpp"

namespace agglo {

struct TariffCostEffect {
  Eigen::VectorXd direct, indirect,
      total;  // per using industry (s, j): cost increase per unit of output
};

// Ad-valorem tariffs tau[(r, i), s] levied by importer s on intermediate product i from exporter
// r (r != s; the diagonal blocks are ignored), passed fully into prices along the chain:
//   direct_(s,j) = sum_{(r,i), r != s} a_(r,i),(s,j) tau[(r,i), s]       (first-round cost
//   increase) total'       = direct' L   (Leontief price model: the increase reaches every
//   downstream user) indirect     = total - direct.
// When no industry that pays tariffs sells intermediates (A has no indirect paths), total = direct.
TariffCostEffect tariff_cost_propagation(const Eigen::MatrixXd& A, const Eigen::MatrixXd& tau,
                                         const LeontiefSystem& leontief, const MrioLayout& layout);

}  // namespace agglo
