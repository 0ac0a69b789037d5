// Guarded arithmetic shared by the shift-share kernels: an undefined ratio is NA, never inf.
#pragma once

#include "core/table.hpp"

// Kept in a family namespace so that other families' helpers of the same name cannot clash.
namespace agglo::shift_share_detail {

// num / den; NA when den is 0 (or either is NA).
inline double ratio(double num, double den) {
  return den == 0 ? NA : num / den;
}

// base * factor, where an empty base stays 0 whatever the factor: nothing is there to grow.
inline double project(double base, double factor) {
  return base == 0 ? 0.0 : base * factor;
}

}  // namespace agglo::shift_share_detail
