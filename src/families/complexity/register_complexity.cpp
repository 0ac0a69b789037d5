// Registration of the complexity family, part 1: RCA, co-occurrence, relatedness, proximity,
// relatedness density and PRODY/EXPY.
#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/complexity/complexity_inputs.hpp"
#include "families/complexity/prody_expy.hpp"
#include "families/complexity/relatedness.hpp"

namespace agglo {
namespace {

// Long table of an industry x industry matrix; `off_diagonal` leaves out the pairs (i, i).
Table pair_table(const std::vector<std::string>& labels, const Eigen::MatrixXd& m,
                 const std::string& a, const std::string& b, const std::string& value,
                 bool off_diagonal) {
  std::vector<std::string> first, second;
  std::vector<double> v;
  for (size_t i = 0; i < labels.size(); ++i)
    for (size_t j = 0; j < labels.size(); ++j) {
      if (off_diagonal && i == j) continue;
      first.push_back(labels[i]);
      second.push_back(labels[j]);
      v.push_back(m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)));
    }
  Table t;
  t.add_text(a, std::move(first));
  t.add_text(b, std::move(second));
  t.add_number(value, std::move(v));
  return t;
}

OptionSpec relatedness_choice() {
  return {.name = "relatedness",
          .type = OptionType::Choice,
          .default_value = "prob",
          .choices = {"prob", "association", "cosine", "jaccard"},
          .doc =
              "normalisation of the co-occurrence matrix used as relatedness R (EconGeo "
              "relatedness())"};
}

}  // namespace

AGGLO_REGISTER_MEASURES(complexity) {
  registry.add(MeasureSpec{
      .name = "revealed_comparative_advantage",
      .family = "complexity",
      .summary = "Balassa revealed comparative advantage of every region x industry cell and its "
                 "binary form",
      .formula = "RCA_ri = (x_ri / x_r.) / (x_.i / x); rca_binary = 1 if RCA >= threshold else 0 "
                 "(NA counts as 0)",
      .reference =
          "Balassa (1965); EconGeo RCA() (which rounds to 2 decimals; the engine does not)",
      .inputs = {panel_input()},
      .options = {period_option(), threshold_option()},
      .outputs = {{"rca", "one row per region and industry", {"region", "industry", "rca"}},
                  {"rca_binary",
                   "one row per region and industry",
                   {"region", "industry", "rca_binary"}}},
      .kernel =
          [](const Invocation& inv) {
            const LabeledMatrix m = complexity_matrix(inv);
            const Eigen::MatrixXd rca = revealed_comparative_advantage(m.values);
            Results res;
            res.add("rca",
                    long_table(m.row_labels, m.col_labels, rca, "region", "industry", "rca"));
            res.add("rca_binary",
                    long_table(m.row_labels, m.col_labels, binary_rca(rca, inv.number("threshold")),
                               "region", "industry", "rca_binary"));
            if (rca.array().isNaN().any())
              res.warnings.push_back(
                  "RCA is NA where a region or an industry has a zero total (or a cell is NA)");
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "co_occurrence",
      .family = "complexity",
      .summary = "Co-occurrence counts of industry pairs in regions with a revealed comparative "
                 "advantage: C = B'B",
      .formula = "C_ij = sum_r B_ri B_rj; cooc: diagonal 0; cooc_diag: diagonal kept (= ubiquity)",
      .reference = "Hidalgo et al. (2007); EconGeo co.occurrence(t(B))",
      .inputs = {panel_input()},
      .options = {period_option(), rca_flag_option(), threshold_option()},
      .outputs =
          {{"cooc", "industry pairs, diagonal set to 0", {"industry_i", "industry_j", "cooc"}},
           {"cooc_diag", "industry pairs, diagonal kept", {"industry_i", "industry_j", "cooc"}}},
      .kernel =
          [](const Invocation& inv) {
            const LabeledMatrix m = complexity_matrix(inv);
            const Eigen::MatrixXd c = co_occurrence(presence_matrix(inv, m.values), true);
            Eigen::MatrixXd c0 = c;
            c0.diagonal().setZero();
            Results res;
            res.add("cooc",
                    pair_table(m.col_labels, c0, "industry_i", "industry_j", "cooc", false));
            res.add("cooc_diag",
                    pair_table(m.col_labels, c, "industry_i", "industry_j", "cooc", false));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "relatedness",
      .family = "complexity",
      .summary = "Normalised relatedness of industry pairs from their co-occurrence: probability, "
                 "association, "
                 "cosine and Jaccard, one column each",
      .formula = "S_i = sum_j C_ij, T = sum S; prob: C_ab / ((S_b/T S_a/(T-S_b) + S_a/T "
                 "S_b/(T-S_a)) T/2); "
                 "association: (C_ab/T) / (S_a/T S_b/T); cosine: C_ab / sqrt(S_a S_b); jaccard: "
                 "C_ab / (S_a + S_b - "
                 "C_ab); 0/0 and the diagonal are 0",
      .reference = "van Eck & Waltman (2009); Steijn (2021); EconGeo relatedness()",
      .inputs = {panel_input()},
      .options = {period_option(), rca_flag_option(), threshold_option()},
      .outputs = {{"relatedness",
                   "industry pairs",
                   {"industry_i", "industry_j", "prob", "association", "cosine", "jaccard"}}},
      .kernel =
          [](const Invocation& inv) {
            const LabeledMatrix m = complexity_matrix(inv);
            const Eigen::MatrixXd c = co_occurrence(presence_matrix(inv, m.values), false);
            Table t = pair_table(m.col_labels, relatedness(c, RelatednessMethod::Probability),
                                 "industry_i", "industry_j", "prob", false);
            const std::pair<const char*, RelatednessMethod> others[] = {
                {"association", RelatednessMethod::Association},
                {"cosine", RelatednessMethod::Cosine},
                {"jaccard", RelatednessMethod::Jaccard}};
            for (const auto& [name, method] : others)
              t.add_number(name,
                           pair_table(m.col_labels, relatedness(c, method), "a", "b", "v", false)
                               .column("v")
                               .number);
            Results res;
            res.add("relatedness", std::move(t));
            if (c.sum() == 0)
              res.warnings.push_back("no two industries co-occur in any region: relatedness is 0");
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "proximity",
      .family = "complexity",
      .summary = "Hidalgo proximity of industry pairs: the minimum of the two conditional "
                 "probabilities of "
                 "co-specialisation (discrete), or (1 + corr(RCA))/2 (continuous)",
      .formula = "discrete: phi_pq = C_pq / max(u_p, u_q) (asymmetric: C_pq / u_p); continuous: (1 "
                 "+ corr(RCA_.p, "
                 "RCA_.q)) / 2",
      .reference =
          "Hidalgo, Klinger, Barabasi & Hausmann (2007) Science 317; py-ecomplexity proximity()",
      .inputs = {panel_input()},
      .options = {period_option(),
                  threshold_option(),
                  {.name = "proximity",
                   .type = OptionType::Choice,
                   .default_value = "discrete",
                   .choices = {"discrete", "continuous"},
                   .doc = "co-specialisation or RCA correlation"},
                  {.name = "asymmetric",
                   .type = OptionType::Boolean,
                   .default_value = false,
                   .doc = "discrete only: phi_pq = P(q | p) instead of the minimum of both "
                          "conditional probabilities"}},
      .outputs = {{"proximity",
                   "industry pairs (off-diagonal, both orders)",
                   {"industry_1", "industry_2", "proximity"}}},
      .kernel =
          [](const Invocation& inv) {
            const LabeledMatrix m = complexity_matrix(inv);
            const Eigen::MatrixXd rca = revealed_comparative_advantage(m.values);
            const Eigen::MatrixXd phi =
                inv.text("proximity") == "continuous"
                    ? proximity_continuous(
                          rca.unaryExpr([](double v) { return std::isnan(v) ? 0.0 : v; }))
                    : proximity_discrete(
                          co_occurrence(binary_rca(rca, inv.number("threshold")), true),
                          inv.flag("asymmetric"));
            Results res;
            res.add("proximity",
                    pair_table(m.col_labels, phi, "industry_1", "industry_2", "proximity", true));
            if (phi.array().isNaN().any())
              res.warnings.push_back(
                  "proximity is NA for industries present nowhere (discrete) or with the same RCA "
                  "everywhere "
                  "(continuous)");
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "relatedness_density",
      .family = "complexity",
      .summary = "Relatedness density of every region-industry cell: the share of an industry's "
                 "relatedness to the "
                 "region's RCA industries",
      .formula = "density_ri = scale * sum_k B_rk R_ki / sum_k R_ki",
      .reference = "Hidalgo et al. (2007); Boschma, Balland & Kogler (2015); EconGeo "
                   "relatedness.density() (which "
                   "rounds to 2 decimals; the engine does not)",
      .inputs = {panel_input()},
      .options = {period_option(),
                  rca_flag_option(),
                  threshold_option(),
                  relatedness_choice(),
                  {.name = "scale",
                   .type = OptionType::Number,
                   .default_value = 100.0,
                   .doc = "multiplier of the share (100 = percent)"}},
      .outputs = {{"relatedness_density",
                   "one row per region and industry",
                   {"region", "industry", "density"}}},
      .kernel =
          [](const Invocation& inv) {
            const LabeledMatrix m = complexity_matrix(inv);
            const Eigen::MatrixXd b = presence_matrix(inv, m.values);
            const Eigen::MatrixXd r = relatedness(co_occurrence(b, false),
                                                  relatedness_method_from(inv.text("relatedness")));
            const Eigen::MatrixXd d = relatedness_density(b, r, inv.number("scale"));
            Results res;
            res.add("relatedness_density",
                    long_table(m.row_labels, m.col_labels, d, "region", "industry", "density"));
            if (d.array().isNaN().any())
              res.warnings.push_back(
                  "density is NA for industries related to no other industry (sum_k R_ki = 0)");
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "prody_expy",
      .family = "complexity",
      .summary = "PRODY of every industry (the income level associated with it) and EXPY of every "
                 "region (its "
                 "employment-weighted PRODY)",
      .formula = "PRODY_i = sum_r [(x_ri/x_r.) / sum_s (x_si/x_s.)] y_r; EXPY_r = sum_i "
                 "(x_ri/x_r.) PRODY_i",
      .reference = "Hausmann, Hwang & Rodrik (2007) J. Econ. Growth 12; EconGeo prody(), expy() "
                   "(which weight by RCA "
                   "rounded to 2 decimals; the engine does not round)",
      .inputs =
          {panel_input(),
           {"regions",
            "one row per region: region, region_value (income, e.g. GDP per capita) [, period]",
            true,
            {"region", "region_value", "period"}}},
      .options = {period_option()},
      .outputs = {{"prody", "one row per industry", {"industry", "prody"}},
                  {"expy", "one row per region", {"region", "expy"}}},
      .kernel =
          [](const Invocation& inv) {
            const auto held = inv.shared_panel("table", {.nonnegative = true});
            const Panel& panel = *held;
            const Panel::Id period = inv.selected_period(panel);
            const LabeledMatrix m = panel.matrix(period);
            const TextTable& t = inv.table("regions");
            const size_t rc = t.column(inv.column("region")),
                         vc = t.column(inv.column("region_value"));
            const auto pc = t.find_column(inv.column("period"));
            const std::string& label = panel.periods.name(period);
            std::map<std::string, double> income;
            for (size_t row = 0; row < t.rows(); ++row) {
              if (pc && panel.has_period_column) {
                const auto a = parse_number(t.text(row, *pc), t.options),
                           b = parse_number(label, t.options);
                const bool same =
                    (a && b && !std::isnan(*a)) ? *a == *b : t.text(row, *pc) == label;
                if (!same) continue;
              }
              const double v = t.number(row, vc);
              if (std::isnan(v))
                throw Error(t.pos(row, vc), "the income of a region must not be NA");
              if (!income.emplace(t.text(row, rc), v).second)
                throw Error(t.pos(row, rc), "region \"" + t.text(row, rc) + "\" is given twice");
            }
            Eigen::VectorXd y(m.rows());
            for (Eigen::Index r = 0; r < m.rows(); ++r) {
              const auto it = income.find(m.row_labels[static_cast<size_t>(r)]);
              if (it == income.end())
                throw Error(SourcePos{t.source, 0, 0},
                            fmt::format("region \"{}\" of the table has no {} in this file",
                                        m.row_labels[r], inv.column("region_value")));
              y(r) = it->second;
            }
            const Eigen::VectorXd p = prody(m.values, y);
            Results res;
            res.add("prody", labelled_columns("industry", m.col_labels, {{"prody", p}}));
            res.add("expy",
                    labelled_columns("region", m.row_labels, {{"expy", expy(m.values, p)}}));
            if (p.array().isNaN().any())
              res.warnings.push_back("PRODY is NA for industries without employment");
            return res;
          },
  });
}

}  // namespace agglo
