// Unit tests of the composite index's HTML report: the radar chart (well-formed SVG, NA values,
// fixed scales) and `agglo index --html` (file written, units, tiers, focus, errors).
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/test_helpers.hpp"
#include "registry/registry.hpp"
#include "report/svg.hpp"

namespace agglo {
namespace {

// True when every tag of `svg` is closed in order (a small well-formedness check of the SVG
// subset the charts write: elements, attributes in quotes, text, no comments).
bool well_formed(const std::string& svg, std::string* why) {
  std::vector<std::string> open;
  const std::regex tag(R"(<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"<]*")*)\s*(/?)>)");
  size_t at = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tag); it != std::sregex_iterator();
       ++it) {
    const auto& m = *it;
    const std::string between = svg.substr(at, static_cast<size_t>(m.position()) - at);
    if (between.find('<') != std::string::npos || between.find('>') != std::string::npos) {
      *why = "stray bracket near: " + between.substr(0, 60);
      return false;
    }
    at = static_cast<size_t>(m.position() + m.length());
    if (m[1] == "/") {
      if (open.empty() || open.back() != m[2]) {
        *why = "unexpected </" + m[2].str() + ">";
        return false;
      }
      open.pop_back();
    } else if (m[4] != "/") {
      open.push_back(m[2]);
    }
  }
  if (svg.substr(at).find_first_of("<>") != std::string::npos) {
    *why = "stray bracket at the end";
    return false;
  }
  if (!open.empty()) *why = "unclosed <" + open.back() + ">";
  return open.empty() && svg.rfind("<svg", 0) == 0;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST(SvgRadar, IsWellFormedWithOnePolygonPerCompleteSeries) {
  const std::string svg =
      report::svg_radar({"Strategy", "Agility", "Resources & <staff>"},
                        {{"Hualien", {2.7, 3.3, 3.8}}, {"Median", {3, 3.2, 3.1}}}, "Profile");
  std::string why;
  EXPECT_TRUE(well_formed(svg, &why)) << why;
  EXPECT_NE(svg.find("Resources &amp; &lt;staff&gt;"), std::string::npos);  // escaped
  EXPECT_EQ(count(svg, "fill-opacity=\"0.12\""), 2u);                       // two series areas
  EXPECT_EQ(count(svg, "<circle"), 6u);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
}

TEST(SvgRadar, NaValuesLeaveAGapAndAreNamedOnTheAxis) {
  const std::string svg = report::svg_radar(
      {"a", "b", "c", "d"}, {{"unit", {1, NAN, 3, 4}}, {"none", {NAN, NAN, NAN, NAN}}});
  std::string why;
  EXPECT_TRUE(well_formed(svg, &why)) << why;
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("inf"), std::string::npos);
  EXPECT_EQ(count(svg, "fill-opacity=\"0.12\""), 0u);  // no closed area for incomplete series
  EXPECT_EQ(count(svg, "<circle"), 3u);                // a vertex per value that exists
  EXPECT_NE(svg.find("b (NA: unit, none)"), std::string::npos);
  EXPECT_NE(svg.find("a (NA: none)"), std::string::npos);
  // Only the c-d and d-a segments of "unit" exist.
  EXPECT_EQ(count(svg, "<path d=\"M"), 1u);
  const size_t path = svg.find("<path d=\"M");
  EXPECT_EQ(count(svg.substr(path, svg.find('"', path + 9) - path), "M"), 2u);
}

TEST(SvgRadar, EdgeCasesDrawWithoutNumbersThatDoNotExist) {
  std::string why;
  for (const auto& svg : {report::svg_radar({}, {}), report::svg_radar({"only"}, {{"s", {5}}}),
                          report::svg_radar({"a", "b", "c"}, {{"flat", {0, 0, 0}}}),
                          report::svg_radar({"a", "b", "c"}, {{"short", {1}}})}) {
    EXPECT_TRUE(well_formed(svg, &why)) << why << "\n" << svg;
    EXPECT_EQ(svg.find("nan"), std::string::npos);
    EXPECT_EQ(svg.find("inf"), std::string::npos);
  }
}

TEST(SvgRadar, AGivenScaleLabelsItsRings) {
  const std::string svg =
      report::svg_radar({"a", "b", "c"}, {{"s", {2, 3, 4}}}, "", {.min = 1, .max = 5});
  for (const char* ring : {">2<", ">3<", ">4<", ">5<"})
    EXPECT_NE(svg.find(ring), std::string::npos) << ring;
  EXPECT_EQ(svg.find(">6<"), std::string::npos);
}

// Six units, three pillars of two indicators, one index.
std::map<std::string, InputSource> index_inputs(bool two_roots = false) {
  const std::string data =
      "unit,a,b,c,d,e,f\n"
      "U1,1,10,5,7,3,9\nU2,2,12,4,6,8,1\nU3,3,9,9,2,5,5\n"
      "U4,4,15,1,8,2,7\nU5,5,11,6,3,9,4\nU6,6,8,2,5,6,2\n";
  std::string fw =
      "code,parent,level,weight,direction,name_en,name_zh\n"
      "a,P1,1,1,1,,\nb,P1,1,1,1,,\nc,P2,1,1,1,,\nd,P2,1,1,-1,,\ne,P3,1,1,1,,\nf,P3,1,1,1,,\n"
      "P1,Index,2,1,1,Talent,人才\nP2,Index,2,1,1,Markets,市場\n";
  fw += two_roots ? "P3,NA,2,1,1,Space,空間\nIndex,NA,3,1,1,Test index,測試指數\n"
                  : "P3,Index,2,1,1,Space,空間\nIndex,NA,3,1,1,Test index,測試指數\n";
  const std::string units =
      "unit,name,group\nU1,Alpha City,N\nU2,Beta County,N\nU3,Gamma,S\nU4,Delta,S\nU5,Epsilon,"
      "E\nU6,Zeta,E\n";
  return {
      {"table", {test::temp_file("report_data.csv", data), "", ""}},
      {"hierarchy", {test::temp_file(two_roots ? "report_fw2.csv" : "report_fw.csv", fw), "", ""}},
      {"units", {test::temp_file("report_units.csv", units), "", ""}}};
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

Results run_index(const nlohmann::json& params, bool two_roots = false) {
  const MeasureSpec* spec = Registry::instance().find("composite_index");
  EXPECT_NE(spec, nullptr);
  Invocation inv(*spec, params, {}, index_inputs(two_roots));
  return spec->kernel(inv);
}

TEST(CompositeIndexHtml, WritesTheReportWithEveryUnitAndTier) {
  const std::string path = test::temp_file("index_report.html", "");
  std::filesystem::remove(path);
  const Results res = run_index({{"html", path}, {"tiers", 3}, {"sensitivity_runs", 20}});
  ASSERT_TRUE(std::filesystem::exists(path));
  const std::string html = read_file(path);
  for (const char* name : {"Alpha City", "Beta County", "Gamma", "Delta", "Epsilon", "Zeta"})
    EXPECT_NE(html.find(name), std::string::npos) << name;
  for (const char* text :
       {"Test index", "測試指數", "Talent", "人才", "Rank sensitivity", "Pillar scores of", "<svg"})
    EXPECT_NE(html.find(text), std::string::npos) << text;
  // The tier legend names the tiers in both languages; every table row has a tier.
  EXPECT_NE(html.find(">tier 3<"), std::string::npos);
  EXPECT_NE(html.find(">第3級<"), std::string::npos);
  EXPECT_EQ(html.find("nan"), std::string::npos);
  // The default focus is the top-ranked unit.
  const Table* tiers = res.find("tiers");
  ASSERT_NE(tiers, nullptr);
  ASSERT_NE(res.find("sensitivity"), nullptr);
  std::string top;
  const Table* scores = res.find("scores");
  for (size_t r = 0; r < scores->rows(); ++r)
    if (scores->column("code").text[r] == "Index" && scores->column("rank").number[r] == 1)
      top = scores->column("unit").text[r];
  const std::map<std::string, std::string> names = {{"U1", "Alpha City"}, {"U2", "Beta County"},
                                                    {"U3", "Gamma"},      {"U4", "Delta"},
                                                    {"U5", "Epsilon"},    {"U6", "Zeta"}};
  EXPECT_NE(html.find("Pillar scores of " + names.at(top)), std::string::npos);
}

TEST(CompositeIndexHtml, FocusAndNoSensitivity) {
  const std::string path = test::temp_file("index_report_focus.html", "");
  run_index({{"html", path}, {"tiers", 3}, {"sensitivity_runs", 0}, {"focus", "U4"}});
  const std::string html = read_file(path);
  EXPECT_NE(html.find("Pillar scores of Delta"), std::string::npos);
  EXPECT_NE(html.find("--sensitivity-runs 0"), std::string::npos);
}

TEST(CompositeIndexHtml, UnknownFocusAndSeveralTopCodesAreUsageErrors) {
  const std::string path = test::temp_file("index_report_err.html", "");
  EXPECT_THROW(run_index({{"html", path}, {"tiers", 3}, {"focus", "U9"}}), UsageError);
  EXPECT_THROW(run_index({{"html", path}, {"tiers", 3}}, true), UsageError);
  // Without --html several top codes are only a warning.
  EXPECT_NO_THROW(run_index({{"tiers", 3}}, true));
}

TEST(CompositeIndexHtml, AnUnwritablePathIsAnError) {
  EXPECT_THROW(run_index({{"html", "/nonexistent-dir/x/report.html"}, {"tiers", 3}}), Error);
}

}  // namespace
}  // namespace agglo
