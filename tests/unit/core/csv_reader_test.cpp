#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/test_helpers.hpp"
#include "io/csv_reader.hpp"
#include "io/panel_reader.hpp"
#include "io/text_table.hpp"

using namespace agglo;
using agglo::test::temp_file;

namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(CsvReader, DetectsDelimiterQuotesAndBom) {
  auto p =
      temp_file("semi.csv", "\xEF\xBB\xBFregion;industry;value\n\"0100\";\"a;b\";\"1\"\"2\"\n");
  CsvReader r(p);
  EXPECT_EQ(r.delimiter(), ';');
  ASSERT_EQ(r.header().size(), 3u);
  EXPECT_EQ(r.header()[0], "region");
  std::vector<std::string_view> f;
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(f[0], "0100");  // leading zeros kept
  EXPECT_EQ(f[1], "a;b");
  EXPECT_EQ(f[2], "1\"2");
  EXPECT_FALSE(r.next(f));
}

TEST(CsvReader, TabAndCrlfAndMultilineQuotes) {
  auto p = temp_file("tab.csv", "a\tb\r\n1\t\"x\ny\"\r\n\r\n2\t3\r\n");
  CsvReader r(p);
  EXPECT_EQ(r.delimiter(), '\t');
  std::vector<std::string_view> f;
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(f[1], "x\ny");
  EXPECT_EQ(r.line(), 2);
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(f[0], "2");
  EXPECT_EQ(r.line(), 5);
}

TEST(CsvReader, RaggedRowIsPositioned) {
  auto p = temp_file("ragged.csv", "a,b,c\n1,2,3\n4,5\n");
  const std::string msg = error_of([&] { read_text_table(p); });
  EXPECT_NE(msg.find("ragged.csv:3:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("expected 3 fields"), std::string::npos) << msg;
}

TEST(CsvReader, EmptyFile) {
  auto p = temp_file("empty.csv", "");
  const std::string msg = error_of([&] { CsvReader r(p); });
  EXPECT_NE(msg.find("empty"), std::string::npos) << msg;
}

TEST(CsvReader, WrongEncodingDeclared) {
  // "台北" in Big5 is A5 78 A5 5F; read as UTF-8 it is invalid.
  auto p = temp_file("big5.csv", "region,value\n\xA5\x78\xA5\x5F,1\n");
  const std::string msg = error_of([&] { read_text_table(p); });
  EXPECT_NE(msg.find("big5.csv:2"), std::string::npos) << msg;
  EXPECT_NE(msg.find("Big5"), std::string::npos) << msg;
  CsvOptions opt;
  opt.encoding = "big5";
  TextTable t = read_text_table(p, opt);
  EXPECT_EQ(t.text(0, 0), "\xE5\x8F\xB0\xE5\x8C\x97");  // 台北 in UTF-8
}

TEST(CsvReader, NumbersThousandsAndNaMarkers) {
  CsvOptions opt;
  EXPECT_DOUBLE_EQ(*parse_number("1,234", opt), 1234);
  EXPECT_DOUBLE_EQ(*parse_number(" 1,234,567.5 ", opt), 1234567.5);
  EXPECT_FALSE(parse_number("1,23", opt));
  EXPECT_FALSE(parse_number("12,3456", opt));
  EXPECT_TRUE(std::isnan(*parse_number("(D)", opt)));
  EXPECT_TRUE(std::isnan(*parse_number("", opt)));
  EXPECT_TRUE(std::isnan(*parse_number("\xE2\x80\xA6", opt)));
  EXPECT_FALSE(parse_number("abc", opt));
  EXPECT_DOUBLE_EQ(*parse_number("-2.5e3", opt), -2500);
}

TEST(PanelReader, NonNumericValueIsPositioned) {
  auto p = temp_file("emp.csv", "region,industry,emp\nA,x,10\nB,x,(X)\n");
  PanelColumns cols;
  cols.value = "emp";
  const std::string msg = error_of([&] { read_panel(p, {}, cols); });
  EXPECT_EQ(msg, p + ":3:3: expected a number in column \"emp\", got \"(X)\"");
}

TEST(PanelReader, UnknownColumnNamesTheHeader) {
  auto p = temp_file("cols.csv", "region,industry,emp\nA,x,10\n");
  const std::string msg = error_of([&] { read_panel(p, {}, PanelColumns{}); });
  EXPECT_NE(msg.find("unknown column \"value\""), std::string::npos) << msg;
  EXPECT_NE(msg.find("\"emp\""), std::string::npos) << msg;
}

TEST(PanelReader, NegativeCountAndDuplicate) {
  auto p = temp_file("neg.csv", "region,industry,value\nA,x,10\nB,x,-1\n");
  const std::string msg =
      error_of([&] { read_panel(p, {}, PanelColumns{}, {.nonnegative = true}); });
  EXPECT_NE(msg.find("neg.csv:3:3"), std::string::npos) << msg;
  auto d = temp_file("dup.csv", "region,industry,value\nA,x,10\nA,y,1\nA,x,2\n");
  Panel panel = read_panel(d, {}, PanelColumns{});
  const std::string dup = error_of([&] { panel.matrix(0); });
  EXPECT_NE(dup.find("dup.csv:4"), std::string::npos) << dup;
  EXPECT_NE(dup.find("first given on line 2"), std::string::npos) << dup;
}

TEST(PanelReader, SuppressedCellsAreNa) {
  auto p = temp_file("na.csv", "region,industry,period,value\nA,x,2020,(D)\nA,y,2020,5\n");
  Panel panel = read_panel(p, {}, PanelColumns{});
  LabeledMatrix m = panel.matrix(0);
  EXPECT_TRUE(std::isnan(m.values(0, 0)));
  EXPECT_EQ(m.values(0, 1), 5);
}

TEST(TextTable, WideToLong) {
  auto p = temp_file("wide.csv", "region,111,112\nA,1,2\nB,3,\n");
  TextTable wide = read_text_table(p);
  TextTable lng = wide_to_long(wide, WideLayout::Industries, "region");
  ASSERT_EQ(lng.rows(), 4u);
  EXPECT_EQ(lng.text(1, 1), "112");
  EXPECT_EQ(lng.text(2, 0), "B");
  EXPECT_TRUE(lng.is_na(3, lng.column("value")));
}
