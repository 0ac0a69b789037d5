// The fixture runner behind `agglo verify`: walks folders for case.json files (format in the
// shared fixtures' FORMAT.md), computes each case from its inputs through the registry, and
// only then reads the expected files to compare them with the stated tolerance.
#pragma once

#include <string>
#include <vector>

namespace agglo {

enum class CaseStatus { Passed, Failed, Skipped };

struct CaseOutcome {
  std::string dir;
  std::string family;
  std::string measure;
  CaseStatus status = CaseStatus::Skipped;
  std::string reason;  // why it failed or was skipped
};

struct VerifyReport {
  std::vector<CaseOutcome> cases;
  int passed = 0, failed = 0, skipped = 0;
};

// Runs one case folder.
CaseOutcome run_case(const std::string& dir);
// Runs every case below the roots (sorted by path). `families` empty = all.
VerifyReport verify_cases(const std::vector<std::string>& roots,
                          const std::vector<std::string>& families = {});

}  // namespace agglo
