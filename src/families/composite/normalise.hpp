// Normalisation of indicators onto a common scale (OECD/JRC Handbook on Constructing Composite
// Indicators, 2008, section 1.5; COINr n_* functions). Every function works on one indicator
// column; NaN (missing) stays NaN and the statistics use the non-missing values.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "families/composite/framework.hpp"

namespace agglo {

enum class NormaliseMethod { MinMax, ZScore, Rank, PercentileRank, Dist2Max, Dist2Targ, Goalposts };

NormaliseMethod parse_normalise_method(const std::string& name);

struct NormaliseOptions {
  NormaliseMethod method = NormaliseMethod::MinMax;
  double lower = 0, upper = 100;  // minmax target range
  double mean = 0, sd = 1;        // zscore target mean and sd
  bool cap = true;                // dist2targ: scores beyond the target are set to 1
  bool truncate = true;           // goalposts: clip to [0, 1] before scaling
  double scale = 100;             // goalposts: multiplier of the clipped score
};

// Min-max: y = (x - min) / (max - min) * (upper - lower) + lower. Error when max = min.
Eigen::VectorXd normalise_minmax(const Eigen::VectorXd& x, double lower, double upper,
                                 const std::string& name = "");
// z-score: y = (x - mean) / sd * sd_target + mean_target (sd with n - 1). Error when sd = 0.
Eigen::VectorXd normalise_zscore(const Eigen::VectorXd& x, double mean, double sd,
                                 const std::string& name = "");
// Rank among the non-missing values, 1 = lowest, ties share the smallest rank (R rank "min").
Eigen::VectorXd normalise_rank(const Eigen::VectorXd& x);
// Percentile rank: (rank_min - 1) / (n - 1). Error when fewer than two values.
Eigen::VectorXd normalise_percentile_rank(const Eigen::VectorXd& x, const std::string& name = "");
// Distance to the maximum: 1 - (max - x) / (max - min). Error when max = min.
Eigen::VectorXd normalise_dist2max(const Eigen::VectorXd& x, const std::string& name = "");
// Distance to a target on the raw values: direction +1 (x - min) / (target - min),
// -1 (max - x) / (max - target); `cap` sets values above 1 to 1.
Eigen::VectorXd normalise_dist2targ(const Eigen::VectorXd& x, double target, int direction,
                                    bool cap, const std::string& name = "");
// Goalposts on the raw values: +1 (x - lower) / (upper - lower), -1 (upper - x) / (upper - lower),
// clipped to [0, 1] when `truncate`, times `scale`.
Eigen::VectorXd normalise_goalposts(const Eigen::VectorXd& x, double lower, double upper,
                                    int direction, bool truncate, double scale,
                                    const std::string& name = "");

// Normalises every column of `x` (units x framework indicators) with the directions of the
// framework: x' = direction * x for every method except dist2targ and goalposts, which use the
// direction in their formula.
Eigen::MatrixXd normalise_indicators(const Eigen::MatrixXd& x, const IndicatorFramework& f,
                                     const NormaliseOptions& options);

// Ranks of scores, 1 = highest, ties share the smallest rank, NaN stays NaN (results tables).
Eigen::VectorXd rank_descending(const Eigen::VectorXd& x);

}  // namespace agglo
