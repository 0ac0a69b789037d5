#include "families/shift_share/focal_series.hpp"

#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "core/error.hpp"

namespace agglo {

namespace {

Panel::Id region_id(const Panel& panel, const std::string& label, const std::string& role) {
  if (auto id = panel.regions.find(label)) return *id;
  std::string known;
  for (size_t k = 0; k < panel.regions.size() && k < 8; ++k)
    known += (k ? ", " : "") + panel.regions.name(static_cast<Panel::Id>(k));
  if (panel.regions.size() > 8) known += ", ...";
  throw UsageError(fmt::format("the {} \"{}\" is not a value of the region column (regions: {})",
                               role, label, known));
}

}  // namespace

FocalSeries focal_series(const Panel& panel, const std::string& region,
                         const std::optional<std::string>& reference,
                         const std::vector<Panel::Id>& periods) {
  const Panel::Id focal = region_id(panel, region, "region");
  // -1: the reference is the sum of all regions (a plain id, not std::optional: GCC 12 warns
  // falsely about an optional read in the loops below).
  const int64_t ref =
      reference ? static_cast<int64_t>(region_id(panel, *reference, "reference")) : -1;
  std::vector<int64_t> column(panel.periods.size(), -1);
  FocalSeries s;
  for (size_t k = 0; k < periods.size(); ++k) {
    column[periods[k]] = static_cast<int64_t>(k);
    s.periods.push_back(panel.periods.name(periods[k]));
  }
  // Industries in first-seen order among the rows that enter the series.
  std::vector<int64_t> row_of(panel.industries.size(), -1);
  const size_t n = panel.size();
  auto enters = [&](size_t k) {
    return column[panel.period[k]] >= 0 &&
           (panel.region[k] == focal || ref < 0 || panel.region[k] == ref);
  };
  for (size_t k = 0; k < n; ++k) {
    if (!enters(k) || row_of[panel.industry[k]] >= 0) continue;
    row_of[panel.industry[k]] = static_cast<int64_t>(s.industries.size());
    s.industries.push_back(panel.industries.name(panel.industry[k]));
  }
  const auto I = static_cast<Eigen::Index>(s.industries.size());
  const auto P = static_cast<Eigen::Index>(periods.size());
  s.region = Eigen::MatrixXd::Zero(I, P);
  s.reference = Eigen::MatrixXd::Zero(I, P);
  std::vector<int64_t> region_line(static_cast<size_t>(I * P), 0), reference_line(region_line);
  auto place = [&](Eigen::MatrixXd& m, std::vector<int64_t>& lines, size_t k, Eigen::Index i,
                   Eigen::Index t) {
    const size_t cell = static_cast<size_t>(i * P + t);
    if (lines[cell] != 0)
      throw Error(
          SourcePos{panel.source, panel.line[k], 0},
          fmt::format("duplicate row for region \"{}\", industry \"{}\", period \"{}\" "
                      "(first given on line {})",
                      panel.regions.name(panel.region[k]), panel.industries.name(panel.industry[k]),
                      panel.periods.name(panel.period[k]), lines[cell]));
    lines[cell] = panel.line[k] > 0 ? panel.line[k] : -1;
    m(i, t) = panel.value[k];
  };
  for (size_t k = 0; k < n; ++k) {
    if (!enters(k)) continue;
    const Eigen::Index i = row_of[panel.industry[k]], t = column[panel.period[k]];
    if (panel.region[k] == focal) place(s.region, region_line, k, i, t);
    if (ref >= 0 && panel.region[k] == ref) place(s.reference, reference_line, k, i, t);
    if (ref < 0 && !std::isnan(panel.value[k])) s.reference(i, t) += panel.value[k];
  }
  return s;
}

std::vector<Panel::Id> periods_between(const Panel& panel, Panel::Id first, Panel::Id last) {
  std::vector<Panel::Id> out;
  bool inside = false;
  for (Panel::Id p : panel.sorted_periods()) {
    if (p == first) inside = true;
    if (inside) out.push_back(p);
    if (p == last) {
      if (inside && out.size() >= 2) return out;
      break;
    }
  }
  throw UsageError(fmt::format("the final period {} must come after the base period {}",
                               panel.periods.name(last), panel.periods.name(first)));
}

}  // namespace agglo
