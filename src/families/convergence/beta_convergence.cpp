#include "families/convergence/beta_convergence.hpp"

#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"

namespace agglo::convergence {

RegionalGrowth average_log_growth(const Eigen::MatrixXd& y, double T, GrowthPeriods periods) {
  if (!(T > 0)) throw Error(fmt::format("beta convergence: time2 must be after time1 (T = {})", T));
  if (y.cols() < 2) throw Error("beta convergence: the growth rate needs at least two years");
  const auto n = y.rows();
  RegionalGrowth g;
  g.ln_initial = Eigen::VectorXd::Constant(n, NA);
  g.ln_growth = Eigen::VectorXd::Constant(n, NA);
  g.why_na.assign(static_cast<size_t>(n), "");
  for (Eigen::Index r = 0; r < n; ++r) {
    const auto row = y.row(r);
    auto& why = g.why_na[static_cast<size_t>(r)];
    if (row.array().isNaN().any()) {
      why = "NA in a year of the growth period";
    } else if ((row.array() <= 0).any()) {
      why = "a zero or negative value (growth is measured in logs)";
    }
    if (!std::isnan(row(0)) && row(0) > 0) g.ln_initial(r) = std::log(row(0));
    if (!why.empty()) continue;
    if (periods == GrowthPeriods::Endpoints) {
      g.ln_growth(r) = std::log(row(row.size() - 1) / row(0)) / T;
    } else {
      double sum = 0;
      for (Eigen::Index t = 1; t < row.size(); ++t) sum += std::log(row(t) / row(t - 1));
      g.ln_growth(r) = sum / static_cast<double>(row.size() - 1);
    }
  }
  return g;
}

ConvergenceSpeed convergence_speed(double beta, double T) {
  ConvergenceSpeed s;
  if (std::isnan(beta)) {
    s.why_na = "beta is NA";
  } else if (beta >= 0) {
    s.why_na = fmt::format(
        "no convergence (beta = {} >= 0): lambda and the half-life are undefined", beta);
  } else if (beta * T <= -1) {
    s.why_na = fmt::format("beta T = {} <= -1: lambda = -ln(1 + beta T)/T is undefined", beta * T);
  } else {
    s.lambda = -std::log1p(beta * T) / T;
    s.half_life = std::log(2.0) / s.lambda;
  }
  return s;
}

BetaConvergence beta_convergence(const Eigen::VectorXd& ln_initial,
                                 const Eigen::VectorXd& ln_growth,
                                 const Eigen::MatrixXd& conditions, double T,
                                 regression::OlsCovariance covariance) {
  const auto n = ln_initial.size();
  if (ln_growth.size() != n || (conditions.cols() > 0 && conditions.rows() != n))
    throw Error(
        "beta convergence: the growth rates, initial levels and conditions differ in length");
  Eigen::MatrixXd X(n, 2 + conditions.cols());
  X.col(0).setOnes();
  X.col(1) = ln_initial;
  if (conditions.cols() > 0) X.rightCols(conditions.cols()) = conditions;
  BetaConvergence b;
  b.used = regression::complete_cases(X, ln_growth);
  const auto m = static_cast<Eigen::Index>(b.used.size());
  Eigen::MatrixXd Xc(m, X.cols());
  Eigen::VectorXd yc(m);
  for (Eigen::Index k = 0; k < m; ++k) {
    Xc.row(k) = X.row(b.used[static_cast<size_t>(k)]);
    yc(k) = ln_growth(b.used[static_cast<size_t>(k)]);
  }
  b.fit =
      regression::ordinary_least_squares(Xc, yc, {.has_intercept = true, .covariance = covariance});
  b.speed = convergence_speed(b.fit.coefficients(1), T);
  return b;
}

}  // namespace agglo::convergence
