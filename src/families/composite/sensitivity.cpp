#include "families/composite/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "families/composite/composite_index.hpp"
#include "families/composite/tiers.hpp"

namespace agglo {

namespace {

// Maps an alternative onto positive scores so that every aggregation is defined:
// min-max onto [1, 100], z-scores with mean 100 and sd 10, percentile ranks onto [1, 100].
NormaliseOptions positive_variant(NormaliseMethod m) {
  NormaliseOptions o;
  o.method = m;
  o.lower = 1;
  o.upper = 100;
  o.mean = 100;
  o.sd = 10;
  return o;
}

Eigen::MatrixXd rescale_percentiles(Eigen::MatrixXd y) {
  return (y.array() * 99 + 1).matrix();  // NaN stays NaN
}

Eigen::VectorXd top_ranks(const Eigen::MatrixXd& treated, const IndicatorFramework& f,
                          const NormaliseOptions& n, AggregationMethod a,
                          const std::vector<double>& w, double min_coverage,
                          const std::vector<std::string>& units) {
  Eigen::MatrixXd normalised = normalise_indicators(treated, f, n);
  if (n.method == NormaliseMethod::PercentileRank) normalised = rescale_percentiles(normalised);
  const Eigen::MatrixXd s = aggregate_framework(normalised, f, w, a, min_coverage, units);
  Eigen::Index top = 0;
  for (size_t i = 0; i < f.nodes().size(); ++i)
    if (f.nodes()[i].parent.empty()) top = static_cast<Eigen::Index>(i);
  return rank_descending(s.col(top));
}

}  // namespace

RankSensitivity rank_sensitivity(const Eigen::MatrixXd& treated, const IndicatorFramework& f,
                                 const NormaliseOptions& nominal_normalise,
                                 AggregationMethod nominal_aggregate,
                                 const std::vector<double>& nominal_weights,
                                 const RankSensitivityOptions& o,
                                 const std::vector<std::string>& units,
                                 std::vector<std::string>* warnings) {
  if (o.runs < 1)
    throw UsageError(fmt::format("the number of runs must be at least 1, got {}", o.runs));
  if (o.normalisations.empty() || o.aggregations.empty())
    throw UsageError("rank sensitivity needs at least one normalisation and one aggregation");
  if (f.tree().roots().size() != 1)
    throw Error("rank sensitivity needs a framework with exactly one top code (the index)");
  const Eigen::Index n = treated.rows();
  RankSensitivity r;
  r.nominal_rank = top_ranks(treated, f, nominal_normalise, nominal_aggregate, nominal_weights,
                             o.min_coverage, units);
  std::mt19937_64 rng(o.seed);
  std::uniform_real_distribution<double> noise(1 - o.weight_noise, 1 + o.weight_noise);
  std::vector<std::vector<double>> ranks(static_cast<size_t>(n));
  int skipped = 0;
  std::string first_reason;
  for (int run = 0; run < o.runs; ++run) {
    std::vector<double> w = nominal_weights;
    for (auto& v : w) v *= noise(rng);
    const auto nm = o.normalisations[rng() % o.normalisations.size()];
    const auto ag = o.aggregations[rng() % o.aggregations.size()];
    try {
      const Eigen::VectorXd rk =
          top_ranks(treated, f, positive_variant(nm), ag, w, o.min_coverage, units);
      for (Eigen::Index i = 0; i < n; ++i)
        if (!std::isnan(rk[i])) ranks[static_cast<size_t>(i)].push_back(rk[i]);
      ++r.runs_used;
    } catch (const Error& e) {
      if (skipped++ == 0) first_reason = e.what();
    }
  }
  if (skipped && warnings)
    warnings->push_back(
        fmt::format("rank sensitivity: {} of {} runs were undefined and skipped "
                    "(first: {})",
                    skipped, o.runs, first_reason));
  r.median_rank = r.q05 = r.q95 = r.mean_abs_shift = Eigen::VectorXd::Constant(n, NA);
  for (Eigen::Index i = 0; i < n; ++i) {
    auto& v = ranks[static_cast<size_t>(i)];
    if (v.empty()) continue;
    double shift = 0;
    for (double x : v) shift += std::abs(x - r.nominal_rank[i]);
    std::sort(v.begin(), v.end());
    r.median_rank[i] = quantile_type7(v, 0.5);
    r.q05[i] = quantile_type7(v, 0.05);
    r.q95[i] = quantile_type7(v, 0.95);
    r.mean_abs_shift[i] = shift / static_cast<double>(v.size());
  }
  return r;
}

}  // namespace agglo
