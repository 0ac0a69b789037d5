#include "io/text_table.hpp"

namespace agglo {

std::optional<size_t> TextTable::find_column(const std::string& name) const {
  for (size_t k = 0; k < header.size(); ++k)
    if (header[k] == name) return k;
  return std::nullopt;
}

size_t TextTable::column(const std::string& name) const {
  if (auto k = find_column(name)) return *k;
  std::string list;
  for (const auto& h : header) list += (list.empty() ? "" : ", ") + ("\"" + h + "\"");
  throw Error(SourcePos{source, 1, 0}, "unknown column \"" + name + "\"; the header has " + list);
}

double TextTable::number(size_t row, size_t col) const {
  return number_or_throw(text(row, col), options, pos(row, col), header[col]);
}

std::vector<double> TextTable::numbers(size_t col) const {
  std::vector<double> out(rows());
  for (size_t r = 0; r < rows(); ++r) out[r] = number(r, col);
  return out;
}

std::vector<std::string> TextTable::texts(size_t col) const {
  std::vector<std::string> out(rows());
  for (size_t r = 0; r < rows(); ++r) out[r] = text(r, col);
  return out;
}

TextTable read_text_table(const std::string& path, const CsvOptions& options) {
  CsvReader reader(path, options);
  TextTable t;
  t.source = path;
  t.header = reader.header();
  t.options = options;
  std::vector<std::string_view> fields;
  while (reader.next(fields)) {
    for (auto f : fields) t.cells.emplace_back(trim(f));
    t.lines.push_back(reader.line());
  }
  return t;
}

TextTable wide_to_long(const TextTable& wide, WideLayout layout, const std::string& id_column,
                       const std::string& period_column) {
  if (layout == WideLayout::None) return wide;
  const size_t id = wide.column(id_column);
  std::optional<size_t> per;
  if (!period_column.empty()) per = wide.find_column(period_column);
  TextTable out;
  out.source = wide.source;
  out.options = wide.options;
  const bool rows_are_regions = layout == WideLayout::Industries;
  out.header = {"region", "industry"};
  if (per) out.header.push_back("period");
  out.header.push_back("value");
  for (size_t r = 0; r < wide.rows(); ++r) {
    for (size_t c = 0; c < wide.cols(); ++c) {
      if (c == id || (per && c == *per)) continue;
      out.cells.push_back(rows_are_regions ? wide.text(r, id) : wide.header[c]);
      out.cells.push_back(rows_are_regions ? wide.header[c] : wide.text(r, id));
      if (per) out.cells.push_back(wide.text(r, *per));
      out.cells.push_back(wide.text(r, c));
      out.lines.push_back(wide.lines[r]);
    }
  }
  return out;
}

}  // namespace agglo
