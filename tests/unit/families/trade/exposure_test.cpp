// Exposure, regional exposure, flow change and trade diversion: hand-computed cases and identities.
#include <gtest/gtest.h>

#include "core/table.hpp"
#include "families/trade/exposure.hpp"
#include "families/trade/trade_diversion.hpp"

namespace agglo {

TEST(TariffCoverage, SharesAndIdentities) {
  const ProductCoverage cov = {
      {"010121", {{"r1", 1}}}, {"020110", {{"r1", 1}, {"r2", 1}}}, {"030110", {{"r2", 0.5}}}};
  const std::vector<GroupedValue> items = {
      {"01", "010121", 100}, {"02", "020110", 50}, {"03", "030110", 40}, {"03", "030190", 10}};
  const auto rows = tariff_coverage(items, cov, {"r1", "r2"});
  ASSERT_EQ(rows.size(), 9u);  // 3 groups x (2 lists + any)
  for (const auto& r : rows) {
    EXPECT_GE(r.share, 0);
    EXPECT_LE(r.share, 1);
    EXPECT_LE(r.covered, r.total);
  }
  // group 03: r2 covers half of 030110 (20 of 50).
  EXPECT_DOUBLE_EQ(rows[7].covered, 20);
  EXPECT_DOUBLE_EQ(rows[7].share, 0.4);
  // "any" never double counts a product on two lists.
  EXPECT_DOUBLE_EQ(rows[5].covered, 50);
}

TEST(TariffCoverage, ZeroTotalIsNA) {
  const auto rows = tariff_coverage({{"01", "010121", 0}}, {}, {"r1"});
  EXPECT_TRUE(is_na(rows[0].share));
}

TEST(RegionalExposure, ShiftShareHandComputed) {
  // Region A: 30 in i1 (share 0.5), 10 in i2 (share 0.2), 60 in i3 (no trade): E = 0.3*0.5 +
  // 0.1*0.2.
  const auto e = regional_exposure(
      {{"A", {{"i1", 30}, {"i2", 10}, {"i3", 60}}}, {"B", {{"i1", 0}}}},
      {{"i1", {{"l", 0.5}, {"any", 0.5}}}, {"i2", {{"l", 0.2}, {"any", 0.2}}}}, {"l"});
  ASSERT_EQ(e.size(), 4u);
  EXPECT_DOUBLE_EQ(e[0].exposure, 0.3 * 0.5 + 0.1 * 0.2);
  EXPECT_DOUBLE_EQ(e[0].unmatched_employment, 60);
  EXPECT_TRUE(is_na(e[2].exposure));  // region without employment
}

TEST(RegionalExposure, SingleRegionEqualsNationalShare) {
  // One region holding all employment in proportion to exports: exposure = the covered share.
  const auto e =
      regional_exposure({{"A", {{"i1", 1}}}}, {{"i1", {{"l", 0.25}, {"any", 0.25}}}}, {"l"});
  EXPECT_DOUBLE_EQ(e[0].exposure, 0.25);
}

TEST(FlowChange, ChangeAndTiedRanks) {
  const auto c =
      flow_change({{"CN", 100}, {"MX", 50}, {"VN", 50}}, {{"CN", 60}, {"MX", 80}, {"TW", 10}});
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].partner, "CN");
  EXPECT_DOUBLE_EQ(c[0].change, -40);
  EXPECT_DOUBLE_EQ(c[0].change_pct, -40);
  EXPECT_EQ(c[0].rank_before, 1);
  EXPECT_EQ(c[0].rank_after, 2);
  EXPECT_EQ(c[1].rank_before, 2);  // MX and VN tie at 50: both rank 2
  EXPECT_EQ(c[3].rank_before, 2);
  EXPECT_TRUE(is_na(c[2].change_pct));  // TW: nothing before
  EXPECT_EQ(descending_min_ranks({}).size(), 0u);
}

TEST(TradeDiversion, QuadrantsAndDivertedAmount) {
  std::map<std::string, ProductFlows> p;
  p["a"] = {{{"US", 60}, {"VN", 40}}, {{"US", 30}, {"VN", 90}}};  // total up, US down: diversion
  p["b"] = {{{"US", 10}, {"VN", 10}}, {{"US", 20}, {"VN", 10}}};  // total up, US up
  p["c"] = {{{"US", 10}, {"VN", 10}}, {{"US", 5}, {"VN", 5}}};    // both down
  p["d"] = {{{"VN", 10}}, {{"US", 1}, {"VN", 1}}};                // total down, US up
  p["e"] = {{}, {{"US", 5}}};                                     // new product: share undefined
  const auto rows = trade_diversion(p, "US");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].quadrant, Quadrant::TotalUpTargetDown);
  EXPECT_TRUE(rows[0].diverted);
  EXPECT_DOUBLE_EQ(rows[0].diverted_amount, (0.6 - 0.25) * 120);
  EXPECT_EQ(rows[1].quadrant, Quadrant::TotalUpTargetUp);
  EXPECT_EQ(rows[2].quadrant, Quadrant::TotalDownTargetDown);
  EXPECT_EQ(rows[3].quadrant, Quadrant::TotalDownTargetUp);
  EXPECT_TRUE(is_na(rows[4].diverted_amount));
  // The allocation over destinations sums to the diverted amount.
  double alloc = 0;
  for (const auto& [dest, v] : rows[0].destination_allocation) alloc += v;
  EXPECT_DOUBLE_EQ(alloc, rows[0].diverted_amount);
  EXPECT_DOUBLE_EQ(rows[0].destination_gain.at("VN"), 50);
}

TEST(TradeDiversion, NoChangeIsNotDiversion) {
  std::map<std::string, ProductFlows> p;
  p["a"] = {{{"US", 10}, {"VN", 10}}, {{"US", 10}, {"VN", 10}}};
  const auto rows = trade_diversion(p, "US");
  EXPECT_EQ(rows[0].quadrant, Quadrant::TotalDownTargetDown);  // ties count as "not up"
  EXPECT_FALSE(rows[0].diverted);
  EXPECT_DOUBLE_EQ(rows[0].diverted_amount, 0);
}

}  // namespace agglo
