#include "families/input_output/mrio.hpp"

#include <map>

#include <fmt/format.h>

#include "core/error.hpp"

namespace agglo {

MrioLayout make_mrio_layout(const std::vector<std::string>& industry_regions,
                            const std::vector<std::string>& industry_sectors,
                            const std::vector<std::string>& fd_regions) {
  MrioLayout l;
  std::map<std::string, int> region_id, sector_id;
  auto id = [](std::map<std::string, int>& ids, std::vector<std::string>& names,
               const std::string& s) {
    auto [it, fresh] = ids.emplace(s, static_cast<int>(names.size()));
    if (fresh) names.push_back(s);
    return it->second;
  };
  for (size_t i = 0; i < industry_regions.size(); ++i) {
    l.industry_region.push_back(id(region_id, l.regions, industry_regions[i]));
    l.industry_sector.push_back(id(sector_id, l.sectors, industry_sectors[i]));
  }
  for (const auto& r : fd_regions) {
    auto it = region_id.find(r);
    if (it == region_id.end()) throw Error("final-demand region \"" + r + "\" has no industries");
    l.fd_region.push_back(it->second);
  }
  l.at.assign(l.regions.size() * l.sectors.size(), -1);
  for (size_t i = 0; i < industry_regions.size(); ++i) {
    Eigen::Index& slot = l.at[static_cast<size_t>(l.industry_region[i]) * l.sectors.size() +
                              static_cast<size_t>(l.industry_sector[i])];
    if (slot >= 0)
      throw Error(
          fmt::format("industry ({}, {}) occurs twice", industry_regions[i], industry_sectors[i]));
    slot = static_cast<Eigen::Index>(i);
  }
  for (size_t k = 0; k < l.at.size(); ++k)
    if (l.at[k] < 0)
      throw Error(
          fmt::format("region {} has no sector {}: every region of an MRIO needs the same sectors",
                      l.regions[k / l.sectors.size()], l.sectors[k % l.sectors.size()]));
  return l;
}

Eigen::VectorXd industry_output(const Eigen::MatrixXd& Z, const Eigen::MatrixXd& Y) {
  return Z.rowwise().sum() + Y.rowwise().sum();
}

Eigen::MatrixXd final_demand_by_region(const Eigen::MatrixXd& Y, const MrioLayout& layout) {
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(Y.rows(), layout.n_regions());
  for (Eigen::Index c = 0; c < Y.cols(); ++c)
    out.col(layout.fd_region[static_cast<size_t>(c)]) += Y.col(c);
  return out;
}

Eigen::MatrixXd stressor_coefficients(const Eigen::MatrixXd& F, const Eigen::VectorXd& x) {
  Eigen::MatrixXd S(F.rows(), F.cols());
  for (Eigen::Index j = 0; j < F.cols(); ++j)
    S.col(j) = x(j) == 0 ? Eigen::VectorXd::Zero(F.rows()) : Eigen::VectorXd(F.col(j) / x(j));
  return S;
}

Eigen::MatrixXd total_multipliers(const Eigen::MatrixXd& S, const LeontiefSystem& leontief) {
  return leontief.solve_transposed(S.transpose()).transpose();
}

Eigen::MatrixXd downstream_multipliers(const Eigen::MatrixXd& S, const LeontiefSystem& ghosh) {
  return ghosh.solve(S.transpose()).transpose() - S;
}

Eigen::MatrixXd consumption_based_account(const Eigen::MatrixXd& M, const Eigen::MatrixXd& Y_agg,
                                          const MrioLayout& layout) {
  Eigen::MatrixXd D = Eigen::MatrixXd::Zero(M.rows(), M.cols());
  for (Eigen::Index i = 0; i < M.cols(); ++i) {
    const int sector = layout.industry_sector[static_cast<size_t>(i)];
    for (int s = 0; s < layout.n_regions(); ++s)
      D.col(layout.index(s, sector)) += M.col(i) * Y_agg(i, s);
  }
  return D;
}

Eigen::MatrixXd sum_by_region(const Eigen::MatrixXd& D, const MrioLayout& layout) {
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(D.rows(), layout.n_regions());
  for (Eigen::Index i = 0; i < D.cols(); ++i)
    out.col(layout.industry_region[static_cast<size_t>(i)]) += D.col(i);
  return out;
}

MrioAccounts calc_accounts(const Eigen::MatrixXd& S, const LeontiefSystem& leontief,
                           const Eigen::MatrixXd& Y_agg, const MrioLayout& layout,
                           bool with_trade) {
  const Eigen::Index n = S.cols(), K = S.rows();
  const int R = layout.n_regions();
  MrioAccounts acc;
  acc.cba = consumption_based_account(total_multipliers(S, leontief), Y_agg, layout);
  const Eigen::MatrixXd x_by_region =
      leontief.solve(Y_agg);  // (L Y_agg): output for each region's demand
  const Eigen::VectorXd x = x_by_region.rowwise().sum();
  acc.pba = S * x.asDiagonal();
  if (!with_trade) return acc;
  // D_imp: for each consuming region s, the multipliers of the stressors outside s.
  acc.imp = Eigen::MatrixXd::Zero(K, n);
  for (int s = 0; s < R; ++s) {
    Eigen::MatrixXd S_abroad = S;
    for (Eigen::Index i = 0; i < n; ++i)
      if (layout.industry_region[static_cast<size_t>(i)] == s) S_abroad.col(i).setZero();
    const Eigen::MatrixXd M_abroad = total_multipliers(S_abroad, leontief);
    for (Eigen::Index i = 0; i < n; ++i)
      acc.imp.col(layout.index(s, layout.industry_sector[static_cast<size_t>(i)])) +=
          M_abroad.col(i) * Y_agg(i, s);
  }
  // D_exp: output of (r, i) for the final demand of every other region.
  Eigen::VectorXd exported(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    exported(i) = 0;
    for (int s = 0; s < R; ++s)
      if (s != layout.industry_region[static_cast<size_t>(i)]) exported(i) += x_by_region(i, s);
  }
  acc.exp = S * exported.asDiagonal();
  return acc;
}

}  // namespace agglo
