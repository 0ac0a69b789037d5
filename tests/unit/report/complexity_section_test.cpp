// The recommendations section of `agglo profile` and the network chart it draws: write_profile
// on a small panel, then recommendations.csv against hand reasoning (RCA, strengths) and against
// the complexity family's own `recommend` measure (run through the registry, so that this file
// links whichever families are built).
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "core/panel.hpp"
#include "io/text_table.hpp"
#include "registry/registry.hpp"
#include "report/profile.hpp"
#include "report/profile_sections.hpp"
#include "report/svg.hpp"

namespace {

using agglo::Panel;
using agglo::TextTable;
namespace fs = std::filesystem;

bool section_built(const std::string& prefix) {
  for (const auto& s : agglo::report::profile_sections())
    if (s.name.rfind(prefix, 0) == 0) return true;
  return false;
}

std::string fresh_dir(const std::string& name) {
  const auto dir = fs::temp_directory_path() / "agglo_tests" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

const char* kRegions[] = {"r1", "r2", "r3", "r4", "r5", "r6"};
const char* kIndustries[] = {"a", "b", "c", "d", "e"};
// Six regions x five industries with a nested, diagonal-ish structure.
const double kValues[6][5] = {{50, 30, 5, 1, 2},   {40, 35, 20, 3, 1}, {10, 30, 40, 20, 5},
                              {5, 10, 30, 40, 30}, {2, 5, 10, 50, 60}, {30, 5, 2, 10, 40}};

Panel sample_panel(double na_cell = 0) {
  Panel p;
  p.source = "test";
  for (int r = 0; r < 6; ++r)
    for (int i = 0; i < 5; ++i)
      p.push(p.regions.intern(kRegions[r]), p.industries.intern(kIndustries[i]),
             p.periods.intern(""), na_cell != 0 && r == 0 && i == 4 ? NAN : kValues[r][i],
             2 + 5 * r + i);
  return p;
}

// The same table as a long CSV for the registry's `recommend` measure.
std::string sample_csv() {
  const std::string path = fresh_dir("profile_recs_input") + "/table.csv";
  std::ofstream f(path, std::ios::binary);
  f << "region,industry,value\n";
  for (int r = 0; r < 6; ++r)
    for (int i = 0; i < 5; ++i)
      f << kRegions[r] << ',' << kIndustries[i] << ',' << kValues[r][i] << '\n';
  return path;
}

// RCA_cp = (x_cp / x_c) / (x_p / x), by hand.
double rca(int r, int i) {
  double row = 0, col = 0, all = 0;
  for (int a = 0; a < 6; ++a)
    for (int b = 0; b < 5; ++b) {
      all += kValues[a][b];
      if (a == r) row += kValues[a][b];
      if (b == i) col += kValues[a][b];
    }
  return (kValues[r][i] / row) / (col / all);
}

int index_of(const char* const* names, int n, const std::string& s) {
  for (int k = 0; k < n; ++k)
    if (s == names[k]) return k;
  ADD_FAILURE() << "unknown label " << s;
  return 0;
}

TEST(ProfileRecommendations, CsvMatchesTheFamilyAndHandReasoning) {
  if (!section_built("recommendations")) GTEST_SKIP() << "complexity section not built";
  const std::string out = fresh_dir("profile_recs");
  agglo::report::ProfileOptions opt;
  opt.recommendations_per_region = 2;
  agglo::report::write_profile(sample_panel(), opt, out);
  const TextTable t = agglo::read_text_table(out + "/recommendations.csv");
  ASSERT_GT(t.rows(), 0u);

  // The family's own result on the same table, with the profile's settings.
  const agglo::MeasureSpec* spec = agglo::Registry::instance().find("recommend");
  ASSERT_NE(spec, nullptr);
  const agglo::Invocation inv(*spec, nlohmann::json{{"top", 2}}, {},
                              {{"table", {sample_csv(), "", ""}}});
  const agglo::Results res = spec->kernel(inv);
  const agglo::Table& fam = *res.find("recommendations");
  ASSERT_EQ(t.rows(), fam.rows());
  for (size_t k = 0; k < t.rows(); ++k) {
    EXPECT_EQ(t.text(k, t.column("region")), fam.column("region").text[k]);
    EXPECT_EQ(t.text(k, t.column("industry")), fam.column("industry").text[k]);
    EXPECT_EQ(t.text(k, t.column("related_strengths")), fam.column("related_strengths").text[k]);
    for (const char* c : {"rank", "score", "density", "pci", "cog", "rca"})
      EXPECT_DOUBLE_EQ(t.number(k, t.column(c)), fam.column(c).number[k]) << c;
  }

  // By hand: a recommendation is not yet a strength (RCA < 1), its value is the input cell,
  // at most two per region, and every related strength has RCA >= 1 in that region.
  std::map<std::string, int> per_region;
  for (size_t k = 0; k < t.rows(); ++k) {
    const int r = index_of(kRegions, 6, t.text(k, t.column("region")));
    const int i = index_of(kIndustries, 5, t.text(k, t.column("industry")));
    EXPECT_NEAR(t.number(k, t.column("rca")), rca(r, i), 1e-12);
    EXPECT_LT(rca(r, i), 1);
    EXPECT_EQ(t.number(k, t.column("value")), kValues[r][i]);
    EXPECT_LE(++per_region[kRegions[r]], 2);
    const std::string why = t.text(k, t.column("related_strengths"));
    for (int q = 0; q < 5; ++q) {
      if (why.find(std::string(kIndustries[q]) + " (") != std::string::npos) {
        EXPECT_GE(rca(r, q), 1) << kRegions[r] << " " << kIndustries[q];
      }
    }
  }

  // The report: the table and the industry space of the four largest regions (first open).
  const std::string html = read(out + "/index.html");
  EXPECT_NE(html.find("id=\"recommendations\""), std::string::npos);
  EXPECT_NE(html.find("id=\"industry-space\""), std::string::npos);
  EXPECT_EQ(count(html, "<details"), 4u);
  EXPECT_EQ(count(html, "<details open>"), 1u);
}

TEST(ProfileRecommendations, SameInputSamePicture) {
  if (!section_built("recommendations")) GTEST_SKIP() << "complexity section not built";
  const std::string a = fresh_dir("profile_recs_a"), b = fresh_dir("profile_recs_b");
  agglo::report::write_profile(sample_panel(), {}, a);
  agglo::report::write_profile(sample_panel(), {}, b);
  EXPECT_EQ(read(a + "/index.html"), read(b + "/index.html"));
}

TEST(ProfileRecommendations, NaCellIsNamedInTheReport) {
  if (!section_built("recommendations")) GTEST_SKIP() << "complexity section not built";
  const std::string out = fresh_dir("profile_recs_na");
  agglo::report::write_profile(sample_panel(1), {}, out);
  EXPECT_TRUE(fs::exists(out + "/recommendations.csv"));
  EXPECT_NE(read(out + "/index.html").find("count as 0 in the complexity measures"),
            std::string::npos);
}

TEST(ProfileRecommendations, SingleRegionGivesAReasonNotACrash) {
  if (!section_built("recommendations")) GTEST_SKIP() << "complexity section not built";
  // One region is specialised in everything (RCA = 1): nothing is left to recommend.
  Panel p;
  p.source = "test";
  p.push(p.regions.intern("only"), p.industries.intern("a"), p.periods.intern(""), 10, 2);
  p.push(p.regions.intern("only"), p.industries.intern("b"), p.periods.intern(""), 20, 3);
  const std::string out = fresh_dir("profile_recs_single");
  ASSERT_NO_THROW(agglo::report::write_profile(p, {}, out));
  EXPECT_FALSE(fs::exists(out + "/recommendations.csv"));
  EXPECT_NE(read(out + "/index.html").find("No recommendations: "), std::string::npos);
}

TEST(SvgNetwork, LayoutIsDeterministicAndInsideTheUnitSquare) {
  const std::vector<agglo::report::NetworkEdge> edges = {{0, 1, 1}, {1, 2, 0.5}, {2, 3, 0.2}};
  const auto p = agglo::report::force_directed_layout(4, edges, 200, 7);
  const auto q = agglo::report::force_directed_layout(4, edges, 200, 7);
  ASSERT_EQ(p.size(), 4u);
  for (size_t k = 0; k < 4; ++k) {
    EXPECT_EQ(p[k], q[k]);
    EXPECT_TRUE(std::isfinite(p[k].first) && std::isfinite(p[k].second));
  }
  // Linked nodes end closer than the two ends of the chain.
  auto dist = [&](size_t a, size_t b) {
    return std::hypot(p[a].first - p[b].first, p[a].second - p[b].second);
  };
  EXPECT_LT(dist(0, 1), dist(0, 3));
  EXPECT_TRUE(agglo::report::force_directed_layout(0, {}).empty());
  EXPECT_EQ(agglo::report::force_directed_layout(1, {}).size(), 1u);
}

TEST(SvgNetwork, DrawsEveryNodeAndEdgeAndEscapesLabels) {
  std::vector<agglo::report::NetworkNode> nodes(3);
  nodes[0].label = "A & B";
  nodes[0].emphasis = true;
  nodes[1].label = "<c>";
  nodes[2].label = "d";
  nodes[2].size = NAN;  // an unknown size draws a default-sized node
  const std::string svg = agglo::report::svg_network(nodes, {{0, 1, 1}, {1, 2, 0.5}, {0, 5, 1}},
                                                     {.group_names = {"one"}});
  EXPECT_EQ(count(svg, "<circle"), 4u);  // three nodes and the legend's dot
  EXPECT_EQ(count(svg, "<line"), 2u);    // the edge to a missing node is left out
  EXPECT_NE(svg.find("A &amp; B"), std::string::npos);
  EXPECT_NE(svg.find("&lt;c&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<c>"), std::string::npos);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
}

}  // namespace
