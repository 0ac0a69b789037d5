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

// COG's weights w_q = kp_q / sum_r phi_qr (an NA kp carries no weight).
Eigen::VectorXd cog_weights(const Eigen::MatrixXd& phi, const Eigen::VectorXd& kp) {
  const Eigen::VectorXd row_sums = phi.rowwise().sum();
  Eigen::VectorXd w(kp.size());
  for (Eigen::Index q = 0; q < kp.size(); ++q)
    w(q) = (row_sums(q) == 0 || std::isnan(kp(q))) ? 0.0 : kp(q) / row_sums(q);
  return w;
}

// COI and COG given present(c, p) = sum_{q: M_cq = 1} phi_qp w_q:
//   COG_cp = (1 - M_cp) (sum_q phi_qp w_q - present(c, p)) / sd(kc).
ComplexityOutlook outlook_from_products(const Eigen::MatrixXd& mcp, const Eigen::MatrixXd& density,
                                        const Eigen::MatrixXd& phi, const Eigen::VectorXd& kp,
                                        double kc_sd, const Eigen::VectorXd& w,
                                        const Eigen::MatrixXd& present) {
  const Eigen::Index n = mcp.rows(), k = mcp.cols();
  ComplexityOutlook out;
  out.coi.resize(n);
  for (Eigen::Index c = 0; c < n; ++c) {
    double s = 0;
    for (Eigen::Index p = 0; p < k; ++p)
      if (mcp(c, p) == 0 && !std::isnan(kp(p))) s += density(c, p) * kp(p);
    out.coi(c) = s;
  }
  out.coi = standardise(out.coi);
  const Eigen::VectorXd total = phi.transpose() * w;
  out.cog.resize(n, k);
  for (Eigen::Index p = 0; p < k; ++p)
    for (Eigen::Index c = 0; c < n; ++c)
      out.cog(c, p) = mcp(c, p) != 0 ? 0.0 : (total(p) - present(c, p)) / kc_sd;
  return out;
}

}  // namespace

ComplexityOutlook complexity_outlook(const Eigen::MatrixXd& mcp, const Eigen::MatrixXd& density,
                                     const Eigen::MatrixXd& proximity, const Eigen::VectorXd& kp,
                                     double kc_sd, bool symmetric_proximity) {
  // NA proximities (industries present nowhere) carry no weight; copy only when there are any.
  const bool has_na = proximity.array().isNaN().any();
  const Eigen::MatrixXd phi_clean = has_na ? na_to_zero(proximity) : Eigen::MatrixXd();
  const Eigen::MatrixXd& phi = has_na ? phi_clean : proximity;
  const Eigen::VectorXd w = cog_weights(phi, kp);
  const auto lists = presence_lists(mcp);
  const Eigen::MatrixXd present = symmetric_proximity
                                      ? presence_times(lists, phi, w)
                                      : presence_times(lists, Eigen::MatrixXd(phi.transpose()), w);
  return outlook_from_products(mcp, density, phi, kp, kc_sd, w, present);
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
    phi = proximity_discrete_from_presence(m, opt.asymmetric);
  } else {
    phi = proximity_continuous(rca);
    if (phi.array().isNaN().any())
      out.warnings.push_back(
          "industries whose RCA is the same in every region have no continuous proximity (NA)");
  }
  const bool phi_has_na = phi.array().isNaN().any();
  const Eigen::MatrixXd phi_clean = phi_has_na ? na_to_zero(phi) : Eigen::MatrixXd();
  const Eigen::MatrixXd& phi0 = phi_has_na ? phi_clean : phi;
  const Eigen::VectorXd phi_sums = phi0.rowwise().sum();
  // Density's numerator and COG's weighted sum share one pass over phi when phi is symmetric.
  const bool symmetric = opt.proximity == ProximityKind::Continuous || !opt.asymmetric;
  const bool outlook_defined = ep.problem.empty();
  const auto lists = presence_lists(m);
  const Eigen::VectorXd w = outlook_defined ? cog_weights(phi0, kp) : Eigen::VectorXd();
  Eigen::MatrixXd num, present;
  if (opt.proximity == ProximityKind::Discrete && symmetric && outlook_defined) {
    auto products = presence_times(lists, phi0, std::vector<Eigen::VectorXd>{Eigen::VectorXd(), w});
    num = std::move(products[0]);
    present = std::move(products[1]);
  } else if (opt.proximity == ProximityKind::Discrete) {
    num = presence_times(lists, phi0);
  } else {
    num = na_to_zero(rca) * phi0.transpose();
  }
  if (outlook_defined && present.size() == 0)
    present = symmetric ? presence_times(lists, phi0, w)
                        : presence_times(lists, Eigen::MatrixXd(phi0.transpose()), w);
  Eigen::MatrixXd density(n, k);
  for (Eigen::Index p = 0; p < k; ++p)
    for (Eigen::Index c = 0; c < n; ++c)
      density(c, p) = phi_sums(p) == 0 ? NA : num(c, p) / phi_sums(p);

  ComplexityOutlook outlook;
  if (outlook_defined) {
    outlook = outlook_from_products(m, density, phi0, kp, ep.kc_sd, w, present);
  } else {
    outlook.coi = Eigen::VectorXd::Constant(n, NA);
    outlook.cog = Eigen::MatrixXd::Constant(n, k, NA);
  }

  out.kc_mean = ep.kc_mean;
  out.kc_sd = ep.kc_sd;
  if (keep.all(x0)) {  // nothing left out: hand the results over as they are
    out.rca = rca;
    out.mcp = m;
    out.density = std::move(density);
    out.cog = std::move(outlook.cog);
    out.proximity = std::move(phi);
    out.diversity = d;
    out.eci = eci;
    out.coi = outlook.coi;
    out.ubiquity = u;
    out.pci = pci;
    out.kp = kp;
    return out;
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
  return out;
}

}  // namespace agglo
