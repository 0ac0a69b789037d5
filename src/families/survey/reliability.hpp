// Internal-consistency reliability of a scale (psych alpha()).
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

namespace agglo {

enum class MissingAnswers { Pairwise, Listwise };

struct ItemReliability {
  double n = 0, raw_r = 0, std_r = 0, r_cor = 0, r_drop = 0, mean = 0, sd = 0;
  double alpha_if_dropped = 0, std_alpha_if_dropped = 0, g6_if_dropped = 0,
         average_r_if_dropped = 0;
};

struct ScaleReliability {
  double raw_alpha = 0, std_alpha = 0, g6_smc = 0, average_r = 0, signal_noise = 0, median_r = 0;
  double total_mean = 0, total_sd = 0;
  Eigen::Index n_respondents = 0;  // respondents used (listwise) or with a total (pairwise)
  std::vector<ItemReliability> items;
};

// Cronbach's (1951) alpha and the item statistics of psych::alpha() (Revelle) on the keyed
// answers x (respondents x items of one scale, reverse-keyed items already turned, NaN = missing):
//   C = covariance matrix (pairwise: each entry over the respondents answering both items),
//   R = its correlation matrix, k = items
//   raw_alpha = k/(k-1) (1 - tr C / sum C);  std_alpha = k/(k-1) (1 - k / sum R)
//   g6_smc (Guttman's lambda 6) = 1 - (k - sum smc) / sum R,  smc_i = 1 - 1/(R^-1)_ii
//   average_r = (sum R - k) / (k (k - 1));  signal_noise = k r / (1 - r);  median_r
//   item: raw_r = cor(total, x_j) (total = mean of the answered items), std_r = colsum R / sqrt(sum
//   R), r_cor (R with smc on the diagonal), r_drop = item-rest correlation implied by C, and the
//   four statistics with the item dropped.
// Errors: fewer than two items, an item without variance (R undefined). NA with a warning:
// a singular R (smc, lambda 6); the if-dropped statistics of a two-item scale.
ScaleReliability cronbach_alpha(const Eigen::MatrixXd& x, MissingAnswers missing,
                                std::vector<std::string>* warnings = nullptr,
                                const std::string& scale_name = "");

}  // namespace agglo
