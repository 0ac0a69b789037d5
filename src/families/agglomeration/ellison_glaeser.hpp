// Ellison & Glaeser (1997) agglomeration and coagglomeration indices from plant-level data.
#pragma once

#include <vector>

#include <Eigen/Core>

namespace agglo {

// Plants of several industries in several regions; industries and regions as dense ids.
struct Plants {
  std::vector<Eigen::Index> industry;  // in [0, industries)
  std::vector<Eigen::Index> region;    // in [0, regions)
  std::vector<double> size;            // employment (non-negative)
  Eigen::Index industries = 0;
  Eigen::Index regions = 0;
};

// Internal reference distribution: x_j = the size of all plants (all industries) in region j
// over the size of all plants (REAT ellison.a2). NA everywhere when all plants have size 0.
Eigen::VectorXd plant_region_shares(const Plants& plants);

struct EllisonGlaeser {
  Eigen::VectorXd gamma;   // the agglomeration index
  Eigen::VectorXd G;       // raw geographic concentration sum_j (s_ij - x_j)^2
  Eigen::VectorXd z_G;     // (G - E[G]) / sd(G) under random location of the plants
  Eigen::VectorXd plants;  // K, number of plants
  Eigen::VectorXd hhi;     // plant Herfindahl H
};

// Ellison & Glaeser (1997) JPE 105(5) agglomeration index of every industry i, with the regional
// shares s_ij = e_ij / e_i of the industry and x_j of the reference (`region_shares`, sum 1):
//   G_i = sum_j (s_ij - x_j)^2,  H_i = sum_k (e_ik / e_i)^2 over the industry's plants k
//   gamma_i = (G_i - (1 - sum_j x_j^2) H_i) / ((1 - sum_j x_j^2)(1 - H_i))
//   Var(G_i) = 2 [H_i^2 (sum x^2 - 2 sum x^3 + (sum x^2)^2)
//                 - sum_k (e_ik / e_i)^4 (sum x^2 - 4 sum x^3 + 3 (sum x^2)^2)]
//   z_G = (G_i - (1 - sum_j x_j^2) H_i) / sqrt(Var(G_i))     (REAT ellison.a, ellison.a2)
// NA: gamma for an industry of one plant (H = 1), every value for an industry whose plants have
// size 0, gamma and z_G for a single-region reference (sum x^2 = 1), z_G when Var(G) <= 0.
EllisonGlaeser ellison_glaeser(const Plants& plants, const Eigen::VectorXd& region_shares);

// Ellison & Glaeser (1997) coagglomeration index of every pair of industries, in the pair form
// of Ellison, Glaeser & Kerr (2010) AER 100(3), eq. 2 (identical to the 1997 formula for two
// industries):
//   gamma^c_ab = sum_j (s_aj - x_j)(s_bj - x_j) / (1 - sum_j x_j^2)
// Symmetric industries x industries matrix; the diagonal (a pair needs two industries) and the
// rows and columns of industries whose plants have size 0 are NA.
Eigen::MatrixXd ellison_glaeser_coagglomeration(const Plants& plants,
                                                const Eigen::VectorXd& region_shares);

}  // namespace agglo
