#include "families/input_output/value_added_trade.hpp"

namespace agglo {

GrossTrade gross_trade(const Eigen::MatrixXd& Z, const Eigen::MatrixXd& Y,
                       const MrioLayout& layout) {
  const Eigen::Index n = Z.rows();
  const int R = layout.n_regions();
  GrossTrade g;
  g.bilateral = Eigen::MatrixXd::Zero(n, R);
  for (Eigen::Index c = 0; c < Z.cols(); ++c)
    g.bilateral.col(layout.industry_region[static_cast<size_t>(c)]) += Z.col(c);
  for (Eigen::Index c = 0; c < Y.cols(); ++c)
    g.bilateral.col(layout.fd_region[static_cast<size_t>(c)]) += Y.col(c);
  for (Eigen::Index i = 0; i < n; ++i)
    g.bilateral(i, layout.industry_region[static_cast<size_t>(i)]) = 0;
  g.exports = g.bilateral.rowwise().sum();
  g.imports = Eigen::VectorXd::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const int sector = layout.industry_sector[static_cast<size_t>(i)];
    for (int r = 0; r < R; ++r) g.imports(layout.index(r, sector)) += g.bilateral(i, r);
  }
  return g;
}

ValueAddedInExports value_added_in_exports(const Eigen::VectorXd& v, const LeontiefSystem& leontief,
                                           const Eigen::VectorXd& exports,
                                           const MrioLayout& layout) {
  const Eigen::Index n = v.size();
  const int R = layout.n_regions();
  Eigen::MatrixXd E = Eigen::MatrixXd::Zero(n, R);
  for (Eigen::Index i = 0; i < n; ++i)
    E(i, layout.industry_region[static_cast<size_t>(i)]) = exports(i);
  const Eigen::MatrixXd LE = leontief.solve(E);
  ValueAddedInExports out;
  out.vax = Eigen::MatrixXd::Zero(R, R);
  for (Eigen::Index k = 0; k < n; ++k)
    out.vax.row(layout.industry_region[static_cast<size_t>(k)]) += v(k) * LE.row(k);
  out.gross_exports = E.colwise().sum().transpose();
  out.dva = out.vax.diagonal();
  out.fva.resize(R);
  for (int r = 0; r < R; ++r) {
    double f = 0;
    for (int s = 0; s < R; ++s)
      if (s != r) f += out.vax(s, r);
    out.fva(r) = f;
  }
  // Per exporting industry: the value-added multipliers split by source region, v_dom' L and v_for'
  // L.
  Eigen::MatrixXd V_dom = Eigen::MatrixXd::Zero(n, R);  // column r: v restricted to region r
  for (Eigen::Index k = 0; k < n; ++k)
    V_dom(k, layout.industry_region[static_cast<size_t>(k)]) = v(k);
  const Eigen::MatrixXd dom = leontief.solve_transposed(V_dom);  // column r: (v_r' L)'
  out.sector_dva.resize(n);
  out.sector_fva.resize(n);
  for (Eigen::Index c = 0; c < n; ++c) {
    const int r = layout.industry_region[static_cast<size_t>(c)];
    double foreign = 0;
    for (int s = 0; s < R; ++s)
      if (s != r) foreign += dom(c, s);
    out.sector_dva(c) = dom(c, r) * exports(c);
    out.sector_fva(c) = foreign * exports(c);
  }
  return out;
}

Eigen::MatrixXd value_added_absorption(const Eigen::VectorXd& v, const LeontiefSystem& leontief,
                                       const Eigen::MatrixXd& Y_agg, const MrioLayout& layout) {
  const Eigen::MatrixXd LY = leontief.solve(Y_agg);
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(layout.n_regions(), Y_agg.cols());
  for (Eigen::Index k = 0; k < v.size(); ++k)
    out.row(layout.industry_region[static_cast<size_t>(k)]) += v(k) * LY.row(k);
  return out;
}

}  // namespace agglo
