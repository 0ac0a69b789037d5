// Unit tests of the input-output family: hand-computed values, identities and edge cases.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/error.hpp"
#include "core/table.hpp"
#include "core/test_helpers.hpp"
#include "families/input_output/leontief.hpp"
#include "families/input_output/mrio.hpp"
#include "families/input_output/national.hpp"
#include "families/input_output/regionalisation.hpp"
#include "families/input_output/tariff_propagation.hpp"
#include "families/input_output/value_added_trade.hpp"
#include "registry/registry.hpp"

namespace agglo {
namespace {

Eigen::MatrixXd miller_blair_Z() {
  return (Eigen::MatrixXd(2, 2) << 150, 500, 200, 100).finished();
}
Eigen::VectorXd miller_blair_x() {
  return Eigen::Vector2d(1000, 2000);
}

Eigen::MatrixXd random_a(Eigen::Index n, double density, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<double> u(0, 1);
  Eigen::MatrixXd A(n, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    for (Eigen::Index i = 0; i < n; ++i) A(i, j) = u(gen) < density ? u(gen) : 0;
    const double s = A.col(j).sum();
    if (s > 0) A.col(j) *= (0.2 + 0.6 * u(gen)) / s;
  }
  return A;
}

Results run(const std::string& measure, const nlohmann::json& params,
            std::map<std::string, std::string> files,
            std::map<std::string, std::string> columns = {}) {
  const MeasureSpec* spec = Registry::instance().find(measure);
  EXPECT_NE(spec, nullptr);
  std::map<std::string, InputSource> inputs;
  for (const auto& [role, content] : files)
    inputs[role] = InputSource{test::temp_file(measure + "_" + role + ".csv", content), "", ""};
  Invocation inv(*spec, params, columns, inputs);
  return spec->kernel(inv);
}

double cell(const Table& t, const std::string& key_col, const std::string& key,
            const std::string& col) {
  const Column& k = t.column(key_col);
  for (size_t r = 0; r < t.rows(); ++r)
    if (k.text[r] == key) return t.column(col).number[r];
  ADD_FAILURE() << "no row " << key;
  return NA;
}

TEST(Leontief, MillerBlairByHand) {
  const Eigen::MatrixXd A = technical_coefficients(miller_blair_Z(), miller_blair_x());
  const Eigen::MatrixXd L = leontief_inverse(A);
  // det(I - A) = 0.85 * 0.95 - 0.25 * 0.2 = 0.7575
  EXPECT_NEAR(L(0, 0), 0.95 / 0.7575, 1e-15);
  EXPECT_NEAR(L(0, 1), 0.25 / 0.7575, 1e-15);
  EXPECT_NEAR(L(1, 0), 0.2 / 0.7575, 1e-15);
  const Eigen::VectorXd f(Eigen::Vector2d(600, 1500));
  const Eigen::VectorXd x = L * f;
  EXPECT_NEAR(x(0), 1247.5247524752475, 1e-9);
  EXPECT_NEAR(x(1), 1841.5841584158416, 1e-9);
}

TEST(Leontief, SingleSector) {
  const Eigen::MatrixXd A = Eigen::MatrixXd::Constant(1, 1, 0.25);
  EXPECT_DOUBLE_EQ(leontief_inverse(A)(0, 0), 1 / 0.75);
  const LeontiefSystem sys(A);
  EXPECT_DOUBLE_EQ(output_multipliers(sys)(0), 1 / 0.75);
}

TEST(Leontief, SolversAgree) {
  const Eigen::MatrixXd A = random_a(600, 0.03, 7);
  const Eigen::VectorXd b = Eigen::VectorXd::LinSpaced(600, 1, 2);
  const LeontiefSystem dense(A, IoSolver::DenseLu), sparse(A, IoSolver::SparseLu),
      krylov(A, IoSolver::Iterative);
  const LeontiefSystem autosel(A);
  EXPECT_EQ(autosel.method(), IoSolver::SparseLu);
  const Eigen::VectorXd ref = dense.solve(b), reft = dense.solve_transposed(b);
  EXPECT_LT((sparse.solve(b) - ref).norm() / ref.norm(), 1e-13);
  EXPECT_LT((sparse.solve_transposed(b) - reft).norm() / reft.norm(), 1e-13);
  EXPECT_LT((krylov.solve(b) - ref).norm() / ref.norm(), 1e-12);
  EXPECT_LT((krylov.solve_transposed(b) - reft).norm() / reft.norm(), 1e-12);
  // The sparse path's Hager-Higham estimate is close to the dense LAPACK-style one.
  EXPECT_NEAR(std::log10(sparse.rcond()), std::log10(dense.rcond()), 0.5);
}

TEST(Leontief, SingularSystemIsAnErrorWithTheConditionEstimate) {
  Eigen::MatrixXd A(2, 2);
  A << 0.5, 0.5, 0.5, 0.5;  // column sums 1: (I - A) singular
  try {
    LeontiefSystem sys(A, IoSolver::DenseLu);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("condition"), std::string::npos) << e.what();
  }
  EXPECT_THROW(LeontiefSystem(A, IoSolver::SparseLu), Error);
}

TEST(Leontief, GhoshFromLeontiefEqualsInverseOfIMinusB) {
  const Eigen::MatrixXd Z = miller_blair_Z();
  const Eigen::VectorXd x = miller_blair_x();
  const Eigen::MatrixXd G1 = ghosh_inverse(allocation_coefficients(Z, x));
  const Eigen::MatrixXd G2 = ghosh_from_leontief(leontief_inverse(technical_coefficients(Z, x)), x);
  EXPECT_LT((G1 - G2).cwiseAbs().maxCoeff(), 1e-14);
}

TEST(National, HypotheticalExtractionClosedFormsEqualTheDefinition) {
  const Eigen::MatrixXd A = random_a(12, 0.6, 3);
  const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(12, 100, 900);
  const Eigen::MatrixXd Z = A * x.asDiagonal();
  const auto c = hypothetical_extraction(Z, x, HemMethod::ClosedForm);
  const auto d = hypothetical_extraction(Z, x, HemMethod::Direct);
  const double tol = 1e-10 * x.sum();
  EXPECT_LT((c.total - d.total).cwiseAbs().maxCoeff(), tol);
  EXPECT_LT((c.backward - d.backward).cwiseAbs().maxCoeff(), tol);
  EXPECT_LT((c.forward - d.forward).cwiseAbs().maxCoeff(), tol);
  EXPECT_LT((c.cella - d.cella).cwiseAbs().maxCoeff(), tol);
}

TEST(National, LinkagesAverageToOne) {
  const Eigen::MatrixXd A = random_a(9, 0.7, 5);
  const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(9, 10, 90);
  const auto r = rasmussen_hirschman_linkages(LeontiefSystem(A), x);
  EXPECT_NEAR(r.backward.mean(), 1.0, 1e-14);
  EXPECT_NEAR(r.forward_leontief.mean(), 1.0, 1e-14);
  EXPECT_NEAR(r.forward_ghosh.mean(), 1.0, 1e-14);
}

TEST(National, TypeTwoMultipliers) {
  const Eigen::MatrixXd A = technical_coefficients(miller_blair_Z(), miller_blair_x());
  const Eigen::VectorXd type1 = output_multipliers(LeontiefSystem(A));
  const Eigen::Vector2d hr(0.3, 0.4), hc(0.2, 0.3);
  // No household consumption: the closed system is the open one.
  EXPECT_LT(
      (type2_output_multipliers(A, hr, Eigen::Vector2d::Zero()) - type1).cwiseAbs().maxCoeff(),
      1e-14);
  const Eigen::VectorXd type2 = type2_output_multipliers(A, hr, hc);
  EXPECT_TRUE((type2.array() > type1.array()).all());
}

TEST(National, PriceModelWithFullValueAddedShockRaisesEveryPriceEqually) {
  // In a balanced table v'L = 1', so raising all value added by s raises every price by s.
  const Eigen::MatrixXd Z = miller_blair_Z();
  const Eigen::VectorXd x = miller_blair_x();
  const Eigen::VectorXd v =
      Eigen::VectorXd::Ones(2) - technical_coefficients(Z, x).colwise().sum().transpose();
  const Eigen::MatrixXd dp =
      leontief_price_change(LeontiefSystem(technical_coefficients(Z, x)), 0.1 * v.transpose());
  EXPECT_NEAR(dp(0, 0), 0.1, 1e-15);
  EXPECT_NEAR(dp(0, 1), 0.1, 1e-15);
}

const char* kZ = "code,a,b,c\na,10,20,0\nb,5,0,0\nc,0,0,0\n";

TEST(NationalKernel, ZeroOutputSectorIsNaWithAWarning) {
  const Results r = run("io_analysis", {}, {{"Z", kZ}, {"Y", "code,hh\na,70\nb,95\nc,0\n"}});
  const Table* L = r.find("L");
  ASSERT_NE(L, nullptr);
  EXPECT_TRUE(is_na(cell(*L, "code", "c", "a")));
  EXPECT_TRUE(is_na(cell(*L, "code", "a", "c")));
  EXPECT_FALSE(is_na(cell(*L, "code", "a", "a")));
  bool warned = false;
  for (const auto& w : r.warnings)
    warned |= w.find("sector c has zero output") != std::string::npos;
  EXPECT_TRUE(warned);
  EXPECT_TRUE(is_na(cell(*r.find("linkages"), "code", "c", "bl")));
}

TEST(NationalKernel, MissingCellIsAPositionedError) {
  try {
    run("io_analysis", {}, {{"Z", "code,a,b\na,1,NA\nb,2,3\n"}, {"Y", "code,f\na,1\nb,1\n"}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(":2:3"), std::string::npos) << e.what();
  }
}

TEST(NationalKernel, ImbalanceIsReportedWithTheWorstRow) {
  const Results r = run("io_analysis", {},
                        {{"Z", "code,a,b\na,10,20\nb,5,5\n"},
                         {"Y", "code,f\na,70\nb,90\n"},
                         {"x", "code,x\na,100\nb,130\n"}});
  bool warned = false;
  for (const auto& w : r.warnings)
    warned |= w.find("row balance") != std::string::npos && w.find("b (") != std::string::npos;
  EXPECT_TRUE(warned);
}

// Two regions, one sector each: r1 sells inputs to r2 (a_12 = 0.2) and nothing else.
MrioLayout two_regions() {
  return make_mrio_layout({"r1", "r2"}, {"s", "s"}, {"r1", "r2"});
}

TEST(Tariff, HandComputation) {
  Eigen::MatrixXd A(2, 2);
  A << 0.1, 0.2, 0.3, 0.1;
  Eigen::MatrixXd tau = Eigen::MatrixXd::Zero(2, 2);
  tau(0, 1) = 0.25;  // r2 taxes imports of s from r1 at 25 %
  const LeontiefSystem sys(A);
  const auto e = tariff_cost_propagation(A, tau, sys, two_regions());
  EXPECT_DOUBLE_EQ(e.direct(0), 0.0);
  EXPECT_DOUBLE_EQ(e.direct(1), 0.2 * 0.25);
  // total' = direct' L: total_1 = 0.05 L_21, total_2 = 0.05 L_22; det(I - A) = 0.9*0.9 - 0.2*0.3 =
  // 0.75
  EXPECT_NEAR(e.total(0), 0.05 * 0.3 / 0.75, 1e-15);
  EXPECT_NEAR(e.total(1), 0.05 * 0.9 / 0.75, 1e-15);
  EXPECT_NEAR(e.indirect(1), e.total(1) - 0.05, 1e-15);
}

TEST(Tariff, NoIndirectPathsMeansTotalEqualsDirect) {
  Eigen::MatrixXd A(2, 2);
  A << 0.0, 0.2, 0.0, 0.0;  // the tariff payer (r2) sells no intermediates
  Eigen::MatrixXd tau = Eigen::MatrixXd::Zero(2, 2);
  tau(0, 1) = 0.1;
  const auto e = tariff_cost_propagation(A, tau, LeontiefSystem(A), two_regions());
  EXPECT_LT((e.total - e.direct).cwiseAbs().maxCoeff(), 1e-16);
  EXPECT_DOUBLE_EQ(e.indirect(1), 0.0);
}

TEST(Mrio, AccountIdentityAndSolveFreeConsumptionAccount) {
  const auto layout =
      make_mrio_layout({"r1", "r1", "r2", "r2"}, {"a", "b", "a", "b"}, {"r1", "r2"});
  const Eigen::MatrixXd A = random_a(4, 1.0, 11);
  const Eigen::MatrixXd Y = (Eigen::MatrixXd(4, 2) << 50, 5, 40, 8, 6, 70, 3, 90).finished();
  const LeontiefSystem sys(A);
  const Eigen::VectorXd x = sys.solve(Y.rowwise().sum()).col(0);
  const Eigen::MatrixXd F = (Eigen::MatrixXd(1, 4) << 10, 20, 30, 40).finished();
  const Eigen::MatrixXd S = stressor_coefficients(F, x);
  const MrioAccounts acc = calc_accounts(S, sys, Y, layout);
  // 1'D_cba = 1'D_pba + 1'D_imp - 1'D_exp, and production equals F.
  EXPECT_NEAR(acc.cba.sum(), acc.pba.sum() + acc.imp.sum() - acc.exp.sum(), 1e-10);
  EXPECT_NEAR(acc.pba.sum(), F.sum(), 1e-10);
  // Against the definition with L and Y_diag formed.
  const Eigen::MatrixXd L = sys.inverse();
  Eigen::MatrixXd Ydiag = Eigen::MatrixXd::Zero(4, 4);
  for (int i = 0; i < 4; ++i)
    for (int s = 0; s < 2; ++s) Ydiag(i, layout.index(s, layout.industry_sector[i])) = Y(i, s);
  EXPECT_LT((S * L * Ydiag - acc.cba).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(ValueAddedTrade, ImpliedValueAddedExhaustsGrossExports) {
  const auto layout =
      make_mrio_layout({"r1", "r1", "r2", "r2"}, {"a", "b", "a", "b"}, {"r1", "r2"});
  const Eigen::MatrixXd A = random_a(4, 1.0, 13);
  const Eigen::MatrixXd Y = (Eigen::MatrixXd(4, 2) << 50, 5, 40, 8, 6, 70, 3, 90).finished();
  const LeontiefSystem sys(A);
  const Eigen::VectorXd x = sys.solve(Y.rowwise().sum()).col(0);
  const Eigen::MatrixXd Z = A * x.asDiagonal();
  const GrossTrade g = gross_trade(Z, Y, layout);
  const Eigen::VectorXd v = Eigen::VectorXd::Ones(4) - A.colwise().sum().transpose();
  const auto va = value_added_in_exports(v, sys, g.exports, layout);
  EXPECT_LT((va.dva + va.fva - va.gross_exports).cwiseAbs().maxCoeff(), 1e-10);
  EXPECT_NEAR(g.exports.sum(), g.imports.sum(), 1e-10);  // every export is someone's import
}

TEST(Regionalisation, FlqWithDeltaZeroIsCilqAndCoefficientsNeverExceedNational) {
  const Eigen::MatrixXd A = random_a(5, 1.0, 17);
  const Eigen::VectorXd regional(Eigen::Vector<double, 5>(10, 0, 30, 5, 50));
  const Eigen::VectorXd national(Eigen::Vector<double, 5>(100, 80, 60, 200, 90));
  const auto flq0 = regional_coefficients(A, regional, national, RegionalisationMethod::Flq, 0.0);
  const auto cilq = regional_coefficients(A, regional, national, RegionalisationMethod::Cilq, 0.0);
  EXPECT_LT((flq0 - cilq).cwiseAbs().maxCoeff(), 1e-16);
  for (auto m : {RegionalisationMethod::Slq, RegionalisationMethod::Cilq,
                 RegionalisationMethod::Flq, RegionalisationMethod::Aflq}) {
    const auto R = regional_coefficients(A, regional, national, m, 0.3);
    EXPECT_TRUE((R.array() <= A.array() + 1e-18).all());
    EXPECT_TRUE((R.array() >= 0).all());
  }
  // FLQ shrinks at least as much as CILQ (lambda < 1).
  const auto flq = regional_coefficients(A, regional, national, RegionalisationMethod::Flq, 0.3);
  EXPECT_TRUE((flq.array() <= cilq.array() + 1e-18).all());
  // A sector with SLQ >= 1 keeps its national row under SLQ.
  const Eigen::VectorXd slq = simple_location_quotients(regional, national);
  const auto R = regional_coefficients(A, regional, national, RegionalisationMethod::Slq, 0.3);
  for (int i = 0; i < 5; ++i) {
    if (slq(i) < 1) continue;
    EXPECT_LT((R.row(i) - A.row(i)).cwiseAbs().maxCoeff(), 1e-18);
  }
}

TEST(Regionalisation, WholeNationIsTheNationalTable) {
  // A region holding all national employment: SLQ = 1 everywhere, lambda = 1 for any delta.
  const Eigen::MatrixXd A = random_a(4, 1.0, 19);
  const Eigen::VectorXd e(Eigen::Vector4d(5, 6, 7, 8));
  for (auto m :
       {RegionalisationMethod::Slq, RegionalisationMethod::Flq, RegionalisationMethod::Aflq})
    EXPECT_LT((regional_coefficients(A, e, e, m, 0.3) - A).cwiseAbs().maxCoeff(), 1e-16);
}

TEST(Regionalisation, SectorWithoutNationalEmploymentIsNa) {
  const Eigen::VectorXd slq =
      simple_location_quotients(Eigen::Vector2d(1, 0), Eigen::Vector2d(4, 0));
  EXPECT_TRUE(std::isnan(slq(1)));
}

}  // namespace
}  // namespace agglo
