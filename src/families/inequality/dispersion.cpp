#include "families/inequality/dispersion.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include <fmt/format.h>

namespace agglo::inequality {

namespace {

// omega_i: w / sum(w), or 1/n without weights.
Eigen::VectorXd population_shares(const Eigen::VectorXd& x, const Eigen::VectorXd& w) {
  const auto n = x.size();
  if (w.size() == 0) return Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
  return w / w.sum();
}

// The reason why x cannot be used, "" when it can: empty, weights, negative values, zero mean.
std::string check_values(const Eigen::VectorXd& x, const Eigen::VectorXd& w, bool need_positive) {
  if (x.size() == 0) return "no region has a value";
  if (auto why = check_weights(x, w); !why.empty()) return why;
  if (need_positive && (x.array() <= 0).any())
    return "a value is zero or negative (the index takes logarithms or needs positive values)";
  if ((x.array() < 0).any()) return "a value is negative";
  if (x.sum() <= 0) return "the values sum to zero";
  return "";
}

double weighted_mean(const Eigen::VectorXd& x, const Eigen::VectorXd& omega) {
  return omega.dot(x);
}

}  // namespace

std::string check_weights(const Eigen::VectorXd& x, const Eigen::VectorXd& w) {
  if (w.size() == 0) return "";
  if (w.size() != x.size()) return fmt::format("{} weights for {} values", w.size(), x.size());
  if ((w.array() < 0).any()) return "a weight is negative";
  if (w.sum() <= 0) return "the weights sum to zero";
  return "";
}

Scalar gini(const Eigen::VectorXd& x, const Eigen::VectorXd& w) {
  if (auto why = check_values(x, w, false); !why.empty()) return Scalar::na(why);
  const Eigen::VectorXd omega = population_shares(x, w);
  std::vector<Eigen::Index> order(static_cast<size_t>(x.size()));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return x(a) < x(b); });
  // sum_{i,j} omega_i omega_j |x_i - x_j| = 2 sum_k omega_k (x_k C_k - S_k) over the sorted values,
  // C_k and S_k the population share and the omega-weighted sum of the values below x_k.
  double below_share = 0, below_sum = 0, pairs = 0;
  for (auto k : order) {
    pairs += omega(k) * (x(k) * below_share - below_sum);
    below_share += omega(k);
    below_sum += omega(k) * x(k);
  }
  return Scalar::of(pairs / weighted_mean(x, omega));
}

Scalar gini_normalised(const Eigen::VectorXd& x) {
  if (x.size() < 2) return Scalar::na("the normalised Gini n/(n-1) G needs at least two regions");
  const Scalar g = gini(x);
  if (!g.defined()) return g;
  const double n = static_cast<double>(x.size());
  return Scalar::of(g.value * n / (n - 1.0));
}

Scalar atkinson(const Eigen::VectorXd& x, double epsilon, const Eigen::VectorXd& w) {
  if (!(epsilon >= 0)) return Scalar::na(fmt::format("epsilon must be >= 0, got {}", epsilon));
  if (auto why = check_values(x, w, epsilon >= 1); !why.empty()) return Scalar::na(why);
  const Eigen::VectorXd omega = population_shares(x, w);
  const double m = weighted_mean(x, omega);
  if (epsilon == 1.0) return Scalar::of(1.0 - std::exp(omega.dot(x.array().log().matrix())) / m);
  const double power = 1.0 - epsilon;
  const double mean_power = omega.dot((x.array() / m).pow(power).matrix());
  return Scalar::of(1.0 - std::pow(mean_power, 1.0 / power));
}

Scalar theil_t(const Eigen::VectorXd& x, const Eigen::VectorXd& w) {
  if (auto why = check_values(x, w, false); !why.empty()) return Scalar::na(why);
  const Eigen::VectorXd omega = population_shares(x, w);
  const double m = weighted_mean(x, omega);
  double t = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (x(i) > 0) t += omega(i) * (x(i) / m) * std::log(x(i) / m);
  return Scalar::of(t);
}

Scalar mean_log_deviation(const Eigen::VectorXd& x, const Eigen::VectorXd& w) {
  if (auto why = check_values(x, w, true); !why.empty()) return Scalar::na(why);
  const Eigen::VectorXd omega = population_shares(x, w);
  const double m = weighted_mean(x, omega);
  return Scalar::of(omega.dot((m / x.array()).log().matrix()));
}

Scalar standard_deviation(const Eigen::VectorXd& x, bool sample) {
  const auto n = x.size();
  if (n == 0) return Scalar::na("no region has a value");
  if (sample && n < 2)
    return Scalar::na("the sample standard deviation needs at least two regions");
  const double ss = (x.array() - x.mean()).square().sum();
  return Scalar::of(std::sqrt(ss / static_cast<double>(sample ? n - 1 : n)));
}

Scalar standard_deviation_weighted(const Eigen::VectorXd& x, const Eigen::VectorXd& w) {
  if (x.size() == 0) return Scalar::na("no region has a value");
  if (w.size() == 0) return Scalar::na("the weighted standard deviation needs weights");
  if (auto why = check_weights(x, w); !why.empty()) return Scalar::na(why);
  const Eigen::VectorXd omega = population_shares(x, w);
  const double m = weighted_mean(x, omega);
  return Scalar::of(std::sqrt(omega.dot((x.array() - m).square().matrix())));
}

Scalar coefficient_of_variation(const Eigen::VectorXd& x, bool sample) {
  const Scalar sd = standard_deviation(x, sample);
  if (!sd.defined()) return sd;
  if (x.mean() == 0) return Scalar::na("the mean is zero");
  return Scalar::of(sd.value / std::abs(x.mean()));
}

Scalar coefficient_of_variation_normalised(const Eigen::VectorXd& x) {
  if (x.size() < 2) return Scalar::na("the normalised CV needs at least two regions");
  const Scalar cv = coefficient_of_variation(x, false);
  if (!cv.defined()) return cv;
  return Scalar::of(cv.value / std::sqrt(static_cast<double>(x.size() - 1)));
}

Scalar williamson(const Eigen::VectorXd& x, const Eigen::VectorXd& w) {
  const Scalar sd = standard_deviation_weighted(x, w);
  if (!sd.defined()) return sd;
  const double m = weighted_mean(x, population_shares(x, w));
  if (m == 0) return Scalar::na("the weighted mean is zero");
  return Scalar::of(sd.value / m);
}

Scalar herfindahl(const Eigen::VectorXd& x) {
  if (auto why = check_values(x, {}, false); !why.empty()) return Scalar::na(why);
  return Scalar::of((x / x.sum()).squaredNorm());
}

Scalar herfindahl_normalised(const Eigen::VectorXd& x) {
  if (x.size() < 2) return Scalar::na("the normalised Herfindahl index needs at least two regions");
  const Scalar h = herfindahl(x);
  if (!h.defined()) return h;
  const double inv_n = 1.0 / static_cast<double>(x.size());
  return Scalar::of((h.value - inv_n) / (1.0 - inv_n));
}

Scalar herfindahl_equivalent_number(const Eigen::VectorXd& x) {
  const Scalar h = herfindahl(x);
  if (!h.defined()) return h;
  return Scalar::of(1.0 / h.value);
}

Scalar hoover(const Eigen::VectorXd& x, const Eigen::VectorXd& w) {
  if (auto why = check_values(x, w, false); !why.empty()) return Scalar::na(why);
  const Eigen::VectorXd omega = population_shares(x, w);
  const Eigen::VectorXd income = omega.cwiseProduct(x) / omega.dot(x);
  return Scalar::of(0.5 * (income - omega).cwiseAbs().sum());
}

Scalar coulter(const Eigen::VectorXd& x, const Eigen::VectorXd& w) {
  if (auto why = check_values(x, w, false); !why.empty()) return Scalar::na(why);
  const Eigen::VectorXd omega = population_shares(x, w);
  const Eigen::VectorXd income = omega.cwiseProduct(x) / omega.dot(x);
  return Scalar::of(std::sqrt((income - omega).squaredNorm() / 2.0));
}

}  // namespace agglo::inequality
