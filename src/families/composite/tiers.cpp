#include "families/composite/tiers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table.hpp"

namespace agglo {

namespace {

std::vector<double> sorted_values(const Eigen::VectorXd& x) {
  std::vector<double> v;
  for (double s : x)
    if (!std::isnan(s)) v.push_back(s);
  std::sort(v.begin(), v.end());
  return v;
}

void check_k(int k, size_t n) {
  if (k < 2) throw UsageError(fmt::format("the number of tiers must be at least 2, got {}", k));
  if (n < static_cast<size_t>(k))
    throw Error(fmt::format("{} tiers need at least {} scores, got {}", k, k, n));
}

}  // namespace

double quantile_type7(const std::vector<double>& s, double p) {
  const double h = (static_cast<double>(s.size()) - 1) * p;
  const double lo = std::floor(h);
  const auto i = static_cast<size_t>(lo);
  if (i + 1 >= s.size()) return s.back();
  return s[i] + (h - lo) * (s[i + 1] - s[i]);
}

Tiers jenks_tiers(const Eigen::VectorXd& scores, int k) {
  const std::vector<double> v = sorted_values(scores);
  const size_t n = v.size();
  check_k(k, n);
  size_t distinct = 1;
  for (size_t i = 1; i < n; ++i) distinct += v[i] != v[i - 1];
  if (distinct < static_cast<size_t>(k))
    throw Error(fmt::format("Jenks breaks: {} tiers need at least {} distinct scores, got {}", k, k,
                            distinct));
  // Prefix sums for O(1) SSE of v[a..b] (centred on the mean for accuracy).
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(n);
  std::vector<double> s1(n + 1, 0), s2(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    s1[i + 1] = s1[i] + (v[i] - mean);
    s2[i + 1] = s2[i] + (v[i] - mean) * (v[i] - mean);
  }
  auto sse = [&](size_t a, size_t b) {  // values a..b-1
    const double m = static_cast<double>(b - a);
    const double s = s1[b] - s1[a];
    return std::max(0.0, s2[b] - s2[a] - s * s / m);
  };
  const auto kk = static_cast<size_t>(k);
  const double inf = std::numeric_limits<double>::infinity();
  // d[c][b]: best cost of the first b values in c + 1 classes; cut[c][b]: start of the last class.
  std::vector<std::vector<double>> d(kk, std::vector<double>(n + 1, inf));
  std::vector<std::vector<size_t>> cut(kk, std::vector<size_t>(n + 1, 0));
  for (size_t b = 1; b <= n; ++b) d[0][b] = sse(0, b);
  for (size_t c = 1; c < kk; ++c)
    for (size_t b = c + 1; b <= n; ++b)
      for (size_t a = c; a < b; ++a) {
        const double cost = d[c - 1][a] + sse(a, b);
        if (cost < d[c][b]) {
          d[c][b] = cost;
          cut[c][b] = a;
        }
      }
  std::vector<size_t> starts(kk);
  size_t b = n;
  for (size_t c = kk; c-- > 0;) {
    starts[c] = c == 0 ? 0 : cut[c][b];
    b = starts[c];
  }
  Tiers t;
  for (size_t c = 0; c < kk; ++c) {
    const size_t end = c + 1 < kk ? starts[c + 1] : n;
    t.breaks.push_back(TierBreak{v[starts[c]], v[end - 1], 0});
  }
  for (double s : scores) {
    int tier = 0;
    if (!std::isnan(s)) {
      tier = k;
      for (size_t c = 0; c < kk; ++c)
        if (t.breaks[c].upper >= s) {
          tier = static_cast<int>(c) + 1;
          break;
        }
      ++t.breaks[static_cast<size_t>(tier - 1)].count;
    }
    t.tier.push_back(tier);
  }
  tier_fit(scores, t);
  return t;
}

Tiers quantile_tiers(const Eigen::VectorXd& scores, int k, IntervalClosure closure) {
  const std::vector<double> v = sorted_values(scores);
  check_k(k, v.size());
  std::vector<double> q;
  for (int c = 0; c <= k; ++c) q.push_back(quantile_type7(v, static_cast<double>(c) / k));
  Tiers t;
  for (int c = 1; c <= k; ++c)
    t.breaks.push_back(TierBreak{q[static_cast<size_t>(c - 1)], q[static_cast<size_t>(c)], 0});
  for (double s : scores) {
    int tier = 0;
    if (!std::isnan(s)) {
      if (closure == IntervalClosure::Right) {
        tier = 1;  // first c with x <= q_c
        while (tier < k && s > q[static_cast<size_t>(tier)]) ++tier;
      } else {
        tier = k;  // last c with q_(c-1) <= x
        while (tier > 1 && s < q[static_cast<size_t>(tier - 1)]) --tier;
      }
      ++t.breaks[static_cast<size_t>(tier - 1)].count;
    }
    t.tier.push_back(tier);
  }
  tier_fit(scores, t);
  return t;
}

void tier_fit(const Eigen::VectorXd& scores, Tiers& t) {
  const size_t k = t.breaks.size();
  std::vector<double> sum(k, 0), cnt(k, 0);
  double all = 0, n = 0;
  for (Eigen::Index i = 0; i < scores.size(); ++i) {
    const int c = t.tier[static_cast<size_t>(i)];
    if (c == 0) continue;
    sum[static_cast<size_t>(c - 1)] += scores[i];
    cnt[static_cast<size_t>(c - 1)] += 1;
    all += scores[i];
    n += 1;
  }
  const double mean = all / n;
  t.sdam = t.sdcm = 0;
  for (Eigen::Index i = 0; i < scores.size(); ++i) {
    const int c = t.tier[static_cast<size_t>(i)];
    if (c == 0) continue;
    const double m = sum[static_cast<size_t>(c - 1)] / cnt[static_cast<size_t>(c - 1)];
    t.sdam += (scores[i] - mean) * (scores[i] - mean);
    t.sdcm += (scores[i] - m) * (scores[i] - m);
  }
  t.gvf = t.sdam > 0 ? 1 - t.sdcm / t.sdam : NA;
}

std::string tier_label_en(int tier, int k) {
  static const char* five[] = {"weak", "medium", "fairly strong", "strong", "very strong"};
  if (k == 5 && tier >= 1 && tier <= 5) return five[tier - 1];
  return fmt::format("tier {}", tier);
}

std::string tier_label_zh(int tier, int k) {
  static const char* five[] = {"弱", "中等", "較強", "強", "很強"};
  if (k == 5 && tier >= 1 && tier <= 5) return five[tier - 1];
  return fmt::format("第{}級", tier);
}

}  // namespace agglo
