// Concentration indices: hand cases, identities and edge cases (zeros, one region, NA, ties).
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "core/test_helpers.hpp"
#include "families/concentration/herfindahl.hpp"
#include "families/concentration/hoover_krugman.hpp"
#include "families/concentration/locational_gini.hpp"
#include "families/concentration/na_reasons.hpp"
#include "registry/registry.hpp"

namespace agglo {
namespace {

// 3 regions x 2 industries; regional totals 10, 30, 60 (shares .1, .3, .6).
Eigen::MatrixXd hand_matrix() {
  Eigen::MatrixXd x(3, 2);
  x << 10, 0, 20, 10, 30, 30;
  return x;
}

Eigen::MatrixXd sample_matrix() {
  Eigen::MatrixXd x(5, 4);
  x << 120, 30, 0, 8, 40, 55, 12, 3, 300, 10, 7, 90, 15, 15, 15, 15, 60, 200, 1, 0;
  return x;
}

TEST(HooverConcentration, HandCase) {
  const Eigen::VectorXd h = hoover_concentration(hand_matrix());
  EXPECT_NEAR(h(0), 0.10, 1e-15);
  EXPECT_NEAR(h(1), 0.15, 1e-15);
}

TEST(HooverConcentration, ExternalReference) {
  Eigen::VectorXd ref(3);
  ref << 1, 1, 2;  // shares .25 .25 .5
  const Eigen::VectorXd h = hoover_concentration(hand_matrix(), ref);
  // A: 1/6, 1/3, 1/2 -> (1/12 + 1/12 + 0) / 2;  B: 0, .25, .75 -> (.25 + 0 + .25) / 2
  EXPECT_NEAR(h(0), 1.0 / 12, 1e-15);
  EXPECT_NEAR(h(1), 0.25, 1e-15);
  const Eigen::VectorXd empty_ref = Eigen::VectorXd::Zero(3);
  EXPECT_TRUE(hoover_concentration(hand_matrix(), empty_ref).array().isNaN().all());
}

TEST(KrugmanConcentration, IsTwiceHoover) {
  const Eigen::MatrixXd x = sample_matrix();
  const Eigen::VectorXd k = krugman_concentration(x);
  const Eigen::VectorXd h = hoover_concentration(x);
  for (Eigen::Index i = 0; i < x.cols(); ++i) EXPECT_DOUBLE_EQ(k(i), 2 * h(i));
}

TEST(KrugmanConcentration, RestOfNation) {
  const Eigen::VectorXd k = krugman_concentration(hand_matrix(), KrugmanReference::RestOfNation);
  EXPECT_NEAR(k(0), 0.5, 1e-15);  // |1/6 - 0| + |1/3 - 1/4| + |1/2 - 3/4|
  EXPECT_NEAR(k(1), 0.5, 1e-15);
  // The only industry has no rest of the nation.
  const Eigen::MatrixXd one = hand_matrix().leftCols(1);
  EXPECT_TRUE(std::isnan(krugman_concentration(one, KrugmanReference::RestOfNation)(0)));
}

TEST(KrugmanConcentration, OtherIndustriesWithTwoIndustriesIsRestOfNation) {
  // With two industries, the mean of the others is the other industry's distribution, which is
  // the distribution of the rest of the nation.
  const Eigen::MatrixXd x = sample_matrix().leftCols(2);
  const Eigen::VectorXd other = krugman_concentration_other_industries(x);
  const Eigen::VectorXd rest = krugman_concentration(x, KrugmanReference::RestOfNation);
  for (Eigen::Index i = 0; i < 2; ++i) EXPECT_NEAR(other(i), rest(i), 1e-14);
}

TEST(KrugmanConcentration, OtherIndustriesSkipEmptyIndustry) {
  Eigen::MatrixXd x = sample_matrix();
  x.col(2).setZero();
  const Eigen::VectorXd k = krugman_concentration_other_industries(x);
  EXPECT_TRUE(std::isnan(k(2)));
  Eigen::MatrixXd without(x.rows(), 3);
  without << x.col(0), x.col(1), x.col(3);
  const Eigen::VectorXd expected = krugman_concentration_other_industries(without);
  EXPECT_NEAR(k(0), expected(0), 1e-14);
  EXPECT_NEAR(k(3), expected(2), 1e-14);
}

TEST(ConcentrationEdgeCases, EmptyIndustryIsNaWithReason) {
  Eigen::MatrixXd x = hand_matrix();
  x.col(1).setZero();
  const Eigen::VectorXd h = hoover_concentration(x);
  EXPECT_FALSE(std::isnan(h(0)));
  EXPECT_TRUE(std::isnan(h(1)));
  EXPECT_TRUE(std::isnan(locational_gini(x)(1)));
  EXPECT_TRUE(std::isnan(herfindahl_concentration(x).hhi(1)));
  EXPECT_TRUE(std::isnan(concentration_ratio(x, 2)(1)));
  const auto w = explain_na_columns("hoover_concentration", "industry", h, x, {"A", "B"}, "other");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("\"B\""), std::string::npos);
  EXPECT_NE(w[0].find("empty"), std::string::npos);
}

TEST(ConcentrationEdgeCases, NaCellMakesOnlyItsIndustryNa) {
  Eigen::MatrixXd x = sample_matrix();
  x(1, 2) = NA;
  const Eigen::VectorXd h = hoover_concentration(x);
  const Eigen::VectorXd g = locational_gini(x);
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    EXPECT_EQ(std::isnan(h(i)), i == 2);
    EXPECT_EQ(std::isnan(g(i)), i == 2);
  }
  const auto w =
      explain_na_columns("hoover_concentration", "industry", h, x, {"a", "b", "c", "d"}, "other");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("NA cells"), std::string::npos);
}

TEST(ConcentrationEdgeCases, EmptyRegionAddsNothing) {
  Eigen::MatrixXd x = sample_matrix();
  Eigen::MatrixXd with_empty(x.rows() + 1, x.cols());
  with_empty << x, Eigen::RowVectorXd::Zero(x.cols());
  const Eigen::VectorXd h0 = hoover_concentration(x), h1 = hoover_concentration(with_empty);
  const Eigen::VectorXd g0 = locational_gini(x), g1 = locational_gini(with_empty);
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    EXPECT_NEAR(h0(i), h1(i), 1e-15);
    EXPECT_NEAR(g0(i), g1(i), 1e-15);
  }
  // ... but an empty region has no LQ, so the Gini of the LQs is undefined.
  EXPECT_TRUE(gini_of_location_quotients(with_empty).array().isNaN().all());
}

TEST(ConcentrationEdgeCases, SingleRegion) {
  Eigen::MatrixXd x(1, 3);
  x << 5, 7, 0;
  const Eigen::VectorXd h = hoover_concentration(x);
  EXPECT_DOUBLE_EQ(h(0), 0);
  EXPECT_DOUBLE_EQ(h(1), 0);
  EXPECT_TRUE(std::isnan(h(2)));
  EXPECT_DOUBLE_EQ(locational_gini(x)(0), 0);
  EXPECT_DOUBLE_EQ(gini_of_location_quotients(x)(0), 0);
  const Herfindahl hh = herfindahl_concentration(x);
  EXPECT_DOUBLE_EQ(hh.hhi(0), 1);
  EXPECT_DOUBLE_EQ(hh.hhi_eq(0), 1);
  EXPECT_TRUE(std::isnan(hh.hhi_norm(0)));
  EXPECT_DOUBLE_EQ(concentration_ratio(x, 4)(1), 1);
}

TEST(LocationalGini, HandCase) {
  Eigen::MatrixXd y(2, 2);
  y << 20, 80, 80, 20;  // region shares .5, .5; A: .2, .8
  // curve (0,0) -> (.5,.2) -> (1,1): Gini = P0 A1 - P1 A0 + P1 A2 - P2 A1 = .5 - .2 = .3
  EXPECT_NEAR(locational_gini(y, false)(0), 0.3, 1e-15);
  EXPECT_NEAR(locational_gini(y)(0), 0.15, 1e-15);
  EXPECT_NEAR(locational_gini(y, false)(1), 0.3, 1e-15);
}

TEST(LocationalGini, TiesAndRowOrderDoNotMatter) {
  // Regions 0 and 2 have the same structure (tied LQs); any order of the rows gives one value.
  Eigen::MatrixXd x(4, 3);
  x << 10, 20, 30, 7, 1, 2, 20, 40, 60, 3, 9, 1;
  Eigen::MatrixXd permuted(4, 3);
  permuted << x.row(2), x.row(3), x.row(0), x.row(1);
  const Eigen::VectorXd a = locational_gini(x), b = locational_gini(permuted);
  for (Eigen::Index i = 0; i < 3; ++i) EXPECT_NEAR(a(i), b(i), 1e-15);
  // An industry distributed like all employment has Gini 0.
  Eigen::MatrixXd like(3, 2);
  like << 1, 2, 2, 4, 3, 6;
  EXPECT_NEAR(locational_gini(like)(0), 0, 1e-15);
  EXPECT_NEAR(gini_of_location_quotients(like)(0), 0, 1e-15);
}

TEST(LocationalGini, BoundedByHalf) {
  Eigen::MatrixXd x(100, 2);
  x.col(0).setZero();
  x(0, 0) = 1;  // the whole industry in one tiny region
  x.col(1).setConstant(1000);
  const double g = locational_gini(x)(0);
  EXPECT_GT(g, 0.49);
  EXPECT_LE(g, 0.5);
}

TEST(GiniOfLocationQuotients, HandCase) {
  // Two regions of equal size; LQs of A are .4 and 1.6: 2/(4 * 1) * (1 (.4 - 1) + 2 (1.6 - 1)) = .3
  Eigen::MatrixXd y(2, 2);
  y << 20, 80, 80, 20;
  EXPECT_NEAR(gini_of_location_quotients(y)(0), 0.3, 1e-15);
}

TEST(Herfindahl, HandCase) {
  Eigen::MatrixXd x(4, 1);
  x << 5, 3, 2, 0;
  const Herfindahl h = herfindahl_concentration(x);
  EXPECT_NEAR(h.hhi(0), 0.38, 1e-15);
  EXPECT_NEAR(h.hhi_norm(0), (0.38 - 0.25) / 0.75, 1e-15);
  EXPECT_NEAR(h.hhi_eq(0), 1 / 0.38, 1e-14);
}

TEST(ConcentrationRatio, HandCase) {
  Eigen::MatrixXd x(4, 2);
  x << 5, 1, 3, 1, 2, 1, 0, 1;  // second industry: ties
  EXPECT_NEAR(concentration_ratio(x, 1)(0), 0.5, 1e-15);
  EXPECT_NEAR(concentration_ratio(x, 2)(0), 0.8, 1e-15);
  EXPECT_NEAR(concentration_ratio(x, 3)(0), 1.0, 1e-15);
  EXPECT_NEAR(concentration_ratio(x, 10)(0), 1.0, 1e-15);
  EXPECT_NEAR(concentration_ratio(x, 2)(1), 0.5, 1e-15);
  EXPECT_THROW(concentration_ratio(x, 0), UsageError);
}

// Through the registry: an empty industry comes out as NA with a warning naming it.
TEST(ConcentrationRegistry, EmptyIndustryWarns) {
  const std::string path = test::temp_file("conc_empty.csv",
                                           "region,industry,value\n"
                                           "a,x,10\na,y,0\nb,x,5\nb,y,0\n");
  const MeasureSpec* spec = Registry::instance().find("hoover_concentration");
  ASSERT_NE(spec, nullptr);
  Invocation inv(*spec, nlohmann::json::object(), {}, {{"table", InputSource{path, "", ""}}});
  const Results res = spec->kernel(inv);
  const Table* t = res.find("hoover");
  ASSERT_NE(t, nullptr);
  const auto& h = t->column("hoover").number;
  EXPECT_TRUE(std::isnan(h[1]));
  EXPECT_FALSE(std::isnan(h[0]));
  ASSERT_EQ(res.warnings.size(), 1u);
  EXPECT_NE(res.warnings[0].find("\"y\""), std::string::npos);
}

TEST(ConcentrationRegistry, ExternalReferenceNeedsEveryRegion) {
  const std::string table =
      test::temp_file("conc_ref_table.csv", "region,industry,value\na,x,10\nb,x,5\n");
  const std::string ref = test::temp_file("conc_ref.csv", "region,pop\na,100\nc,50\n");
  const MeasureSpec* spec = Registry::instance().find("hoover_concentration");
  ASSERT_NE(spec, nullptr);
  Invocation inv(*spec, {{"reference", "external"}}, {{"reference_value", "pop"}},
                 {{"table", InputSource{table, "", ""}}, {"reference", InputSource{ref, "", ""}}});
  EXPECT_THROW(spec->kernel(inv), Error);
}

}  // namespace
}  // namespace agglo
