// Registration of the regionalisation of a national table by location quotients.
#include <map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/input_output/national.hpp"
#include "families/input_output/national_inputs.hpp"
#include "families/input_output/regionalisation.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

Results regionalise(const Invocation& inv) {
  const NationalTable t = read_national_table(inv);
  Results res;
  res.warnings = t.warnings;
  // Employment per region and sector from the long table; the nation is the sum of its regions.
  const TextTable& e = inv.table("employment");
  const size_t rc = e.column(inv.column("region")), ic = e.column(inv.column("industry")),
               vc = e.column(inv.column("value"));
  std::map<std::string, Eigen::Index> pos;
  for (size_t k = 0; k < t.codes.size(); ++k) pos[t.codes[k]] = static_cast<Eigen::Index>(k);
  const std::string region = inv.text("region");
  Eigen::VectorXd regional = Eigen::VectorXd::Zero(t.x.size()), national = regional;
  bool found = false;
  for (size_t r = 0; r < e.rows(); ++r) {
    auto it = pos.find(e.text(r, ic));
    if (it == pos.end())
      throw Error(e.pos(r, ic), "\"" + e.text(r, ic) + "\" is not a sector of Z");
    const double v = e.number(r, vc);
    if (std::isnan(v) || v < 0)
      throw Error(e.pos(r, vc), "expected employment >= 0, got \"" + e.text(r, vc) + "\"");
    national(it->second) += v;
    if (e.text(r, rc) == region) {
      regional(it->second) += v;
      found = true;
    }
  }
  if (!found) throw UsageError("region \"" + region + "\" has no rows in the employment table");
  const std::string m = inv.text("method");
  const RegionalisationMethod method = m == "slq"    ? RegionalisationMethod::Slq
                                       : m == "cilq" ? RegionalisationMethod::Cilq
                                       : m == "aflq" ? RegionalisationMethod::Aflq
                                                     : RegionalisationMethod::Flq;
  const ActiveSectors& act = t.active;
  const Eigen::MatrixXd A = technical_coefficients(act.pick(t.Z), act.pick(t.x));
  const Eigen::VectorXd reg_a = act.pick(regional), nat_a = act.pick(national);
  const Eigen::VectorXd slq = simple_location_quotients(reg_a, nat_a);
  for (Eigen::Index i = 0; i < slq.size(); ++i)
    if (std::isnan(slq(i)))
      res.warnings.push_back("sector " +
                             t.codes[static_cast<size_t>(act.index[static_cast<size_t>(i)])] +
                             " has no national employment: its regional coefficients are NA");
  Eigen::MatrixXd R = regional_coefficients(A, reg_a, nat_a, method, inv.number("delta"));
  res.add("regional_A", Table::from_matrix("code", t.codes, t.codes, act.expand(R)));
  Table lq;
  lq.add_text("code", t.codes);
  lq.add_number("slq", act.expand(slq));
  Eigen::VectorXd mult = Eigen::VectorXd::Constant(R.rows(), NA);
  if (!R.hasNaN()) mult = output_multipliers(LeontiefSystem(R, IoSolver::DenseLu));
  lq.add_number("regional_output_mult", act.expand(mult));
  lq.add_number("national_output_mult",
                act.expand(output_multipliers(LeontiefSystem(A, IoSolver::DenseLu))));
  res.add("regional_summary", std::move(lq));
  res.warnings.push_back(
      fmt::format("lambda = {:.6g} (regional share of employment {:.4g}, delta {})",
                  flq_lambda(reg_a.sum(), nat_a.sum(), inv.number("delta")),
                  reg_a.sum() / nat_a.sum(), inv.number("delta")));
  return res;
}

}  // namespace

AGGLO_REGISTER_MEASURES(input_output_regionalisation) {
  registry.add(MeasureSpec{
      .name = "regionalise_flq",
      .family = "input_output",
      .summary = "Regional technical coefficients from a national table and regional employment "
                 "(SLQ, CILQ, FLQ, AFLQ)",
      .formula = "r_ij = a_ij min(1, q_ij); SLQ q = SLQ_i; CILQ q = SLQ_i / SLQ_j (q_ii = SLQ_i); "
                 "FLQ q = lambda CILQ, "
                 "lambda = [log2(1 + E^r/E^n)]^delta; AFLQ q = FLQ log2(1 + SLQ_j) where SLQ_j > 1",
      .reference = "Flegg, Webber & Elliott (1995) Regional Studies 29(6); Flegg & Webber (2000) "
                   "Regional Studies 34(6); "
                   "Miller & Blair (2009) sect. 8.4",
      .inputs = {{"Z", "national intermediate flows: code + one column per sector", true, {"code"}},
                 {"x", "national output: code + output column", false, {"code", "output"}},
                 {"Y", "national final demand (x = Z1 + Y1 when x is not given)", false, {"code"}},
                 {"employment",
                  "long table: region, industry (sector code), value; the nation is the sum of the "
                  "regions",
                  true,
                  {"region", "industry", "value"}}},
      .options =
          {{.name = "region", .type = OptionType::Text, .doc = "the region to regionalise for"},
           {.name = "method",
            .type = OptionType::Choice,
            .default_value = "flq",
            .choices = {"slq", "cilq", "flq", "aflq"},
            .doc = "location-quotient variant"},
           {.name = "delta",
            .type = OptionType::Number,
            .default_value = 0.3,
            .doc = "FLQ/AFLQ exponent of the regional-size factor, 0 <= delta < 1 (0 = CILQ)"},
           {.name = "balance_tolerance",
            .type = OptionType::Number,
            .default_value = 1e-6,
            .doc = "relative imbalance above which a warning names the worst sectors"}},
      .outputs = {{"regional_A", "regional technical coefficients (wide)", {"code"}},
                  {"regional_summary",
                   "per sector: SLQ, regional and national output multipliers",
                   {"code", "slq", "regional_output_mult", "national_output_mult"}}},
      .kernel = regionalise,
  });
}

}  // namespace agglo
