#include "families/complexity/economic_complexity.hpp"

#include <cmath>

#include <fmt/format.h>

#include "core/table.hpp"
#include "families/complexity/complexity_index.hpp"
#include "families/complexity/presence.hpp"
#include "families/complexity/presence_product.hpp"
#include "families/complexity/relatedness.hpp"

namespace agglo {
namespace {

Eigen::MatrixXd na_to_zero(const Eigen::MatrixXd& m) {
  return m.unaryExpr([](double v) { return std::isnan(v) ? 0.0 : v; });
}

bool is_symmetric(const Eigen::MatrixXd& m) {
  return m.rows() == m.cols() && (m.array() == m.transpose().array()).all();
}

// Standardises the defined values of v: (v - mean) / population sd.
Eigen::VectorXd standardise(const Eigen::VectorXd& v) {
  double sum = 0, sq = 0;
  int n = 0;
  for (double x : v)
    if (!std::isnan(x)) sum += x, ++n;
  const double mean = n ? sum / n : NA;
  for (double x : v)
    if (!std::isnan(x)) sq += (x - mean) * (x - mean);
  const double sd = n ? std::sqrt(sq / n) : NA;
  if (!(sd > 0)) return Eigen::VectorXd::Constant(v.size(), NA);
  return (v.array() - mean) / sd;
}

}  // namespace

ComplexityOutlook complexity_outlook(const Eigen::MatrixXd& mcp, const Eigen::MatrixXd& density,
                                     const Eigen::MatrixXd& proximity, const Eigen::VectorXd& kp,
                                     double kc_sd) {
  const Eigen::MatrixXd phi = na_to_zero(proximity);
  const Eigen::VectorXd kp0 = kp.unaryExpr([](double v) { return std::isnan(v) ? 0.0 : v; });
  const Eigen::Index n = mcp.rows(), k = mcp.cols();
  ComplexityOutlook out;
  out.coi.resize(n);
  for (Eigen::Index c = 0; c < n; ++c) {
    double s = 0;
    for (Eigen::Index p = 0; p < k; ++p)
      if (mcp(c, p) == 0) s += density(c, p) * kp0(p);
    out.coi(c) = s;
  }
  out.coi = standardise(out.coi);
  // COG_cp = (1 - M_cp) (sum_q phi_qp w_q - sum_{q: M_cq = 1} phi_qp w_q), w_q = kp_q / sum_r
  // phi_qr.
  const Eigen::VectorXd row_sums = phi.rowwise().sum();
  Eigen::VectorXd w(k);
  for (Eigen::Index q = 0; q < k; ++q) w(q) = row_sums(q) == 0 ? 0.0 : kp0(q) / row_sums(q);
  const Eigen::VectorXd total = phi.transpose() * w;
  const auto lists = presence_lists(mcp);
  const Eigen::MatrixXd present = is_symmetric(phi)
                                      ? presence_times(lists, phi, w)
                                      : presence_times(lists, Eigen::MatrixXd(phi.transpose()), w);
  out.cog.resize(n, k);
  for (Eigen::Index p = 0; p < k; ++p)
    for (Eigen::Index c = 0; c < n; ++c)
      out.cog(c, p) = mcp(c, p) != 0 ? 0.0 : (total(p) - present(c, p)) / kc_sd;
  return out;
}

EconomicComplexity economic_complexity(const Eigen::MatrixXd& x_in,
                                       const EconomicComplexityOptions& opt) {
  EconomicComplexity out;
  const Eigen::Index n_all = x_in.rows(), k_all = x_in.cols();
  if ((x_in.array().isNaN()).any())
    out.warnings.push_back("NA cells are counted as 0 (as ecomplexity does)");
  const Eigen::MatrixXd x0 = na_to_zero(x_in);
  const NonEmpty keep = non_empty(x0);
  if (static_cast<Eigen::Index>(keep.rows.size()) < n_all)
    out.warnings.push_back(
        fmt::format("{} region(s) with a zero total are left out (all results NA)",
                    n_all - static_cast<Eigen::Index>(keep.rows.size())));
  if (static_cast<Eigen::Index>(keep.cols.size()) < k_all)
    out.warnings.push_back(
        fmt::format("{} industr(y/ies) with a zero total are left out (all results NA)",
                    k_all - static_cast<Eigen::Index>(keep.cols.size())));
  const Eigen::MatrixXd x = submatrix(x0, keep);
  const Eigen::Index n = x.rows(), k = x.cols();

  const Eigen::MatrixXd rca = revealed_comparative_advantage(x);
  const Eigen::MatrixXd m = binary_rca(rca, opt.rca_threshold);
  const Eigen::VectorXd d = diversity(m), u = ubiquity(m);

  // ECI/PCI on the regions with a specialisation and the industries present somewhere.
  NonEmpty active;
  for (Eigen::Index r = 0; r < n; ++r)
    if (d(r) > 0) active.rows.push_back(r);
  for (Eigen::Index i = 0; i < k; ++i)
    if (u(i) > 0) active.cols.push_back(i);
  if (!active.all(m))
    out.warnings.push_back(
        "regions without any RCA >= threshold and industries with none have no ECI/PCI (NA)");
  const EciPci ep = economic_complexity_index(submatrix(m, active));
  if (!ep.problem.empty()) out.warnings.push_back("ECI/PCI are NA: " + ep.problem);
  Eigen::VectorXd eci = Eigen::VectorXd::Constant(n, NA), pci = Eigen::VectorXd::Constant(k, NA);
  Eigen::VectorXd kp = Eigen::VectorXd::Constant(k, NA);
  for (size_t a = 0; a < active.rows.size(); ++a)
    eci(active.rows[a]) = ep.eci(static_cast<Eigen::Index>(a));
  for (size_t a = 0; a < active.cols.size(); ++a) {
    pci(active.cols[a]) = ep.pci(static_cast<Eigen::Index>(a));
    kp(active.cols[a]) = ep.kp(static_cast<Eigen::Index>(a));
  }

  Eigen::MatrixXd phi;
  if (opt.proximity == ProximityKind::Discrete) {
    phi = proximity_discrete(co_occurrence(m, true), opt.asymmetric);
  } else {
    phi = proximity_continuous(rca);
    if (phi.array().isNaN().any())
      out.warnings.push_back(
          "industries whose RCA is the same in every region have no continuous proximity (NA)");
  }
  const Eigen::MatrixXd phi0 = na_to_zero(phi);
  const Eigen::VectorXd phi_sums = phi0.rowwise().sum();
  const Eigen::MatrixXd num = opt.proximity == ProximityKind::Discrete
                                  ? presence_times(presence_lists(m), phi0)
                                  : Eigen::MatrixXd(na_to_zero(rca) * phi0.transpose());
  Eigen::MatrixXd density(n, k);
  for (Eigen::Index p = 0; p < k; ++p)
    for (Eigen::Index c = 0; c < n; ++c)
      density(c, p) = phi_sums(p) == 0 ? NA : num(c, p) / phi_sums(p);

  ComplexityOutlook outlook;
  if (ep.problem.empty()) {
    outlook = complexity_outlook(m, density, phi, kp, ep.kc_sd);
  } else {
    outlook.coi = Eigen::VectorXd::Constant(n, NA);
    outlook.cog = Eigen::MatrixXd::Constant(n, k, NA);
  }

  // Back to the input's rows and columns, NA where left out.
  out.rca = out.mcp = out.density = out.cog = Eigen::MatrixXd::Constant(n_all, k_all, NA);
  out.proximity = Eigen::MatrixXd::Constant(k_all, k_all, NA);
  out.diversity = out.eci = out.coi = Eigen::VectorXd::Constant(n_all, NA);
  out.ubiquity = out.pci = out.kp = Eigen::VectorXd::Constant(k_all, NA);
  for (Eigen::Index a = 0; a < n; ++a) {
    const Eigen::Index r = keep.rows[static_cast<size_t>(a)];
    out.diversity(r) = d(a);
    out.eci(r) = eci(a);
    out.coi(r) = outlook.coi(a);
    for (Eigen::Index b = 0; b < k; ++b) {
      const Eigen::Index i = keep.cols[static_cast<size_t>(b)];
      out.rca(r, i) = rca(a, b);
      out.mcp(r, i) = m(a, b);
      out.density(r, i) = density(a, b);
      out.cog(r, i) = outlook.cog(a, b);
    }
  }
  for (Eigen::Index b = 0; b < k; ++b) {
    const Eigen::Index i = keep.cols[static_cast<size_t>(b)];
    out.ubiquity(i) = u(b);
    out.pci(i) = pci(b);
    out.kp(i) = kp(b);
    for (Eigen::Index b2 = 0; b2 < k; ++b2)
      out.proximity(keep.cols[static_cast<size_t>(b2)], i) = phi(b2, b);
  }
  out.kc_mean = ep.kc_mean;
  out.kc_sd = ep.kc_sd;
  return out;
}

}  // namespace agglo
