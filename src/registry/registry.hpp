// The measure registry: the single catalogue of every measure (name, family, summary, formula
// reference, inputs, options, outputs, kernel). The CLI subcommands and their --help,
// `agglo list`, `agglo help`, `agglo verify` and docs/measures.md are all generated from it.
//
// Adding a measure: write the kernel in its family, then register it in the family's
// register_*.cpp with AGGLO_REGISTER_MEASURES (see docs/adding_a_measure.md).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "registry/invocation.hpp"

namespace agglo {

enum class OptionType { Number, Integer, Boolean, Choice, Text, NumberList, IntegerList };

std::string to_string(OptionType t);

struct OptionSpec {
  std::string name;  // snake_case, as in the fixtures' params
  OptionType type = OptionType::Number;
  nlohmann::json default_value;      // null = no default (required unless `optional`)
  std::vector<std::string> choices;  // allowed values of a Choice option
  std::string doc;
  bool optional = false;  // may stay unset (the kernel checks inv.has(name))
};

struct InputSpec {
  std::string role;  // "table", "plants", "Z", "weights", ...
  std::string doc;
  bool required = true;
  std::vector<std::string> column_roles;  // semantic columns read from this input
};

struct OutputSpec {
  std::string name;  // result name; verify compares expected_<name>.csv with it
  std::string doc;
  std::vector<std::string> columns;  // documented columns (data-dependent ones described in doc)
};

using Kernel = std::function<Results(const Invocation&)>;

struct MeasureSpec {
  std::string name;       // snake_case literature name: location_quotient
  std::string family;     // concentration, specialization, ...
  std::string summary;    // one line
  std::string formula;    // formula in plain text
  std::string reference;  // literature reference
  std::vector<InputSpec> inputs;
  std::vector<OptionSpec> options;
  std::vector<OutputSpec> outputs;
  Kernel kernel;
  std::vector<std::string> also_in;  // further families that list this measure
  std::vector<std::string> aliases;  // further CLI names (kebab-case), e.g. "index"
  // A one-period measure that, given a table of several periods and no `period` option, is
  // computed for every period (one read of the table); its outputs then lead with `period`.
  bool each_period = false;

  const OptionSpec* option(const std::string& name) const;
  const InputSpec* input(const std::string& role) const;
};

class Registry {
 public:
  static Registry& instance();
  void add(MeasureSpec spec);  // a name registered twice is a programming error (aborts)
  // Finds a measure by snake_case or kebab-case name.
  const MeasureSpec* find(const std::string& name) const;
  std::vector<const MeasureSpec*> all() const;  // sorted by family, then name

 private:
  std::map<std::string, MeasureSpec> measures_;
};

// Runs a measure as the faces do: the kernel, or for an `each_period` measure without a chosen
// period the kernel once per period of the table.
Results run_measure(const MeasureSpec& spec, const Invocation& inv);

// Checks params against the option specs (unknown names, types, choices) and fills defaults.
// Throws UsageError naming the option.
nlohmann::json validate_params(const MeasureSpec& spec, const nlohmann::json& params);

std::string kebab_case(const std::string& snake);
std::string snake_case(const std::string& kebab);

// Self-registration: a family's register file defines
//   AGGLO_REGISTER_MEASURES(concentration) { registry.add({...}); }
struct Registrar {
  explicit Registrar(void (*fn)(Registry&)) { fn(Registry::instance()); }
};

}  // namespace agglo

#define AGGLO_REGISTER_MEASURES(tag)                                      \
  static void agglo_register_##tag(::agglo::Registry& registry);          \
  static ::agglo::Registrar agglo_registrar_##tag(&agglo_register_##tag); \
  static void agglo_register_##tag([[maybe_unused]] ::agglo::Registry& registry)
