// Uncertainty analysis of a composite index (Saisana, Saltelli & Tarantola 2005; OECD/JRC
// Handbook 2008, 7): the index is rebuilt many times with randomly perturbed weights and
// switched normalisation and aggregation, and each unit's rank distribution is summarised.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "families/composite/aggregate.hpp"
#include "families/composite/framework.hpp"
#include "families/composite/normalise.hpp"

namespace agglo {

struct RankSensitivityOptions {
  int runs = 500;
  uint64_t seed = 1;
  double weight_noise = 0.25;  // every weight times U(1 - noise, 1 + noise)
  // Alternatives drawn uniformly in each run. Geometric and harmonic means need positive
  // scores, so every alternative normalisation maps onto positive values (see the .cpp).
  std::vector<NormaliseMethod> normalisations = {NormaliseMethod::MinMax, NormaliseMethod::ZScore,
                                                 NormaliseMethod::PercentileRank};
  std::vector<AggregationMethod> aggregations = {AggregationMethod::Arithmetic,
                                                 AggregationMethod::Geometric};
  double min_coverage = 0;
};

struct RankSensitivity {
  Eigen::VectorXd nominal_rank, median_rank, q05, q95, mean_abs_shift;  // per unit
  int runs_used = 0;
};

// Ranks of the top code of the framework (1 = highest). `treated` = units x indicators after
// treatment; `nominal` = the nominal normalisation/aggregation/weights. A run whose choices are
// undefined (e.g. a zero-variance indicator) is skipped and counted in a warning.
// Quantiles are type 7 over the runs; mean_abs_shift = mean |rank - nominal rank|.
RankSensitivity rank_sensitivity(const Eigen::MatrixXd& treated, const IndicatorFramework& f,
                                 const NormaliseOptions& nominal_normalise,
                                 AggregationMethod nominal_aggregate,
                                 const std::vector<double>& nominal_weights,
                                 const RankSensitivityOptions& options,
                                 const std::vector<std::string>& units,
                                 std::vector<std::string>* warnings);

}  // namespace agglo
