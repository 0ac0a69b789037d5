// agglo list | help MEASURE | docs: the catalogue, printed from the registry.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "core/error.hpp"
#include "registry/docs.hpp"
#include "registry/registry.hpp"

namespace agglo::cli {

void add_catalogue_commands(CLI::App& app, Commands& cmds) {
  auto* list = app.add_subcommand("list", "list every measure by family");
  auto family = std::make_shared<std::string>();
  list->add_option("--family", *family, "only this family");
  cmds.on(list, [family]() {
    std::string current;
    for (const MeasureSpec* s : Registry::instance().all()) {
      if (!family->empty() && s->family != *family) continue;
      if (s->family != current) {
        current = s->family;
        std::cout << (current.empty() ? "" : "\n") << current << "\n";
      }
      std::cout << fmt::format("  {:<36} {}\n", kebab_case(s->name), s->summary);
    }
    return 0;
  });

  auto* help = app.add_subcommand(
      "help", "describe one measure: formula, reference, inputs, options, outputs");
  auto name = std::make_shared<std::string>();
  help->add_option("measure", *name, "measure name (snake_case or kebab-case)")->required();
  cmds.on(help, [name]() {
    const MeasureSpec* s = Registry::instance().find(*name);
    if (!s) throw UsageError("unknown measure \"" + *name + "\"; see agglo list");
    std::cout << measure_help(*s);
    return 0;
  });

  auto* docs = app.add_subcommand("docs", "print docs/measures.md, generated from the registry");
  cmds.on(docs, []() {
    std::cout << measures_markdown();
    return 0;
  });
}

}  // namespace agglo::cli
