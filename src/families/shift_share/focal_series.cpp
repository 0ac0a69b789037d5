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

// The duplicate error of a focal or reference cell given twice (cold path).
[[noreturn]] void duplicate_row(const Panel& panel, size_t k, int64_t first_line) {
  throw Error(
      SourcePos{panel.source, panel.source_line(k), 0},
      fmt::format("duplicate row for region \"{}\", industry \"{}\", period \"{}\" "
                  "(first given on line {})",
                  panel.regions.name(panel.region[k]), panel.industries.name(panel.industry[k]),
                  panel.periods.name(panel.period[k]), first_line));
}

}  // namespace

// One pass over the panel's rows (plus a short one that stops once every industry is seen): the
// focal rows are placed, and with no reference region every other row is added to the national
// column sums. No region x industry matrix is built.
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
  const size_t n = panel.size();
  const Panel::Id* row_period = panel.period.data();
  const Panel::Id* row_region = panel.region.data();
  const Panel::Id* row_industry = panel.industry.data();
  const double* row_value = panel.value.data();
  auto enters = [&](size_t k) {
    return column[row_period[k]] >= 0 &&
           (row_region[k] == focal || ref < 0 || row_region[k] == ref);
  };
  // Industries in first-seen order among the rows that enter the series (the scan stops once
  // every industry of the panel has been met).
  std::vector<int64_t> row_of(panel.industries.size(), -1);
  for (size_t k = 0; k < n && s.industries.size() < panel.industries.size(); ++k) {
    if (!enters(k) || row_of[row_industry[k]] >= 0) continue;
    row_of[row_industry[k]] = static_cast<int64_t>(s.industries.size());
    s.industries.push_back(panel.industries.name(row_industry[k]));
  }
  const auto I = static_cast<Eigen::Index>(s.industries.size());
  const auto P = static_cast<Eigen::Index>(periods.size());
  s.region = Eigen::MatrixXd::Zero(I, P);
  s.reference = Eigen::MatrixXd::Zero(I, P);
  // Cell of (industry i, column t) in the column-major matrices: first[period] + row_of[industry].
  std::vector<int64_t> first(panel.periods.size(), -1);
  for (size_t p = 0; p < first.size(); ++p)
    if (column[p] >= 0) first[p] = column[p] * I;
  std::vector<int64_t> region_line(static_cast<size_t>(I * P), 0), reference_line(region_line);
  double* focal_cells = s.region.data();
  double* reference_cells = s.reference.data();
  auto place = [&](double* cells, std::vector<int64_t>& lines, size_t k, int64_t cell) {
    int64_t& seen = lines[static_cast<size_t>(cell)];
    if (seen != 0) duplicate_row(panel, k, seen);
    seen = panel.source_line(k) > 0 ? panel.source_line(k) : -1;
    cells[cell] = row_value[k];
  };
  if (ref < 0) {
    // The common case (reference = all regions): a tight pass over four columns.
    for (size_t k = 0; k < n; ++k) {
      const int64_t base = first[row_period[k]];
      if (base < 0) continue;
      const int64_t cell = base + row_of[row_industry[k]];
      const double v = row_value[k];
      if (row_region[k] == focal) [[unlikely]]
        place(focal_cells, region_line, k, cell);
      if (!std::isnan(v)) reference_cells[cell] += v;
    }
    return s;
  }
  for (size_t k = 0; k < n; ++k) {
    const int64_t base = first[row_period[k]];
    if (base < 0) continue;
    const Panel::Id r = row_region[k];
    if (r != focal && r != ref) continue;
    const int64_t cell = base + row_of[row_industry[k]];
    if (r == focal) place(focal_cells, region_line, k, cell);
    if (r == ref) place(reference_cells, reference_line, k, cell);
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
