// Trade-war exposure: the value and share of a reporter's exports (or imports) covered by tariff
// lists, by any grouping of products, and the regional (shift-share) exposure built from it.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace agglo {

// Coverage of each product by each list, in [0, 1]: 1/0 with the any-line rule, the share of
// listed national lines with the share rule.
using ProductCoverage =
    std::map<std::string, std::map<std::string, double>>;  // product -> list -> c

// One item of trade: a product's value (or the part of it that a concordance gives an industry),
// assigned to the group it is reported in.
struct GroupedValue {
  std::string group, product;
  double value = 0;
};

struct CoverageRow {
  std::string group, list;  // list "any" = covered by at least one list
  double total = 0, covered = 0;
  double share = 0;  // covered / total; NA when total is 0
};

// Trade coverage of tariff lists (Bown 2019; Fajgelbaum et al. 2020):
//   covered_gl = sum_{p in g} c_pl x_p,   share_gl = covered_gl / sum_{p in g} x_p,
// and for "any" list c_p = max_l c_pl (with 0/1 coverage: covered by at least one list).
// One row per group and per list of `lists` plus "any"; negative values are an error upstream.
std::vector<CoverageRow> tariff_coverage(const std::vector<GroupedValue>& items,
                                         const ProductCoverage& coverage,
                                         const std::vector<std::string>& lists);

// Regional (shift-share) exposure (Autor, Dorn & Hanson 2013; Fajgelbaum et al. 2020):
//   E_rl = sum_i (L_ri / L_r) s_il
// with L_ri the region's employment in industry i and s_il the industry's covered share of list l.
// Industries without a share count as 0 (no trade, no exposure) and are counted in `missing`.
struct RegionalExposure {
  std::string region, list;
  double exposure = 0;
  double employment = 0;
  double unmatched_employment = 0;  // employment in industries without trade data
};
std::vector<RegionalExposure> regional_exposure(
    const std::map<std::string, std::map<std::string, double>>&
        employment,  // region -> industry -> L
    const std::map<std::string, std::map<std::string, double>>&
        industry_share,  // industry -> list -> s
    const std::vector<std::string>& lists);

// Before/after comparison of flows by partner: change, percent change and ranks (1 = largest,
// ties share the smallest rank).
struct PartnerChange {
  std::string partner;
  double before = 0, after = 0, change = 0, change_pct = 0;
  int rank_before = 0, rank_after = 0, rank_change = 0;  // rank_before - rank_after (up > 0)
};
std::vector<PartnerChange> flow_change(const std::map<std::string, double>& before,
                                       const std::map<std::string, double>& after);

// Ranks in descending order of value, ties at the smallest rank ("min" ties).
std::vector<int> descending_min_ranks(const std::vector<double>& values);

}  // namespace agglo
