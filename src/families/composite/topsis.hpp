// TOPSIS: Technique for Order Preference by Similarity to Ideal Solution (Hwang & Yoon 1981).
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

namespace agglo {

struct TopsisResult {
  Eigen::VectorXd d_plus, d_minus, closeness, rank;  // per unit (rows of x)
  Eigen::VectorXd ideal_best, ideal_worst, weights;  // per criterion; weights rescaled to sum 1
};

// x: units x criteria, complete (no NaN); direction +1 = benefit, -1 = cost.
//   r_ij = x_ij / sqrt(sum_i x_ij^2),  v_ij = w_j r_ij,  w_j = weight_j / sum weight
//   A+ = best v per criterion, A- = worst;  d+_i = ||v_i - A+||,  d-_i = ||v_i - A-||
//   C_i = d-_i / (d+_i + d-_i);  rank 1 = largest C (ties = min).
// Errors: a criterion whose values are all 0 (no vector norm), weights summing to 0. A unit
// with d+ + d- = 0 (every criterion equal for all units) gets C = NA.
TopsisResult topsis(const Eigen::MatrixXd& x, const Eigen::VectorXd& weights,
                    const std::vector<int>& directions, const std::vector<std::string>& criteria,
                    std::vector<std::string>* warnings = nullptr);

}  // namespace agglo
