#include "families/survey/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>

#include "core/table.hpp"

namespace agglo {

RespondentScores respondent_scale_scores(const Responses& r, const Instrument& ins,
                                         int min_answered) {
  if (min_answered < 1) throw UsageError("min_answered must be at least 1");
  const Eigen::MatrixXd x = keyed_answers(r, ins);
  const auto n = x.rows(), m = static_cast<Eigen::Index>(ins.scales.size());
  RespondentScores s{Eigen::MatrixXd(n, m), Eigen::MatrixXd(n, m)};
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index c = 0; c < m; ++c) {
      double sum = 0, cnt = 0;
      for (size_t j : ins.scales[static_cast<size_t>(c)].items) {
        const double v = x(i, static_cast<Eigen::Index>(j));
        if (!std::isnan(v)) {
          sum += v;
          cnt += 1;
        }
      }
      s.n_answered(i, c) = cnt;
      s.score(i, c) = cnt > 0 && cnt >= min_answered ? sum / cnt : NA;
    }
  return s;
}

Eigen::VectorXd unit_percentiles(const Eigen::VectorXd& v, PercentileMethod method) {
  std::vector<double> present;
  for (double x : v)
    if (!std::isnan(x)) present.push_back(x);
  const double n = static_cast<double>(present.size());
  Eigen::VectorXd p = Eigen::VectorXd::Constant(v.size(), NA);
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    if (std::isnan(v[i])) continue;
    double below = 0, equal = 0;
    for (double y : present) {
      const bool tie = std::abs(y - v[i]) <= 1e-9 * std::max(std::abs(y), std::abs(v[i]));
      if (tie)
        equal += 1;
      else if (y < v[i])
        below += 1;
    }
    if (method == PercentileMethod::ScaledRank)
      p[i] = n > 1 ? 100 * below / (n - 1) : NA;
    else
      p[i] = 100 * (below + 0.5 * equal) / n;
  }
  return p;
}

UnitScores unit_scale_scores(const RespondentScores& s, const std::vector<std::string>& units,
                             PercentileMethod method) {
  UnitScores u;
  bool numeric = true;
  std::map<std::string, std::vector<Eigen::Index>> members;
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i].empty()) continue;
    members[units[i]].push_back(static_cast<Eigen::Index>(i));
    char* end = nullptr;
    std::strtod(units[i].c_str(), &end);
    numeric = numeric && end && *end == '\0';
  }
  for (const auto& [unit, rows] : members) u.units.push_back(unit);
  if (numeric)
    std::stable_sort(
        u.units.begin(), u.units.end(),
        [](const std::string& a, const std::string& b) { return std::stod(a) < std::stod(b); });
  const auto nu = static_cast<Eigen::Index>(u.units.size()), m = s.score.cols();
  u.n = u.score = u.sd = u.percentile = Eigen::MatrixXd::Constant(nu, m, NA);
  for (Eigen::Index k = 0; k < nu; ++k)
    for (Eigen::Index c = 0; c < m; ++c) {
      std::vector<double> v;
      for (Eigen::Index i : members[u.units[static_cast<size_t>(k)]])
        if (!std::isnan(s.score(i, c))) v.push_back(s.score(i, c));
      u.n(k, c) = static_cast<double>(v.size());
      if (v.empty()) continue;
      double sum = 0;
      for (double x : v) sum += x;
      const double mean = sum / static_cast<double>(v.size());
      u.score(k, c) = mean;
      if (v.size() > 1) {
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        u.sd(k, c) = std::sqrt(ss / static_cast<double>(v.size() - 1));
      }
    }
  for (Eigen::Index c = 0; c < m; ++c)
    u.percentile.col(c) = unit_percentiles(u.score.col(c), method);
  return u;
}

Benchmark benchmark_unit(const UnitScores& u, size_t unit) {
  Benchmark b;
  b.unit = u.units[unit];
  const auto k = static_cast<Eigen::Index>(unit);
  for (Eigen::Index c = 0; c < u.score.cols(); ++c) {
    std::vector<double> v;
    double best = -INFINITY;
    std::string best_unit;
    for (Eigen::Index i = 0; i < u.score.rows(); ++i) {
      const double x = u.score(i, c);
      if (std::isnan(x)) continue;
      v.push_back(x);
      if (x > best) {
        best = x;
        best_unit = u.units[static_cast<size_t>(i)];
      }
    }
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    const double median = n == 0 ? NA : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
    const double score = u.score(k, c);
    b.score.push_back(score);
    b.percentile.push_back(u.percentile(k, c));
    b.median.push_back(median);
    b.best.push_back(n == 0 ? NA : best);
    b.best_unit.push_back(best_unit);
    b.gap_to_median.push_back(score - median);
    b.gap_to_best.push_back(n == 0 ? NA : score - best);
  }
  return b;
}

}  // namespace agglo
