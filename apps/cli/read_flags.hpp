// Flags shared by every command that reads a table: CSV dialect, encoding, NA markers, wide
// layout, column mapping and stored datasets.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "registry/invocation.hpp"

namespace agglo::cli {

struct ReadFlags {
  std::string delimiter, encoding = "utf-8", thousands = ",", wide;
  std::vector<std::string> na;
  std::string region, industry, value, period;
  std::vector<std::string> col;  // ROLE=HEADER

  void add_to(CLI::App* sub, bool with_columns = true);
  ReadSettings settings() const;
  std::map<std::string, std::string> columns() const;
};

// Splits "KEY=VALUE"; a usage error names the flag when '=' is missing.
std::pair<std::string, std::string> split_assignment(const std::string& text,
                                                     const std::string& flag);

}  // namespace agglo::cli
