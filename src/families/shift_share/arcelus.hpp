// Arcelus' (1984) eight-component shift-share model.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

namespace agglo {

// Names of the eight components, in the column order of ArcelusShiftShare::by_industry.
const std::vector<std::string>& arcelus_component_names();

struct ArcelusShiftShare {
  Eigen::MatrixXd by_industry;  // industries x 8, columns as arcelus_component_names()
  Eigen::VectorXd total;        // the 8 components summed over the industries
  double growth = 0;            // e2 - e1 = total.sum()
};

// Arcelus (1984) "An extension of shift-share analysis", Growth and Change 15(1). With growth
// rates G = E2/E1 - 1, G_i = E_i2/E_i1 - 1 (reference), r = e2/e1 - 1, r_i = e_i2/e_i1 - 1
// (region) and homothetic employment h_i = e1 E_i1/E1, every effect is split into a homothetic
// part (weight h_i) and an allocation part (weight e_i1 - h_i):
//   national share          h_i G                         | (e_i1 - h_i) G
//   industrial mix          h_i (G_i - G)                 | (e_i1 - h_i) (G_i - G)
//   regional growth         h_i (r - G)                   | (e_i1 - h_i) (r - G)
//   regional industry mix   h_i [(r_i - r) - (G_i - G)]   | (e_i1 - h_i) [(r_i - r) - (G_i - G)]
// The eight sum to e_i2 - e_i1 per industry. With r = G the regional growth terms vanish and
// the regional industry mix parts are Esteban-Marquillas' regional share and allocation effect.
// An industry without a regional base value (e_i1 = 0) has no r_i: its row is NA unless it is
// empty at t2 and has no homothetic employment; NA rows make the totals NA.
ArcelusShiftShare shift_share_arcelus(const Eigen::VectorXd& e1, const Eigen::VectorXd& e2,
                                      const Eigen::VectorXd& E1, const Eigen::VectorXd& E2);

}  // namespace agglo
