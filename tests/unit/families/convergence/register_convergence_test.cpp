// The convergence measures through the registry: NA regions, missing years, the condition coding.
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/test_helpers.hpp"
#include "registry/registry.hpp"

namespace agglo {
namespace {

Results run(const std::string& measure, const nlohmann::json& params,
            std::map<std::string, std::string> columns, const std::string& path) {
  const MeasureSpec* spec = Registry::instance().find(measure);
  EXPECT_NE(spec, nullptr);
  Invocation inv(*spec, params, std::move(columns), {{"table", InputSource{path, "", ""}}});
  return spec->kernel(inv);
}

const std::string kPanel =
    "region,year,y,kind\n"
    "a,2000,100,p\na,2001,104,p\na,2002,110,p\n"
    "b,2000,200,q\nb,2001,204,q\nb,2002,206,q\n"
    "c,2000,50,p\nc,2001,55,p\nc,2002,61,p\n"
    "d,2000,NA,r\nd,2001,90,r\nd,2002,95,r\n"
    "e,2000,150,q\ne,2001,152,q\ne,2002,160,q\n"
    "f,2000,80,r\nf,2001,85,r\nf,2002,87,r\n";

TEST(RegisterConvergence, NaRegionIsLeftOutAndReported) {
  const auto path = test::temp_file("conv_panel.csv", kPanel);
  const Results r = run("beta_convergence_ols", {{"time1", 2000}, {"time2", 2002}},
                        {{"value", "y"}, {"period", "year"}}, path);
  const Table& reg = *r.find("regdata");
  EXPECT_EQ(reg.rows(), 6u);
  EXPECT_TRUE(std::isnan(reg.column("ln_growth").number[3]));
  EXPECT_TRUE(std::isnan(reg.column("ln_initial").number[3]));
  EXPECT_EQ(r.find("beta_modelstat")->column("df2").number[0], 3);  // 5 regions - 2 coefficients
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_NE(r.warnings[0].find("d"), std::string::npos);
  // Annual and endpoint growth agree (the annual log growth telescopes).
  const Results annual =
      run("beta_convergence_ols", {{"time1", 2000}, {"time2", 2002}, {"periods", "annual"}},
          {{"value", "y"}, {"period", "year"}}, path);
  EXPECT_NEAR(annual.find("beta_estimates")->column("estimate").number[1],
              r.find("beta_estimates")->column("estimate").number[1], 1e-15);
}

TEST(RegisterConvergence, MissingYearIsAnError) {
  const auto path = test::temp_file("conv_panel.csv", kPanel);
  EXPECT_THROW(run("beta_convergence_ols", {{"time1", 2000}, {"time2", 2005}},
                   {{"value", "y"}, {"period", "year"}}, path),
               Error);
  EXPECT_THROW(run("sigma_convergence_trend", {{"time1", 1999}, {"time2", 2002}},
                   {{"value", "y"}, {"period", "year"}}, path),
               Error);
  EXPECT_THROW(run("sigma_convergence", {{"time1", 2002}, {"time2", 2000}},
                   {{"value", "y"}, {"period", "year"}}, path),
               UsageError);
}

TEST(RegisterConvergence, CategoricalConditionGetsOneDummyPerLevelButTheLowest) {
  const auto path = test::temp_file("conv_panel.csv", kPanel);
  const Results r = run("beta_convergence_ols_conditional", {{"time1", 2000}, {"time2", 2002}},
                        {{"value", "y"}, {"period", "year"}, {"condition", "kind"}}, path);
  const auto& terms = r.find("cbeta_estimates")->column("term").text;
  const std::vector<std::string> want = {"Alpha", "Beta", "kind_q", "kind_r", "Lambda", "Halflife"};
  EXPECT_EQ(terms, want);
  EXPECT_THROW(run("beta_convergence_ols_conditional",
                   {{"time1", 2000}, {"time2", 2002}, {"condition_coding", "numeric"}},
                   {{"value", "y"}, {"period", "year"}, {"condition", "kind"}}, path),
               Error);
}

TEST(RegisterConvergence, SigmaUsesRegionsObservedInBothYears) {
  const auto path = test::temp_file("conv_panel.csv", kPanel);
  const Results r = run("sigma_convergence", {{"time1", 2000}, {"time2", 2002}},
                        {{"value", "y"}, {"period", "year"}}, path);
  EXPECT_EQ(r.find("sigma")->column("df1").number[2], 4);  // 5 regions observed in 2000 and 2002
  const Results t = run("sigma_convergence_trend", {{"time1", 2000}, {"time2", 2002}},
                        {{"value", "y"}, {"period", "year"}}, path);
  EXPECT_EQ(t.find("sigma_trend")->rows(), 3u);
  EXPECT_EQ(t.find("sigma_estimates")->column("term").text[1], "Time");
}

}  // namespace
}  // namespace agglo
