// The series of a focal region and of the reference economy read straight from the panel rows:
// same values as a row-by-row reference, in any row order, with NA cells, a period window and
// positioned duplicate errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "families/shift_share/focal_series.hpp"

using namespace agglo;

namespace {

// 4 regions x 5 industries x 3 periods in a shuffled row order, with NA cells and absent cells.
Panel shuffled_panel() {
  struct Row {
    int r, i, t;
    double v;
  };
  std::vector<Row> rows;
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> value(0.1, 100.0);
  for (int t = 0; t < 3; ++t)
    for (int r = 0; r < 4; ++r)
      for (int i = 0; i < 5; ++i)
        if ((r + i + t) % 4 != 3) rows.push_back({r, i, t, value(rng)});
  std::shuffle(rows.begin(), rows.end(), rng);
  rows[3].v = NA;
  rows[11].v = NA;
  Panel p;
  p.has_period_column = true;
  int64_t line = 2;
  for (const auto& row : rows)
    p.push(p.regions.intern(fmt::format("r{}", row.r)),
           p.industries.intern(fmt::format("i{}", row.i)),
           p.periods.intern(fmt::format("{}", 2000 + row.t)), row.v, line++);
  return p;
}

}  // namespace

TEST(FocalSeries, EqualsRowByRowSumsInAnyRowOrder) {
  const Panel p = shuffled_panel();
  const auto periods = p.sorted_periods();
  const FocalSeries s = focal_series(p, "r1", std::nullopt, periods);
  ASSERT_EQ(s.industries.size(), 5u);
  ASSERT_EQ(s.periods, (std::vector<std::string>{"2000", "2001", "2002"}));
  // Industries come in first-seen order; check through their labels.
  for (size_t i = 0; i < s.industries.size(); ++i)
    for (size_t t = 0; t < periods.size(); ++t) {
      double focal = 0, national = 0;
      for (size_t k = 0; k < p.size(); ++k) {
        if (p.industries.name(p.industry[k]) != s.industries[i] || p.period[k] != periods[t])
          continue;
        if (p.regions.name(p.region[k]) == "r1") focal = p.value[k];
        if (!std::isnan(p.value[k])) national += p.value[k];  // NA cells are skipped
      }
      const auto ii = static_cast<Eigen::Index>(i), tt = static_cast<Eigen::Index>(t);
      if (std::isnan(focal))
        EXPECT_TRUE(std::isnan(s.region(ii, tt)));
      else
        EXPECT_EQ(s.region(ii, tt), focal) << i << " " << t;
      EXPECT_EQ(s.reference(ii, tt), national) << i << " " << t;  // same order: same bits
    }
}

TEST(FocalSeries, WindowLeavesOtherPeriodsOut) {
  const Panel p = shuffled_panel();
  const auto all = p.sorted_periods();
  const FocalSeries s = focal_series(p, "r2", std::string("r0"), {all[1], all[2]});
  ASSERT_EQ(s.periods, (std::vector<std::string>{"2001", "2002"}));
  EXPECT_EQ(s.region.cols(), 2);
  const FocalSeries whole = focal_series(p, "r2", std::string("r0"), all);
  for (size_t i = 0; i < s.industries.size(); ++i) {
    const auto it = std::find(whole.industries.begin(), whole.industries.end(), s.industries[i]);
    ASSERT_NE(it, whole.industries.end());
    const auto w = static_cast<Eigen::Index>(it - whole.industries.begin());
    const auto ii = static_cast<Eigen::Index>(i);
    for (Eigen::Index t = 0; t < 2; ++t) {
      const double a = s.reference(ii, t), b = whole.reference(w, t + 1);
      EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b)));
    }
  }
}

TEST(FocalSeries, DuplicateFocalRowIsPositionedOthersAreSummed) {
  Panel p = shuffled_panel();
  const auto r0 = *p.regions.find("r0");
  const auto r3 = *p.regions.find("r3");
  const auto i0 = *p.industries.find("i0");
  const auto t0 = *p.periods.find("2000");
  p.push(r3, i0, t0, 1.0, 900);  // a second row of a non-focal region: summed, as before
  p.push(r3, i0, t0, 1.0, 901);
  EXPECT_NO_THROW(focal_series(p, "r0", std::nullopt, p.sorted_periods()));
  p.push(r0, i0, t0, 1.0, 902);
  p.push(r0, i0, t0, 2.0, 903);
  try {
    focal_series(p, "r0", std::nullopt, p.sorted_periods());
    FAIL() << "expected a duplicate-row error";
  } catch (const Error& e) {
    EXPECT_TRUE(e.pos().line == 902 || e.pos().line == 903) << e.pos().line;
    EXPECT_NE(std::string(e.what()).find("duplicate row for region \"r0\""), std::string::npos);
  }
  // With a reference region, its duplicates are errors too.
  EXPECT_THROW(focal_series(p, "r1", std::string("r3"), p.sorted_periods()), Error);
}
