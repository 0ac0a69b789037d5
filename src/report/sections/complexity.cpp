// Profile section: key-industry recommendations (the complexity family's `recommend`) for every
// region, written to recommendations.csv, with a per-region table and the industry space (the
// proximity network) of the largest regions, their strengths and recommendations highlighted.
#include <algorithm>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/complexity/economic_complexity.hpp"
#include "families/complexity/recommend.hpp"
#include "report/profile_sections.hpp"
#include "report/svg.hpp"

namespace agglo::report {

namespace {

constexpr size_t kSpaceRegions = 4;          // industry spaces drawn: the largest regions
constexpr size_t kSpaceMaxIndustries = 250;  // beyond this the largest industries are drawn
constexpr size_t kLabelledStrengths = 5;     // strengths named in a region's picture

std::string paragraph(const Text& t, bool note = false) {
  return (note ? "<p class=\"note\">" : "<p>") + bilingual(t) + "</p>";
}

// At most n bytes of s, cut at a UTF-8 character boundary, with an ellipsis when cut.
std::string clip(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

// One related strength of a recommendation as the family writes it: "code (proximity)".
struct Reason {
  std::string code, proximity;
};

std::vector<Reason> parse_reasons(const std::string& s) {
  std::vector<Reason> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find("; ", start);
    if (end == std::string::npos) end = s.size();
    const std::string item = s.substr(start, end - start);
    const size_t open = item.rfind(" (");
    if (open != std::string::npos && item.back() == ')')
      out.push_back({item.substr(0, open), item.substr(open + 2, item.size() - open - 3)});
    else
      out.push_back({item, ""});
    start = end + 2;
  }
  return out;
}

// The industry-space backbone (Hidalgo et al. 2007): the maximum spanning tree of the proximity
// matrix (Prim), so that every industry is linked to its closest neighbour, plus the strongest
// remaining links, as many as there are industries, so that clusters show without a hairball.
std::vector<NetworkEdge> industry_space_edges(const Eigen::MatrixXd& phi) {
  const size_t n = static_cast<size_t>(phi.rows());
  std::vector<NetworkEdge> edges;
  if (n < 2) return edges;
  auto at = [&](size_t a, size_t b) {
    const double v = phi(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
    return std::isfinite(v) ? v : 0.0;
  };
  std::vector<bool> in_tree(n, false), used(n * n, false);
  std::vector<double> best(n, -1);
  std::vector<size_t> parent(n, 0);
  best[0] = 0;
  for (size_t step = 0; step < n; ++step) {
    size_t u = n;
    for (size_t v = 0; v < n; ++v)
      if (!in_tree[v] && (u == n || best[v] > best[u])) u = v;
    in_tree[u] = true;
    if (step > 0) {
      edges.push_back({parent[u], u, at(parent[u], u)});
      used[parent[u] * n + u] = used[u * n + parent[u]] = true;
    }
    for (size_t v = 0; v < n; ++v)
      if (!in_tree[v] && at(u, v) > best[v]) best[v] = at(u, v), parent[v] = u;
  }
  std::vector<NetworkEdge> extra;
  for (size_t a = 0; a < n; ++a)
    for (size_t b = a + 1; b < n; ++b)
      if (!used[a * n + b] && at(a, b) > 0) extra.push_back({a, b, at(a, b)});
  const size_t keep = std::min(extra.size(), n);
  std::partial_sort(extra.begin(), extra.begin() + static_cast<long>(keep), extra.end(),
                    [](const auto& x, const auto& y) { return x.weight > y.weight; });
  edges.insert(edges.end(), extra.begin(), extra.begin() + static_cast<long>(keep));
  return edges;
}

// Indices of the regions (rows) with the largest totals, largest first.
std::vector<Eigen::Index> largest_first(const Eigen::VectorXd& total, size_t limit) {
  std::vector<Eigen::Index> idx(static_cast<size_t>(total.size()));
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](auto a, auto b) {
    const double x = std::isnan(total(a)) ? -1 : total(a), y = std::isnan(total(b)) ? -1 : total(b);
    return x > y;
  });
  if (idx.size() > limit) idx.resize(limit);
  return idx;
}

std::string industry_space_svgs(const ProfileContext& ctx, const EconomicComplexity& ec,
                                const Table& recs) {
  const auto& m = ctx.matrix;
  Eigen::MatrixXd filled = m.values;
  filled = filled.array().isNaN().select(0.0, filled);
  const Eigen::VectorXd industry_total = filled.colwise().sum().transpose();
  // Industries in the space: those with a defined proximity (the family drops empty ones).
  std::vector<Eigen::Index> shown;
  for (Eigen::Index p = 0; p < m.cols(); ++p)
    if (std::isfinite(ec.proximity(p, p)) && std::isfinite(ec.ubiquity(p)) && ec.ubiquity(p) > 0)
      shown.push_back(p);
  std::string note;
  if (shown.size() > kSpaceMaxIndustries) {
    std::stable_sort(shown.begin(), shown.end(),
                     [&](auto a, auto b) { return industry_total(a) > industry_total(b); });
    shown.resize(kSpaceMaxIndustries);
    std::sort(shown.begin(), shown.end());
    note = paragraph({fmt::format("Showing the {} largest industries.", kSpaceMaxIndustries),
                      fmt::format("僅顯示最大的 {} 個產業。", kSpaceMaxIndustries)},
                     true);
  }
  if (shown.size() < 2) return "";
  const auto n = static_cast<Eigen::Index>(shown.size());
  Eigen::MatrixXd phi(n, n);
  for (Eigen::Index a = 0; a < n; ++a)
    for (Eigen::Index b = 0; b < n; ++b)
      phi(a, b) = a == b ? 0.0 : ec.proximity(shown[a], shown[b]);
  const std::vector<NetworkEdge> edges = industry_space_edges(phi);
  const auto layout = force_directed_layout(shown.size(), edges, 300, 1);

  std::map<std::pair<std::string, std::string>, double> rec_rank;
  const auto& rr = recs.column("region").text;
  const auto& ri = recs.column("industry").text;
  const auto& rk = recs.column("rank").number;
  for (size_t k = 0; k < recs.rows(); ++k) rec_rank[{rr[k], ri[k]}] = rk[k];

  std::string body =
      paragraph(
          {"The industry space: one node per industry (area: national total), linked to the "
           "industries most often co-specialised with it (the maximum spanning tree of the "
           "proximity matrix plus as many of the strongest other links). Blue: the region's "
           "strengths (RCA ≥ 1); orange: recommended; grey: the rest. Hover a node for "
           "its values.",
           "產業空間：每個節點代表一個產業（面積為全國總量），連線連結最常共同具有比較優勢的產"
           "業（鄰近度矩陣的最大生成樹，再加上同樣數量的最強連結）。藍色：該區域的優勢產業（"
           "RCA ≥ 1）；橘色：建議發展的產業；灰色：其他。滑鼠移到節點上可看數值。"}) +
      note;
  const Eigen::VectorXd region_total = filled.rowwise().sum();
  const auto regions = largest_first(region_total, kSpaceRegions);
  for (size_t k = 0; k < regions.size(); ++k) {
    const Eigen::Index r = regions[k];
    const std::string& code = m.row_labels[r];
    std::vector<NetworkNode> nodes;
    std::vector<std::pair<double, size_t>> strengths;  // (value, node) to label the largest
    for (Eigen::Index a = 0; a < n; ++a) {
      const Eigen::Index p = shown[a];
      NetworkNode nd;
      nd.label = ctx.industry_name(m.col_labels[p]);
      nd.x = layout[static_cast<size_t>(a)].first;
      nd.y = layout[static_cast<size_t>(a)].second;
      nd.size = industry_total(p);
      const auto it = rec_rank.find({code, m.col_labels[p]});
      nd.group = it != rec_rank.end() ? 1 : (ec.mcp(r, p) == 1 ? 0 : 2);
      nd.emphasis = it != rec_rank.end();
      nd.tooltip =
          fmt::format("{}RCA {:.2f}, density {:.3f}, PCI {:.2f}",
                      it != rec_rank.end() ? fmt::format("recommended #{:.0f}; ", it->second) : "",
                      ec.rca(r, p), ec.density(r, p), ec.pci(p));
      if (nd.group == 0) strengths.push_back({filled(r, p), nodes.size()});
      nodes.push_back(std::move(nd));
    }
    std::stable_sort(strengths.begin(), strengths.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t s = 0; s < std::min(strengths.size(), kLabelledStrengths); ++s)
      nodes[strengths[s].second].emphasis = true;
    NetworkStyle style;
    style.width = 1000;
    style.height = 640;
    style.group_colors = {"#1f77b4", "#ff7f0e", "#c9ced6"};
    style.group_names = {"strength (RCA ≥ 1)", "recommended", "other"};
    const std::string name = ctx.region_name(code), name_zh = ctx.region_name(code, "zh");
    body += std::string(k == 0 ? "<details open>" : "<details>") + "<summary>" +
            bilingual({"Industry space of " + name, name_zh + "的產業空間"}) + "</summary>" +
            svg_network(nodes, edges, style) + "</details>";
  }
  return body;
}

void complexity_section(const ProfileContext& ctx, HtmlReport& report) {
  const auto& m = ctx.matrix;
  RecommendOptions opt;
  opt.top = static_cast<int>(std::max<size_t>(ctx.options.recommendations_per_region, 1));
  std::vector<std::string> warnings;
  Table recs;
  try {
    recs = recommendation_table(m, opt, &warnings);
  } catch (const Error& e) {
    // A table without a usable complexity structure (e.g. one region) still gets its report.
    report.add_section("recommendations", {"Recommended industries", "建議發展產業"},
                       paragraph({std::string("No recommendations: ") + e.what(),
                                  std::string("無法產生建議：") + e.what()},
                                 true));
    if (ctx.options.log) ctx.options.log(std::string("recommendations: ") + e.what());
    return;
  }

  // recommendations.csv: the family's table with names and the region's current value.
  const auto& region = recs.column("region").text;
  const auto& industry = recs.column("industry").text;
  std::map<std::string, Eigen::Index> row_of, col_of;
  for (Eigen::Index r = 0; r < m.rows(); ++r) row_of[m.row_labels[r]] = r;
  for (Eigen::Index p = 0; p < m.cols(); ++p) col_of[m.col_labels[p]] = p;
  std::vector<std::string> region_name, industry_name, reasons_named;
  std::vector<double> value;
  for (size_t k = 0; k < recs.rows(); ++k) {
    region_name.push_back(ctx.region_name(region[k]));
    industry_name.push_back(ctx.industry_name(industry[k]));
    value.push_back(m.values(row_of.at(region[k]), col_of.at(industry[k])));
    std::string named;
    for (const auto& why : parse_reasons(recs.column("related_strengths").text[k]))
      named += (named.empty() ? "" : "; ") + clip(ctx.industry_name(why.code), 20) +
               (why.proximity.empty() ? "" : " (" + why.proximity + ")");
    reasons_named.push_back(named);
  }
  Table out;
  out.add_text("region", region).add_text("region_name", region_name);
  out.add_number("rank", recs.column("rank").number);
  out.add_text("industry", industry).add_text("industry_name", industry_name);
  for (const char* c : {"score", "density", "pci", "cog", "rca"})
    out.add_number(c, recs.column(c).number);
  out.add_number("value", value);
  out.add_text("related_strengths", recs.column("related_strengths").text);
  ctx.write("recommendations", out);

  Table shown;
  std::vector<std::string> industry_short;
  for (const auto& s : industry_name) industry_short.push_back(clip(s, 34));
  shown.add_text("region", region_name)
      .add_number("rank", recs.column("rank").number)
      .add_text("industry", industry_short);
  for (const char* c : {"score", "density", "pci", "cog", "rca"})
    shown.add_number(c, recs.column(c).number);
  shown.add_text("related", reasons_named);
  std::string body = paragraph(
      {fmt::format(
           "For every region, the {} industries it is not yet specialised in (RCA < 1) that fit "
           "it best: score = 0.5 z(density) + 0.25 z(PCI) + 0.25 z(COG), each component "
           "standardised over all candidates. Density: how close the industry is to the region's "
           "strengths (0-1); PCI: how complex the industry is; COG: how much it would open up "
           "further complex industries. The related strengths (with their proximity) are what "
           "drive the density. All regions in recommendations.csv.",
           opt.top),
       fmt::format("每個區域尚未具比較優勢（RCA < 1）的產業中最適合發展的 {} 個：分數 = 0.5 "
                   "z(密度) + 0.25 z(PCI) + 0.25 "
                   "z(COG)，各項在所有候選者中標準化。密度：該產業與區域優勢產業的接近程度（0-1）；"
                   "PCI：產業複雜度；COG：發展後能帶來多少更複雜產業的機會。相關優勢產業（括號內為"
                   "鄰近度）即密度的來源。所有區域見 recommendations.csv。",
                   opt.top)});
  if (m.has_na())
    body += paragraph({"Suppressed or missing cells (NA) count as 0 in the complexity measures.",
                       "遮蔽或缺漏的儲存格（NA）在複雜度計算中視為 0。"},
                      true);
  for (size_t k = 0; k < std::min<size_t>(warnings.size(), 8); ++k)
    body += paragraph({warnings[k], "注意：" + warnings[k]}, true);
  if (warnings.size() > 8)
    body += paragraph({fmt::format("... and {} more warnings", warnings.size() - 8),
                       fmt::format("……另有 {} 則警告", warnings.size() - 8)},
                      true);
  body +=
      html_table(shown, {.max_rows = 500,
                         .digits = 3,
                         .headers = {{"Region", "區域"},
                                     {"#", "名次"},
                                     {"Industry", "產業"},
                                     {"Score", "分數"},
                                     {"Density", "密度"},
                                     {"PCI", "PCI"},
                                     {"COG", "COG"},
                                     {"RCA", "RCA"},
                                     {"Related strengths (proximity)", "相關優勢產業（鄰近度）"}}});
  report.add_section("recommendations", {"Recommended industries", "建議發展產業"}, body);

  EconomicComplexityOptions eo;
  eo.rca_threshold = opt.rca_threshold;
  eo.proximity = opt.proximity;
  const EconomicComplexity ec = economic_complexity(m.values, eo);
  const std::string space = industry_space_svgs(ctx, ec, recs);
  if (!space.empty()) report.add_section("industry-space", {"Industry space", "產業空間"}, space);
}

const ProfileSectionRegistrar registrar({"recommendations", 70, complexity_section});

}  // namespace

}  // namespace agglo::report
