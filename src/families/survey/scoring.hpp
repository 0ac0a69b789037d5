// Scale scores of an assessment per respondent and per unit (e.g. per county), and the
// benchmarking of a unit against all units.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "families/survey/instrument.hpp"

namespace agglo {

struct RespondentScores {
  Eigen::MatrixXd n_answered;  // respondents x scales
  Eigen::MatrixXd score;       // NaN when fewer than min_answered items are answered
};

// Scale score of every respondent (psych scoreItems, impute = "none"): the mean of the answered
// keyed items (reverse keyed: scale_min + scale_max - x), missing when fewer than
// `min_answered` items of the scale are answered.
RespondentScores respondent_scale_scores(const Responses& r, const Instrument& instrument,
                                         int min_answered);

enum class PercentileMethod { ScaledRank, MidRank };

struct UnitScores {
  std::vector<std::string> units;            // sorted (numerically when every code is a number)
  Eigen::MatrixXd n, score, sd, percentile;  // units x scales
};

// Per unit and scale: n scored respondents, their mean score, sample sd (NA when n = 1), and the
// unit's percentile among the units with a score:
//   scaled_rank 100 (r_min - 1) / (N - 1)   (lowest 0, highest 100; NA when N = 1)
//   mid_rank    100 (below + equal / 2) / N (ties at their average rank)
// Scores closer than 1e-9 (relative) count as ties. Respondents without a unit are left out.
UnitScores unit_scale_scores(const RespondentScores& s, const std::vector<std::string>& units,
                             PercentileMethod method);

// Percentiles of values (NaN = no value) with the tie rule above.
Eigen::VectorXd unit_percentiles(const Eigen::VectorXd& values, PercentileMethod method);

struct Benchmark {
  std::string unit;
  std::vector<double> score, percentile, median, best, gap_to_median, gap_to_best;  // per scale
  std::vector<std::string> best_unit;
};

// Benchmarking of a unit against all units on every scale: its score and percentile, the median
// and the best unit score, gap_to_median = score - median, gap_to_best = score - best.
Benchmark benchmark_unit(const UnitScores& u, size_t unit);

}  // namespace agglo
