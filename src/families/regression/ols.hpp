// Ordinary least squares on a design matrix, solved by a column-pivoting Householder QR (never
// the normal equations), with classical or HC1 heteroskedasticity-robust standard errors and the
// usual model statistics. The reusable regression kernel of the engine (beta convergence, sigma
// trends, and later work).
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/table.hpp"

namespace agglo::regression {

enum class OlsCovariance {
  Classical,  // s^2 (X'X)^-1, s^2 = RSS / (n - k)
  HC1         // n/(n-k) (X'X)^-1 X' diag(e^2) X (X'X)^-1 (MacKinnon & White 1985)
};

struct OlsOptions {
  // True when the first column of X is the intercept (a column of ones): R^2 and the F test are
  // then measured against the mean model, otherwise against zero (uncentred).
  bool has_intercept = true;
  OlsCovariance covariance = OlsCovariance::Classical;
};

struct OlsFit {
  Eigen::VectorXd coefficients;
  Eigen::VectorXd std_errors;
  Eigen::VectorXd t_values;
  Eigen::VectorXd p_values;  // two-sided, Student t with n - k degrees of freedom
  Eigen::VectorXd fitted;
  Eigen::VectorXd residuals;
  Eigen::MatrixXd covariance;  // of the coefficients
  double rss = 0;              // residual sum of squares
  double sigma = 0;            // residual standard error sqrt(RSS / (n - k))
  double r_squared = 0;
  double adj_r_squared = 0;
  double f_value = NA;  // overall F test of all slopes = 0 (Wald form with HC1)
  double f_df1 = 0, f_df2 = 0;
  double f_p_value = NA;
  int n = 0;  // observations
  int k = 0;  // coefficients
};

// OLS of y on X (n x k). Throws agglo::Error when n <= k (no residual degrees of freedom), when X
// is rank deficient (a regressor is a linear combination of the others) or when an input is NA
// (drop incomplete observations first, e.g. with complete_cases).
OlsFit ordinary_least_squares(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                              const OlsOptions& options = {});

// Indices of the rows where y and every column of X are observed (not NaN).
std::vector<Eigen::Index> complete_cases(const Eigen::MatrixXd& X, const Eigen::VectorXd& y);

// The estimates as a table: term, estimate, std_error, t_value, p_value.
Table coefficient_table(const OlsFit& fit, const std::vector<std::string>& terms);

// The model statistics as a one-row table: model, r_squared, adj_r_squared, f_value, df1, df2,
// p_value, n, sigma.
Table model_statistics_table(const OlsFit& fit, const std::string& model);

}  // namespace agglo::regression
