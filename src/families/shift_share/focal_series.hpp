// The series a shift-share measure works on: the focal region and the reference economy (a row
// of the region column, or the sum of all regions) over chosen periods, industries x periods.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/panel.hpp"

namespace agglo {

struct FocalSeries {
  std::vector<std::string> industries;  // every industry of the region or the reference
  std::vector<std::string> periods;     // labels of the columns
  Eigen::MatrixXd region;               // industries x periods; absent cells 0, NA cells NaN
  Eigen::MatrixXd reference;
};

// Reads the series of `region` and `reference` (nullopt = the sum of all regions, NA cells
// skipped) for `periods` (panel period ids, in the column order wanted). Throws a positioned
// Error on a duplicate row of the region or the reference, a UsageError when a region is absent.
FocalSeries focal_series(const Panel& panel, const std::string& region,
                         const std::optional<std::string>& reference,
                         const std::vector<Panel::Id>& periods);

// Panel periods from `first` to `last` inclusive, chronological. UsageError unless last > first.
std::vector<Panel::Id> periods_between(const Panel& panel, Panel::Id first, Panel::Id last);

}  // namespace agglo
