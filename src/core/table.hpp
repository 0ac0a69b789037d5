// Result tables: named, typed columns (text or number). A number column holds NaN for a
// missing value (NA); writers print it as "NA", never as 0.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>

namespace agglo {

inline constexpr double NA = std::numeric_limits<double>::quiet_NaN();
inline bool is_na(double v) {
  return std::isnan(v);
}

enum class ColumnType { Text, Number };

struct Column {
  std::string name;
  ColumnType type = ColumnType::Number;
  std::vector<std::string> text;  // when type == Text
  std::vector<double> number;     // when type == Number (NaN = NA)
  size_t size() const { return type == ColumnType::Text ? text.size() : number.size(); }
};

class Table {
 public:
  Table& add_text(std::string name, std::vector<std::string> values);
  Table& add_number(std::string name, std::vector<double> values);
  Table& add_number(std::string name, const Eigen::VectorXd& values);

  size_t rows() const { return columns_.empty() ? 0 : columns_.front().size(); }
  size_t cols() const { return columns_.size(); }
  const std::vector<Column>& columns() const { return columns_; }
  const Column* find(std::string_view name) const;
  const Column& column(std::string_view name) const;  // throws Error when absent
  // The cell as text: numbers in shortest round-trip form, NA as "NA".
  std::string cell(size_t row, size_t col) const;

  // A labelled matrix as a table: first column `key_name` holds the row labels, then one
  // number column per column label.
  static Table from_matrix(const std::string& key_name, const std::vector<std::string>& row_labels,
                           const std::vector<std::string>& col_labels, const Eigen::MatrixXd& m);

 private:
  void check_length(size_t n, const std::string& name) const;
  std::vector<Column> columns_;
};

// Shortest text that reads back to the same double ("2014", "0.1", "1e-300"); NA -> "NA".
std::string format_number(double v);

}  // namespace agglo
