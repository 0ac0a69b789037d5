// Tiers: k ordered classes of unit scores (tier 1 = lowest) by Jenks natural breaks or by
// quantiles, with default bilingual labels for five tiers.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

namespace agglo {

struct TierBreak {
  double lower = 0, upper = 0;
  int count = 0;
};

struct Tiers {
  std::vector<int> tier;          // per unit (0 = missing score), 1 = lowest
  std::vector<TierBreak> breaks;  // per tier
  double sdam = 0, sdcm = 0, gvf = 0;
};

// Jenks natural breaks = Fisher's (1958) exact optimal partition of the sorted scores into k
// classes minimising the within-class sum of squared deviations (sdcm), by dynamic programming
// D(c, b) = min_a D(c - 1, a) + SSE(a + 1..b). A unit goes to the first tier whose largest score
// is >= its score. lower/upper = smallest/largest score of the tier.
// Error when there are fewer distinct scores than k.
Tiers jenks_tiers(const Eigen::VectorXd& scores, int k);

enum class IntervalClosure { Right, Left };

// Quantile tiers: breaks q_c = quantile(c / k) of Hyndman-Fan type 7 (R's default); right
// closure: q_(c-1) < x <= q_c (tier 1 closed below); left: q_(c-1) <= x < q_c (tier k closed
// above). lower/upper = q_(c-1), q_c.
Tiers quantile_tiers(const Eigen::VectorXd& scores, int k, IntervalClosure closure);

// Hyndman & Fan (1996) type-7 quantile of sorted values.
double quantile_type7(const std::vector<double>& sorted, double p);

// Goodness of variance fit: sdam, sdcm, gvf = 1 - sdcm / sdam (filled into `t`).
void tier_fit(const Eigen::VectorXd& scores, Tiers& t);

// Default labels of tier c of k (1 = lowest): for k = 5 "weak", "medium", "fairly strong",
// "strong", "very strong" (弱, 中等, 較強, 強, 很強); else "tier c" (第c級).
std::string tier_label_en(int tier, int k);
std::string tier_label_zh(int tier, int k);

}  // namespace agglo
