#include "io/writers.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace agglo {

namespace {

std::string csv_quote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

nlohmann::json table_rows(const Table& t) {
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

}  // namespace

void write_csv(const Table& t, std::ostream& out) {
  for (size_t c = 0; c < t.cols(); ++c) out << (c ? "," : "") << csv_quote(t.columns()[c].name);
  out << '\n';
  std::string line;
  for (size_t r = 0; r < t.rows(); ++r) {
    line.clear();
    for (size_t c = 0; c < t.cols(); ++c) {
      if (c) line += ',';
      const auto& col = t.columns()[c];
      line += col.type == ColumnType::Text ? csv_quote(col.text[r]) : format_number(col.number[r]);
    }
    line += '\n';
    out << line;
  }
}

void write_csv_file(const Table& t, const std::string& path) {
  std::ofstream f(path, std::ios::binary);
  if (!f) throw Error(SourcePos{path, 0, 0}, "cannot write file");
  write_csv(t, f);
  if (!f) throw Error(SourcePos{path, 0, 0}, "error while writing file");
}

void write_json(const NamedTables& tables, std::ostream& out) {
  nlohmann::json doc = nlohmann::json::object();
  for (const auto& [name, t] : tables) doc[name] = table_rows(t);
  out << doc.dump(1) << '\n';
}

void write_json_table(const Table& t, std::ostream& out) {
  out << table_rows(t).dump(1) << '\n';
}

void write_xlsx(const NamedTables& tables, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw Error(SourcePos{path, 0, 0}, "cannot create the XLSX file");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (const auto& [name, t] : tables) {
    std::string sheet_name = name.substr(0, 31);  // Excel's limit
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.c_str());
    for (size_t c = 0; c < t.cols(); ++c)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.columns()[c].name.c_str(), bold);
    for (size_t r = 0; r < t.rows(); ++r) {
      for (size_t c = 0; c < t.cols(); ++c) {
        const auto& col = t.columns()[c];
        const auto row = static_cast<lxw_row_t>(r + 1);
        const auto cc = static_cast<lxw_col_t>(c);
        if (col.type == ColumnType::Text)
          worksheet_write_string(ws, row, cc, col.text[r].c_str(), nullptr);
        else if (std::isfinite(col.number[r]))
          worksheet_write_number(ws, row, cc, col.number[r], nullptr);
        else
          worksheet_write_string(ws, row, cc, "NA", nullptr);
      }
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR)
    throw Error(SourcePos{path, 0, 0}, "cannot write the XLSX file");
}

// Display width of UTF-8 text: East Asian wide characters count as two columns.
static size_t display_width(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++w;
      ++i;
    } else if ((c >> 5) == 0x6) {
      ++w;
      i += 2;
    } else if ((c >> 4) == 0xE) {
      w += 2;  // CJK ideographs and most of the BMP's wide scripts
      i += 3;
    } else {
      w += 2;
      i += 4;
    }
  }
  return w;
}

void write_aligned(const Table& t, std::ostream& out, int digits, size_t max_rows) {
  const size_t n = max_rows ? std::min(max_rows, t.rows()) : t.rows();
  std::vector<std::vector<std::string>> cells(t.cols());
  std::vector<size_t> width(t.cols());
  for (size_t c = 0; c < t.cols(); ++c) {
    const auto& col = t.columns()[c];
    width[c] = display_width(col.name);
    for (size_t r = 0; r < n; ++r) {
      std::string s = col.type == ColumnType::Text ? col.text[r]
                      : std::isnan(col.number[r])  ? "NA"
                                                   : fmt::format("{:.{}g}", col.number[r], digits);
      width[c] = std::max(width[c], display_width(s));
      cells[c].push_back(std::move(s));
    }
  }
  auto pad = [&](const std::string& s, size_t w, bool right) {
    const std::string fill(w - display_width(s), ' ');
    return right ? fill + s : s + fill;
  };
  for (size_t c = 0; c < t.cols(); ++c)
    out << (c ? "  " : "")
        << pad(t.columns()[c].name, width[c], t.columns()[c].type == ColumnType::Number);
  out << '\n';
  for (size_t r = 0; r < n; ++r) {
    for (size_t c = 0; c < t.cols(); ++c)
      out << (c ? "  " : "")
          << pad(cells[c][r], width[c], t.columns()[c].type == ColumnType::Number);
    out << '\n';
  }
  if (n < t.rows()) out << "... " << (t.rows() - n) << " more rows\n";
}

}  // namespace agglo
