// Result tables: dictionary-encoded text columns read like plain ones, stack without copying
// labels, and reject bad codes.
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/table.hpp"

using namespace agglo;

namespace {

std::shared_ptr<const std::vector<std::string>> labels(std::vector<std::string> v) {
  return std::make_shared<const std::vector<std::string>>(std::move(v));
}

}  // namespace

TEST(TextValues, EncodedReadsLikePlain) {
  Table t;
  t.add_labels("region", labels({"A", "B", "C"}), {2, 0, 0, 1});
  t.add_text("note", std::vector<std::string>{"w", "x", "y", "z"});
  const Column& r = t.column("region");
  EXPECT_EQ(r.type, ColumnType::Text);
  EXPECT_TRUE(r.text.is_encoded());
  ASSERT_EQ(r.text.size(), 4u);
  EXPECT_EQ(t.rows(), 4u);
  EXPECT_EQ(r.text[0], "C");
  EXPECT_EQ(r.text[3], "B");
  EXPECT_EQ(r.text.at(1), "A");
  EXPECT_THROW(r.text.at(4), std::out_of_range);
  EXPECT_EQ(t.cell(0, 0), "C");
  EXPECT_EQ(r.text.to_vector(), (std::vector<std::string>{"C", "A", "A", "B"}));
  EXPECT_TRUE(r.text == (std::vector<std::string>{"C", "A", "A", "B"}));
  const std::set<std::string> distinct(r.text.begin(), r.text.end());
  EXPECT_EQ(distinct, (std::set<std::string>{"A", "B", "C"}));
  std::string joined;
  for (const auto& s : r.text) joined += s;
  EXPECT_EQ(joined, "CAAB");
  EXPECT_FALSE(t.column("note").text.is_encoded());
  EXPECT_EQ(t.column("note").text[2], "y");
  EXPECT_EQ(t.column("note").text.end() - t.column("note").text.begin(), 4);
}

TEST(TextValues, CopiesShareLabels) {
  Table t;
  t.add_labels("region", labels({"A", "B"}), {1, 0});
  Table u = t;
  EXPECT_EQ(u.column("region").text.shared_labels(), t.column("region").text.shared_labels());
  Table v;
  v.add_text("region", t.column("region").text);  // a column handed on keeps its encoding
  EXPECT_TRUE(v.column("region").text.is_encoded());
  EXPECT_EQ(v.column("region").text[0], "B");
}

TEST(TextValues, EmptyAndOutOfRange) {
  Table t;
  t.add_labels("region", labels({"A"}), {});
  EXPECT_EQ(t.rows(), 0u);
  EXPECT_TRUE(t.column("region").text.empty());
  EXPECT_THROW(Table().add_labels("region", labels({"A"}), {0, 1}), Error);
  EXPECT_THROW(Table().add_labels("region", nullptr, {0}), Error);
  Table n;
  n.add_number("x", std::vector<double>{1, 2});
  EXPECT_THROW(n.add_labels("region", labels({"A"}), {0}), Error);  // length mismatch
}

TEST(TableStack, SharedLabelsStayEncoded) {
  auto regions = labels({"r1", "r2", "r3"});
  std::vector<Table> parts(2);
  parts[0].add_labels("region", regions, {0, 2}).add_number("v", std::vector<double>{1, NA});
  parts[1]
      .add_labels("region", labels({"r1", "r2", "r3"}), {1})
      .add_number("v", std::vector<double>{-3});
  const Table s = Table::stack("period", {"2001", "2002"}, parts);
  ASSERT_EQ(s.rows(), 3u);
  ASSERT_EQ(s.cols(), 3u);
  EXPECT_EQ(s.columns()[0].name, "period");
  EXPECT_TRUE(s.column("period").text == (std::vector<std::string>{"2001", "2001", "2002"}));
  EXPECT_TRUE(s.column("region").text == (std::vector<std::string>{"r1", "r3", "r2"}));
  EXPECT_EQ(s.column("region").text.shared_labels(), regions);  // equal labels: shared
  EXPECT_EQ(s.column("v").number[0], 1);
  EXPECT_TRUE(is_na(s.column("v").number[1]));
  EXPECT_EQ(s.column("v").number[2], -3);
}

TEST(TableStack, DifferentLabelsAndPlainColumns) {
  std::vector<Table> parts(3);
  parts[0].add_labels("region", labels({"a", "b"}), {1, 0});
  parts[1].add_text("region", std::vector<std::string>{"c", "a"});
  parts[2].add_labels("region", labels({"x"}), {0, 0});
  const Table s = Table::stack("year", {"1", "2", "3"}, parts);
  EXPECT_TRUE(s.column("region").text == (std::vector<std::string>{"b", "a", "c", "a", "x", "x"}));
  EXPECT_TRUE(s.column("year").text == (std::vector<std::string>{"1", "1", "2", "2", "3", "3"}));

  std::vector<Table> plain(2);
  plain[0].add_text("k", std::vector<std::string>{"p"});
  plain[1].add_text("k", std::vector<std::string>{"q", "r"});
  const Table p = Table::stack("period", {"x", "y"}, plain);
  EXPECT_FALSE(p.column("k").text.is_encoded());
  EXPECT_TRUE(p.column("k").text == (std::vector<std::string>{"p", "q", "r"}));
}

TEST(TableStack, ColumnsMatchedByNameAndEmptyParts) {
  std::vector<Table> parts(3);
  parts[0].add_text("a", std::vector<std::string>{"x"}).add_number("b", std::vector<double>{1});
  parts[1].add_number("b", std::vector<double>{}).add_text("a", std::vector<std::string>{});
  parts[2].add_number("b", std::vector<double>{2}).add_text("a", std::vector<std::string>{"y"});
  const Table s = Table::stack("period", {"1", "2", "3"}, parts);
  EXPECT_EQ(s.columns()[1].name, "a");  // the first part's order
  EXPECT_TRUE(s.column("a").text == (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(s.column("period").text == (std::vector<std::string>{"1", "3"}));

  std::vector<Table> clash(2);
  clash[0].add_text("a", std::vector<std::string>{"x"});
  clash[1].add_number("a", std::vector<double>{1});
  EXPECT_THROW(Table::stack("period", {"1", "2"}, clash), Error);
  EXPECT_THROW(Table::stack("period", {"1"}, clash), Error);
}

TEST(FormatNumber, ShortestRoundTrip) {
  EXPECT_EQ(format_number(NA), "NA");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(2014), "2014");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(-2.5e-300), "-2.5e-300");
  EXPECT_EQ(format_number(1e300), "1e+300");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "Inf");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::denorm_min()), "-5e-324");
  EXPECT_EQ(format_number(-1.7976931348623157e308), "-1.7976931348623157e+308");
}

// format_number_to lays out its own shortest digits: it must give std::to_chars's bytes.
TEST(FormatNumber, SameBytesAsToChars) {
  auto check = [](double v) {
    char want[64], got[64];
    char* w_end = std::to_chars(want, want + sizeof want, v).ptr;
    char* g_end = format_number_to(got, v);
    if (v == 0 || std::isnan(v) || std::isinf(v)) return true;
    const bool same = std::string(want + 0, w_end) == std::string(got + 0, g_end);
    EXPECT_TRUE(same) << std::string(want + 0, w_end) << " vs " << std::string(got + 0, g_end);
    return same;
  };
  // Every power of ten and its neighbours, small multiples of them, the edges of the range.
  for (int p = -325; p <= 308; ++p)
    for (double k : {1.0, 2.0, 5.0, 9.0, 12.0, 99.0, 123.0, 1234.5, 0.1 + 0.2, 1.0 / 3.0}) {
      const double v = k * std::pow(10.0, p);
      if (!check(v) || !check(-v) || !check(std::nextafter(v, 0.0)) ||
          !check(std::nextafter(v, INFINITY)))
        return;
    }
  for (double v : {5e-324,
                   2.2250738585072014e-308,
                   1.7976931348623157e308,
                   9007199254740992.0,
                   9007199254740993.0,
                   9007199254740991.0,
                   1e15,
                   1e16,
                   1e17,
                   1e21,
                   1e22,
                   1e23,
                   123456789012345680.0,
                   0.0001,
                   0.001,
                   0.00012,
                   1e-5,
                   100.0,
                   1e5,
                   123456.0})
    if (!check(v) || !check(-v)) return;
  for (int e = 0; e < 64; ++e)
    if (!check(std::ldexp(1.0, e)) || !check(std::ldexp(1.0, -e)) ||
        !check(std::ldexp(1.0, e) + 1) || !check(std::ldexp(3.0, e)))
      return;
  // Random bit patterns (every exponent) and random values of the usual magnitudes.
  uint64_t s = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  };
  for (int k = 0; k < 1000000; ++k) {
    const uint64_t bits = next();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (!check(v)) return;
    const double u = static_cast<double>(next() >> 11) * 0x1p-53;  // [0, 1)
    if (!check(u) || !check(u * 1000) || !check(std::round(u * 1e6)) || !check(u * 1e-3)) return;
  }
}
