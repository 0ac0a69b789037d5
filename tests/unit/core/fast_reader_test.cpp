// The parallel fast path of read_panel must give exactly what the general reader gives, and
// hand over to it (for the positioned message) on anything unusual.
#include <gtest/gtest.h>

#include <random>

#include "core/error.hpp"
#include "core/test_helpers.hpp"
#include "io/panel_reader.hpp"
#include "io/text_table.hpp"

using namespace agglo;
using agglo::test::temp_file;

namespace {

// A long table of ~3 MB (above the fast path's threshold) with blank lines, CRLF ends, NA cells,
// decimals, padded codes and codes longer than 8 bytes.
std::string big_table(bool bad_last_row, bool blank_lines = true) {
  std::mt19937 rng(7);
  std::string s = "year,region,industry,value\r\n";
  for (int y = 2020; y < 2022; ++y)
    for (int r = 0; r < 300; ++r)
      for (int i = 0; i < 200; ++i) {
        if (rng() % 7 == 0) continue;
        s.append(std::to_string(y)).append(",");
        s.append(r % 50 == 0 ? "region-with-a-long-code-" : "0")
            .append(std::to_string(r))
            .append(",");
        s.append(i % 3 == 0 ? " " : "").append(std::to_string(100000 + i)).append(",");
        const unsigned v = rng() % 1000;
        s += v % 97 == 0 ? "(D)" : v % 5 == 0 ? std::to_string(v) + ".25" : std::to_string(v);
        s += (v % 2 ? "\r\n" : "\n");
        if (blank_lines && v % 331 == 0) s += "\n";
      }
  if (bad_last_row) s += "2021,X,100001,oops\n";
  return s;
}

}  // namespace

static void expect_same_panels(const Panel& fast, const Panel& slow) {
  ASSERT_EQ(fast.size(), slow.size());
  EXPECT_EQ(fast.regions.names(), slow.regions.names());
  EXPECT_EQ(fast.industries.names(), slow.industries.names());
  EXPECT_EQ(fast.periods.names(), slow.periods.names());
  for (size_t k = 0; k < fast.size(); ++k) {
    ASSERT_EQ(fast.region[k], slow.region[k]) << k;
    ASSERT_EQ(fast.industry[k], slow.industry[k]) << k;
    ASSERT_EQ(fast.period[k], slow.period[k]) << k;
    ASSERT_EQ(fast.source_line(k), slow.source_line(k)) << k;
    if (std::isnan(slow.value[k]))
      ASSERT_TRUE(std::isnan(fast.value[k])) << k;
    else
      ASSERT_EQ(fast.value[k], slow.value[k]) << k;
  }
}

TEST(FastPanelReader, SameAsGeneralReader) {
  const auto path = temp_file("fast_equal.csv", big_table(false));
  PanelColumns cols;
  cols.period = "year";
  const Panel fast = read_panel(path, {}, cols);
  EXPECT_FALSE(fast.lines.empty());  // blank lines between rows: lines kept row by row
  expect_same_panels(fast, panel_from_text(read_text_table(path), cols));
}

TEST(FastPanelReader, ConsecutiveRowsKeepTheirLinesImplicitly) {
  // No blank line between rows (blank lines at the end only): lines = first line + row.
  const auto path = temp_file("fast_consecutive.csv", big_table(false, false) + "\n\r\n");
  PanelColumns cols;
  cols.period = "year";
  const Panel fast = read_panel(path, {}, cols);
  EXPECT_TRUE(fast.lines.empty());
  EXPECT_EQ(fast.first_line, 2);
  expect_same_panels(fast, panel_from_text(read_text_table(path), cols));
}

TEST(FastPanelReader, BadCellStillReportedWithItsPosition) {
  const std::string content = big_table(true);
  const auto path = temp_file("fast_bad.csv", content);
  const int64_t last_line = std::count(content.begin(), content.end(), '\n');
  PanelColumns cols;
  cols.period = "year";
  try {
    read_panel(path, {}, cols);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), path + ":" + std::to_string(last_line) +
                                         ":4: expected a number in column \"value\", got \"oops\"");
  }
}
