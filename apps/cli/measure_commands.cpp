// One subcommand per registered measure, generated from the registry.
#include <memory>

#include "commands.hpp"
#include "core/error.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "read_flags.hpp"
#include "registry/docs.hpp"
#include "registry/registry.hpp"

namespace agglo::cli {

namespace {

// Turns the text of a flag into the JSON value of the option's type.
nlohmann::json parse_option(const MeasureSpec& spec, const OptionSpec& o, const std::string& text) {
  auto fail = [&](const std::string& what) -> nlohmann::json {
    throw UsageError(option_flag(spec, o) + " expects " + what + ", got \"" + text + "\"");
  };
  auto number = [&](const std::string& s) -> double {
    try {
      size_t used = 0;
      double v = std::stod(s, &used);
      if (used != s.size()) fail("a number");
      return v;
    } catch (const std::logic_error&) {
      fail("a number");
    }
    return 0;
  };
  switch (o.type) {
    case OptionType::Number:
      return number(text);
    case OptionType::Integer: {
      double v = number(text);
      if (v != static_cast<double>(static_cast<int64_t>(v))) fail("an integer");
      return static_cast<int64_t>(v);
    }
    case OptionType::Boolean:
      if (text == "true" || text == "1" || text == "yes") return true;
      if (text == "false" || text == "0" || text == "no") return false;
      return fail("true or false");
    case OptionType::Choice:
    case OptionType::Text:
      return text;
    case OptionType::NumberList:
    case OptionType::IntegerList: {
      nlohmann::json arr = nlohmann::json::array();
      size_t start = 0;
      while (start <= text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        arr.push_back(number(text.substr(start, end - start)));
        start = end + 1;
      }
      return arr;
    }
  }
  return text;
}

struct MeasureFlags {
  std::string table, project, dataset, params_json;
  std::vector<std::string> inputs;  // ROLE=FILE
  std::map<std::string, std::string> role_files;
  std::map<std::string, std::string> option_text;
  ReadFlags read;
  OutputFlags out;
};

}  // namespace

void add_measure_commands(CLI::App& app, Commands& cmds) {
  for (const MeasureSpec* spec : Registry::instance().all()) {
    CLI::App* sub = app.add_subcommand(kebab_case(spec->name), spec->summary);
    for (const auto& alias : spec->aliases) sub->alias(alias);
    sub->group("Measures (" + spec->family + ")");
    sub->footer("\n" + measure_help(*spec));
    auto flags = std::make_shared<MeasureFlags>();
    if (spec->input("table")) sub->add_option("--table,-t", flags->table, "input table (CSV)");
    for (const auto& in : spec->inputs) {
      if (in.role == "table") continue;
      sub->add_option(input_flag(*spec, in), flags->role_files[in.role], in.doc);
    }
    sub->add_option("--input", flags->inputs, "any input: ROLE=FILE (repeatable)");
    sub->add_option("--project", flags->project, "project store (*.agglo) holding --dataset");
    sub->add_option("--dataset", flags->dataset,
                    "stored dataset used as the table (with --project)");
    sub->add_option("--params", flags->params_json, "options as one JSON object");
    for (const auto& o : spec->options)
      sub->add_option(option_flag(*spec, o), flags->option_text[o.name], o.doc);
    flags->read.add_to(sub);
    flags->out.add_to(sub);
    cmds.on(sub, [spec, flags]() {
      std::map<std::string, InputSource> inputs;
      if (!flags->dataset.empty()) {
        if (flags->project.empty()) throw UsageError("--dataset needs --project FILE.agglo");
        inputs["table"] = InputSource{"", flags->project, flags->dataset};
      }
      if (!flags->table.empty()) inputs["table"] = InputSource{flags->table, "", ""};
      for (const auto& [role, file] : flags->role_files)
        if (!file.empty()) inputs[role] = InputSource{file, "", ""};
      for (const auto& a : flags->inputs) {
        auto [role, file] = split_assignment(a, "--input");
        inputs[role] = InputSource{file, "", ""};
      }
      nlohmann::json params = nlohmann::json::object();
      if (!flags->params_json.empty()) {
        try {
          params = nlohmann::json::parse(flags->params_json);
        } catch (const std::exception& e) {
          throw UsageError(std::string("--params is not valid JSON: ") + e.what());
        }
      }
      for (const auto& o : spec->options) {
        const std::string& text = flags->option_text[o.name];
        if (!text.empty()) params[o.name] = parse_option(*spec, o, text);
      }
      Invocation inv(*spec, params, flags->read.columns(), inputs, flags->read.settings());
      ProgressBar bar("reading");
      inv.progress = [&bar](uint64_t done, uint64_t total) { bar.update(done, total); };
      const Results results = run_measure(*spec, inv);
      flags->out.emit(results);
      return 0;
    });
  }
}

}  // namespace agglo::cli
