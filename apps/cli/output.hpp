// Writing a measure's results: CSV to stdout by default, or --format json|xlsx|table,
// --output FILE, --output-dir DIR (one <output>.csv per output).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "registry/invocation.hpp"

namespace agglo::cli {

// The formats a result can be written in.
inline const std::vector<std::string> kOutputFormats = {"csv", "json", "xlsx", "table"};
bool is_output_format(const std::string& format);

struct OutputFlags {
  std::string format = "csv";
  std::string output;
  std::string output_dir;
  void add_to(CLI::App* sub);
  void emit(const Results& results) const;
};

}  // namespace agglo::cli
