// The fast path of read_panel for large plain CSV files: memory-mapped, split into one chunk per
// core at line boundaries, separators found 64 bytes at a time with SSE2, short codes interned
// by their bytes. It declines (returns nullopt) whenever the general reader is needed: quoted
// fields, a ragged row, a cell that is not a number or NA, a negative count. The general reader
// then reads the file and reports the exact position of the problem.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/csv_reader.hpp"
#include "io/panel_reader.hpp"

namespace agglo {

struct FastPanelLayout {
  char delimiter = ',';
  size_t columns = 0;  // fields per row (the header's)
  size_t region = 0, industry = 0, value = 0;
  std::optional<size_t> period;
  uint64_t body_offset = 0;  // first byte after the header
  int64_t body_line = 2;     // line number at body_offset
};

std::optional<Panel> read_panel_fast(const std::string& path, const CsvOptions& options,
                                     const FastPanelLayout& layout, const PanelCheck& check,
                                     const std::string& value_name);

}  // namespace agglo
