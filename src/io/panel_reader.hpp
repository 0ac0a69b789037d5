// Builds a Panel from a long table: streaming from a CSV file (the fast path for large
// panels) or from a TextTable (stored datasets, wide tables turned long).
#pragma once

#include <functional>
#include <string>

#include "core/panel.hpp"
#include "io/text_table.hpp"

namespace agglo {

struct PanelColumns {
  std::string region = "region";
  std::string industry = "industry";
  std::string value = "value";
  std::string period = "period";
  bool period_explicit = false;  // true: the period column must exist
};

struct PanelCheck {
  bool nonnegative = false;  // counts (employment, plants): a negative value is an error
};

// progress(bytes_done, bytes_total) is called now and then while reading.
using ProgressFn = std::function<void(uint64_t, uint64_t)>;

Panel read_panel(const std::string& path, const CsvOptions& options, const PanelColumns& cols,
                 const PanelCheck& check = {}, const ProgressFn& progress = {});
Panel panel_from_text(const TextTable& table, const PanelColumns& cols,
                      const PanelCheck& check = {});

}  // namespace agglo
