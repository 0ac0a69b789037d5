// Tariff schedules: the tariff in force, overlaps, HS-6 mapping rules and average tariffs.
#include <gtest/gtest.h>

#include "core/table.hpp"
#include "families/trade/average_tariff.hpp"
#include "families/trade/tariff_schedule.hpp"

namespace agglo {

namespace {

TariffLine line(std::string code, std::string list, double rate, const char* start,
                const char* end = nullptr, int64_t row = 0) {
  TariffLine l;
  l.code = std::move(code);
  l.list = std::move(list);
  l.rate = rate;
  l.start = parse_iso_date(start);
  if (end) l.end = parse_iso_date(end);
  l.pos = {"schedule.csv", row, 1};
  return l;
}

IsoDate d(const char* s) {
  return parse_iso_date(s);
}

}  // namespace

TEST(TariffSchedule, InForce) {
  TariffSchedule s(
      {line("84713000", "list3", 10, "2018-09-24"), line("84713000", "list3", 25, "2019-05-10"),
       line("84713000", "mfn", 2, "2018-01-01"), line("61091000", "list4A", 15, "2019-09-01"),
       line("61091000", "list4A", 7.5, "2020-02-14"),
       line("85171200", "list1", 25, "2018-07-06", "2019-01-01")});
  EXPECT_EQ(s.tariff_in_force("84713000", d("2018-09-23")).rate, 2);
  EXPECT_EQ(s.tariff_in_force("84713000", d("2018-09-24")).rate, 12);
  EXPECT_EQ(s.tariff_in_force("84713000", d("2019-05-09")).rate, 12);
  EXPECT_EQ(s.tariff_in_force("84713000", d("2019-05-10")).rate, 27);
  EXPECT_EQ(s.tariff_in_force("84713000", d("2019-05-10")).lists, "list3+mfn");
  EXPECT_EQ(s.tariff_in_force("61091000", d("2020-02-14")).rate, 7.5);
  EXPECT_EQ(s.tariff_in_force("85171200", d("2018-12-31")).rate, 25);
  EXPECT_EQ(s.tariff_in_force("85171200", d("2019-01-01")).n_lines,
            0);  // suspended: end is exclusive
  EXPECT_EQ(s.tariff_in_force("99999999", d("2019-01-01")).n_lines, 0);
}

TEST(TariffSchedule, OverlappingDatesArePositionedErrors) {
  try {
    TariffSchedule s({line("84713000", "list3", 10, "2018-09-24", "2019-06-01", 2),
                      line("84713000", "list3", 25, "2019-05-10", nullptr, 3)});
    FAIL() << "expected an overlap error";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("schedule.csv:3:1"), std::string::npos) << what;
    EXPECT_NE(what.find("overlaps"), std::string::npos) << what;
    EXPECT_NE(what.find("schedule.csv:2:1"), std::string::npos) << what;
  }
  EXPECT_THROW(TariffSchedule({line("1", "a", 1, "2018-01-01"), line("1", "a", 2, "2018-01-01")}),
               Error);
  EXPECT_THROW(TariffSchedule({line("01", "a", 1, "2018-01-01", "2018-01-01")}),
               Error);  // ends as it starts
  // Different lists of one code may overlap: they stack.
  EXPECT_NO_THROW(
      TariffSchedule({line("01", "a", 1, "2018-01-01"), line("01", "b", 2, "2018-01-01")}));
}

TEST(TariffSchedule, LineWithoutRateIsAnError) {
  EXPECT_THROW(TariffSchedule({line("01", "a", NA, "2018-01-01")}), Error);
}

TEST(TariffLinesToHs6, AnyAndShareRules) {
  // HS-6 851712 has three national lines, two on list3 (one of them only from 2019).
  TariffSchedule s({line("85171210", "list3", 10, "2018-09-24"),
                    line("85171220", "list3", 25, "2019-05-10"),
                    line("85171210", "list3", 25, "2019-05-10")});
  const auto rows =
      tariff_lines_to_hs6(s, {"85171210", "85171220", "85171230"}, RateAggregation::Max);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].effective.to_string(), "2018-09-24");
  EXPECT_EQ(rows[0].n_lines, 3);
  EXPECT_EQ(rows[0].n_listed, 1);
  EXPECT_TRUE(rows[0].listed);
  EXPECT_DOUBLE_EQ(rows[0].share, 1.0 / 3);
  EXPECT_EQ(rows[0].rate, 10);
  EXPECT_EQ(rows[1].n_listed, 2);
  EXPECT_DOUBLE_EQ(rows[1].share, 2.0 / 3);
  EXPECT_EQ(rows[1].rate, 25);
  for (const auto& r : rows) {
    EXPECT_GE(r.share, 0);
    EXPECT_LE(r.share, 1);
  }
}

TEST(AverageTariff, SimpleAndTradeWeighted) {
  TariffSchedule s({line("010121", "", 10, "2018-01-01"), line("010129", "", 20, "2018-01-01"),
                    line("010129", "", 30, "2019-01-01")});
  const std::map<std::string, std::string> products = {
      {"010121", "all"}, {"010129", "all"}, {"020110", "all"}};
  const std::map<std::string, double> w = {{"010121", 3}, {"010129", 1}};
  auto a = average_tariff(s, d("2018-06-01"), products, w, AbsentTariff::Zero);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].n_products, 3);
  EXPECT_EQ(a[0].n_in_force, 2);
  EXPECT_DOUBLE_EQ(a[0].simple, 10.0);                     // (10 + 20 + 0) / 3
  EXPECT_DOUBLE_EQ(a[0].trade_weighted, (30.0 + 20) / 4);  // (3*10 + 1*20) / 4
  a = average_tariff(s, d("2019-06-01"), products, w, AbsentTariff::Exclude);
  EXPECT_EQ(a[0].n_products, 2);
  EXPECT_DOUBLE_EQ(a[0].simple, 20.0);
  EXPECT_DOUBLE_EQ(a[0].trade_weighted, 15.0);
  // No weights: the trade-weighted average is NA, not 0.
  a = average_tariff(s, d("2019-06-01"), products, {}, AbsentTariff::Zero);
  EXPECT_TRUE(is_na(a[0].trade_weighted));
  // Equal weights: the trade-weighted average equals the simple one.
  a = average_tariff(s, d("2019-06-01"), products, {{"010121", 1}, {"010129", 1}, {"020110", 1}},
                     AbsentTariff::Zero);
  EXPECT_DOUBLE_EQ(a[0].trade_weighted, a[0].simple);
}

}  // namespace agglo
