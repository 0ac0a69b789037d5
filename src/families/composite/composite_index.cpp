#include "families/composite/composite_index.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "families/composite/weights.hpp"

namespace agglo {

ImputeMethod parse_impute_method(const std::string& name) {
  if (name == "none") return ImputeMethod::None;
  if (name == "mean") return ImputeMethod::Mean;
  if (name == "median") return ImputeMethod::Median;
  if (name == "group_mean") return ImputeMethod::GroupMean;
  if (name == "group_median") return ImputeMethod::GroupMedian;
  throw UsageError("unknown imputation \"" + name + "\"");
}

namespace {

double mean_of(std::vector<double> v) {
  if (v.empty()) return NA;
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

double median_of(std::vector<double> v) {
  if (v.empty()) return NA;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

Eigen::MatrixXd impute_indicators(const Eigen::MatrixXd& x, ImputeMethod method,
                                  const std::vector<std::string>& groups) {
  if (method == ImputeMethod::None) return x;
  const bool by_group = method == ImputeMethod::GroupMean || method == ImputeMethod::GroupMedian;
  const bool median = method == ImputeMethod::Median || method == ImputeMethod::GroupMedian;
  if (by_group && groups.size() != static_cast<size_t>(x.rows()))
    throw UsageError("group imputation needs the group of every unit (input units, column group)");
  Eigen::MatrixXd y = x;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    std::map<std::string, std::vector<double>> values;
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      if (!std::isnan(x(i, j)))
        values[by_group ? groups[static_cast<size_t>(i)] : ""].push_back(x(i, j));
    std::map<std::string, double> fill;
    for (auto& [g, v] : values) fill[g] = median ? median_of(v) : mean_of(v);
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      if (std::isnan(x(i, j))) {
        auto it = fill.find(by_group ? groups[static_cast<size_t>(i)] : "");
        if (it != fill.end()) y(i, j) = it->second;
      }
  }
  return y;
}

Eigen::MatrixXd denominate_indicators(const Eigen::MatrixXd& x, const IndicatorFramework& f,
                                      const LabeledMatrix& d, const std::vector<std::string>& units,
                                      std::vector<std::string>* warnings) {
  Eigen::MatrixXd y = x;
  std::map<std::string, Eigen::Index> dcol;
  for (size_t k = 0; k < d.col_labels.size(); ++k)
    dcol[d.col_labels[k]] = static_cast<Eigen::Index>(k);
  std::map<std::string, Eigen::Index> drow;
  for (size_t r = 0; r < d.row_labels.size(); ++r)
    drow[d.row_labels[r]] = static_cast<Eigen::Index>(r);
  for (size_t j = 0; j < f.indicators().size(); ++j) {
    const auto& n = f.node(f.indicators()[j]);
    if (n.denominator.empty()) continue;
    auto c = dcol.find(n.denominator);
    if (c == dcol.end())
      throw Error(n.pos,
                  fmt::format("indicator \"{}\" is divided by \"{}\", which the denominators "
                              "input does not hold",
                              n.code, n.denominator));
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      auto r = drow.find(units[static_cast<size_t>(i)]);
      const double dv = r == drow.end() ? NA : d.values(r->second, c->second);
      const auto jj = static_cast<Eigen::Index>(j);
      if (dv == 0) {
        if (warnings)
          warnings->push_back(fmt::format("unit \"{}\": denominator \"{}\" is 0, so \"{}\" is NA",
                                          units[static_cast<size_t>(i)], n.denominator, n.code));
        y(i, jj) = NA;
      } else {
        y(i, jj) = x(i, jj) / dv;  // NaN denominator -> NA
      }
    }
  }
  return y;
}

Eigen::MatrixXd score_framework(const Eigen::MatrixXd& treated, const IndicatorFramework& f,
                                const NormaliseOptions& normalise, AggregationMethod aggregate,
                                const std::vector<double>& weights, double min_coverage,
                                const std::vector<std::string>& units,
                                std::vector<std::string>* warnings) {
  const Eigen::MatrixXd normalised = normalise_indicators(treated, f, normalise);
  return aggregate_framework(normalised, f, weights, aggregate, min_coverage, units, warnings);
}

CompositeIndex composite_index(const LabeledMatrix& data, const IndicatorFramework& f,
                               const CompositeIndexOptions& o, const LabeledMatrix& denominators,
                               const std::vector<std::string>& groups,
                               std::vector<std::string>* warnings,
                               const std::vector<double>* weights) {
  CompositeIndex r;
  r.units = data.row_labels;
  Eigen::MatrixXd x = data.values;
  if (o.denominate) x = denominate_indicators(x, f, denominators, r.units, warnings);
  r.imputed = impute_indicators(x, o.impute, groups);
  const Eigen::Index n = r.imputed.rows(), m = r.imputed.cols();
  r.data_availability.resize(n);
  std::vector<Eigen::Index> kept;
  for (Eigen::Index i = 0; i < n; ++i) {
    Eigen::Index present = 0;
    for (Eigen::Index j = 0; j < m; ++j) present += std::isnan(r.imputed(i, j)) ? 0 : 1;
    r.data_availability[i] = static_cast<double>(present) / static_cast<double>(m);
    const bool in = r.data_availability[i] >= o.screen_min_coverage;
    r.included.push_back(in);
    if (in) {
      kept.push_back(i);
      r.included_units.push_back(r.units[static_cast<size_t>(i)]);
    }
  }
  if (kept.empty())
    throw Error(fmt::format("no unit has a data availability of at least {}: nothing to score",
                            format_number(o.screen_min_coverage)));
  if (kept.size() < static_cast<size_t>(n) && warnings)
    warnings->push_back(fmt::format("{} of {} units were screened out (data availability below {})",
                                    static_cast<size_t>(n) - kept.size(), n,
                                    format_number(o.screen_min_coverage)));
  r.treated.resize(static_cast<Eigen::Index>(kept.size()), m);
  for (size_t k = 0; k < kept.size(); ++k)
    r.treated.row(static_cast<Eigen::Index>(k)) = r.imputed.row(kept[k]);
  for (Eigen::Index j = 0; j < m; ++j) {
    Treatment t;
    if (o.treat) {
      t = treat_outliers(r.treated.col(j), o.treatment);
    } else {
      t.treated = r.treated.col(j);
      t.skew = t.skew_treated = sample_skewness(t.treated);
      t.kurt = t.kurt_treated = sample_kurtosis(t.treated);
    }
    r.treated.col(j) = t.treated;
    r.treatment.push_back(std::move(t));
  }
  r.weights = weights ? *weights : framework_weights(f);
  r.scores = score_framework(r.treated, f, o.normalise, o.aggregate, r.weights, o.min_coverage,
                             r.included_units, warnings);
  r.ranks.resize(r.scores.rows(), r.scores.cols());
  for (Eigen::Index c = 0; c < r.scores.cols(); ++c)
    r.ranks.col(c) = rank_descending(r.scores.col(c));
  return r;
}

}  // namespace agglo
