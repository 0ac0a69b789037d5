// A composite indicator built end to end (OECD/JRC Handbook on Constructing Composite
// Indicators, 2008; the COINr build of the JRC): denominate -> impute -> screen units ->
// treat outliers -> normalise with directions -> aggregate level by level -> rank.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/matrix.hpp"
#include "families/composite/aggregate.hpp"
#include "families/composite/framework.hpp"
#include "families/composite/normalise.hpp"
#include "families/composite/treat.hpp"

namespace agglo {

enum class ImputeMethod { None, Mean, Median, GroupMean, GroupMedian };
ImputeMethod parse_impute_method(const std::string& name);

// Imputation of missing indicator values by the mean or median of the indicator over all
// units or over the units of the same group (COINr i_mean, i_median, i_mean_grp, i_median_grp).
// A value stays missing when its group has no value of the indicator.
Eigen::MatrixXd impute_indicators(const Eigen::MatrixXd& x, ImputeMethod method,
                                  const std::vector<std::string>& groups = {});

// Denomination: x_ij / D_i,k for indicators whose framework node names a denominator k
// (columns of `denominators`, rows aligned with x). A missing denominator gives NA; a zero one
// gives NA with a warning.
Eigen::MatrixXd denominate_indicators(const Eigen::MatrixXd& x, const IndicatorFramework& f,
                                      const LabeledMatrix& denominators,
                                      const std::vector<std::string>& units,
                                      std::vector<std::string>* warnings);

struct CompositeIndexOptions {
  bool denominate = true;
  ImputeMethod impute = ImputeMethod::None;
  double screen_min_coverage = 0;  // units with a lower share of non-missing indicators are dropped
  bool treat = true;
  TreatmentOptions treatment;
  NormaliseOptions normalise{NormaliseMethod::MinMax, 0, 100};
  AggregationMethod aggregate = AggregationMethod::Arithmetic;
  double min_coverage = 0;  // aggregation coverage rule (COINr dat_thresh)
};

struct CompositeIndex {
  std::vector<std::string> units;     // all units
  Eigen::MatrixXd imputed;            // units x indicators after denomination and imputation
  Eigen::VectorXd data_availability;  // per unit
  std::vector<bool> included;         // per unit
  std::vector<Treatment> treatment;   // per indicator (over the included units)
  std::vector<std::string> included_units;
  Eigen::MatrixXd treated;      // included units x indicators
  Eigen::MatrixXd scores;       // included units x framework nodes
  Eigen::MatrixXd ranks;        // same shape, 1 = highest, ties = min
  std::vector<double> weights;  // group weights per framework node
};

// The whole build; `groups` (per unit) is needed by the group imputations, `denominators` by
// denominate. Weights are the framework's (relative) unless `weights` is given (one per node).
CompositeIndex composite_index(const LabeledMatrix& data, const IndicatorFramework& f,
                               const CompositeIndexOptions& options,
                               const LabeledMatrix& denominators = {},
                               const std::vector<std::string>& groups = {},
                               std::vector<std::string>* warnings = nullptr,
                               const std::vector<double>* weights = nullptr);

// Normalise + aggregate + rank of already treated data (the last steps of the build, reused by
// the sensitivity analysis). Returns units x framework nodes.
Eigen::MatrixXd score_framework(const Eigen::MatrixXd& treated, const IndicatorFramework& f,
                                const NormaliseOptions& normalise, AggregationMethod aggregate,
                                const std::vector<double>& weights, double min_coverage,
                                const std::vector<std::string>& units,
                                std::vector<std::string>* warnings);

}  // namespace agglo
