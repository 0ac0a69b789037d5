// Shift-share of all regions at once, and the measures as a user calls them: options, errors
// and the warnings that explain NA results.
#include <gtest/gtest.h>

#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/test_helpers.hpp"
#include "families/shift_share/all_regions.hpp"
#include "families/shift_share/shift_share.hpp"
#include "registry/registry.hpp"

using namespace agglo;

namespace {

// regions x industries x periods; value(r, i, t) in a fixed pattern with some zeros.
Panel make_panel(int regions, int industries, int periods) {
  Panel p;
  p.has_period_column = true;
  for (int t = 0; t < periods; ++t) {
    const auto pid = p.periods.intern(fmt::format("{}", 2000 + t));
    for (int r = 0; r < regions; ++r)
      for (int i = 0; i < industries; ++i) {
        const double v = ((r * 7 + i * 3 + t * (r + 1)) % 11) * (1 + r) + (i == 0 ? 0 : 1);
        p.push(p.regions.intern(fmt::format("r{}", r)), p.industries.intern(fmt::format("i{}", i)),
               pid, v, 0);
      }
  }
  return p;
}

// The region's and the national series of one region, industries x periods.
void series_of(const Panel& p, Panel::Id region, Eigen::MatrixXd& reg, Eigen::MatrixXd& nat) {
  const auto I = static_cast<Eigen::Index>(p.industries.size());
  const auto T = static_cast<Eigen::Index>(p.periods.size());
  reg = Eigen::MatrixXd::Zero(I, T);
  nat = Eigen::MatrixXd::Zero(I, T);
  for (size_t k = 0; k < p.size(); ++k) {
    nat(p.industry[k], p.period[k]) += p.value[k];
    if (p.region[k] == region) reg(p.industry[k], p.period[k]) = p.value[k];
  }
}

Results run(const std::string& measure, const std::string& csv, nlohmann::json params) {
  const MeasureSpec* spec = Registry::instance().find(measure);
  EXPECT_NE(spec, nullptr);
  const std::string path = test::temp_file("shift_" + measure + ".csv", csv);
  Invocation inv(*spec, std::move(params), {{"value", "emp"}, {"period", "year"}},
                 {{"table", InputSource{path, "", ""}}});
  return spec->kernel(inv);
}

double component(const Results& res, const std::string& name) {
  const Table* t = res.find("components");
  const Column& names = t->column("component");
  for (size_t r = 0; r < t->rows(); ++r)
    if (names.text[r] == name) return t->column("value").number[r];
  ADD_FAILURE() << "no component " << name;
  return NA;
}

bool warned(const Results& res, const std::string& what) {
  for (const auto& w : res.warnings)
    if (w.find(what) != std::string::npos) return true;
  return false;
}

const char* kTable =
    "region,industry,year,emp\n"
    "A,x,2008,10\nA,y,2008,20\nA,x,2009,12\nA,y,2009,18\nA,x,2010,15\nA,y,2010,21\n"
    "N,x,2008,100\nN,y,2008,300\nN,x,2009,110\nN,y,2009,290\nN,x,2010,115\nN,y,2010,330\n";

}  // namespace

TEST(ShiftShareAllRegions, MatchesTheFocalKernels) {
  const Panel p = make_panel(5, 4, 4);
  for (auto method : {ShiftShareMethod::Dunn, ShiftShareMethod::Gerfin}) {
    const RegionalShiftShare all = shift_share_all_regions(p, method, GerfinAggregation::Mean);
    ASSERT_EQ(all.classic.rows(), 5);
    for (Panel::Id r = 0; r < 5; ++r) {
      Eigen::MatrixXd reg, nat;
      series_of(p, r, reg, nat);
      const auto classic = component_list(
          method, shift_share(method, reg.col(0), reg.col(3), nat.col(0), nat.col(3)));
      const auto dynamic = component_list(method, shift_share_dynamic(method, reg, nat).total);
      for (size_t k = 0; k < classic.size(); ++k) {
        EXPECT_NEAR(all.classic(r, static_cast<Eigen::Index>(k)), classic[k].second, 1e-9)
            << classic[k].first;
        EXPECT_NEAR(all.dynamic(r, static_cast<Eigen::Index>(k)), dynamic[k].second, 1e-9)
            << dynamic[k].first;
      }
    }
    EXPECT_TRUE(all.warnings.empty());
  }
}

TEST(ShiftShareAllRegions, DenseMatricesGiveTheSameAsThePanel) {
  Panel p = make_panel(4, 3, 5);
  p.value[7] = NA;
  std::vector<Eigen::MatrixXd> by_period;
  for (Panel::Id t = 0; t < 5; ++t) by_period.push_back(p.matrix(t, true).values);
  for (auto method : {ShiftShareMethod::Dunn, ShiftShareMethod::Gerfin}) {
    const auto from_panel = shift_share_all_regions(p, method);
    const auto dense = shift_share_all_regions(by_period, method);
    for (Eigen::Index r = 0; r < 4; ++r)
      for (Eigen::Index c = 0; c < from_panel.classic.cols(); ++c) {
        EXPECT_EQ(std::isnan(dense.classic(r, c)), std::isnan(from_panel.classic(r, c)));
        if (!std::isnan(from_panel.classic(r, c))) {
          EXPECT_NEAR(dense.classic(r, c), from_panel.classic(r, c), 1e-9);
        }
        if (!std::isnan(from_panel.dynamic(r, c))) {
          EXPECT_NEAR(dense.dynamic(r, c), from_panel.dynamic(r, c), 1e-9);
        }
      }
    EXPECT_EQ(dense.warnings.size(), from_panel.warnings.size());
  }
  EXPECT_THROW(shift_share_all_regions(std::vector<Eigen::MatrixXd>{by_period[0]}), UsageError);
}

TEST(ShiftShareAllRegions, RegionsAddUpToTheNation) {
  // Against the sum of all regions, the regional shares and industrial mixes cancel out.
  const RegionalShiftShare all = shift_share_all_regions(make_panel(6, 5, 3));
  EXPECT_NEAR(all.classic.col(2).sum(), 0, 1e-9);  // industrial mix
  EXPECT_NEAR(all.classic.col(3).sum(), 0, 1e-9);  // regional share
  EXPECT_NEAR(all.dynamic.col(3).sum(), 0, 1e-9);
}

TEST(ShiftShareAllRegions, NaCellsZeroBaseAndDuplicates) {
  Panel p = make_panel(3, 2, 3);
  p.value[0] = NA;  // r0, i0, first period
  for (size_t k = 0; k < p.size(); ++k)
    if (p.region[k] == 1 && p.period[k] == 0) p.value[k] = 0;  // r1 has nothing in 2000
  const auto all = shift_share_all_regions(p, ShiftShareMethod::Gerfin);
  EXPECT_TRUE(std::isnan(all.classic(0, 0)));
  EXPECT_TRUE(std::isnan(all.dynamic(0, 0)));
  EXPECT_TRUE(std::isnan(all.classic(1, 1)));  // no base: no Gerfin factor
  EXPECT_FALSE(std::isnan(all.classic(2, 1)));
  ASSERT_EQ(all.warnings.size(), 2u);
  EXPECT_NE(all.warnings[0].find("1 region(s) have NA cells"), std::string::npos);
  EXPECT_NE(all.warnings[1].find("no value in 2000"), std::string::npos);

  p.push(0, 0, 1, 5, 42);  // duplicate of r0, i0, 2001
  EXPECT_THROW(shift_share_all_regions(p), Error);
  EXPECT_THROW(shift_share_all_regions(make_panel(2, 2, 1)), UsageError);  // one period
  EXPECT_THROW(shift_share_all_regions(make_panel(2, 2, 2), ShiftShareMethod::EstebanMarquillas),
               UsageError);
}

TEST(ShiftShareMeasures, DunnThroughTheRegistry) {
  const Results res = run("shift_share", kTable,
                          {{"region", "A"}, {"reference", "N"}, {"time1", 2008}, {"time2", 2010}});
  EXPECT_DOUBLE_EQ(component(res, "growth"), 6);
  EXPECT_NEAR(component(res, "national_share") + component(res, "industrial_mix") +
                  component(res, "regional_share"),
              6, 1e-12);
  EXPECT_TRUE(res.warnings.empty());
  const Table* growth = res.find("growth");
  ASSERT_NE(growth, nullptr);
  EXPECT_EQ(growth->rows(), 2u);
}

TEST(ShiftShareMeasures, DefaultsAreFirstAndLastPeriodAndSumOfRegions) {
  const Results a = run("shift_share", kTable, {{"region", "A"}});
  // Reference = A + N; growth A 2008 -> 2010.
  EXPECT_DOUBLE_EQ(component(a, "growth"), 6);
  const Results d = run("shift_share_dynamic", kTable, {{"region", "A"}, {"reference", "N"}});
  EXPECT_EQ(d.find("components_year")->rows(), 10u);  // 5 components x 2 steps
}

TEST(ShiftShareMeasures, UsageErrors) {
  EXPECT_THROW(run("shift_share", kTable, {{"region", "B"}, {"reference", "N"}}), UsageError);
  EXPECT_THROW(run("shift_share", kTable, {{"region", "A"}, {"reference", "Z"}}), UsageError);
  EXPECT_THROW(run("shift_share", kTable, {{"region", "A"}, {"time1", 2010}, {"time2", 2008}}),
               UsageError);
  EXPECT_THROW(run("shift_share", kTable, {{"region", "A"}, {"time1", 2008}, {"time2", 2008}}),
               UsageError);
  EXPECT_THROW(run("shift_share", kTable, {{"region", "A"}, {"time1", 1999}}), Error);
}

TEST(ShiftShareMeasures, DuplicateRowIsAPositionedError) {
  const std::string csv = std::string(kTable) + "A,x,2008,11\n";
  try {
    run("shift_share", csv, {{"region", "A"}, {"reference", "N"}});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.pos().line, 14);
    EXPECT_NE(std::string(e.what()).find("duplicate row"), std::string::npos);
  }
}

TEST(ShiftShareMeasures, ZeroBaseRegionNaValueAndAbsentIndustryAreExplained) {
  // Region B has no employment in 2008; industry z is absent in 2008; an NA cell in 2010.
  const std::string csv =
      "region,industry,year,emp\n"
      "B,x,2008,0\nB,x,2010,5\nA,x,2008,10\nA,z,2010,4\nA,x,2010,NA\n"
      "N,x,2008,100\nN,z,2008,50\nN,x,2010,120\nN,z,2010,60\n";
  const Results g =
      run("shift_share", csv, {{"region", "B"}, {"reference", "N"}, {"method", "gerfin"}});
  EXPECT_TRUE(std::isnan(component(g, "regional_share")));
  EXPECT_TRUE(warned(g, "the region has no value in the base period"));
  EXPECT_TRUE(warned(g, "industry \"x\" has no regional value in 2008, so e_ij_growth_rel is NA"));

  const Results em = run("shift_share", csv,
                         {{"region", "A"}, {"reference", "N"}, {"method", "esteban_marquillas"}});
  EXPECT_TRUE(std::isnan(component(em, "allocation_effect")));
  EXPECT_TRUE(warned(em, "industry \"x\" has an NA value"));

  const Results d = run("shift_share",
                        "region,industry,year,emp\nA,x,2008,10\nA,z,2010,4\nA,x,2010,12\n"
                        "N,x,2008,100\nN,z,2008,50\nN,x,2010,120\nN,z,2010,60\n",
                        {{"region", "A"}, {"reference", "N"}, {"zero_base", "na"}});
  EXPECT_TRUE(std::isnan(component(d, "regional_share")));
  EXPECT_TRUE(warned(d, "industry \"z\" has no regional value in the base period"));
}

TEST(ShiftShareMeasures, PrognosisAndPortfolios) {
  const Results p =
      run("shift_share_prognosis", kTable,
          {{"region", "A"}, {"reference", "N"}, {"time1", 2008}, {"time2", 2009}, {"time3", 2010}});
  const Table* prog = p.find("prognosis");
  ASSERT_NE(prog, nullptr);
  EXPECT_EQ(prog->column("year").text[0], "2010");
  const double rs = component(p, "regional_share");
  EXPECT_NEAR(prog->column("emp_prognosis").number[0], 115.0 / 110.0 * 12 * rs, 1e-12);

  const Results l = run("lq_growth_portfolio", kTable,
                        {{"region", "A"}, {"reference", "N"}, {"periods", "annual"}});
  EXPECT_EQ(l.find("lq_by_year")->rows(), 6u);
  const Results m =
      run("portfolio_matrix", kTable, {{"region", "A"}, {"reference", "N"}, {"psize", "time1"}});
  EXPECT_DOUBLE_EQ(m.find("portfolio")->column("point_size").number[1], 10);  // y: 20 > 10
}

TEST(ShiftShareMeasures, ArcelusAddsUpThroughTheRegistry) {
  const Results a = run("shift_share_arcelus", kTable, {{"region", "A"}, {"reference", "N"}});
  const Table* t = a.find("components");
  double sum = 0;
  for (size_t r = 1; r < t->rows(); ++r) sum += t->column("value").number[r];
  EXPECT_NEAR(sum, component(a, "growth"), 1e-12);
  EXPECT_EQ(a.find("components_industry")->rows(), 16u);
}
