// The shared-totals kernels of the concentration family: the same values as one measure at a
// time, NA handling on their fast paths, and the locational Gini's ordering of many regions
// (ties, near ties, crowded keys) against a plain sort.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/table.hpp"
#include "families/concentration/concentration_totals.hpp"
#include "families/concentration/hoover_krugman.hpp"
#include "families/concentration/location_quotient.hpp"
#include "families/concentration/locational_gini.hpp"
#include "families/concentration/na_reasons.hpp"
#include "sparse_counts.hpp"

namespace agglo {
namespace {

// The localisation curve with a stable comparison sort of the LQs, as the definition reads,
// summed in long double: a reference whose own rounding is far below the kernel's.
double gini_by_definition(const Eigen::MatrixXd& x, Eigen::Index i) {
  const Eigen::VectorXd region_total = x.rowwise().sum();
  const long double grand = region_total.sum(), total = x.col(i).sum();
  std::vector<std::pair<long double, Eigen::Index>> cells;
  for (Eigen::Index r = 0; r < x.rows(); ++r)  // an empty region adds nothing
    if (region_total(r) > 0)
      cells.emplace_back(static_cast<long double>(x(r, i)) / region_total(r), r);
  std::stable_sort(cells.begin(), cells.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  long double a_prev = 0, p_prev = 0, sum = 0;
  for (const auto& [lq, r] : cells) {
    const long double a = a_prev + x(r, i) / total, p = p_prev + region_total(r) / grand;
    sum += p_prev * a - p * a_prev;
    a_prev = a;
    p_prev = p;
  }
  return static_cast<double>(sum / 2);
}

// The same for counts, in exact integer arithmetic: regions ordered by x_ri / x_r. compared as
// x_ri x_s. < x_si x_r., the area's numerator sum_k (R_{k-1} x_k - x_k. S_{k-1}) summed exactly
// (R, S: running sums of the regional totals and of the industry), then divided once.
double gini_of_counts(const Eigen::MatrixXd& x, Eigen::Index i) {
  std::vector<int64_t> total(static_cast<size_t>(x.rows())), cell(total.size());
  __int128 grand = 0, industry = 0;
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    for (Eigen::Index u = 0; u < x.cols(); ++u)
      total[static_cast<size_t>(r)] += static_cast<int64_t>(x(r, u));
    cell[static_cast<size_t>(r)] = static_cast<int64_t>(x(r, i));
    grand += total[static_cast<size_t>(r)];
    industry += cell[static_cast<size_t>(r)];
  }
  std::vector<size_t> order;
  for (size_t r = 0; r < total.size(); ++r)
    if (total[r] > 0) order.push_back(r);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return static_cast<__int128>(cell[a]) * total[b] < static_cast<__int128>(cell[b]) * total[a];
  });
  __int128 sum = 0, running_total = 0, running_cell = 0;
  for (const size_t r : order) {
    sum += running_total * cell[r] - static_cast<__int128>(total[r]) * running_cell;
    running_total += total[r];
    running_cell += cell[r];
  }
  return static_cast<double>(
      static_cast<long double>(sum) /
      (2.0L * static_cast<long double>(grand) * static_cast<long double>(industry)));
}

TEST(ConcentrationTotals, SkipNaCellsAndFlagTheirIndustry) {
  Eigen::MatrixXd x(3, 3);
  x << 1, 2, 0, NA, 4, 0, 5, 6, 0;
  const ConcentrationTotals t = concentration_totals(x);
  EXPECT_DOUBLE_EQ(t.region_total(0), 3);
  EXPECT_DOUBLE_EQ(t.region_total(1), 4);
  EXPECT_DOUBLE_EQ(t.region_total(2), 11);
  EXPECT_DOUBLE_EQ(t.grand_total, 18);
  EXPECT_DOUBLE_EQ(t.industry_total(0), 6);
  EXPECT_TRUE(t.industry_has_na(0));
  EXPECT_FALSE(t.industry_has_na(1));
  EXPECT_TRUE(std::isnan(t.distribution_total(0)));  // NA cell
  EXPECT_DOUBLE_EQ(t.distribution_total(1), 12);
  EXPECT_TRUE(std::isnan(t.distribution_total(2)));  // empty
}

TEST(ConcentrationTotals, ManyIndustriesSumInBlocks) {
  const Eigen::MatrixXd x = sparse_counts(50, 300, 7);  // several blocks of industries
  const ConcentrationTotals t = concentration_totals(x);
  EXPECT_TRUE(t.region_total.isApprox(x.rowwise().sum(), 1e-15));
  EXPECT_TRUE(t.industry_total.isApprox(x.colwise().sum().transpose(), 1e-15));
  EXPECT_DOUBLE_EQ(t.grand_total, x.sum());
  // An NA cell in one block: its region's total skips it, the other industries keep theirs.
  Eigen::MatrixXd with_na = x;
  with_na(3, 130) = NA;
  const ConcentrationTotals u = concentration_totals(with_na);
  EXPECT_DOUBLE_EQ(u.region_total(3), t.region_total(3) - x(3, 130));
  EXPECT_DOUBLE_EQ(u.industry_total(130), t.industry_total(130) - x(3, 130));
  EXPECT_TRUE(u.industry_has_na(130));
  EXPECT_EQ(u.industry_has_na.count(), 1);
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    if (i != 130) {
      EXPECT_DOUBLE_EQ(u.industry_total(i), t.industry_total(i));
    }
  }
}

TEST(SharedTotals, SameValuesAsOneMeasureAtATime) {
  Eigen::MatrixXd x = sparse_counts(40, 7, 3);
  x(5, 2) = NA;
  x.col(4).setZero();
  x.row(9).setZero();  // an empty region: its LQs are NA
  const ConcentrationTotals t = concentration_totals(x);
  Eigen::MatrixXd lq;
  for (const LqMethod method : {LqMethod::Multiplicative, LqMethod::Additive}) {
    location_quotient(x, t, lq, method);
    const Eigen::MatrixXd one = location_quotient(x, method);
    ASSERT_EQ(lq.rows(), x.rows());
    for (Eigen::Index i = 0; i < x.cols(); ++i)
      for (Eigen::Index r = 0; r < x.rows(); ++r) {
        EXPECT_EQ(std::isnan(lq(r, i)), std::isnan(one(r, i)));
        if (!std::isnan(one(r, i))) {
          EXPECT_DOUBLE_EQ(lq(r, i), one(r, i));
        }
      }
  }
  const double* storage = lq.data();
  location_quotient(x, t, lq);
  EXPECT_EQ(lq.data(), storage);  // the buffer is reused
  EXPECT_TRUE(std::isnan(lq(5, 2)));
  EXPECT_TRUE(std::isnan(lq(9, 0)));
  EXPECT_TRUE(lq.col(4).array().isNaN().all());

  const Eigen::VectorXd h = hoover_concentration(x, t), k = krugman_concentration(x, t);
  const Eigen::VectorXd g = locational_gini(x, t);
  const Eigen::VectorXd rest = krugman_concentration(x, t, KrugmanReference::RestOfNation);
  const Eigen::VectorXd rest_one = krugman_concentration(x, KrugmanReference::RestOfNation);
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    const bool na = i == 2 || i == 4;
    EXPECT_EQ(std::isnan(h(i)), na);
    EXPECT_EQ(std::isnan(g(i)), na);
    EXPECT_EQ(std::isnan(rest(i)), na);
    if (na) continue;
    EXPECT_DOUBLE_EQ(h(i), hoover_concentration(x)(i));
    EXPECT_DOUBLE_EQ(k(i), 2 * h(i));
    EXPECT_DOUBLE_EQ(g(i), locational_gini(x)(i));
    EXPECT_DOUBLE_EQ(rest(i), rest_one(i));
  }
}

// The per-row quotient (one output row per input row) and the matrix form give the same bits,
// also for NA cells, an empty region, an empty industry and a zero cell, for both methods and the
// binary form.
TEST(LocationQuotient, OneCellAtATimeIsTheMatrixFormBitForBit) {
  Eigen::MatrixXd x = sparse_counts(40, 12, 7);
  x(3, 2) = NA;
  x.row(5).setZero();  // an empty region
  x.col(9).setZero();  // an empty industry
  const ConcentrationTotals t = concentration_totals(x);
  for (const LqMethod method : {LqMethod::Multiplicative, LqMethod::Additive}) {
    Eigen::MatrixXd lq;
    location_quotient(x, t, lq, method);
    const Eigen::MatrixXd binary = binary_location_quotient(lq, 1.0);
    for (Eigen::Index i = 0; i < x.cols(); ++i)
      for (Eigen::Index r = 0; r < x.rows(); ++r) {
        const double q = location_quotient_of(x(r, i), t.region_total(r), t.industry_total(i),
                                              t.grand_total, method);
        if (std::isnan(lq(r, i)))
          EXPECT_TRUE(std::isnan(q)) << r << "," << i;
        else
          EXPECT_EQ(q, lq(r, i)) << r << "," << i;
        EXPECT_EQ(binary_location_quotient_of(q, 1.0), binary(r, i));
      }
  }
  EXPECT_TRUE(std::isnan(location_quotient_of(NA, 1, 1, 2, LqMethod::Multiplicative)));
  EXPECT_TRUE(std::isnan(location_quotient_of(1, 0, 1, 2, LqMethod::Multiplicative)));
  EXPECT_TRUE(std::isnan(location_quotient_of(1, 1, 0, 2, LqMethod::Additive)));
}

TEST(LocationalGini, ManyRegionsWithTiesMatchTheDefinition) {
  const Eigen::MatrixXd x = sparse_counts(3000, 6, 11);
  const Eigen::VectorXd g = locational_gini(x);
  for (Eigen::Index i = 0; i < x.cols(); ++i) EXPECT_NEAR(g(i), gini_by_definition(x, i), 1e-14);
}

TEST(LocationalGini, CrowdedKeysMatchTheDefinition) {
  // One region far below the others stretches the key range: the other keys share a bucket and
  // the order falls back to a comparison sort.
  const Eigen::Index n = 2000;
  Eigen::MatrixXd x(n, 2);
  for (Eigen::Index r = 0; r < n; ++r) {
    x(r, 0) = 1000 + static_cast<double>((r * 7919) % n) / n;  // keys within 0.1%
    x(r, 1) = 1000;
  }
  x(0, 0) = 1e-9;
  const Eigen::VectorXd g = locational_gini(x);
  EXPECT_NEAR(g(0), gini_by_definition(x, 0), 1e-14);
  EXPECT_NEAR(g(1), gini_by_definition(x, 1), 1e-14);
}

// Employment-like keys (lognormal, as in real panels and the P1 benchmark): the 16-bit ranks of
// the radix order collide now and then, and those runs are put in key order.
TEST(LocationalGini, LognormalKeysMatchTheDefinition) {
  std::mt19937 rng(5);
  std::normal_distribution<double> effect(0, 1);
  std::uniform_real_distribution<double> presence(0, 1);
  const Eigen::Index n = 3200, industries = 8;
  Eigen::MatrixXd x(n, industries);
  for (Eigen::Index i = 0; i < industries; ++i)
    for (Eigen::Index r = 0; r < n; ++r)
      x(r, i) = presence(rng) < 0.6 ? 0.0 : std::ceil(std::exp(1.5 + effect(rng)));
  const Eigen::VectorXd g = locational_gini(x);
  for (Eigen::Index i = 0; i < industries; ++i)
    EXPECT_NEAR(g(i), gini_by_definition(x, i), 1e-14) << i;
}

// More regions with the industry than the radix words hold (65,536): the comparison sort.
TEST(LocationalGini, MoreThan65536RegionsMatchTheDefinition) {
  // Every one of the 70,000 regions has both industries.
  const Eigen::MatrixXd dense = sparse_counts(70000, 2, 13).array() + 1;
  const Eigen::VectorXd g = locational_gini(dense);
  for (Eigen::Index i = 0; i < dense.cols(); ++i)
    EXPECT_NEAR(g(i), gini_by_definition(dense, i), 1e-14) << i;
}

// How many doubles apart two positive doubles are.
int64_t ulps_apart(double a, double b) {
  return std::abs(std::bit_cast<int64_t>(a) - std::bit_cast<int64_t>(b));
}

// Hoover and Krugman (against the rest of the nation) of counts: integer sums, one division.
TEST(HooverKrugman, CountsGiveTheCorrectlyRoundedValue) {
  const Eigen::MatrixXd x = sparse_counts(500, 10, 21).array() * 37;
  const Eigen::VectorXd h = hoover_concentration(x);
  const Eigen::VectorXd rest = krugman_concentration(x, KrugmanReference::RestOfNation);
  std::vector<int64_t> region(static_cast<size_t>(x.rows()));
  int64_t grand = 0;
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    region[static_cast<size_t>(r)] = static_cast<int64_t>(x.row(r).sum());
    grand += region[static_cast<size_t>(r)];
  }
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    const auto industry = static_cast<int64_t>(x.col(i).sum());
    __int128 hoover = 0, krugman = 0;
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
      const auto cell = static_cast<int64_t>(x(r, i));
      const int64_t rt = region[static_cast<size_t>(r)];
      const __int128 d = static_cast<__int128>(cell) * grand - static_cast<__int128>(rt) * industry;
      hoover += d < 0 ? -d : d;
      const __int128 e = static_cast<__int128>(cell) * (grand - industry) -
                         static_cast<__int128>(rt - cell) * industry;
      krugman += e < 0 ? -e : e;
    }
    const long double ti = industry, tg = grand;
    // Within one ulp: the reference itself rounds twice (long double, then double).
    EXPECT_LE(
        ulps_apart(h(i), static_cast<double>(static_cast<long double>(hoover) / (2 * tg * ti))), 1);
    EXPECT_LE(ulps_apart(rest(i),
                         static_cast<double>(static_cast<long double>(krugman) / (ti * (tg - ti)))),
              1);
  }
}

// For counts the area is summed exactly and divided once: the correctly rounded value (within one
// ulp: the reference rounds twice), with 3,200 lognormal regions and with 70,000 regions.
TEST(LocationalGini, CountsGiveTheCorrectlyRoundedValue) {
  std::mt19937 rng(9);
  std::normal_distribution<double> effect(0, 1);
  std::uniform_real_distribution<double> presence(0, 1);
  Eigen::MatrixXd x(3200, 6);
  for (Eigen::Index i = 0; i < x.cols(); ++i)
    for (Eigen::Index r = 0; r < x.rows(); ++r)
      x(r, i) = presence(rng) < 0.6 ? 0.0 : std::ceil(std::exp(3 + 1.5 * effect(rng)));
  const Eigen::VectorXd g = locational_gini(x);
  for (Eigen::Index i = 0; i < x.cols(); ++i) EXPECT_LE(ulps_apart(g(i), gini_of_counts(x, i)), 1);
  const Eigen::MatrixXd many = sparse_counts(70000, 2, 13).array() + 1;
  const Eigen::VectorXd h = locational_gini(many);
  for (Eigen::Index i = 0; i < many.cols(); ++i)
    EXPECT_LE(ulps_apart(h(i), gini_of_counts(many, i)), 1) << i;
}

// Equal keys in the radix order keep the regions' order: the same bits on repeated calls and
// with the rows permuted the same value.
TEST(LocationalGini, EqualKeysAreDeterministic) {
  Eigen::MatrixXd x(6, 2);
  x << 1, 1, 2, 2, 1, 1, 4, 4, 3, 5, 6, 2;  // industry 0 ties within the first regions
  const Eigen::VectorXd a = locational_gini(x), b = locational_gini(x);
  EXPECT_EQ(a(0), b(0));
  EXPECT_EQ(a(1), b(1));
  EXPECT_NEAR(a(0), gini_by_definition(x, 0), 1e-15);
  EXPECT_NEAR(a(1), gini_by_definition(x, 1), 1e-15);
}

}  // namespace
}  // namespace agglo

namespace agglo {
namespace {

// NA results are explained per cause, with the label's plural spelled out.
TEST(NaReasons, OneWarningPerCauseWithPlurals) {
  Eigen::MatrixXd x(2, 3);
  x << NA, 0, 1, 1, 0, NA;
  const Eigen::VectorXd result = Eigen::Vector3d(NA, NA, NA);
  const auto warnings =
      explain_na_columns("m", "industry", result, x, {"a", "b", "c"}, "other cause");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(
      warnings[0],
      "m: NA for 2 industries (industry \"a\", \"c\"): NA cells in the input (a missing value "
      "makes the index undefined)");
  EXPECT_EQ(warnings[1],
            "m: NA for 1 industry (industry \"b\"): empty (its values sum to 0), so "
            "its shares are undefined");
  const auto regions = explain_na_columns("m", "region", Eigen::Vector2d(NA, NA),
                                          Eigen::MatrixXd::Constant(1, 2, 5.0), {"r", "s"}, "why");
  ASSERT_EQ(regions.size(), 1u);
  EXPECT_EQ(regions[0], "m: NA for 2 regions (region \"r\", \"s\"): why");
}

}  // namespace
}  // namespace agglo
