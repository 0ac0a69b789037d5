// A scalar index value, or NA together with the reason it is undefined (so that the registration
// can report it in Results::warnings instead of a silent NaN).
#pragma once

#include <string>
#include <utility>

#include "core/table.hpp"

namespace agglo::inequality {

struct Scalar {
  double value = NA;
  std::string why_na;  // empty when the value is defined

  static Scalar of(double v) { return {v, {}}; }
  static Scalar na(std::string why) { return {NA, std::move(why)}; }
  bool defined() const { return why_na.empty(); }
};

}  // namespace agglo::inequality
