// Profile section (two or more periods): every region's growth decomposed by shift-share (Dunn)
// against the sum of all regions, classic (first -> last period) and dynamic (consecutive steps
// summed, Barff & Knight 1988), written to growth.csv with a bar chart of the components; and
// the portfolio of the largest regions (each industry's LQ against its growth relative to the
// nation, sized by employment), written to portfolio.csv for every region x industry.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include <fmt/format.h>

#include "families/concentration/location_quotient.hpp"
#include "families/shift_share/all_regions.hpp"
#include "families/shift_share/shift_share.hpp"
#include "report/profile_sections.hpp"
#include "report/svg.hpp"

namespace agglo::report {

namespace {

constexpr size_t kChartRegions = 60;     // bar chart: all regions up to this many, else largest
constexpr size_t kPortfolioRegions = 6;  // bubble charts for the largest regions
constexpr size_t kPortfolioPoints = 15;  // ... each with its largest industries

// The same chart drawn once per language; the page's language switch shows one of them.
std::string per_language(const std::string& en, const std::string& zh) {
  return "<div class=\"l-en\">" + en + "</div><div class=\"l-zh\">" + zh + "</div>";
}

std::string paragraph(const Text& t, bool note = false) {
  return (note ? "<p class=\"note\">" : "<p>") + bilingual(t) + "</p>";
}

double percent_of(double part, double base) {
  return base == 0 || std::isnan(base) ? NA : 100 * part / base;
}

// Regions ordered by `key`, largest first; NA keys last (stable, so ties keep panel order).
std::vector<size_t> order_by(const std::vector<double>& key) {
  std::vector<size_t> idx(key.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    if (std::isnan(key[b])) return !std::isnan(key[a]);
    return !std::isnan(key[a]) && key[a] > key[b];
  });
  return idx;
}

struct PeriodTotals {
  LabeledMatrix first, last;                  // all panel labels, NA kept
  Eigen::VectorXd region_first, region_last;  // NA cells left out
  Eigen::VectorXd nation_first, nation_last;  // per industry, NA cells left out
};

// The panel without the region x industry pairs that are NA (suppressed) in any period, and how
// many pairs each region lost. The shift-share kernel makes a region with an NA cell NA
// altogether; published tables suppress small cells in most regions, so the report compares the
// regions on the cells observed throughout instead (the totals fall slightly below the overview's).
struct MatchedCells {
  std::optional<Panel> filtered;       // empty when no cell is NA: the panel itself is used
  std::vector<double> pairs_left_out;  // per region
  size_t total_left_out = 0;
  const Panel& panel(const Panel& original) const { return filtered ? *filtered : original; }
};

MatchedCells without_na_pairs(const Panel& panel) {
  const size_t I = panel.industries.size();
  std::vector<uint8_t> na(panel.regions.size() * I, 0);
  for (size_t k = 0; k < panel.size(); ++k)
    if (std::isnan(panel.value[k])) na[panel.region[k] * I + panel.industry[k]] = 1;
  MatchedCells m;
  m.pairs_left_out.assign(panel.regions.size(), 0.0);
  for (size_t c = 0; c < na.size(); ++c)
    if (na[c]) {
      m.pairs_left_out[c / I] += 1;
      ++m.total_left_out;
    }
  if (m.total_left_out == 0) return m;
  Panel& q = m.filtered.emplace();
  q.regions = panel.regions;
  q.industries = panel.industries;
  q.periods = panel.periods;
  q.source = panel.source;
  q.has_period_column = panel.has_period_column;
  q.reserve(panel.size());
  for (size_t k = 0; k < panel.size(); ++k)
    if (!na[panel.region[k] * I + panel.industry[k]])
      q.push(panel.region[k], panel.industry[k], panel.period[k], panel.value[k],
             panel.source_line(k));
  return m;
}

// Totals of the matched cells (see without_na_pairs) in the first and last period.
struct GrowthTotals {
  Eigen::VectorXd region_first, region_last;
  double nation_first = 0, nation_last = 0;
};

void growth_tables(const ProfileContext& ctx, const RegionalShiftShare& ss, const GrowthTotals& p,
                   const MatchedCells& matched, HtmlReport& report) {
  const size_t R = ss.regions.size();
  const std::string& first = ss.periods.front();
  const std::string& last = ss.periods.back();
  std::vector<std::string> names(R), names_zh(R);
  std::vector<double> growth_pct(R);
  for (size_t r = 0; r < R; ++r) {
    names[r] = ctx.region_name(ss.regions[r]);
    names_zh[r] = ctx.region_name(ss.regions[r], "zh");
    const auto e = static_cast<Eigen::Index>(r);
    growth_pct[r] = percent_of(p.region_last(e) - p.region_first(e), p.region_first(e));
  }

  Table t;
  t.add_text("region", ss.regions).add_text("region_name", names);
  t.add_text("first_period", std::vector<std::string>(R, first))
      .add_text("last_period", std::vector<std::string>(R, last));
  t.add_number("value_first", p.region_first)
      .add_number("value_last", p.region_last)
      .add_number("growth_pct", growth_pct)
      .add_number("pairs_left_out", matched.pairs_left_out);
  for (size_t c = 0; c < ss.components.size(); ++c)
    t.add_number("classic_" + ss.components[c],
                 Eigen::VectorXd(ss.classic.col(static_cast<Eigen::Index>(c))));
  for (size_t c = 0; c < ss.components.size(); ++c)
    t.add_number("dynamic_" + ss.components[c],
                 Eigen::VectorXd(ss.dynamic.col(static_cast<Eigen::Index>(c))));
  ctx.write("growth", t);

  auto component = [&](const Eigen::MatrixXd& m, const std::string& name) {
    const auto it = std::find(ss.components.begin(), ss.components.end(), name);
    return Eigen::VectorXd(m.col(it - ss.components.begin()));
  };
  const Eigen::VectorXd national = component(ss.classic, "national_share");
  const Eigen::VectorXd mix = component(ss.classic, "industrial_mix");
  const Eigen::VectorXd local = component(ss.classic, "regional_share");
  const Eigen::VectorXd dyn_mix = component(ss.dynamic, "industrial_mix");
  const Eigen::VectorXd dyn_local = component(ss.dynamic, "regional_share");

  // The chart and the table: the largest regions (all when few), fastest growing first.
  std::vector<size_t> shown = order_by(
      std::vector<double>(p.region_last.data(), p.region_last.data() + p.region_last.size()));
  if (shown.size() > kChartRegions) shown.resize(kChartRegions);
  std::stable_sort(shown.begin(), shown.end(), [&](size_t a, size_t b) {
    if (std::isnan(growth_pct[b])) return !std::isnan(growth_pct[a]);
    return !std::isnan(growth_pct[a]) && growth_pct[a] > growth_pct[b];
  });

  std::vector<std::string> labels_en, labels_zh;
  std::vector<double> s_nat, s_mix, s_loc;
  Table rows;
  std::vector<std::string> row_names;
  std::vector<double> v1, v2, g, nat, mx, loc, dmx, dloc;
  for (size_t r : shown) {
    const auto e = static_cast<Eigen::Index>(r);
    labels_en.push_back(names[r]);
    labels_zh.push_back(names_zh[r]);
    s_nat.push_back(percent_of(national(e), p.region_first(e)));
    s_mix.push_back(percent_of(mix(e), p.region_first(e)));
    s_loc.push_back(percent_of(local(e), p.region_first(e)));
    row_names.push_back(names[r]);
    // The table shows whole units and growth to two decimals; growth.csv keeps every digit.
    v1.push_back(p.region_first(e));
    v2.push_back(p.region_last(e));
    g.push_back(std::round(100 * growth_pct[r]) / 100);
    nat.push_back(std::round(national(e)));
    mx.push_back(std::round(mix(e)));
    loc.push_back(std::round(local(e)));
    dmx.push_back(std::round(dyn_mix(e)));
    dloc.push_back(std::round(dyn_local(e)));
  }
  rows.add_text("region", row_names).add_number("value_first", v1).add_number("value_last", v2);
  rows.add_number("growth_pct", g).add_number("national_share", nat).add_number("mix", mx);
  rows.add_number("regional_share", loc)
      .add_number("dynamic_mix", dmx)
      .add_number("dynamic_regional_share", dloc);

  const double nation_first = p.nation_first, nation_last = p.nation_last;
  std::string body = paragraph(
      {fmt::format("Growth of every region from {} to {} split into three parts (Dunn's "
                   "shift-share against the sum of all regions, {:+.2f}% in total): the national "
                   "share (growth had the region grown like the nation), the industrial mix (its "
                   "industries grow faster or slower nationally) and the regional share (its "
                   "industries grow faster or slower than they do nationally: the local, "
                   "competitive part). The three add up to the actual change.",
                   first, last, percent_of(nation_last - nation_first, nation_first)),
       fmt::format("各區域 {} 至 {} 的成長以偏離份額分析（Dunn 法，以全部區域合計為基準，全體成長 "
                   "{:+.2f}%）拆為三部分：全國成長份額（若與全國同速成長）、產業結構效果（區域所屬"
                   "產業在全國成長較快或較慢）與區域競爭效果（區域內產業成長快於或慢於全國同業，"
                   "即在地的競爭力）。三者相加等於實際變化。",
                   first, last, percent_of(nation_last - nation_first, nation_first))});
  if (ss.periods.size() > 2)
    body += paragraph(
        {fmt::format("The dynamic shift-share (Barff & Knight 1988) applies the decomposition to "
                     "each of the {} consecutive steps and sums them, so the industry mix is "
                     "updated every period; its growth equals the classic one.",
                     ss.periods.size() - 1),
         fmt::format("動態偏離份額（Barff & Knight 1988）對 {} "
                     "個相鄰期間逐段分解後加總，產業結構每期更新；其總成長與傳統法相同。",
                     ss.periods.size() - 1)});
  if (matched.total_left_out)
    body += paragraph(
        {fmt::format("{} region × industry pair(s) with a suppressed or missing (NA) cell in some "
                     "period are left out of every period, so that the regions are compared on "
                     "the same cells (growth.csv: pairs_left_out); the totals here are therefore "
                     "slightly below the overview's.",
                     matched.total_left_out),
         fmt::format("{} 組區域 × 產業在某一期有遮蔽或缺漏（NA）的儲存格，這些組合在所有期間皆不"
                     "計入，使各區域以相同的儲存格比較（見 growth.csv 的 pairs_left_out）；因此此處"
                     "總量略低於概覽。",
                     matched.total_left_out)},
        true);
  for (const auto& w : ss.warnings) body += paragraph({w, "注意：" + w}, true);

  const std::vector<Series> en{
      {"National share", s_nat}, {"Industrial mix", s_mix}, {"Regional share", s_loc}};
  const std::vector<Series> zh{
      {"全國成長份額", s_nat}, {"產業結構效果", s_mix}, {"區域競爭效果", s_loc}};
  body += "<h3>" +
          bilingual({fmt::format("Shift-share components {}–{}, % of {} value", first, last, first),
                     fmt::format("偏離份額各成分 {}–{}，占 {} 年數值 %", first, last, first)}) +
          "</h3>";
  if (shown.size() < R)
    body += paragraph(
        {fmt::format("The {} largest regions of {}, fastest growing first (all in growth.csv).",
                     shown.size(), R),
         fmt::format("顯示 {} 個區域中最大的 {} 個，依成長率排序（完整資料見 growth.csv）。", R,
                     shown.size())},
        true);
  else
    body += paragraph({"Regions ordered by growth, fastest first.", "區域依成長率由高至低排列。"},
                      true);
  body += per_language(svg_bar_chart(labels_en, en), svg_bar_chart(labels_zh, zh));
  body += html_table(rows, {.max_rows = kChartRegions,
                            .digits = 6,
                            .headers = {{"Region", "區域"},
                                        {first, first},
                                        {last, last},
                                        {"Growth %", "成長率 %"},
                                        {"National share", "全國成長份額"},
                                        {"Industrial mix", "產業結構效果"},
                                        {"Regional share", "區域競爭效果"},
                                        {"Dynamic mix", "動態產業結構效果"},
                                        {"Dynamic regional share", "動態區域競爭效果"}}});
  report.add_section("growth", {"Growth decomposition (shift-share)", "成長分解（偏離份額分析）"},
                     body);
}

// The portfolio quadrant of an industry: specialised (LQ >= 1) or not, outgrowing the nation's
// industry or not.
int quadrant(double lq, double difference) {
  return (lq >= 1 ? 0 : 2) + (difference >= 0 ? 0 : 1);
}

void portfolio_section(const ProfileContext& ctx, const RegionalShiftShare& ss,
                       const PeriodTotals& p, HtmlReport& report) {
  const auto& x1 = p.first.values;
  const auto& x2 = p.last.values;
  const Eigen::MatrixXd lq = location_quotient(x2);
  const Eigen::VectorXd national_growth = 100 * relative_growth(p.nation_first, p.nation_last);
  const auto R = x1.rows(), I = x1.cols();

  std::vector<std::string> rc, rn, ic, in;
  std::vector<double> v1, v2, share, q, g_r, g_n, diff;
  for (Eigen::Index r = 0; r < R; ++r) {
    const Eigen::VectorXd region_growth =
        100 * relative_growth(x1.row(r).transpose(), x2.row(r).transpose());
    for (Eigen::Index i = 0; i < I; ++i) {
      if (x1(r, i) == 0 && x2(r, i) == 0) continue;  // the pair does not exist in either period
      rc.push_back(p.first.row_labels[r]);
      rn.push_back(ctx.region_name(p.first.row_labels[r]));
      ic.push_back(p.first.col_labels[i]);
      in.push_back(ctx.industry_name(p.first.col_labels[i]));
      v1.push_back(x1(r, i));
      v2.push_back(x2(r, i));
      share.push_back(p.region_last(r) > 0 ? x2(r, i) / p.region_last(r) : NA);
      q.push_back(lq(r, i));
      g_r.push_back(region_growth(i));
      g_n.push_back(national_growth(i));
      diff.push_back(region_growth(i) - national_growth(i));
    }
  }
  Table t;
  t.add_text("region", rc).add_text("region_name", rn).add_text("industry", ic);
  t.add_text("industry_name", in).add_number("value_first", v1).add_number("value_last", v2);
  t.add_number("share_of_region", share).add_number("lq", q).add_number("region_growth_pct", g_r);
  t.add_number("national_growth_pct", g_n).add_number("growth_difference_pp", diff);
  ctx.write("portfolio", t);

  const std::string& first = ss.periods.front();
  const std::string& last = ss.periods.back();
  std::string body = paragraph(
      {fmt::format(
           "For the {} largest regions, their {} largest industries: location quotient in {} "
           "(x) against the industry's growth {}–{} in the region minus its national growth, in "
           "percentage points (y); bubble area = employment in {}. Top right: specialised and "
           "outgrowing the nation (strong clusters); bottom right: specialised but lagging; top "
           "left: emerging; bottom left: neither. Every region and industry is in portfolio.csv.",
           kPortfolioRegions, kPortfolioPoints, last, first, last, last),
       fmt::format("最大的 {} 個區域中，各自最大的 {} 個產業：{} 年區位商數（橫軸）對該產業 "
                   "{}–{} 的區域成長率減全國成長率（百分點，縱軸）；泡泡面積為 {} "
                   "年就業。右上：專業化且成長快於全國（強勢聚落）；右下：專業化但成長落後；"
                   "左上：新興；左下：兩者皆非。全部區域與產業見 portfolio.csv。",
                   kPortfolioRegions, kPortfolioPoints, last, first, last, last)});

  const std::vector<size_t> regions = order_by(
      std::vector<double>(p.region_last.data(), p.region_last.data() + p.region_last.size()));
  for (size_t k = 0; k < std::min(kPortfolioRegions, regions.size()); ++k) {
    const auto r = static_cast<Eigen::Index>(regions[k]);
    if (!(p.region_last(r) > 0)) break;
    const Eigen::VectorXd region_growth =
        100 * relative_growth(x1.row(r).transpose(), x2.row(r).transpose());
    std::vector<double> size(static_cast<size_t>(I));
    for (Eigen::Index i = 0; i < I; ++i) size[static_cast<size_t>(i)] = x2(r, i);
    std::vector<Point> en, zh;
    size_t undefined = 0;
    for (size_t i : order_by(size)) {
      if (en.size() == kPortfolioPoints) break;
      const auto e = static_cast<Eigen::Index>(i);
      if (!(x2(r, e) > 0)) break;
      const double d = region_growth(e) - national_growth(e);
      if (std::isnan(d) || std::isnan(lq(r, e))) {
        ++undefined;
        continue;
      }
      // Code and name: long names are cut in the chart and several may start alike.
      const std::string code = p.first.col_labels[i];
      auto label = [&](const std::string& lang) {
        const std::string name = ctx.industry_name(code, lang);
        return name == code ? code : code + " " + name;
      };
      en.push_back({label("en"), lq(r, e), d, x2(r, e), quadrant(lq(r, e), d)});
      zh.push_back({label("zh"), lq(r, e), d, x2(r, e), quadrant(lq(r, e), d)});
    }
    const std::string code = p.first.row_labels[regions[k]];
    body += "<h3>" + bilingual({ctx.region_name(code), ctx.region_name(code, "zh")}) + "</h3>";
    if (undefined)
      body += paragraph(
          {fmt::format("{} large industr{} left out: no {} value, so no growth rate.", undefined,
                       undefined == 1 ? "y" : "ies", first),
           fmt::format("{} 個大型產業因 {} 年無數值、無法計算成長率而未列入。", undefined, first)},
          true);
    ScatterStyle style_en{.title = "",
                          .x_label = fmt::format("Location quotient {}", last),
                          .y_label = "Growth minus national growth (pp)",
                          .x_ref = 1,
                          .y_ref = 0,
                          .label_points = true,
                          .group_names = {"Specialised, growing", "Specialised, lagging",
                                          "Emerging", "Not specialised, lagging"}};
    ScatterStyle style_zh{
        .title = "",
        .x_label = fmt::format("{} 年區位商數", last),
        .y_label = "成長率減全國成長率（百分點）",
        .x_ref = 1,
        .y_ref = 0,
        .label_points = true,
        .group_names = {"專業化且成長較快", "專業化但成長落後", "新興產業", "非專業化且落後"}};
    body += per_language(svg_scatter(en, style_en), svg_scatter(zh, style_zh));
  }
  report.add_section("portfolio", {"Industry portfolio of the largest regions", "主要區域產業組合"},
                     body);
}

void growth_section(const ProfileContext& ctx, HtmlReport& report) {
  const auto periods = ctx.panel.sorted_periods();
  if (periods.size() < 2) return;  // growth needs two periods
  const MatchedCells matched = without_na_pairs(ctx.panel);
  const Panel& panel = matched.panel(ctx.panel);
  const RegionalShiftShare ss = shift_share_all_regions(panel, ShiftShareMethod::Dunn);
  {
    const LabeledMatrix first = panel.matrix(periods.front(), true);
    const LabeledMatrix last = panel.matrix(periods.back(), true);
    const GrowthTotals totals{row_sums_skip_na(first.values), row_sums_skip_na(last.values),
                              col_sums_skip_na(first.values).sum(),
                              col_sums_skip_na(last.values).sum()};
    growth_tables(ctx, ss, totals, matched, report);
  }
  // The portfolio keeps every cell (NA where suppressed), so its LQs match lq.csv.
  PeriodTotals p{ctx.panel.matrix(periods.front(), true),
                 ctx.panel.matrix(periods.back(), true),
                 {},
                 {},
                 {},
                 {}};
  p.region_first = row_sums_skip_na(p.first.values);
  p.region_last = row_sums_skip_na(p.last.values);
  p.nation_first = col_sums_skip_na(p.first.values);
  p.nation_last = col_sums_skip_na(p.last.values);
  portfolio_section(ctx, ss, p, report);
}

const ProfileSectionRegistrar registrar({"growth (shift-share, portfolio)", 40, growth_section});

}  // namespace

}  // namespace agglo::report
