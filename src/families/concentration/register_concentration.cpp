// Registration of the concentration family: how each measure meets the CLI, verify and docs.
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/concentration/herfindahl.hpp"
#include "families/concentration/hoover_krugman.hpp"
#include "families/concentration/location_quotient.hpp"
#include "families/concentration/locational_gini.hpp"
#include "families/concentration/na_reasons.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

void add_warnings(Results& res, std::vector<std::string> warnings) {
  for (auto& w : warnings) res.warnings.push_back(std::move(w));
}

// The external reference distribution (role `reference`: region, reference_value) aligned with
// the rows of `m`. Regions of the reference without a row in the table join `m` as regions with
// no employment (they still count in the reference); regions of the table without a reference
// value are an error.
Eigen::VectorXd external_reference(const Invocation& inv, LabeledMatrix& m, Results& res) {
  const TextTable& t = inv.table("reference");
  const size_t region_col = t.column(inv.column("region"));
  const size_t value_col = t.column(inv.column("reference_value"));
  std::map<std::string, size_t> row_of;
  for (size_t r = 0; r < m.row_labels.size(); ++r) row_of[m.row_labels[r]] = r;
  std::vector<double> ref(m.row_labels.size(), NA);
  std::vector<std::string> extra_regions;
  for (size_t k = 0; k < t.rows(); ++k) {
    const std::string& region = t.text(k, region_col);
    const double v = t.number(k, value_col);
    if (std::isnan(v) || v < 0)
      throw Error(
          t.pos(k, value_col),
          fmt::format("expected a non-negative reference value for region \"{}\", got \"{}\"",
                      region, t.text(k, value_col)));
    auto it = row_of.find(region);
    if (it == row_of.end()) {
      row_of[region] = ref.size();
      ref.push_back(v);
      extra_regions.push_back(region);
      continue;
    }
    if (!std::isnan(ref[it->second]))
      throw Error(t.pos(k, region_col),
                  fmt::format("duplicate reference row for region \"{}\"", region));
    ref[it->second] = v;
  }
  for (size_t r = 0; r < m.row_labels.size(); ++r)
    if (std::isnan(ref[r]))
      throw Error(
          SourcePos{t.source, 0, 0},
          fmt::format("region \"{}\" of the table has no row in the reference", m.row_labels[r]));
  if (!extra_regions.empty()) {
    const auto old_rows = m.values.rows();
    m.values.conservativeResize(old_rows + static_cast<Eigen::Index>(extra_regions.size()),
                                Eigen::NoChange);
    m.values.bottomRows(static_cast<Eigen::Index>(extra_regions.size())).setZero();
    m.row_labels.insert(m.row_labels.end(), extra_regions.begin(), extra_regions.end());
    res.warnings.push_back(
        fmt::format("hoover_concentration: {} region(s) of the reference have no row in the table "
                    "and count with "
                    "no employment: {}",
                    extra_regions.size(), list_labels(extra_regions)));
  }
  return Eigen::Map<const Eigen::VectorXd>(ref.data(), static_cast<Eigen::Index>(ref.size()));
}

}  // namespace

AGGLO_REGISTER_MEASURES(concentration) {
  registry.add(MeasureSpec{
      .name = "location_quotient",
      .family = "concentration",
      .summary =
          "Location quotient of every region x industry cell (multiplicative, additive or binary)",
      .formula = "LQ_ri = (x_ri / x_r.) / (x_.i / x); additive: x_ri / x_.i - x_r. / x; binary: 1 "
                 "if LQ >= threshold",
      .reference = "Florence (1939); Isard (1960) Methods of Regional Analysis; REAT locq()",
      .inputs = {panel_input()},
      .options = {period_option(),
                  {.name = "method",
                   .type = OptionType::Choice,
                   .default_value = "multiplicative",
                   .choices = {"multiplicative", "additive"},
                   .doc = "ratio of shares or difference of regional shares"},
                  {.name = "binary",
                   .type = OptionType::Boolean,
                   .default_value = false,
                   .doc = "report 1 where LQ >= threshold, else 0 (NA counts as 0)"},
                  {.name = "cells",
                   .type = OptionType::Choice,
                   .default_value = "rows",
                   .choices = {"rows", "all"},
                   .doc = "rows: one result per input row (sparse tables stay sparse); all: every "
                          "region x industry pair, absent pairs counting as 0"},
                  {.name = "threshold",
                   .type = OptionType::Number,
                   .default_value = 1.0,
                   .doc = "threshold of the binary form"}},
      .outputs = {{"lq",
                   "one row per input row of the period (cells = rows) or per region x industry "
                   "pair (cells = all)",
                   {"region", "industry", "lq"}}},
      .kernel =
          [](const Invocation& inv) {
            const auto held = inv.shared_panel("table", {.nonnegative = true});
            const Panel& panel = *held;
            const bool all_cells = inv.text("cells") == "all";
            Panel::CellIndex cells;
            const LabeledMatrix m =
                panel.matrix(inv.selected_period(panel), false, all_cells ? nullptr : &cells);
            const auto method =
                inv.text("method") == "additive" ? LqMethod::Additive : LqMethod::Multiplicative;
            const bool binary = inv.flag("binary");
            const double threshold = inv.number("threshold");
            const ConcentrationTotals totals = concentration_totals(m.values);
            Results res;
            if (all_cells) {
              Eigen::MatrixXd lq;
              location_quotient(m.values, totals, lq, method);
              if (binary) lq = binary_location_quotient(lq, threshold);
              res.add("lq", long_table(m.row_labels, m.col_labels, lq, "region", "industry", "lq"));
              return res;
            }
            // One quotient per input row, from the row's value and the totals: the matrix
            // served for the totals only.
            std::vector<double> lq(cells.value.size());
            const double* region_total = totals.region_total.data();
            const double* industry_total = totals.industry_total.data();
#pragma omp parallel for schedule(static) if (lq.size() > 200000)
            for (size_t k = 0; k < lq.size(); ++k) {
              const double q =
                  location_quotient_of(cells.value[k], region_total[cells.row[k]],
                                       industry_total[cells.col[k]], totals.grand_total, method);
              lq[k] = binary ? binary_location_quotient_of(q, threshold) : q;
            }
            res.add("lq", cell_table(m.row_labels, m.col_labels, std::move(cells), std::move(lq),
                                     "region", "industry", "lq"));
            return res;
          },
      .each_period = true,
  });

  registry.add(MeasureSpec{
      .name = "hoover_concentration",
      .family = "concentration",
      .summary = "Hoover concentration index of every industry against a reference distribution "
                 "over the regions",
      .formula = "H_i = 1/2 sum_r | x_ri / x_.i - ref_r / sum(ref) |; hoover_percent = 100 H_i",
      .reference = "Hoover (1936) QJE 51(1); REAT hoover(); EconGeo Hoover.index()",
      .inputs =
          {panel_input(),
           {.role = "reference",
            .doc = "reference value of every region (e.g. population), with reference = external",
            .required = false,
            .column_roles = {"region", "reference_value"}}},
      .options = {period_option(),
                  {.name = "reference",
                   .type = OptionType::Choice,
                   .default_value = "total",
                   .choices = {"total", "external"},
                   .doc = "total: the all-industry regional totals of the table; external: the "
                          "`reference` input"}},
      .outputs = {{"hoover", "one row per industry (fraction, 0 to 1)", {"industry", "hoover"}},
                  {"hoover_percent",
                   "one row per industry, 100 x hoover (not rounded)",
                   {"industry", "hoover_percent"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            LabeledMatrix m = period_counts(inv);
            Eigen::VectorXd h;
            if (inv.text("reference") == "external") {
              if (!inv.has_input("reference"))
                throw UsageError(
                    "hoover_concentration: reference = external needs the input \"reference\"");
              const Eigen::VectorXd ref = external_reference(inv, m, res);
              if (!(ref.sum() > 0))
                throw Error("hoover_concentration: the reference values sum to 0");
              h = hoover_concentration(m.values, ref);
            } else {
              h = hoover_concentration(m.values);
            }
            add_warnings(res,
                         explain_na_columns("hoover_concentration", "industry", h, m.values,
                                            m.col_labels, "the reference distribution is empty"));
            res.add("hoover", labelled_columns("industry", m.col_labels, {{"hoover", h}}));
            res.add("hoover_percent",
                    labelled_columns("industry", m.col_labels,
                                     {{"hoover_percent", Eigen::VectorXd(100 * h)}}));
            return res;
          },
      .each_period = true,
  });

  registry.add(MeasureSpec{
      .name = "krugman_concentration",
      .family = "concentration",
      .summary = "Krugman concentration index of every industry against the regional distribution "
                 "of the nation",
      .formula = "total: K_i = sum_r | x_ri / x_.i - x_r. / x | (= 2 x Hoover); rest_of_nation: "
                 "K_i = sum_r | x_ri / "
                 "x_.i - (x_r. - x_ri) / (x - x_.i) |",
      .reference = "Krugman (1991) Geography and Trade; REAT krugman.conc()",
      .inputs = {panel_input()},
      .options = {period_option(),
                  {.name = "reference",
                   .type = OptionType::Choice,
                   .default_value = "total",
                   .choices = {"total", "rest_of_nation"},
                   .doc = "total: regional totals of all industries (the industry included, REAT); "
                          "rest_of_nation: "
                          "regional totals of the other industries"}},
      .outputs = {{"krugman_conc", "one row per industry", {"industry", "krugman"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const LabeledMatrix m = period_counts(inv);
            const auto ref = inv.text("reference") == "rest_of_nation"
                                 ? KrugmanReference::RestOfNation
                                 : KrugmanReference::Nation;
            const Eigen::VectorXd k = krugman_concentration(m.values, ref);
            add_warnings(res,
                         explain_na_columns(
                             "krugman_concentration", "industry", k, m.values, m.col_labels,
                             "no other industry has employment (rest of the nation is empty)"));
            res.add("krugman_conc", labelled_columns("industry", m.col_labels, {{"krugman", k}}));
            return res;
          },
      .each_period = true,
  });

  registry.add(MeasureSpec{
      .name = "locational_gini",
      .family = "concentration",
      .summary = "Krugman's locational Gini of every industry from its localisation curve (regions "
                 "ordered by LQ)",
      .formula = "regions by LQ ascending, A_k, P_k cumulative shares of the industry and of all "
                 "employment: G_i = "
                 "sum_k (P_{k-1} A_k - P_k A_{k-1}); halved: G_i / 2",
      .reference = "Krugman (1991) Geography and Trade; EconGeo locational.Gini()",
      .inputs = {panel_input()},
      .options = {period_option(),
                  {.name = "halved",
                   .type = OptionType::Boolean,
                   .default_value = true,
                   .doc = "true: half the coefficient as EconGeo reports it (0 to 0.5); false: the "
                          "coefficient (0 to 1)"}},
      .outputs = {{"locational_gini", "one row per industry", {"industry", "loc_gini"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const LabeledMatrix m = period_counts(inv);
            const Eigen::VectorXd g = locational_gini(m.values, inv.flag("halved"));
            add_warnings(res, explain_na_columns("locational_gini", "industry", g, m.values,
                                                 m.col_labels, "the table holds no employment"));
            res.add("locational_gini",
                    labelled_columns("industry", m.col_labels, {{"loc_gini", g}}));
            return res;
          },
      .each_period = true,
  });

  registry.add(MeasureSpec{
      .name = "herfindahl_concentration",
      .family = "concentration",
      .summary = "Herfindahl-Hirschman index of every industry across regions, normalised and as "
                 "an equivalent number",
      .formula =
          "hhi_i = sum_r (x_ri / x_.i)^2; hhi_norm = (hhi - 1/n) / (1 - 1/n); hhi_eq = 1 / hhi",
      .reference = "Herfindahl (1950); Hirschman (1945); REAT herf(); EconGeo Herfindahl()",
      .inputs = {panel_input()},
      .options = {period_option()},
      .outputs = {{"herf",
                   "one row per industry; n = number of regions",
                   {"industry", "hhi", "hhi_norm", "hhi_eq"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const LabeledMatrix m = period_counts(inv);
            const Herfindahl h = herfindahl_concentration(m.values);
            add_warnings(res, explain_na_columns("herfindahl_concentration", "industry", h.hhi,
                                                 m.values, m.col_labels, "undefined"));
            if (m.rows() == 1 && m.cols() > 0)
              res.warnings.push_back(
                  "herfindahl_concentration: hhi_norm is NA: a single region has no normalised "
                  "form");
            res.add("herf", labelled_columns(
                                "industry", m.col_labels,
                                {{"hhi", h.hhi}, {"hhi_norm", h.hhi_norm}, {"hhi_eq", h.hhi_eq}}));
            return res;
          },
      .each_period = true,
  });

  registry.add(MeasureSpec{
      .name = "concentration_ratio",
      .family = "concentration",
      .summary = "Concentration ratio CR_n of every industry: the share of its n largest regions",
      .formula = "CR_n,i = sum of the n largest x_ri / x_.i (1 when n >= the number of regions)",
      .reference =
          "Bain (1951) QJE 65(3); e.g. Nakamura & Paul (2009) in Handbook of Regional Growth",
      .inputs = {panel_input()},
      .options = {period_option(),
                  {.name = "n",
                   .type = OptionType::Integer,
                   .default_value = 4,
                   .doc = "number of largest regions (>= 1)"}},
      .outputs = {{"concentration_ratio", "one row per industry", {"industry", "cr"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const LabeledMatrix m = period_counts(inv);
            const Eigen::VectorXd cr = concentration_ratio(m.values, inv.integer("n"));
            add_warnings(res, explain_na_columns("concentration_ratio", "industry", cr, m.values,
                                                 m.col_labels, "undefined"));
            res.add("concentration_ratio",
                    labelled_columns("industry", m.col_labels, {{"cr", cr}}));
            return res;
          },
      .each_period = true,
  });

  registry.add(MeasureSpec{
      .name = "concentration_summary",
      .family = "concentration",
      .summary = "Hoover, Gini of the LQs and Krugman against the other industries, for every "
                 "industry (REAT conc())",
      .formula = "hoover = 1/2 sum_r | x_ri / x_.i - x_r. / x |; gini = 2 / (n^2 mean(C)) sum_k k "
                 "(C_(k) - mean(C)), "
                 "C = LQs of i; krugman = sum_r | x_ri / x_.i - 1/(I-1) sum_{u != i} x_ru / x_.u |",
      .reference = "Farhauer & Kroell (2014) Standorttheorien; REAT conc()",
      .inputs = {panel_input()},
      .options = {period_option()},
      .outputs = {{"concentration",
                   "one row per industry",
                   {"industry", "hoover", "gini", "krugman"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const LabeledMatrix m = period_counts(inv);
            const Eigen::VectorXd hoover = hoover_concentration(m.values);
            const Eigen::VectorXd gini = gini_of_location_quotients(m.values);
            const Eigen::VectorXd krugman = krugman_concentration_other_industries(m.values);
            add_warnings(
                res, explain_na_columns("concentration_summary (hoover)", "industry", hoover,
                                        m.values, m.col_labels, "the table holds no employment"));
            add_warnings(
                res, explain_na_columns("concentration_summary (gini)", "industry", gini, m.values,
                                        m.col_labels, "a region is empty, so its LQ is undefined"));
            add_warnings(
                res, explain_na_columns("concentration_summary (krugman)", "industry", krugman,
                                        m.values, m.col_labels,
                                        "no other industry has a defined regional distribution"));
            res.add("concentration",
                    labelled_columns("industry", m.col_labels,
                                     {{"hoover", hoover}, {"gini", gini}, {"krugman", krugman}}));
            return res;
          },
      .each_period = true,
  });
}

}  // namespace agglo
