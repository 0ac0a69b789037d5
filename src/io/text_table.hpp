// TextTable: a whole input table held as text cells with the source line of every row, so
// that any later conversion error can name file:line:col. Used for the small inputs
// (hierarchies, plants, weights, frameworks); large panels stream through read_panel().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/csv_reader.hpp"

namespace agglo {

enum class WideLayout { None, Industries, Regions };

class TextTable {
 public:
  std::string source;  // file name or "project:dataset"
  std::vector<std::string> header;
  std::vector<std::string> cells;  // row-major, rows() x header.size()
  std::vector<int64_t> lines;      // source line of each row
  CsvOptions options;              // NA markers and number format used by number()

  size_t rows() const { return lines.size(); }
  size_t cols() const { return header.size(); }
  const std::string& text(size_t row, size_t col) const { return cells[row * header.size() + col]; }
  std::optional<size_t> find_column(const std::string& name) const;
  // Index of a column or a positioned error listing the header.
  size_t column(const std::string& name) const;
  SourcePos pos(size_t row, size_t col) const {
    return {source, lines[row], static_cast<int64_t>(col) + 1};
  }
  bool is_na(size_t row, size_t col) const { return is_na_marker(text(row, col), options); }
  // The cell as a number (NaN for NA markers) or a positioned error.
  double number(size_t row, size_t col) const;
  // Whole column as numbers (NaN = NA) with positioned errors.
  std::vector<double> numbers(size_t col) const;
  std::vector<std::string> texts(size_t col) const;
};

// Reads a whole CSV file.
TextTable read_text_table(const std::string& path, const CsvOptions& options = {});

// Turns a wide table long: with `Industries` every column except `id_column` (and
// `period_column` when given) is an industry, rows are regions; with `Regions` the reverse.
// The result has the columns region, industry, [period,] value.
TextTable wide_to_long(const TextTable& wide, WideLayout layout, const std::string& id_column,
                       const std::string& period_column = "");

}  // namespace agglo
