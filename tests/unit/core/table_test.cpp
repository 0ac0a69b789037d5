// Result tables: dictionary-encoded text columns read like plain ones, stack without copying
// labels, and reject bad codes.
#include <gtest/gtest.h>

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
