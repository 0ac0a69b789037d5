// Unit tests of the composite family: framework checks, normalisation, weights (incl. AHP on
// Saaty's textbook example), aggregation, outlier treatment, TOPSIS, tiers and sensitivity.
#include <cmath>
#include <functional>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "core/test_helpers.hpp"
#include "families/composite/aggregate.hpp"
#include "families/composite/composite_index.hpp"
#include "families/composite/framework.hpp"
#include "families/composite/normalise.hpp"
#include "families/composite/sensitivity.hpp"
#include "families/composite/tiers.hpp"
#include "families/composite/topsis.hpp"
#include "families/composite/treat.hpp"
#include "families/composite/weights.hpp"
#include "io/text_table.hpp"

namespace agglo {
namespace {

IndicatorFramework framework_from(const std::string& name, const std::string& csv) {
  return load_framework(read_text_table(test::temp_file(name, csv)));
}

// Index <- {P1 <- {a, b}, P2 <- {c}}; c is "lower is better".
IndicatorFramework small_framework() {
  return framework_from(
      "fw.csv",
      "code,parent,level,weight,direction\n"
      "a,P1,1,1,1\nb,P1,1,3,1\nc,P2,1,1,-1\nP1,Index,2,1,1\nP2,Index,2,1,1\nIndex,NA,3,1,1\n");
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(CompositeFramework, CycleMissingParentAndLevelsAreClearErrors) {
  EXPECT_NE(error_of([] {
              framework_from("cyc.csv", "code,parent,level\na,B,1\nB,C,2\nC,B,3\n");
            }).find("cycle"),
            std::string::npos);
  const auto missing =
      error_of([] { framework_from("mp.csv", "code,parent,level\na,P,1\nb,Q,1\nP,NA,2\n"); });
  EXPECT_NE(missing.find("parent \"Q\""), std::string::npos) << missing;
  EXPECT_NE(missing.find("mp.csv:3"), std::string::npos) << missing;
  EXPECT_NE(error_of([] {
              framework_from("lv.csv", "code,parent,level\na,P,2\nP,NA,1\n");
            }).find("level"),
            std::string::npos);
  EXPECT_NE(error_of([] {
              framework_from("dir.csv", "code,parent,direction\na,P,2\nP,NA,1\n");
            }).find("direction"),
            std::string::npos);
}

TEST(CompositeFramework, LevelsAreDerivedWhenAbsent) {
  const auto f = framework_from("nolevel.csv", "code,parent\na,P\nb,P\nP,Top\nTop,NA\n");
  EXPECT_EQ(f.node("a").level, 1);
  EXPECT_EQ(f.node("P").level, 2);
  EXPECT_EQ(f.node("Top").level, 3);
  EXPECT_EQ(f.indicators(), (std::vector<std::string>{"a", "b"}));
}

TEST(CompositeFramework, WeightsThatDoNotSumWithinAGroupAreAnError) {
  const auto f =
      framework_from("w.csv", "code,parent,level,weight\na,P,1,0.5\nb,P,1,0.4\nP,NA,2,1\n");
  const auto msg = error_of([&] { check_weights_sum_to_one(f); });
  EXPECT_NE(msg.find("sum to 0.9"), std::string::npos) << msg;
  const auto ok =
      framework_from("w2.csv", "code,parent,level,weight\na,P,1,0.5\nb,P,1,0.5\nP,NA,2,1\n");
  EXPECT_NO_THROW(check_weights_sum_to_one(ok));
  const auto zero =
      framework_from("w0.csv", "code,parent,level,weight\na,P,1,0\nb,P,1,0\nP,NA,2,1\n");
  EXPECT_THROW(framework_weights(zero), Error);
}

TEST(CompositeNormalise, MinMaxMapsOntoTheRangeAndKeepsNA) {
  Eigen::VectorXd x(4);
  x << 2, NA, 6, 4;
  const auto y = normalise_minmax(x, 0, 100);
  EXPECT_DOUBLE_EQ(y[0], 0);
  EXPECT_TRUE(std::isnan(y[1]));
  EXPECT_DOUBLE_EQ(y[2], 100);
  EXPECT_DOUBLE_EQ(y[3], 50);
  // dist2max is min-max onto [0, 1].
  const auto d = normalise_dist2max(x);
  EXPECT_NEAR(d[3], 0.5, 1e-15);
}

TEST(CompositeNormalise, ZeroVarianceIsAClearError) {
  Eigen::VectorXd x(3);
  x << 5, 5, 5;
  const auto msg = error_of([&] { normalise_minmax(x, 0, 1, "gdp"); });
  EXPECT_NE(msg.find("indicator \"gdp\" has zero variance"), std::string::npos) << msg;
  EXPECT_THROW(normalise_zscore(x, 0, 1), Error);
  Eigen::VectorXd one(1);
  one << 3;
  EXPECT_THROW(normalise_zscore(one, 0, 1), Error);     // single unit
  EXPECT_THROW(normalise_percentile_rank(one), Error);  // single unit
}

TEST(CompositeNormalise, RanksShareTheSmallestRankOnTies) {
  Eigen::VectorXd x(5);
  x << 3, 1, 3, NA, 2;
  const auto r = normalise_rank(x);
  EXPECT_EQ(r[0], 3);
  EXPECT_EQ(r[1], 1);
  EXPECT_EQ(r[2], 3);
  EXPECT_TRUE(std::isnan(r[3]));
  EXPECT_EQ(r[4], 2);
  const auto p = normalise_percentile_rank(x);
  EXPECT_DOUBLE_EQ(p[0], 2.0 / 3);
  const auto d = rank_descending(x);
  EXPECT_EQ(d[0], 1);
  EXPECT_EQ(d[2], 1);
  EXPECT_EQ(d[4], 3);
}

TEST(CompositeNormalise, DirectionsFlipTheScaleAndGoalpostsClip) {
  const auto f = small_framework();
  Eigen::MatrixXd x(2, 3);
  x << 1, 1, 10, 2, 3, 20;
  const auto y = normalise_indicators(x, f, {});
  EXPECT_DOUBLE_EQ(y(0, 2), 100);  // lower is better: 10 is the best
  EXPECT_DOUBLE_EQ(y(1, 2), 0);
  Eigen::VectorXd g(3);
  g << -5, 5, 50;
  const auto gp = normalise_goalposts(g, 0, 10, -1, true, 100);
  EXPECT_DOUBLE_EQ(gp[0], 100);
  EXPECT_DOUBLE_EQ(gp[1], 50);
  EXPECT_DOUBLE_EQ(gp[2], 0);
}

TEST(CompositeAggregate, SkipsMissingChildrenAndAppliesCoverage) {
  const auto f = small_framework();
  Eigen::MatrixXd x(2, 3);
  x << 10, NA, 40, 10, 30, 40;
  const auto w = framework_weights(f);  // a: 1/4, b: 3/4
  const auto s = aggregate_framework(x, f, w, AggregationMethod::Arithmetic, 0);
  EXPECT_DOUBLE_EQ(s(0, f.index("P1")), 10);  // b missing: a alone
  EXPECT_DOUBLE_EQ(s(1, f.index("P1")), 25);  // (10 + 3 * 30) / 4
  EXPECT_DOUBLE_EQ(s(1, f.index("Index")), 32.5);
  const auto c = aggregate_framework(x, f, w, AggregationMethod::Arithmetic, 0.8);
  EXPECT_TRUE(std::isnan(c(0, f.index("P1"))));  // half the children: below 0.8
  EXPECT_DOUBLE_EQ(c(0, f.index("P2")), 40);
  EXPECT_TRUE(std::isnan(c(0, f.index("Index"))));  // 1 of 2 children left: below 0.8
}

TEST(CompositeAggregate, GeometricAndHarmonicMeans) {
  const auto f = framework_from("two.csv", "code,parent,level\na,T,1\nb,T,1\nT,NA,2\n");
  Eigen::MatrixXd x(1, 2);
  x << 4, 16;
  const auto w = equal_weights(f);
  EXPECT_NEAR(aggregate_framework(x, f, w, AggregationMethod::Geometric, 0)(0, 2), 8, 1e-12);
  EXPECT_NEAR(aggregate_framework(x, f, w, AggregationMethod::Harmonic, 0)(0, 2), 6.4, 1e-12);
  x << 0, 16;
  EXPECT_THROW(aggregate_framework(x, f, w, AggregationMethod::Geometric, 0), Error);
  EXPECT_THROW(aggregate_framework(x, f, w, AggregationMethod::Harmonic, 0), Error);
  // Identity: all children equal -> every mean equals them.
  x << 7, 7;
  for (auto m :
       {AggregationMethod::Arithmetic, AggregationMethod::Geometric, AggregationMethod::Harmonic})
    EXPECT_NEAR(aggregate_framework(x, f, w, m, 0)(0, 2), 7, 1e-12);
}

TEST(CompositeWeights, EffectiveWeightsMultiplyDownTheTree) {
  const auto f = small_framework();
  const auto w = framework_weights(f);
  const auto e = effective_weights(f, w);
  EXPECT_DOUBLE_EQ(e[f.index("b")], 0.75 * 0.5);
  EXPECT_DOUBLE_EQ(e[f.index("c")], 0.5);
  EXPECT_DOUBLE_EQ(e[f.index("Index")], 1);
}

TEST(CompositeWeights, EntropyOfAConstantColumnIsOne) {
  Eigen::MatrixXd x(3, 2);
  x << 1, 0, 1, 0, 1, 9;
  const auto e = entropy_weights(x, {"flat", "peaked"});
  EXPECT_NEAR(e.entropy[0], 1, 1e-15);
  EXPECT_NEAR(e.entropy[1], 0, 1e-15);  // 0 ln 0 = 0
  EXPECT_NEAR(e.weight[1], 1, 1e-15);
  x(0, 0) = -1;
  EXPECT_THROW(entropy_weights(x, {"neg", "b"}), Error);
}

TEST(CompositeWeights, AhpOnSaatysTextbookExample) {
  // Saaty (1980): 3 criteria, a12 = 1/3, a13 = 1/5, a23 = 1/3 -> w = (0.105, 0.258, 0.637),
  // lambda_max = 3.039, CI = 0.019, RI = 0.58, CR = 0.033.
  Eigen::MatrixXd a(3, 3);
  a << 1, 1.0 / 3, 1.0 / 5, 3, 1, 1.0 / 3, 5, 3, 1;
  const auto r = ahp_weights(a);
  EXPECT_NEAR(r.weights[0], 0.1047, 5e-4);
  EXPECT_NEAR(r.weights[1], 0.2583, 5e-4);
  EXPECT_NEAR(r.weights[2], 0.6370, 5e-4);
  EXPECT_NEAR(r.weights.sum(), 1, 1e-12);
  EXPECT_NEAR(r.lambda_max, 3.0385, 5e-4);
  EXPECT_NEAR(r.consistency_ratio, 0.033, 1e-3);
  // A consistent matrix a_ij = w_i / w_j returns w with CR = 0.
  Eigen::Vector4d w(0.4, 0.3, 0.2, 0.1);
  const Eigen::MatrixXd c = w * w.cwiseInverse().transpose();
  const auto rc = ahp_weights(c);
  EXPECT_NEAR((rc.weights - w).cwiseAbs().maxCoeff(), 0, 1e-12);
  EXPECT_NEAR(rc.consistency_ratio, 0, 1e-12);
  a(0, 1) = 2;  // no longer reciprocal
  EXPECT_THROW(ahp_weights(a), Error);
}

TEST(CompositeTreat, SkewnessKurtosisAndWinsorisation) {
  Eigen::VectorXd sym(5);
  sym << 1, 2, 3, 4, 5;
  EXPECT_NEAR(sample_skewness(sym), 0, 1e-15);
  EXPECT_NEAR(sample_kurtosis(sym), -1.2, 1e-12);  // G2 of 1..5
  Eigen::VectorXd out(20);
  for (int i = 0; i < 19; ++i) out[i] = i % 5;
  out[19] = 100;  // one outlier
  const auto t = treat_outliers(out, {});
  EXPECT_EQ(t.n_winsorised, 1);
  EXPECT_FALSE(t.log_transformed);
  EXPECT_DOUBLE_EQ(t.treated[19], 4);
  Eigen::VectorXd flat = Eigen::VectorXd::Constant(6, 2.0);
  const auto tf = treat_outliers(flat, {});  // constant: nothing to treat, no crash
  EXPECT_EQ(tf.n_winsorised, 0);
  EXPECT_TRUE(std::isnan(tf.skew));
}

TEST(CompositeIndex, ImputationByGroupAndScreening) {
  Eigen::MatrixXd x(4, 1);
  x << 1, NA, 5, NA;
  const auto g = impute_indicators(x, ImputeMethod::GroupMean, {"A", "A", "B", "C"});
  EXPECT_DOUBLE_EQ(g(1, 0), 1);
  EXPECT_TRUE(std::isnan(g(3, 0)));  // group C has no value
  const auto m = impute_indicators(x, ImputeMethod::Median, {});
  EXPECT_DOUBLE_EQ(m(1, 0), 3);
}

TEST(CompositeTopsis, HandComputedExample) {
  // Two units, two benefit criteria: unit 1 dominates -> closeness 1 and 0.
  Eigen::MatrixXd x(2, 2);
  x << 3, 4, 1, 2;
  Eigen::VectorXd w(2);
  w << 1, 1;
  const auto t = topsis(x, w, {1, 1}, {"a", "b"});
  EXPECT_DOUBLE_EQ(t.closeness[0], 1);
  EXPECT_DOUBLE_EQ(t.closeness[1], 0);
  EXPECT_EQ(t.rank[0], 1);
  EXPECT_DOUBLE_EQ(t.weights[0], 0.5);
  // A cost criterion reverses the order.
  const auto c = topsis(x, w, {-1, -1}, {"a", "b"});
  EXPECT_EQ(c.rank[1], 1);
  Eigen::MatrixXd z = Eigen::MatrixXd::Zero(2, 2);
  EXPECT_THROW(topsis(z, w, {1, 1}, {"a", "b"}), Error);
}

TEST(CompositeTiers, JenksFindsTheNaturalGroups) {
  // Textbook case: three well separated clusters.
  Eigen::VectorXd x(9);
  x << 22, 1, 11, 2, 21, 3, 10, 12, 20;
  const auto t = jenks_tiers(x, 3);
  EXPECT_EQ(t.tier, (std::vector<int>{3, 1, 2, 1, 3, 1, 2, 2, 3}));
  EXPECT_DOUBLE_EQ(t.breaks[1].lower, 10);
  EXPECT_DOUBLE_EQ(t.breaks[1].upper, 12);
  EXPECT_DOUBLE_EQ(t.sdcm, 6);
  EXPECT_NEAR(t.gvf, 1 - 6 / t.sdam, 1e-15);
  Eigen::VectorXd few(3);
  few << 1, 1, 2;
  EXPECT_THROW(jenks_tiers(few, 3), Error);  // two distinct values for three tiers
}

TEST(CompositeTiers, QuantileClosureDecidesTheTierOfABreak) {
  Eigen::VectorXd x(5);
  x << 1, 2, 3, 4, 5;  // quartile breaks 1, 2, 3, 4, 5 are data values
  const auto right = quantile_tiers(x, 4, IntervalClosure::Right);
  const auto left = quantile_tiers(x, 4, IntervalClosure::Left);
  EXPECT_EQ(right.tier, (std::vector<int>{1, 1, 2, 3, 4}));
  EXPECT_EQ(left.tier, (std::vector<int>{1, 2, 3, 4, 4}));
  EXPECT_EQ(tier_label_en(5, 5), "very strong");
  EXPECT_EQ(tier_label_zh(1, 5), "弱");
}

TEST(CompositeSensitivity, SeededAndCentredOnTheNominalRanksWithoutNoise) {
  const auto f = small_framework();
  Eigen::MatrixXd x(4, 3);
  x << 1, 2, 9, 2, 3, 7, 3, 5, 4, 4, 4, 1;
  RankSensitivityOptions o;
  o.runs = 50;
  o.seed = 7;
  const auto w = framework_weights(f);
  std::vector<std::string> warn;
  const auto a = rank_sensitivity(x, f, {}, AggregationMethod::Arithmetic, w, o, {}, &warn);
  const auto b = rank_sensitivity(x, f, {}, AggregationMethod::Arithmetic, w, o, {}, &warn);
  EXPECT_EQ(a.median_rank, b.median_rank);
  EXPECT_EQ(a.runs_used, 50);
  o.weight_noise = 0;
  o.normalisations = {NormaliseMethod::MinMax};
  o.aggregations = {AggregationMethod::Arithmetic};
  const auto c = rank_sensitivity(x, f, {}, AggregationMethod::Arithmetic, w, o, {}, &warn);
  for (Eigen::Index i = 0; i < 4; ++i) {
    EXPECT_EQ(c.median_rank[i], c.nominal_rank[i]);
    EXPECT_EQ(c.q05[i], c.q95[i]);
  }
}

}  // namespace
}  // namespace agglo
