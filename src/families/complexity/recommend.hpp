// Key-industry recommendations: for every region, the industries it is not yet specialised in
// (RCA < threshold), ranked by how close they are to its strengths and how much they would add.
#pragma once

#include <string>
#include <vector>

#include "core/matrix.hpp"
#include "core/table.hpp"
#include "families/complexity/economic_complexity.hpp"

namespace agglo {

struct RecommendOptions {
  double rca_threshold = 1.0;
  ProximityKind proximity = ProximityKind::Discrete;
  double weight_density = 0.5;  // feasibility: relatedness density to the region's strengths
  double weight_pci = 0.25;     // sophistication: product complexity index
  double weight_cog = 0.25;     // strategic value: complexity outlook gain
  int top = 10;                 // industries per region
  int reasons = 3;              // related strengths listed per recommendation
};

// Recommendation score of a candidate cell (region c, industry p with M_cp = 0), in the spirit of
// the Growth Lab's "strategic bets" (Hausmann et al. 2014, Atlas; Hidalgo et al. 2018, "The
// principle of relatedness"):
//   score_cp = w_d z(density_cp) + w_pci z(PCI_p) + w_cog z(COG_cp)
// where z() standardises a component over all candidate cells of the table (mean 0, population
// sd 1), so the weights compare like with like. Candidates with an NA component are left out.
// Returns one row per region and rank (1 = best) with the industry, score, its components, its
// RCA and `related_strengths`: the region's specialisations q (M_cq = 1) closest to p, as
// "code (proximity)" joined by "; " — what drives the density. Ties keep the input order.
Table recommendation_table(const LabeledMatrix& x, const RecommendOptions& options = {},
                           std::vector<std::string>* warnings = nullptr);

}  // namespace agglo
