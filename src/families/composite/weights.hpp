// Weights of an indicator framework: equal, PCA-based and Shannon-entropy weights, rescaled
// inside each parent group, the effective weight of every code in the index, and AHP.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "families/composite/framework.hpp"

namespace agglo {

// Rescales raw relative weights v (one per framework node) inside every parent group:
// w_i = v_i / sum_{j in siblings(i)} v_j. A group whose weights sum to 0 is an error.
std::vector<double> group_weights(const IndicatorFramework& f, const std::vector<double>& raw);

// Effective weight of every code in the index (COINr get_eff_weights):
// the product of the group weights on the path from the code to the top.
std::vector<double> effective_weights(const IndicatorFramework& f, const std::vector<double>& w);

// Equal weights: every code weighs 1 inside its group (so 1 / number of siblings).
std::vector<double> equal_weights(const IndicatorFramework& f);

// The hierarchy's own weights (relative) rescaled inside each group.
std::vector<double> framework_weights(const IndicatorFramework& f);

enum class PcaWeighting { Loadings, SquaredLoadings };

struct PcaGroup {
  std::string group;               // parent code, or "All"
  std::vector<size_t> indicators;  // columns of the data
  Eigen::VectorXd loadings;        // unit eigenvector, sign: sum >= 0
  double eigenvalue = 0, variance_share = 0;
  Eigen::Index n_units = 0;  // complete rows used
};

// PCA weights (OECD/JRC Handbook 2008, 6.1; COINr get_PCA): the first principal component of
// the correlation matrix of the complete rows of each group; loadings a_i with the sign fixed so
// that sum a_i >= 0; relative weights v_i = a_i (COINr) or a_i^2 (squared loadings, sum 1).
// Groups = parent groups (`by_groups`) or one group "All" over every indicator.
std::vector<PcaGroup> pca_groups(const Eigen::MatrixXd& x, const IndicatorFramework& f,
                                 bool by_groups);
std::vector<double> pca_weights(const IndicatorFramework& f, const std::vector<PcaGroup>& groups,
                                PcaWeighting weighting);

struct EntropyWeights {
  Eigen::VectorXd entropy, divergence, weight;  // per indicator; weight = d_j / sum d
};

// Shannon entropy weights (Zeleny 1982; Zou et al. 2006): p_ij = x_ij / sum_i x_ij,
// e_j = -(1 / ln n_j) sum_i p_ij ln p_ij (0 ln 0 = 0, n_j = non-missing values),
// d_j = 1 - e_j, w_j = d_j / sum_k d_k. Needs x >= 0 and at least two values with a positive sum.
EntropyWeights entropy_weights(const Eigen::MatrixXd& x, const std::vector<std::string>& names);

// Relative weights with the entropy weights at level 1 and the hierarchy weights above.
std::vector<double> entropy_framework_weights(const IndicatorFramework& f, const EntropyWeights& e);

struct AhpResult {
  Eigen::VectorXd weights;  // principal right eigenvector, summing to 1
  double lambda_max = 0;
  double consistency_index = 0;  // CI = (lambda_max - n) / (n - 1)
  double random_index = 0;       // Saaty's RI for n
  double consistency_ratio = 0;  // CR = CI / RI (0 for n <= 2, always consistent; NaN for n > 15)
};

// Analytic hierarchy process (Saaty 1980): weights = principal eigenvector of the positive
// reciprocal pairwise-comparison matrix A (a_ji = 1 / a_ij), CR = CI / RI; CR < 0.1 is the
// usual acceptance rule. Errors for a non-square, non-positive or non-reciprocal matrix.
AhpResult ahp_weights(const Eigen::MatrixXd& a);

}  // namespace agglo
