// Inequality and dispersion indices of a regional value x (per-capita income, GDP per capita)
// across n regions, each optionally weighted by population w. Without weights every region counts
// once (omega_i = 1/n); with weights omega_i = w_i / W, W = sum(w), and the weighted mean
// m_w = sum(omega x) is used throughout (Williamson 1965). Income shares q_i = omega_i x_i / m_w.
// The vectors hold observed values only (the caller leaves NA out). Undefined results are NA with
// the reason (see Scalar).
#pragma once

#include <Eigen/Core>

#include "families/inequality/scalar.hpp"

namespace agglo::inequality {

// Empty `w` = equal weights. Reason when the weights are unusable (size, negative, zero sum), else
// "".
std::string check_weights(const Eigen::VectorXd& x, const Eigen::VectorXd& w);

// Gini coefficient (Gini 1912), the mean absolute difference over twice the mean:
//   G = sum_i sum_j omega_i omega_j |x_i - x_j| / (2 m_w)   (= sum|x_i - x_j| / (2 n^2 m)
//   unweighted)
// computed in O(n log n) from the sorted values. Requires x >= 0 and a positive mean.
Scalar gini(const Eigen::VectorXd& x, const Eigen::VectorXd& w = {});

// Small-sample Gini n/(n-1) G (REAT coefnorm = TRUE), unweighted; 1 when one region holds
// everything.
Scalar gini_normalised(const Eigen::VectorXd& x);

// Atkinson (1970) index with inequality aversion epsilon >= 0:
//   A = 1 - ( sum_i omega_i (x_i/m_w)^(1-e) )^(1/(1-e))   (e != 1)
//   A = 1 - exp(sum_i omega_i ln x_i) / m_w                  (e = 1)
// x >= 0; for e >= 1 every x must be positive (NA otherwise).
Scalar atkinson(const Eigen::VectorXd& x, double epsilon, const Eigen::VectorXd& w = {});

// Theil's T index (Theil 1967), GE(1): T = sum_i q_i ln(q_i / omega_i) = sum_i omega_i (x_i/m_w)
// ln(x_i/m_w). Zeros contribute 0 (the limit of q ln q); negative values give NA.
Scalar theil_t(const Eigen::VectorXd& x, const Eigen::VectorXd& w = {});

// Mean log deviation, Theil's L, GE(0): L = sum_i omega_i ln(m_w / x_i). Requires x > 0.
Scalar mean_log_deviation(const Eigen::VectorXd& x, const Eigen::VectorXd& w = {});

// Standard deviation, unweighted: sqrt(sum (x - m)^2 / (n - 1)) (sample) or / n (population).
Scalar standard_deviation(const Eigen::VectorXd& x, bool sample);
// Population-weighted standard deviation sqrt(sum omega_i (x_i - m_w)^2).
Scalar standard_deviation_weighted(const Eigen::VectorXd& x, const Eigen::VectorXd& w);

// Coefficient of variation sd / |m| (sample or population SD).
Scalar coefficient_of_variation(const Eigen::VectorXd& x, bool sample);
// CV bounded by 1 (Kohn & Oeztuerk 2013): cv_population / sqrt(n - 1) (= cv_sample / sqrt(n)).
Scalar coefficient_of_variation_normalised(const Eigen::VectorXd& x);
// Williamson (1965) index, the population-weighted CV around the weighted mean:
//   V_w = sqrt( sum_i omega_i (x_i - m_w)^2 ) / m_w
Scalar williamson(const Eigen::VectorXd& x, const Eigen::VectorXd& w);

// Herfindahl-Hirschman index of the value shares s_i = x_i / sum x: H = sum s_i^2; normalised
// (H - 1/n)/(1 - 1/n); the equivalent number of regions 1/H.
Scalar herfindahl(const Eigen::VectorXd& x);
Scalar herfindahl_normalised(const Eigen::VectorXd& x);
Scalar herfindahl_equivalent_number(const Eigen::VectorXd& x);

// Hoover (1936) index of income against population, 1/2 sum_i |q_i - omega_i|.
Scalar hoover(const Eigen::VectorXd& x, const Eigen::VectorXd& w = {});
// Coulter (1989) coefficient sqrt( sum_i (q_i - omega_i)^2 / 2 ).
Scalar coulter(const Eigen::VectorXd& x, const Eigen::VectorXd& w = {});

}  // namespace agglo::inequality
