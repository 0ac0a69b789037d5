// The inequality measures through the registry: NA values left out with a warning, one row per
// period, groups from a column or a hierarchy file, and clear errors.
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/test_helpers.hpp"
#include "registry/registry.hpp"

namespace agglo {
namespace {

Results run(const std::string& measure, const nlohmann::json& params,
            std::map<std::string, std::string> columns, std::map<std::string, std::string> files) {
  const MeasureSpec* spec = Registry::instance().find(measure);
  EXPECT_NE(spec, nullptr);
  std::map<std::string, InputSource> inputs;
  for (const auto& [role, path] : files) inputs[role] = InputSource{path, "", ""};
  Invocation inv(*spec, params, std::move(columns), std::move(inputs));
  return spec->kernel(inv);
}

double value_of(const Table& t, const std::string& key_col, const std::string& key,
                const std::string& col, const std::string& year = "") {
  for (size_t r = 0; r < t.rows(); ++r)
    if (t.column(key_col).text[r] == key && (year.empty() || t.column("year").text[r] == year))
      return t.column(col).number[r];
  ADD_FAILURE() << "no row " << key;
  return NA;
}

const std::string kTable =
    "region,year,inc,pop,grp\n"
    "a,2000,10,1,N\nb,2000,20,2,N\nc,2000,40,1,S\nd,2000,NA,1,S\n"
    "a,2001,12,1,N\nb,2001,20,2,N\nc,2001,36,1,S\nd,2001,30,1,S\n";

TEST(RegisterInequality, GiniPerPeriodLeavesNaOutWithAWarning) {
  const auto path = test::temp_file("ineq_gini.csv", kTable);
  const Results r =
      run("gini", nlohmann::json::object(),
          {{"value", "inc"}, {"period", "year"}, {"weight", "pop"}}, {{"table", path}});
  const Table& t = *r.find("gini");
  EXPECT_EQ(t.rows(), 6u);  // 2 periods x gini, gini_norm, gini_w
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_NE(r.warnings[0].find("d"), std::string::npos);
  // 2000 without d: values 10, 20, 40: sum |diff| = 2 * (10 + 30 + 20) = 120; / (2 * 9 * 70/3).
  EXPECT_NEAR(value_of(t, "variant", "gini", "value", "2000"), 120.0 / (2 * 9 * 70.0 / 3), 1e-15);
}

TEST(RegisterInequality, TheilDecompositionFromAGroupColumnOrAHierarchy) {
  const auto path = test::temp_file("ineq_theil.csv", kTable);
  const Results from_column =
      run("theil_decomposition", {{"period", 2001}},
          {{"value", "inc"}, {"period", "year"}, {"group", "grp"}}, {{"table", path}});
  const auto hier = test::temp_file("ineq_hier.csv",
                                    "code,parent,name_en,name_zh\nN,,North,北\nS,,South,南\n"
                                    "a,N,,\nb,N,,\nc,S,,\nd,S,,\n");
  const Results from_hierarchy =
      run("theil_decomposition", {{"period", 2001}}, {{"value", "inc"}, {"period", "year"}},
          {{"table", path}, {"hierarchy", hier}});
  for (const char* col : {"T", "between", "within"})
    EXPECT_NEAR(from_column.find("theil")->column(col).number[0],
                from_hierarchy.find("theil")->column(col).number[0], 1e-15);
  EXPECT_EQ(from_column.find("theil_groups")->rows(), 2u);
}

TEST(RegisterInequality, MissingGroupsAreAUsageError) {
  const auto path = test::temp_file("ineq_nogroup.csv", "region,value\na,1\nb,2\n");
  EXPECT_THROW(run("theil_decomposition", nlohmann::json::object(), {}, {{"table", path}}),
               UsageError);
  // theil without groups: the index alone.
  const Results r = run("theil", {{"index", "L"}}, {}, {{"table", path}});
  EXPECT_NEAR(r.find("theil")->column("L").number[0], std::log(1.5) - 0.5 * std::log(2.0), 1e-15);
  EXPECT_TRUE(std::isnan(r.find("theil")->column("between").number[0]));
}

TEST(RegisterInequality, RegionNotInTheHierarchyIsAnError) {
  const auto path = test::temp_file("ineq_h2.csv", "region,value\na,1\nz,2\n");
  const auto hier = test::temp_file("ineq_h2h.csv", "code,parent\nG,\na,G\n");
  EXPECT_THROW(run("theil_decomposition", nlohmann::json::object(), {},
                   {{"table", path}, {"hierarchy", hier}}),
               Error);
}

TEST(RegisterInequality, NonPositiveIncomeGivesNaWithAReason) {
  const auto path = test::temp_file("ineq_zero.csv", "region,value\na,0\nb,2\nc,3\n");
  const Results r = run("dispersion_summary", nlohmann::json::object(), {}, {{"table", path}});
  EXPECT_TRUE(std::isnan(value_of(*r.find("disp"), "statistic", "mean_log_deviation", "value")));
  bool explained = false;
  for (const auto& w : r.warnings)
    explained |= w.find("mean_log_deviation is NA") != std::string::npos;
  EXPECT_TRUE(explained);
  EXPECT_FALSE(std::isnan(value_of(*r.find("disp"), "statistic", "gini", "value")));
}

TEST(RegisterInequality, DuplicateRegionIsAPositionedError) {
  const auto path = test::temp_file("ineq_dup.csv", "region,value\na,1\na,2\n");
  try {
    run("gini", nlohmann::json::object(), {}, {{"table", path}});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.pos().line, 3);
  }
}

TEST(RegisterInequality, AtkinsonOneRowPerEpsilon) {
  const auto path = test::temp_file("ineq_atk.csv", "region,value\na,1\nb,4\n");
  const Results r = run("atkinson", {{"epsilon", {0, 1}}}, {}, {{"table", path}});
  const Table& t = *r.find("atkinson");
  ASSERT_EQ(t.rows(), 2u);
  EXPECT_NEAR(t.column("atkinson").number[0], 0.0, 1e-15);
  EXPECT_NEAR(t.column("atkinson").number[1], 1 - 2.0 / 2.5, 1e-15);
}

}  // namespace
}  // namespace agglo

namespace agglo {
namespace {

TEST(RegisterInequality, GroupDepthPicksTheHierarchyLevel) {
  const auto path = test::temp_file("ineq_depth.csv", "region,value\na,10\nb,20\nc,40\nd,30\n");
  const auto hier =
      test::temp_file("ineq_depth_h.csv", "code,parent\nTW,\nN,TW\nS,TW\na,N\nb,N\nc,S\nd,S\n");
  const auto run_depth = [&](const nlohmann::json& params) {
    const MeasureSpec* spec = Registry::instance().find("theil_decomposition");
    Invocation inv(
        *spec, params, {},
        {{"table", InputSource{path, "", ""}}, {"hierarchy", InputSource{hier, "", ""}}});
    return spec->kernel(inv);
  };
  const Results parent = run_depth(nlohmann::json::object());
  const Results depth1 = run_depth({{"group_depth", 1}});
  const Results depth0 = run_depth({{"group_depth", 0}});
  EXPECT_EQ(parent.find("theil")->column("between").number[0],
            depth1.find("theil")->column("between").number[0]);
  EXPECT_EQ(depth0.find("theil")->column("between").number[0], 0.0);  // one group: the country
  EXPECT_THROW(run_depth({{"group_depth", 2}}), Error);               // the regions themselves
}

}  // namespace
}  // namespace agglo
