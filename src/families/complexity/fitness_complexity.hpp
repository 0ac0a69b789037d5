// Fitness of regions and complexity of industries by the non-linear map of Tacchella, Cristelli,
// Caldarelli, Gabrielli & Pietronero (2012), "A new metrics for countries' fitness and products'
// complexity", Scientific Reports 2:723.
#pragma once

#include <string>

#include <Eigen/Core>

namespace agglo {

// F~_c(n) = sum_p M_cp Q_p(n-1),   Q~_p(n) = 1 / sum_c M_cp / F_c(n-1),
// F(n) = F~(n) / mean F~(n),       Q(n) = Q~(n) / mean Q~(n),  starting from F = Q = 1.
// Iterates until no normalised value changes by more than `tolerance` or `max_iterations`.
// On a non-nested matrix some values tend to 0 only slowly (Pugliese et al. 2016), so
// `converged` may be false; the values are then those of the last iteration. Regions without
// any presence and industries present nowhere are NA and excluded from the means.
struct FitnessComplexity {
  Eigen::VectorXd fitness, complexity;
  int iterations = 0;
  bool converged = false;
  std::string problem;
};
FitnessComplexity fitness_complexity(const Eigen::MatrixXd& presence, int max_iterations = 1000,
                                     double tolerance = 1e-12);

}  // namespace agglo
