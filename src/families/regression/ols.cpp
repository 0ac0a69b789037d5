#include "families/regression/ols.hpp"

#include <cmath>

#include <fmt/format.h>
#include <Eigen/QR>

#include "core/error.hpp"
#include "families/regression/distributions.hpp"

namespace agglo::regression {

std::vector<Eigen::Index> complete_cases(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  std::vector<Eigen::Index> rows;
  for (Eigen::Index i = 0; i < y.size(); ++i)
    if (!std::isnan(y(i)) && !X.row(i).array().isNaN().any()) rows.push_back(i);
  return rows;
}

OlsFit ordinary_least_squares(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                              const OlsOptions& options) {
  const Eigen::Index n = X.rows(), k = X.cols();
  if (y.size() != n)
    throw Error(fmt::format("OLS: {} observations of y but {} rows of X", y.size(), n));
  if (k == 0) throw Error("OLS: the model has no regressor");
  if (X.array().isNaN().any() || y.array().isNaN().any())
    throw Error("OLS: the data hold NA values; leave incomplete observations out first");
  if (n <= k)
    throw Error(
        fmt::format("OLS: {} observations are too few for {} coefficients (need more "
                    "observations than coefficients)",
                    n, k));

  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
  if (qr.rank() < k)
    throw Error(
        fmt::format("OLS: the regressors are collinear (rank {} of {} columns); drop a "
                    "regressor that is a combination of the others",
                    qr.rank(), k));

  OlsFit fit;
  fit.n = static_cast<int>(n);
  fit.k = static_cast<int>(k);
  fit.coefficients = qr.solve(y);
  fit.fitted = X * fit.coefficients;
  fit.residuals = y - fit.fitted;
  fit.rss = fit.residuals.squaredNorm();
  const double df_resid = static_cast<double>(n - k);
  fit.sigma = std::sqrt(fit.rss / df_resid);

  // (X'X)^-1 = P R^-1 R^-T P' from the QR factors (no normal equations).
  const Eigen::MatrixXd R =
      qr.matrixR().topLeftCorner(k, k).template triangularView<Eigen::Upper>();
  const Eigen::MatrixXd R_inv =
      R.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(k, k));
  const Eigen::MatrixXd P = qr.colsPermutation();
  const Eigen::MatrixXd xtx_inv = P * (R_inv * R_inv.transpose()) * P.transpose();

  if (options.covariance == OlsCovariance::Classical) {
    fit.covariance = (fit.rss / df_resid) * xtx_inv;
  } else {
    const Eigen::MatrixXd meat =
        X.transpose() * fit.residuals.array().square().matrix().asDiagonal() * X;
    fit.covariance = (static_cast<double>(n) / df_resid) * xtx_inv * meat * xtx_inv;
  }
  fit.std_errors = fit.covariance.diagonal().array().sqrt();
  fit.t_values = fit.coefficients.array() / fit.std_errors.array();
  fit.p_values = fit.t_values.unaryExpr(
      [df_resid](double t) { return stats::student_t_two_sided_p(t, df_resid); });

  // R^2 against the mean model with an intercept, against zero without one (as R's lm).
  const double tss =
      options.has_intercept ? (y.array() - y.mean()).square().sum() : y.squaredNorm();
  const double df_model = static_cast<double>(options.has_intercept ? k - 1 : k);
  fit.r_squared = tss > 0 ? 1.0 - fit.rss / tss : NA;
  const double df_total = static_cast<double>(options.has_intercept ? n - 1 : n);
  fit.adj_r_squared = tss > 0 ? 1.0 - (1.0 - fit.r_squared) * df_total / df_resid : NA;

  fit.f_df1 = df_model;
  fit.f_df2 = df_resid;
  if (df_model > 0) {
    if (options.covariance == OlsCovariance::Classical) {
      fit.f_value = tss > 0 ? ((tss - fit.rss) / df_model) / (fit.rss / df_resid) : NA;
    } else {
      // Wald test of the slopes with the robust covariance, divided by the number of restrictions.
      const Eigen::Index first = options.has_intercept ? 1 : 0;
      const Eigen::VectorXd b = fit.coefficients.tail(k - first);
      const Eigen::MatrixXd V = fit.covariance.bottomRightCorner(k - first, k - first);
      fit.f_value = b.dot(V.ldlt().solve(b)) / df_model;
    }
    fit.f_p_value = stats::f_sf(fit.f_value, fit.f_df1, fit.f_df2);
  }
  return fit;
}

Table coefficient_table(const OlsFit& fit, const std::vector<std::string>& terms) {
  if (terms.size() != static_cast<size_t>(fit.k))
    throw Error(fmt::format("OLS: {} term names for {} coefficients", terms.size(), fit.k));
  Table t;
  t.add_text("term", terms);
  t.add_number("estimate", fit.coefficients);
  t.add_number("std_error", fit.std_errors);
  t.add_number("t_value", fit.t_values);
  t.add_number("p_value", fit.p_values);
  return t;
}

Table model_statistics_table(const OlsFit& fit, const std::string& model) {
  Table t;
  t.add_text("model", {model});
  t.add_number("r_squared", std::vector<double>{fit.r_squared});
  t.add_number("adj_r_squared", std::vector<double>{fit.adj_r_squared});
  t.add_number("f_value", std::vector<double>{fit.f_value});
  t.add_number("df1", std::vector<double>{fit.f_df1});
  t.add_number("df2", std::vector<double>{fit.f_df2});
  t.add_number("p_value", std::vector<double>{fit.f_p_value});
  t.add_number("n", std::vector<double>{static_cast<double>(fit.n)});
  t.add_number("sigma", std::vector<double>{fit.sigma});
  return t;
}

}  // namespace agglo::regression
