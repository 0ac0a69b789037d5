// Regionalising a national technical-coefficient matrix with location quotients (non-survey
// methods; Flegg, Webber & Elliott 1995; Flegg & Webber 2000; Miller & Blair 2009 sect. 8.4).
#pragma once

#include <Eigen/Core>

namespace agglo {

enum class RegionalisationMethod { Slq, Cilq, Flq, Aflq };

// Simple location quotients SLQ_i = (e_i^r / e^r) / (e_i^n / e^n); NA where e_i^n = 0.
Eigen::VectorXd simple_location_quotients(const Eigen::VectorXd& regional,
                                          const Eigen::VectorXd& national);

// Flegg's regional-size factor lambda = [log2(1 + e^r / e^n)]^delta (0 <= delta < 1).
double flq_lambda(double regional_total, double national_total, double delta);

// The quotient applied to each a_ij (n x n):
//   SLQ   q_ij = SLQ_i
//   CILQ  q_ij = SLQ_i / SLQ_j (i != j),  q_ii = SLQ_i
//   FLQ   q_ij = lambda * CILQ_ij
//   AFLQ  q_ij = FLQ_ij * log2(1 + SLQ_j) where SLQ_j > 1, else FLQ_ij
// and the regional coefficient is r_ij = a_ij * min(1, q_ij), so r_ij <= a_ij always.
// With delta = 0, FLQ = CILQ (lambda = 1).
Eigen::MatrixXd regionalisation_quotients(const Eigen::VectorXd& regional,
                                          const Eigen::VectorXd& national,
                                          RegionalisationMethod method, double delta);

Eigen::MatrixXd regional_coefficients(const Eigen::MatrixXd& A_national,
                                      const Eigen::VectorXd& regional,
                                      const Eigen::VectorXd& national, RegionalisationMethod method,
                                      double delta = 0.3);

}  // namespace agglo
