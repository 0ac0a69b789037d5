// Registration of the survey family: reliability, capability_scores and capability_assessment
// (`agglo assess`: reliability + scores + benchmarking in one call; --html calls the report
// section above the families, allowed here in the registration only).
#include <algorithm>

#include <fmt/format.h>

#include "families/survey/instrument.hpp"
#include "families/survey/reliability.hpp"
#include "families/survey/scoring.hpp"
#include "registry/common.hpp"
#include "report/sections/survey.hpp"

namespace agglo {

namespace {

InputSpec items_input(bool with_unit) {
  std::vector<std::string> cols = {"respondent"};
  if (with_unit) cols.push_back("unit");
  return {"items", "responses, wide: respondent id, one column per item[, unit column]", true,
          cols};
}

InputSpec keys_input() {
  return {"keys",
          "instrument: scale, item, key (+1/-1)[, scale_name_en, scale_name_zh, text_en, text_zh]",
          true,
          {"scale", "item", "key"}};
}

OptionSpec likert(std::string name, double def, std::string doc) {
  return {.name = std::move(name),
          .type = OptionType::Number,
          .default_value = def,
          .doc = std::move(doc)};
}

Instrument instrument_input(const Invocation& inv) {
  InstrumentColumns c;
  c.scale = inv.column("scale");
  c.item = inv.column("item");
  c.key = inv.column("key");
  return load_instrument(inv.table("keys"), inv.number("scale_min"), inv.number("scale_max"), c);
}

std::vector<OptionSpec> reliability_options() {
  return {
      {.name = "missing",
       .type = OptionType::Choice,
       .default_value = "pairwise",
       .choices = {"pairwise", "listwise"},
       .doc = "pairwise: covariances over the respondents answering both items (psych); listwise: "
              "drop incomplete respondents per scale"},
      likert("scale_min", 1, "lowest response value (reverse keying: scale_min + scale_max - x)"),
      likert("scale_max", 5, "highest response value")};
}

std::vector<OptionSpec> scoring_options() {
  return {
      {.name = "min_answered",
       .type = OptionType::Integer,
       .default_value = 2,
       .doc = "a respondent's scale score is NA when fewer items of the scale are answered"},
      likert("scale_min", 1, "lowest response value (reverse keying: scale_min + scale_max - x)"),
      likert("scale_max", 5, "highest response value"),
      {.name = "percentile",
       .type = OptionType::Choice,
       .default_value = "scaled_rank",
       .choices = {"scaled_rank", "mid_rank"},
       .doc = "scaled_rank: 100 (r_min - 1)/(N - 1); mid_rank: 100 (r_avg - 0.5)/N"}};
}

// Bilingual names of the scales of some rows (name_en, name_zh: English when no Chinese).
void add_scale_names(Table& t, const Instrument& ins, const std::vector<size_t>& scale_of_row) {
  std::vector<std::string> en, zh;
  for (size_t c : scale_of_row) {
    const auto& sc = ins.scales[c];
    en.push_back(sc.name_en);
    zh.push_back(sc.name_zh.empty() ? sc.name_en : sc.name_zh);
  }
  t.add_text("name_en", std::move(en)).add_text("name_zh", std::move(zh));
}

// Reliability of every scale into the outputs `scale` and `items`; with `labels` the scale
// names (scale) and item texts (items) follow the codes as name_en, name_zh.
std::vector<ScaleReliability> add_reliability(Results& res, const Instrument& ins,
                                              const Responses& r, MissingAnswers missing,
                                              bool labels = false) {
  const Eigen::MatrixXd x = keyed_answers(r, ins);
  std::vector<std::string> scale_code, item_scale, item_code;
  std::vector<double> n_items, ra, sa, g6, ar, sn, mr, tm, ts;
  std::vector<double> key, n, raw_r, std_r, r_cor, r_drop, mean, sd, aid, said, g6d, ard;
  std::vector<size_t> scale_rows;
  std::vector<std::string> item_en, item_zh;
  std::vector<ScaleReliability> all;
  for (size_t sc = 0; sc < ins.scales.size(); ++sc) {
    const auto& s = ins.scales[sc];
    scale_rows.push_back(sc);
    Eigen::MatrixXd sub(x.rows(), static_cast<Eigen::Index>(s.items.size()));
    for (size_t j = 0; j < s.items.size(); ++j)
      sub.col(static_cast<Eigen::Index>(j)) = x.col(static_cast<Eigen::Index>(s.items[j]));
    const ScaleReliability& rel =
        all.emplace_back(cronbach_alpha(sub, missing, &res.warnings, s.code));
    scale_code.push_back(s.code);
    n_items.push_back(static_cast<double>(s.items.size()));
    ra.push_back(rel.raw_alpha);
    sa.push_back(rel.std_alpha);
    g6.push_back(rel.g6_smc);
    ar.push_back(rel.average_r);
    sn.push_back(rel.signal_noise);
    mr.push_back(rel.median_r);
    tm.push_back(rel.total_mean);
    ts.push_back(rel.total_sd);
    for (size_t j = 0; j < s.items.size(); ++j) {
      const auto& it = rel.items[j];
      item_scale.push_back(s.code);
      item_code.push_back(ins.items[s.items[j]].item);
      item_en.push_back(ins.items[s.items[j]].text_en);
      item_zh.push_back(ins.items[s.items[j]].text_zh.empty() ? ins.items[s.items[j]].text_en
                                                              : ins.items[s.items[j]].text_zh);
      key.push_back(ins.items[s.items[j]].key);
      n.push_back(it.n);
      raw_r.push_back(it.raw_r);
      std_r.push_back(it.std_r);
      r_cor.push_back(it.r_cor);
      r_drop.push_back(it.r_drop);
      mean.push_back(it.mean);
      sd.push_back(it.sd);
      aid.push_back(it.alpha_if_dropped);
      said.push_back(it.std_alpha_if_dropped);
      g6d.push_back(it.g6_if_dropped);
      ard.push_back(it.average_r_if_dropped);
    }
  }
  Table t;
  t.add_text("scale", scale_code);
  if (labels) add_scale_names(t, ins, scale_rows);
  t.add_number("n_items", n_items)
      .add_number("raw_alpha", ra)
      .add_number("std_alpha", sa)
      .add_number("g6_smc", g6)
      .add_number("average_r", ar)
      .add_number("signal_noise", sn)
      .add_number("median_r", mr)
      .add_number("total_mean", tm)
      .add_number("total_sd", ts);
  res.add("scale", std::move(t));
  Table i;
  i.add_text("scale", item_scale).add_text("item", item_code);
  if (labels) i.add_text("name_en", std::move(item_en)).add_text("name_zh", std::move(item_zh));
  i.add_number("key", key)
      .add_number("n", n)
      .add_number("raw_r", raw_r)
      .add_number("std_r", std_r)
      .add_number("r_cor", r_cor)
      .add_number("r_drop", r_drop)
      .add_number("mean", mean)
      .add_number("sd", sd)
      .add_number("alpha_if_dropped", aid)
      .add_number("std_alpha_if_dropped", said)
      .add_number("g6_if_dropped", g6d)
      .add_number("average_r_if_dropped", ard);
  res.add("items", std::move(i));
  return all;
}

PercentileMethod percentile_method(const Invocation& inv) {
  return inv.text("percentile") == "mid_rank" ? PercentileMethod::MidRank
                                              : PercentileMethod::ScaledRank;
}

// Respondent and unit scores into the outputs `respondent_scores` and `unit_scores`; with
// `labels` the scale names follow the scale codes as name_en, name_zh.
UnitScores add_scores(Results& res, const Invocation& inv, const Instrument& ins,
                      const Responses& r, bool labels = false) {
  const RespondentScores s =
      respondent_scale_scores(r, ins, static_cast<int>(inv.integer("min_answered")));
  std::vector<std::string> rid, rscale;
  std::vector<double> rn, rs;
  std::vector<size_t> rows_scale;
  for (size_t c = 0; c < ins.scales.size(); ++c)
    for (size_t i = 0; i < r.respondents.size(); ++i) {
      rid.push_back(r.respondents[i]);
      rscale.push_back(ins.scales[c].code);
      rows_scale.push_back(c);
      rn.push_back(s.n_answered(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c)));
      rs.push_back(s.score(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c)));
    }
  Table t;
  t.add_text("respondent", rid).add_text("scale", rscale);
  if (labels) add_scale_names(t, ins, rows_scale);
  t.add_number("n_answered", rn).add_number("score", rs);
  res.add("respondent_scores", std::move(t));
  const UnitScores u = unit_scale_scores(s, r.units, percentile_method(inv));
  std::vector<std::string> uu, us;
  std::vector<double> un, usc, usd, up;
  std::vector<size_t> unit_rows_scale;
  for (size_t c = 0; c < ins.scales.size(); ++c)
    for (size_t k = 0; k < u.units.size(); ++k) {
      const auto kk = static_cast<Eigen::Index>(k), cc = static_cast<Eigen::Index>(c);
      if (u.n(kk, cc) == 0) continue;  // units without a scored respondent
      uu.push_back(u.units[k]);
      us.push_back(ins.scales[c].code);
      unit_rows_scale.push_back(c);
      un.push_back(u.n(kk, cc));
      usc.push_back(u.score(kk, cc));
      usd.push_back(u.sd(kk, cc));
      up.push_back(u.percentile(kk, cc));
    }
  Table ut;
  ut.add_text("unit", uu).add_text("scale", us);
  if (labels) add_scale_names(ut, ins, unit_rows_scale);
  ut.add_number("n", un)
      .add_number("score", usc)
      .add_number("sd", usd)
      .add_number("percentile", up);
  res.add("unit_scores", std::move(ut));
  return u;
}

}  // namespace

AGGLO_REGISTER_MEASURES(survey) {
  auto rel_opts = reliability_options();
  registry.add(MeasureSpec{
      .name = "reliability",
      .family = "survey",
      .summary = "Cronbach's alpha (raw, standardised), Guttman's lambda 6, item-total "
                 "correlations and alpha if an item is dropped, per scale",
      .formula = "alpha = k/(k-1) (1 - tr C / sum C); std alpha = k/(k-1) (1 - k / sum R); lambda6 "
                 "= 1 - (k - sum smc)/sum R; "
                 "r_drop = item-rest correlation implied by C",
      .reference = "Cronbach (1951) Psychometrika 16; Guttman (1945); Revelle, psych::alpha()",
      .inputs = {items_input(false), keys_input()},
      .options = rel_opts,
      .outputs = {{"scale",
                   "per scale",
                   {"scale", "n_items", "raw_alpha", "std_alpha", "g6_smc", "average_r",
                    "signal_noise", "median_r", "total_mean", "total_sd"}},
                  {"items",
                   "per item (reverse-keyed items reversed)",
                   {"scale", "item", "key", "n", "raw_r", "std_r", "r_cor", "r_drop", "mean", "sd",
                    "alpha_if_dropped", "std_alpha_if_dropped", "g6_if_dropped",
                    "average_r_if_dropped"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const Instrument ins = instrument_input(inv);
            const Responses r = read_responses(inv.table("items"), ins, inv.column("respondent"));
            add_reliability(res, ins, r,
                            inv.text("missing") == "listwise" ? MissingAnswers::Listwise
                                                              : MissingAnswers::Pairwise);
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "capability_scores",
      .family = "survey",
      .summary = "Scale scores per respondent (mean of answered keyed items) and per unit (mean, "
                 "sd, percentile among units)",
      .formula = "score = mean of answered x* (x* = min + max - x for reverse keys), NA below "
                 "min_answered; unit = mean of respondent scores",
      .reference = "Revelle, psych::scoreItems(); percentile ranks (Crocker & Algina 1986)",
      .inputs = {items_input(true), keys_input()},
      .options = scoring_options(),
      .outputs = {{"respondent_scores",
                   "every respondent and scale",
                   {"respondent", "scale", "n_answered", "score"}},
                  {"unit_scores",
                   "every unit with a scored respondent",
                   {"unit", "scale", "n", "score", "sd", "percentile"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const Instrument ins = instrument_input(inv);
            const Responses r = read_responses(inv.table("items"), ins, inv.column("respondent"),
                                               inv.column("unit"));
            add_scores(res, inv, ins, r);
            return res;
          },
  });

  auto assess_opts = scoring_options();
  assess_opts.push_back(rel_opts.front());
  assess_opts.push_back({.name = "focus",
                         .type = OptionType::Text,
                         .default_value = nullptr,
                         .doc = "the unit to benchmark and of the --html radar (default: every "
                                "unit; the radar: the unit with the best mean score)",
                         .optional = true});
  assess_opts.push_back({.name = "html",
                         .type = OptionType::Text,
                         .default_value = nullptr,
                         .doc = "also write a self-contained bilingual HTML report to this file "
                                "(reliability, unit scores, capability radar)",
                         .optional = true});
  registry.add(MeasureSpec{
      .name = "capability_assessment",
      .family = "survey",
      .summary = "Assessment from questionnaire responses: reliability per scale, scores per "
                 "respondent and unit, benchmarking of units",
      .formula = "reliability (psych alpha), scores (psych scoreItems), benchmark: percentile, gap "
                 "to the median and to the best unit",
      .reference =
          "Cronbach (1951); Revelle, psych; benchmarking as in OECD regional capability reviews",
      .inputs = {items_input(true), keys_input()},
      .options = assess_opts,
      .outputs = {{"scale",
                   "reliability per scale (name_en, name_zh: the instrument's scale names)",
                   {"scale", "name_en", "name_zh", "n_items", "raw_alpha", "std_alpha", "g6_smc",
                    "average_r", "signal_noise", "median_r", "total_mean", "total_sd"}},
                  {"items",
                   "item statistics (name_en, name_zh: the item texts)",
                   {"scale", "item", "name_en", "name_zh", "key", "n", "raw_r", "std_r", "r_cor",
                    "r_drop", "mean", "sd", "alpha_if_dropped", "std_alpha_if_dropped",
                    "g6_if_dropped", "average_r_if_dropped"}},
                  {"respondent_scores",
                   "every respondent and scale",
                   {"respondent", "scale", "name_en", "name_zh", "n_answered", "score"}},
                  {"unit_scores",
                   "every unit with a scored respondent",
                   {"unit", "scale", "name_en", "name_zh", "n", "score", "sd", "percentile"}},
                  {"benchmark",
                   "every unit (or --focus) against all units",
                   {"unit", "scale", "name_en", "name_zh", "score", "percentile", "median", "best",
                    "best_unit", "gap_to_median", "gap_to_best"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const Instrument ins = instrument_input(inv);
            const Responses r = read_responses(inv.table("items"), ins, inv.column("respondent"),
                                               inv.column("unit"));
            const auto rel =
                add_reliability(res, ins, r,
                                inv.text("missing") == "listwise" ? MissingAnswers::Listwise
                                                                  : MissingAnswers::Pairwise,
                                true);
            const UnitScores u = add_scores(res, inv, ins, r, true);
            std::vector<size_t> focus;
            if (inv.has("focus")) {
              const std::string f = inv.text("focus");
              auto it = std::find(u.units.begin(), u.units.end(), f);
              if (it == u.units.end())
                throw UsageError(fmt::format("--focus: unit \"{}\" has no scored respondent", f));
              focus.push_back(static_cast<size_t>(it - u.units.begin()));
            } else {
              for (size_t k = 0; k < u.units.size(); ++k) focus.push_back(k);
            }
            std::vector<std::string> bu, bs, best_unit;
            std::vector<double> sc, pc, med, best, gm, gb;
            std::vector<size_t> rows_scale;
            for (size_t k : focus) {
              const Benchmark b = benchmark_unit(u, k);
              for (size_t c = 0; c < ins.scales.size(); ++c) {
                bu.push_back(b.unit);
                bs.push_back(ins.scales[c].code);
                rows_scale.push_back(c);
                sc.push_back(b.score[c]);
                pc.push_back(b.percentile[c]);
                med.push_back(b.median[c]);
                best.push_back(b.best[c]);
                best_unit.push_back(b.best_unit[c]);
                gm.push_back(b.gap_to_median[c]);
                gb.push_back(b.gap_to_best[c]);
              }
            }
            Table t;
            t.add_text("unit", bu).add_text("scale", bs);
            add_scale_names(t, ins, rows_scale);
            t.add_number("score", sc)
                .add_number("percentile", pc)
                .add_number("median", med)
                .add_number("best", best)
                .add_text("best_unit", best_unit)
                .add_number("gap_to_median", gm)
                .add_number("gap_to_best", gb);
            res.add("benchmark", std::move(t));
            if (inv.has("html")) {
              report::AssessmentReportOptions o;
              if (inv.has("focus")) o.focus = inv.text("focus");
              o.notes.push_back(
                  {fmt::format("Data: {}; instrument: {}; a scale score needs {} answered items",
                               inv.source("items").describe(), inv.source("keys").describe(),
                               inv.integer("min_answered")),
                   fmt::format("資料：{}；問卷：{}；量表分數至少需 {} 題有作答",
                               inv.source("items").describe(), inv.source("keys").describe(),
                               inv.integer("min_answered"))});
              report::write_capability_assessment_report(inv.text("html"), ins, rel, u, o);
            }
            return res;
          },
      .aliases = {"assess"},
  });
}

}  // namespace agglo
