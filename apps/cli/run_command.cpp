// agglo run PLAN.json: several measures in one process. Steps that read the same table with the
// same column mapping share one read of it (a 260 MB panel is parsed once, not once a measure).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "core/error.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "read_flags.hpp"
#include "registry/registry.hpp"

namespace agglo::cli {

namespace fs = std::filesystem;

namespace {

// The plan as JSON; a syntax error is reported at its line and column.
nlohmann::json read_plan(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw Error(SourcePos{path, 0, 0}, "cannot open the plan");
  std::stringstream text;
  text << f.rdbuf();
  const std::string s = text.str();
  try {
    return nlohmann::json::parse(s);
  } catch (const nlohmann::json::parse_error& e) {
    const size_t at = std::min(s.size(), e.byte > 0 ? e.byte - 1 : 0);
    const auto line = 1 + std::count(s.begin(), s.begin() + static_cast<long>(at), '\n');
    const size_t line_start = s.rfind('\n', at == 0 ? 0 : at - 1);
    const size_t col = at - (line_start == std::string::npos ? 0 : line_start + 1) + 1;
    // The parser's own words follow its position prefix ("... column N: what").
    const std::string what = e.what();
    const size_t words = what.find(": ", what.find("column"));
    throw Error(SourcePos{path, static_cast<int64_t>(line), static_cast<int64_t>(col)},
                "the plan is not valid JSON" +
                    (words == std::string::npos ? "" : " (" + what.substr(words + 2) + ")"));
  }
}

// Keys of `j` must be among `allowed`; `where` names the object in the message.
void check_keys(const nlohmann::json& j, std::initializer_list<const char*> allowed,
                const std::string& plan, const std::string& where) {
  if (!j.is_object()) throw Error(SourcePos{plan, 0, 0}, where + " must be a JSON object");
  for (auto it = j.begin(); it != j.end(); ++it)
    if (std::none_of(allowed.begin(), allowed.end(),
                     [&](const char* a) { return it.key() == a; })) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw Error(SourcePos{plan, 0, 0},
                  where + " has the unknown key \"" + it.key() + "\" (known: " + list + ")");
    }
}

std::map<std::string, std::string> text_map(const nlohmann::json& j, const std::string& plan,
                                            const std::string& where) {
  std::map<std::string, std::string> m;
  if (j.is_null()) return m;
  if (!j.is_object()) throw Error(SourcePos{plan, 0, 0}, where + " must be a JSON object");
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!it.value().is_string())
      throw Error(SourcePos{plan, 0, 0}, where + "." + it.key() + " must be a string");
    m[it.key()] = it.value().get<std::string>();
  }
  return m;
}

// A text entry of a plan object, or `fallback` when absent.
std::string text_entry(const nlohmann::json& j, const char* key, const std::string& fallback,
                       const std::string& plan, const std::string& where) {
  if (!j.contains(key)) return fallback;
  if (!j[key].is_string())
    throw Error(SourcePos{plan, 0, 0}, where + ": \"" + key + "\" must be a text");
  return j[key].get<std::string>();
}

}  // namespace

void add_run_command(CLI::App& app, Commands& cmds) {
  struct Flags {
    std::string plan, output_dir = ".", format = "csv";
    ReadFlags read;
  };
  auto f = std::make_shared<Flags>();
  auto* sub = app.add_subcommand(
      "run",
      "run the measures of a plan (JSON) in one process; steps on the same table share one read");
  sub->add_option("plan", f->plan, "plan file (JSON): table, columns, steps")->required();
  sub->add_option("--output-dir,-o", f->output_dir,
                  "folder under which each step writes its own folder (default .)");
  sub->add_option("--format", f->format, "csv (default), json, xlsx or table")
      ->check(CLI::IsMember(kOutputFormats));
  f->read.add_to(sub);
  sub->footer(R"(
Plan (paths relative to the plan's folder; a step's own table and columns win):
  {"table": "data.csv", "columns": {"period": "year"},
   "steps": [{"measure": "shift-share-dynamic", "params": {"region": "10001"}},
             {"measure": "theil-decomposition", "inputs": {"hierarchy": "groups.csv"},
              "columns": {"industry": "industry"}, "output_dir": "theil"}]}
A stored dataset replaces "table": "project": "FILE.agglo", "dataset": "NAME".
Each step writes <output-dir>/<step output_dir, default the measure>/<output>.<format>.)");
  cmds.on(sub, [f]() {
    const std::string& plan_path = f->plan;
    const nlohmann::json plan = read_plan(plan_path);
    check_keys(plan, {"table", "project", "dataset", "columns", "steps"}, plan_path, "the plan");
    const std::string table = text_entry(plan, "table", "", plan_path, "the plan");
    const std::string project = text_entry(plan, "project", "", plan_path, "the plan");
    const std::string dataset = text_entry(plan, "dataset", "", plan_path, "the plan");
    if (project.empty() != dataset.empty() || (!project.empty() && !table.empty()))
      throw Error(SourcePos{plan_path, 0, 0},
                  "the plan names its table either as \"table\" (a file) or as \"project\" and "
                  "\"dataset\" (a stored dataset)");
    const fs::path base = fs::path(plan_path).parent_path();
    const auto resolve = [&](const std::string& p) {
      return fs::path(p).is_absolute() ? p : (base / p).lexically_normal().string();
    };
    std::map<std::string, std::string> columns = f->read.columns();
    for (const auto& [role, header] :
         text_map(plan.value("columns", nlohmann::json()), plan_path, "the plan's columns"))
      columns[role] = header;
    const auto steps = plan.value("steps", nlohmann::json::array());
    if (!steps.is_array() || steps.empty())
      throw Error(SourcePos{plan_path, 0, 0}, "the plan needs a non-empty list \"steps\"");

    // Every step is checked (keys, measure, inputs, options, format) before the first one runs,
    // so that a typo in the last step does not surface after minutes of work.
    struct Step {
      const MeasureSpec* spec;
      Invocation inv;
      OutputFlags out;
    };
    std::vector<Step> prepared;
    auto cache = std::make_shared<PanelCache>();
    for (size_t k = 0; k < steps.size(); ++k) {
      const nlohmann::json& step = steps[k];
      const std::string where = "step " + std::to_string(k + 1);
      check_keys(step, {"measure", "params", "inputs", "columns", "output_dir", "format"},
                 plan_path, where);
      if (!step.contains("measure"))
        throw Error(SourcePos{plan_path, 0, 0}, where + " needs \"measure\" (a name)");
      const std::string measure = text_entry(step, "measure", "", plan_path, where);
      std::string name = measure;
      std::replace(name.begin(), name.end(), '-', '_');
      const MeasureSpec* spec = Registry::instance().find(name);
      if (!spec)
        throw Error(SourcePos{plan_path, 0, 0},
                    where + ": no measure \"" + measure + "\" (agglo list shows them)");
      std::map<std::string, InputSource> inputs;
      if (spec->input("table") && !table.empty())
        inputs["table"] = InputSource{resolve(table), "", ""};
      if (spec->input("table") && !project.empty())
        inputs["table"] = InputSource{"", resolve(project), dataset};
      for (const auto& [role, file] :
           text_map(step.value("inputs", nlohmann::json()), plan_path, where + " inputs"))
        inputs[role] = InputSource{resolve(file), "", ""};
      std::map<std::string, std::string> step_columns = columns;
      for (const auto& [role, header] :
           text_map(step.value("columns", nlohmann::json()), plan_path, where + " columns"))
        step_columns[role] = header;
      OutputFlags out;
      out.format = text_entry(step, "format", f->format, plan_path, where);
      if (!is_output_format(out.format))
        throw Error(
            SourcePos{plan_path, 0, 0},
            where + ": format must be csv, json, xlsx or table, got \"" + out.format + "\"");
      out.output_dir = (fs::path(f->output_dir) /
                        text_entry(step, "output_dir", kebab_case(spec->name), plan_path, where))
                           .string();
      try {
        Invocation inv(*spec, step.value("params", nlohmann::json::object()), step_columns, inputs,
                       f->read.settings());
        inv.panel_cache = cache;
        prepared.push_back(Step{spec, std::move(inv), std::move(out)});
      } catch (const UsageError& e) {
        throw UsageError(where + " (" + kebab_case(spec->name) + "): " + e.what());
      }
    }
    for (size_t k = 0; k < prepared.size(); ++k) {
      Step& step = prepared[k];
      std::cerr << "step " << k + 1 << ": " << kebab_case(step.spec->name) << "\n";
      ProgressBar bar("reading");
      step.inv.progress = [&bar](uint64_t done, uint64_t total) { bar.update(done, total); };
      const Results results = run_measure(*step.spec, step.inv);
      step.out.emit(results);
    }
    return 0;
  });
}

}  // namespace agglo::cli
