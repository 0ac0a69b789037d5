// The HTML report of `agglo assess --html`: reliability per scale, unit scores and a capability
// radar of one unit. Tables and charts with labels are drawn in English and in Chinese and the
// page's language switch shows one of them.
#include "report/sections/survey.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "report/svg.hpp"

namespace agglo::report {

namespace {

std::string both(const std::string& en_html, const std::string& zh_html) {
  return "<div class=\"l-en\">" + en_html + "</div><div class=\"l-zh\">" + zh_html + "</div>";
}

std::string paragraph(const Text& t) {
  return "<p>" + bilingual(t) + "</p>";
}

std::string scale_name(const InstrumentScale& s, bool zh) {
  if (zh && !s.name_zh.empty()) return s.name_zh;
  return s.name_en.empty() ? s.code : s.name_en;
}

Text scale_text(const InstrumentScale& s) {
  return {scale_name(s, false), scale_name(s, true)};
}

std::string reliability_section(const Instrument& ins, const std::vector<ScaleReliability>& rel,
                                double threshold) {
  size_t low = 0;
  for (const auto& r : rel) low += r.raw_alpha < threshold ? 1 : 0;
  auto table = [&](bool zh) {
    std::vector<std::string> code, name, note;
    std::vector<double> items, raw, std_alpha, g6, avg_r;
    for (size_t s = 0; s < ins.scales.size() && s < rel.size(); ++s) {
      code.push_back(ins.scales[s].code);
      name.push_back(scale_name(ins.scales[s], zh));
      items.push_back(static_cast<double>(ins.scales[s].items.size()));
      raw.push_back(rel[s].raw_alpha);
      std_alpha.push_back(rel[s].std_alpha);
      g6.push_back(rel[s].g6_smc);
      avg_r.push_back(rel[s].average_r);
      const bool weak = !(rel[s].raw_alpha >= threshold);
      note.push_back(!weak ? ""
                     : zh  ? fmt::format("α < {}：請謹慎解讀並檢討題目", threshold)
                           : fmt::format("alpha < {}: read with caution, review items", threshold));
    }
    Table t;
    t.add_text("scale", code).add_text("name", name).add_number("n_items", items);
    t.add_number("raw_alpha", raw).add_number("std_alpha", std_alpha).add_number("g6_smc", g6);
    t.add_number("average_r", avg_r).add_text("note", note);
    return html_table(t, {.digits = 3,
                          .headers = {{"Scale", "量表"},
                                      {"Name", "名稱"},
                                      {"Items", "題數"},
                                      {"Alpha (raw)", "α（原始）"},
                                      {"Alpha (std.)", "α（標準化）"},
                                      {"Guttman λ6", "Guttman λ6"},
                                      {"Mean inter-item r", "題間平均相關"},
                                      {"Note", "備註"}}});
  };
  std::string body = paragraph(
      {fmt::format("Internal consistency of every scale (Cronbach's alpha). Alpha of {} or more "
                   "is the usual threshold for comparing groups; item statistics (alpha if an "
                   "item is dropped) are in items.csv.",
                   threshold),
       fmt::format("各量表的內部一致性（Cronbach's α）。α ≥ {} "
                   "是比較群體時常用的門檻；題目統計（刪除該題後的 "
                   "α）見 items.csv。",
                   threshold)});
  if (low > 0)
    body += "<p class=\"note\">" +
            bilingual({fmt::format("{} scale(s) below alpha {}: their scores are less reliable.",
                                   low, threshold),
                       fmt::format("{} 個量表的 α 低於 {}：其分數的信度較低。", low, threshold)}) +
            "</p>";
  return body + both(table(false), table(true));
}

std::string scores_section(const Instrument& ins, const UnitScores& u) {
  std::vector<double> respondents;
  for (Eigen::Index k = 0; k < u.n.rows(); ++k)
    respondents.push_back(u.n.cols() ? u.n.row(k).maxCoeff() : 0);
  // Scores and percentiles in two tables of one column per scale (narrow enough to read).
  auto table = [&](const Eigen::MatrixXd& values, bool with_respondents) {
    Table t;
    t.add_text("unit", u.units);
    std::vector<Text> headers = {{"Unit", "單位"}};
    if (with_respondents) {
      t.add_number("respondents", respondents);
      headers.push_back({"Respondents", "填答人數"});
    }
    for (size_t c = 0; c < ins.scales.size(); ++c) {
      t.add_number(ins.scales[c].code, values.col(static_cast<Eigen::Index>(c)));
      headers.push_back(scale_text(ins.scales[c]));
    }
    return html_table(t, {.digits = 3, .headers = headers});
  };
  std::string body =
      paragraph({fmt::format("Mean scale score of every unit's respondents (Likert {}-{}).",
                             ins.scale_min, ins.scale_max),
                 fmt::format("各單位填答者的量表平均分數（李克特 {}–{} 分）。", ins.scale_min,
                             ins.scale_max)});
  body += table(u.score, true);
  body += "<h3>" + bilingual({"Percentiles among the units", "在所有單位中的百分位"}) + "</h3>";
  body += paragraph({"0 = the lowest unit, 100 = the highest.", "0 = 最低的單位，100 = 最高。"});
  return body + table(u.percentile, false);
}

// The unit with the best mean score over the scales it has (first one on ties).
size_t best_mean_unit(const UnitScores& u) {
  size_t best = 0;
  double best_mean = -INFINITY;
  for (Eigen::Index k = 0; k < u.score.rows(); ++k) {
    double sum = 0;
    int n = 0;
    for (Eigen::Index c = 0; c < u.score.cols(); ++c)
      if (std::isfinite(u.score(k, c))) sum += u.score(k, c), ++n;
    if (n > 0 && sum / n > best_mean) {
      best_mean = sum / n;
      best = static_cast<size_t>(k);
    }
  }
  return best;
}

std::string profile_section(const Instrument& ins, const UnitScores& u, size_t focus, bool chosen) {
  const Benchmark b = benchmark_unit(u, focus);
  auto radar = [&](bool zh) {
    std::vector<std::string> axes;
    for (const auto& s : ins.scales) axes.push_back(scale_name(s, zh));
    return svg_radar(axes,
                     {{b.unit, b.score},
                      {zh ? "所有單位中位數" : "Median of all units", b.median},
                      {zh ? "各量表最佳單位" : "Best unit per scale", b.best}},
                     zh ? b.unit + " 的能力剖面" : "Capability profile of " + b.unit,
                     {ins.scale_min, ins.scale_max});
  };
  auto table = [&](bool zh) {
    std::vector<std::string> names;
    for (const auto& s : ins.scales) names.push_back(scale_name(s, zh));
    Table t;
    t.add_text("scale", names).add_number("score", b.score).add_number("percentile", b.percentile);
    t.add_number("median", b.median).add_number("best", b.best).add_text("best_unit", b.best_unit);
    t.add_number("gap_to_median", b.gap_to_median).add_number("gap_to_best", b.gap_to_best);
    return html_table(t, {.digits = 3,
                          .headers = {{"Capability", "能力"},
                                      {b.unit, b.unit},
                                      {"Percentile", "百分位"},
                                      {"Median", "中位數"},
                                      {"Best", "最佳"},
                                      {"Best unit", "最佳單位"},
                                      {"Gap to median", "與中位數差距"},
                                      {"Gap to best", "與最佳差距"}}});
  };
  std::string body = paragraph(
      {fmt::format("{} against the median unit and the best unit of every scale{}.", b.unit,
                   chosen ? "" : " (the unit with the best mean score; choose one with --focus)"),
       fmt::format("{} 與中位數單位及各量表最佳單位的比較{}。", b.unit,
                   chosen ? "" : "（平均分數最高的單位；以 --focus 指定單位）")});
  return body + both(radar(false), radar(true)) + both(table(false), table(true));
}

}  // namespace

HtmlReport capability_assessment_report(const Instrument& ins,
                                        const std::vector<ScaleReliability>& rel,
                                        const UnitScores& u,
                                        const AssessmentReportOptions& options) {
  size_t focus = best_mean_unit(u);
  if (!options.focus.empty()) {
    auto it = std::find(u.units.begin(), u.units.end(), options.focus);
    if (it == u.units.end())
      throw UsageError(fmt::format("--focus: unit \"{}\" has no scored respondent", options.focus));
    focus = static_cast<size_t>(it - u.units.begin());
  }
  HtmlReport report({"Capability assessment", "能力評估"},
                    {fmt::format("{} scales, {} items, {} units", ins.scales.size(),
                                 ins.items.size(), u.units.size()),
                     fmt::format("{} 個量表、{} 題、{} 個單位", ins.scales.size(), ins.items.size(),
                                 u.units.size())});
  for (const auto& n : options.notes) report.add_note(n);
  report.add_section("reliability", {"Reliability of the scales", "量表信度"},
                     reliability_section(ins, rel, options.alpha_threshold));
  report.add_section("scores", {"Unit scores", "各單位分數"}, scores_section(ins, u));
  if (!u.units.empty())
    report.add_section("profile", {"Capability profile", "能力剖面"},
                       profile_section(ins, u, focus, !options.focus.empty()));
  return report;
}

void write_capability_assessment_report(const std::string& path, const Instrument& ins,
                                        const std::vector<ScaleReliability>& rel,
                                        const UnitScores& u,
                                        const AssessmentReportOptions& options) {
  const std::string html = capability_assessment_report(ins, rel, u, options).render();
  std::ofstream out(path, std::ios::binary);
  if (!out) throw Error(SourcePos{path, 0, 0}, "cannot write the HTML report");
  out << html;
  if (!out) throw Error(SourcePos{path, 0, 0}, "cannot write the HTML report");
}

}  // namespace agglo::report
