// Export-order deviation, supplier concentration, reshoring index and the table checker.
#include <gtest/gtest.h>

#include "core/table.hpp"
#include "families/trade/export_deviation.hpp"
#include "families/trade/supplier_concentration.hpp"
#include "families/trade/table_check.hpp"

namespace agglo {

namespace {
OrderRecord rec(const char* ind, const char* month, double orders, double exports,
                double share = NA) {
  return {ind, parse_month(month), orders, exports, share};
}
}  // namespace

TEST(ExportDeviation, RatesHalfYearsAndTrend) {
  const std::vector<OrderRecord> r = {
      rec("elec", "2019-01", 150, 100, 50), rec("elec", "2019-02", 120, 100, 40),
      rec("elec", "2019-07", 110, 100, 30), rec("elec", "2019-08", 100, 0, 20)};
  const auto d = export_order_deviation(r, 100);
  EXPECT_DOUBLE_EQ(d[0].deviation_rate, 50);
  EXPECT_DOUBLE_EQ(d[0].overseas_production, 75);
  EXPECT_TRUE(is_na(d[3].deviation_rate));  // no customs exports
  const auto h = half_year_means(r, 100, HalfYearMean::MeanOfRates);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].half, "2019H1");
  EXPECT_DOUBLE_EQ(h[0].deviation_rate, 35);
  EXPECT_DOUBLE_EQ(h[0].overseas_share, 45);
  EXPECT_DOUBLE_EQ(h[1].deviation_rate, 10);  // the NA month is left out
  const auto s = half_year_means(r, 100, HalfYearMean::RateOfSums);
  EXPECT_DOUBLE_EQ(s[0].deviation_rate, 35);                       // (270 - 200) / 200
  EXPECT_DOUBLE_EQ(s[0].overseas_share, 100 * (75 + 48) / 270.0);  // overseas production / orders
  const auto t = deviation_trend(d);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].n, 3);
  // Points (0, 50), (1, 20), (6, 10): slope = Sxy / Sxx.
  const double mt = 7.0 / 3, md = 80.0 / 3;
  const double sxy = (0 - mt) * (50 - md) + (1 - mt) * (20 - md) + (6 - mt) * (10 - md);
  const double sxx = (0 - mt) * (0 - mt) + (1 - mt) * (1 - mt) + (6 - mt) * (6 - mt);
  EXPECT_NEAR(t[0].slope, sxy / sxx, 1e-12);
  const auto one = deviation_trend(export_order_deviation({rec("x", "2019-01", 1, 1)}, 100));
  EXPECT_TRUE(is_na(one[0].slope));
}

TEST(SupplierConcentration, HhiCrnAndSingleSource) {
  const auto c = supplier_concentration({{"CN", 60}, {"JP", 20}, {"KR", 20}, {"US", 0}}, 2, 0.5);
  EXPECT_EQ(c.n_partners, 3);
  EXPECT_DOUBLE_EQ(c.hhi, 0.36 + 0.04 + 0.04);
  EXPECT_DOUBLE_EQ(c.cr_n, 0.8);
  EXPECT_EQ(c.top_partner, "CN");
  EXPECT_TRUE(c.single_source);
  const auto one = supplier_concentration({{"CN", 5}}, 4, 0.5);
  EXPECT_DOUBLE_EQ(one.hhi, 1);
  EXPECT_DOUBLE_EQ(one.cr_n, 1);
  const auto tie = supplier_concentration({{"A", 1}, {"B", 1}}, 1, 0.5);
  EXPECT_EQ(tie.top_partner, "A");
  EXPECT_FALSE(tie.single_source);  // 0.5 is not above 0.5
  EXPECT_DOUBLE_EQ(tie.equivalent_number, 2);
  const auto zero = supplier_concentration({{"A", 0}}, 1, 0.5);
  EXPECT_TRUE(is_na(zero.hhi));
}

TEST(ReshoringIndex, RatioAndChange) {
  const auto r = reshoring_index({{"mfg", {{"2018", 20}, {"2019", 15}}}},
                                 {{"mfg", {{"2018", 100}, {"2019", 100}}}});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_TRUE(is_na(r[0].change));
  EXPECT_DOUBLE_EQ(r[1].ratio, 0.15);
  EXPECT_NEAR(r[1].reshoring_index, 500, 1e-9);  // MIR fell 5 points = 500 basis points
  const auto z = reshoring_index({}, {{"mfg", {{"2018", 0}}}});
  EXPECT_TRUE(is_na(z[0].ratio));
}

TEST(TableCheck, FindsWrongTotalsAndPercentages) {
  PublishedTable t;
  t.rows = {"A", "B", "Total"};
  t.cols = {"x", "y", "total", "pct"};
  t.values.resize(3, 4);
  t.values << 10, 5, 15, 40,  //
      20, 5, 26, 60,          // row total wrong by 1
      30, 10, 40, 100;
  t.total_row = 2;
  t.total_col = 2;
  t.percent_of = {{3, 2}};  // pct = 100 total / 40
  const auto r = table_check(t, 0.5, 0.1);
  // Issues: B row total (26 vs 25); the total column sums to 41, stated 40; pct A 40 vs 37.5, B 60
  // vs 65.
  ASSERT_EQ(r.issues.size(), 4u);
  EXPECT_EQ(r.issues[0].row, "B");
  EXPECT_EQ(r.issues[0].check, "row_total");
  EXPECT_DOUBLE_EQ(r.issues[0].difference, 1);
  EXPECT_EQ(r.issues[1].check, "column_total");
  EXPECT_EQ(r.issues[1].col, "total");
  EXPECT_EQ(r.issues[2].check, "percent");
  EXPECT_NEAR(r.issues[2].computed, 37.5, 1e-12);
  EXPECT_EQ(r.skipped, 0);
}

TEST(TableCheck, MissingCellsSkipAndConsistentTablePasses) {
  PublishedTable t;
  t.rows = {"A", "B", "Total"};
  t.cols = {"x", "total"};
  t.values.resize(3, 2);
  t.values << 1, 1, NA, 2, 3, 3;
  t.total_row = 2;
  t.total_col = 1;
  const auto r = table_check(t, 0.5, 0.1);
  EXPECT_TRUE(r.issues.empty());
  EXPECT_EQ(r.skipped, 2);  // row B total and column x total need the missing cell
}

}  // namespace agglo
