// The trade measures through the registry: bad input gives positioned errors, identities hold on
// the result tables.
#include <gtest/gtest.h>

#include "core/test_helpers.hpp"
#include "registry/registry.hpp"

namespace agglo {

namespace {

Results run(const std::string& measure, nlohmann::json params,
            std::map<std::string, std::string> files,
            std::map<std::string, std::string> columns = {}) {
  const MeasureSpec* spec = Registry::instance().find(measure);
  EXPECT_NE(spec, nullptr) << measure;
  std::map<std::string, InputSource> inputs;
  for (const auto& [role, content] : files)
    inputs[role] =
        InputSource{test::temp_file("trade_" + measure + "_" + role + ".csv", content), "", ""};
  Invocation inv(*spec, std::move(params), std::move(columns), inputs);
  return spec->kernel(inv);
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(TradeRegistry, UnknownHsCodeLengthNamesTheCell) {
  const std::string what = error_of([] {
    run("hs_aggregate", {{"level", 2}}, {{"table", "product,value\n010121,5\n01012,3\n"}});
  });
  EXPECT_NE(what.find(":3:1:"), std::string::npos) << what;
  EXPECT_NE(what.find("5 digits"), std::string::npos) << what;
}

TEST(TradeRegistry, TariffLineWithoutRateNamesTheCell) {
  const std::string what = error_of([] {
    run("tariff_in_force", {{"date", "2019-01-01"}},
        {{"table",
          "code,list,rate,start\n84713000,list3,10,2018-09-24\n85171200,list3,,2018-09-24\n"}});
  });
  EXPECT_NE(what.find(":3:3:"), std::string::npos) << what;
  EXPECT_NE(what.find("no rate"), std::string::npos) << what;
}

TEST(TradeRegistry, OverlappingDatesNameBothLines) {
  const std::string what = error_of([] {
    run("tariff_in_force", {},
        {{"table",
          "code,list,rate,start,end\n84713000,list3,10,2018-09-24,2019-06-01\n"
          "84713000,list3,25,2019-05-10,\n"}});
  });
  EXPECT_NE(what.find(":3:1:"), std::string::npos) << what;
  EXPECT_NE(what.find(":2:1"), std::string::npos) << what;
}

TEST(TradeRegistry, BadDateNamesTheCell) {
  const std::string what = error_of([] {
    run("tariff_in_force", {}, {{"table", "code,list,rate,start\n84713000,list3,10,2018-13-24\n"}});
  });
  EXPECT_NE(what.find(":2:4:"), std::string::npos) << what;
}

TEST(TradeRegistry, ExposureSharesWithinUnitInterval) {
  const auto res = run("tariff_exposure", {},
                       {{"table",
                         "product,period,value\n010121,2018,100\n020110,2018,50\n851712,2018,0\n"
                         "010121,2019,80\n"},
                        {"lists", "code,list\n010121,r1\n020110,r2\n020110,r1\n"}});
  for (const char* name : {"by_list", "by_chapter", "by_product"}) {
    const Table* t = res.find(name);
    ASSERT_NE(t, nullptr);
    for (double s : t->column("share").number)
      if (!is_na(s)) {
        EXPECT_GE(s, 0);
        EXPECT_LE(s, 1);
      }
  }
  // Product 851712 exported 0: its share is NA (not 0).
  const Table* p = res.find("by_product");
  bool found_na = false;
  for (size_t r = 0; r < p->rows(); ++r)
    if (p->column("product").text[r] == "851712") found_na |= is_na(p->column("share").number[r]);
  EXPECT_TRUE(found_na);
}

TEST(TradeRegistry, DivertedAmountsSumToTheTotals) {
  const auto res = run("trade_diversion", {{"target", "US"}, {"base", "2017"}, {"current", "2019"}},
                       {{"table",
                         "product,partner,period,value,regime\n"
                         "010121,US,2017,60,general\n010121,VN,2017,40,general\n"
                         "010121,US,2019,30,general\n010121,VN,2019,90,general\n"
                         "020110,US,2017,50,processing\n020110,MX,2017,50,processing\n"
                         "020110,US,2019,20,processing\n020110,MX,2019,100,processing\n"
                         "030110,US,2017,10,general\n030110,US,2019,20,general\n"}});
  const Table& products = *res.find("products");
  const Table& summary = *res.find("summary");
  const Table& quadrants = *res.find("quadrants");
  for (size_t s = 0; s < summary.rows(); ++s) {
    const std::string regime = summary.column("regime").text[s];
    double sum = 0;
    for (size_t r = 0; r < products.rows(); ++r)
      if (products.column("regime").text[r] == regime && products.column("diverted").number[r] == 1)
        sum += products.column("diverted_amount").number[r];
    EXPECT_NEAR(sum, summary.column("diverted_total").number[s], 1e-9) << regime;
    double q = 0;
    for (size_t r = 0; r < quadrants.rows(); ++r)
      if (quadrants.column("regime").text[r] == regime &&
          quadrants.column("quadrant").text[r] == "total_up_target_down")
        q = quadrants.column("diverted_amount").number[r];
    EXPECT_NEAR(q, summary.column("diverted_total").number[s], 1e-9) << regime;
    double alloc = 0;
    const Table& dest = *res.find("destinations");
    for (size_t r = 0; r < dest.rows(); ++r)
      if (dest.column("regime").text[r] == regime) alloc += dest.column("allocated").number[r];
    EXPECT_NEAR(alloc, summary.column("diverted_total").number[s], 1e-9) << regime;
  }
  ASSERT_EQ(summary.column("regime").text.size(), 3u);  // all, general, processing
}

TEST(TradeRegistry, ConcordanceWeightsMustSumToOne) {
  const std::string what = error_of([] {
    run("tariff_exposure", {},
        {{"table", "product,value\n010121,100\n"},
         {"lists", "code,list\n010121,r1\n"},
         {"concordance", "product,industry,weight\n010121,A,0.5\n010121,B,0.4\n"}});
  });
  EXPECT_NE(what.find("sum to 0.9"), std::string::npos) << what;
}

}  // namespace agglo
