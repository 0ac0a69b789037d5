// Streaming CSV reader: delimiter detection (, ; tab), quoted fields, UTF-8 BOM, Big5/CP950 via
// iconv, thousands separators, suppression markers read as NA. Every error names file:line:col.
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace agglo {

struct CsvOptions {
  char delimiter = 0;              // 0 = detect from the header line
  std::string encoding = "utf-8";  // utf-8 | big5 | cp950
  // Cells read as NA (missing / suppressed). Compared after trimming blanks.
  std::vector<std::string> na_markers = {"", "NA", "(D)", "(S)", "x", "-", "\xE2\x80\xA6"};
  char thousands = ',';  // separator accepted between digit groups ("1,234"); 0 = none
};

class CsvReader {
 public:
  CsvReader(const std::string& path, CsvOptions options = {});
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  const std::string& path() const { return path_; }
  const std::vector<std::string>& header() const { return header_; }
  char delimiter() const { return delim_; }
  // Index of a header column; a positioned error listing the header when absent.
  size_t column(const std::string& name) const;
  std::optional<size_t> find_column(const std::string& name) const;

  // Reads the next data row. Views stay valid until the next call. Blank lines are skipped.
  // A row with a different number of fields than the header is a positioned error.
  bool next(std::vector<std::string_view>& fields);
  int64_t line() const { return row_line_; }  // line where the current row starts
  SourcePos pos(size_t field) const { return {path_, row_line_, static_cast<int64_t>(field) + 1}; }
  uint64_t bytes_read() const { return consumed_total_; }
  // Byte offset and line of the next unread row (right after the header when nothing was read).
  uint64_t offset() const { return consumed_total_ + pos_; }
  int64_t next_line() const { return line_; }
  bool decoded() const { return decoded_; }
  uint64_t file_size() const { return file_size_; }

 private:
  bool refill();  // moves the unread tail to the front and reads more; false at end of input
  bool parse_row(std::vector<std::string_view>& fields, bool& complete);
  void check_utf8(std::string_view text, int64_t line) const;

  std::string path_;
  CsvOptions opt_;
  char delim_ = ',';
  std::FILE* file_ = nullptr;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  bool decoded_ = false;  // whole file decoded in memory (non-UTF-8 input)
  int64_t line_ = 1;      // line at pos_
  int64_t row_line_ = 0;
  uint64_t consumed_total_ = 0;
  uint64_t file_size_ = 0;
  std::vector<std::string> header_;
  std::deque<std::string> scratch_;  // unescaped quoted fields of the current row (stable)
};

// True when the trimmed cell is one of the NA markers.
bool is_na_marker(std::string_view cell, const CsvOptions& opt);
// Parses a number: blanks trimmed, thousands separators between digit groups accepted.
// NA markers give NaN. Anything else gives nullopt.
std::optional<double> parse_number(std::string_view cell, const CsvOptions& opt);
// parse_number or a positioned error: `expected a number in column "emp", got "(X)"`.
double number_or_throw(std::string_view cell, const CsvOptions& opt, const SourcePos& pos,
                       const std::string& column_name);

std::string_view trim(std::string_view s);

}  // namespace agglo
