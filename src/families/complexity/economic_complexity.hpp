// The economic-complexity pipeline of the Growth Lab's py-ecomplexity / Stata ecomplexity for one
// period: RCA, M, diversity, ubiquity, ECI, PCI, proximity, density, COI and COG.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

namespace agglo {

enum class ProximityKind { Discrete, Continuous };

struct EconomicComplexityOptions {
  double rca_threshold = 1.0;  // M_cp = 1 where RCA_cp >= threshold
  ProximityKind proximity = ProximityKind::Discrete;
  bool asymmetric = false;  // discrete only: phi_pq = P(q|p) instead of the minimum
};

// Every matrix/vector has the rows and columns of the input; regions/industries that are
// dropped (zero total) or undefined are NA, with the reason in `warnings`.
struct EconomicComplexity {
  Eigen::MatrixXd rca, mcp, density, cog;  // region x industry
  Eigen::MatrixXd proximity;               // industry x industry (diagonal 1)
  Eigen::VectorXd diversity, eci, coi;     // regions
  Eigen::VectorXd ubiquity, pci;           // industries
  Eigen::VectorXd kp;                      // oriented industry eigenvector (COG's weights)
  double kc_mean = 0, kc_sd = 0;
  std::vector<std::string> warnings;
};

// Complexity outlook (Hausmann et al. 2014, The Atlas of Economic Complexity; ecomplexity):
//   COI_c  = sum_p d_cp (1 - M_cp) kp_p, standardised over regions (population sd)
//   COG_cp = (1 - M_cp) sum_q (1 - M_cq) phi_qp kp_q / sum_r phi_qr, divided by sd(kc)
// with d the density, phi the proximity (diagonal included) and kp the oriented PCI eigenvector
// (kp / sd(kc) = PCI + mean(kc)/sd(kc), ecomplexity's convention).
struct ComplexityOutlook {
  Eigen::VectorXd coi;
  Eigen::MatrixXd cog;
};
ComplexityOutlook complexity_outlook(const Eigen::MatrixXd& mcp, const Eigen::MatrixXd& density,
                                     const Eigen::MatrixXd& proximity, const Eigen::VectorXd& kp,
                                     double kc_sd, bool symmetric_proximity);

// Economic complexity of a region x industry value matrix (NA cells count as 0, as ecomplexity).
//   density_cp = sum_q M_cq phi_pq / sum_q phi_pq   (discrete; RCA_cq instead of M_cq when
//   continuous)
EconomicComplexity economic_complexity(const Eigen::MatrixXd& x,
                                       const EconomicComplexityOptions& options = {});

}  // namespace agglo
