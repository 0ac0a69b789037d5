// Sigma convergence: does the dispersion of a regional value shrink over time?
#pragma once

#include <vector>

#include <Eigen/Core>

#include "families/regression/ols.hpp"

namespace agglo::convergence {

enum class SigmaMeasure {
  SD,  // standard deviation
  CV   // coefficient of variation sd / |mean| (of the logged values when logs are taken)
};

// The dispersion of z (already logged when asked for): population (/n) or sample (/(n-1)) SD,
// or that SD over |mean z|. NA for fewer than 2 values (1 for population SD) or a zero mean (CV).
double sigma_dispersion(const Eigen::VectorXd& z, SigmaMeasure measure, bool sample);

struct SigmaConvergence {
  double sigma1 = NA, sigma2 = NA;
  double quotient = NA;  // sigma1 / sigma2 (> 1: dispersion fell, convergence)
  // F test of equal variances (R var.test): F = s^2(z1)/s^2(z2), sample variances, whatever
  // the dispersion measure; two-sided p = 2 min(P(F <= f), P(F > f)).
  double f_value = NA, df1 = NA, df2 = NA, p_value = NA;
};

// Sigma convergence between two years (Sala-i-Martin 1996; REAT sigmaconv()).
SigmaConvergence sigma_convergence(const Eigen::VectorXd& z1, const Eigen::VectorXd& z2,
                                   SigmaMeasure measure, bool sample);

// Sigma convergence trend: OLS sigma_t = a + b t over the years (REAT sigmaconv.t()); b < 0
// means the dispersion falls. Throws when fewer than three years are given.
regression::OlsFit sigma_trend(const Eigen::VectorXd& years, const Eigen::VectorXd& sigma);

}  // namespace agglo::convergence
