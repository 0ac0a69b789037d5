// Shift-share kernels: identities of the decompositions and the undefined cases (zero base,
// absent industries, NA), which must come out as NA with a reason, never inf or a crash.
#include <gtest/gtest.h>

#include <cmath>

#include "families/shift_share/arcelus.hpp"
#include "families/shift_share/dynamic_shift_share.hpp"
#include "families/shift_share/portfolio.hpp"
#include "families/shift_share/shift_share.hpp"

using namespace agglo;

namespace {

Eigen::VectorXd vec(std::initializer_list<double> v) {
  Eigen::VectorXd x(static_cast<Eigen::Index>(v.size()));
  Eigen::Index k = 0;
  for (double d : v) x(k++) = d;
  return x;
}

// A region of three industries against its nation, t1 -> t2.
struct Example {
  Eigen::VectorXd e1 = vec({40, 100, 60}), e2 = vec({50, 90, 75});
  Eigen::VectorXd E1 = vec({1000, 3000, 1000}), E2 = vec({1300, 2900, 1100});
};

bool mentions(const std::vector<std::string>& warnings, const std::string& what) {
  for (const auto& w : warnings)
    if (w.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(ShiftShare, DunnComponentsAddUpToGrowth) {
  Example x;
  const auto c = shift_share_dunn(x.e1, x.e2, x.E1, x.E2);
  EXPECT_DOUBLE_EQ(c.growth, 15);
  EXPECT_NEAR(c.national_share + c.industrial_mix + c.regional_share, c.growth, 1e-12);
  EXPECT_NEAR(c.industrial_mix + c.regional_share, c.net_total_shift, 1e-12);
  EXPECT_NEAR(c.national_share, 200 * (5300.0 / 5000.0) - 200, 1e-12);
  EXPECT_TRUE(std::isnan(c.allocation_effect));
}

TEST(ShiftShare, EstebanMarquillasSplitsDunnsRegionalShare) {
  Example x;
  const auto d = shift_share_dunn(x.e1, x.e2, x.E1, x.E2);
  const auto em = shift_share_esteban_marquillas(x.e1, x.e2, x.E1, x.E2);
  EXPECT_DOUBLE_EQ(em.national_share, d.national_share);
  EXPECT_DOUBLE_EQ(em.industrial_mix, d.industrial_mix);
  EXPECT_NEAR(em.regional_share + em.allocation_effect, d.regional_share, 1e-12);
  // A region with the nation's structure has no allocation effect.
  const Eigen::VectorXd homothetic = x.E1 * 0.1;
  const auto h = shift_share_esteban_marquillas(homothetic, x.e2, x.E1, x.E2);
  EXPECT_NEAR(h.allocation_effect, 0, 1e-12);
}

TEST(ShiftShare, GerfinFactorsMultiply) {
  Example x;
  const auto g = shift_share_gerfin(x.e1, x.e2, x.E1, x.E2);
  EXPECT_NEAR(g.industrial_mix * g.regional_share, g.net_total_shift, 1e-15);
  EXPECT_NEAR(g.net_total_shift, (215.0 / 200.0) / (5300.0 / 5000.0), 1e-15);
  // The region against itself: every factor is 1.
  const auto self = shift_share_gerfin(x.e1, x.e2, x.e1, x.e2);
  EXPECT_DOUBLE_EQ(self.industrial_mix, 1);
  EXPECT_DOUBLE_EQ(self.regional_share, 1);
}

TEST(ShiftShare, ComponentNamesFollowTheMethod) {
  ShiftShareComponents c;
  auto names = [&](ShiftShareMethod m, bool per_industry) {
    std::string s;
    for (const auto& [n, v] : component_list(m, c, per_industry)) s += n + " ";
    return s;
  };
  EXPECT_EQ(names(ShiftShareMethod::Dunn, false),
            "growth national_share industrial_mix regional_share net_total_shift ");
  EXPECT_EQ(names(ShiftShareMethod::EstebanMarquillas, false),
            "growth national_share industrial_mix regional_share allocation_effect ");
  EXPECT_EQ(names(ShiftShareMethod::Gerfin, true), "regional_share net_total_shift ");
}

TEST(ShiftShare, IndustryNewToTheRegion) {
  // Industry 3 has no regional employment at t1 (absent in that period).
  const auto e1 = vec({40, 100, 0}), e2 = vec({50, 90, 30});
  const auto E1 = vec({1000, 3000, 1000}), E2 = vec({1300, 2900, 1100});
  const std::vector<std::string> ind = {"a", "b", "c"};
  const auto d = shift_share_dunn(e1, e2, E1, E2, ZeroBase::Absolute);
  EXPECT_NEAR(d.national_share + d.industrial_mix + d.regional_share, d.growth, 1e-12);
  EXPECT_TRUE(
      shift_share_issues(ShiftShareMethod::Dunn, e1, e2, E1, E2, ind, "1-2", ZeroBase::Absolute)
          .empty());

  const auto na = shift_share_dunn(e1, e2, E1, E2, ZeroBase::NA);
  EXPECT_TRUE(std::isnan(na.regional_share));
  EXPECT_FALSE(std::isnan(na.industrial_mix));
  EXPECT_TRUE(
      mentions(shift_share_issues(ShiftShareMethod::Dunn, e1, e2, E1, E2, ind, "1-2", ZeroBase::NA),
               "industry \"c\" has no regional value in the base period"));

  const auto em = shift_share_esteban_marquillas(e1, e2, E1, E2);
  EXPECT_TRUE(std::isnan(em.regional_share));
  EXPECT_TRUE(std::isnan(em.allocation_effect));
  EXPECT_TRUE(mentions(shift_share_issues(ShiftShareMethod::EstebanMarquillas, e1, e2, E1, E2, ind,
                                          "1-2", ZeroBase::Absolute),
                       "allocation effect are NA"));

  // Gerfin uses totals only; per industry the new industry has no factor.
  const auto g = shift_share_gerfin(e1, e2, E1, E2);
  EXPECT_TRUE(std::isfinite(g.regional_share));
  const auto per = shift_share_by_industry(ShiftShareMethod::Gerfin, e1, e2, E1, E2);
  EXPECT_TRUE(std::isnan(per[2].regional_share));
  EXPECT_TRUE(std::isfinite(per[0].regional_share));
}

TEST(ShiftShare, RegionWithoutBaseEmployment) {
  const auto e1 = vec({0, 0}), e2 = vec({5, 0});
  const auto E1 = vec({100, 100}), E2 = vec({110, 90});
  const std::vector<std::string> ind = {"a", "b"};
  const auto g = shift_share_gerfin(e1, e2, E1, E2);
  EXPECT_TRUE(std::isnan(g.industrial_mix));
  EXPECT_TRUE(std::isnan(g.regional_share));
  EXPECT_TRUE(std::isnan(g.net_total_shift));
  EXPECT_TRUE(mentions(
      shift_share_issues(ShiftShareMethod::Gerfin, e1, e2, E1, E2, ind, "1-2", ZeroBase::Absolute),
      "the region has no value in the base period"));
  // Dunn stays defined: nothing to project, the whole change is regional.
  const auto d = shift_share_dunn(e1, e2, E1, E2);
  EXPECT_DOUBLE_EQ(d.national_share, 0);
  EXPECT_DOUBLE_EQ(d.industrial_mix, 0);
  EXPECT_DOUBLE_EQ(d.regional_share, 5);
}

TEST(ShiftShare, IndustryMissingFromTheReference) {
  const auto e1 = vec({10, 5}), e2 = vec({12, 6}), E1 = vec({100, 0}), E2 = vec({120, 10});
  const auto d = shift_share_dunn(e1, e2, E1, E2);
  EXPECT_TRUE(std::isnan(d.industrial_mix));
  EXPECT_TRUE(std::isnan(d.regional_share));
  EXPECT_FALSE(std::isinf(d.net_total_shift));
  EXPECT_TRUE(mentions(shift_share_issues(ShiftShareMethod::Dunn, e1, e2, E1, E2, {"a", "b"}, "1-2",
                                          ZeroBase::Absolute),
                       "industry \"b\" has regional but no reference value"));
}

TEST(ShiftShare, NaCellGivesNaWithReason) {
  const auto e1 = vec({10, NA}), e2 = vec({12, 6}), E1 = vec({100, 50}), E2 = vec({120, 60});
  for (auto m :
       {ShiftShareMethod::Dunn, ShiftShareMethod::EstebanMarquillas, ShiftShareMethod::Gerfin}) {
    const auto c = shift_share(m, e1, e2, E1, E2);
    EXPECT_TRUE(std::isnan(c.regional_share));
    EXPECT_TRUE(
        mentions(shift_share_issues(m, e1, e2, E1, E2, {"a", "b"}, "2008-2009", ZeroBase::Absolute),
                 "2008-2009: industry \"b\" has an NA value"));
  }
}

TEST(ShiftShare, SingleIndustryHasNoIndustrialMix) {
  const auto e1 = vec({40}), e2 = vec({50}), E1 = vec({1000}), E2 = vec({1300});
  const auto c = shift_share_dunn(e1, e2, E1, E2);
  EXPECT_DOUBLE_EQ(c.industrial_mix, 0);
  EXPECT_DOUBLE_EQ(c.national_share, 40 * 1.3 - 40);
  EXPECT_DOUBLE_EQ(c.regional_share, c.net_total_shift);
  Example x;
  const auto per = shift_share_by_industry(ShiftShareMethod::Dunn, x.e1, x.e2, x.E1, x.E2);
  double regional = 0;
  for (const auto& p : per) regional += p.regional_share;
  EXPECT_NEAR(regional, shift_share_dunn(x.e1, x.e2, x.E1, x.E2).regional_share, 1e-12);
}

TEST(ShiftShare, RelativeGrowthIsNaWithoutBase) {
  const auto g = relative_growth(vec({10, 0, 0}), vec({15, 3, 0}));
  EXPECT_DOUBLE_EQ(g(0), 0.5);
  EXPECT_TRUE(std::isnan(g(1)));
  EXPECT_TRUE(std::isnan(g(2)));
}

TEST(DynamicShiftShare, OneStepEqualsClassic) {
  Example x;
  Eigen::MatrixXd r(3, 2), n(3, 2);
  r << x.e1, x.e2;
  n << x.E1, x.E2;
  for (auto m :
       {ShiftShareMethod::Dunn, ShiftShareMethod::EstebanMarquillas, ShiftShareMethod::Gerfin}) {
    const auto d = shift_share_dynamic(m, r, n);
    const auto c = shift_share(m, x.e1, x.e2, x.E1, x.E2);
    ASSERT_EQ(d.steps.size(), 1u);
    const auto dl = component_list(m, d.total), cl = component_list(m, c);
    for (size_t k = 0; k < dl.size(); ++k)
      EXPECT_NEAR(dl[k].second, cl[k].second, 1e-12) << dl[k].first;
  }
}

TEST(DynamicShiftShare, StepsAddUpAndGerfinChains) {
  Eigen::MatrixXd r(2, 4), n(2, 4);
  r << 10, 12, 11, 15, 20, 19, 25, 24;
  n << 100, 110, 120, 125, 300, 310, 305, 330;
  const auto d = shift_share_dynamic(ShiftShareMethod::Dunn, r, n);
  EXPECT_DOUBLE_EQ(d.total.growth, 39 - 30);
  EXPECT_NEAR(d.total.national_share + d.total.industrial_mix + d.total.regional_share, 9, 1e-12);
  // The chained Gerfin net total shift telescopes to the classic one.
  const auto chained =
      shift_share_dynamic(ShiftShareMethod::Gerfin, r, n, GerfinAggregation::Product);
  const auto classic = shift_share_gerfin(r.col(0), r.col(3), n.col(0), n.col(3));
  EXPECT_NEAR(chained.total.net_total_shift, classic.net_total_shift, 1e-14);
  const auto mean = shift_share_dynamic(ShiftShareMethod::Gerfin, r, n, GerfinAggregation::Mean);
  const auto sum = shift_share_dynamic(ShiftShareMethod::Gerfin, r, n, GerfinAggregation::Sum);
  EXPECT_NEAR(sum.total.regional_share, 3 * mean.total.regional_share, 1e-14);
  // Per industry: the components of the industries add up to the region's growth.
  const auto per = shift_share_dynamic_by_industry(ShiftShareMethod::Dunn, r, n);
  EXPECT_DOUBLE_EQ(per[0].growth + per[1].growth, 9);
}

TEST(DynamicShiftShare, NaStepMakesTheAggregateNa) {
  Eigen::MatrixXd r(1, 3), n(1, 3);
  r << 10, NA, 12;
  n << 100, 110, 120;
  const auto d = shift_share_dynamic(ShiftShareMethod::Dunn, r, n);
  EXPECT_TRUE(std::isnan(d.steps[0].growth));
  EXPECT_TRUE(std::isnan(d.total.growth));
}

TEST(ShiftSharePrognosis, FollowsNationalGrowth) {
  const auto p =
      shift_share_prognosis(vec({10, 20, 5}), vec({100, 200, 0}), vec({110, 180, 7}), 1.5);
  EXPECT_DOUBLE_EQ(p(0), 1.1 * 10 * 1.5);
  EXPECT_DOUBLE_EQ(p(1), 0.9 * 20 * 1.5);
  EXPECT_TRUE(std::isnan(p(2)));  // no national base: no growth to follow
}

TEST(Arcelus, EightComponentsAddUpToTheChange) {
  Example x;
  const auto a = shift_share_arcelus(x.e1, x.e2, x.E1, x.E2);
  ASSERT_EQ(a.by_industry.cols(), 8);
  for (Eigen::Index i = 0; i < 3; ++i)
    EXPECT_NEAR(a.by_industry.row(i).sum(), x.e2(i) - x.e1(i), 1e-12);
  EXPECT_NEAR(a.total.sum(), a.growth, 1e-12);
  // Homothetic parts of the national share and the allocation part of regional growth vanish in
  // sum.
  EXPECT_NEAR(a.total(1), 0, 1e-12);
  EXPECT_NEAR(a.total(2), 0, 1e-12);
  EXPECT_NEAR(a.total(5), 0, 1e-12);
  // Regional growth + regional industry mix = Esteban-Marquillas, part by part.
  const auto em = shift_share_esteban_marquillas(x.e1, x.e2, x.E1, x.E2);
  EXPECT_NEAR(a.total(4) + a.total(6), em.regional_share, 1e-12);
  EXPECT_NEAR(a.total(5) + a.total(7), em.allocation_effect, 1e-12);
}

TEST(Arcelus, ReducesToEstebanMarquillasWhenTheRegionGrowsLikeTheNation) {
  // r = 33/30 - 1 = 0.1 = G = 220/200 - 1.
  const auto e1 = vec({10, 20}), e2 = vec({15, 18}), E1 = vec({100, 100}), E2 = vec({120, 100});
  const auto a = shift_share_arcelus(e1, e2, E1, E2);
  const auto em = shift_share_esteban_marquillas(e1, e2, E1, E2);
  EXPECT_NEAR(a.total(4), 0, 1e-12);
  EXPECT_NEAR(a.total(5), 0, 1e-12);
  EXPECT_NEAR(a.total(6), em.regional_share, 1e-12);
  EXPECT_NEAR(a.total(7), em.allocation_effect, 1e-12);
  EXPECT_NEAR(a.total(0) + a.total(1), em.national_share, 1e-12);
  EXPECT_NEAR(a.total(2) + a.total(3), em.industrial_mix, 1e-12);
}

TEST(Arcelus, IndustryWithoutBaseIsNa) {
  const auto a = shift_share_arcelus(vec({10, 0}), vec({12, 3}), vec({100, 50}), vec({110, 60}));
  EXPECT_TRUE(std::isnan(a.by_industry(1, 0)));
  EXPECT_TRUE(std::isnan(a.total(6)));
  EXPECT_FALSE(std::isnan(a.by_industry(0, 6)));
}

TEST(Portfolio, BubblesGrowthAndTies) {
  const auto p = portfolio_matrix(vec({10, 20, 0}), vec({15, 20, 5}), vec({100, 200, 50}),
                                  vec({110, 150, 60}), vec({15, 20, 20}), 10);
  EXPECT_DOUBLE_EQ(p.region_growth(0), 50);
  EXPECT_DOUBLE_EQ(p.reference_growth(1), -25);
  EXPECT_TRUE(std::isnan(p.region_growth(2)));
  EXPECT_DOUBLE_EQ(p.point_size(1), 10);  // tied largest bubbles both get the full size
  EXPECT_DOUBLE_EQ(p.point_size(2), 10);
  EXPECT_DOUBLE_EQ(p.point_size(0), 7.5);
  EXPECT_TRUE(std::isnan(bubble_size(vec({0, 0}), 10)(0)));
}

TEST(Portfolio, LqGrowthOfTheReferenceItself) {
  Eigen::MatrixXd n(2, 3);
  n << 100, 110, 121, 50, 50, 50;
  const auto p = lq_growth_portfolio(n, n, n.col(2), 10);
  EXPECT_DOUBLE_EQ(p.lq(0), 1);
  EXPECT_NEAR(p.growth_r(0), 10, 1e-12);
  EXPECT_NEAR(p.growth_rn(0), 0, 1e-12);
  EXPECT_TRUE(std::isnan(p.growth_rn(1)));  // no national growth: the ratio is undefined
  EXPECT_DOUBLE_EQ(mean_growth_rate(n)(1), 0);
}
