// Key-industry recommendations: candidates, ranking, reasons, and the errors.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/error.hpp"
#include "families/complexity/recommend.hpp"

using namespace agglo;

namespace {

LabeledMatrix sample() {
  LabeledMatrix x;
  x.row_labels = {"r1", "r2", "r3", "r4", "r5", "r6"};
  x.col_labels = {"a", "b", "c", "d", "e"};
  x.values.resize(6, 5);
  x.values << 50, 30, 5, 1, 2,  //
      40, 35, 20, 3, 1,         //
      10, 30, 40, 20, 5,        //
      5, 10, 30, 40, 30,        //
      2, 5, 10, 50, 60,         //
      30, 5, 2, 10, 40;
  return x;
}

}  // namespace

TEST(ComplexityRecommend, OnlyIndustriesWithoutRcaAreRankedInOrder) {
  const LabeledMatrix x = sample();
  std::vector<std::string> warnings;
  const Table t = recommendation_table(x, {.top = 10}, &warnings);
  ASSERT_GT(t.rows(), 0u);
  const auto& rca = t.column("rca").number;
  const auto& score = t.column("score").number;
  const auto& region = t.column("region").text;
  const auto& rank = t.column("rank").number;
  for (size_t i = 0; i < t.rows(); ++i) {
    EXPECT_LT(rca[i], 1.0);
    if (i > 0 && region[i] == region[i - 1]) {
      EXPECT_GE(score[i - 1], score[i]);
      EXPECT_EQ(rank[i], rank[i - 1] + 1);
    }
  }
}

TEST(ComplexityRecommend, TopLimitsRowsPerRegionAndReasonsNameStrengths) {
  const Table t = recommendation_table(sample(), {.top = 1, .reasons = 2});
  std::set<std::string> regions(t.column("region").text.begin(), t.column("region").text.end());
  EXPECT_EQ(regions.size(), t.rows());
  for (const auto& why : t.column("related_strengths").text) EXPECT_FALSE(why.empty());
}

TEST(ComplexityRecommend, DensityOnlyWeightsRankByDensity) {
  const Table t =
      recommendation_table(sample(), {.weight_density = 1, .weight_pci = 0, .weight_cog = 0});
  const auto& region = t.column("region").text;
  const auto& density = t.column("density").number;
  for (size_t i = 1; i < t.rows(); ++i)
    if (region[i] == region[i - 1]) {
      EXPECT_GE(density[i - 1], density[i]);
    }
}

TEST(ComplexityRecommend, DegenerateTableIsAClearError) {
  LabeledMatrix x;
  x.row_labels = {"only"};
  x.col_labels = {"a", "b"};
  x.values.resize(1, 2);
  x.values << 3, 4;
  EXPECT_THROW(recommendation_table(x), Error);
  EXPECT_THROW(recommendation_table(sample(), {.top = 0}), UsageError);
}
