#include "report/profile_sections.hpp"

#include <algorithm>

namespace agglo::report {

static std::vector<ProfileSection>& sections() {
  static std::vector<ProfileSection> all;
  return all;
}

void add_profile_section(ProfileSection section) {
  sections().push_back(std::move(section));
}

std::vector<ProfileSection> profile_sections() {
  auto out = sections();
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.order < b.order; });
  return out;
}

}  // namespace agglo::report
