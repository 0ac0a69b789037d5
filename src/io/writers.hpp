// Result writers: CSV (shortest round-trip doubles, NA as "NA"), JSON, XLSX (one sheet per
// output) and an aligned table for the terminal.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "core/table.hpp"

namespace agglo {

using NamedTables = std::vector<std::pair<std::string, Table>>;

void write_csv(const Table& t, std::ostream& out);
void write_csv_file(const Table& t, const std::string& path);
// {"output": [{"col": value, ...}, ...], ...}; NA is null.
void write_json(const NamedTables& tables, std::ostream& out);
void write_json_table(const Table& t, std::ostream& out);  // an array of row objects
void write_xlsx(const NamedTables& tables, const std::string& path);
// Columns padded to equal width; numbers right-aligned with up to `digits` significant digits.
void write_aligned(const Table& t, std::ostream& out, int digits = 6, size_t max_rows = 0);

}  // namespace agglo
