// Concentration of a product's (or industry's) partners, suppliers or buyers, single-source flags,
// and the reshoring index of imports from low-cost countries against domestic output.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace agglo {

struct SupplierConcentration {
  double total = 0;
  int n_partners = 0;            // partners with a positive value
  double hhi = 0;                // sum of squared shares (0..1); NA when the total is 0
  double cr_n = 0;               // share of the n largest partners
  double equivalent_number = 0;  // 1 / HHI
  std::string top_partner;       // the largest (first in code order on ties)
  double top_share = 0;
  bool single_source = false;  // top_share > threshold
};

// Herfindahl-Hirschman index HHI = sum_j s_j^2 and concentration ratio CR_n = sum of the n largest
// s_j, with s_j = x_j / sum_k x_k the partner shares (Hirschman 1945; Herfindahl 1950);
// single-source flag when the largest share exceeds `threshold` (e.g. the EU's strategic-dependency
// screen). Negative values are an error upstream.
SupplierConcentration supplier_concentration(const std::map<std::string, double>& by_partner, int n,
                                             double threshold);

struct ReshoringRow {
  std::string industry, period;
  double imports = 0;          // imports from the low-cost group
  double output = 0;           // domestic gross output
  double ratio = 0;            // imports / output; NA when output is 0 or missing
  double change = 0;           // ratio - ratio of the previous period; NA for the first period
  double reshoring_index = 0;  // -change in basis points (positive = reshoring)
};

// Reshoring index (Kearney 2014-): manufacturing import ratio MIR_t = M^LCC_t / Y_t (imports from a
// group of low-cost countries over domestic output) and the index -(MIR_t - MIR_{t-1}) x 10,000.
// `imports` and `output` map industry -> period -> value; periods sort as text (years).
std::vector<ReshoringRow> reshoring_index(
    const std::map<std::string, std::map<std::string, double>>& imports,
    const std::map<std::string, std::map<std::string, double>>& output);

}  // namespace agglo
