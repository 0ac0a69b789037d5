// The growth (shift-share, portfolio) and disparity (Gini, Theil) sections of `agglo profile`:
// write_profile on a small hand-computed panel, then the CSV files it wrote.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/hierarchy.hpp"
#include "core/panel.hpp"
#include "io/text_table.hpp"
#include "report/profile.hpp"
#include "report/profile_sections.hpp"

namespace {

using agglo::Hierarchy;
using agglo::Panel;
using agglo::TextTable;
namespace fs = std::filesystem;

bool section_built(const std::string& prefix) {
  for (const auto& s : agglo::report::profile_sections())
    if (s.name.rfind(prefix, 0) == 0) return true;
  return false;
}

struct Cell {
  const char *region, *industry, *period;
  double value;
};

Panel make_panel(const std::vector<Cell>& cells) {
  Panel p;
  p.has_period_column = true;
  p.source = "test";
  int64_t line = 2;
  for (const auto& c : cells)
    p.push(p.regions.intern(c.region), p.industries.intern(c.industry), p.periods.intern(c.period),
           c.value, line++);
  return p;
}

// Regions A and B in group G1, C in group G2.
Hierarchy groups() {
  Hierarchy h;
  h.add({"G1", "", "Group one", "第一組", {}});
  h.add({"G2", "", "Group two", "第二組", {}});
  h.add({"A", "G1", "Region A", "甲區", {}});
  h.add({"B", "G1", "Region B", "乙區", {}});
  h.add({"C", "G2", "Region C", "丙區", {}});
  h.validate();
  return h;
}

// Two industries, three periods; national x: 60, 63, 73 and y: 40, 43, 43.
std::vector<Cell> small_cells() {
  return {{"A", "x", "2000", 10}, {"A", "y", "2000", 20}, {"B", "x", "2000", 30},
          {"B", "y", "2000", 10}, {"C", "x", "2000", 20}, {"C", "y", "2000", 10},
          {"A", "x", "2001", 12}, {"A", "y", "2001", 22}, {"B", "x", "2001", 33},
          {"B", "y", "2001", 9},  {"C", "x", "2001", 18}, {"C", "y", "2001", 12},
          {"A", "x", "2002", 15}, {"A", "y", "2002", 21}, {"B", "x", "2002", 36},
          {"B", "y", "2002", 8},  {"C", "x", "2002", 22}, {"C", "y", "2002", 14}};
}

std::string fresh_dir(const std::string& name) {
  const auto dir = fs::temp_directory_path() / "agglo_tests" / name;
  fs::remove_all(dir);
  return dir.string();
}

// Row of `table` whose column `key` equals `value`.
size_t row_of(const TextTable& t, const std::string& key, const std::string& value) {
  const size_t c = t.column(key);
  for (size_t r = 0; r < t.rows(); ++r)
    if (t.text(r, c) == value) return r;
  ADD_FAILURE() << "no row with " << key << " = " << value;
  return 0;
}

double num(const TextTable& t, size_t row, const std::string& col) {
  return t.number(row, t.column(col));
}

TEST(ProfileGrowth, ClassicComponentsMatchHandComputationAndAddUp) {
  if (!section_built("growth")) GTEST_SKIP() << "shift_share section not built";
  const std::string dir = fresh_dir("profile_growth");
  agglo::report::ProfileOptions opt;
  agglo::report::write_profile(make_panel(small_cells()), opt, dir);
  const TextTable g = agglo::read_text_table(dir + "/growth.csv");
  ASSERT_EQ(g.rows(), 3u);
  const size_t a = row_of(g, "region", "A");
  // Region A: e = 30 -> 36, nation 100 -> 116, industries x 60 -> 73, y 40 -> 43.
  const double expected = 10.0 * 73 / 60 + 20.0 * 43 / 40;  // sum_i e_i1 G_i
  EXPECT_DOUBLE_EQ(num(g, a, "value_first"), 30);
  EXPECT_DOUBLE_EQ(num(g, a, "value_last"), 36);
  EXPECT_NEAR(num(g, a, "classic_growth"), 6, 1e-12);
  EXPECT_NEAR(num(g, a, "classic_national_share"), 30 * 1.16 - 30, 1e-12);
  EXPECT_NEAR(num(g, a, "classic_industrial_mix"), expected - 30 * 1.16, 1e-12);
  EXPECT_NEAR(num(g, a, "classic_regional_share"), 36 - expected, 1e-12);
  EXPECT_NEAR(num(g, a, "growth_pct"), 20, 1e-12);
  for (size_t r = 0; r < g.rows(); ++r)
    for (const std::string kind : {"classic_", "dynamic_"}) {
      const double sum = num(g, r, kind + "national_share") + num(g, r, kind + "industrial_mix") +
                         num(g, r, kind + "regional_share");
      EXPECT_NEAR(sum, num(g, r, "value_last") - num(g, r, "value_first"), 1e-9) << kind << r;
      EXPECT_NEAR(num(g, r, kind + "growth"), sum, 1e-9);
    }
  // Dynamic, region A: steps 2000 -> 2001 (x 60 -> 63, y 40 -> 43) and 2001 -> 2002 (x 63 -> 73,
  // y 43 -> 43); the national share sums e_t (E_t+1 / E_t - 1).
  EXPECT_NEAR(num(g, a, "dynamic_national_share"), 30 * (106.0 / 100 - 1) + 34 * (116.0 / 106 - 1),
              1e-12);
  const double step1 = 10.0 * 63 / 60 + 20.0 * 43 / 40, step2 = 12.0 * 73 / 63 + 22.0;
  EXPECT_NEAR(num(g, a, "dynamic_regional_share"), (34 - step1) + (36 - step2), 1e-12);

  // Portfolio: every region x industry; A's x grows 50% against 73/60 - 1 nationally.
  const TextTable p = agglo::read_text_table(dir + "/portfolio.csv");
  ASSERT_EQ(p.rows(), 6u);
  size_t ax = 0;
  for (size_t r = 0; r < p.rows(); ++r)
    if (p.text(r, p.column("region")) == "A" && p.text(r, p.column("industry")) == "x") ax = r;
  EXPECT_NEAR(num(p, ax, "region_growth_pct"), 50, 1e-12);
  EXPECT_NEAR(num(p, ax, "national_growth_pct"), 100 * (73.0 / 60 - 1), 1e-12);
  EXPECT_NEAR(num(p, ax, "lq"), (15.0 / 36) / (73.0 / 116), 1e-12);
  EXPECT_NEAR(num(p, ax, "share_of_region"), 15.0 / 36, 1e-12);
}

TEST(ProfileGrowth, SuppressedPairIsLeftOutOfEveryPeriodAndComponentsStillAddUp) {
  if (!section_built("growth")) GTEST_SKIP() << "shift_share section not built";
  auto cells = small_cells();
  cells[6].value = agglo::NA;  // A, x, 2001 suppressed
  const std::string dir = fresh_dir("profile_growth_na");
  agglo::report::write_profile(make_panel(cells), {}, dir);
  const TextTable g = agglo::read_text_table(dir + "/growth.csv");
  const size_t a = row_of(g, "region", "A");
  EXPECT_DOUBLE_EQ(num(g, a, "pairs_left_out"), 1);
  EXPECT_DOUBLE_EQ(num(g, a, "value_first"), 20);  // only y is compared
  EXPECT_DOUBLE_EQ(num(g, a, "value_last"), 21);
  // The reference is the matched cells: x 50 -> 58 (B and C), y 40 -> 43, total 90 -> 101.
  EXPECT_NEAR(num(g, a, "classic_national_share"), 20 * (101.0 / 90) - 20, 1e-12);
  EXPECT_NEAR(num(g, a, "classic_regional_share"), 21 - 20 * 43.0 / 40, 1e-12);
  for (size_t r = 0; r < g.rows(); ++r)
    EXPECT_NEAR(num(g, r, "dynamic_national_share") + num(g, r, "dynamic_industrial_mix") +
                    num(g, r, "dynamic_regional_share"),
                num(g, r, "value_last") - num(g, r, "value_first"), 1e-9);
  const TextTable p = agglo::read_text_table(dir + "/portfolio.csv");
  EXPECT_EQ(p.rows(), 6u);  // the portfolio keeps the pair, with its values
}

TEST(ProfileGrowth, OnePeriodWritesNoGrowthTables) {
  const std::string dir = fresh_dir("profile_one_period");
  auto cells = small_cells();
  cells.resize(6);
  agglo::report::write_profile(make_panel(cells), {}, dir);
  EXPECT_FALSE(fs::exists(dir + "/growth.csv"));
  EXPECT_FALSE(fs::exists(dir + "/portfolio.csv"));
  EXPECT_FALSE(fs::exists(dir + "/disparity.csv"));  // no region hierarchy
}

TEST(ProfileDisparity, GiniAndTheilMatchHandComputationAndBetweenPlusWithinIsTotal) {
  if (!section_built("regional disparity")) GTEST_SKIP() << "inequality section not built";
  const std::string dir = fresh_dir("profile_disparity");
  agglo::report::ProfileOptions opt;
  opt.regions = groups();
  agglo::report::write_profile(make_panel(small_cells()), opt, dir);
  const TextTable d = agglo::read_text_table(dir + "/disparity.csv");
  ASSERT_EQ(d.rows(), 3u);
  const size_t r0 = row_of(d, "period", "2000");
  // 2000: totals A 30, B 40, C 30.
  EXPECT_DOUBLE_EQ(num(d, r0, "regions"), 3);
  EXPECT_DOUBLE_EQ(num(d, r0, "groups"), 2);
  EXPECT_DOUBLE_EQ(num(d, r0, "total"), 100);
  EXPECT_NEAR(num(d, r0, "gini"), 40.0 / (2 * 9 * 100.0 / 3), 1e-12);
  const double theil = 2 * 0.3 * std::log(0.9) + 0.4 * std::log(1.2);
  const double between = 0.7 * std::log(0.7 / (2.0 / 3)) + 0.3 * std::log(0.3 / (1.0 / 3));
  EXPECT_NEAR(num(d, r0, "theil_t"), theil, 1e-12);
  EXPECT_NEAR(num(d, r0, "theil_between"), between, 1e-12);
  EXPECT_NEAR(num(d, r0, "between_share"), between / theil, 1e-12);
  for (size_t r = 0; r < d.rows(); ++r)
    EXPECT_NEAR(num(d, r, "theil_between") + num(d, r, "theil_within"), num(d, r, "theil_t"),
                1e-12);
  // Within G1 (A 30, B 40): T of the pair; C alone contributes 0.
  const TextTable g = agglo::read_text_table(dir + "/disparity_groups.csv");
  ASSERT_EQ(g.rows(), 6u);
  const double t_g1 = (3.0 / 7) * std::log(30.0 / 35) + (4.0 / 7) * std::log(40.0 / 35);
  EXPECT_EQ(g.text(0, g.column("group")), "G1");
  EXPECT_NEAR(num(g, 0, "theil_t_within_group"), t_g1, 1e-12);
  EXPECT_NEAR(num(g, 0, "share_of_total"), 0.7, 1e-12);
  EXPECT_NEAR(num(g, 1, "theil_t_within_group"), 0, 1e-12);
}

TEST(ProfileDisparity, PeriodWithAMissingRegionIsNaWithItsReason) {
  if (!section_built("regional disparity")) GTEST_SKIP() << "inequality section not built";
  auto cells = small_cells();
  cells[10].value = agglo::NA;  // C has no observed cell in 2001
  cells[11].value = agglo::NA;
  cells[1].value = agglo::NA;              // one NA cell of A in 2000: left out of A's total
  cells.push_back({"D", "x", "2002", 0});  // D: not in the hierarchy, zero in 2002 only
  agglo::report::ProfileOptions opt;
  opt.regions = groups();
  const std::string dir = fresh_dir("profile_disparity_na");
  agglo::report::write_profile(make_panel(cells), opt, dir);
  const TextTable d = agglo::read_text_table(dir + "/disparity.csv");
  const size_t r0 = row_of(d, "period", "2000"), r1 = row_of(d, "period", "2001"),
               r2 = row_of(d, "period", "2002");
  EXPECT_TRUE(std::isnan(num(d, r1, "gini")));
  EXPECT_TRUE(std::isnan(num(d, r1, "theil_t")));
  const std::string note1 = d.text(r1, d.column("note"));
  EXPECT_NE(note1.find("no data"), std::string::npos) << note1;
  EXPECT_NE(note1.find("C"), std::string::npos) << note1;
  // 2000 also lacks D (it appears in 2002 only).
  EXPECT_TRUE(std::isnan(num(d, r0, "gini")));
  // 2002: A 36, B 44, C 36, D 0 in three groups (D's own); zero counts as zero.
  EXPECT_DOUBLE_EQ(num(d, r2, "groups"), 3);
  EXPECT_DOUBLE_EQ(num(d, r2, "regions"), 4);
  EXPECT_NE(d.text(r2, d.column("note")).find("total of 0"), std::string::npos);
  const double sum = 116, q[] = {36 / sum, 44 / sum, 36 / sum};
  double theil = 0;
  for (double v : q) theil += v * std::log(v * 4);
  EXPECT_NEAR(num(d, r2, "theil_t"), theil, 1e-12);
  EXPECT_NEAR(num(d, r2, "theil_between") + num(d, r2, "theil_within"), theil, 1e-12);
  const std::string html = [&] {
    std::ifstream f(dir + "/index.html");
    return std::string(std::istreambuf_iterator<char>(f), {});
  }();
  EXPECT_NE(html.find("not in the region hierarchy"), std::string::npos);
}

}  // namespace
