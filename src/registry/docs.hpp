// Reference documentation generated from the registry (docs/measures.md and `agglo help`).
#pragma once

#include <string>

#include "registry/registry.hpp"

namespace agglo {

// The command-line flag of an option: --<kebab-name>, or --set-<kebab-name> where the plain
// name would clash with a column-role or input flag (e.g. the `period` option vs --period COL).
std::string option_flag(const MeasureSpec& spec, const OptionSpec& opt);
// The flag of a non-table input: --<kebab-role>, or --<kebab-role>-file on a clash.
std::string input_flag(const MeasureSpec& spec, const InputSpec& in);

std::string measure_help(const MeasureSpec& spec);  // `agglo help MEASURE`
std::string measures_markdown();                    // docs/measures.md

}  // namespace agglo
