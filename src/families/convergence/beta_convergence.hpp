// Beta convergence (Barro & Sala-i-Martin 1992): does a region grow faster the poorer it starts?
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "families/regression/ols.hpp"

namespace agglo::convergence {

enum class GrowthPeriods {
  Endpoints,  // ln(y_last / y_first) / T
  Annual      // mean of the annual log growth rates ln(y_t / y_t-1)
};

struct RegionalGrowth {
  Eigen::VectorXd ln_initial;       // ln y_time1; NA when undefined
  Eigen::VectorXd ln_growth;        // average annual log growth; NA when undefined
  std::vector<std::string> why_na;  // per region: "" or why the region has no growth rate
};

// Average annual log growth of every region. `y` holds the regions' values in its columns:
// the years time1 and time2 (Endpoints) or every year time1..time2 in order (Annual);
// T = time2 - time1. A region with an NA or non-positive value in a needed year gets NA.
RegionalGrowth average_log_growth(const Eigen::MatrixXd& y, double T, GrowthPeriods periods);

struct ConvergenceSpeed {
  double lambda = NA;
  double half_life = NA;
  std::string why_na;
};

// Speed of convergence implied by the per-year coefficient beta of a regression of the average
// annual growth over T years (Barro & Sala-i-Martin 1992: beta = -(1 - exp(-lambda T)) / T):
//   lambda = -ln(1 + beta T) / T,  half-life = ln 2 / lambda;  defined for -1/T < beta < 0.
// (REAT's betaconv.speed() uses -ln(1 + beta)/T, which is T times too small.)
ConvergenceSpeed convergence_speed(double beta, double T);

struct BetaConvergence {
  regression::OlsFit fit;          // coefficients: alpha, beta, then the conditions
  std::vector<Eigen::Index> used;  // regions in the regression (complete cases)
  ConvergenceSpeed speed;
};

// OLS of ln_growth on [1, ln_initial, conditions] (absolute convergence without conditions,
// conditional convergence with them) over the complete cases.
BetaConvergence beta_convergence(
    const Eigen::VectorXd& ln_initial, const Eigen::VectorXd& ln_growth,
    const Eigen::MatrixXd& conditions, double T,
    regression::OlsCovariance covariance = regression::OlsCovariance::Classical);

}  // namespace agglo::convergence
