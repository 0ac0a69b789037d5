// Specialisation indices: transposition identities, hand cases and edge cases.
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "core/test_helpers.hpp"
#include "families/specialization/diversity_measures.hpp"
#include "families/specialization/specialization_indices.hpp"
#include "registry/registry.hpp"

namespace agglo {
namespace {

Eigen::MatrixXd sample_matrix() {
  Eigen::MatrixXd x(5, 4);
  x << 120, 30, 0, 8, 40, 55, 12, 3, 300, 10, 7, 90, 15, 15, 15, 15, 60, 200, 1, 0;
  return x;
}

TEST(KrugmanSpecialization, HandCaseAndHooverIsHalf) {
  Eigen::MatrixXd x(2, 2);
  x << 30, 10, 20, 40;  // nation: 50 / 50 of 100; region 0 shares .75 .25
  const Eigen::VectorXd k = krugman_specialization(x);
  EXPECT_NEAR(k(0), 0.5, 1e-15);  // |.75 - .5| + |.25 - .5|
  EXPECT_NEAR(k(1), 2 * (0.5 - 20.0 / 60), 1e-15);
  const Eigen::VectorXd h = hoover_specialization(x);
  for (Eigen::Index r = 0; r < 2; ++r) EXPECT_DOUBLE_EQ(k(r), 2 * h(r));
  // Rest of nation of region 0 = region 1: |.75 - 1/3| + |.25 - 2/3|
  EXPECT_NEAR(krugman_specialization(x, KrugmanReference::RestOfNation)(0), 2 * (0.75 - 1.0 / 3),
              1e-15);
}

TEST(KrugmanSpecialization, IsConcentrationOfTheTranspose) {
  const Eigen::MatrixXd x = sample_matrix();
  const Eigen::MatrixXd xt = x.transpose();
  const Eigen::VectorXd a = krugman_specialization(x), b = krugman_concentration(xt);
  const Eigen::VectorXd c = krugman_specialization_other_regions(x);
  const Eigen::VectorXd d = krugman_concentration_other_industries(xt);
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    EXPECT_DOUBLE_EQ(a(r), b(r));
    EXPECT_DOUBLE_EQ(c(r), d(r));
  }
}

TEST(SpecializationEdgeCases, EmptyRegionAndNaCell) {
  Eigen::MatrixXd x = sample_matrix();
  x.row(1).setZero();
  x(3, 0) = NA;
  const Eigen::VectorXd k = krugman_specialization(x);
  const Eigen::VectorXd e = entropy(x);
  const Hachman h = hachman(x);
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    const bool na = r == 1 || r == 3;
    EXPECT_EQ(std::isnan(k(r)), na) << r;
    EXPECT_EQ(std::isnan(e(r)), na) << r;
    EXPECT_EQ(std::isnan(h.hachman(r)), na) << r;
  }
}

TEST(SpecializationEdgeCases, SingleRegionIsTheNation) {
  Eigen::MatrixXd x(1, 3);
  x << 5, 7, 0;
  EXPECT_NEAR(krugman_specialization(x)(0), 0, 1e-15);
  EXPECT_NEAR(hachman(x).hachman(0), 1, 1e-15);
  EXPECT_TRUE(std::isnan(krugman_specialization(x, KrugmanReference::RestOfNation)(0)));
  EXPECT_TRUE(std::isnan(krugman_specialization_other_regions(x)(0)));
}

TEST(Herfindahl, SpecializationSingleIndustry) {
  Eigen::MatrixXd x(3, 1);
  x << 1, 2, 3;
  const Herfindahl h = herfindahl_specialization(x);
  for (Eigen::Index r = 0; r < 3; ++r) {
    EXPECT_DOUBLE_EQ(h.hhi(r), 1);
    EXPECT_TRUE(std::isnan(h.hhi_norm(r)));
  }
}

TEST(Hachman, BoundsAndHandCase) {
  const Eigen::MatrixXd x = sample_matrix();
  const Hachman h = hachman(x);
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    EXPECT_GE(h.lq_avg(r), 1 - 1e-15);
    EXPECT_NEAR(h.hachman(r) * h.lq_avg(r), 1, 1e-15);
  }
  Eigen::MatrixXd y(2, 2);
  y << 30, 10, 20, 40;  // region 0: s = .75 .25, S = .5 .5: lq_avg = (.5625 + .0625) / .5
  EXPECT_NEAR(hachman(y).lq_avg(0), 1.25, 1e-15);
  EXPECT_NEAR(hachman(y).hachman(0), 0.8, 1e-15);
}

TEST(Entropy, HandCases) {
  Eigen::MatrixXd x(2, 4);
  x << 1, 1, 1, 1, 2, 2, 0, 0;  // uniform over 4; uniform over 2 with empty cells (0 log 0 = 0)
  const Eigen::VectorXd bits = entropy(x);
  EXPECT_NEAR(bits(0), 2, 1e-15);
  EXPECT_NEAR(bits(1), 1, 1e-15);
  EXPECT_NEAR(entropy(x, std::exp(1.0))(0), std::log(4.0), 1e-15);
  EXPECT_THROW(entropy(x, 1), UsageError);
  EXPECT_THROW(entropy(x, 0), UsageError);
}

TEST(DiversityUbiquity, HandCase) {
  Eigen::MatrixXd b(3, 2);
  b << 1, 0, 1, 1, 0, 0;
  const DiversityUbiquity du = diversity_ubiquity(b);
  EXPECT_EQ(du.diversity, Eigen::Vector3d(1, 2, 0));
  EXPECT_EQ(du.ubiquity, Eigen::Vector2d(2, 1));
}

TEST(DiversityUbiquity, RegisteredOnceForBothFamilies) {
  const MeasureSpec* spec = Registry::instance().find("diversity_ubiquity");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->family, "specialization");
  ASSERT_EQ(spec->also_in.size(), 1u);
  EXPECT_EQ(spec->also_in[0], "complexity");
}

TEST(DiversityUbiquity, RcaFalseRejectsNonBinaryCells) {
  const std::string path =
      test::temp_file("du_nonbinary.csv", "region,industry,value\na,x,1\na,y,3\nb,x,0\nb,y,1\n");
  const MeasureSpec* spec = Registry::instance().find("diversity_ubiquity");
  ASSERT_NE(spec, nullptr);
  Invocation inv(*spec, {{"rca", false}}, {}, {{"table", InputSource{path, "", ""}}});
  EXPECT_THROW(spec->kernel(inv), Error);
}

}  // namespace
}  // namespace agglo
