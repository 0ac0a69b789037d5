// Registration of the multi-regional measures: mrio_analysis (pymrio calc_all),
// value_added_in_trade and tariff_cost_propagation.
#include <fmt/format.h>

#include "core/error.hpp"
#include "families/input_output/io_inputs.hpp"
#include "families/input_output/mrio_inputs.hpp"
#include "families/input_output/tariff_propagation.hpp"
#include "families/input_output/value_added_trade.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

// Rows keyed by (account, extension, stressor) with one number column per label.
class AccountTable {
 public:
  explicit AccountTable(std::vector<std::string> labels) : labels_(std::move(labels)) {}
  void add(const std::string& account, const MrioExtensionRows& ext,
           const Eigen::MatrixXd& values) {
    for (Eigen::Index r = 0; r < values.rows(); ++r) {
      account_.push_back(account);
      extension_.push_back(ext.extension[static_cast<size_t>(r)]);
      stressor_.push_back(ext.stressor[static_cast<size_t>(r)]);
      rows_.push_back(values.row(r));
    }
  }
  Table table(const Invocation& inv) const {
    Table t;
    t.add_text(inv.column("account"), account_);
    t.add_text(inv.column("extension"), extension_);
    t.add_text(inv.column("stressor"), stressor_);
    for (size_t c = 0; c < labels_.size(); ++c) {
      std::vector<double> col;
      for (const auto& r : rows_) col.push_back(r(static_cast<Eigen::Index>(c)));
      t.add_number(labels_[c], std::move(col));
    }
    return t;
  }
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<std::string> labels_, account_, extension_, stressor_;
  std::vector<Eigen::RowVectorXd> rows_;
};

std::vector<InputSpec> mrio_inputs(bool with_extensions) {
  std::vector<InputSpec> in = {
      {"Z",
       "inter-industry flows: code (<region>_<sector>) + one column per industry",
       true,
       {"code"}},
      {"Y",
       "final demand: code + one column per final-demand category of a region",
       true,
       {"code"}},
      {"sectors",
       "code, region, sector of every industry (default: split the code at its first '_')",
       false,
       {"code", "region", "sector"}},
      {"fd_categories",
       "code, region, category of every final-demand column (default: split at '_')",
       false,
       {"code", "region", "category"}},
  };
  if (with_extensions) {
    in.push_back(
        {"F",
         "satellite accounts: extension, stressor, [compartment, unit,] one column per industry",
         false,
         {"extension", "stressor"}});
    in.push_back({"F_Y",
                  "satellite accounts of final demand: extension, stressor, one column per "
                  "final-demand column",
                  false,
                  {"extension", "stressor"}});
    in.push_back({"population",
                  "region, population (per-capita accounts)",
                  false,
                  {"region", "population"}});
  }
  return in;
}

OptionSpec solver_option() {
  return {.name = "solver",
          .type = OptionType::Choice,
          .default_value = "auto",
          .choices = {"auto", "dense_lu", "sparse_lu", "iterative"},
          .doc = "how (I - A) is solved"};
}

Results mrio_analysis(const Invocation& inv) {
  const MrioTable t = read_mrio_table(inv);
  Results res;
  const auto& L_ = t.layout;
  const Eigen::VectorXd x = industry_output(t.Z, t.Y);
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (x(i) == 0)
      res.warnings.push_back("industry " + t.codes[static_cast<size_t>(i)] +
                             " has zero output: its coefficients are 0 (pymrio convention) and its "
                             "L column is a unit column");
  const Eigen::MatrixXd A = technical_coefficients(t.Z, x);
  const LeontiefSystem sys(A, parse_io_solver(inv.text("solver")));
  res.add("x",
          labelled_columns("code", t.codes,
                           {{inv.column_given("output") ? inv.column("output") : "indout", x}}));
  res.add("A", Table::from_matrix("code", t.codes, t.codes, A));
  if (inv.flag("include_inverse"))
    res.add("L", Table::from_matrix("code", t.codes, t.codes, sys.inverse()));
  const bool ghosh = inv.flag("include_ghosh");
  std::optional<LeontiefSystem> gsys;
  if (ghosh) {
    const Eigen::MatrixXd B = allocation_coefficients(t.Z, x);
    gsys.emplace(B, parse_io_solver(inv.text("solver")));
    res.add("B", Table::from_matrix("code", t.codes, t.codes, B));
    if (inv.flag("include_inverse"))
      res.add("G", Table::from_matrix("code", t.codes, t.codes, gsys->inverse()));
  }
  if (t.F.values.size() == 0) return res;
  const Eigen::MatrixXd Y_agg = final_demand_by_region(t.Y, L_);
  const Eigen::MatrixXd S = stressor_coefficients(t.F.values, x);
  AccountTable sector(t.codes), region(L_.regions), fd(t.fd_codes);
  sector.add("S", t.F, S);
  sector.add("M", t.F, total_multipliers(S, sys));
  if (ghosh) sector.add("M_down", t.F, downstream_multipliers(S, *gsys));
  const MrioAccounts acc = calc_accounts(S, sys, Y_agg, L_);
  sector.add("D_cba", t.F, acc.cba);
  sector.add("D_pba", t.F, acc.pba);
  sector.add("D_imp", t.F, acc.imp);
  sector.add("D_exp", t.F, acc.exp);
  res.add("ext_sector", sector.table(inv));

  // Final-demand extensions: S_Y and their part of the regional accounts.
  Eigen::MatrixXd fy_region = Eigen::MatrixXd::Zero(S.rows(), L_.n_regions());
  if (t.F_Y.values.size() > 0) {
    const Eigen::VectorXd y_total = t.Y.colwise().sum().transpose();
    Eigen::MatrixXd S_Y(t.F_Y.values.rows(), t.F_Y.values.cols());
    for (Eigen::Index c = 0; c < S_Y.cols(); ++c) {
      if (y_total(c) == 0) {
        S_Y.col(c).setConstant(NA);
        res.warnings.push_back("S_Y of final-demand column " + t.fd_codes[static_cast<size_t>(c)] +
                               " is NA: the column's final demand is 0");
      } else {
        S_Y.col(c) = t.F_Y.values.col(c) / y_total(c);
      }
    }
    fd.add("S_Y", t.F_Y, S_Y);
    res.add("ext_fd", fd.table(inv));
    for (Eigen::Index k = 0; k < t.F_Y.values.rows(); ++k) {
      Eigen::Index row = -1;
      for (Eigen::Index r = 0; r < S.rows(); ++r)
        if (t.F.extension[static_cast<size_t>(r)] == t.F_Y.extension[static_cast<size_t>(k)] &&
            t.F.stressor[static_cast<size_t>(r)] == t.F_Y.stressor[static_cast<size_t>(k)])
          row = r;
      if (row < 0) {
        res.warnings.push_back("F_Y row " + t.F_Y.stressor[static_cast<size_t>(k)] +
                               " has no row in F: left out of the regional accounts");
        continue;
      }
      for (Eigen::Index c = 0; c < t.F_Y.values.cols(); ++c)
        fy_region(row, L_.fd_region[static_cast<size_t>(c)]) += t.F_Y.values(k, c);
    }
  }
  const Eigen::MatrixXd cba = sum_by_region(acc.cba, L_) + fy_region,
                        pba = sum_by_region(acc.pba, L_) + fy_region;
  const Eigen::MatrixXd imp = sum_by_region(acc.imp, L_), exp = sum_by_region(acc.exp, L_);
  region.add("D_cba_reg", t.F, cba);
  region.add("D_pba_reg", t.F, pba);
  region.add("D_imp_reg", t.F, imp);
  region.add("D_exp_reg", t.F, exp);
  if (t.population.size() > 0) {
    const Eigen::RowVectorXd inv_pop = t.population.cwiseInverse().transpose();
    for (Eigen::Index k = 0; k < t.population.size(); ++k)
      if (!(t.population(k) > 0))
        res.warnings.push_back("per-capita accounts of " + L_.regions[static_cast<size_t>(k)] +
                               " are NA: no positive population");
    auto per_capita = [&](const Eigen::MatrixXd& m) {
      Eigen::MatrixXd out = m;
      for (Eigen::Index k = 0; k < m.cols(); ++k)
        out.col(k) = t.population(k) > 0 ? Eigen::VectorXd(m.col(k) * inv_pop(k))
                                         : Eigen::VectorXd::Constant(m.rows(), NA);
      return out;
    };
    region.add("D_cba_cap", t.F, per_capita(cba));
    region.add("D_pba_cap", t.F, per_capita(pba));
    region.add("D_imp_cap", t.F, per_capita(imp));
    region.add("D_exp_cap", t.F, per_capita(exp));
  }
  res.add("ext_region", region.table(inv));
  return res;
}

Results value_added_in_trade(const Invocation& inv) {
  const MrioTable t = read_mrio_table(inv);
  const auto& lay = t.layout;
  Results res;
  if (t.F.values.size() == 0)
    throw UsageError("value_added_in_trade needs the value-added row in the input F");
  const std::string wanted = inv.text("value_added_stressor");
  Eigen::Index row = -1;
  for (size_t r = 0; r < t.F.stressor.size(); ++r)
    if (t.F.stressor[r] == wanted) row = static_cast<Eigen::Index>(r);
  if (row < 0 && t.F.values.rows() == 1) row = 0;
  if (row < 0)
    throw UsageError("F has no stressor \"" + wanted + "\" (option value_added_stressor)");
  const Eigen::VectorXd x = industry_output(t.Z, t.Y);
  const Eigen::MatrixXd A = technical_coefficients(t.Z, x);
  const LeontiefSystem sys(A, parse_io_solver(inv.text("solver")));
  const Eigen::VectorXd v = stressor_coefficients(t.F.values.row(row), x).row(0).transpose();
  const Eigen::VectorXd v_implied = Eigen::VectorXd::Ones(x.size()) - A.colwise().sum().transpose();

  const GrossTrade g = gross_trade(t.Z, t.Y, lay);
  Table gt;
  gt.add_text("code", t.codes);
  gt.add_number("exports", g.exports);
  gt.add_number("imports", g.imports);
  for (int s = 0; s < lay.n_regions(); ++s)
    gt.add_number("to_" + lay.regions[static_cast<size_t>(s)], Eigen::VectorXd(g.bilateral.col(s)));
  res.add("gross_trade", std::move(gt));

  const ValueAddedInExports va = value_added_in_exports(v, sys, g.exports, lay);
  const ValueAddedInExports vi = value_added_in_exports(v_implied, sys, g.exports, lay);
  const std::string src = inv.column("source_region");
  res.add("va_in_exports", Table::from_matrix(src, lay.regions, lay.regions, va.vax));
  res.add("va_in_exports_implied", Table::from_matrix(src, lay.regions, lay.regions, vi.vax));
  const Eigen::MatrixXd vay = value_added_absorption(v, sys, final_demand_by_region(t.Y, lay), lay);
  Eigen::VectorXd vax_jn(lay.n_regions()), share(lay.n_regions());
  for (int r = 0; r < lay.n_regions(); ++r) {
    vax_jn(r) = vay.row(r).sum() - vay(r, r);
    share(r) = va.gross_exports(r) == 0 ? NA : va.fva(r) / va.gross_exports(r);
    if (va.gross_exports(r) == 0)
      res.warnings.push_back("fva_share of " + lay.regions[static_cast<size_t>(r)] +
                             " is NA: the region exports nothing");
  }
  res.add("dva_fva", labelled_columns("region", lay.regions,
                                      {{"gross_exports", va.gross_exports},
                                       {"dva", va.dva},
                                       {"fva", va.fva},
                                       {"residual", va.gross_exports - va.dva - va.fva},
                                       {"fva_share", share},
                                       {"vax_jn", vax_jn},
                                       {"dva_implied", vi.dva},
                                       {"fva_implied", vi.fva}}));
  res.add("va_in_exports_sector",
          labelled_columns(
              "code", t.codes,
              {{"gross_exports", g.exports}, {"dva", va.sector_dva}, {"fva", va.sector_fva}}));
  res.add("va_absorption", Table::from_matrix(src, lay.regions, lay.regions, vay));
  return res;
}

Results tariff_cost_results(const Invocation& inv) {
  const MrioTable t = read_mrio_table(inv);
  const auto& lay = t.layout;
  const Eigen::VectorXd x = industry_output(t.Z, t.Y);
  const Eigen::MatrixXd A = technical_coefficients(t.Z, x);
  const LeontiefSystem sys(A, parse_io_solver(inv.text("solver")));
  // tau[(exporter, sector), importer] from the long tariff table.
  const TextTable& tt = inv.table("tariffs");
  const size_t ci = tt.column(inv.column("importer")), ce = tt.column(inv.column("exporter")),
               cs = tt.column(inv.column("sector")), cr = tt.column(inv.column("rate"));
  auto find = [&](const std::vector<std::string>& names, const std::string& s, size_t row,
                  size_t col) {
    for (size_t k = 0; k < names.size(); ++k)
      if (names[k] == s) return static_cast<int>(k);
    throw Error(tt.pos(row, col), "\"" + s + "\" is not a region or sector of the MRIO");
  };
  Eigen::MatrixXd tau = Eigen::MatrixXd::Zero(x.size(), lay.n_regions());
  for (size_t r = 0; r < tt.rows(); ++r) {
    const int imp = find(lay.regions, tt.text(r, ci), r, ci),
              exp = find(lay.regions, tt.text(r, ce), r, ce);
    const int sec = find(lay.sectors, tt.text(r, cs), r, cs);
    const double rate = tt.number(r, cr);
    if (std::isnan(rate))
      throw Error(tt.pos(r, cr), "expected a tariff rate, got \"" + tt.text(r, cr) + "\"");
    if (imp == exp)
      throw Error(tt.pos(r, ci), "a tariff needs two different regions (importer = exporter)");
    tau(lay.index(exp, sec), imp) = rate;
  }
  const TariffCostEffect e = tariff_cost_propagation(A, tau, sys, lay);
  Results res;
  std::vector<std::string> regions, sectors;
  for (size_t i = 0; i < t.codes.size(); ++i) {
    regions.push_back(lay.regions[static_cast<size_t>(lay.industry_region[i])]);
    sectors.push_back(lay.sectors[static_cast<size_t>(lay.industry_sector[i])]);
  }
  Table tab;
  tab.add_text("code", t.codes);
  tab.add_text("region", regions);
  tab.add_text("sector", sectors);
  tab.add_number("direct", e.direct);
  tab.add_number("indirect", e.indirect);
  tab.add_number("total", e.total);
  res.add("tariff_cost", std::move(tab));
  // Output-weighted regional averages.
  Eigen::VectorXd w = Eigen::VectorXd::Zero(lay.n_regions()), d = w, tot = w;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const int r = lay.industry_region[static_cast<size_t>(i)];
    w(r) += x(i);
    d(r) += x(i) * e.direct(i);
    tot(r) += x(i) * e.total(i);
  }
  for (int r = 0; r < lay.n_regions(); ++r)
    if (w(r) == 0) {
      d(r) = tot(r) = NA;
      res.warnings.push_back("region " + lay.regions[static_cast<size_t>(r)] +
                             " has no output: its averages are NA");
    } else {
      d(r) /= w(r);
      tot(r) /= w(r);
    }
  res.add("tariff_cost_region",
          labelled_columns("region", lay.regions,
                           {{"direct", d}, {"indirect", tot - d}, {"total", tot}}));
  return res;
}

}  // namespace

AGGLO_REGISTER_MEASURES(input_output_mrio) {
  registry.add(MeasureSpec{
      .name = "mrio_analysis",
      .family = "input_output",
      .summary = "Multi-regional IO system as pymrio calc_all: x, A, L, B, G, S, M, M_down and "
                 "D_cba/D_pba/D_imp/D_exp per sector, region and capita",
      .formula = "x = Z1 + Y1; A = Z diag(x)^-1; L = (I - A)^-1; S = F diag(x)^-1; M = S L; M_down "
                 "= S (G' - I); "
                 "D_cba = S L Y_diag; D_pba = S diag(x); D_imp, D_exp: the parts crossing borders",
      .reference = "Stadler (2021) pymrio, J. Open Res. Softw.; Miller & Blair (2009) ch. 3; "
                   "Peters (2008); Lenzen et al. (2007)",
      .inputs = mrio_inputs(true),
      .options = {{.name = "include_ghosh",
                   .type = OptionType::Boolean,
                   .default_value = false,
                   .doc = "also compute B, G and the downstream multipliers M_down"},
                  {.name = "include_inverse",
                   .type = OptionType::Boolean,
                   .default_value = true,
                   .doc = "write L (and G); false keeps large systems to solves only"},
                  solver_option()},
      .outputs = {{"x", "gross output per industry", {"code", "indout"}},
                  {"A", "technical coefficients (wide)", {"code"}},
                  {"L", "Leontief inverse (wide)", {"code"}},
                  {"B", "allocation coefficients (wide, include_ghosh)", {"code"}},
                  {"G", "Ghosh inverse (wide, include_ghosh)", {"code"}},
                  {"ext_sector",
                   "S, M, M_down, D_cba, D_pba, D_imp, D_exp per industry",
                   {"account", "extension", "stressor"}},
                  {"ext_fd",
                   "S_Y: final-demand stressor coefficients (NA where the column's demand is 0)",
                   {"account", "extension", "stressor"}},
                  {"ext_region",
                   "D_*_reg per region (with F_Y) and D_*_cap per capita",
                   {"account", "extension", "stressor"}}},
      .kernel = mrio_analysis,
  });
  registry.add(MeasureSpec{
      .name = "value_added_in_trade",
      .family = "input_output",
      .summary = "Gross trade, domestic and foreign value added in exports (by region and sector) "
                 "and value-added absorption",
      .formula = "VAX = R_agg diag(v) L E; DVA_r = VAX[r,r]; FVA_r = sum_{s != r} VAX[s,r]; VAY = "
                 "R_agg diag(v) L Y_agg; "
                 "VAX_JN_r = sum_{s != r} VAY[r,s]",
      .reference =
          "Hummels, Ishii & Yi (2001); Johnson & Noguera (2012); Koopman, Wang & Wei (2014)",
      .inputs = {mrio_inputs(false)[0],
                 mrio_inputs(false)[1],
                 mrio_inputs(false)[2],
                 mrio_inputs(false)[3],
                 {"F",
                  "satellite rows holding the value added of every industry",
                  true,
                  {"extension", "stressor"}}},
      .options = {{.name = "value_added_stressor",
                   .type = OptionType::Text,
                   .default_value = "Value Added",
                   .doc = "the stressor of F that is value added (the only row of F is used when "
                          "it is absent)"},
                  solver_option()},
      .outputs = {{"gross_trade",
                   "per industry: exports, imports, to_<region>",
                   {"code", "exports", "imports"}},
                  {"va_in_exports", "source region x exporting region", {"source_region"}},
                  {"va_in_exports_implied", "the same with v = 1 - 1'A", {"source_region"}},
                  {"dva_fva",
                   "per exporting region",
                   {"region", "gross_exports", "dva", "fva", "residual", "fva_share", "vax_jn",
                    "dva_implied", "fva_implied"}},
                  {"va_in_exports_sector",
                   "per exporting industry",
                   {"code", "gross_exports", "dva", "fva"}},
                  {"va_absorption", "source region x absorbing region", {"source_region"}}},
      .kernel = value_added_in_trade,
  });
  registry.add(MeasureSpec{
      .name = "tariff_cost_propagation",
      .family = "input_output",
      .summary = "Direct and indirect input-cost increase of every industry from bilateral tariffs "
                 "on intermediate inputs",
      .formula = "direct_(s,j) = sum_{(r,i), r != s} a_(r,i),(s,j) tau[s, r, i]; total' = direct' "
                 "L; indirect = total - direct",
      .reference = "Mao & Görg (2019) The World Economy 43(7); Leontief price model, Miller & "
                   "Blair (2009) sect. 2.6",
      .inputs = {mrio_inputs(false)[0],
                 mrio_inputs(false)[1],
                 mrio_inputs(false)[2],
                 mrio_inputs(false)[3],
                 {"tariffs",
                  "importer, exporter, sector, rate (ad valorem, 0.25 = 25 %)",
                  true,
                  {"importer", "exporter", "sector", "rate"}}},
      .options = {solver_option()},
      .outputs = {{"tariff_cost",
                   "per industry: cost increase per unit of output",
                   {"code", "region", "sector", "direct", "indirect", "total"}},
                  {"tariff_cost_region",
                   "output-weighted regional averages",
                   {"region", "direct", "indirect", "total"}}},
      .kernel = tariff_cost_results,
  });
}

}  // namespace agglo
