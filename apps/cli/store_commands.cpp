// agglo project init | import | datasets: the SQLite project store.
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "core/error.hpp"
#include "io/panel_reader.hpp"
#include "io/store.hpp"
#include "io/writers.hpp"
#include "read_flags.hpp"

namespace agglo::cli {

namespace {

// Checks an imported long table before anything is written: numbers in the value column,
// counts >= 0 (unless allowed), no duplicate region x industry x period.
void validate_panel_table(const TextTable& t, bool allow_negative) {
  PanelColumns cols;  // the mapped columns carry their role names by now
  Panel panel = panel_from_text(t, cols, {.nonnegative = !allow_negative});
  for (Panel::Id p = 0; p < panel.periods.size(); ++p) (void)panel.matrix(p);
}

}  // namespace

void add_store_commands(CLI::App& app, Commands& cmds) {
  auto* project = app.add_subcommand("project", "manage a project store (*.agglo, SQLite)");
  project->require_subcommand(1);
  auto* init = project->add_subcommand("init", "create a new project file");
  auto init_path = std::make_shared<std::string>();
  init->add_option("file", *init_path, "project file to create, e.g. county.agglo")->required();
  cmds.on(init, [init_path]() {
    Store::init(*init_path);
    std::cout << "created project " << *init_path << "\n";
    return 0;
  });

  struct ImportFlags {
    std::string file, name, project, source, unit, classification;
    bool replace = false, allow_negative = false;
    ReadFlags read;
  };
  auto f = std::make_shared<ImportFlags>();
  auto* imp = app.add_subcommand(
      "import", "import a CSV table into a project (one transaction: all or nothing)");
  imp->add_option("file", f->file, "CSV file to import")->required();
  imp->add_option("--as", f->name, "dataset name in the project")->required();
  imp->add_option("--project,-p", f->project, "project file (*.agglo)")->required();
  imp->add_option("--source", f->source, "provenance: who published the data");
  imp->add_option("--unit", f->unit, "unit of the values, e.g. persons");
  imp->add_option("--classification", f->classification,
                  "classification of the codes, e.g. NAICS 2017");
  imp->add_flag("--replace", f->replace, "replace a dataset of the same name");
  imp->add_flag("--allow-negative", f->allow_negative, "values may be negative (not counts)");
  f->read.add_to(imp);
  cmds.on(imp, [f]() {
    Store store(f->project);  // fails before reading when the project is missing or not a project
    const ReadSettings settings = f->read.settings();
    TextTable t = read_text_table(f->file, settings.csv);
    const auto mapping = f->read.columns();
    if (settings.wide != WideLayout::None) {
      const std::string id =
          settings.wide == WideLayout::Industries
              ? (mapping.count("region") ? mapping.at("region") : "region")
              : (mapping.count("industry") ? mapping.at("industry") : "industry");
      const std::string period = mapping.count("period") ? mapping.at("period") : "period";
      t = wide_to_long(t, settings.wide, t.find_column(id) ? id : t.header.front(), period);
    } else {
      // Mapped columns are stored under their role names, so measures find them by default.
      for (const auto& [role, header] : mapping) {
        const size_t k = t.column(header);
        t.header[k] = role;
      }
    }
    const bool is_panel =
        t.find_column("region") && t.find_column("industry") && t.find_column("value");
    if (is_panel) validate_panel_table(t, f->allow_negative);
    DatasetInfo info;
    info.name = f->name;
    info.file = std::filesystem::path(f->file).filename().string();
    info.sha256 = sha256_file(f->file);
    info.columns = mapping;
    info.source = f->source;
    info.unit = f->unit;
    info.classification = f->classification;
    store.import_table(t, info, f->replace);
    std::cout << fmt::format("imported {} rows as \"{}\" into {}\n", t.rows(), f->name, f->project);
    return 0;
  });

  auto* ds = app.add_subcommand("datasets", "list the datasets of a project with their provenance");
  auto ds_project = std::make_shared<std::string>();
  auto ds_format = std::make_shared<std::string>("table");
  ds->add_option("--project,-p", *ds_project, "project file (*.agglo)")->required();
  ds->add_option("--format", *ds_format, "table or csv")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmds.on(ds, [ds_project, ds_format]() {
    Store store(*ds_project);
    Table t;
    std::vector<std::string> name, file, sha, when, source, unit, cls, cols;
    std::vector<double> rows;
    for (const auto& d : store.datasets()) {
      name.push_back(d.name);
      file.push_back(d.file);
      sha.push_back(d.sha256.substr(0, 12));
      when.push_back(d.imported_at);
      rows.push_back(static_cast<double>(d.rows));
      source.push_back(d.source);
      unit.push_back(d.unit);
      cls.push_back(d.classification);
      cols.push_back(d.columns.dump());
    }
    t.add_text("name", name)
        .add_number("rows", rows)
        .add_text("file", file)
        .add_text("sha256", sha);
    t.add_text("imported_at", when).add_text("source", source).add_text("unit", unit);
    t.add_text("classification", cls).add_text("columns", cols);
    if (*ds_format == "csv")
      write_csv(t, std::cout);
    else if (*ds_format == "json")
      write_json_table(t, std::cout);
    else
      write_aligned(t, std::cout);
    return 0;
  });
}

}  // namespace agglo::cli
