#include "registry/registry.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "core/error.hpp"

namespace agglo {

std::string to_string(OptionType t) {
  switch (t) {
    case OptionType::Number:
      return "number";
    case OptionType::Integer:
      return "integer";
    case OptionType::Boolean:
      return "boolean";
    case OptionType::Choice:
      return "choice";
    case OptionType::Text:
      return "text";
    case OptionType::NumberList:
      return "number list";
    case OptionType::IntegerList:
      return "integer list";
  }
  return "?";
}

const OptionSpec* MeasureSpec::option(const std::string& n) const {
  for (const auto& o : options)
    if (o.name == n) return &o;
  return nullptr;
}

const InputSpec* MeasureSpec::input(const std::string& role) const {
  for (const auto& i : inputs)
    if (i.role == role) return &i;
  return nullptr;
}

Registry& Registry::instance() {
  static Registry registry;
  return registry;
}

void Registry::add(MeasureSpec spec) {
  if (measures_.count(spec.name)) {
    std::fprintf(stderr, "agglo: measure %s registered twice\n", spec.name.c_str());
    std::abort();
  }
  std::string name = spec.name;
  measures_.emplace(std::move(name), std::move(spec));
}

const MeasureSpec* Registry::find(const std::string& name) const {
  auto it = measures_.find(snake_case(name));
  return it == measures_.end() ? nullptr : &it->second;
}

std::vector<const MeasureSpec*> Registry::all() const {
  std::vector<const MeasureSpec*> out;
  for (const auto& [n, s] : measures_) out.push_back(&s);
  std::stable_sort(out.begin(), out.end(), [](auto* a, auto* b) {
    return a->family != b->family ? a->family < b->family : a->name < b->name;
  });
  return out;
}

std::string kebab_case(const std::string& snake) {
  std::string s = snake;
  std::replace(s.begin(), s.end(), '_', '-');
  return s;
}

std::string snake_case(const std::string& kebab) {
  std::string s = kebab;
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
}

static bool is_integer(const nlohmann::json& v) {
  if (v.is_number_integer()) return true;
  if (!v.is_number_float()) return false;
  const double d = v.get<double>();
  return d == static_cast<double>(static_cast<int64_t>(d));
}

static nlohmann::json check_value(const MeasureSpec& spec, const OptionSpec& opt,
                                  const nlohmann::json& v) {
  auto fail = [&](const std::string& what) -> nlohmann::json {
    throw UsageError(
        fmt::format("{}: option \"{}\" expects {}, got {}", spec.name, opt.name, what, v.dump()));
  };
  switch (opt.type) {
    case OptionType::Number:
      if (!v.is_number()) return fail("a number");
      return v;
    case OptionType::Integer:
      if (!is_integer(v)) return fail("an integer");
      return static_cast<int64_t>(v.get<double>());
    case OptionType::Boolean:
      if (!v.is_boolean()) return fail("true or false");
      return v;
    case OptionType::Choice: {
      std::string s = v.is_string() ? v.get<std::string>() : v.is_number() ? v.dump() : "";
      if (std::find(opt.choices.begin(), opt.choices.end(), s) == opt.choices.end()) {
        std::string allowed;
        for (const auto& c : opt.choices) allowed += (allowed.empty() ? "" : " | ") + c;
        return fail("one of " + allowed);
      }
      return s;
    }
    case OptionType::Text:
      if (v.is_string()) return v;
      if (v.is_number()) return v;  // a region code or period given as a number
      return fail("text");
    case OptionType::NumberList:
    case OptionType::IntegerList: {
      nlohmann::json arr = v.is_array() ? v : nlohmann::json::array({v});
      for (const auto& e : arr) {
        if (!e.is_number() || (opt.type == OptionType::IntegerList && !is_integer(e)))
          return fail(opt.type == OptionType::IntegerList ? "a list of integers"
                                                          : "a list of numbers");
      }
      return arr;
    }
  }
  return v;
}

nlohmann::json validate_params(const MeasureSpec& spec, const nlohmann::json& params) {
  nlohmann::json out = nlohmann::json::object();
  if (!params.is_null() && !params.is_object())
    throw UsageError(spec.name + ": options must be a JSON object");
  if (params.is_object()) {
    for (auto it = params.begin(); it != params.end(); ++it) {
      const OptionSpec* opt = spec.option(it.key());
      if (!opt) {
        std::string known;
        for (const auto& o : spec.options) known += (known.empty() ? "" : ", ") + o.name;
        throw UsageError(fmt::format("{}: unknown option \"{}\" (options: {})", spec.name, it.key(),
                                     known.empty() ? "none" : known));
      }
      out[it.key()] = check_value(spec, *opt, it.value());
    }
  }
  for (const auto& opt : spec.options) {
    if (out.contains(opt.name)) continue;
    if (!opt.default_value.is_null())
      out[opt.name] = opt.default_value;
    else if (!opt.optional)
      throw UsageError(
          fmt::format("{}: the option \"{}\" is required ({})", spec.name, opt.name, opt.doc));
  }
  return out;
}

}  // namespace agglo
