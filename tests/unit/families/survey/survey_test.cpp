// Unit tests of the survey family: instrument checks, Likert range, reliability identities,
// scoring rules, percentiles with ties and benchmarking.
#include <cmath>
#include <functional>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "core/test_helpers.hpp"
#include "families/survey/instrument.hpp"
#include "families/survey/reliability.hpp"
#include "families/survey/scoring.hpp"
#include "io/text_table.hpp"

namespace agglo {
namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

Instrument two_scales() {
  return load_instrument(
      read_text_table(test::temp_file(
          "keys.csv", "scale,item,key\ns1,q1,1\ns1,q2,-1\ns1,q3,1\ns2,q4,1\ns2,q5,1\n")),
      1, 5);
}

TEST(SurveyInstrument, AScaleWithOneItemAndBadKeysAreErrors) {
  const auto one = error_of([] {
    load_instrument(
        read_text_table(test::temp_file("k1.csv", "scale,item,key\na,q1,1\na,q2,1\nb,q3,1\n")), 1,
        5);
  });
  EXPECT_NE(one.find("scale \"b\" has 1 item"), std::string::npos) << one;
  const auto key = error_of([] {
    load_instrument(read_text_table(test::temp_file("k2.csv", "scale,item,key\na,q1,1\na,q2,2\n")),
                    1, 5);
  });
  EXPECT_NE(key.find("k2.csv:3"), std::string::npos) << key;
  EXPECT_THROW(
      load_instrument(
          read_text_table(test::temp_file("k3.csv", "scale,item,key\na,q1,1\na,q1,1\n")), 1, 5),
      Error);
  EXPECT_THROW(
      load_instrument(read_text_table(test::temp_file("k4.csv", "scale,item\na,q1\na,q2\n")), 5, 1),
      UsageError);
}

TEST(SurveyResponses, AnswersOutsideTheLikertRangeArePositionedErrors) {
  const auto ins = two_scales();
  const auto t =
      read_text_table(test::temp_file("r.csv", "id,q1,q2,q3,q4,q5\nr1,1,2,3,4,5\nr2,1,2,6,4,5\n"));
  const auto msg = error_of([&] { read_responses(t, ins, "id"); });
  EXPECT_NE(msg.find("r.csv:3:4"), std::string::npos) << msg;
  EXPECT_NE(msg.find("outside the Likert range [1, 5]"), std::string::npos) << msg;
  const auto missing = read_text_table(test::temp_file("r2.csv", "id,q1,q2\nr1,1,2\n"));
  EXPECT_THROW(read_responses(missing, ins, "id"), Error);
}

TEST(SurveyReliability, IdenticalItemsHaveAlphaOne) {
  Eigen::MatrixXd x(4, 3);
  x << 1, 1, 1, 2, 2, 2, 4, 4, 4, 5, 5, 5;
  const auto r = cronbach_alpha(x, MissingAnswers::Pairwise);
  EXPECT_NEAR(r.raw_alpha, 1, 1e-12);
  EXPECT_NEAR(r.std_alpha, 1, 1e-12);
  EXPECT_NEAR(r.average_r, 1, 1e-12);
}

TEST(SurveyReliability, TwoItemAlphaMatchesTheClosedForm) {
  Eigen::MatrixXd x(5, 2);
  x << 1, 2, 2, 2, 3, 4, 4, 3, 5, 5;
  std::vector<std::string> warnings;
  const auto r = cronbach_alpha(x, MissingAnswers::Pairwise, &warnings, "pair");
  const Eigen::RowVectorXd mean = x.colwise().mean();
  const Eigen::MatrixXd d = x.rowwise() - mean;
  const Eigen::MatrixXd c = d.transpose() * d / 4;
  EXPECT_NEAR(r.raw_alpha, 2 * (1 - (c(0, 0) + c(1, 1)) / c.sum()), 1e-12);
  const double rho = c(0, 1) / std::sqrt(c(0, 0) * c(1, 1));
  EXPECT_NEAR(r.std_alpha, 2 * rho / (1 + rho), 1e-12);  // Spearman-Brown
  EXPECT_TRUE(std::isnan(r.items[0].alpha_if_dropped));
  EXPECT_FALSE(warnings.empty());
}

TEST(SurveyReliability, ListwiseDropsIncompleteRespondentsAndZeroVarianceIsAnError) {
  Eigen::MatrixXd x(5, 2);
  x << 1, 2, 2, NA, 3, 4, 4, 3, 5, 5;
  const auto r = cronbach_alpha(x, MissingAnswers::Listwise);
  EXPECT_EQ(r.items[0].n, 4);
  EXPECT_EQ(r.n_respondents, 4);
  Eigen::MatrixXd flat(3, 2);
  flat << 3, 1, 3, 2, 3, 3;
  EXPECT_NE(error_of([&] { cronbach_alpha(flat, MissingAnswers::Pairwise); }).find("no variance"),
            std::string::npos);
  Eigen::MatrixXd single(3, 1);
  single << 1, 2, 3;
  EXPECT_THROW(cronbach_alpha(single, MissingAnswers::Pairwise), Error);
}

TEST(SurveyScores, ReverseKeyingAndMinimumAnswered) {
  const auto ins = two_scales();
  const auto t = read_text_table(
      test::temp_file("r3.csv", "id,unit,q1,q2,q3,q4,q5\nr1,A,5,1,5,NA,2\nr2,A,3,NA,NA,4,4\n"));
  const auto resp = read_responses(t, ins, "id", "unit");
  const auto s = respondent_scale_scores(resp, ins, 2);
  EXPECT_DOUBLE_EQ(s.score(0, 0), 5);  // q2 reversed: 1 -> 5
  EXPECT_EQ(s.n_answered(0, 1), 1);
  EXPECT_TRUE(std::isnan(s.score(0, 1)));  // one item of s2 < 2
  EXPECT_TRUE(std::isnan(s.score(1, 0)));
  EXPECT_DOUBLE_EQ(s.score(1, 1), 4);
}

TEST(SurveyScores, PercentilesWithTiesAndASingleUnit) {
  Eigen::VectorXd v(4);
  v << 3, 1, 3, 2;
  const auto mid = unit_percentiles(v, PercentileMethod::MidRank);
  EXPECT_DOUBLE_EQ(mid[0], 100 * (2 + 1) / 4.0);  // two below, tie of two
  EXPECT_DOUBLE_EQ(mid[1], 12.5);
  const auto scaled = unit_percentiles(v, PercentileMethod::ScaledRank);
  EXPECT_DOUBLE_EQ(scaled[0], 100 * 2 / 3.0);
  EXPECT_DOUBLE_EQ(scaled[1], 0);
  Eigen::VectorXd near(2);
  near << 0.1 + 0.2, 0.3;  // equal up to rounding: a tie
  EXPECT_EQ(unit_percentiles(near, PercentileMethod::ScaledRank)[0], 0);
  Eigen::VectorXd one(1);
  one << 4;
  EXPECT_TRUE(std::isnan(unit_percentiles(one, PercentileMethod::ScaledRank)[0]));
  EXPECT_DOUBLE_EQ(unit_percentiles(one, PercentileMethod::MidRank)[0], 50);
}

TEST(SurveyScores, UnitScoresAndBenchmarkGaps) {
  RespondentScores s{Eigen::MatrixXd::Constant(5, 1, 3), Eigen::MatrixXd(5, 1)};
  s.score << 2, 4, 5, 1, NA;
  const auto u = unit_scale_scores(s, {"10", "10", "2", "3", ""}, PercentileMethod::ScaledRank);
  EXPECT_EQ(u.units, (std::vector<std::string>{"2", "3", "10"}));  // numeric order
  EXPECT_DOUBLE_EQ(u.score(2, 0), 3);
  EXPECT_NEAR(u.sd(2, 0), std::sqrt(2.0), 1e-15);
  EXPECT_TRUE(std::isnan(u.sd(0, 0)));  // n = 1
  const auto b = benchmark_unit(u, 2);
  EXPECT_DOUBLE_EQ(b.median[0], 3);
  EXPECT_DOUBLE_EQ(b.gap_to_median[0], 0);
  EXPECT_DOUBLE_EQ(b.gap_to_best[0], -2);
  EXPECT_EQ(b.best_unit[0], "2");
}

}  // namespace
}  // namespace agglo
