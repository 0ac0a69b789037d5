#include "core/table.hpp"

#include <charconv>

#include "core/error.hpp"

namespace agglo {

std::string format_number(double v) {
  if (std::isnan(v)) return "NA";
  if (std::isinf(v)) return v > 0 ? "Inf" : "-Inf";
  if (v == 0) return "0";  // also folds -0
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

void Table::check_length(size_t n, const std::string& name) const {
  if (!columns_.empty() && n != rows())
    throw Error("internal: column '" + name + "' has " + std::to_string(n) + " rows, table has " +
                std::to_string(rows()));
}

Table& Table::add_text(std::string name, std::vector<std::string> values) {
  check_length(values.size(), name);
  Column c;
  c.name = std::move(name);
  c.type = ColumnType::Text;
  c.text = std::move(values);
  columns_.push_back(std::move(c));
  return *this;
}

Table& Table::add_number(std::string name, std::vector<double> values) {
  check_length(values.size(), name);
  Column c;
  c.name = std::move(name);
  c.type = ColumnType::Number;
  c.number = std::move(values);
  columns_.push_back(std::move(c));
  return *this;
}

Table& Table::add_number(std::string name, const Eigen::VectorXd& values) {
  return add_number(std::move(name),
                    std::vector<double>(values.data(), values.data() + values.size()));
}

const Column* Table::find(std::string_view name) const {
  for (const auto& c : columns_)
    if (c.name == name) return &c;
  return nullptr;
}

const Column& Table::column(std::string_view name) const {
  if (const Column* c = find(name)) return *c;
  throw Error("no column '" + std::string(name) + "' in result table");
}

std::string Table::cell(size_t row, size_t col) const {
  const Column& c = columns_[col];
  return c.type == ColumnType::Text ? c.text[row] : format_number(c.number[row]);
}

Table Table::from_matrix(const std::string& key_name, const std::vector<std::string>& row_labels,
                         const std::vector<std::string>& col_labels, const Eigen::MatrixXd& m) {
  Table t;
  t.add_text(key_name, row_labels);
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    Eigen::VectorXd col = m.col(j);
    t.add_number(col_labels[static_cast<size_t>(j)], col);
  }
  return t;
}

}  // namespace agglo
