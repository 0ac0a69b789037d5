#include "families/survey/reliability.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>
#include <Eigen/LU>

#include "core/error.hpp"
#include "core/table.hpp"

namespace agglo {

namespace {

// Covariance over the rows where both columns are present, with the means of those rows.
double pairwise_cov(const Eigen::MatrixXd& x, Eigen::Index a, Eigen::Index b) {
  double sa = 0, sb = 0, n = 0;
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    if (!std::isnan(x(i, a)) && !std::isnan(x(i, b))) {
      sa += x(i, a);
      sb += x(i, b);
      n += 1;
    }
  if (n < 2) return NA;
  const double ma = sa / n, mb = sb / n;
  double s = 0;
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    if (!std::isnan(x(i, a)) && !std::isnan(x(i, b))) s += (x(i, a) - ma) * (x(i, b) - mb);
  return s / (n - 1);
}

double pearson_pairwise(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  Eigen::MatrixXd m(a.size(), 2);
  m.col(0) = a;
  m.col(1) = b;
  const double c = pairwise_cov(m, 0, 1);
  // The variances over the same pairs (R's cor(use = "pairwise")).
  Eigen::MatrixXd both = m;
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    if (std::isnan(m(i, 0)) || std::isnan(m(i, 1))) both(i, 0) = both(i, 1) = NA;
  return c / std::sqrt(pairwise_cov(both, 0, 0) * pairwise_cov(both, 1, 1));
}

struct MatrixStats {
  double raw_alpha, std_alpha, g6, average_r, median_r;
  Eigen::VectorXd smc;
};

// smc_i = 1 - 1 / (R^-1)_ii; NaN when R is singular.
Eigen::VectorXd squared_multiple_correlations(const Eigen::MatrixXd& r) {
  Eigen::FullPivLU<Eigen::MatrixXd> lu(r);
  if (!lu.isInvertible()) return Eigen::VectorXd::Constant(r.rows(), NA);
  const Eigen::MatrixXd inv = lu.inverse();
  return (1.0 - inv.diagonal().array().inverse()).matrix();
}

MatrixStats matrix_stats(const Eigen::MatrixXd& c, const Eigen::MatrixXd& r) {
  const double k = static_cast<double>(c.rows());
  MatrixStats s;
  if (c.rows() < 2) {
    s.raw_alpha = s.std_alpha = s.g6 = s.average_r = s.median_r = NA;
    s.smc = Eigen::VectorXd::Constant(c.rows(), NA);
    return s;
  }
  s.raw_alpha = k / (k - 1) * (1 - c.trace() / c.sum());
  s.std_alpha = k / (k - 1) * (1 - k / r.sum());
  s.smc = squared_multiple_correlations(r);
  s.g6 = 1 - (k - s.smc.sum()) / r.sum();
  s.average_r = (r.sum() - k) / (k * (k - 1));
  std::vector<double> lower;
  for (Eigen::Index i = 0; i < r.rows(); ++i)
    for (Eigen::Index j = 0; j < i; ++j) lower.push_back(r(i, j));
  std::sort(lower.begin(), lower.end());
  const size_t m = lower.size();
  s.median_r = m % 2 ? lower[m / 2] : (lower[m / 2 - 1] + lower[m / 2]) / 2;
  return s;
}

Eigen::MatrixXd without(const Eigen::MatrixXd& m, Eigen::Index drop) {
  const Eigen::Index n = m.rows() - 1;
  Eigen::MatrixXd out(n, n);
  for (Eigen::Index i = 0, ii = 0; i < m.rows(); ++i) {
    if (i == drop) continue;
    for (Eigen::Index j = 0, jj = 0; j < m.cols(); ++j) {
      if (j == drop) continue;
      out(ii, jj++) = m(i, j);
    }
    ++ii;
  }
  return out;
}

}  // namespace

ScaleReliability cronbach_alpha(const Eigen::MatrixXd& x_in, MissingAnswers missing,
                                std::vector<std::string>* warnings, const std::string& scale_name) {
  const Eigen::Index k = x_in.cols();
  const std::string name = scale_name.empty() ? "the scale" : "scale \"" + scale_name + "\"";
  if (k < 2)
    throw Error(fmt::format("{} has {} item; reliability needs at least two items", name, k));
  Eigen::MatrixXd x = x_in;
  if (missing == MissingAnswers::Listwise) {
    std::vector<Eigen::Index> rows;
    for (Eigen::Index i = 0; i < x_in.rows(); ++i)
      if (!x_in.row(i).hasNaN()) rows.push_back(i);
    x.resize(static_cast<Eigen::Index>(rows.size()), k);
    for (size_t r = 0; r < rows.size(); ++r)
      x.row(static_cast<Eigen::Index>(r)) = x_in.row(rows[r]);
  }
  ScaleReliability s;
  Eigen::MatrixXd c(k, k);
  for (Eigen::Index a = 0; a < k; ++a)
    for (Eigen::Index b = 0; b <= a; ++b) c(a, b) = c(b, a) = pairwise_cov(x, a, b);
  for (Eigen::Index a = 0; a < k; ++a)
    if (!(c(a, a) > 0)) {
      throw Error(fmt::format(
          "{}: item {} has {} (no variance among the respondents); its "
          "correlations and the scale's reliability are undefined",
          name, a + 1,
          std::isnan(c(a, a)) ? "fewer than two answers" : "the same answer everywhere"));
    }
  if (c.hasNaN())
    throw Error(fmt::format("{}: some pair of items has fewer than two common respondents", name));
  const Eigen::VectorXd sd = c.diagonal().cwiseSqrt();
  const Eigen::MatrixXd r = c.array() / (sd * sd.transpose()).array();
  const MatrixStats all = matrix_stats(c, r);
  if (all.smc.hasNaN() && warnings)
    warnings->push_back(fmt::format(
        "{}: the correlation matrix is singular; smc and Guttman's lambda 6 are NA", name));
  s.raw_alpha = all.raw_alpha;
  s.std_alpha = all.std_alpha;
  s.g6_smc = all.g6;
  s.average_r = all.average_r;
  s.signal_noise = static_cast<double>(k) * all.average_r / (1 - all.average_r);
  s.median_r = all.median_r;
  // Totals: the mean of the answered items of each respondent.
  Eigen::VectorXd total(x.rows());
  double tsum = 0, tn = 0;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double sum = 0, n = 0;
    for (Eigen::Index j = 0; j < k; ++j)
      if (!std::isnan(x(i, j))) {
        sum += x(i, j);
        n += 1;
      }
    total[i] = n > 0 ? sum / n : NA;
    if (n > 0) {
      tsum += total[i];
      tn += 1;
    }
  }
  s.n_respondents = static_cast<Eigen::Index>(tn);
  s.total_mean = tn > 0 ? tsum / tn : NA;
  double tss = 0;
  for (double t : total)
    if (!std::isnan(t)) tss += (t - s.total_mean) * (t - s.total_mean);
  s.total_sd = tn > 1 ? std::sqrt(tss / (tn - 1)) : NA;
  Eigen::MatrixXd rc = r;
  rc.diagonal() = all.smc;
  const double sum_r = r.sum(), sum_rc = rc.sum();
  for (Eigen::Index j = 0; j < k; ++j) {
    ItemReliability it;
    double sum = 0, n = 0;
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      if (!std::isnan(x(i, j))) {
        sum += x(i, j);
        n += 1;
      }
    it.n = n;
    it.mean = sum / n;
    double ss = 0;
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      if (!std::isnan(x(i, j))) ss += (x(i, j) - it.mean) * (x(i, j) - it.mean);
    it.sd = std::sqrt(ss / (n - 1));
    it.raw_r = pearson_pairwise(total, x.col(j));
    it.std_r = r.col(j).sum() / std::sqrt(sum_r);
    it.r_cor = rc.col(j).sum() / std::sqrt(sum_rc);
    const Eigen::MatrixXd c_sub = without(c, j), r_sub = without(r, j);
    it.r_drop = (c.col(j).sum() - c(j, j)) / std::sqrt(c(j, j) * c_sub.sum());
    const MatrixStats d = matrix_stats(c_sub, r_sub);
    it.alpha_if_dropped = d.raw_alpha;
    it.std_alpha_if_dropped = d.std_alpha;
    it.g6_if_dropped = d.g6;
    it.average_r_if_dropped = d.average_r;
    s.items.push_back(it);
  }
  if (k == 2 && warnings)
    warnings->push_back(
        fmt::format("{} has two items: the statistics 'if dropped' describe a single "
                    "item and are NA",
                    name));
  return s;
}

}  // namespace agglo
