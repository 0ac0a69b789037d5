// Relatedness between industries from their co-location in regions: co-occurrence counts, their
// normalisations (EconGeo relatedness()), the Hidalgo proximity, and relatedness density.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

namespace agglo {

// Co-occurrence of industries (Hidalgo et al. 2007; EconGeo co.occurrence(t(B))):
//   C_ij = sum_r M_ri M_rj = (M'M)_ij, the number of regions specialised in both i and j.
// The diagonal is the ubiquity of i; `keep_diagonal = false` sets it to 0 (EconGeo's default).
// Computed as a sparse product over the present cells of every region.
Eigen::MatrixXd co_occurrence(const Eigen::MatrixXd& presence, bool keep_diagonal = false);

enum class RelatednessMethod { Probability, Association, Cosine, Jaccard };
RelatednessMethod relatedness_method_from(
    const std::string& name);  // prob|association|cosine|jaccard

// Normalised relatedness of a co-occurrence matrix C (diagonal ignored), S_i = sum_{j!=i} C_ij,
// T = sum_i S_i (van Eck & Waltman 2009; Steijn 2021; EconGeo relatedness()):
//   prob         R_ab = C_ab / ( (S_b/T * S_a/(T - S_b) + S_a/T * S_b/(T - S_a)) * T/2 )
//   association  R_ab = (C_ab / T) / ((S_a / T)(S_b / T))
//   cosine       R_ab = C_ab / sqrt(S_a S_b)
//   jaccard      R_ab = C_ab / (S_a + S_b - C_ab)
// A pair without any co-occurrence (0/0) is 0, and the diagonal is 0, as in EconGeo.
Eigen::MatrixXd relatedness(const Eigen::MatrixXd& cooc, RelatednessMethod method);

// Hidalgo proximity (Hidalgo, Klinger, Barabasi & Hausmann 2007), discrete:
//   phi_pq = C_pq / max(u_p, u_q) = min(P(p|q), P(q|p))   (symmetric)
//   phi_pq = C_pq / u_p = P(q|p)                          (asymmetric, ecomplexity asymmetric=True)
// from the co-occurrence matrix with its diagonal (C_pp = u_p), so phi_pp = 1. Pairs with an
// industry present nowhere (u = 0) are NA.
Eigen::MatrixXd proximity_discrete(const Eigen::MatrixXd& cooc_with_diagonal,
                                   bool asymmetric = false);

// The same proximity straight from a binary presence matrix (region x industry), without the
// intermediate co-occurrence matrix: every industry's column of counts is accumulated from the
// regions that have it and divided at once (the P2-scale path).
Eigen::MatrixXd proximity_discrete_from_presence(const Eigen::MatrixXd& presence,
                                                 bool asymmetric = false);

// Continuous proximity (ecomplexity continuous=True): phi_pq = (1 + corr(RCA_.p, RCA_.q)) / 2, the
// Pearson correlation across regions of the RCA columns. An industry whose RCA does not vary
// across regions has no correlation: its row and column are NA.
Eigen::MatrixXd proximity_continuous(const Eigen::MatrixXd& rca);

// Relatedness density (Hidalgo et al. 2007; EconGeo relatedness.density()):
//   d_ri = scale * sum_k M_rk R_ki / sum_k R_ki
// With weights W instead of M (e.g. RCA for the continuous variant) pass them as `presence`.
// An industry related to none (sum_k R_ki = 0) has NA density.
Eigen::MatrixXd relatedness_density(const Eigen::MatrixXd& presence,
                                    const Eigen::MatrixXd& relatedness, double scale = 100.0);

}  // namespace agglo
