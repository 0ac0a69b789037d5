// Registration of the specialization family: how each measure meets the CLI, verify and docs.
#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/concentration/location_quotient.hpp"
#include "families/concentration/na_reasons.hpp"
#include "families/specialization/diversity_measures.hpp"
#include "families/specialization/specialization_indices.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

// Warnings for the NA entries of a per-region index (regions are the columns of the transpose).
void explain_regions(Results& res, const std::string& measure, const Eigen::VectorXd& result,
                     const LabeledMatrix& m, const std::string& other_cause) {
  const Eigen::MatrixXd xt = m.values.transpose();
  for (auto& w : explain_na_columns(measure, "region", result, xt, m.row_labels, other_cause))
    res.warnings.push_back(std::move(w));
}

// A 0/1 matrix for diversity_ubiquity with rca = false, else an error naming the cell.
void check_binary(const LabeledMatrix& m) {
  for (Eigen::Index i = 0; i < m.cols(); ++i)
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
      const double v = m.values(r, i);
      if (!std::isnan(v) && v != 0 && v != 1)
        throw Error(
            fmt::format("diversity_ubiquity with rca = false expects a 0/1 matrix; region \"{}\", "
                        "industry \"{}\" holds {} (use rca = true to binarise by LQ >= 1)",
                        m.row_labels[static_cast<size_t>(r)], m.col_labels[static_cast<size_t>(i)],
                        format_number(v)));
    }
}

}  // namespace

AGGLO_REGISTER_MEASURES(specialization) {
  registry.add(MeasureSpec{
      .name = "krugman_specialization",
      .family = "specialization",
      .summary = "Krugman specialisation index of every region against the national industry "
                 "structure, and "
                 "Hoover's coefficient of specialisation",
      .formula = "total: K_r = sum_i | x_ri / x_r. - x_.i / x |; rest_of_nation: K_r = sum_i | "
                 "x_ri / x_r. - (x_.i - "
                 "x_ri) / (x - x_r.) |; spec_coeff = K_r / 2",
      .reference = "Krugman (1991) Geography and Trade; REAT krugman.spec(); EconGeo "
                   "Krugman.index(), spec.coeff()",
      .inputs = {panel_input()},
      .options = {period_option(),
                  {.name = "reference",
                   .type = OptionType::Choice,
                   .default_value = "total",
                   .choices = {"total", "rest_of_nation"},
                   .doc = "total: the national structure (the region included, REAT/EconGeo); "
                          "rest_of_nation: the "
                          "structure of all other regions"}},
      .outputs = {{"krugman_spec", "one row per region", {"region", "krugman"}},
                  {"spec_coeff", "one row per region, krugman / 2", {"region", "spec_coeff"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const LabeledMatrix m = period_counts(inv);
            const auto ref = inv.text("reference") == "rest_of_nation"
                                 ? KrugmanReference::RestOfNation
                                 : KrugmanReference::Nation;
            const Eigen::VectorXd k = krugman_specialization(m.values, ref);
            explain_regions(res, "krugman_specialization", k, m,
                            "no other region has a defined industry structure");
            res.add("krugman_spec", labelled_columns("region", m.row_labels, {{"krugman", k}}));
            res.add("spec_coeff", labelled_columns("region", m.row_labels,
                                                   {{"spec_coeff", Eigen::VectorXd(k / 2)}}));
            return res;
          },
      .each_period = true,
  });

  registry.add(MeasureSpec{
      .name = "specialization_summary",
      .family = "specialization",
      .summary = "Hoover, Gini of the LQs and Krugman against the other regions, for every region "
                 "(REAT spec())",
      .formula = "hoover = 1/2 sum_i | x_ri / x_r. - x_.i / x |; gini = 2 / (I^2 mean(R)) sum_k k "
                 "(R_(k) - mean(R)), "
                 "R = LQs of r; krugman = sum_i | x_ri / x_r. - 1/(n-1) sum_{l != r} x_li / x_l. |",
      .reference = "Farhauer & Kroell (2014) Standorttheorien; REAT spec()",
      .inputs = {panel_input()},
      .options = {period_option()},
      .outputs = {{"specialization",
                   "one row per region",
                   {"region", "hoover", "gini", "krugman"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const LabeledMatrix m = period_counts(inv);
            const Eigen::VectorXd hoover = hoover_specialization(m.values);
            const Eigen::VectorXd gini = gini_specialization(m.values);
            const Eigen::VectorXd krugman = krugman_specialization_other_regions(m.values);
            explain_regions(res, "specialization_summary (hoover)", hoover, m,
                            "the table holds no employment");
            explain_regions(res, "specialization_summary (gini)", gini, m,
                            "an industry is empty, so its LQ is undefined");
            explain_regions(res, "specialization_summary (krugman)", krugman, m,
                            "no other region has a defined industry structure");
            res.add("specialization",
                    labelled_columns("region", m.row_labels,
                                     {{"hoover", hoover}, {"gini", gini}, {"krugman", krugman}}));
            return res;
          },
      .each_period = true,
  });

  registry.add(MeasureSpec{
      .name = "herfindahl_specialization",
      .family = "specialization",
      .summary = "Herfindahl-Hirschman index of every region across industries, normalised and as "
                 "an equivalent number",
      .formula =
          "hhi_r = sum_i (x_ri / x_r.)^2; hhi_norm = (hhi - 1/I) / (1 - 1/I); hhi_eq = 1 / hhi",
      .reference = "Herfindahl (1950); Hirschman (1945); REAT herf(); EconGeo Herfindahl()",
      .inputs = {panel_input()},
      .options = {period_option()},
      .outputs = {{"herf",
                   "one row per region; I = number of industries",
                   {"region", "hhi", "hhi_norm", "hhi_eq"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const LabeledMatrix m = period_counts(inv);
            const Herfindahl h = herfindahl_specialization(m.values);
            explain_regions(res, "herfindahl_specialization", h.hhi, m, "undefined");
            if (m.cols() == 1 && m.rows() > 0)
              res.warnings.push_back(
                  "herfindahl_specialization: hhi_norm is NA: a single industry has no normalised "
                  "form");
            res.add("herf", labelled_columns(
                                "region", m.row_labels,
                                {{"hhi", h.hhi}, {"hhi_norm", h.hhi_norm}, {"hhi_eq", h.hhi_eq}}));
            return res;
          },
      .each_period = true,
  });

  registry.add(MeasureSpec{
      .name = "hachman",
      .family = "specialization",
      .summary = "Hachman index of every region (1 / share-weighted mean LQ) and the "
                 "share-weighted mean LQ",
      .formula = "lq_avg_r = sum_i (x_ri / x_r.) LQ_ri; hachman_r = 1 / lq_avg_r",
      .reference = "Hachman (1994); EconGeo Hachman(), location.quotient.avg()",
      .inputs = {panel_input()},
      .options = {period_option()},
      .outputs = {{"hachman", "one row per region", {"region", "hachman", "lq_avg"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const LabeledMatrix m = period_counts(inv);
            const Hachman h = hachman(m.values);
            explain_regions(res, "hachman", h.hachman, m, "undefined");
            res.add("hachman", labelled_columns("region", m.row_labels,
                                                {{"hachman", h.hachman}, {"lq_avg", h.lq_avg}}));
            return res;
          },
      .each_period = true,
  });

  registry.add(MeasureSpec{
      .name = "entropy",
      .family = "specialization",
      .summary = "Shannon entropy of every region's industry structure",
      .formula = "E_r = - sum_i p_ri log(p_ri) / log(log_base), p_ri = x_ri / x_r., 0 log 0 = 0",
      .reference = "Shannon (1948); Frenken, Van Oort & Verburg (2007) Regional Studies 41(5); "
                   "EconGeo entropy()",
      .inputs = {panel_input()},
      .options = {period_option(),
                  {.name = "log_base",
                   .type = OptionType::Number,
                   .default_value = 2.0,
                   .doc =
                       "base of the logarithm (2 = bits, as EconGeo; 2.718281828459045 = nats)"}},
      .outputs = {{"entropy",
                   "one row per region (exact; EconGeo rounds to 3 decimals)",
                   {"region", "entropy"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const LabeledMatrix m = period_counts(inv);
            const Eigen::VectorXd e = entropy(m.values, inv.number("log_base"));
            explain_regions(res, "entropy", e, m, "undefined");
            res.add("entropy", labelled_columns("region", m.row_labels, {{"entropy", e}}));
            return res;
          },
      .each_period = true,
  });

  registry.add(MeasureSpec{
      .name = "diversity_ubiquity",
      .family = "specialization",
      .summary = "Diversity (industries with LQ >= 1 in a region) and ubiquity (regions with LQ >= "
                 "1 in an industry)",
      .formula = "B_ri = 1 if LQ_ri >= 1 else 0 (rca = true; LQ = NA counts as 0); diversity_r = "
                 "sum_i B_ri; "
                 "ubiquity_i = sum_r B_ri",
      .reference = "Hidalgo & Hausmann (2009) PNAS 106(26); EconGeo diversity(), ubiquity()",
      .inputs = {panel_input()},
      .options = {period_option(),
                  {.name = "rca",
                   .type = OptionType::Boolean,
                   .default_value = true,
                   .doc = "true: binarise by LQ >= 1 first; false: the table already holds 0/1"}},
      .outputs = {{"diversity", "one row per region", {"region", "diversity"}},
                  {"ubiquity", "one row per industry", {"industry", "ubiquity"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const LabeledMatrix m = period_counts(inv);
            if (m.has_na())
              res.warnings.push_back(
                  "diversity_ubiquity: the table has NA cells; they count as 0 (no comparative "
                  "advantage)");
            Eigen::MatrixXd binary;
            if (inv.flag("rca")) {
              binary = binary_location_quotient(location_quotient(m.values));
            } else {
              check_binary(m);
              binary = m.values.unaryExpr([](double v) { return std::isnan(v) ? 0.0 : v; });
            }
            const DiversityUbiquity du = diversity_ubiquity(binary);
            res.add("diversity",
                    labelled_columns("region", m.row_labels, {{"diversity", du.diversity}}));
            res.add("ubiquity",
                    labelled_columns("industry", m.col_labels, {{"ubiquity", du.ubiquity}}));
            return res;
          },
      .also_in = {"complexity"},
      .each_period = true,
  });
}

}  // namespace agglo
