#include "families/shift_share/portfolio.hpp"

#include <cmath>

#include "families/shift_share/ratios.hpp"

namespace agglo {

using shift_share_detail::ratio;

Eigen::VectorXd bubble_size(const Eigen::VectorXd& size, double factor) {
  double largest = NA;
  for (double v : size)
    if (!std::isnan(v) && (std::isnan(largest) || v > largest)) largest = v;
  Eigen::VectorXd out(size.size());
  for (Eigen::Index i = 0; i < size.size(); ++i)
    out(i) = (std::isnan(largest) || largest <= 0) ? NA : factor * size(i) / largest;
  return out;
}

PortfolioMatrix portfolio_matrix(const Eigen::VectorXd& e1, const Eigen::VectorXd& e2,
                                 const Eigen::VectorXd& E1, const Eigen::VectorXd& E2,
                                 const Eigen::VectorXd& size, double factor) {
  const auto n = e1.size();
  PortfolioMatrix p;
  p.region_growth.resize(n);
  p.reference_growth.resize(n);
  p.share.resize(n);
  p.lq.resize(n);
  const double region_total = e2.sum(), reference_total = E2.sum();
  for (Eigen::Index i = 0; i < n; ++i) {
    p.region_growth(i) = 100 * (ratio(e2(i), e1(i)) - 1);
    p.reference_growth(i) = 100 * (ratio(E2(i), E1(i)) - 1);
    p.share(i) = ratio(e2(i), region_total);
    p.lq(i) = ratio(p.share(i), ratio(E2(i), reference_total));
  }
  p.point_size = bubble_size(size, factor);
  return p;
}

Eigen::VectorXd mean_growth_rate(const Eigen::MatrixXd& series) {
  Eigen::VectorXd g(series.rows());
  const auto steps = series.cols() - 1;
  for (Eigen::Index i = 0; i < series.rows(); ++i) {
    double sum = 0;
    for (Eigen::Index t = 0; t < steps; ++t) sum += ratio(series(i, t + 1), series(i, t));
    g(i) = steps > 0 ? sum / static_cast<double>(steps) - 1 : NA;
  }
  return g;
}

LqGrowthPortfolio lq_growth_portfolio(const Eigen::MatrixXd& region,
                                      const Eigen::MatrixXd& reference, const Eigen::VectorXd& size,
                                      double factor) {
  LqGrowthPortfolio p;
  p.lq_by_period.resize(region.rows(), region.cols());
  for (Eigen::Index t = 0; t < region.cols(); ++t) {
    const double region_total = region.col(t).sum(), reference_total = reference.col(t).sum();
    for (Eigen::Index i = 0; i < region.rows(); ++i)
      p.lq_by_period(i, t) =
          ratio(ratio(region(i, t), reference(i, t)), ratio(region_total, reference_total));
  }
  p.lq = p.lq_by_period.rowwise().mean();
  const Eigen::VectorXd g_r = mean_growth_rate(region), g_n = mean_growth_rate(reference);
  p.growth_r = 100 * g_r;
  p.growth_n = 100 * g_n;
  p.growth_rn.resize(g_r.size());
  for (Eigen::Index i = 0; i < g_r.size(); ++i) p.growth_rn(i) = ratio(g_r(i), g_n(i)) - 1;
  p.point_size = bubble_size(size, factor);
  return p;
}

}  // namespace agglo
