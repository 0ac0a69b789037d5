// Registration of the national input-output measures: the io_analysis bundle and each part on
// its own (technical_coefficients, leontief_inverse, ghosh_inverse, multipliers, linkages,
// hypothetical_extraction, leontief_price, output_change).
#include <fmt/format.h>

#include "core/error.hpp"
#include "families/input_output/national.hpp"
#include "families/input_output/national_inputs.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

enum Part : unsigned {
  kA = 1,
  kL = 2,
  kG = 4,
  kMultipliers = 8,
  kLinkages = 16,
  kHem = 32,
  kPrice = 64,
  kOutputChange = 128,
  kAll = 255,
};

std::vector<InputSpec> national_inputs() {
  return {
      {"Z",
       "intermediate flows: first column the sector code, one column per using sector",
       true,
       {"code"}},
      {"Y",
       "final demand: code + one column per category (x = Z1 + Y1 when x is not given)",
       false,
       {"code"}},
      {"x", "total output: code + output column", false, {"code", "output"}},
      {"VA", "value-added / primary-input rows: item + one column per sector", false, {"va_item"}},
      {"Zimp",
       "imported intermediate inputs (non-competitive tables): imported product x using sector",
       false,
       {"code"}},
      {"Yimp",
       "imported products to final use (read for completeness; enters no model)",
       false,
       {"code"}},
      {"shock", "final-demand changes: code + one column per scenario", false, {"code"}},
      {"satellite",
       "satellite accounts (employment, emissions, ...): item + one column per sector",
       false,
       {"item"}},
      {"sectors",
       "sector names: code, name_en, name_zh",
       false,
       {"code", "sector_name_en", "sector_name_zh"}},
  };
}

std::vector<OptionSpec> national_options(unsigned parts) {
  std::vector<OptionSpec> o = {
      {.name = "value_added_item",
       .type = OptionType::Text,
       .doc = "the VA row used as value added (value-added multipliers, price model, balance "
              "check); needed when VA has several rows",
       .optional = true},
      {.name = "solver",
       .type = OptionType::Choice,
       .default_value = "auto",
       .choices = {"auto", "dense_lu", "sparse_lu", "iterative"},
       .doc = "how (I - A) is solved"},
      {.name = "balance_tolerance",
       .type = OptionType::Number,
       .default_value = 1e-6,
       .doc =
           "relative imbalance of a row or column above which a warning names the worst sectors"},
  };
  if (parts & (kPrice | kOutputChange))
    o.push_back({.name = "price_shock",
                 .type = OptionType::Number,
                 .default_value = 0.1,
                 .doc = "relative cost shock of the price model (0.1 = 10 % on value added or on "
                        "imported inputs)"});
  if (parts & kHem)
    o.push_back({.name = "hem_method",
                 .type = OptionType::Choice,
                 .default_value = "closed_form",
                 .choices = {"closed_form", "direct"},
                 .doc = "closed forms from L (exact, no cancellation) or one solve of the "
                        "extracted system per sector"});
  if (parts & kMultipliers) {
    o.push_back({.name = "household_income_item",
                 .type = OptionType::Text,
                 .doc = "type II: the VA row of labour income (households' input row)",
                 .optional = true});
    o.push_back({.name = "household_consumption_column",
                 .type = OptionType::Text,
                 .doc = "type II: the Y column of household consumption",
                 .optional = true});
  }
  return o;
}

Table sector_table(const NationalTable& t) {
  Table tab;
  tab.add_text("code", t.codes);
  if (!t.names_en.empty()) tab.add_text("name_en", t.names_en);
  if (!t.names_zh.empty()) tab.add_text("name_zh", t.names_zh);
  return tab;
}

Results national_results(const Invocation& inv, unsigned parts) {
  NationalTable t = read_national_table(inv);
  Results res;
  res.warnings = t.warnings;
  const ActiveSectors& act = t.active;
  if (act.size() == 0) throw Error("every sector has zero output: there is no system to analyse");
  const Eigen::MatrixXd Za = act.pick(t.Z);
  const Eigen::VectorXd xa = act.pick(t.x);
  const Eigen::MatrixXd A = technical_coefficients(Za, xa);
  const LeontiefSystem sys(A, parse_io_solver(inv.text("solver")));
  if (sys.rcond() < 1e-8)
    res.warnings.push_back(
        fmt::format("(I - A) is ill-conditioned (reciprocal condition estimate {:.3g}); results "
                    "may carry large round-off",
                    sys.rcond()));
  const Eigen::Index va_row = value_added_row(t, inv);
  const Eigen::VectorXd v =
      va_row >= 0 ? Eigen::VectorXd(
                        act.pick(Eigen::VectorXd(t.VA.row(va_row).transpose())).cwiseQuotient(xa))
                  : Eigen::VectorXd();
  const std::string code = "code";

  if (parts & kA) res.add("A", Table::from_matrix(code, t.codes, t.codes, act.expand(A)));
  Eigen::MatrixXd L;
  if (parts & (kL | kG)) L = sys.inverse();
  if (parts & kL) res.add("L", Table::from_matrix(code, t.codes, t.codes, act.expand(L)));
  if (parts & kG)
    res.add("G",
            Table::from_matrix(code, t.codes, t.codes, act.expand(ghosh_from_leontief(L, xa))));

  if (parts & kMultipliers) {
    Table tab = sector_table(t);
    tab.add_number("output_mult", act.expand(output_multipliers(sys)));
    auto add_rows = [&](const Eigen::MatrixXd& inputs, const std::vector<std::string>& items) {
      if (inputs.size() == 0) return;
      const Eigen::MatrixXd C = act.pick_cols(inputs) * xa.cwiseInverse().asDiagonal();
      const Eigen::MatrixXd m = coefficient_multipliers(sys, C);
      for (size_t k = 0; k < items.size(); ++k)
        tab.add_number(
            "mult_" + items[k],
            act.expand(Eigen::VectorXd(m.row(static_cast<Eigen::Index>(k)).transpose())));
    };
    add_rows(t.VA, t.va_items);
    if (t.Zimp.size() > 0) add_rows(t.Zimp.colwise().sum(), {"IMP"});
    add_rows(t.satellite, t.satellite_items);
    if (inv.has("household_income_item") != inv.has("household_consumption_column"))
      throw UsageError(
          "type II multipliers need both household_income_item and household_consumption_column");
    if (inv.has("household_income_item")) {
      const std::string item = inv.text("household_income_item"),
                        col = inv.text("household_consumption_column");
      Eigen::Index ir = -1, yc = -1;
      for (size_t k = 0; k < t.va_items.size(); ++k)
        if (t.va_items[k] == item) ir = static_cast<Eigen::Index>(k);
      for (size_t k = 0; k < t.y_columns.size(); ++k)
        if (t.y_columns[k] == col) yc = static_cast<Eigen::Index>(k);
      if (ir < 0) throw UsageError("household_income_item \"" + item + "\" is not a row of VA");
      if (yc < 0)
        throw UsageError("household_consumption_column \"" + col + "\" is not a column of Y");
      const Eigen::VectorXd income = act.pick(Eigen::VectorXd(t.VA.row(ir).transpose()));
      const double total_income = income.sum();
      if (!(total_income > 0))
        throw Error("type II multipliers: total household income (" + item + ") is not positive");
      const Eigen::VectorXd hr = income.cwiseQuotient(xa);
      const Eigen::VectorXd hc = act.pick(Eigen::VectorXd(t.Y.col(yc))) / total_income;
      tab.add_number("output_mult_type2", act.expand(type2_output_multipliers(A, hr, hc)));
    }
    res.add("multipliers", std::move(tab));
  }

  if (parts & kLinkages) {
    const RasmussenHirschman r = rasmussen_hirschman_linkages(sys, xa);
    Table tab = sector_table(t);
    tab.add_number("colsum_L", act.expand(r.colsum_L));
    tab.add_number("rowsum_L", act.expand(r.rowsum_L));
    tab.add_number("rowsum_G", act.expand(r.rowsum_G));
    tab.add_number("bl", act.expand(r.backward));
    tab.add_number("fl_leontief", act.expand(r.forward_leontief));
    tab.add_number("fl_ghosh", act.expand(r.forward_ghosh));
    tab.add_number("key_leontief", act.expand(r.key_leontief));
    tab.add_number("key_ghosh", act.expand(r.key_ghosh));
    res.add("linkages", std::move(tab));
  }

  if (parts & kHem) {
    const HypotheticalExtraction h = hypothetical_extraction(
        Za, xa, inv.text("hem_method") == "direct" ? HemMethod::Direct : HemMethod::ClosedForm);
    Table tab = sector_table(t);
    tab.add_number("hem_total", act.expand(h.total));
    tab.add_number("hem_total_pct", act.expand(h.total_pct));
    tab.add_number("hem_backward", act.expand(h.backward));
    tab.add_number("hem_forward", act.expand(h.forward));
    tab.add_number("hem_cella", act.expand(h.cella));
    res.add("hem", std::move(tab));
  }

  const std::string shocked = inv.column("shocked");
  auto price_table = [&](const Eigen::MatrixXd& per_row, const std::vector<std::string>& row_codes,
                         const Eigen::VectorXd& all) {
    std::vector<std::string> keys = row_codes;
    keys.push_back("ALL");
    Eigen::MatrixXd m(per_row.rows() + 1, t.codes.size());
    m.topRows(per_row.rows()) = act.expand_cols(per_row);
    m.bottomRows(1) = act.expand(all).transpose();
    return Table::from_matrix(shocked, keys, t.codes, m);
  };
  if (parts & kPrice) {
    const double s = inv.number("price_shock");
    if (va_row >= 0) {
      const Eigen::MatrixXd dp = leontief_price_change(sys, Eigen::MatrixXd((s * v).asDiagonal()));
      const Eigen::VectorXd all = leontief_price_change(sys, s * v.transpose()).row(0).transpose();
      res.add("price_va", price_table(act.expand_rows(dp), t.codes, all));
    } else if (!(parts & ~kPrice)) {
      throw UsageError("the value-added price model needs the input VA");
    }
    if (t.Zimp.size() > 0) {
      // Import coefficients m_kj = Zimp_kj / x_j: a tariff s on imported product k raises the
      // cost of sector j by s m_kj (full pass-through); dp' = dc' L.
      const Eigen::MatrixXd M = act.pick_cols(t.Zimp) * xa.cwiseInverse().asDiagonal();
      const Eigen::MatrixXd dp = leontief_price_change(sys, s * M);
      const Eigen::VectorXd all =
          leontief_price_change(sys, s * Eigen::MatrixXd(M.colwise().sum())).row(0).transpose();
      res.add("price_tariff", price_table(dp, t.codes, all));
    }
  }

  if (parts == kOutputChange && t.shock.size() == 0)
    throw UsageError("output_change needs the input shock (final-demand changes)");
  if ((parts & kOutputChange) && t.shock.size() > 0) {
    Table tab = sector_table(t);
    for (size_t k = 0; k < t.shock_names.size(); ++k) {
      const Eigen::VectorXd df_all = t.shock.col(static_cast<Eigen::Index>(k));
      for (Eigen::Index i = 0; i < df_all.size(); ++i)
        if (t.x(i) == 0 && df_all(i) != 0)
          res.warnings.push_back(
              fmt::format("shock {}: the change of {} for zero-output sector {} is ignored",
                          t.shock_names[k], df_all(i), t.codes[i]));
      const Eigen::VectorXd dx = output_change(sys, act.pick(df_all)).col(0);
      tab.add_number("dx_" + t.shock_names[k], act.expand(dx));
      if (va_row >= 0)
        tab.add_number("dva_" + t.shock_names[k], act.expand(Eigen::VectorXd(v.cwiseProduct(dx))));
    }
    res.add("output_change", std::move(tab));
  }
  return res;
}

MeasureSpec national_measure(std::string name, unsigned parts, std::string summary,
                             std::string formula, std::string reference,
                             std::vector<OutputSpec> outputs) {
  return MeasureSpec{
      .name = std::move(name),
      .family = "input_output",
      .summary = std::move(summary),
      .formula = std::move(formula),
      .reference = std::move(reference),
      .inputs = national_inputs(),
      .options = national_options(parts),
      .outputs = std::move(outputs),
      .kernel = [parts](const Invocation& inv) { return national_results(inv, parts); },
  };
}

const OutputSpec kOutA{
    "A", "technical coefficients a_ij = z_ij / x_j (wide; row = supplying sector)", {"code"}};
const OutputSpec kOutL{"L", "Leontief inverse (wide)", {"code"}};
const OutputSpec kOutG{"G", "Ghosh inverse (wide)", {"code"}};
const OutputSpec kOutMult{
    "multipliers",
    "output multiplier 1'L, mult_<item> = v_item' L for every VA row, mult_IMP (import content), "
    "satellite multipliers, output_mult_type2 with household closure",
    {"code", "output_mult", "mult_<item>"}};
const OutputSpec kOutLink{"linkages",
                          "Rasmussen-Hirschman indices and key sectors",
                          {"code", "colsum_L", "rowsum_L", "rowsum_G", "bl", "fl_leontief",
                           "fl_ghosh", "key_leontief", "key_ghosh"}};
const OutputSpec kOutHem{
    "hem",
    "hypothetical extraction (units of x)",
    {"code", "hem_total", "hem_total_pct", "hem_backward", "hem_forward", "hem_cella"}};
const OutputSpec kOutPriceVa{"price_va",
                             "price change when the value added of the row's sector rises by "
                             "price_shock (row ALL: every sector)",
                             {"shocked"}};
const OutputSpec kOutPriceTariff{"price_tariff",
                                 "price change for a tariff price_shock on the imported product of "
                                 "the row (needs Zimp; row ALL: every import)",
                                 {"shocked"}};
const OutputSpec kOutChange{"output_change",
                            "dx_<shock> = L df and dva_<shock> = v * dx per shock column",
                            {"code", "dx_<shock>", "dva_<shock>"}};

}  // namespace

AGGLO_REGISTER_MEASURES(input_output_national) {
  const std::string mb = "Miller & Blair (2009) Input-Output Analysis, 2nd ed.";
  registry.add(national_measure("io_analysis", kAll,
                                "National input-output analysis: A, L, G, multipliers, linkages, "
                                "key sectors, hypothetical extraction, price model, output change",
                                "A = Z diag(x)^-1; L = (I - A)^-1; G = diag(x)^-1 L diag(x); "
                                "multipliers 1'L, v'L; RH linkages; HEM; dp' = dc' L; dx = L df",
                                mb + "; Rasmussen (1956); Cella (1984); Miller & Lahr (2001)",
                                {kOutA, kOutL, kOutG, kOutMult, kOutLink, kOutHem, kOutPriceVa,
                                 kOutPriceTariff, kOutChange}));
  registry.add(national_measure(
      "technical_coefficients", kA, "Technical (input) coefficients of a national table",
      "a_ij = z_ij / x_j (sectors with x = 0 are NA)", mb + " eq. 2.4", {kOutA}));
  registry.add(national_measure("leontief_inverse", kL, "Leontief inverse of a national table",
                                "L = (I - A)^-1", "Leontief (1936); " + mb + " eq. 2.11", {kOutL}));
  registry.add(national_measure("ghosh_inverse", kG, "Ghosh inverse of a national table",
                                "B = diag(x)^-1 Z; G = (I - B)^-1 = diag(x)^-1 L diag(x)",
                                "Ghosh (1958); " + mb + " sect. 12.1", {kOutG}));
  registry.add(national_measure(
      "multipliers", kMultipliers,
      "Output, value-added, import-content and satellite multipliers (type I; type II with "
      "household closure)",
      "output 1'L; item k: (input_k / x)' L; type II: column sums of the household-closed inverse",
      mb + " ch. 6", {kOutMult}));
  auto linkages = national_measure(
      "rasmussen_hirschman_linkages", kLinkages,
      "Rasmussen-Hirschman backward and forward linkages (Leontief and Ghosh) and key sectors",
      "BL = n 1'L / 1'L1; FL = n L1 / 1'L1; FL^G = n G1 / 1'G1; key: BL > 1 and FL > 1",
      "Rasmussen (1956); Hirschman (1958); Beyers (1976); Jones (1976)", {kOutLink});
  linkages.aliases = {"linkages"};
  registry.add(std::move(linkages));
  registry.add(national_measure(
      "hypothetical_extraction", kHem,
      "Hypothetical extraction of every sector: complete, backward, forward (Ghosh) and Cella",
      "T_j = 1'x - 1'(I - A_-j)^-1 f_-j; backward: column j of A = 0; forward: row j of B = 0; "
      "Cella: cross blocks = 0",
      "Miller & Lahr (2001); Cella (1984); " + mb + " sect. 12.2.5", {kOutHem}));
  registry.add(national_measure(
      "leontief_price", kPrice,
      "Leontief cost-push price model: a value-added cost shock per sector and a tariff on "
      "imported inputs",
      "dp' = dc' L; value added: dc = s v_j e_j; tariff on import k: dc_j = s zimp_kj / x_j",
      mb + " sect. 2.6", {kOutPriceVa, kOutPriceTariff}));
  registry.add(national_measure("output_change", kOutputChange,
                                "Output and value-added change for final-demand shocks",
                                "dx = L df; dva = v * dx", mb + " eq. 2.12", {kOutChange}));
}

}  // namespace agglo
