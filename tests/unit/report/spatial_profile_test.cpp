// The hot-spot section of `agglo profile --geo`: write_profile on a 3 x 3 grid of squares
// (hand-made GeoJSON) and a region without a boundary, then hotspots.csv and index.html.
// Local Moran is recomputed here by hand (row-standardised queen weights of the grid).
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/panel.hpp"
#include "io/text_table.hpp"
#include "report/profile.hpp"
#include "report/profile_sections.hpp"

namespace {

namespace fs = std::filesystem;
using agglo::Panel;
using agglo::TextTable;

bool hotspot_section_built() {
  for (const auto& s : agglo::report::profile_sections())
    if (s.name == "spatial hot spots") return true;
  return false;
}

std::string fresh_dir(const std::string& name) {
  const auto dir = fs::temp_directory_path() / "agglo_tests" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

// Unit squares r1..r9, row by row: r1 r2 r3 / r4 r5 r6 / r7 r8 r9 (shared vertices).
std::string grid_geojson(const std::string& dir) {
  std::string s = "{\"type\":\"FeatureCollection\",\"features\":[";
  for (int k = 0; k < 9; ++k) {
    const int c = k % 3, r = 2 - k / 3;
    s += fmt::format(
        "{}{{\"type\":\"Feature\",\"properties\":{{\"code\":\"r{}\"}},\"geometry\":"
        "{{\"type\":\"Polygon\",\"coordinates\":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}}",
        k ? "," : "", k + 1, c, r, c + 1, r, c + 1, r + 1, c, r + 1, c, r);
  }
  s += "]}";
  const std::string path = dir + "/grid.geojson";
  std::ofstream(path) << s;
  return path;
}

// Industry a is strong in the top-left corner; every region has 100 in all; "zz" has no
// boundary.
const double kA[10] = {60, 50, 10, 50, 30, 10, 10, 10, 10, 20};

Panel grid_panel() {
  Panel p;
  p.source = "test";
  int64_t line = 2;
  for (int k = 0; k < 10; ++k) {
    const std::string region = k < 9 ? fmt::format("r{}", k + 1) : std::string("zz");
    const auto r = p.regions.intern(region);
    p.push(r, p.industries.intern("a"), p.periods.intern(""), kA[k], line++);
    p.push(r, p.industries.intern("b"), p.periods.intern(""), 100 - kA[k], line++);
  }
  return p;
}

std::string read_all(const std::string& path) {
  std::ifstream f(path);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

TEST(ProfileHotspots, LocalMoranOfTheLqOnTheGrid) {
  if (!hotspot_section_built()) GTEST_SKIP() << "spatial section not built";
  const std::string dir = fresh_dir("profile_hotspots");
  agglo::report::ProfileOptions opt;
  opt.min_value = 0;
  opt.geo_path = grid_geojson(dir);
  opt.geo_id = "code";
  agglo::report::write_profile(grid_panel(), opt, dir + "/out");
  const TextTable t = agglo::read_text_table(dir + "/out/hotspots.csv");

  // LQ of a: (a_r / 100) / (national a / 1000); national a = 260.
  double total_a = 0;
  for (double v : kA) total_a += v;
  std::vector<double> lq(9), z(9);
  double mean = 0;
  for (int k = 0; k < 9; ++k) mean += lq[k] = (kA[k] / 100) / (total_a / 1000);
  mean /= 9;
  double m2 = 0;
  for (int k = 0; k < 9; ++k) m2 += (lq[k] - mean) * (lq[k] - mean);
  for (int k = 0; k < 9; ++k) z[k] = (lq[k] - mean) / std::sqrt(m2 / 9);
  double sum_z2 = 0;
  for (double v : z) sum_z2 += v * v;

  size_t rows_a = 0;
  const std::set<std::string> clusters = {"HH", "LL", "LH", "HL", "ns"};
  for (size_t row = 0; row < t.rows(); ++row) {
    EXPECT_NE(t.text(row, t.column("region")), "zz");  // no boundary: left out
    EXPECT_TRUE(clusters.count(t.text(row, t.column("cluster"))));
    if (t.text(row, t.column("industry")) != "a") continue;
    ++rows_a;
    const int k = std::stoi(t.text(row, t.column("region")).substr(1)) - 1;
    const int rk = k / 3, ck = k % 3;
    double lag = 0;
    int neighbours = 0;
    for (int j = 0; j < 9; ++j)
      if (j != k && std::abs(j / 3 - rk) <= 1 && std::abs(j % 3 - ck) <= 1)
        lag += z[j], ++neighbours;
    lag /= neighbours;
    EXPECT_NEAR(t.number(row, t.column("lq")), lq[k], 1e-12);
    EXPECT_NEAR(t.number(row, t.column("Ii")), 8 * z[k] * lag / sum_z2, 1e-12);
    const std::string quadrant = z[k] > 0 ? (lag > 0 ? "HH" : "HL") : (lag > 0 ? "LH" : "LL");
    EXPECT_EQ(t.text(row, t.column("quadrant")), quadrant);
    const double p = t.number(row, t.column("p_sim"));
    EXPECT_GT(p, 0);
    EXPECT_LE(p, 0.5 + 1e-12);  // folded pseudo p-value
  }
  EXPECT_EQ(rows_a, 9u);

  const std::string html = read_all(dir + "/out/index.html");
  EXPECT_NE(html.find("id=\"hotspots\""), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("without a boundary (left out): zz"), std::string::npos);
  EXPECT_NE(html.find("High-High (hot spot)"), std::string::npos);  // legend
}

TEST(ProfileHotspots, NoSectionWithoutBoundaries) {
  if (!hotspot_section_built()) GTEST_SKIP() << "spatial section not built";
  const std::string dir = fresh_dir("profile_no_geo");
  agglo::report::ProfileOptions opt;
  opt.min_value = 0;
  agglo::report::write_profile(grid_panel(), opt, dir);
  EXPECT_FALSE(fs::exists(dir + "/hotspots.csv"));
  EXPECT_EQ(read_all(dir + "/index.html").find("id=\"hotspots\""), std::string::npos);
}

TEST(ProfileHotspots, UnknownIdFieldIsAnError) {
  if (!hotspot_section_built()) GTEST_SKIP() << "spatial section not built";
  const std::string dir = fresh_dir("profile_bad_geo_id");
  agglo::report::ProfileOptions opt;
  opt.geo_path = grid_geojson(dir);
  opt.geo_id = "fips";
  EXPECT_THROW(agglo::report::write_profile(grid_panel(), opt, dir + "/out"), agglo::Error);
}

TEST(ProfileHotspots, NoMatchingCodesGiveANoteNotACrash) {
  if (!hotspot_section_built()) GTEST_SKIP() << "spatial section not built";
  const std::string dir = fresh_dir("profile_geo_nomatch");
  Panel p;
  p.source = "test";
  for (const char* r : {"x1", "x2", "x3"}) {
    p.push(p.regions.intern(r), p.industries.intern("a"), p.periods.intern(""), 10, 2);
    p.push(p.regions.intern(r), p.industries.intern("b"), p.periods.intern(""), 5, 3);
  }
  agglo::report::ProfileOptions opt;
  opt.geo_path = grid_geojson(dir);
  opt.geo_id = "code";
  agglo::report::write_profile(p, opt, dir + "/out");
  EXPECT_FALSE(fs::exists(dir + "/out/hotspots.csv"));
  EXPECT_NE(read_all(dir + "/out/index.html").find("Only 0 region code(s) match"),
            std::string::npos);
}

}  // namespace
