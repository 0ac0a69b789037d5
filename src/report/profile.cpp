#include "report/profile.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/concentration/location_quotient.hpp"
#include "io/writers.hpp"
#include "report/profile_sections.hpp"
#include "report/svg.hpp"

namespace agglo::report {

namespace fs = std::filesystem;

std::string ProfileContext::region_name(const std::string& code, const std::string& lang) const {
  return options.regions && options.regions->contains(code)
             ? options.regions->display_name(code, lang)
             : code;
}

std::string ProfileContext::industry_name(const std::string& code, const std::string& lang) const {
  return options.industries && options.industries->contains(code)
             ? options.industries->display_name(code, lang)
             : code;
}

void ProfileContext::write(const std::string& name, const Table& t) const {
  write_csv_file(t, (fs::path(out_dir) / (name + ".csv")).string());
  files.push_back(name + ".csv");
}

namespace {

Panel::Id choose_period(const Panel& panel, const std::string& wanted) {
  if (wanted.empty()) return panel.sorted_periods().back();
  if (auto id = panel.find_period(wanted)) return *id;
  throw UsageError("period " + wanted + " is not in the data");
}

// Indices of the `limit` largest entries of v (all when fewer), in their original order.
std::vector<Eigen::Index> largest(const Eigen::VectorXd& v, size_t limit) {
  std::vector<Eigen::Index> idx(static_cast<size_t>(v.size()));
  std::iota(idx.begin(), idx.end(), 0);
  if (idx.size() <= limit) return idx;
  std::partial_sort(idx.begin(), idx.begin() + static_cast<long>(limit), idx.end(),
                    [&](auto a, auto b) { return v(a) > v(b); });
  idx.resize(limit);
  std::sort(idx.begin(), idx.end());
  return idx;
}

}  // namespace

void add_overview_section(const ProfileContext& ctx, HtmlReport& report) {
  const auto& m = ctx.matrix;
  const Eigen::VectorXd rt = row_sums_skip_na(m.values);
  const size_t na = static_cast<size_t>(m.values.array().isNaN().count());
  std::string body = "<ul>";
  body +=
      "<li>" +
      bilingual({fmt::format("{} regions, {} industries, {} period(s)", ctx.panel.regions.size(),
                             ctx.panel.industries.size(), ctx.panel.periods.size()),
                 fmt::format("{} 個區域、{} 個產業、{} 個期間", ctx.panel.regions.size(),
                             ctx.panel.industries.size(), ctx.panel.periods.size())}) +
      "</li>";
  const std::string per = ctx.panel.periods.name(ctx.period_id);
  body +=
      "<li>" +
      bilingual({fmt::format("Cluster tables for period {}; total {:.0f}", per.empty() ? "-" : per,
                             rt.sum()),
                 fmt::format("聚落表格期間：{}；總量 {:.0f}", per.empty() ? "-" : per, rt.sum())}) +
      "</li>";
  if (na)
    body += "<li>" +
            bilingual(
                {fmt::format("{} suppressed or missing cells (NA) are left out of the totals", na),
                 fmt::format("{} 個遮蔽或缺漏的儲存格（NA）不計入總量", na)}) +
            "</li>";
  body +=
      "<li>" +
      bilingual({fmt::format(
                     "Candidate cluster: LQ ≥ {}, region's share of the industry ≥ {}%, value ≥ {}",
                     ctx.options.lq_threshold, 100 * ctx.options.min_share, ctx.options.min_value),
                 fmt::format("候選產業聚落：區位商數 ≥ {}、占全國該產業比重 ≥ {}%、數值 ≥ {}",
                             ctx.options.lq_threshold, 100 * ctx.options.min_share,
                             ctx.options.min_value)}) +
      "</li>";
  body += "</ul>";
  report.add_section("overview", {"Overview", "概覽"}, body);
}

void add_cluster_sections(const ProfileContext& ctx, HtmlReport& report) {
  const auto& m = ctx.matrix;
  const Eigen::MatrixXd lq = location_quotient(m.values);
  ctx.write("lq", [&] {
    Table t;
    std::vector<std::string> r, i;
    std::vector<double> v, q;
    for (Eigen::Index a = 0; a < m.rows(); ++a)
      for (Eigen::Index b = 0; b < m.cols(); ++b) {
        r.push_back(m.row_labels[a]);
        i.push_back(m.col_labels[b]);
        v.push_back(m.values(a, b));
        q.push_back(lq(a, b));
      }
    t.add_text("region", r).add_text("industry", i).add_number("value", v).add_number("lq", q);
    return t;
  }());

  // Candidate clusters.
  const Eigen::VectorXd industry_total = col_sums_skip_na(m.values);
  struct Candidate {
    Eigen::Index r, i;
    double value, lq, share;
  };
  std::vector<Candidate> all;
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    std::vector<Candidate> mine;
    for (Eigen::Index i = 0; i < m.cols(); ++i) {
      const double v = m.values(r, i), q = lq(r, i);
      if (std::isnan(v) || std::isnan(q) || industry_total(i) <= 0) continue;
      const double share = v / industry_total(i);
      if (q >= ctx.options.lq_threshold && share >= ctx.options.min_share &&
          v >= ctx.options.min_value)
        mine.push_back({r, i, v, q, share});
    }
    std::sort(mine.begin(), mine.end(), [](auto& a, auto& b) { return a.lq > b.lq; });
    all.insert(all.end(), mine.begin(), mine.end());
  }
  Table clusters;
  {
    std::vector<std::string> rc, rn, ic, in;
    std::vector<double> val, q, sh, rank;
    Eigen::Index last = -1;
    double k = 0;
    for (const auto& c : all) {
      k = c.r == last ? k + 1 : 1;
      last = c.r;
      rc.push_back(m.row_labels[c.r]);
      rn.push_back(ctx.region_name(m.row_labels[c.r]));
      ic.push_back(m.col_labels[c.i]);
      in.push_back(ctx.industry_name(m.col_labels[c.i]));
      val.push_back(c.value);
      q.push_back(c.lq);
      sh.push_back(c.share);
      rank.push_back(k);
    }
    clusters.add_text("region", rc)
        .add_text("region_name", rn)
        .add_text("industry", ic)
        .add_text("industry_name", in);
    clusters.add_number("rank_in_region", rank)
        .add_number("value", val)
        .add_number("lq", q)
        .add_number("share_of_industry", sh);
  }
  ctx.write("clusters", clusters);

  // The report shows each region's strongest clusters.
  Table top;
  {
    std::vector<std::string> rn, in;
    std::vector<double> val, q, sh;
    const auto& rank = clusters.column("rank_in_region").number;
    for (size_t k = 0; k < clusters.rows(); ++k) {
      if (rank[k] > static_cast<double>(ctx.options.clusters_per_region)) continue;
      rn.push_back(clusters.column("region_name").text[k]);
      in.push_back(clusters.column("industry_name").text[k]);
      val.push_back(clusters.column("value").number[k]);
      q.push_back(clusters.column("lq").number[k]);
      sh.push_back(100 * clusters.column("share_of_industry").number[k]);
    }
    top.add_text("region", rn)
        .add_text("industry", in)
        .add_number("value", val)
        .add_number("lq", q)
        .add_number("share_pct", sh);
  }
  std::string body =
      "<p>" +
      bilingual({fmt::format("{} candidate clusters in {} regions (all in clusters.csv).",
                             clusters.rows(), m.rows()),
                 fmt::format("{} 個區域共 {} 個候選聚落（完整清單見 clusters.csv）。", m.rows(),
                             clusters.rows())}) +
      "</p>";
  body += html_table(top, {.max_rows = 400,
                           .digits = 4,
                           .headers = {{"Region", "區域"},
                                       {"Industry", "產業"},
                                       {"Value", "數值"},
                                       {"LQ", "區位商數"},
                                       {"Share of industry %", "占全國產業 %"}}});
  report.add_section("clusters", {"Candidate clusters", "候選產業聚落"}, body);

  // Heat map of LQs (the largest regions and industries when the matrix is big).
  const auto rows = largest(row_sums_skip_na(m.values), 70);
  const auto cols = largest(industry_total, 90);
  Eigen::MatrixXd sub(static_cast<Eigen::Index>(rows.size()),
                      static_cast<Eigen::Index>(cols.size()));
  std::vector<std::string> rl, cl;
  for (size_t a = 0; a < rows.size(); ++a) rl.push_back(ctx.region_name(m.row_labels[rows[a]]));
  for (size_t b = 0; b < cols.size(); ++b) cl.push_back(ctx.industry_name(m.col_labels[cols[b]]));
  for (size_t a = 0; a < rows.size(); ++a)
    for (size_t b = 0; b < cols.size(); ++b)
      sub(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) = lq(rows[a], cols[b]);
  std::string heat =
      "<p>" +
      bilingual({"Location quotients: red = more concentrated than the nation (LQ > 1), blue = "
                 "less; grey = NA.",
                 "區位商數：紅色表示比全國更集中（LQ > 1），藍色表示較不集中；灰色為缺值。"}) +
      "</p>";
  if (rows.size() < static_cast<size_t>(m.rows()) || cols.size() < static_cast<size_t>(m.cols()))
    heat +=
        "<p class=\"note\">" +
        bilingual({fmt::format("Showing the {} largest regions and {} largest industries.",
                               rows.size(), cols.size()),
                   fmt::format("僅顯示最大的 {} 個區域與 {} 個產業。", rows.size(), cols.size())}) +
        "</p>";
  heat += svg_heatmap(rl, cl, sub, {.title = "LQ"});
  report.add_section("heatmap", {"Location quotient heat map", "區位商數熱度圖"}, heat);
}

std::string write_profile(const Panel& panel, const ProfileOptions& options,
                          const std::string& out_dir) {
  fs::create_directories(out_dir);
  auto log = [&](const std::string& s) {
    if (options.log) options.log(s);
  };
  const Panel::Id period = choose_period(panel, options.period);
  ProfileContext ctx{panel, options, out_dir, period, panel.matrix(period), {}};
  HtmlReport report({"Regional industrial cluster profile", "區域產業聚落剖析"},
                    {options.source, options.source});
  log("location quotients and clusters");
  add_overview_section(ctx, report);
  add_cluster_sections(ctx, report);
  for (const auto& section : profile_sections()) {
    log(section.name);
    section.build(ctx, report);
  }
  const std::string index = (fs::path(out_dir) / "index.html").string();
  std::ofstream f(index, std::ios::binary);
  if (!f) throw Error(SourcePos{index, 0, 0}, "cannot write file");
  f << report.render();
  return index;
}

}  // namespace agglo::report
