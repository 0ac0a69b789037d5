#include "families/composite/treat.hpp"

#include <cmath>
#include <limits>

#include "core/table.hpp"

namespace agglo {

namespace {

struct Moments {
  double n = 0, m2 = 0, m3 = 0, m4 = 0;
};

Moments central_moments(const Eigen::VectorXd& x) {
  Moments m;
  double sum = 0;
  for (double v : x)
    if (!std::isnan(v)) {
      sum += v;
      m.n += 1;
    }
  if (m.n == 0) return m;
  const double mean = sum / m.n;
  for (double v : x)
    if (!std::isnan(v)) {
      const double d = v - mean;
      m.m2 += d * d;
      m.m3 += d * d * d;
      m.m4 += d * d * d * d;
    }
  return m;
}

bool passes(const Eigen::VectorXd& x, const TreatmentOptions& o) {
  return std::abs(sample_skewness(x)) < o.skew_thresh || sample_kurtosis(x) < o.kurt_thresh;
}

}  // namespace

double sample_skewness(const Eigen::VectorXd& x) {
  const Moments m = central_moments(x);
  if (m.n < 3 || m.m2 == 0) return NA;
  const double g1 = std::sqrt(m.n) * m.m3 / std::pow(m.m2, 1.5);
  return g1 * std::sqrt(m.n * (m.n - 1)) / (m.n - 2);
}

double sample_kurtosis(const Eigen::VectorXd& x) {
  const Moments m = central_moments(x);
  if (m.n < 4 || m.m2 == 0) return NA;
  const double r = m.n * m.m4 / (m.m2 * m.m2);
  return ((m.n + 1) * (r - 3) + 6) * (m.n - 1) / ((m.n - 2) * (m.n - 3));
}

Treatment treat_outliers(const Eigen::VectorXd& x, const TreatmentOptions& o) {
  Treatment t;
  t.skew = sample_skewness(x);
  t.kurt = sample_kurtosis(x);
  t.treated = x;
  // A constant or too short indicator has no skewness: nothing to treat.
  if (std::isnan(t.skew) || std::isnan(t.kurt) || passes(x, o)) {
    t.skew_treated = t.skew;
    t.kurt_treated = t.kurt;
    return t;
  }
  Eigen::VectorXd w = x;
  int n_high = 0, n_low = 0;
  bool ok = false;
  while (n_high + n_low < o.winmax) {
    const bool high = sample_skewness(w) >= 0;
    double extreme = high ? -INFINITY : INFINITY;
    for (double v : w)
      if (!std::isnan(v)) extreme = high ? std::max(extreme, v) : std::min(extreme, v);
    double next = high ? -INFINITY : INFINITY;  // the largest (smallest) remaining value
    int count = 0;
    for (double v : w) {
      if (std::isnan(v)) continue;
      if (v == extreme)
        ++count;
      else
        next = high ? std::max(next, v) : std::min(next, v);
    }
    if (!std::isfinite(next)) break;  // every value at the extreme: nothing left to move
    for (auto& v : w)
      if (v == extreme) v = next;
    (high ? n_high : n_low) = count;
    if (passes(w, o)) {
      ok = true;
      break;
    }
  }
  if (ok) {
    t.treated = w;
    t.n_winsorised = n_high + n_low;
  } else {
    double lo = INFINITY, hi = -INFINITY;
    for (double v : x)
      if (!std::isnan(v)) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
    for (Eigen::Index i = 0; i < x.size(); ++i)
      t.treated[i] = std::isnan(x[i]) ? NA : std::log(x[i] - lo + 0.01 * (hi - lo));
    t.log_transformed = true;
  }
  t.skew_treated = sample_skewness(t.treated);
  t.kurt_treated = sample_kurtosis(t.treated);
  return t;
}

}  // namespace agglo
