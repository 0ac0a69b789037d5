#include "read_flags.hpp"

#include "core/error.hpp"

namespace agglo::cli {

std::pair<std::string, std::string> split_assignment(const std::string& text,
                                                     const std::string& flag) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw UsageError(flag + " expects NAME=VALUE, got \"" + text + "\"");
  return {text.substr(0, eq), text.substr(eq + 1)};
}

void ReadFlags::add_to(CLI::App* sub, bool with_columns) {
  auto* g = sub->add_option_group("reading");
  g->add_option("--delimiter", delimiter, "field delimiter (default: detected from , ; tab)");
  g->add_option("--encoding", encoding, "text encoding of the input: utf-8, big5 or cp950")
      ->check(CLI::IsMember({"utf-8", "utf8", "big5", "cp950", "UTF-8", "BIG5", "CP950"}));
  g->add_option(
      "--na", na,
      "cells read as NA (repeatable; replaces the defaults: empty, NA, (D), (S), x, -, …)");
  g->add_option("--thousands", thousands, "thousands separator accepted in numbers (\"\" = none)");
  g->add_option("--wide", wide, "the table is wide: columns are industries or regions")
      ->check(CLI::IsMember({"industries", "regions"}));
  if (!with_columns) return;
  auto* c = sub->add_option_group("columns");
  c->add_option("--region", region, "column holding the region code (default: region)");
  c->add_option("--industry", industry, "column holding the industry code (default: industry)");
  c->add_option("--value", value, "column holding the value (default: value)");
  c->add_option("--period", period, "column holding the period (default: period, if present)");
  c->add_option("--col", col, "map any column role: ROLE=COLUMN (repeatable)");
}

ReadSettings ReadFlags::settings() const {
  ReadSettings s;
  if (!delimiter.empty()) {
    if (delimiter == "\\t" || delimiter == "tab")
      s.csv.delimiter = '\t';
    else if (delimiter.size() == 1)
      s.csv.delimiter = delimiter[0];
    else
      throw UsageError("--delimiter expects one character, got \"" + delimiter + "\"");
  }
  s.csv.encoding = encoding;
  if (!na.empty()) s.csv.na_markers = na;
  if (thousands.size() > 1) throw UsageError("--thousands expects one character");
  s.csv.thousands = thousands.empty() ? 0 : thousands[0];
  if (wide == "industries") s.wide = WideLayout::Industries;
  if (wide == "regions") s.wide = WideLayout::Regions;
  return s;
}

std::map<std::string, std::string> ReadFlags::columns() const {
  std::map<std::string, std::string> m;
  if (!region.empty()) m["region"] = region;
  if (!industry.empty()) m["industry"] = industry;
  if (!value.empty()) m["value"] = value;
  if (!period.empty()) m["period"] = period;
  for (const auto& c : col) {
    auto [k, v] = split_assignment(c, "--col");
    m[k] = v;
  }
  return m;
}

}  // namespace agglo::cli
