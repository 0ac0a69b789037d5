// The `agglo` command line: each file adds one group of subcommands to the app.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace agglo::cli {

// A subcommand's action; returns the process exit code (0 ok, 1 data error, 2 usage).
using Action = std::function<int()>;

struct Commands {
  std::vector<std::pair<CLI::App*, Action>> actions;
  void on(CLI::App* sub, Action a) { actions.emplace_back(sub, std::move(a)); }
};

void add_measure_commands(CLI::App& app, Commands& cmds);    // one per registered measure
void add_catalogue_commands(CLI::App& app, Commands& cmds);  // list, help, docs
void add_verify_command(CLI::App& app, Commands& cmds);
void add_store_commands(CLI::App& app, Commands& cmds);  // project init, import, datasets
void add_profile_command(CLI::App& app, Commands& cmds);
void add_run_command(CLI::App& app, Commands& cmds);  // several measures from a plan

}  // namespace agglo::cli
