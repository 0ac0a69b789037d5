// Registration of the complexity family, part 2: complexity indices (eigenvector, reflections,
// fitness), the ecomplexity pipeline and the key-industry recommendations.
#include <cmath>

#include "core/error.hpp"
#include "families/complexity/complexity_index.hpp"
#include "families/complexity/complexity_inputs.hpp"
#include "families/complexity/economic_complexity.hpp"
#include "families/complexity/fitness_complexity.hpp"
#include "families/complexity/recommend.hpp"

namespace agglo {
namespace {

OptionSpec proximity_option() {
  return {.name = "proximity",
          .type = OptionType::Choice,
          .default_value = "discrete",
          .choices = {"discrete", "continuous"},
          .doc =
              "discrete: min of the two conditional probabilities of co-presence; continuous: (1 + "
              "corr(RCA))/2"};
}

ProximityKind proximity_kind(const Invocation& inv) {
  return inv.text("proximity") == "continuous" ? ProximityKind::Continuous
                                               : ProximityKind::Discrete;
}

// The presence matrix of the period on its non-empty rows and columns (the anchors drop the
// others).
struct Trimmed {
  LabeledMatrix values;
  NonEmpty keep;
  Eigen::MatrixXd presence;
};
Trimmed trimmed_presence(const Invocation& inv, Results& res) {
  Trimmed t{complexity_matrix(inv), {}, {}};
  t.keep = non_empty(t.values.values);
  if (!t.keep.all(t.values.values))
    res.warnings.push_back("regions or industries with a zero total are left out (NA)");
  t.presence = presence_matrix(inv, submatrix(t.values.values, t.keep));
  return t;
}

std::vector<double> steps_of(const Invocation& inv, const std::string& name) {
  std::vector<double> s = inv.numbers(name);
  for (double v : s)
    if (v < 0 || v != std::floor(v)) throw UsageError(name + ": steps are integers >= 0");
  return s;
}

Table step_table(const std::string& key, const std::vector<std::string>& labels,
                 const std::vector<Eigen::Index>& kept, const Eigen::MatrixXd& by_step,
                 const std::vector<double>& steps, const std::string& value) {
  std::vector<std::string> k;
  std::vector<double> s, v;
  for (double step : steps) {
    const Eigen::VectorXd col = expand(by_step.col(static_cast<Eigen::Index>(step)), kept,
                                       static_cast<Eigen::Index>(labels.size()));
    for (size_t i = 0; i < labels.size(); ++i) {
      k.push_back(labels[i]);
      s.push_back(step);
      v.push_back(col(static_cast<Eigen::Index>(i)));
    }
  }
  Table t;
  t.add_text(key, std::move(k));
  t.add_number("step", std::move(s));
  t.add_number(value, std::move(v));
  return t;
}

}  // namespace

AGGLO_REGISTER_MEASURES(complexity_index) {
  registry.add(MeasureSpec{
      .name = "complexity_eigenvector",
      .family = "complexity",
      .summary = "Knowledge/technological complexity index (KCI of regions, TCI of industries) "
                 "from the eigenvector "
                 "of the 2nd largest eigenvalue of the region-region / industry-industry "
                 "transition matrix",
      .formula = "Mcc = D_d^-1 B D_u^-1 B', Mpp = D_u^-1 B' D_d^-1 B; v = eigenvector of the 2nd "
                 "largest eigenvalue; "
                 "sum: v / sum(v); zscore: (v - mean) / sd; KCI oriented by corr(KCI, MORc_20) > "
                 "0, TCI by "
                 "spearman(TCI, ubiquity) < 0",
      .reference = "Hidalgo & Hausmann (2009) PNAS 106; Balland & Rigby (2017) Econ. Geogr. 93; "
                   "EconGeo KCI(), TCI() "
                   "(which round the matrices to 4 decimals; the engine does not)",
      .inputs = {panel_input()},
      .options = {period_option(),
                  rca_flag_option(),
                  threshold_option(),
                  {.name = "normalisation",
                   .type = OptionType::Choice,
                   .default_value = "sum",
                   .choices = {"sum", "zscore"},
                   .doc = "sum: v / sum(v) (EconGeo); zscore: (v - mean) / sd (sample sd)"}},
      .outputs = {{"kci", "one row per region", {"region", "kci"}},
                  {"tci", "one row per industry", {"industry", "tci"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const Trimmed t = trimmed_presence(inv, res);
            const KciTci kt = knowledge_complexity_index(
                t.presence, inv.text("normalisation") == "zscore" ? ComplexityNormalisation::ZScore
                                                                  : ComplexityNormalisation::Sum);
            if (!kt.problem.empty()) res.warnings.push_back("KCI/TCI: " + kt.problem);
            const auto& m = t.values;
            res.add("kci", labelled_columns("region", m.row_labels,
                                            {{"kci", expand(kt.kci, t.keep.rows, m.rows())}}));
            res.add("tci", labelled_columns("industry", m.col_labels,
                                            {{"tci", expand(kt.tci, t.keep.cols, m.cols())}}));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "method_of_reflections",
      .family = "complexity",
      .summary =
          "Method of reflections k_c,N for regions and k_p,N for industries at the requested steps",
      .formula =
          "kc_0 = diversity, kp_0 = ubiquity; kc_N = (1/kc_0) B kp_N-1, kp_N = (1/kp_0) B' kc_N-1; "
          "minmax_from_step3: steps >= 3 rescaled to 100 (v - min)/(max - min)",
      .reference = "Hidalgo & Hausmann (2009) PNAS 106; EconGeo MORc(), MORt()",
      .inputs = {panel_input()},
      .options = {period_option(),
                  rca_flag_option(),
                  threshold_option(),
                  {.name = "steps_morc",
                   .type = OptionType::IntegerList,
                   .default_value = {20},
                   .doc = "steps reported for regions"},
                  {.name = "steps_mort",
                   .type = OptionType::IntegerList,
                   .default_value = {19},
                   .doc = "steps reported for industries"},
                  {.name = "scaling",
                   .type = OptionType::Choice,
                   .default_value = "minmax_from_step3",
                   .choices = {"minmax_from_step3", "none"},
                   .doc = "minmax_from_step3: every step >= 3 is rescaled to 0-100 before the next "
                          "(EconGeo); none: "
                          "the raw reflections of Hidalgo & Hausmann"}},
      .outputs = {{"morc", "one row per region and step", {"region", "step", "morc"}},
                  {"mort", "one row per industry and step", {"industry", "step", "mort"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const Trimmed t = trimmed_presence(inv, res);
            const auto sc = steps_of(inv, "steps_morc"), st = steps_of(inv, "steps_mort");
            double max_step = 0;
            for (double s : sc) max_step = std::max(max_step, s);
            for (double s : st) max_step = std::max(max_step, s);
            const Reflections r = method_of_reflections(t.presence, static_cast<int>(max_step),
                                                        inv.text("scaling") == "none"
                                                            ? ReflectionScaling::None
                                                            : ReflectionScaling::MinMaxFromStep3);
            if (!r.problem.empty()) res.warnings.push_back(r.problem);
            res.add("morc",
                    step_table("region", t.values.row_labels, t.keep.rows, r.kc, sc, "morc"));
            res.add("mort",
                    step_table("industry", t.values.col_labels, t.keep.cols, r.kp, st, "mort"));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "economic_complexity",
      .family = "complexity",
      .summary = "Economic complexity as in the Growth Lab's py-ecomplexity: RCA, M_cp, diversity, "
                 "ubiquity, ECI, "
                 "PCI, proximity, density, complexity outlook index (COI) and gain (COG), for "
                 "every period",
      .formula = "Mpp = D_u^-1 M' D_d^-1 M; kp = eigenvector of its 2nd eigenvalue, kc = D_d^-1 M "
                 "kp, sign: corr(kc, "
                 "diversity) > 0; ECI = (kc - mean kc)/sd kc, PCI = (kp - mean kc)/sd kc; "
                 "density_cp = sum_q M_cq "
                 "phi_pq / sum_q phi_pq; COI_c = z(sum_p d_cp (1 - M_cp) kp_p); COG_cp = (1 - "
                 "M_cp) sum_q (1 - M_cq) "
                 "phi_qp kp_q / sum_r phi_qr / sd kc",
      .reference =
          "Hidalgo & Hausmann (2009); Hausmann et al. (2014) The Atlas of Economic Complexity; "
          "cid-harvard/py-ecomplexity ecomplexity()",
      .inputs = {panel_input()},
      .options =
          {period_option(),
           {.name = "presence_test",
            .type = OptionType::Choice,
            .default_value = "rca",
            .choices = {"rca"},
            .doc = "M_cp = 1 where RCA_cp >= rca_mcp_threshold"},
           threshold_option("rca_mcp_threshold"),
           proximity_option(),
           {.name = "asymmetric",
            .type = OptionType::Boolean,
            .default_value = false,
            .doc = "discrete proximity only: phi_pq = P(q | p) instead of the symmetric minimum"}},
      .outputs = {{"region",
                   "per period and region",
                   {"year", "region", "diversity", "eci", "coi"}},
                  {"industry", "per period and industry", {"year", "industry", "ubiquity", "pci"}},
                  {"region_industry",
                   "per period, region and industry",
                   {"year", "region", "industry", "rca", "mcp", "density", "cog"}},
                  {"proximity",
                   "per period and industry pair (off-diagonal)",
                   {"year", "industry_1", "industry_2", "proximity"}}},
      .kernel =
          [](const Invocation& inv) {
            const auto held = inv.shared_panel("table", {.nonnegative = true});
            const Panel& panel = *held;
            std::vector<Panel::Id> periods;
            if (inv.has("period"))
              periods = {inv.selected_period(panel)};
            else
              periods = panel.sorted_periods();
            EconomicComplexityOptions opt;
            opt.rca_threshold = inv.number("rca_mcp_threshold");
            opt.proximity = proximity_kind(inv);
            opt.asymmetric = inv.flag("asymmetric");
            std::vector<std::string> ry, rr, iy, ii, cy, cr, ci, py, p1, p2;
            std::vector<double> div, eci, coi, ubi, pci, rca, mcp, den, cog, prox;
            Results res;
            for (Panel::Id period : periods) {
              const LabeledMatrix m = panel.matrix(period);
              const std::string year = panel.periods.name(period);
              const EconomicComplexity ec = economic_complexity(m.values, opt);
              for (const auto& w : ec.warnings) res.warnings.push_back(year + ": " + w);
              for (Eigen::Index r = 0; r < m.rows(); ++r) {
                ry.push_back(year);
                rr.push_back(m.row_labels[r]);
                div.push_back(ec.diversity(r));
                eci.push_back(ec.eci(r));
                coi.push_back(ec.coi(r));
              }
              for (Eigen::Index i = 0; i < m.cols(); ++i) {
                iy.push_back(year);
                ii.push_back(m.col_labels[i]);
                ubi.push_back(ec.ubiquity(i));
                pci.push_back(ec.pci(i));
                for (Eigen::Index j = 0; j < m.cols(); ++j) {
                  if (i == j) continue;
                  py.push_back(year);
                  p1.push_back(m.col_labels[i]);
                  p2.push_back(m.col_labels[j]);
                  prox.push_back(ec.proximity(i, j));
                }
              }
              for (Eigen::Index r = 0; r < m.rows(); ++r)
                for (Eigen::Index i = 0; i < m.cols(); ++i) {
                  cy.push_back(year);
                  cr.push_back(m.row_labels[r]);
                  ci.push_back(m.col_labels[i]);
                  rca.push_back(ec.rca(r, i));
                  mcp.push_back(ec.mcp(r, i));
                  den.push_back(ec.density(r, i));
                  cog.push_back(ec.cog(r, i));
                }
            }
            Table tr, ti, tc, tp;
            tr.add_text("year", ry)
                .add_text("region", rr)
                .add_number("diversity", div)
                .add_number("eci", eci)
                .add_number("coi", coi);
            ti.add_text("year", iy)
                .add_text("industry", ii)
                .add_number("ubiquity", ubi)
                .add_number("pci", pci);
            tc.add_text("year", cy)
                .add_text("region", cr)
                .add_text("industry", ci)
                .add_number("rca", rca);
            tc.add_number("mcp", mcp).add_number("density", den).add_number("cog", cog);
            tp.add_text("year", py)
                .add_text("industry_1", p1)
                .add_text("industry_2", p2)
                .add_number("proximity", prox);
            res.add("region", std::move(tr));
            res.add("industry", std::move(ti));
            res.add("region_industry", std::move(tc));
            res.add("proximity", std::move(tp));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "fitness_complexity",
      .family = "complexity",
      .summary = "Fitness of regions and complexity of industries by the non-linear iteration of "
                 "Tacchella et al.",
      .formula = "F_c = sum_p M_cp Q_p, Q_p = 1 / sum_c M_cp / F_c, both divided by their mean at "
                 "every step",
      .reference =
          "Tacchella, Cristelli, Caldarelli, Gabrielli & Pietronero (2012) Sci. Rep. 2:723",
      .inputs = {panel_input()},
      .options = {period_option(),
                  rca_flag_option(),
                  threshold_option(),
                  {.name = "max_iterations",
                   .type = OptionType::Integer,
                   .default_value = 1000,
                   .doc = "upper bound of the iterations"},
                  {.name = "tolerance",
                   .type = OptionType::Number,
                   .default_value = 1e-12,
                   .doc = "stop when no normalised value changes by more than this"}},
      .outputs = {{"fitness", "one row per region", {"region", "fitness"}},
                  {"complexity", "one row per industry", {"industry", "complexity"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const Trimmed t = trimmed_presence(inv, res);
            if (inv.integer("max_iterations") < 1)
              throw UsageError("max_iterations must be at least 1");
            const FitnessComplexity fc =
                fitness_complexity(t.presence, static_cast<int>(inv.integer("max_iterations")),
                                   inv.number("tolerance"));
            if (!fc.problem.empty()) res.warnings.push_back(fc.problem);
            if (!fc.converged)
              res.warnings.push_back(
                  "fitness-complexity did not converge within " + std::to_string(fc.iterations) +
                  " iterations (some values tend to 0 slowly on a non-nested matrix)");
            const auto& m = t.values;
            res.add("fitness",
                    labelled_columns("region", m.row_labels,
                                     {{"fitness", expand(fc.fitness, t.keep.rows, m.rows())}}));
            res.add(
                "complexity",
                labelled_columns("industry", m.col_labels,
                                 {{"complexity", expand(fc.complexity, t.keep.cols, m.cols())}}));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "recommend",
      .family = "complexity",
      .summary = "Key-industry recommendations: for every region the top industries it is not yet "
                 "specialised in "
                 "(RCA < threshold), ranked by relatedness density, complexity (PCI) and "
                 "opportunity gain (COG)",
      .formula =
          "score_cp = w_density z(density_cp) + w_pci z(PCI_p) + w_cog z(COG_cp), z over all "
          "candidate cells "
          "(mean 0, population sd 1); related_strengths: the region's RCA industries closest to p",
      .reference = "Hidalgo et al. (2007); Hausmann et al. (2014) The Atlas of Economic "
                   "Complexity; Hidalgo et al. "
                   "(2018) The principle of relatedness",
      .inputs = {panel_input()},
      .options = {period_option(),
                  threshold_option("rca_mcp_threshold"),
                  proximity_option(),
                  {.name = "weight_density",
                   .type = OptionType::Number,
                   .default_value = 0.5,
                   .doc = "weight of the relatedness density (feasibility)"},
                  {.name = "weight_pci",
                   .type = OptionType::Number,
                   .default_value = 0.25,
                   .doc = "weight of the product complexity index"},
                  {.name = "weight_cog",
                   .type = OptionType::Number,
                   .default_value = 0.25,
                   .doc = "weight of the complexity outlook gain"},
                  {.name = "top",
                   .type = OptionType::Integer,
                   .default_value = 10,
                   .doc = "industries per region"},
                  {.name = "reasons",
                   .type = OptionType::Integer,
                   .default_value = 3,
                   .doc = "related strengths listed per recommendation"}},
      .outputs = {{"recommendations",
                   "top industries per region",
                   {"region", "rank", "industry", "score", "density", "pci", "cog", "rca",
                    "related_strengths"}}},
      .kernel =
          [](const Invocation& inv) {
            RecommendOptions opt;
            opt.rca_threshold = inv.number("rca_mcp_threshold");
            opt.proximity = proximity_kind(inv);
            opt.weight_density = inv.number("weight_density");
            opt.weight_pci = inv.number("weight_pci");
            opt.weight_cog = inv.number("weight_cog");
            opt.top = static_cast<int>(inv.integer("top"));
            opt.reasons = static_cast<int>(inv.integer("reasons"));
            Results res;
            res.add("recommendations",
                    recommendation_table(complexity_matrix(inv), opt, &res.warnings));
            return res;
          },
  });
}

}  // namespace agglo
