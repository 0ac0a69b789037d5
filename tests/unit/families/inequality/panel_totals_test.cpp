// Inequality measures on a region x industry panel: with the industry column named, the regional
// value is the sum over the industries, and the result equals that of the totals table.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include <fmt/format.h>

#include "core/test_helpers.hpp"
#include "registry/regional_series.hpp"
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

// The totals come from one pass over the rows, a region's rows summed in a register while they
// follow each other: the same bits as adding row by row, whatever the row order.
TEST(InequalityOnPanels, RegionalTotalsEqualRowByRowSums) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> value(0.0, 1.0);
  Panel p;
  p.has_period_column = true;
  for (const char* year : {"2002", "2001"}) p.periods.intern(year);  // first seen != chronological
  // Region r2 has no row in 2001; r1's rows in 2002 come in two runs; r3 has an NA cell in 2001.
  const std::vector<std::pair<int, const char*>> runs = {{0, "2002"}, {1, "2002"}, {2, "2002"},
                                                         {1, "2002"}, {0, "2001"}, {1, "2001"},
                                                         {3, "2001"}, {3, "2002"}};
  int64_t line = 2;
  for (const auto& [r, year] : runs)
    for (int i = 0; i < 7; ++i)
      p.push(p.regions.intern(fmt::format("r{}", r)), p.industries.intern(fmt::format("i{}", i)),
             *p.periods.find(year), value(rng), line++);
  p.value[p.size() - 10] = NA;  // r3, 2001
  const RegionalSeries s = regional_totals(p);
  ASSERT_EQ(s.periods, (std::vector<std::string>{"2001", "2002"}));
  ASSERT_EQ(s.regions, (std::vector<std::string>{"r0", "r1", "r2", "r3"}));
  for (Eigen::Index r = 0; r < 4; ++r)
    for (Eigen::Index t = 0; t < 2; ++t) {
      double sum = 0;
      bool any = false;
      for (size_t k = 0; k < p.size(); ++k)
        if (p.region[k] == static_cast<Panel::Id>(r) &&
            p.periods.name(p.period[k]) == s.periods[t]) {
          sum += p.value[k];
          any = true;
        }
      if (!any || std::isnan(sum))
        EXPECT_TRUE(std::isnan(s.value(r, t))) << r << " " << t;
      else
        EXPECT_EQ(s.value(r, t), sum) << r << " " << t;
    }
  EXPECT_TRUE(std::isnan(s.value(2, 0)));  // no row: NA
  EXPECT_TRUE(std::isnan(s.value(3, 0)));  // an NA cell: NA
  EXPECT_FALSE(std::isnan(s.value(1, 1)));
}
