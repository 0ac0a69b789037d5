#include "registry/common.hpp"

#include <type_traits>

#include "core/error.hpp"

namespace agglo {

OptionSpec period_option() {
  OptionSpec o;
  o.name = "period";
  o.type = OptionType::Text;
  o.doc =
      "the period (value of the period column) to use; required when the table holds several "
      "periods";
  o.optional = true;
  return o;
}

InputSpec panel_input(std::string doc) {
  return InputSpec{"table", std::move(doc), true, {"region", "industry", "value", "period"}};
}

namespace {

std::shared_ptr<const std::vector<std::string>> shared_labels(const std::vector<std::string>& v) {
  return std::make_shared<const std::vector<std::string>>(v);
}

}  // namespace

// The label columns are dictionary-encoded (a code per row into the row and column labels):
// no string is copied per row.
Table long_table(const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                 const Eigen::MatrixXd& values, const std::string& row_key,
                 const std::string& col_key, const std::string& value_name) {
  const size_t n = rows.size() * cols.size();
  std::vector<TextValues::Code> r_out(n), c_out(n);
  std::vector<double> v_out(n);
  size_t k = 0;
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < cols.size(); ++c, ++k) {
      r_out[k] = static_cast<TextValues::Code>(r);
      c_out[k] = static_cast<TextValues::Code>(c);
      v_out[k] = values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
    }
  Table t;
  t.add_labels(row_key, shared_labels(rows), std::move(r_out));
  t.add_labels(col_key, shared_labels(cols), std::move(c_out));
  t.add_number(value_name, std::move(v_out));
  return t;
}

LabeledMatrix period_counts(const Invocation& inv) {
  const auto panel = inv.shared_panel("table", {.nonnegative = true});
  return inv.period_matrix(*panel);
}

Table cell_table(const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                 Panel::CellIndex&& cells, std::vector<double> values, const std::string& row_key,
                 const std::string& col_key, const std::string& value_name) {
  if (values.size() != cells.row.size())
    throw Error("internal: " + std::to_string(values.size()) + " values for " +
                std::to_string(cells.row.size()) + " cells");
  static_assert(std::is_same_v<TextValues::Code, uint32_t>, "cell codes are label codes");
  Table t;
  t.add_labels(row_key, shared_labels(rows), std::move(cells.row));
  t.add_labels(col_key, shared_labels(cols), std::move(cells.col));
  t.add_number(value_name, std::move(values));
  return t;
}

Table labelled_columns(const std::string& key, const std::vector<std::string>& labels,
                       std::initializer_list<std::pair<std::string, Eigen::VectorXd>> columns) {
  Table t;
  t.add_text(key, labels);
  for (const auto& [name, v] : columns) t.add_number(name, v);
  return t;
}

}  // namespace agglo
