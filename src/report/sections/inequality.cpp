// Profile section (with a region hierarchy): how unequally the value (employment) is spread over
// the regions in every period: Gini of the regional totals and Theil's T split into the part
// between the hierarchy's top-level groups (e.g. US Census regions) and the part within them.
// Written to disparity.csv (one row per period) and disparity_groups.csv (group x period).
#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "families/inequality/dispersion.hpp"
#include "families/inequality/theil.hpp"
#include "report/profile_sections.hpp"
#include "report/svg.hpp"

namespace agglo::report {

namespace {

using inequality::Scalar;

std::string per_language(const std::string& en, const std::string& zh) {
  return "<div class=\"l-en\">" + en + "</div><div class=\"l-zh\">" + zh + "</div>";
}

std::string paragraph(const Text& t, bool note = false) {
  return (note ? "<p class=\"note\">" : "<p>") + bilingual(t) + "</p>";
}

// A few codes for a message: "a, b, c and 4 more".
std::string some(const std::vector<std::string>& codes) {
  std::string s;
  for (size_t k = 0; k < std::min<size_t>(codes.size(), 3); ++k) s += (k ? ", " : "") + codes[k];
  if (codes.size() > 3) s += fmt::format(" and {} more", codes.size() - 3);
  return s;
}

// The group of every region: its ancestor at depth 0 of the hierarchy (the top level). Regions
// the hierarchy does not know form one extra group, named in the note.
struct Groups {
  std::vector<std::string> codes;  // group codes; the last is "" when some regions are unknown
  std::vector<int> of_region;      // panel region id -> group number
  std::vector<std::string> unknown;
};

Groups top_level_groups(const Panel& panel, const Hierarchy& h) {
  Groups g;
  std::map<std::string, int> number;
  std::vector<std::string> top(panel.regions.size());
  for (size_t r = 0; r < panel.regions.size(); ++r) {
    const std::string& code = panel.regions.name(static_cast<Panel::Id>(r));
    const auto a = h.contains(code) ? h.ancestor_at(code, 0) : std::nullopt;
    if (a)
      top[r] = *a;
    else
      g.unknown.push_back(code);
  }
  // Groups in the hierarchy's order of roots, keeping only those with regions.
  for (const auto& root : h.roots())
    if (std::find(top.begin(), top.end(), root) != top.end()) {
      number[root] = static_cast<int>(g.codes.size());
      g.codes.push_back(root);
    }
  const int unknown_group = static_cast<int>(g.codes.size());
  if (!g.unknown.empty()) g.codes.push_back("");
  for (size_t r = 0; r < top.size(); ++r)
    g.of_region.push_back(top[r].empty() ? unknown_group : number[top[r]]);
  return g;
}

// One period's regional totals: the sum of the observed cells; a region without any observed
// cell in the period (no row, or only NA cells) has no total.
struct PeriodTotals {
  std::vector<double> total;
  std::vector<size_t> observed;
  size_t na_cells = 0;
};

std::vector<PeriodTotals> regional_totals(const Panel& panel) {
  std::vector<PeriodTotals> by_period(panel.periods.size());
  for (auto& p : by_period) {
    p.total.assign(panel.regions.size(), 0.0);
    p.observed.assign(panel.regions.size(), 0);
  }
  for (size_t k = 0; k < panel.size(); ++k) {
    auto& p = by_period[panel.period[k]];
    if (std::isnan(panel.value[k])) {
      ++p.na_cells;
      continue;
    }
    p.total[panel.region[k]] += panel.value[k];
    ++p.observed[panel.region[k]];
  }
  return by_period;
}

struct Row {
  std::string period;
  double regions = 0, total = NA, gini = NA, theil = NA, between = NA, within = NA, share = NA;
  double na_cells = 0;
  std::string note;
  inequality::TheilDecomposition theil_groups;
};

Row disparity_of(const std::string& period, const PeriodTotals& p, const Groups& g,
                 const Panel& panel) {
  Row row{.period = period};
  row.na_cells = static_cast<double>(p.na_cells);
  std::vector<std::string> missing, zero;
  for (size_t r = 0; r < p.total.size(); ++r) {
    const std::string& code = panel.regions.name(static_cast<Panel::Id>(r));
    if (p.observed[r] == 0)
      missing.push_back(code);
    else if (p.total[r] == 0)
      zero.push_back(code);
  }
  row.regions = static_cast<double>(p.total.size() - missing.size());
  std::vector<std::string> notes;
  if (p.na_cells)
    notes.push_back(fmt::format("{} NA cell(s) left out of the regional totals", p.na_cells));
  if (!zero.empty())
    notes.push_back(
        fmt::format("{} region(s) with a total of 0 ({}) count as 0", zero.size(), some(zero)));
  if (!missing.empty()) {
    // Leaving a region out would change what the index measures from one period to the next.
    notes.push_back(fmt::format("NA: {} region(s) have no data in this period ({})", missing.size(),
                                some(missing)));
    row.note = fmt::format("{}", fmt::join(notes, "; "));
    return row;
  }
  const Eigen::Map<const Eigen::VectorXd> x(p.total.data(),
                                            static_cast<Eigen::Index>(p.total.size()));
  row.total = x.sum();
  const Scalar gini = inequality::gini(x);
  row.gini = gini.value;
  if (!gini.defined()) notes.push_back("Gini NA: " + gini.why_na);
  row.theil_groups = inequality::theil_decomposition(
      x, g.of_region, static_cast<int>(g.codes.size()), inequality::TheilIndex::T);
  const auto& d = row.theil_groups;
  row.theil = d.total.value;
  row.between = d.between.value;
  row.within = d.within.value;
  row.share = d.between_share.value;
  if (!d.total.defined())
    notes.push_back("Theil T NA: " + d.total.why_na);
  else if (!d.between_share.defined())
    notes.push_back("between share NA: " + d.between_share.why_na);
  row.note = fmt::format("{}", fmt::join(notes, "; "));
  return row;
}

void disparity_section(const ProfileContext& ctx, HtmlReport& report) {
  if (!ctx.options.regions) return;  // the groups come from the region hierarchy
  const Panel& panel = ctx.panel;
  const Hierarchy& h = *ctx.options.regions;
  const Groups groups = top_level_groups(panel, h);
  const std::vector<PeriodTotals> totals = regional_totals(panel);
  auto group_name = [&](size_t k, const std::string& lang) {
    return groups.codes[k].empty()
               ? std::string(lang == "zh" ? "（不在階層中）" : "(not in hierarchy)")
               : h.display_name(groups.codes[k], lang);
  };

  std::vector<Row> rows;
  for (Panel::Id id : panel.sorted_periods())
    rows.push_back(disparity_of(panel.periods.name(id), totals[id], groups, panel));

  Table t;
  {
    std::vector<std::string> per, note;
    std::vector<double> n, tot, gi, th, be, wi, sh, na;
    for (const auto& r : rows) {
      per.push_back(r.period);
      n.push_back(r.regions);
      tot.push_back(r.total);
      gi.push_back(r.gini);
      th.push_back(r.theil);
      be.push_back(r.between);
      wi.push_back(r.within);
      sh.push_back(r.share);
      na.push_back(r.na_cells);
      note.push_back(r.note);
    }
    t.add_text("period", per)
        .add_number("regions", n)
        .add_number("groups",
                    std::vector<double>(rows.size(), static_cast<double>(groups.codes.size())));
    t.add_number("total", tot).add_number("gini", gi).add_number("theil_t", th);
    t.add_number("theil_between", be).add_number("theil_within", wi);
    t.add_number("between_share", sh).add_number("na_cells", na).add_text("note", note);
  }
  ctx.write("disparity", t);

  Table grp;
  {
    std::vector<std::string> per, code, name;
    std::vector<double> n, share, pop, within;
    for (const auto& r : rows)
      for (size_t k = 0; k < r.theil_groups.groups.size(); ++k) {
        const auto& g = r.theil_groups.groups[k];
        per.push_back(r.period);
        code.push_back(groups.codes[k]);
        name.push_back(group_name(k, "en"));
        n.push_back(g.regions);
        pop.push_back(g.population_share);
        share.push_back(g.income_share);
        within.push_back(g.index.value);
      }
    grp.add_text("period", per).add_text("group", code).add_text("group_name", name);
    grp.add_number("regions", n).add_number("share_of_regions", pop);
    grp.add_number("share_of_total", share).add_number("theil_t_within_group", within);
  }
  ctx.write("disparity_groups", grp);

  std::string body = paragraph(
      {"The data hold no population, so per-capita disparities cannot be measured here. The "
       "indices describe how unequally the value (employment) is spread over the regions, each "
       "region counting once: the Gini of the regional totals and Theil's T (0 = every region "
       "the same size), split exactly into the part between the top-level groups of the region "
       "hierarchy and the part within them. A large region is large partly because more people "
       "live there; for disparities of living standards run \"agglo gini\" or \"agglo "
       "theil_decomposition\" on per-capita values with population weights.",
       "資料中沒有人口，無法衡量人均差距。此處指標描述數值（就業）在各區域間分布的不均程度，每個區"
       "域權重相同：區域總量的基尼係數與泰爾 T 指數（0 表示各區域規模相同），後者可精確拆解為區域"
       "階層最上層分組之間與分組之內兩部分。區域規模大部分反映人口多寡；若要衡量生活水準差距，請以"
       "人均數值與人口權重執行「agglo gini」或「agglo theil_decomposition」。"});
  {
    std::vector<std::string> names;
    for (size_t k = 0; k < groups.codes.size(); ++k) names.push_back(group_name(k, "en"));
    std::vector<std::string> names_zh;
    for (size_t k = 0; k < groups.codes.size(); ++k) names_zh.push_back(group_name(k, "zh"));
    body += paragraph({fmt::format("Groups: {}.", fmt::join(names, ", ")),
                       fmt::format("分組：{}。", fmt::join(names_zh, "、"))},
                      true);
  }
  if (!groups.unknown.empty())
    body += paragraph(
        {fmt::format("{} region(s) are not in the region hierarchy ({}); they form a group of "
                     "their own.",
                     groups.unknown.size(), some(groups.unknown)),
         fmt::format("{} 個區域不在區域階層中（{}），自成一組。", groups.unknown.size(),
                     some(groups.unknown))},
        true);
  if (groups.codes.size() == panel.regions.size() && panel.regions.size() > 1)
    body += paragraph({"Every region is a group of its own (a flat hierarchy): the between part "
                       "is the whole index.",
                       "每個區域自成一組（階層只有一層）：組間部分即為整個指數。"},
                      true);
  for (const auto& r : rows)
    if (!r.note.empty())
      body += paragraph({r.period + ": " + r.note, r.period + "：" + r.note}, true);

  std::vector<std::string> x;
  std::vector<double> gi, th, sh;
  for (const auto& r : rows) {
    x.push_back(r.period);
    gi.push_back(r.gini);
    th.push_back(r.theil);
    sh.push_back(r.share);
  }
  if (rows.size() > 1) {
    body += "<h3>" + bilingual({"Disparity over time", "不均程度的變化"}) + "</h3>";
    body +=
        per_language(svg_line_chart(x, {{"Gini", gi}, {"Theil T", th}, {"Between share", sh}}),
                     svg_line_chart(x, {{"基尼係數", gi}, {"泰爾 T 指數", th}, {"組間占比", sh}}));
  }
  Table shown;
  shown.add_text("period", x).add_number("gini", gi).add_number("theil_t", th);
  shown.add_number("theil_between", t.column("theil_between").number);
  shown.add_number("theil_within", t.column("theil_within").number);
  shown.add_number("between_share", sh);
  body += html_table(shown, {.max_rows = 0,
                             .digits = 4,
                             .headers = {{"Period", "期間"},
                                         {"Gini", "基尼係數"},
                                         {"Theil T", "泰爾 T"},
                                         {"Between groups", "組間"},
                                         {"Within groups", "組內"},
                                         {"Between share", "組間占比"}}});

  // The groups in the period of the cluster tables.
  const std::string chosen = panel.periods.name(ctx.period_id);
  const auto it =
      std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.period == chosen; });
  if (it != rows.end() && !it->theil_groups.groups.empty()) {
    auto group_table = [&](const std::string& lang) {
      Table g;
      std::vector<std::string> name;
      std::vector<double> n, pop, share, within;
      for (size_t k = 0; k < it->theil_groups.groups.size(); ++k) {
        const auto& gr = it->theil_groups.groups[k];
        name.push_back(group_name(k, lang));
        n.push_back(gr.regions);
        pop.push_back(100 * gr.population_share);
        share.push_back(100 * gr.income_share);
        within.push_back(gr.index.value);
      }
      g.add_text("group", name).add_number("regions", n).add_number("share_of_regions", pop);
      g.add_number("share_of_total", share).add_number("theil_within", within);
      return html_table(g, {.max_rows = 0,
                            .digits = 4,
                            .headers = {{"Group", "分組"},
                                        {"Regions", "區域數"},
                                        {"% of regions", "區域數占比 %"},
                                        {"% of total", "總量占比 %"},
                                        {"Theil T within", "組內泰爾 T"}}});
    };
    body += "<h3>" + bilingual({"Groups in " + chosen, chosen + " 各分組"}) + "</h3>";
    body += per_language(group_table("en"), group_table("zh"));
  }
  report.add_section("disparity", {"Regional disparity", "區域差距"}, body);
}

const ProfileSectionRegistrar registrar({"regional disparity (Gini, Theil)", 50,
                                         disparity_section});

}  // namespace

}  // namespace agglo::report
