// The optional sections of `agglo profile` (concentration, specialisation, growth, disparity,
// recommendations, ...). Each section lives in its own file and registers itself here, so a
// family's section is added without touching profile.cpp.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "report/profile.hpp"

namespace agglo::report {

struct ProfileSection {
  std::string name;  // shown in progress messages
  int order = 100;   // sections appear by increasing order
  std::function<void(const ProfileContext&, HtmlReport&)> build;
};

// Sections registered so far, sorted by order.
std::vector<ProfileSection> profile_sections();
void add_profile_section(ProfileSection section);

struct ProfileSectionRegistrar {
  explicit ProfileSectionRegistrar(ProfileSection s) { add_profile_section(std::move(s)); }
};

}  // namespace agglo::report
