// Inequality measures on a region x industry panel: with the industry column named, the regional
// value is the sum over the industries, and the result equals that of the totals table.
#include <gtest/gtest.h>

#include "core/test_helpers.hpp"
#include "registry/registry.hpp"

using namespace agglo;
using agglo::test::temp_file;

namespace {

Results run(const std::string& measure, const std::string& table,
            std::map<std::string, std::string> columns, const std::string& hierarchy) {
  const MeasureSpec* spec = Registry::instance().find(measure);
  EXPECT_NE(spec, nullptr);
  std::map<std::string, InputSource> inputs{{"table", {table, "", "", nullptr}},
                                            {"hierarchy", {hierarchy, "", "", nullptr}}};
  return run_measure(*spec, Invocation(*spec, nlohmann::json::object(), columns, inputs));
}

}  // namespace

TEST(InequalityOnPanels, TheilOfIndustrySumsEqualsTheilOfTotals) {
  const auto panel =
      temp_file("ineq_panel.csv",
                "region,industry,year,value\nA,x,1,10\nA,y,1,30\nB,x,1,30\nB,y,1,10\n"
                "C,x,1,5\nC,y,1,5\nA,x,2,10\nA,y,2,10\nB,x,2,30\nB,y,2,10\n"
                "C,x,2,1\nC,y,2,2\n");
  const auto totals = temp_file(
      "ineq_totals.csv", "region,year,value\nA,1,40\nB,1,40\nC,1,10\nA,2,20\nB,2,40\nC,2,3\n");
  const auto groups = temp_file("ineq_groups.csv", "code,parent\ng1,\ng2,\nA,g1\nB,g1\nC,g2\n");
  const Results from_panel =
      run("theil_decomposition", panel, {{"industry", "industry"}, {"period", "year"}}, groups);
  const Results from_totals = run("theil_decomposition", totals, {{"period", "year"}}, groups);
  const Table* a = from_panel.find("theil");
  const Table* b = from_totals.find("theil");
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->rows(), 2u);
  for (const char* col : {"T", "between", "within"})
    for (size_t r = 0; r < 2; ++r)
      EXPECT_DOUBLE_EQ(a->column(col).number[r], b->column(col).number[r]) << col << r;
}

TEST(InequalityOnPanels, NaCellMakesTheRegionalTotalNa) {
  const auto panel =
      temp_file("ineq_panel_na.csv", "region,industry,value\nA,x,10\nA,y,(D)\nB,x,30\nC,x,7\n");
  const MeasureSpec* spec = Registry::instance().find("gini");
  ASSERT_NE(spec, nullptr);
  std::map<std::string, InputSource> inputs{{"table", {panel, "", "", nullptr}}};
  const Results r = run_measure(
      *spec, Invocation(*spec, nlohmann::json::object(), {{"industry", "industry"}}, inputs));
  // A's total is unknown: the Gini is computed over B and C and a warning says A was left out.
  bool warned = false;
  for (const auto& w : r.warnings) warned = warned || w.find("A") != std::string::npos;
  EXPECT_TRUE(warned);
}
