// Ellison-Glaeser indices: hand case, the pair identity of the coagglomeration index, edge cases.
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/test_helpers.hpp"
#include "families/agglomeration/ellison_glaeser.hpp"
#include "registry/registry.hpp"

namespace agglo {
namespace {

// Industry 0: one plant of size 1 in each of the two regions; industry 1: two plants of size 1
// in region 0; industry 2: a single plant.
Plants hand_plants() {
  Plants p;
  p.industry = {0, 0, 1, 1, 2};
  p.region = {0, 1, 0, 0, 1};
  p.size = {1, 1, 1, 1, 4};
  p.industries = 3;
  p.regions = 2;
  return p;
}

TEST(EllisonGlaeser, HandCase) {
  const Eigen::Vector2d x(0.5, 0.5);  // sum x^2 = .5, sum x^3 = .25
  const EllisonGlaeser eg = ellison_glaeser(hand_plants(), x);
  // Industry 0: s = x, G = 0, H = .5: gamma = (0 - .25) / (.5 * .5) = -1;
  // Var = 2 [.25 (.5 - .5 + .25) - .125 (.5 - 1 + .75)] = .0625, z = -.25 / .25 = -1.
  EXPECT_NEAR(eg.G(0), 0, 1e-15);
  EXPECT_NEAR(eg.hhi(0), 0.5, 1e-15);
  EXPECT_NEAR(eg.gamma(0), -1, 1e-15);
  EXPECT_NEAR(eg.z_G(0), -1, 1e-15);
  // Industry 1: s = (1, 0), G = .5, H = .5: gamma = (.5 - .25) / .25 = 1, z = .25 / .25 = 1.
  EXPECT_NEAR(eg.G(1), 0.5, 1e-15);
  EXPECT_NEAR(eg.gamma(1), 1, 1e-15);
  EXPECT_NEAR(eg.z_G(1), 1, 1e-15);
  EXPECT_EQ(eg.plants(0), 2);
  EXPECT_EQ(eg.plants(2), 1);
  // A single plant: H = 1, gamma undefined; Var = 2 (.25 - .25) = 0, z undefined.
  EXPECT_DOUBLE_EQ(eg.hhi(2), 1);
  EXPECT_TRUE(std::isnan(eg.gamma(2)));
  EXPECT_TRUE(std::isnan(eg.z_G(2)));
}

TEST(EllisonGlaeser, InternalReferenceShares) {
  const Eigen::VectorXd x = plant_region_shares(hand_plants());
  EXPECT_NEAR(x(0), 3.0 / 8, 1e-15);
  EXPECT_NEAR(x(1), 5.0 / 8, 1e-15);
}

TEST(EllisonGlaeser, SingleRegionIsUndefined) {
  Plants p;
  p.industry = {0, 0};
  p.region = {0, 0};
  p.size = {1, 2};
  p.industries = 1;
  p.regions = 1;
  const EllisonGlaeser eg = ellison_glaeser(p, plant_region_shares(p));
  EXPECT_NEAR(eg.G(0), 0, 1e-15);
  EXPECT_TRUE(std::isnan(eg.gamma(0)));
  EXPECT_TRUE(std::isnan(eg.z_G(0)));
}

TEST(EllisonGlaeser, ZeroSizeIndustryIsNa) {
  Plants p = hand_plants();
  p.size[4] = 0;
  const EllisonGlaeser eg = ellison_glaeser(p, plant_region_shares(p));
  EXPECT_TRUE(std::isnan(eg.G(2)));
  EXPECT_TRUE(std::isnan(eg.gamma(2)));
  EXPECT_EQ(eg.plants(2), 1);
  const Eigen::MatrixXd gc = ellison_glaeser_coagglomeration(p, plant_region_shares(p));
  EXPECT_TRUE(std::isnan(gc(0, 2)));
  EXPECT_FALSE(std::isnan(gc(0, 1)));
}

TEST(EllisonGlaeserCoagglomeration, HandCaseSymmetricWithNaDiagonal) {
  const Eigen::Vector2d x(0.5, 0.5);
  const Eigen::MatrixXd gc = ellison_glaeser_coagglomeration(hand_plants(), x);
  EXPECT_NEAR(gc(0, 1), 0, 1e-15);     // industry 0 deviates by nothing
  EXPECT_NEAR(gc(1, 2), -1.0, 1e-15);  // (.5)(-.5) + (-.5)(.5) over .5
  for (Eigen::Index a = 0; a < 3; ++a) {
    EXPECT_TRUE(std::isnan(gc(a, a)));
    for (Eigen::Index b = 0; b < 3; ++b)
      if (a != b) {
        EXPECT_DOUBLE_EQ(gc(a, b), gc(b, a));
      }
  }
}

// The pair form equals the published 1997 group formula for a pair U = {a, b}:
//   [G_U / (1 - sum x^2) - H_U - sum_i gamma_i w_i^2 (1 - H_i)] / (1 - sum_i w_i^2)
TEST(EllisonGlaeserCoagglomeration, PairFormEqualsPublishedFormula) {
  Plants p;
  p.industry = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2};
  p.region = {0, 1, 2, 0, 2, 2, 1, 0, 1, 2, 3, 3};
  p.size = {10, 5, 7, 3, 20, 4, 9, 1, 2, 3, 4, 5};
  p.industries = 3;
  p.regions = 4;
  const Eigen::VectorXd x = plant_region_shares(p);
  const double sx2 = x.squaredNorm();
  const EllisonGlaeser eg = ellison_glaeser(p, x);
  const Eigen::MatrixXd gc = ellison_glaeser_coagglomeration(p, x);
  Eigen::MatrixXd e = Eigen::MatrixXd::Zero(4, 3);
  for (size_t k = 0; k < p.size.size(); ++k) e(p.region[k], p.industry[k]) += p.size[k];
  for (Eigen::Index a = 0; a < 3; ++a)
    for (Eigen::Index b = a + 1; b < 3; ++b) {
      const double ea = e.col(a).sum(), eb = e.col(b).sum();
      const double wa = ea / (ea + eb), wb = eb / (ea + eb);
      const Eigen::VectorXd group = (e.col(a) + e.col(b)) / (ea + eb);
      const double G = (group - x).squaredNorm();
      const double H = wa * wa * eg.hhi(a) + wb * wb * eg.hhi(b);
      const double published = (G / (1 - sx2) - H - eg.gamma(a) * wa * wa * (1 - eg.hhi(a)) -
                                eg.gamma(b) * wb * wb * (1 - eg.hhi(b))) /
                               (1 - wa * wa - wb * wb);
      EXPECT_NEAR(gc(a, b), published, 1e-12) << a << "," << b;
    }
}

TEST(EllisonGlaeserRegistry, PlantOutsideTheRegionsIsAnError) {
  const std::string plants =
      test::temp_file("eg_plants.csv", "plant,industry,region,emp\np1,a,1,10\np2,a,9,5\n");
  const std::string regions = test::temp_file("eg_regions.csv", "region,region_emp\n1,100\n2,50\n");
  const MeasureSpec* spec = Registry::instance().find("ellison_glaeser");
  ASSERT_NE(spec, nullptr);
  Invocation inv(
      *spec, {{"reference", "external"}}, {{"value", "emp"}, {"region_total", "region_emp"}},
      {{"plants", InputSource{plants, "", ""}}, {"regions", InputSource{regions, "", ""}}});
  EXPECT_THROW(spec->kernel(inv), Error);
}

TEST(EllisonGlaeserRegistry, DuplicatePlantIsAnError) {
  const std::string plants =
      test::temp_file("eg_dup.csv", "plant,industry,region,emp\np1,a,1,10\np1,a,2,5\n");
  const MeasureSpec* spec = Registry::instance().find("ellison_glaeser");
  ASSERT_NE(spec, nullptr);
  Invocation inv(*spec, nlohmann::json::object(), {{"value", "emp"}},
                 {{"plants", InputSource{plants, "", ""}}});
  EXPECT_THROW(spec->kernel(inv), Error);
}

}  // namespace
}  // namespace agglo
