// agglo: regional industrial intelligence from the command line.
#include <iostream>

#include "commands.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "agglo: industrial clusters, regional growth, complexity, input-output and trade exposure"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "agglo 0.1.0");
  agglo::cli::Commands cmds;
  agglo::cli::add_catalogue_commands(app, cmds);
  agglo::cli::add_verify_command(app, cmds);
  agglo::cli::add_store_commands(app, cmds);
  agglo::cli::add_profile_command(app, cmds);
  agglo::cli::add_run_command(app, cmds);
  agglo::cli::add_measure_commands(app, cmds);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  for (auto& [sub, action] : cmds.actions) {
    if (!sub->parsed()) continue;
    try {
      return action();
    } catch (const agglo::UsageError& e) {
      std::cerr << "agglo: " << e.what() << "\n";
      return 2;
    } catch (const agglo::Error& e) {
      std::cerr << "agglo: " << e.what() << "\n";
      return 1;
    } catch (const std::exception& e) {
      std::cerr << "agglo: " << e.what() << "\n";
      return 1;
    }
  }
  std::cerr << "agglo: no command given; see agglo --help\n";
  return 2;
}
