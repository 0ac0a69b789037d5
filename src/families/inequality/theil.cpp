#include "families/inequality/theil.hpp"

#include <cmath>

#include <fmt/format.h>

#include "families/inequality/dispersion.hpp"

namespace agglo::inequality {

namespace {

// p ln(p/q) with the limit 0 at p = 0.
double entropy_term(double p, double q) {
  return p > 0 ? p * std::log(p / q) : 0.0;
}

TheilDecomposition undefined(const std::string& why) {
  return {Scalar::na(why), Scalar::na(why), Scalar::na(why), Scalar::na(why), {}};
}

}  // namespace

TheilDecomposition theil_decomposition(const Eigen::VectorXd& x, const std::vector<int>& group,
                                       int n_groups, TheilIndex index, const Eigen::VectorXd& w) {
  const auto n = x.size();
  if (n == 0) return undefined("no region has a value");
  if (static_cast<Eigen::Index>(group.size()) != n)
    return undefined(fmt::format("{} group labels for {} regions", group.size(), n));
  if (auto why = check_weights(x, w); !why.empty()) return undefined(why);
  if ((x.array() < 0).any()) return undefined("a value is negative");
  if (index == TheilIndex::L && (x.array() == 0).any())
    return undefined("a value is zero (Theil's L takes the logarithm of every value)");
  const double W = w.size() ? w.sum() : static_cast<double>(n);
  double income_total = 0;
  for (Eigen::Index i = 0; i < n; ++i) income_total += (w.size() ? w(i) : 1.0) * x(i);
  if (income_total <= 0) return undefined("the values sum to zero");

  TheilDecomposition d;
  d.groups.assign(static_cast<size_t>(n_groups), TheilGroup{});
  std::vector<double> inside(static_cast<size_t>(n_groups), 0.0);  // A_g
  double total = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const int g = group[static_cast<size_t>(i)];
    if (g < 0 || g >= n_groups) return undefined(fmt::format("group number {} out of range", g));
    const double omega = (w.size() ? w(i) : 1.0) / W;
    const double q = (w.size() ? w(i) : 1.0) * x(i) / income_total;
    const double term = index == TheilIndex::T ? entropy_term(q, omega) : entropy_term(omega, q);
    auto& grp = d.groups[static_cast<size_t>(g)];
    grp.regions += 1;
    grp.population_share += omega;
    grp.income_share += q;
    inside[static_cast<size_t>(g)] += term;
    total += term;
  }
  double between = 0, within = 0;
  for (size_t g = 0; g < d.groups.size(); ++g) {
    auto& grp = d.groups[g];
    const double P = grp.population_share, Q = grp.income_share;
    if (grp.regions == 0) {
      grp.index = Scalar::na("the group has no region with a value");
      continue;
    }
    // The group's weight in the within part: Q_g for T, P_g for L.
    const double own = index == TheilIndex::T ? Q : P;
    const double other = index == TheilIndex::T ? P : Q;
    between += entropy_term(own, other);
    if (own > 0) within += inside[g] - own * std::log(own / other);
    if (grp.regions == 1)
      grp.index = Scalar::of(0.0);  // one region: no inequality inside the group, by definition
    else if (own > 0)
      grp.index = Scalar::of(inside[g] / own - std::log(own / other));
    else  // a zero-income group adds nothing to the within part; its own index is undefined
      grp.index = Scalar::na("the group's income share is zero");
  }
  d.total = Scalar::of(total);
  d.between = Scalar::of(between);
  d.within = Scalar::of(within);
  d.between_share =
      total > 0 ? Scalar::of(between / total) : Scalar::na("the index is 0 (perfect equality)");
  return d;
}

}  // namespace agglo::inequality
