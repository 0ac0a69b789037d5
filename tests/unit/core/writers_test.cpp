// Writers: the buffered (block-parallel) CSV, JSON and aligned writers give exactly the bytes of
// the straightforward row-by-row forms below (CSV quoting, nlohmann's JSON dump, fmt's %g),
// for plain and dictionary-encoded text columns, NA, negative, tiny and huge numbers.
#include <gtest/gtest.h>

#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/table.hpp"
#include "io/writers.hpp"

using namespace agglo;

namespace {

// ---- the reference forms, one cell at a time ----

std::string ref_quote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string ref_csv(const Table& t) {
  std::string out;
  for (size_t c = 0; c < t.cols(); ++c) {
    if (c) out += ',';
    out += ref_quote(t.columns()[c].name);
  }
  out += '\n';
  for (size_t r = 0; r < t.rows(); ++r) {
    for (size_t c = 0; c < t.cols(); ++c) {
      const auto& col = t.columns()[c];
      out += c ? "," : "";
      out += col.type == ColumnType::Text ? ref_quote(col.text[r]) : format_number(col.number[r]);
    }
    out += '\n';
  }
  return out;
}

nlohmann::json ref_rows(const Table& t) {
  nlohmann::json rows = nlohmann::json::array();
  for (size_t r = 0; r < t.rows(); ++r) {
    nlohmann::json row = nlohmann::json::object();
    for (const auto& c : t.columns()) {
      if (c.type == ColumnType::Text)
        row[c.name] = c.text[r];
      else if (std::isfinite(c.number[r]))
        row[c.name] = c.number[r];
      else
        row[c.name] = nullptr;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string ref_aligned(const Table& t, int digits, size_t max_rows) {
  auto width_of = [](const std::string& s) {  // ASCII and 3-byte CJK only in these tests
    size_t w = 0;
    for (size_t i = 0; i < s.size();) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        ++w;
        ++i;
      } else {
        w += 2;
        i += 3;
      }
    }
    return w;
  };
  const size_t n = max_rows ? std::min(max_rows, t.rows()) : t.rows();
  std::vector<std::vector<std::string>> cells(t.cols());
  std::vector<size_t> width(t.cols());
  for (size_t c = 0; c < t.cols(); ++c) {
    const auto& col = t.columns()[c];
    width[c] = width_of(col.name);
    for (size_t r = 0; r < n; ++r) {
      std::string s = col.type == ColumnType::Text ? col.text[r]
                      : std::isnan(col.number[r])  ? "NA"
                                                   : fmt::format("{:.{}g}", col.number[r], digits);
      width[c] = std::max(width[c], width_of(s));
      cells[c].push_back(std::move(s));
    }
  }
  auto pad = [&](const std::string& s, size_t w, bool right) {
    const std::string fill(w - width_of(s), ' ');
    return right ? fill + s : s + fill;
  };
  std::string out;
  for (size_t c = 0; c < t.cols(); ++c)
    out.append(c ? "  " : "")
        .append(pad(t.columns()[c].name, width[c], t.columns()[c].type == ColumnType::Number));
  out += '\n';
  for (size_t r = 0; r < n; ++r) {
    for (size_t c = 0; c < t.cols(); ++c)
      out +=
          (c ? "  " : "") + pad(cells[c][r], width[c], t.columns()[c].type == ColumnType::Number);
    out += '\n';
  }
  if (n < t.rows()) out += "... " + std::to_string(t.rows() - n) + " more rows\n";
  return out;
}

// ---- tables to write ----

const std::vector<double> kNumbers = {0.0,
                                      -0.0,
                                      1.0,
                                      -1.0,
                                      2014.0,
                                      0.1,
                                      -2.5e-300,
                                      5e-324,
                                      1e21,
                                      1e300,
                                      -1.7976931348623157e308,
                                      123456789012345680.0,
                                      1.0 / 3.0,
                                      NA,
                                      std::numeric_limits<double>::infinity(),
                                      -std::numeric_limits<double>::infinity(),
                                      2.7154106074810325,
                                      -0.000123};

const std::vector<std::string> kLabels = {"10001",    "a,b",      "say \"hi\"", "line\nbreak",
                                          "cr\rx",    "",         "台北",       "tab\there",
                                          "back\\sl", "\x01\x7f", "NA",         "  spaced "};

// `rows` rows: an encoded label column, a plain text column and a number column.
Table sample(size_t rows) {
  auto labels = std::make_shared<const std::vector<std::string>>(kLabels);
  std::vector<TextValues::Code> codes(rows);
  std::vector<std::string> plain(rows);
  std::vector<double> numbers(rows);
  for (size_t r = 0; r < rows; ++r) {
    codes[r] = static_cast<TextValues::Code>((r * 7) % kLabels.size());
    plain[r] = kLabels[(r * 5 + 3) % kLabels.size()] + std::to_string(r % 13);
    numbers[r] = kNumbers[r % kNumbers.size()] * (r % 3 == 2 ? 1.5 : 1.0);
  }
  Table t;
  t.add_labels("region", labels, std::move(codes));
  t.add_text("name, quoted \"x\"", std::move(plain));
  t.add_number("lq", std::move(numbers));
  return t;
}

std::string csv_of(const Table& t) {
  std::ostringstream s;
  write_csv(t, s);
  return s.str();
}

}  // namespace

TEST(Writers, CsvMatchesRowByRowForm) {
  for (size_t rows : {0, 1, 17, 100000}) {  // 100000 rows: several blocks, written in order
    const Table t = sample(rows);
    EXPECT_EQ(csv_of(t), ref_csv(t)) << rows << " rows";
  }
}

TEST(Writers, CsvNumbersAndQuotes) {
  Table t;
  t.add_text("k", std::vector<std::string>{"a,b", "q\"q", "plain"});
  t.add_number("v", std::vector<double>{NA, -2.5e-300, 1e21});
  EXPECT_EQ(csv_of(t), "k,v\n\"a,b\",NA\n\"q\"\"q\",-2.5e-300\nplain,1e+21\n");
}

TEST(Writers, JsonMatchesNlohmannDump) {
  for (size_t rows : {0, 1, 17, 70000}) {
    const Table t = sample(rows);
    std::ostringstream one;
    write_json_table(t, one);
    EXPECT_EQ(one.str(), ref_rows(t).dump(1) + "\n") << rows << " rows";
  }
  // Several outputs: sorted by name; an empty one is [].
  NamedTables tables = {{"zeta", sample(3)}, {"alpha", sample(40000)}, {"empty", sample(0)}};
  std::ostringstream many;
  write_json(tables, many);
  nlohmann::json doc = nlohmann::json::object();
  for (const auto& [name, t] : tables) doc[name] = ref_rows(t);
  EXPECT_EQ(many.str(), doc.dump(1) + "\n");
  std::ostringstream none;
  write_json({}, none);
  EXPECT_EQ(none.str(), "{}\n");
}

TEST(Writers, JsonRepeatedColumnKeepsTheLast) {
  Table t;
  t.add_number("b", std::vector<double>{1}).add_text("a", std::vector<std::string>{"x"});
  t.add_number("a", std::vector<double>{2.0});
  std::ostringstream s;
  write_json_table(t, s);
  EXPECT_EQ(s.str(), ref_rows(t).dump(1) + "\n");
  EXPECT_EQ(s.str(), "[\n {\n  \"a\": 2.0,\n  \"b\": 1.0\n }\n]\n");
}

TEST(Writers, JsonInvalidUtf8Throws) {
  Table t;
  t.add_text("k", std::vector<std::string>{"\xff"});
  std::ostringstream s;
  EXPECT_THROW(write_json_table(t, s), std::exception);
}

TEST(Writers, AlignedMatchesRowByRowForm) {
  for (size_t rows : {0, 5, 50000}) {
    const Table t = sample(rows);
    for (size_t max_rows : {size_t{0}, size_t{3}}) {
      std::ostringstream s;
      write_aligned(t, s, 6, max_rows);
      EXPECT_EQ(s.str(), ref_aligned(t, 6, max_rows)) << rows << " rows, max " << max_rows;
    }
  }
  // A wide label beyond the rows shown does not widen the column.
  Table t;
  t.add_labels("k",
               std::make_shared<const std::vector<std::string>>(
                   std::vector<std::string>{"a", "a very long label"}),
               {0, 0, 1});
  std::ostringstream s;
  write_aligned(t, s, 6, 2);
  EXPECT_EQ(s.str(), "k\na\na\n... 1 more rows\n");
}
