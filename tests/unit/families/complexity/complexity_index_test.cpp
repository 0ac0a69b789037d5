// ECI/PCI, KCI/TCI, reflections and fitness-complexity: identities, degenerate cases, threads.
#include <gtest/gtest.h>

#include <cmath>

#include <omp.h>
#include <Eigen/Eigenvalues>

#include "core/table.hpp"
#include "families/complexity/complexity_index.hpp"
#include "families/complexity/economic_complexity.hpp"
#include "families/complexity/fitness_complexity.hpp"
#include "families/complexity/presence.hpp"

using namespace agglo;

namespace {

// A nested (triangular) presence matrix with a little noise so the 2nd eigenvalue is simple.
Eigen::MatrixXd nested(Eigen::Index n, Eigen::Index k) {
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(n, k);
  for (Eigen::Index r = 0; r < n; ++r)
    for (Eigen::Index i = 0; i < k; ++i)
      if (i * n <= (n - r) * k) m(r, i) = 1;
  return m;
}

// A pseudo-random connected presence matrix (fixed seed arithmetic).
Eigen::MatrixXd scrambled(Eigen::Index n, Eigen::Index k) {
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(n, k);
  uint64_t s = 12345;
  for (Eigen::Index r = 0; r < n; ++r)
    for (Eigen::Index i = 0; i < k; ++i) {
      s = s * 6364136223846793005ULL + 1442695040888963407ULL;
      const double p = 0.08 + 0.5 * static_cast<double>(n - r) / static_cast<double>(n) *
                                  static_cast<double>(k - i) / static_cast<double>(k);
      if (static_cast<double>(s >> 11) / 9007199254740992.0 < p) m(r, i) = 1;
    }
  for (Eigen::Index r = 0; r < n; ++r) m(r, r % k) = 1;  // every region has something
  for (Eigen::Index i = 0; i < k; ++i) m(i % n, i) = 1;  // every industry somewhere
  return m;
}

}  // namespace

TEST(ComplexityEigen, EciIsMeanPciOfPresentIndustries) {
  const Eigen::MatrixXd m = scrambled(30, 40);
  const EciPci e = economic_complexity_index(m);
  ASSERT_TRUE(e.problem.empty()) << e.problem;
  const Eigen::VectorXd d = diversity(m);
  for (Eigen::Index c = 0; c < m.rows(); ++c) {
    const double mean_pci = (m.row(c).transpose().array() * e.pci.array()).sum() / d(c);
    EXPECT_NEAR(e.eci(c), mean_pci, 1e-10);
  }
  EXPECT_NEAR(e.eci.mean(), 0.0, 1e-12);
  EXPECT_NEAR(std::sqrt(e.eci.array().square().mean()), 1.0, 1e-12);
  EXPECT_GT(pearson_correlation(e.eci, d), 0.0);
}

TEST(ComplexityEigen, LanczosAgreesWithDenseSolver) {
  // 100 x 300 goes through Spectra; its transpose-free dense check is Mpp kp = lambda2 kp.
  const Eigen::MatrixXd m = scrambled(100, 300);
  const ComplexityEigenvectors e = complexity_eigenvectors(m);
  ASSERT_TRUE(e.problem.empty()) << e.problem;
  const Eigen::VectorXd d = diversity(m), u = ubiquity(m);
  const Eigen::MatrixXd mpp =
      u.cwiseInverse().asDiagonal() * m.transpose() * d.cwiseInverse().asDiagonal() * m;
  EXPECT_NEAR(e.lambda1, 1.0, 1e-10);
  EXPECT_LT((mpp * e.kp - e.lambda2 * e.kp).norm(), 1e-9);
  Eigen::EigenSolver<Eigen::MatrixXd> es(mpp);
  std::vector<double> ev;
  for (Eigen::Index i = 0; i < es.eigenvalues().size(); ++i)
    ev.push_back(es.eigenvalues()(i).real());
  std::sort(ev.rbegin(), ev.rend());
  EXPECT_NEAR(e.lambda2, ev[1], 1e-10);
}

TEST(ComplexityEigen, ResultDoesNotDependOnThreadCount) {
  const Eigen::MatrixXd x = scrambled(120, 400) * 7.0 + Eigen::MatrixXd::Constant(120, 400, 1.0);
  const int before = omp_get_max_threads();
  omp_set_num_threads(1);
  const EconomicComplexity one = economic_complexity(x);
  omp_set_num_threads(2);
  const EconomicComplexity two = economic_complexity(x);
  omp_set_num_threads(before);
  EXPECT_TRUE((one.eci.array() == two.eci.array()).all());
  EXPECT_TRUE((one.density.array() == two.density.array()).all());
  EXPECT_TRUE((one.cog.array() == two.cog.array()).all());
  EXPECT_TRUE((one.proximity.array() == two.proximity.array()).all());
}

TEST(ComplexityEigen, DisconnectedNetworkIsNaWithReason) {
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(4, 4);
  m(0, 0) = m(0, 1) = m(1, 0) = m(1, 1) = 1;  // block 1
  m(2, 2) = m(2, 3) = m(3, 2) = 1;            // block 2
  const EciPci e = economic_complexity_index(m);
  EXPECT_NE(e.problem.find("disconnected"), std::string::npos);
  EXPECT_TRUE(e.eci.array().isNaN().all());
}

TEST(ComplexityEigen, TooFewRegionsIsNa) {
  Eigen::MatrixXd m(1, 3);
  m << 1, 1, 0;
  const EciPci e = economic_complexity_index(m);
  EXPECT_FALSE(e.problem.empty());
  EXPECT_TRUE(e.pci.array().isNaN().all());
}

TEST(ComplexityEigen, TiedSecondEigenvalueIsNa) {
  // Three identical disjoint-free symmetric blocks joined by a full row give tied eigenvalues.
  Eigen::MatrixXd m = Eigen::MatrixXd::Identity(4, 4);
  m.row(3).setOnes();
  const ComplexityEigenvectors e = complexity_eigenvectors(m);
  EXPECT_NE(e.problem.find("tied"), std::string::npos) << e.problem;
}

TEST(ComplexityEigen, IndustryPresentEverywhereOrNowhere) {
  Eigen::MatrixXd x(4, 4);
  x << 10, 5, 0, 1,  //
      8, 1, 0, 6,    //
      9, 3, 0, 2,    //
      7, 8, 0, 3;
  const EconomicComplexity ec = economic_complexity(x);
  EXPECT_TRUE(std::isnan(ec.pci(2)));  // industry present nowhere: left out
  EXPECT_TRUE(std::isnan(ec.rca(0, 2)));
  EXPECT_FALSE(ec.warnings.empty());
}

TEST(ComplexityEigen, ZeroRegionReappearsAsNa) {
  Eigen::MatrixXd x(4, 3);
  x << 10, 5, 1, 0, 0, 0, 1, 8, 3, 4, 2, 9;
  const EconomicComplexity ec = economic_complexity(x);
  EXPECT_TRUE(std::isnan(ec.eci(1)));
  EXPECT_TRUE(std::isnan(ec.diversity(1)));
  EXPECT_TRUE(std::isnan(ec.density(1, 0)));
}

TEST(ComplexityEigen, CogIsZeroWhereSpecialised) {
  const Eigen::MatrixXd m = scrambled(20, 25);
  const EconomicComplexity ec = economic_complexity(m * 3.0 + Eigen::MatrixXd::Ones(20, 25));
  for (Eigen::Index c = 0; c < 20; ++c)
    for (Eigen::Index p = 0; p < 25; ++p)
      if (ec.mcp(c, p) == 1) {
        EXPECT_EQ(ec.cog(c, p), 0.0);
      }
}

TEST(ComplexityKci, SumNormalisationSumsToOne) {
  const Eigen::MatrixXd m = scrambled(15, 12);
  const KciTci kt = knowledge_complexity_index(m);
  ASSERT_TRUE(kt.problem.empty()) << kt.problem;
  EXPECT_NEAR(kt.kci.sum(), 1.0, 1e-12);
  EXPECT_NEAR(kt.tci.sum(), 1.0, 1e-12);
  EXPECT_LT(spearman_correlation(kt.tci, ubiquity(m)), 0.0);
}

TEST(ComplexityReflections, FirstStepsByHand) {
  Eigen::MatrixXd m(3, 3);
  m << 1, 1, 1, 1, 1, 0, 1, 0, 0;
  const Reflections r = method_of_reflections(m, 2, ReflectionScaling::None);
  // kc0 = (3, 2, 1), kp0 = (3, 2, 1); kc1 = (2, 2.5, 3); kp1 = (2, 2.5, 3)
  EXPECT_DOUBLE_EQ(r.kc(0, 1), 2.0);
  EXPECT_DOUBLE_EQ(r.kc(1, 1), 2.5);
  EXPECT_DOUBLE_EQ(r.kp(2, 1), 3.0);
  // kc2_0 = mean(kp1) = 2.5
  EXPECT_DOUBLE_EQ(r.kc(0, 2), 2.5);
}

TEST(ComplexityReflections, RescaledStepsSpanZeroToHundred) {
  const Reflections r = method_of_reflections(scrambled(10, 8), 6);
  EXPECT_DOUBLE_EQ(r.kc.col(5).minCoeff(), 0.0);
  EXPECT_DOUBLE_EQ(r.kc.col(5).maxCoeff(), 100.0);
}

TEST(ComplexityReflections, RegionWithoutPresenceIsNa) {
  Eigen::MatrixXd m(3, 2);
  m << 1, 1, 0, 0, 1, 0;
  const Reflections r = method_of_reflections(m, 4);
  EXPECT_TRUE(std::isnan(r.kc(1, 1)));
  EXPECT_FALSE(r.problem.empty());
}

TEST(ComplexityFitness, NestedMatrixRanksFitnessByDiversity) {
  const Eigen::MatrixXd m = nested(6, 6);
  const FitnessComplexity fc = fitness_complexity(m, 200, 1e-14);
  const Eigen::VectorXd d = diversity(m);
  for (Eigen::Index r = 0; r + 1 < m.rows(); ++r)
    if (d(r) > d(r + 1)) {
      EXPECT_GT(fc.fitness(r), fc.fitness(r + 1));
    }
  // Products made only by the most diversified region are the most complex.
  EXPECT_EQ(fc.complexity.maxCoeff(), fc.complexity(m.cols() - 1));
  EXPECT_NEAR(fc.fitness.mean(), 1.0, 1e-12);
}

TEST(ComplexityFitness, ConvergesOnFullMatrix) {
  const FitnessComplexity fc = fitness_complexity(Eigen::MatrixXd::Ones(3, 4));
  EXPECT_TRUE(fc.converged);
  for (double f : fc.fitness) EXPECT_DOUBLE_EQ(f, 1.0);
  for (double q : fc.complexity) EXPECT_DOUBLE_EQ(q, 1.0);
}

TEST(ComplexityFitness, EmptyRowAndColumnAreNa) {
  Eigen::MatrixXd m(3, 3);
  m << 1, 1, 0, 0, 0, 0, 1, 0, 0;
  const FitnessComplexity fc = fitness_complexity(m);
  EXPECT_TRUE(std::isnan(fc.fitness(1)));
  EXPECT_TRUE(std::isnan(fc.complexity(2)));
  EXPECT_FALSE(fc.problem.empty());
}
