// The HTML report of `agglo index --html`: ranking by tier, scores table, rank sensitivity and a
// pillar radar of one unit. Every chart is drawn twice (English and Chinese labels) and the
// page's language switch shows one of them.
#include "report/sections/composite.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

#include <fmt/format.h>

#include "core/error.hpp"
#include "report/svg.hpp"

namespace agglo::report {

namespace {

std::string both(const std::string& en_html, const std::string& zh_html) {
  return "<div class=\"l-en\">" + en_html + "</div><div class=\"l-zh\">" + zh_html + "</div>";
}

std::string paragraph(const Text& t) {
  return "<p>" + bilingual(t) + "</p>";
}

// Tier colours run from red (tier 1, lowest) through yellow to green (tier k).
std::string tier_color(int tier, int k) {
  if (tier <= 0) return "#bbbbbb";
  const double t = k > 1 ? static_cast<double>(tier - 1) / (k - 1) : 1.0;
  struct Rgb {
    double r, g, b;
  };
  const Rgb lo{215, 48, 39}, mid{254, 224, 139}, hi{26, 152, 80};
  const Rgb a = t < 0.5 ? lo : mid, b = t < 0.5 ? mid : hi;
  const double u = t < 0.5 ? 2 * t : 2 * t - 1;
  auto mix = [&](double x, double y) { return static_cast<int>(std::lround(x + u * (y - x))); };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
}

std::string tier_label(int tier, int k, bool zh) {
  if (tier <= 0) return "NA";
  return zh ? tier_label_zh(tier, k) : tier_label_en(tier, k);
}

std::string node_name(const FrameworkNode& n, bool zh) {
  if (zh && !n.name_zh.empty()) return n.name_zh;
  return n.name_en.empty() ? n.code : n.name_en;
}

double median_of(std::vector<double> v) {
  std::erase_if(v, [](double x) { return !std::isfinite(x); });
  if (v.empty()) return NA;
  std::sort(v.begin(), v.end());
  const size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

struct IndexView {
  const CompositeIndex& ci;
  const IndicatorFramework& f;
  const Tiers& tiers;
  int k;
  const CompositeReportOptions& options;
  Eigen::Index root = 0;
  std::vector<size_t> columns;  // children of the top code (columns of the scores table)
  std::vector<size_t> pillars;  // axes of the radar
  std::vector<size_t> order;    // included units by rank (NA last)

  std::string name(size_t unit) const {
    const auto& code = ci.included_units[unit];
    auto it = options.unit_names.find(code);
    return it == options.unit_names.end() ? code : it->second;
  }
  double score(size_t unit, Eigen::Index node) const {
    return ci.scores(static_cast<Eigen::Index>(unit), node);
  }
  double index(size_t unit) const { return score(unit, root); }
  double rank(size_t unit) const { return ci.ranks(static_cast<Eigen::Index>(unit), root); }
  int tier(size_t unit) const { return unit < tiers.tier.size() ? tiers.tier[unit] : 0; }
};

// Horizontal bars of the index, best first, coloured by tier, with the tier legend.
std::string ranked_bars(const IndexView& v, bool zh) {
  const int left = 190, right = 60, row = 16, width = 780;
  const int top = 30 + 18 * ((v.k + 3) / 4);
  const int height = top + row * static_cast<int>(v.order.size()) + 24;
  double lo = 0, hi = 0;
  for (size_t u : v.order)
    if (std::isfinite(v.index(u))) lo = std::min(lo, v.index(u)), hi = std::max(hi, v.index(u));
  if (hi <= lo) hi = lo + 1;
  auto X = [&](double x) { return left + (x - lo) / (hi - lo) * (width - left - right); };
  std::ostringstream out;
  out << fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" font-size=\"11\">",
      width, height, width);
  out << fmt::format("<text x=\"{}\" y=\"14\" font-weight=\"bold\">{}</text>", left,
                     zh ? "指數分數（依等級著色）" : "Index score (colour = tier)");
  for (int c = v.k; c >= 1; --c) {
    const int slot = v.k - c, lx = left + 150 * (slot % 4), ly = 22 + 18 * (slot / 4);
    out << fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{}\" "
        "y=\"{}\">{}</text>",
        lx, ly, tier_color(c, v.k), lx + 16, ly + 10, escape(tier_label(c, v.k, zh)));
  }
  const double x0 = X(0);
  for (size_t r = 0; r < v.order.size(); ++r) {
    const size_t u = v.order[r];
    const int y = top + row * static_cast<int>(r);
    const double s = v.index(u);
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}. {}</text>", left - 6,
                       y + 11, std::isfinite(v.rank(u)) ? fmt::format("{:.0f}", v.rank(u)) : "-",
                       escape(v.name(u)));
    if (!std::isfinite(s)) {
      out << fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#777\">NA</text>", x0 + 4, y + 11);
      continue;
    }
    out << fmt::format(
        "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"><title>{}: {:.4g} "
        "({})</title></rect>",
        std::min(X(s), x0), y + 2, std::max(std::abs(X(s) - x0), 0.5), row - 4,
        tier_color(v.tier(u), v.k), escape(v.name(u)), s, escape(tier_label(v.tier(u), v.k, zh)));
    out << fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" fill=\"#444\">{:.3g}</text>",
                       std::max(X(s), x0) + 3, y + 11, s);
  }
  out << fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#555\"/>",
                     x0, top, height - 22);
  out << "</svg>";
  return out.str();
}

// Dot-and-whisker chart of the rank distribution: whisker = 5-95% interval, dot = median rank,
// open diamond = nominal rank; rank 1 on the left.
std::string rank_whiskers(const IndexView& v, const RankSensitivity& s, bool zh) {
  const int left = 190, right = 30, row = 14, width = 780, top = 44;
  const int height = top + row * static_cast<int>(v.order.size()) + 30;
  double n = 1;
  for (size_t u : v.order)
    for (double r :
         {s.q95(static_cast<Eigen::Index>(u)), s.nominal_rank(static_cast<Eigen::Index>(u))})
      if (std::isfinite(r)) n = std::max(n, r);
  auto X = [&](double r) { return left + (r - 1) / std::max(n - 1, 1.0) * (width - left - right); };
  std::ostringstream out;
  out << fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" font-size=\"11\">",
      width, height, width);
  out << fmt::format(
      "<text x=\"{}\" y=\"14\" font-weight=\"bold\">{}</text>"
      "<circle cx=\"{}\" cy=\"28\" r=\"4\" fill=\"{}\"/><text x=\"{}\" y=\"32\">{}</text>"
      "<path d=\"M{},23 l5,5 l-5,5 l-5,-5 z\" fill=\"none\" stroke=\"#333\"/><text x=\"{}\" "
      "y=\"32\">{}</text>",
      left, zh ? "模擬排名：中位數與 5–95% 區間" : "Simulated rank: median and 5-95% interval",
      left + 6, palette(0), left + 14, zh ? "中位數排名" : "median rank", left + 160, left + 170,
      zh ? "名目排名" : "nominal rank");
  for (double r = 1; r <= n; r += std::max(1.0, std::round(n / 10)))
    out << fmt::format(
        "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#eee\"/><text "
        "x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\" font-size=\"10\">{4:.0f}</text>",
        X(r), top - 4, height - 26, height - 12, r);
  for (size_t k = 0; k < v.order.size(); ++k) {
    const auto u = static_cast<Eigen::Index>(v.order[k]);
    const double y = top + row * static_cast<double>(k) + row / 2.0;
    out << fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>", left - 6, y + 4,
                       escape(v.name(v.order[k])));
    if (std::isfinite(s.q05(u)) && std::isfinite(s.q95(u)))
      out << fmt::format(
          "<line x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
          "stroke-width=\"2\"/>",
          X(s.q05(u)), X(s.q95(u)), y, y, palette(0));
    if (std::isfinite(s.median_rank(u)))
      out << fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\"><title>{}: {} {}, 5-95% "
          "{}-{}</title></circle>",
          X(s.median_rank(u)), y, palette(0), escape(v.name(v.order[k])),
          zh ? "中位數排名" : "median rank", s.median_rank(u), s.q05(u), s.q95(u));
    if (std::isfinite(s.nominal_rank(u)))
      out << fmt::format(
          "<path d=\"M{:.1f},{:.1f} l4,4 l-4,4 l-4,-4 z\" fill=\"none\" stroke=\"#333\"/>",
          X(s.nominal_rank(u)), y - 4);
  }
  out << "</svg>";
  return out.str();
}

std::vector<Text> scores_headers(const IndexView& v, bool with_names) {
  std::vector<Text> h = {{"Rank", "排名"}, {"Unit", "單位"}};
  if (with_names) h.push_back({"Name", "名稱"});
  h.push_back({node_name(v.f.nodes()[static_cast<size_t>(v.root)], false),
               node_name(v.f.nodes()[static_cast<size_t>(v.root)], true)});
  for (size_t p : v.columns)
    h.push_back({node_name(v.f.nodes()[p], false), node_name(v.f.nodes()[p], true)});
  h.push_back({"Tier", "等級"});
  return h;
}

Table scores_table(const IndexView& v, bool with_names, bool zh) {
  std::vector<std::string> unit, name, tier;
  std::vector<double> rank, index;
  std::vector<std::vector<double>> column(v.columns.size());
  for (size_t u : v.order) {
    unit.push_back(v.ci.included_units[u]);
    name.push_back(v.name(u));
    rank.push_back(v.rank(u));
    index.push_back(v.index(u));
    for (size_t p = 0; p < v.columns.size(); ++p)
      column[p].push_back(v.score(u, static_cast<Eigen::Index>(v.columns[p])));
    tier.push_back(tier_label(v.tier(u), v.k, zh));
  }
  Table t;
  t.add_number("rank", rank).add_text("unit", unit);
  if (with_names) t.add_text("name", name);
  t.add_number("index", index);
  for (size_t p = 0; p < v.columns.size(); ++p)
    t.add_number(v.f.nodes()[v.columns[p]].code, column[p]);
  t.add_text("tier", tier);
  return t;
}

Table breaks_table(const IndexView& v, bool zh) {
  std::vector<std::string> label;
  std::vector<double> lo, hi, count;
  for (size_t c = v.tiers.breaks.size(); c-- > 0;) {
    label.push_back(tier_label(static_cast<int>(c + 1), v.k, zh));
    lo.push_back(v.tiers.breaks[c].lower);
    hi.push_back(v.tiers.breaks[c].upper);
    count.push_back(v.tiers.breaks[c].count);
  }
  Table t;
  t.add_text("tier", label)
      .add_number("lower", lo)
      .add_number("upper", hi)
      .add_number("count", count);
  return t;
}

Table sensitivity_rows(const IndexView& v, const RankSensitivity& s) {
  std::vector<std::string> name;
  std::vector<double> nominal, median, q05, q95, shift;
  for (size_t u : v.order) {
    const auto e = static_cast<Eigen::Index>(u);
    name.push_back(v.name(u));
    nominal.push_back(s.nominal_rank(e));
    median.push_back(s.median_rank(e));
    q05.push_back(s.q05(e));
    q95.push_back(s.q95(e));
    shift.push_back(s.mean_abs_shift(e));
  }
  Table t;
  t.add_text("unit", name).add_number("nominal_rank", nominal).add_number("median_rank", median);
  t.add_number("rank_q05", q05).add_number("rank_q95", q95).add_number("mean_abs_shift", shift);
  return t;
}

std::string pillar_profile(const IndexView& v, size_t focus) {
  std::vector<double> mine, median;
  for (size_t p : v.pillars) {
    const auto col = static_cast<Eigen::Index>(p);
    mine.push_back(v.score(focus, col));
    std::vector<double> all;
    for (size_t u = 0; u < v.ci.included_units.size(); ++u) all.push_back(v.score(u, col));
    median.push_back(median_of(all));
  }
  auto radar = [&](bool zh) {
    std::vector<std::string> axes;
    for (size_t p : v.pillars) axes.push_back(node_name(v.f.nodes()[p], zh));
    return svg_radar(
        axes, {{v.name(focus), mine}, {zh ? "所有單位中位數" : "Median of all units", median}},
        zh ? v.name(focus) + " 的構面分數" : "Pillar scores of " + v.name(focus),
        {v.options.score_min, v.options.score_max});
  };
  std::vector<std::string> code;
  std::vector<double> gap;
  for (size_t p = 0; p < v.pillars.size(); ++p) {
    code.push_back(v.f.nodes()[v.pillars[p]].code);
    gap.push_back(mine[p] - median[p]);
  }
  auto table = [&](bool zh) {
    std::vector<std::string> names;
    for (size_t p : v.pillars) names.push_back(node_name(v.f.nodes()[p], zh));
    Table t;
    t.add_text("pillar", names).add_number("score", mine).add_number("median", median);
    t.add_number("gap", gap);
    return html_table(t, {.digits = 4,
                          .headers = {{"Pillar", "構面"},
                                      {v.name(focus), v.name(focus)},
                                      {"Median", "中位數"},
                                      {"Gap to median", "與中位數差距"}}});
  };
  std::string body = paragraph(
      {fmt::format("{}: pillar scores against the median unit (rank {:.0f} of {}). Choose the "
                   "unit with --focus.",
                   v.name(focus), v.rank(focus), v.ci.included_units.size()),
       fmt::format("{}：各構面分數與中位數單位比較（排名 {:.0f}／{}）。以 --focus 指定單位。",
                   v.name(focus), v.rank(focus), v.ci.included_units.size())});
  body += both(radar(false), radar(true));
  body += both(table(false), table(true));
  return body;
}

}  // namespace

HtmlReport composite_index_report(const CompositeIndex& ci, const IndicatorFramework& f,
                                  const Tiers& tiers, int k, const RankSensitivity* sensitivity,
                                  const CompositeReportOptions& options) {
  const auto roots = f.tree().roots();
  if (roots.size() != 1)
    throw UsageError("--html: the report needs a framework with a single top code (the index)");
  IndexView v{ci, f, tiers, k, options};
  v.root = static_cast<Eigen::Index>(f.index(roots.front()));
  // The radar's axes: the children of the index, or the level below while fewer than three
  // (a radar of two sub-indices is a line).
  v.columns = f.children(static_cast<size_t>(v.root));
  v.pillars = v.columns;
  while (v.pillars.size() < 3) {
    std::vector<size_t> below;
    for (size_t p : v.pillars)
      for (size_t c : f.children(p))
        if (f.nodes()[c].level >= 2) below.push_back(c);
    if (below.size() <= v.pillars.size()) break;
    v.pillars = std::move(below);
  }
  v.order.resize(ci.included_units.size());
  std::iota(v.order.begin(), v.order.end(), 0);
  std::stable_sort(v.order.begin(), v.order.end(), [&](size_t a, size_t b) {
    const double ra = v.rank(a), rb = v.rank(b);
    if (std::isnan(ra) || std::isnan(rb)) return !std::isnan(ra) && std::isnan(rb);
    return ra < rb;
  });
  size_t focus = v.order.empty() ? 0 : v.order.front();
  if (!options.focus.empty()) {
    auto it = std::find(ci.included_units.begin(), ci.included_units.end(), options.focus);
    if (it == ci.included_units.end())
      throw UsageError(
          fmt::format("--focus: unit \"{}\" is not among the included units", options.focus));
    focus = static_cast<size_t>(it - ci.included_units.begin());
  }
  bool with_names = false;
  for (size_t u = 0; u < ci.included_units.size(); ++u)
    with_names = with_names || v.name(u) != ci.included_units[u];

  const auto& top = f.nodes()[static_cast<size_t>(v.root)];
  HtmlReport report({node_name(top, false), node_name(top, true)},
                    {"Composite index report", "綜合指數報告"});
  for (const auto& n : options.notes) report.add_note(n);

  std::string ranking = paragraph(
      {fmt::format("{} units ranked by the index (rank 1 = highest). Colours are the {} tiers of "
                   "the index scores.",
                   ci.included_units.size(), k),
       fmt::format("{} 個單位依指數排名（第 1 名最高）。顏色代表指數分數的 {} 個等級。",
                   ci.included_units.size(), k)});
  if (ci.included_units.size() < ci.units.size())
    ranking += "<p class=\"note\">" +
               bilingual({fmt::format("{} unit(s) were screened out for missing data.",
                                      ci.units.size() - ci.included_units.size()),
                          fmt::format("{} 個單位因資料不足而未納入。",
                                      ci.units.size() - ci.included_units.size())}) +
               "</p>";
  ranking += both(ranked_bars(v, false), ranked_bars(v, true));
  report.add_section("ranking", {"Ranking", "排名"}, ranking);

  const TableStyle score_style{.digits = 4, .headers = scores_headers(v, with_names)};
  std::string scores = paragraph(
      {"Index and pillar scores (0-100 after normalisation unless another scale was chosen), "
       "ranks and tiers; all codes in scores.csv.",
       "指數與各構面分數（除非另選尺度，正規化後為 0–100）、排名與等級；所有代碼見 scores.csv。"});
  scores += both(html_table(scores_table(v, with_names, false), score_style),
                 html_table(scores_table(v, with_names, true), score_style));
  const TableStyle breaks_style{.digits = 4,
                                .headers = {{"Tier", "等級"},
                                            {"Lowest score", "最低分"},
                                            {"Highest score", "最高分"},
                                            {"Units", "單位數"}}};
  scores += "<h3>" + bilingual({"Tiers", "等級"}) + "</h3>" +
            both(html_table(breaks_table(v, false), breaks_style),
                 html_table(breaks_table(v, true), breaks_style));
  report.add_section("scores", {"Scores, ranks and tiers", "分數、排名與等級"}, scores);

  std::string sens;
  if (sensitivity) {
    sens = paragraph(
        {"How much each rank depends on the choices of the build: the index is rebuilt with "
         "randomly perturbed weights and switched normalisation and aggregation. A long whisker "
         "means the rank is uncertain.",
         "排名對建構方式的依賴程度：以隨機擾動的權重、不同的正規化與加總方法重新計算指數。區間越長"
         "，排名越"
         "不確定。"});
    sens += both(rank_whiskers(v, *sensitivity, false), rank_whiskers(v, *sensitivity, true));
    sens +=
        html_table(sensitivity_rows(v, *sensitivity), {.digits = 4,
                                                       .headers = {{"Unit", "單位"},
                                                                   {"Nominal rank", "名目排名"},
                                                                   {"Median rank", "中位數排名"},
                                                                   {"5% rank", "5% 排名"},
                                                                   {"95% rank", "95% 排名"},
                                                                   {"Mean |shift|", "平均位移"}}});
  } else {
    sens = paragraph({"No sensitivity analysis was run (--sensitivity-runs 0).",
                      "未執行敏感度分析（--sensitivity-runs 0）。"});
  }
  report.add_section("sensitivity", {"Rank sensitivity", "排名敏感度"}, sens);

  if (!ci.included_units.empty() && !v.pillars.empty())
    report.add_section("profile", {"Pillar profile", "構面剖面"}, pillar_profile(v, focus));
  return report;
}

void write_composite_index_report(const std::string& path, const CompositeIndex& ci,
                                  const IndicatorFramework& f, const Tiers& tiers, int k,
                                  const RankSensitivity* sensitivity,
                                  const CompositeReportOptions& options) {
  const std::string html = composite_index_report(ci, f, tiers, k, sensitivity, options).render();
  std::ofstream out(path, std::ios::binary);
  if (!out) throw Error(SourcePos{path, 0, 0}, "cannot write the HTML report");
  out << html;
  if (!out) throw Error(SourcePos{path, 0, 0}, "cannot write the HTML report");
}

}  // namespace agglo::report
