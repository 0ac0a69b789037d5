// One call of a measure: validated options, the column mapping, the inputs (files or stored
// datasets) and how to read them. Kernels read everything through it, so the same kernel
// serves the CLI, `agglo verify`, the HTTP API and Python.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/matrix.hpp"
#include "core/panel.hpp"
#include "core/table.hpp"
#include "io/panel_reader.hpp"
#include "io/text_table.hpp"

namespace agglo {

// The named result tables of a measure plus warnings (e.g. why a value is NA).
struct Results {
  std::vector<std::pair<std::string, Table>> outputs;
  std::vector<std::string> warnings;

  Table& add(const std::string& name, Table table);
  const Table* find(const std::string& name) const;
};

// Where an input comes from: a file, or a dataset of a project store.
struct InputSource {
  std::string path;     // file path (CSV, GeoJSON, ...)
  std::string project;  // project store file, with `dataset`
  std::string dataset;
  std::shared_ptr<const Panel> panel;  // a panel already in memory (one period of a larger read)
  std::string describe() const;
};

struct ReadSettings {
  CsvOptions csv;
  WideLayout wide = WideLayout::None;
};

struct MeasureSpec;

// Panels read from files or stored datasets, kept for the next measure that reads the same source
// with the same column mapping (one read for a run of several measures; one cache per set of read
// settings). Panels are read without checks; each measure applies its own to the shared panel.
struct PanelCache {
  std::map<std::string, std::shared_ptr<const Panel>> panels;  // key: path and column mapping
};

class Invocation {
 public:
  // The same call with other options and inputs (e.g. one period of the table).
  Invocation with(nlohmann::json params, std::map<std::string, InputSource> inputs) const;
  const std::map<std::string, InputSource>& inputs() const { return inputs_; }

  Invocation(const MeasureSpec& spec, nlohmann::json params,
             std::map<std::string, std::string> columns, std::map<std::string, InputSource> inputs,
             ReadSettings read = {});

  const MeasureSpec& spec() const { return *spec_; }

  // Options (validated, defaults filled in).
  const nlohmann::json& params() const { return params_; }
  bool has(const std::string& name) const;
  double number(const std::string& name) const;
  int64_t integer(const std::string& name) const;
  bool flag(const std::string& name) const;
  std::string text(const std::string& name) const;
  std::vector<double> numbers(const std::string& name) const;  // a list option (or one number)

  // Column roles -> header names; an unmapped role reads the column named like the role.
  std::string column(const std::string& role) const;
  bool column_given(const std::string& role) const { return columns_.count(role) > 0; }
  const std::map<std::string, std::string>& columns() const { return columns_; }

  // Inputs by role.
  bool has_input(const std::string& role) const { return inputs_.count(role) > 0; }
  const InputSource& source(const std::string& role) const;
  std::string path(const std::string& role) const;  // the file behind a role (error for datasets)
  const TextTable& table(const std::string& role = "table") const;  // read once, cached
  // The role's long table as a Panel (columns region, industry, value, period).
  Panel panel(const std::string& role = "table", PanelCheck check = {}) const;
  // The same without a copy when the panel is already in memory (per-period runs hand it on).
  std::shared_ptr<const Panel> shared_panel(const std::string& role = "table",
                                            PanelCheck check = {}) const;
  const ReadSettings& read_settings() const { return read_; }

  // The period chosen by the `period` option (number or text); without it the panel must
  // hold exactly one period. Error names the available periods.
  Panel::Id selected_period(const Panel& panel, const std::string& option = "period") const;
  LabeledMatrix period_matrix(const Panel& panel, const std::string& option = "period") const;

  ProgressFn progress;                      // set by the CLI on a terminal
  std::shared_ptr<PanelCache> panel_cache;  // set when several measures share their reads

 private:
  const MeasureSpec* spec_;
  nlohmann::json params_;
  std::map<std::string, std::string> columns_;
  std::map<std::string, InputSource> inputs_;
  ReadSettings read_;
  mutable std::map<std::string, std::shared_ptr<TextTable>> cache_;

  bool is_wide(const std::string& role) const;  // the table given in wide layout
  PanelColumns panel_columns(const std::string& role) const;
  bool reads_panel_from_file(const std::string& role) const;  // not a dataset, wide or cached text
  bool cacheable(const std::string& role) const;  // a file read as above, or a stored dataset
};

}  // namespace agglo
