// Profile section (with --geo FILE): hot spots of the industries that are the main clusters of
// the most regions. Queen contiguity of the boundaries joined to the region codes; per chosen
// industry the local Moran clusters and G_i* hot spots of its location quotient, one map each,
// written to hotspots.csv.
//
// Rule for the industries: a region's main clusters are its top 3 candidate clusters by LQ
// (the candidate rule of the cluster section: LQ >= lq_threshold, share of the industry >=
// min_share, value >= min_value); the 6 industries that are a main cluster of the most regions
// are mapped (ties: larger value in those clusters, then code).
#include <algorithm>
#include <exception>
#include <map>
#include <numeric>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/concentration/location_quotient.hpp"
#include "families/spatial/hotspot_map.hpp"
#include "families/spatial/hotspots.hpp"
#include "families/spatial/weights.hpp"
#include "io/geo.hpp"
#include "report/profile_sections.hpp"

namespace agglo::report {

namespace {

constexpr size_t kMainClustersPerRegion = 3;
constexpr size_t kIndustriesMapped = 6;
constexpr HotspotOptions kTest{.permutations = 999, .seed = 12345, .alpha = 0.05};

// The layer of the boundary file whose ids match the most region codes (a TopoJSON file holds
// several, e.g. states and nation). Layers that cannot be read with the id field are skipped;
// when none can, the first one's error is reported.
GeoLayer matching_layer(const std::string& path, const std::string& id_field,
                        const std::vector<std::string>& codes) {
  GeoReadOptions o;
  o.id_field = id_field;
  o.validate = GeoReadOptions::Validation::Warn;
  const auto names = geo_layer_names(path);
  if (names.size() == 1) return read_geo_layer(path, o);
  std::optional<GeoLayer> best;
  size_t best_matches = 0;
  std::exception_ptr first_error;
  for (const auto& name : names) {
    o.layer = name;
    try {
      GeoLayer layer = read_geo_layer(path, o);
      const size_t matches = join_codes(layer.ids(), codes).matched.size();
      if (!best || matches > best_matches) best = std::move(layer), best_matches = matches;
    } catch (const Error&) {
      if (!first_error) first_error = std::current_exception();
    }
  }
  if (!best) std::rethrow_exception(first_error);
  return std::move(*best);
}

// Industries (columns) that are among the top `per_region` candidate clusters of the most
// regions, at most `limit`, with the number of regions.
std::vector<std::pair<Eigen::Index, int>> main_cluster_industries(const ProfileContext& ctx,
                                                                  const Eigen::MatrixXd& lq) {
  const auto& m = ctx.matrix;
  const Eigen::VectorXd total = col_sums_skip_na(m.values);
  std::vector<int> regions(static_cast<size_t>(m.cols()), 0);
  std::vector<double> value(static_cast<size_t>(m.cols()), 0.0);
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    std::vector<Eigen::Index> mine;
    for (Eigen::Index i = 0; i < m.cols(); ++i) {
      const double v = m.values(r, i), q = lq(r, i);
      if (std::isnan(v) || std::isnan(q) || total(i) <= 0) continue;
      if (q >= ctx.options.lq_threshold && v / total(i) >= ctx.options.min_share &&
          v >= ctx.options.min_value)
        mine.push_back(i);
    }
    std::stable_sort(mine.begin(), mine.end(),
                     [&](Eigen::Index a, Eigen::Index b) { return lq(r, a) > lq(r, b); });
    for (size_t k = 0; k < mine.size() && k < kMainClustersPerRegion; ++k) {
      ++regions[static_cast<size_t>(mine[k])];
      value[static_cast<size_t>(mine[k])] += m.values(r, mine[k]);
    }
  }
  std::vector<Eigen::Index> order(static_cast<size_t>(m.cols()));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
    const auto ua = static_cast<size_t>(a), ub = static_cast<size_t>(b);
    if (regions[ua] != regions[ub]) return regions[ua] > regions[ub];
    if (value[ua] != value[ub]) return value[ua] > value[ub];
    return m.col_labels[ua] < m.col_labels[ub];
  });
  std::vector<std::pair<Eigen::Index, int>> out;
  for (Eigen::Index i : order)
    if (out.size() < kIndustriesMapped && regions[static_cast<size_t>(i)] > 0)
      out.emplace_back(i, regions[static_cast<size_t>(i)]);
  return out;
}

std::string list_names(const std::vector<std::string>& names, size_t max_listed = 8) {
  std::string s;
  for (size_t k = 0; k < names.size() && k < max_listed; ++k) s += (k ? ", " : "") + names[k];
  if (names.size() > max_listed) s += fmt::format(", ... ({} in all)", names.size());
  return s;
}

// The LISA legend with Chinese labels added.
std::vector<LegendEntry> bilingual_legend() {
  auto legend = lisa_legend();
  const std::map<std::string, std::string> zh = {{"HH", "高-高（熱點）"},
                                                 {"LL", "低-低（冷點）"},
                                                 {"LH", "低-高（離群）"},
                                                 {"HL", "高-低（離群）"},
                                                 {"ns", "不顯著"}};
  for (auto& e : legend)
    if (auto it = zh.find(e.category); it != zh.end()) e.label += " " + it->second;
  return legend;
}

struct HotspotRows {
  std::vector<std::string> industry, industry_name, region, region_name, quadrant, cluster, hotspot;
  std::vector<double> lq, Ii, p_sim, gi_star_z, gi_star_p_sim;
};

void hotspots_section(const ProfileContext& ctx, HtmlReport& report) {
  if (ctx.options.geo_path.empty()) return;
  const auto& m = ctx.matrix;
  const GeoLayer layer = matching_layer(ctx.options.geo_path, ctx.options.geo_id, m.row_labels);
  const CodeJoin join = join_codes(layer.ids(), m.row_labels);
  std::vector<Text> notes;  // shown under the introduction
  const std::string layer_name = layer.source + (layer.layer.empty() ? "" : ":" + layer.layer);
  const std::string id_field = ctx.options.geo_id.empty() ? "id" : ctx.options.geo_id;
  notes.push_back({fmt::format("Boundaries: {}; {} of {} regions matched by the field {}.",
                               layer_name, join.matched.size(), m.rows(), id_field),
                   fmt::format("邊界檔：{}；依欄位 {} 對應 {} 個區域中的 {} 個。", layer_name,
                               id_field, m.rows(), join.matched.size())});
  if (!join.only_in_table.empty()) {
    const std::string list = list_names(join.only_in_table, 20);
    notes.push_back({fmt::format("Region codes without a boundary (left out): {}.", list),
                     fmt::format("沒有邊界的區域代碼（未納入）：{}。", list)});
  }
  if (!join.only_in_layer.empty()) {
    const std::string list = list_names(join.only_in_layer, 20);
    notes.push_back({fmt::format("Boundaries without data (grey): {}.", list),
                     fmt::format("沒有資料的邊界（灰色）：{}。", list)});
  }
  for (const auto& w : layer.warnings) notes.push_back({w, w});

  const std::string intro = bilingual(
      {fmt::format(
           "The industries mapped are those that are among the top {} candidate clusters (by LQ) "
           "of the most regions, at most {}. For each, the location quotient of every region is "
           "tested for spatial clustering on queen contiguity: local Moran's I (row-standardised "
           "weights) gives High-High hot spots, Low-Low cold spots and outliers, Getis-Ord G_i* "
           "(binary weights with the region itself) the hot/cold spots; pseudo p-values from {} "
           "conditional permutations (seed {}), significant at p ≤ {}. All results are in "
           "hotspots.csv.",
           kMainClustersPerRegion, kIndustriesMapped, kTest.permutations, kTest.seed, kTest.alpha),
       fmt::format("地圖呈現在最多區域中名列前 {} 大候選聚落（依區位商數）的產業，至多 {} "
                   "個。各產業以后式（queen）相鄰權重檢定區位商數的空間群聚：局部 Moran's I"
                   "（列標準化權重）找出高-高熱點、低-低冷點與離群區域，Getis-Ord G_i*"
                   "（含自身的二元權重）找出熱點與冷點；虛擬 p 值來自 {} 次條件置換（種子 {}），"
                   "p ≤ {} 為顯著。完整結果見 hotspots.csv。",
                   kMainClustersPerRegion, kIndustriesMapped, kTest.permutations, kTest.seed,
                   kTest.alpha)});
  auto render_notes = [&] {
    std::string s;
    for (const auto& n : notes) s += "<p class=\"note\">" + bilingual(n) + "</p>";
    return s;
  };
  const Text title{"Hot spots of the main clusters", "主要聚落的熱點"};
  if (join.matched.size() < 3) {
    notes.push_back({fmt::format("Only {} region code(s) match the boundaries: no maps. {}",
                                 join.matched.size(), join.describe()),
                     fmt::format("僅 {} 個區域代碼對應到邊界，無法繪製地圖。{}",
                                 join.matched.size(), join.describe())});
    report.add_section("hotspots", title, "<p>" + intro + "</p>" + render_notes());
    return;
  }

  // Queen contiguity of the matched regions, in the table's order.
  std::unordered_map<std::string, size_t> feature_of, row_of;
  for (size_t k = 0; k < layer.features.size(); ++k) feature_of[layer.features[k].id] = k;
  for (size_t r = 0; r < m.row_labels.size(); ++r) row_of[m.row_labels[r]] = r;
  const auto& ids = join.matched;
  std::vector<MultiPolygon> geoms;
  for (const auto& id : ids) geoms.push_back(layer.features[feature_of[id]].geometry);
  const SpatialWeights w = contiguity_weights(ids, geoms, Contiguity::Queen);
  if (const auto islands = w.islands(); !islands.empty()) {
    std::vector<std::string> names;
    for (int i : islands) names.push_back(ctx.region_name(ids[static_cast<size_t>(i)]));
    const std::string list = list_names(names, 20);
    notes.push_back(
        {fmt::format(
             "Regions without a contiguous neighbour (no local statistic, grey on the maps): {}.",
             list),
         fmt::format("沒有相鄰區域者（無局部統計量，地圖上為灰色）：{}。", list)});
  }

  const Eigen::MatrixXd lq = location_quotient(m.values);
  const auto industries = main_cluster_industries(ctx, lq);
  if (industries.empty()) {
    notes.push_back(
        {"No region has a candidate cluster: no maps.", "沒有任何區域有候選聚落，無法繪製地圖。"});
    report.add_section("hotspots", title, "<p>" + intro + "</p>" + render_notes());
    return;
  }

  HotspotRows rows;
  Table summary;
  std::vector<std::string> s_industry, s_hh, s_hot;
  std::vector<double> s_regions, s_hh_n, s_ll_n, s_out_n, s_hot_n, s_cold_n;
  std::string maps;
  const auto legend = bilingual_legend();
  for (const auto& [col, in_top] : industries) {
    const std::string& code = m.col_labels[static_cast<size_t>(col)];
    const std::string name = ctx.industry_name(code);
    const std::string label = name == code ? code : code + " " + name;
    // The regions with an LQ of this industry; the others leave the weights.
    std::vector<int> keep;
    std::vector<std::string> kept_ids, kept_names;
    std::vector<double> values;
    for (size_t k = 0; k < ids.size(); ++k) {
      const double q = lq(static_cast<Eigen::Index>(row_of[ids[k]]), col);
      if (std::isnan(q)) continue;
      keep.push_back(static_cast<int>(k));
      kept_ids.push_back(ids[k]);
      kept_names.push_back(ctx.region_name(ids[k]));
      values.push_back(q);
    }
    const Eigen::VectorXd y =
        Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
    HotspotResult hs;
    try {
      hs = hotspot_analysis(y, keep.size() == ids.size() ? w : subset_weights(w, keep), kTest);
    } catch (const Error& e) {
      notes.push_back({fmt::format("{}: no map ({}).", label, e.message()),
                       fmt::format("{}：無法繪製地圖（{}）。", label, e.message())});
      continue;
    }
    std::vector<std::string> hh;
    int count_hh = 0, count_ll = 0, count_out = 0, count_hot = 0, count_cold = 0;
    for (size_t k = 0; k < kept_ids.size(); ++k) {
      const auto e = static_cast<Eigen::Index>(k);
      rows.industry.push_back(code);
      rows.industry_name.push_back(name);
      rows.region.push_back(kept_ids[k]);
      rows.region_name.push_back(kept_names[k]);
      rows.lq.push_back(y(e));
      rows.Ii.push_back(hs.moran.Is(e));
      rows.quadrant.push_back(hs.quadrant[k]);
      rows.p_sim.push_back(hs.moran_p[k]);
      rows.gi_star_z.push_back(hs.gstar.z(e));
      rows.gi_star_p_sim.push_back(hs.gstar_p[k]);
      rows.cluster.push_back(hs.cluster[k]);
      rows.hotspot.push_back(hs.hotspot[k]);
      const std::string& c = hs.cluster[k];
      if (c == "HH") ++count_hh, hh.push_back(kept_names[k]);
      count_ll += c == "LL";
      count_out += c == "HL" || c == "LH";
      count_hot += hs.hotspot[k] == "hot";
      count_cold += hs.hotspot[k] == "cold";
    }
    s_industry.push_back(label);
    s_regions.push_back(in_top);
    s_hh_n.push_back(count_hh);
    s_ll_n.push_back(count_ll);
    s_out_n.push_back(count_out);
    s_hot_n.push_back(count_hot);
    s_cold_n.push_back(count_cold);
    s_hh.push_back(hh.empty() ? "-" : list_names(hh, 6));

    const auto regions = hotspot_map_regions(layer.features, kept_ids, y, "lq", hs, kept_names);
    maps += "<figure style=\"margin:0\"><figcaption><b>" + escape(label) + "</b><br>" +
            bilingual({fmt::format("a main cluster of {} regions; High-High: {}", in_top,
                                   hh.empty() ? "none" : list_names(hh, 6)),
                       fmt::format("為 {} 個區域的主要聚落；高-高：{}", in_top,
                                   hh.empty() ? "無" : list_names(hh, 6))}) +
            "</figcaption>" +
            choropleth_svg(regions, layer.geographic, legend,
                           {.width = 560, .max_height = 520, .font_size = 12}) +
            "</figure>\n";
  }
  if (!rows.industry.empty()) {
    Table t;
    t.add_text("industry", rows.industry).add_text("industry_name", rows.industry_name);
    t.add_text("region", rows.region).add_text("region_name", rows.region_name);
    t.add_number("lq", rows.lq).add_number("Ii", rows.Ii).add_text("quadrant", rows.quadrant);
    t.add_number("p_sim", rows.p_sim).add_number("gi_star_z", rows.gi_star_z);
    t.add_number("gi_star_p_sim", rows.gi_star_p_sim).add_text("cluster", rows.cluster);
    t.add_text("hotspot", rows.hotspot);
    ctx.write("hotspots", t);
  }
  summary.add_text("industry", s_industry).add_number("regions", s_regions);
  summary.add_number("hh", s_hh_n).add_number("ll", s_ll_n).add_number("outliers", s_out_n);
  summary.add_number("hot", s_hot_n).add_number("cold", s_cold_n).add_text("hh_regions", s_hh);
  std::string body = "<p>" + intro + "</p>" + render_notes();
  body += html_table(summary, {.digits = 4,
                               .headers = {{"Industry", "產業"},
                                           {"Main cluster of (regions)", "為其主要聚落的區域數"},
                                           {"High-High", "高-高"},
                                           {"Low-Low", "低-低"},
                                           {"Outliers", "離群"},
                                           {"G_i* hot", "G_i* 熱點"},
                                           {"G_i* cold", "G_i* 冷點"},
                                           {"High-High regions", "高-高區域"}}});
  body +=
      "<div style=\"display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));"
      "gap:16px;margin-top:12px\">\n" +
      maps + "</div>\n";
  report.add_section("hotspots", title, body);
}

const ProfileSectionRegistrar registrar({"spatial hot spots", 60, hotspots_section});

}  // namespace

}  // namespace agglo::report
