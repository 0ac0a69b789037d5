// HS codes and ISO dates of the trade family.
#include <gtest/gtest.h>

#include "families/trade/hs_code.hpp"
#include "families/trade/iso_date.hpp"

namespace agglo {

TEST(HsCode, KeepsLeadingZerosAndAcceptsDots) {
  EXPECT_EQ(normalize_hs_code("8517.12.00"), "85171200");
  EXPECT_EQ(normalize_hs_code("0101.21"), "010121");
  EXPECT_EQ(normalize_hs_code("01"), "01");
  EXPECT_EQ(normalize_hs_code("2931.90.9010"), "2931909010");
}

TEST(HsCode, UnknownLengthIsAPositionedError) {
  try {
    normalize_hs_code("85171", {"flows.csv", 7, 2});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.pos().line, 7);
    EXPECT_NE(std::string(e.what()).find("flows.csv:7:2"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("5 digits"), std::string::npos);
  }
  EXPECT_THROW(normalize_hs_code("85A1"), Error);
  EXPECT_THROW(normalize_hs_code(""), Error);
  EXPECT_FALSE(is_hs_code("123"));
  EXPECT_TRUE(is_hs_code("8517.12"));
}

TEST(HsCode, Ancestors) {
  EXPECT_EQ(hs_ancestor("85171200", 6), "851712");
  EXPECT_EQ(hs_ancestor("85171200", 2), "85");
  EXPECT_EQ(hs_chapter("010121"), "01");
  EXPECT_THROW(hs_ancestor("8517", 6), Error);  // coarser than the level
  EXPECT_THROW(hs_ancestor("851712", 5), UsageError);
}

TEST(IsoDate, ParsesAndCompares) {
  EXPECT_EQ(parse_iso_date("2018-07-06").to_string(), "2018-07-06");
  EXPECT_LT(parse_iso_date("2018-07-06"), parse_iso_date("2018-08-23"));
  EXPECT_EQ(parse_iso_date("2020-02-29").day, 29);
  EXPECT_THROW(parse_iso_date("2019-02-29"), Error);
  EXPECT_THROW(parse_iso_date("2018-7-6"), Error);
  EXPECT_THROW(parse_iso_date("suspended"), Error);
  EXPECT_EQ(parse_month("2019-03").month, 3);
  EXPECT_EQ(parse_month("2019M11").month, 11);
  EXPECT_EQ(parse_month("2019-03-01").year, 2019);
  EXPECT_THROW(parse_month("2019-13"), Error);
}

}  // namespace agglo
