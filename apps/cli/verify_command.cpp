// agglo verify DIR...: run reference fixture cases through the registry and compare.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "registry/verify.hpp"

namespace agglo::cli {

void add_verify_command(CLI::App& app, Commands& cmds) {
  struct Flags {
    std::vector<std::string> dirs, families;
    bool list_skipped = false, verbose = false;
  };
  auto f = std::make_shared<Flags>();
  auto* sub = app.add_subcommand(
      "verify", "run fixture cases (case.json folders) and compare with the expected files");
  sub->add_option("dirs", f->dirs, "folders to search for case.json")->required();
  sub->add_option("--family", f->families, "only cases of this family (repeatable)");
  sub->add_flag("--list-skipped", f->list_skipped,
                "list the cases whose measure is not implemented");
  sub->add_flag("--verbose,-v", f->verbose, "print every case, not only failures");
  cmds.on(sub, [f]() {
    const VerifyReport report = verify_cases(f->dirs, f->families);
    for (const auto& c : report.cases) {
      if (c.status == CaseStatus::Failed)
        std::cout << "FAIL " << c.dir << ": " << c.reason << "\n";
      else if (c.status == CaseStatus::Skipped && f->list_skipped)
        std::cout << "SKIP " << c.dir << ": " << c.reason << "\n";
      else if (c.status == CaseStatus::Passed && f->verbose)
        std::cout << "ok   " << c.dir << "\n";
    }
    std::cout << report.passed << " passed, " << report.failed << " failed, " << report.skipped
              << " skipped\n";
    return report.failed == 0 ? 0 : 1;
  });
}

}  // namespace agglo::cli
