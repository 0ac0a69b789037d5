// Registration of the composite family: normalise, weights, aggregate, composite_index
// (`agglo index`), topsis, tiers, ahp_weights and rank_sensitivity. composite_index --html
// calls the report section above the families (allowed here, in the registration only).
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "families/composite/aggregate.hpp"
#include "families/composite/composite_index.hpp"
#include "families/composite/composite_inputs.hpp"
#include "families/composite/normalise.hpp"
#include "families/composite/sensitivity.hpp"
#include "families/composite/tiers.hpp"
#include "families/composite/topsis.hpp"
#include "families/composite/weights.hpp"
#include "registry/common.hpp"
#include "report/sections/composite.hpp"

namespace agglo {

namespace {

const std::vector<std::string> kFrameworkColumns = {"code", "parent", "level", "weight",
                                                    "direction"};
const std::vector<std::string> kDataColumns = {"unit", "indicator", "value"};

InputSpec data_input() {
  return {"table",
          "indicator data: long (unit, indicator, value) or wide (unit + one column per indicator "
          "code)",
          true, kDataColumns};
}

InputSpec framework_spec(std::vector<std::string> extra = {}) {
  auto cols = kFrameworkColumns;
  cols.insert(cols.end(), extra.begin(), extra.end());
  return {"hierarchy",
          "indicator framework: code, parent (NA at the top), level (1 = indicator), weight, "
          "direction (+1/-1)[, name_en, name_zh]",
          true, cols};
}

OptionSpec choice(std::string name, std::string def, std::vector<std::string> choices,
                  std::string doc) {
  return {.name = std::move(name),
          .type = OptionType::Choice,
          .default_value = std::move(def),
          .choices = std::move(choices),
          .doc = std::move(doc)};
}
OptionSpec number(std::string name, double def, std::string doc) {
  return {.name = std::move(name),
          .type = OptionType::Number,
          .default_value = def,
          .doc = std::move(doc)};
}
OptionSpec integer(std::string name, int64_t def, std::string doc) {
  return {.name = std::move(name),
          .type = OptionType::Integer,
          .default_value = def,
          .doc = std::move(doc)};
}
OptionSpec boolean(std::string name, bool def, std::string doc) {
  return {.name = std::move(name),
          .type = OptionType::Boolean,
          .default_value = def,
          .doc = std::move(doc)};
}

// Long table: unit x code with one value column (codes = the given framework nodes).
Table unit_code_table(const std::vector<std::string>& units, const IndicatorFramework& f,
                      const std::vector<size_t>& nodes, const Eigen::MatrixXd& m,
                      const std::string& code_key, const std::string& value_name,
                      const Eigen::MatrixXd* second = nullptr, const std::string& second_name = "",
                      bool with_level = false) {
  std::vector<std::string> u, c;
  std::vector<double> lv, v, v2;
  for (size_t k : nodes)
    for (size_t i = 0; i < units.size(); ++i) {
      u.push_back(units[i]);
      c.push_back(f.nodes()[k].code);
      lv.push_back(f.nodes()[k].level);
      v.push_back(m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)));
      if (second)
        v2.push_back((*second)(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)));
    }
  Table t;
  t.add_text("unit", std::move(u));
  t.add_text(code_key, std::move(c));
  if (with_level) t.add_number("level", std::move(lv));
  t.add_number(value_name, std::move(v));
  if (second) t.add_number(second_name, std::move(v2));
  return t;
}

std::vector<size_t> all_nodes(const IndicatorFramework& f) {
  std::vector<size_t> out;
  for (size_t i = 0; i < f.nodes().size(); ++i) out.push_back(i);
  return out;
}

NormaliseOptions normalise_options(const Invocation& inv) {
  NormaliseOptions o;
  o.method = parse_normalise_method(inv.text("method"));
  o.lower = inv.number("lower");
  o.upper = inv.number("upper");
  o.mean = inv.number("mean");
  o.sd = inv.number("sd");
  if (!(o.sd > 0)) throw UsageError("--sd must be > 0");
  o.cap = inv.flag("cap");
  o.truncate = inv.flag("truncate");
  o.scale = inv.number("scale");
  return o;
}

Table tiers_table(const std::vector<std::string>& units, const Eigen::VectorXd& scores,
                  const Tiers& t, int k, bool with_score) {
  std::vector<double> tier;
  std::vector<std::string> en, zh;
  for (int c : t.tier) {
    tier.push_back(c == 0 ? NA : c);
    en.push_back(c == 0 ? "NA" : tier_label_en(c, k));
    zh.push_back(c == 0 ? "NA" : tier_label_zh(c, k));
  }
  Table out;
  out.add_text("unit", units);
  if (with_score) out.add_number("score", scores);
  out.add_number("tier", std::move(tier));
  out.add_text("label_en", std::move(en));
  out.add_text("label_zh", std::move(zh));
  return out;
}

Tiers make_tiers(const Eigen::VectorXd& scores, const std::string& method, int k,
                 const std::string& closure) {
  if (method == "jenks") return jenks_tiers(scores, k);
  return quantile_tiers(scores, k,
                        closure == "left" ? IntervalClosure::Left : IntervalClosure::Right);
}

Table sensitivity_table(const std::vector<std::string>& units, const RankSensitivity& s) {
  Table t;
  t.add_text("unit", units);
  t.add_number("nominal_rank", s.nominal_rank);
  t.add_number("median_rank", s.median_rank);
  t.add_number("rank_q05", s.q05);
  t.add_number("rank_q95", s.q95);
  t.add_number("mean_abs_shift", s.mean_abs_shift);
  return t;
}

std::vector<OptionSpec> sensitivity_options(int64_t default_runs) {
  return {integer("sensitivity_runs", default_runs,
                  "Monte Carlo runs of the rank sensitivity (0 = none)"),
          integer("seed", 1, "seed of the Monte Carlo runs (same seed, same table)"),
          number("weight_noise", 0.25,
                 "every weight is multiplied by U(1 - noise, 1 + noise) in each run")};
}

// The report's focus unit, unit names (input units, column name) and a note of the build.
report::CompositeReportOptions index_report_options(const Invocation& inv) {
  report::CompositeReportOptions r;
  if (inv.has("focus")) r.focus = inv.text("focus");
  if (inv.has_input("units")) r.unit_names = unit_names_input(inv);
  if (inv.text("normalise") == "minmax") {
    r.score_min = inv.number("normalise_lower");
    r.score_max = inv.number("normalise_upper");
  }
  const std::string build =
      fmt::format("normalisation {}, aggregation {}, outlier treatment {}, tiers {} ({})",
                  inv.text("normalise"), inv.text("aggregate"), inv.text("treat"),
                  inv.integer("tiers"), inv.text("tier_method"));
  const std::string build_zh = fmt::format(
      "正規化 {}、加總 {}、離群值處理 {}、等級 {}（{}）", inv.text("normalise"),
      inv.text("aggregate"), inv.text("treat"), inv.integer("tiers"), inv.text("tier_method"));
  r.notes.push_back({"Data: " + inv.source("table").describe() + "; " + build,
                     "資料：" + inv.source("table").describe() + "；" + build_zh});
  return r;
}

}  // namespace

AGGLO_REGISTER_MEASURES(composite) {
  registry.add(MeasureSpec{
      .name = "normalise",
      .family = "composite",
      .summary =
          "Normalisation of every indicator onto a common scale with the indicator directions",
      .formula = "x' = direction * x; minmax (x' - min)/(max - min)(upper - lower) + lower; zscore "
                 "(x' - mean)/sd * sd_t + mean_t; "
                 "rank (ties min); percentile_rank (rank - 1)/(n - 1); dist2max 1 - (max - "
                 "x')/(max - min); "
                 "dist2targ (x - min)/(target - min) or (max - x)/(max - target); goalposts (x - "
                 "lo)/(hi - lo) or (hi - x)/(hi - lo), clipped, * scale",
      .reference =
          "OECD/JRC (2008) Handbook on Constructing Composite Indicators, 1.5; COINr n_* functions",
      .inputs = {data_input(), framework_spec({"target", "goalpost_lower", "goalpost_upper"})},
      .options = {choice("method", "minmax",
                         {"minmax", "zscore", "rank", "percentile_rank", "dist2max", "dist2targ",
                          "goalposts"},
                         "normalisation"),
                  number("lower", 0, "minmax: lower end of the target range"),
                  number("upper", 100, "minmax: upper end of the target range"),
                  number("mean", 0, "zscore: target mean"),
                  number("sd", 1, "zscore: target standard deviation (> 0)"),
                  choice("ties", "min", {"min"},
                         "rank, percentile_rank: tied values share the smallest rank"),
                  boolean("cap", true, "dist2targ: scores beyond the target are set to 1"),
                  boolean("truncate", true, "goalposts: clip to [0, 1] before scaling"),
                  number("scale", 100, "goalposts: multiplier of the clipped score")},
      .outputs = {{"normalised",
                   "every unit and indicator (missing input -> NA)",
                   {"unit", "indicator", "value"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const auto f = framework_input(inv);
            const auto data = indicator_input(inv, f, &res.warnings);
            const Eigen::MatrixXd y = normalise_indicators(data.values, f, normalise_options(inv));
            res.add("normalised",
                    long_table(data.row_labels, data.col_labels, y, "unit", "indicator", "value"));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "weights",
      .family = "composite",
      .summary = "Weights of an indicator framework (equal, PCA, entropy) and every code's "
                 "effective weight in the index",
      .formula = "w_i = v_i / sum_siblings v; effective = product of w up to the top; pca: v = "
                 "first-PC loadings a (or a^2) "
                 "of the correlation matrix, sign sum a >= 0; entropy: v = 1 - e_j, e_j = -sum p "
                 "ln p / ln n",
      .reference = "OECD/JRC (2008) Handbook, 6.1; COINr get_PCA, get_eff_weights; Zeleny (1982) "
                   "entropy weights",
      .inputs = {data_input(), framework_spec()},
      .options = {choice("method", "equal", {"equal", "framework", "pca", "entropy"},
                         "equal: 1/siblings; framework: the hierarchy's weights; pca; entropy"),
                  boolean("by_groups", true,
                          "pca: one PCA per parent group (false: one over all indicators)"),
                  choice("pca_weights", "loadings", {"loadings", "squared_loadings"},
                         "pca: signed loadings (COINr) or squared loadings (sum 1 per group)")},
      .outputs = {{"weights",
                   "every code: weight inside its group and effective weight",
                   {"code", "level", "weight", "effective_weight"}},
                  {"pca", "pca: first-PC loading of every indicator", {"code", "group", "loading"}},
                  {"pca_variance",
                   "pca: eigenvalue and variance share of each PCA group",
                   {"group", "eigenvalue", "variance_share", "n_units"}},
                  {"entropy",
                   "entropy: e_j, d_j = 1 - e_j, d_j / sum d",
                   {"code", "entropy", "divergence", "weight_level"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const auto f = framework_input(inv);
            const std::string method = inv.text("method");
            std::vector<double> w;
            if (method == "equal") {
              w = equal_weights(f);
            } else if (method == "framework") {
              w = framework_weights(f);
            } else if (method == "pca") {
              const auto data = indicator_input(inv, f, &res.warnings);
              const auto groups = pca_groups(data.values, f, inv.flag("by_groups"));
              w = pca_weights(f, groups,
                              inv.text("pca_weights") == "loadings"
                                  ? PcaWeighting::Loadings
                                  : PcaWeighting::SquaredLoadings);
              std::vector<std::string> code, grp, gname;
              std::vector<double> loading, ev, share, nu;
              for (const auto& g : groups) {
                for (size_t c = 0; c < g.indicators.size(); ++c) {
                  code.push_back(f.indicators()[g.indicators[c]]);
                  grp.push_back(g.group);
                  loading.push_back(g.loadings[static_cast<Eigen::Index>(c)]);
                }
                gname.push_back(g.group);
                ev.push_back(g.eigenvalue);
                share.push_back(g.variance_share);
                nu.push_back(static_cast<double>(g.n_units));
              }
              Table p;
              p.add_text("code", code).add_text("group", grp).add_number("loading", loading);
              res.add("pca", std::move(p));
              Table v;
              v.add_text("group", gname)
                  .add_number("eigenvalue", ev)
                  .add_number("variance_share", share)
                  .add_number("n_units", nu);
              res.add("pca_variance", std::move(v));
            } else {
              const auto data = indicator_input(inv, f, &res.warnings);
              const auto e = entropy_weights(data.values, data.col_labels);
              w = entropy_framework_weights(f, e);
              res.add("entropy", labelled_columns("code", data.col_labels,
                                                  {{"entropy", e.entropy},
                                                   {"divergence", e.divergence},
                                                   {"weight_level", e.weight}}));
            }
            const auto eff = effective_weights(f, w);
            std::vector<std::string> code;
            std::vector<double> level;
            for (const auto& n : f.nodes()) {
              code.push_back(n.code);
              level.push_back(n.level);
            }
            Table t;
            t.add_text("code", code)
                .add_number("level", level)
                .add_number("weight", w)
                .add_number("effective_weight", eff);
            res.outputs.insert(res.outputs.begin(), {"weights", std::move(t)});
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "aggregate",
      .family = "composite",
      .summary = "Weighted aggregation of indicator scores up the framework, level by level, "
                 "skipping missing children",
      .formula = "arithmetic sum w x / sum w; geometric exp(sum w ln x / sum w); harmonic sum w / "
                 "sum (w / x); "
                 "over the non-missing children; NA when their share < min_coverage",
      .reference = "OECD/JRC (2008) Handbook, 1.6; COINr a_amean, a_gmean, a_hmean (dat_thresh)",
      .inputs = {data_input(), framework_spec()},
      .options = {choice("method", "arithmetic", {"arithmetic", "geometric", "harmonic"},
                         "weighted mean"),
                  number("min_coverage", 0,
                         "an aggregate is NA when the share of its non-missing children is below "
                         "it (0 = none)")},
      .outputs = {{"scores",
                   "every unit and every code of level >= 2",
                   {"unit", "code", "level", "score"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const auto f = framework_input(inv);
            const auto data = indicator_input(inv, f, &res.warnings);
            const double cov = inv.number("min_coverage");
            if (cov < 0 || cov > 1) throw UsageError("--min-coverage must be in [0, 1]");
            const Eigen::MatrixXd s = aggregate_framework(
                data.values, f, framework_weights(f), parse_aggregation_method(inv.text("method")),
                cov, data.row_labels, &res.warnings);
            std::vector<size_t> upper;
            for (size_t i = 0; i < f.nodes().size(); ++i)
              if (f.nodes()[i].level >= 2) upper.push_back(i);
            res.add("scores", unit_code_table(data.row_labels, f, upper, s, "code", "score",
                                              nullptr, "", true));
            return res;
          },
  });

  std::vector<OptionSpec> index_options = {
      boolean("denominate", true,
              "divide indicators with a denominator (framework column) by it (input denominators)"),
      choice("impute", "none", {"none", "mean", "median", "group_mean", "group_median"},
             "imputation of missing values (group = the unit's group in the input units)"),
      number("screen_min_coverage", 0,
             "units with a lower share of non-missing indicators (after imputation) are dropped"),
      choice("treat", "winsorise_log", {"winsorise_log", "none"},
             "outlier treatment: Winsorisation, else log"),
      integer("winmax", 5, "most points Winsorised per indicator"),
      number("skew_thresh", 2, "an indicator is treated when |skew| >= skew_thresh ..."),
      number("kurt_thresh", 3.5, "... and kurtosis >= kurt_thresh"),
      choice("normalise", "minmax", {"minmax", "zscore", "rank", "percentile_rank", "dist2max"},
             "normalisation (with directions)"),
      number("normalise_lower", 0, "minmax: lower end"),
      number("normalise_upper", 100, "minmax: upper end"),
      choice("aggregate", "arithmetic", {"arithmetic", "geometric", "harmonic"},
             "aggregation at every level (framework weights)"),
      number("min_coverage", 0,
             "aggregation: NA when the share of non-missing children is below it"),
      boolean("strict_weights", false, "require the framework weights of every group to sum to 1"),
      choice("tier_method", "jenks", {"jenks", "quantile"},
             "tiers of the index: Jenks natural breaks or quantiles"),
      integer("tiers", 5, "number of tiers of the index (5: weak ... very strong)")};
  for (auto& o : sensitivity_options(200)) index_options.push_back(o);
  index_options.push_back({.name = "html",
                           .type = OptionType::Text,
                           .default_value = nullptr,
                           .doc = "also write a self-contained bilingual HTML report to this file "
                                  "(ranking by tier, scores, sensitivity, pillar radar)",
                           .optional = true});
  index_options.push_back(
      {.name = "focus",
       .type = OptionType::Text,
       .default_value = nullptr,
       .doc = "html: the unit of the pillar radar (default: the top-ranked unit)",
       .optional = true});

  registry.add(MeasureSpec{
      .name = "composite_index",
      .family = "composite",
      .summary = "A composite index end to end: denominate, impute, screen, treat, normalise, "
                 "aggregate; scores, ranks, tiers, rank sensitivity",
      .formula = "x/denominator -> impute -> keep units with availability >= threshold -> "
                 "Winsorise (|skew| >= 2 and kurt >= 3.5) "
                 "else ln(x - min + 0.01 range) -> minmax of direction * x -> weighted means level "
                 "by level -> rank (1 = best)",
      .reference = "OECD/JRC (2008) Handbook on Constructing Composite Indicators; COINr (Becker "
                   "et al. 2022); Saisana et al. (2005) uncertainty analysis",
      .inputs = {data_input(),
                 framework_spec({"denominator", "name_en", "name_zh"}),
                 {"units",
                  "units: unit, name, group (for group imputation)",
                  false,
                  {"unit", "name", "group"}},
                 {"denominators",
                  "denominators, long: unit, denominator, value",
                  false,
                  {"unit", "denominator", "value"}}},
      .options = index_options,
      .outputs =
          {{"imputed",
            "indicator values after denomination and imputation (all units)",
            {"unit", "indicator", "value"}},
           {"screening",
            "data availability and inclusion of every unit",
            {"unit", "data_availability", "included"}},
           {"treatment",
            "outlier treatment of every indicator",
            {"indicator", "skew", "kurt", "n_winsorised", "log_transformed", "skew_treated",
             "kurt_treated"}},
           {"scores",
            "every included unit and code: level 1 = normalised indicator; rank 1 = highest",
            {"unit", "code", "level", "score", "rank"}},
           {"tiers",
            "tier of every unit's index score (1 = lowest)",
            {"unit", "score", "tier", "label_en", "label_zh"}},
           {"sensitivity",
            "rank of the index under perturbed weights and switched normalisation/aggregation",
            {"unit", "nominal_rank", "median_rank", "rank_q05", "rank_q95", "mean_abs_shift"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const auto f = framework_input(inv);
            if (inv.flag("strict_weights")) check_weights_sum_to_one(f);
            const auto data = indicator_input(inv, f, &res.warnings);
            CompositeIndexOptions o;
            o.denominate = inv.flag("denominate");
            o.impute = parse_impute_method(inv.text("impute"));
            o.screen_min_coverage = inv.number("screen_min_coverage");
            o.treat = inv.text("treat") == "winsorise_log";
            o.treatment = {static_cast<int>(inv.integer("winmax")), inv.number("skew_thresh"),
                           inv.number("kurt_thresh")};
            o.normalise.method = parse_normalise_method(inv.text("normalise"));
            o.normalise.lower = inv.number("normalise_lower");
            o.normalise.upper = inv.number("normalise_upper");
            o.aggregate = parse_aggregation_method(inv.text("aggregate"));
            o.min_coverage = inv.number("min_coverage");
            bool needs_denominators = false;
            for (const auto& c : f.indicators())
              needs_denominators = needs_denominators || !f.node(c).denominator.empty();
            LabeledMatrix denominators;
            if (o.denominate && needs_denominators) {
              if (!inv.has_input("denominators"))
                throw UsageError(
                    "the framework names denominators: give --denominators FILE or --denominate "
                    "false");
              denominators = denominators_input(inv);
            }
            std::vector<std::string> groups;
            if (inv.has_input("units")) groups = unit_groups_input(inv, data.row_labels);
            const CompositeIndex ci =
                composite_index(data, f, o, denominators, groups, &res.warnings);

            res.add("imputed", long_table(data.row_labels, data.col_labels, ci.imputed, "unit",
                                          "indicator", "value"));
            std::vector<double> included;
            for (bool b : ci.included) included.push_back(b ? 1 : 0);
            Table scr;
            scr.add_text("unit", ci.units)
                .add_number("data_availability", ci.data_availability)
                .add_number("included", included);
            res.add("screening", std::move(scr));
            std::vector<double> sk, ku, nw, lg, skt, kut;
            for (const auto& t : ci.treatment) {
              sk.push_back(t.skew);
              ku.push_back(t.kurt);
              nw.push_back(t.n_winsorised);
              lg.push_back(t.log_transformed ? 1 : 0);
              skt.push_back(t.skew_treated);
              kut.push_back(t.kurt_treated);
            }
            Table tr;
            tr.add_text("indicator", f.indicators())
                .add_number("skew", sk)
                .add_number("kurt", ku)
                .add_number("n_winsorised", nw)
                .add_number("log_transformed", lg)
                .add_number("skew_treated", skt)
                .add_number("kurt_treated", kut);
            res.add("treatment", std::move(tr));
            res.add("scores", unit_code_table(ci.included_units, f, all_nodes(f), ci.scores, "code",
                                              "score", &ci.ranks, "rank", true));

            const auto roots = f.tree().roots();
            if (roots.size() == 1) {
              const Eigen::VectorXd index =
                  ci.scores.col(static_cast<Eigen::Index>(f.index(roots.front())));
              const int k = static_cast<int>(inv.integer("tiers"));
              const Tiers t = make_tiers(index, inv.text("tier_method"), k, "right");
              res.add("tiers", tiers_table(ci.included_units, index, t, k, true));
              const int runs = static_cast<int>(inv.integer("sensitivity_runs"));
              std::optional<RankSensitivity> s;
              if (runs > 0) {
                RankSensitivityOptions so;
                so.runs = runs;
                so.seed = static_cast<uint64_t>(inv.integer("seed"));
                so.weight_noise = inv.number("weight_noise");
                so.min_coverage = o.min_coverage;
                s = rank_sensitivity(ci.treated, f, o.normalise, o.aggregate, ci.weights, so,
                                     ci.included_units, &res.warnings);
                res.add("sensitivity", sensitivity_table(ci.included_units, *s));
              }
              if (inv.has("focus") && !inv.has("html"))
                res.warnings.push_back(
                    "--focus only chooses the unit of the --html report's radar");
              if (inv.has("html"))
                report::write_composite_index_report(inv.text("html"), ci, f, t, k,
                                                     s ? &*s : nullptr, index_report_options(inv));
            } else {
              res.warnings.push_back(
                  "the framework has several top codes: no tiers and no sensitivity of a single "
                  "index");
              if (inv.has("html"))
                throw UsageError(
                    "--html: the report needs a framework with a single top code (the index)");
            }
            return res;
          },
      .aliases = {"index"},
  });

  registry.add(MeasureSpec{
      .name = "topsis",
      .family = "composite",
      .summary =
          "TOPSIS closeness of every unit to the ideal solution over benefit and cost criteria",
      .formula = "r = x / ||x_j||; v = w r; d+ = ||v - A+||, d- = ||v - A-||; C = d- / (d+ + d-); "
                 "rank 1 = largest C",
      .reference = "Hwang & Yoon (1981) Multiple Attribute Decision Making",
      .inputs = {data_input(),
                 {"criteria",
                  "criteria: code, weight, direction (+1 benefit, -1 cost)",
                  true,
                  {"code", "weight", "direction"}}},
      .options = {choice("normalisation", "vector", {"vector"},
                         "r_ij = x_ij / sqrt(sum_i x_ij^2)")},
      .outputs = {{"topsis",
                   "units with complete data",
                   {"unit", "d_plus", "d_minus", "closeness", "rank"}},
                  {"ideal", "per criterion", {"code", "ideal_best", "ideal_worst", "weight"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            // The criteria file is a flat framework: every criterion is an indicator.
            const TextTable& ct = inv.table("criteria");
            std::vector<FrameworkNode> nodes;
            const size_t code = ct.column(inv.column("code"));
            const size_t wcol = ct.column(inv.column("weight"));
            const size_t dcol = ct.column(inv.column("direction"));
            Eigen::VectorXd w(static_cast<Eigen::Index>(ct.rows()));
            std::vector<int> dir;
            for (size_t r = 0; r < ct.rows(); ++r) {
              FrameworkNode n;
              n.code = ct.text(r, code);
              n.pos = ct.pos(r, code);
              w[static_cast<Eigen::Index>(r)] = ct.number(r, wcol);
              if (!(w[static_cast<Eigen::Index>(r)] >= 0))
                throw Error(ct.pos(r, wcol), "expected a weight >= 0");
              const double d = ct.number(r, dcol);
              if (d != 1 && d != -1)
                throw Error(ct.pos(r, dcol),
                            "expected a direction 1 or -1, got \"" + ct.text(r, dcol) + "\"");
              dir.push_back(static_cast<int>(d));
              nodes.push_back(n);
            }
            const IndicatorFramework f(nodes);
            const auto data = indicator_input(inv, f, &res.warnings);
            std::vector<Eigen::Index> rows;
            std::vector<std::string> units;
            for (Eigen::Index i = 0; i < data.values.rows(); ++i)
              if (!data.values.row(i).hasNaN()) {
                rows.push_back(i);
                units.push_back(data.row_labels[static_cast<size_t>(i)]);
              }
            if (rows.size() < data.row_labels.size())
              res.warnings.push_back(
                  fmt::format("{} unit(s) with a missing criterion were left out",
                              data.row_labels.size() - rows.size()));
            Eigen::MatrixXd x(static_cast<Eigen::Index>(rows.size()), data.values.cols());
            for (size_t k = 0; k < rows.size(); ++k)
              x.row(static_cast<Eigen::Index>(k)) = data.values.row(rows[k]);
            const TopsisResult t = topsis(x, w, dir, data.col_labels, &res.warnings);
            res.add("topsis", labelled_columns("unit", units,
                                               {{"d_plus", t.d_plus},
                                                {"d_minus", t.d_minus},
                                                {"closeness", t.closeness},
                                                {"rank", t.rank}}));
            res.add("ideal", labelled_columns("code", data.col_labels,
                                              {{"ideal_best", t.ideal_best},
                                               {"ideal_worst", t.ideal_worst},
                                               {"weight", t.weights}}));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "tiers",
      .family = "composite",
      .summary = "Tiers of unit scores by Jenks natural breaks or quantiles, with bounds and "
                 "goodness of variance fit",
      .formula = "jenks: the k classes minimising sum of within-class squared deviations (Fisher "
                 "1958); quantile: type-7 breaks; "
                 "gvf = 1 - sdcm / sdam",
      .reference =
          "Jenks (1967); Fisher (1958) On grouping for maximum homogeneity; Hyndman & Fan (1996)",
      .inputs = {{"table", "unit scores: unit, value", true, {"unit", "value"}}},
      .options = {choice("method", "jenks", {"jenks", "quantile"},
                         "Jenks natural breaks or quantiles"),
                  integer("k", 5, "number of tiers (>= 2); 5 gets the labels weak ... very strong"),
                  choice("interval_closure", "right", {"right", "left"},
                         "quantile: (q_c-1, q_c] or [q_c-1, q_c)"),
                  {.name = "quantile_type",
                   .type = OptionType::Integer,
                   .default_value = 7,
                   .doc = "quantile: Hyndman-Fan type (7 only)"}},
      .outputs = {{"tiers",
                   "tier of every unit (1 = lowest)",
                   {"unit", "tier", "label_en", "label_zh"}},
                  {"breaks", "bounds and size of every tier", {"tier", "lower", "upper", "count"}},
                  {"fit", "sdam, sdcm, gvf", {"statistic", "value"}}},
      .kernel =
          [](const Invocation& inv) {
            if (inv.integer("quantile_type") != 7)
              throw UsageError("--quantile-type: only type 7 is implemented");
            const TextTable& t = inv.table("table");
            const size_t ucol = t.column(inv.column("unit"));
            const size_t vcol = t.column(inv.column("value"));
            std::vector<std::string> units;
            Eigen::VectorXd v(static_cast<Eigen::Index>(t.rows()));
            for (size_t r = 0; r < t.rows(); ++r) {
              units.push_back(t.text(r, ucol));
              v[static_cast<Eigen::Index>(r)] = t.number(r, vcol);
            }
            const int k = static_cast<int>(inv.integer("k"));
            const Tiers tiers = make_tiers(v, inv.text("method"), k, inv.text("interval_closure"));
            Results res;
            res.add("tiers", tiers_table(units, v, tiers, k, false));
            std::vector<double> id, lo, hi, cnt;
            for (size_t c = 0; c < tiers.breaks.size(); ++c) {
              id.push_back(static_cast<double>(c + 1));
              lo.push_back(tiers.breaks[c].lower);
              hi.push_back(tiers.breaks[c].upper);
              cnt.push_back(tiers.breaks[c].count);
            }
            Table b;
            b.add_number("tier", id)
                .add_number("lower", lo)
                .add_number("upper", hi)
                .add_number("count", cnt);
            res.add("breaks", std::move(b));
            Table fit;
            fit.add_text("statistic", {"sdam", "sdcm", "gvf"})
                .add_number("value", std::vector<double>{tiers.sdam, tiers.sdcm, tiers.gvf});
            res.add("fit", std::move(fit));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "ahp_weights",
      .family = "composite",
      .summary = "AHP weights from a pairwise-comparison matrix, with the consistency ratio",
      .formula = "w = principal eigenvector of A (sum 1); CI = (lambda_max - n)/(n - 1); CR = CI / "
                 "RI(n); CR < 0.1 acceptable",
      .reference = "Saaty (1980) The Analytic Hierarchy Process",
      .inputs = {{"table",
                  "pairwise comparisons: first column the codes, then one column per code (a_ij = "
                  "importance of i over j)",
                  true,
                  {}}},
      .options = {},
      .outputs = {{"weights", "weight of every code", {"code", "weight"}},
                  {"consistency", "lambda_max, CI, RI, CR", {"statistic", "value"}}},
      .kernel =
          [](const Invocation& inv) {
            const TextTable& t = inv.table("table");
            const auto n = static_cast<Eigen::Index>(t.rows());
            if (static_cast<Eigen::Index>(t.cols()) != n + 1)
              throw Error(
                  SourcePos{t.source, 1, 0},
                  fmt::format("expected a code column and {} comparison columns, got {} columns", n,
                              t.cols()));
            Eigen::MatrixXd a(n, n);
            std::vector<std::string> codes;
            for (Eigen::Index i = 0; i < n; ++i) {
              codes.push_back(t.text(static_cast<size_t>(i), 0));
              if (codes.back() != t.header[static_cast<size_t>(i) + 1])
                throw Error(
                    t.pos(static_cast<size_t>(i), 0),
                    fmt::format("row {} is \"{}\" but column {} is \"{}\": rows and columns must "
                                "list the codes in the same order",
                                i + 1, codes.back(), i + 2, t.header[static_cast<size_t>(i) + 1]));
              for (Eigen::Index j = 0; j < n; ++j)
                a(i, j) = t.number(static_cast<size_t>(i), static_cast<size_t>(j) + 1);
            }
            const AhpResult r = ahp_weights(a);
            Results res;
            res.add("weights", labelled_columns("code", codes, {{"weight", r.weights}}));
            Table c;
            c.add_text("statistic",
                       {"lambda_max", "consistency_index", "random_index", "consistency_ratio"})
                .add_number("value", std::vector<double>{r.lambda_max, r.consistency_index,
                                                         r.random_index, r.consistency_ratio});
            res.add("consistency", std::move(c));
            if (r.consistency_ratio >= 0.1)
              res.warnings.push_back(fmt::format(
                  "consistency ratio {:.3f} >= 0.1: the comparisons are inconsistent; revise them",
                  r.consistency_ratio));
            return res;
          },
  });

  std::vector<OptionSpec> rs_options = {
      choice("normalise", "minmax", {"minmax", "zscore", "rank", "percentile_rank", "dist2max"},
             "nominal normalisation"),
      number("normalise_lower", 0, "minmax: lower end"),
      number("normalise_upper", 100, "minmax: upper end"),
      choice("aggregate", "arithmetic", {"arithmetic", "geometric", "harmonic"},
             "nominal aggregation")};
  for (auto& o : sensitivity_options(500)) rs_options.push_back(o);
  registry.add(MeasureSpec{
      .name = "rank_sensitivity",
      .family = "composite",
      .summary =
          "Monte Carlo sensitivity of the index ranks to weights, normalisation and aggregation",
      .formula = "per run: weights * U(1 - noise, 1 + noise), normalisation in {minmax, zscore, "
                 "percentile rank}, aggregation in "
                 "{arithmetic, geometric}; per unit the median rank and its 5-95% interval",
      .reference = "Saisana, Saltelli & Tarantola (2005) J. R. Stat. Soc. A 168(2); OECD/JRC "
                   "(2008) Handbook, 7",
      .inputs = {data_input(), framework_spec()},
      .options = rs_options,
      .outputs = {{"sensitivity",
                   "per unit",
                   {"unit", "nominal_rank", "median_rank", "rank_q05", "rank_q95",
                    "mean_abs_shift"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const auto f = framework_input(inv);
            const auto data = indicator_input(inv, f, &res.warnings);
            NormaliseOptions n;
            n.method = parse_normalise_method(inv.text("normalise"));
            n.lower = inv.number("normalise_lower");
            n.upper = inv.number("normalise_upper");
            RankSensitivityOptions so;
            so.runs = static_cast<int>(inv.integer("sensitivity_runs"));
            so.seed = static_cast<uint64_t>(inv.integer("seed"));
            so.weight_noise = inv.number("weight_noise");
            const auto s =
                rank_sensitivity(data.values, f, n, parse_aggregation_method(inv.text("aggregate")),
                                 framework_weights(f), so, data.row_labels, &res.warnings);
            res.add("sensitivity", sensitivity_table(data.row_labels, s));
            return res;
          },
  });
}

}  // namespace agglo
