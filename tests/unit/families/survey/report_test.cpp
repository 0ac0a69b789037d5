// Unit tests of `agglo assess`: the instrument's labels in the outputs and the --html report
// (file written, units, scale names in both languages, alpha note, focus).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/test_helpers.hpp"
#include "registry/registry.hpp"

namespace agglo {
namespace {

// Three scales of two items; units A, B, C; item n2 has no Chinese text and runs against n1
// (a low alpha).
std::map<std::string, InputSource> assess_inputs() {
  const std::string keys =
      "scale,item,key,scale_name_en,scale_name_zh,text_en,text_zh\n"
      "s,s1,1,Strategy,策略能力,We plan.,我們規劃。\n"
      "s,s2,-1,Strategy,策略能力,We copy.,我們模仿。\n"
      "a,a1,1,Agility,應變能力,We adapt.,我們調整。\n"
      "a,a2,1,Agility,應變能力,We listen.,我們傾聽。\n"
      "n,n1,1,Networks,,We meet.,我們會面。\n"
      "n,n2,1,Networks,,We share.,\n";
  const std::string items =
      "respondent,county,s1,s2,a1,a2,n1,n2\n"
      "r1,A,4,2,3,4,2,4\nr2,A,5,1,4,4,3,2\nr3,B,2,4,2,3,4,1\n"
      "r4,B,3,3,3,2,5,3\nr5,C,1,5,5,5,1,5\nr6,C,2,5,4,5,2,2\nr7,C,3,3,,4,3,3\n";
  return {{"items", {test::temp_file("assess_items.csv", items), "", ""}},
          {"keys", {test::temp_file("assess_keys.csv", keys), "", ""}}};
}

Results run_assess(const nlohmann::json& params) {
  const MeasureSpec* spec = Registry::instance().find("capability_assessment");
  EXPECT_NE(spec, nullptr);
  Invocation inv(*spec, params, {{"unit", "county"}}, assess_inputs());
  return spec->kernel(inv);
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

TEST(CapabilityAssessment, OutputsNameTheScalesAndItemsInBothLanguages) {
  const Results res = run_assess({{"min_answered", 1}});
  for (const char* out : {"scale", "items", "respondent_scores", "unit_scores", "benchmark"}) {
    const Table* t = res.find(out);
    ASSERT_NE(t, nullptr) << out;
    EXPECT_NE(t->find("name_en"), nullptr) << out;
    EXPECT_NE(t->find("name_zh"), nullptr) << out;
  }
  const Table& scale = *res.find("scale");
  EXPECT_EQ(scale.column("name_en").text[0], "Strategy");
  EXPECT_EQ(scale.column("name_zh").text[0], "策略能力");
  EXPECT_EQ(scale.column("name_zh").text[2], "Networks");  // no Chinese name: the English one
  const Table& items = *res.find("items");
  EXPECT_EQ(items.column("name_en").text[1], "We copy.");
  EXPECT_EQ(items.column("name_zh").text[1], "我們模仿。");
  EXPECT_EQ(items.column("name_zh").text[5], "We share.");
}

TEST(CapabilityAssessment, HtmlReportHasUnitsScalesAndTheAlphaNote) {
  const std::string path = test::temp_file("assess_report.html", "");
  std::filesystem::remove(path);
  run_assess({{"min_answered", 1}, {"html", path}});
  ASSERT_TRUE(std::filesystem::exists(path));
  const std::string html = read_file(path);
  for (const char* text : {">A<", ">B<", ">C<", "Strategy", "策略能力", "Agility", "應變能力",
                           "Networks", "Reliability of the scales", "Capability profile of",
                           "Median of all units", "Best unit per scale", "<svg"})
    EXPECT_NE(html.find(text), std::string::npos) << text;
  // Two-item scales of a handful of respondents: some alpha is below 0.7 and gets the note.
  EXPECT_NE(html.find("read with caution"), std::string::npos);
  EXPECT_EQ(html.find("nan"), std::string::npos);
}

TEST(CapabilityAssessment, HtmlFocusAndUnknownFocus) {
  const std::string path = test::temp_file("assess_report_focus.html", "");
  run_assess({{"min_answered", 1}, {"html", path}, {"focus", "B"}});
  EXPECT_NE(read_file(path).find("Capability profile of B"), std::string::npos);
  EXPECT_THROW(run_assess({{"min_answered", 1}, {"html", path}, {"focus", "Z"}}), UsageError);
}

TEST(CapabilityAssessment, AnUnwritableHtmlPathIsAnError) {
  EXPECT_THROW(run_assess({{"min_answered", 1}, {"html", "/nonexistent-dir/x/a.html"}}), Error);
}

}  // namespace
}  // namespace agglo
