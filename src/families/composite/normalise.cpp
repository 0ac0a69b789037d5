#include "families/composite/normalise.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table.hpp"

namespace agglo {

NormaliseMethod parse_normalise_method(const std::string& name) {
  if (name == "minmax") return NormaliseMethod::MinMax;
  if (name == "zscore") return NormaliseMethod::ZScore;
  if (name == "rank") return NormaliseMethod::Rank;
  if (name == "percentile_rank") return NormaliseMethod::PercentileRank;
  if (name == "dist2max") return NormaliseMethod::Dist2Max;
  if (name == "dist2targ") return NormaliseMethod::Dist2Targ;
  if (name == "goalposts") return NormaliseMethod::Goalposts;
  throw UsageError("unknown normalisation \"" + name + "\"");
}

namespace {

struct Stats {
  double min = INFINITY, max = -INFINITY, mean = 0, sd = NA;
  Eigen::Index n = 0;
};

Stats stats_of(const Eigen::VectorXd& x) {
  Stats s;
  double sum = 0;
  for (double v : x)
    if (!std::isnan(v)) {
      s.min = std::min(s.min, v);
      s.max = std::max(s.max, v);
      sum += v;
      ++s.n;
    }
  if (s.n == 0) return s;
  s.mean = sum / static_cast<double>(s.n);
  if (s.n > 1) {
    double ss = 0;
    for (double v : x)
      if (!std::isnan(v)) ss += (v - s.mean) * (v - s.mean);
    s.sd = std::sqrt(ss / static_cast<double>(s.n - 1));
  }
  return s;
}

std::string label(const std::string& name) {
  return name.empty() ? "the indicator" : "indicator \"" + name + "\"";
}

void require_range(const Stats& s, const std::string& name, const char* method) {
  if (s.n == 0)
    throw Error(
        fmt::format("{} has no values: {} normalisation is undefined", label(name), method));
  if (!(s.max > s.min))
    throw Error(
        fmt::format("{} has zero variance (every unit has the same value): {} normalisation is "
                    "undefined; drop the indicator or choose another normalisation",
                    label(name), method));
}

template <class F>
Eigen::VectorXd map_values(const Eigen::VectorXd& x, F f) {
  Eigen::VectorXd y(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) y[i] = std::isnan(x[i]) ? NA : f(x[i]);
  return y;
}

}  // namespace

Eigen::VectorXd normalise_minmax(const Eigen::VectorXd& x, double lower, double upper,
                                 const std::string& name) {
  const Stats s = stats_of(x);
  require_range(s, name, "min-max");
  return map_values(
      x, [&](double v) { return (v - s.min) / (s.max - s.min) * (upper - lower) + lower; });
}

Eigen::VectorXd normalise_zscore(const Eigen::VectorXd& x, double mean, double sd,
                                 const std::string& name) {
  const Stats s = stats_of(x);
  if (s.n < 2)
    throw Error(fmt::format("{} has fewer than two values: z-score normalisation is undefined",
                            label(name)));
  require_range(s, name, "z-score");
  return map_values(x, [&](double v) { return (v - s.mean) / s.sd * sd + mean; });
}

Eigen::VectorXd normalise_rank(const Eigen::VectorXd& x) {
  std::vector<double> sorted;
  for (double v : x)
    if (!std::isnan(v)) sorted.push_back(v);
  std::sort(sorted.begin(), sorted.end());
  return map_values(x, [&](double v) {
    return static_cast<double>(std::lower_bound(sorted.begin(), sorted.end(), v) - sorted.begin() +
                               1);
  });
}

Eigen::VectorXd normalise_percentile_rank(const Eigen::VectorXd& x, const std::string& name) {
  const Stats s = stats_of(x);
  if (s.n < 2)
    throw Error(
        fmt::format("{} has fewer than two values: percentile ranks are undefined", label(name)));
  const Eigen::VectorXd r = normalise_rank(x);
  return map_values(r, [&](double v) { return (v - 1) / static_cast<double>(s.n - 1); });
}

Eigen::VectorXd normalise_dist2max(const Eigen::VectorXd& x, const std::string& name) {
  const Stats s = stats_of(x);
  require_range(s, name, "distance-to-maximum");
  return map_values(x, [&](double v) { return 1 - (s.max - v) / (s.max - s.min); });
}

Eigen::VectorXd normalise_dist2targ(const Eigen::VectorXd& x, double target, int direction,
                                    bool cap, const std::string& name) {
  if (std::isnan(target))
    throw Error(
        fmt::format("{} has no target: distance-to-target normalisation needs the "
                    "framework column target",
                    label(name)));
  const Stats s = stats_of(x);
  if (s.n == 0) return x;
  const double ref = direction > 0 ? s.min : s.max;
  if (target == ref)
    throw Error(
        fmt::format("{}: the target {} equals the {} value: distance to target is undefined",
                    label(name), format_number(target), direction > 0 ? "lowest" : "highest"));
  return map_values(x, [&](double v) {
    const double y =
        direction > 0 ? (v - s.min) / (target - s.min) : (s.max - v) / (s.max - target);
    return cap ? std::min(y, 1.0) : y;
  });
}

Eigen::VectorXd normalise_goalposts(const Eigen::VectorXd& x, double lower, double upper,
                                    int direction, bool truncate, double scale,
                                    const std::string& name) {
  if (std::isnan(lower) || std::isnan(upper) || !(upper > lower))
    throw Error(fmt::format("{}: goalposts need goalpost_lower < goalpost_upper, got {} and {}",
                            label(name), format_number(lower), format_number(upper)));
  return map_values(x, [&](double v) {
    double y = direction > 0 ? (v - lower) / (upper - lower) : (upper - v) / (upper - lower);
    if (truncate) y = std::clamp(y, 0.0, 1.0);
    return y * scale;
  });
}

Eigen::MatrixXd normalise_indicators(const Eigen::MatrixXd& x, const IndicatorFramework& f,
                                     const NormaliseOptions& o) {
  Eigen::MatrixXd y(x.rows(), x.cols());
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const auto& n = f.node(f.indicators()[static_cast<size_t>(j)]);
    const Eigen::VectorXd raw = x.col(j);
    const Eigen::VectorXd directed = raw * static_cast<double>(n.direction);
    switch (o.method) {
      case NormaliseMethod::MinMax:
        y.col(j) = normalise_minmax(directed, o.lower, o.upper, n.code);
        break;
      case NormaliseMethod::ZScore:
        y.col(j) = normalise_zscore(directed, o.mean, o.sd, n.code);
        break;
      case NormaliseMethod::Rank:
        y.col(j) = normalise_rank(directed);
        break;
      case NormaliseMethod::PercentileRank:
        y.col(j) = normalise_percentile_rank(directed, n.code);
        break;
      case NormaliseMethod::Dist2Max:
        y.col(j) = normalise_dist2max(directed, n.code);
        break;
      case NormaliseMethod::Dist2Targ:
        y.col(j) = normalise_dist2targ(raw, n.target, n.direction, o.cap, n.code);
        break;
      case NormaliseMethod::Goalposts:
        y.col(j) = normalise_goalposts(raw, n.goalpost_lower, n.goalpost_upper, n.direction,
                                       o.truncate, o.scale, n.code);
        break;
    }
  }
  return y;
}

Eigen::VectorXd rank_descending(const Eigen::VectorXd& x) {
  std::vector<double> sorted;
  for (double v : x)
    if (!std::isnan(v)) sorted.push_back(v);
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  return map_values(x, [&](double v) {
    return static_cast<double>(std::lower_bound(sorted.begin(), sorted.end(), v, std::greater<>()) -
                               sorted.begin() + 1);
  });
}

}  // namespace agglo
