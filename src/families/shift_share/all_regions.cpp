#include "families/shift_share/all_regions.hpp"

#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/shift_share/ratios.hpp"

namespace agglo {

namespace {

using shift_share_detail::project;
using shift_share_detail::ratio;

// One decomposition from the totals of a region and the reference and the region's expected
// value sum_i e_i1 G_i; identical to shift_share_dunn/gerfin with ZeroBase::Absolute.
ShiftShareComponents from_totals(ShiftShareMethod method, double e1, double e2, double E1,
                                 double E2, double expected) {
  ShiftShareComponents c;
  const double national_factor = ratio(E2, E1);
  if (method == ShiftShareMethod::Gerfin) {
    const double mix = ratio(expected, e1), regional_factor = ratio(e2, e1);
    c.industrial_mix = ratio(mix, national_factor);
    c.regional_share = ratio(regional_factor, mix);
    c.net_total_shift = ratio(regional_factor, national_factor);
    return c;
  }
  const double national_expected = project(e1, national_factor);
  c.growth = e2 - e1;
  c.national_share = national_expected - e1;
  c.industrial_mix = expected - national_expected;
  c.regional_share = e2 - expected;
  c.net_total_shift = e2 - national_expected;
  return c;
}

void put_row(Eigen::MatrixXd& m, Eigen::Index row, ShiftShareMethod method,
             const ShiftShareComponents& c) {
  const ComponentList list = component_list(method, c);
  for (size_t k = 0; k < list.size(); ++k) m(row, static_cast<Eigen::Index>(k)) = list[k].second;
}

size_t period_position(const Panel& panel, const std::vector<Panel::Id>& sorted,
                       const std::string& label, size_t fallback) {
  if (label.empty()) return fallback;
  auto id = panel.find_period(label);
  if (!id) throw Error(SourcePos{panel.source, 0, 0}, "period " + label + " is not in the data");
  for (size_t k = 0; k < sorted.size(); ++k)
    if (sorted[k] == *id) return k;
  return fallback;
}

// What a region's decompositions need: its totals per period, the reference totals and its
// expected values sum_i e_i,t G_i,t per step and first -> last (flattened region-major).
struct Accumulated {
  const std::vector<double>& region_total;      // R x T
  const std::vector<uint8_t>& region_na;        // R x T: the region has an NA cell in that period
  const std::vector<double>& national_total;    // T
  const std::vector<double>& expected_step;     // R x S
  const std::vector<double>& expected_classic;  // R
  size_t T;
};

void assemble(ShiftShareMethod method, GerfinAggregation gerfin, const Accumulated& a,
              RegionalShiftShare& out) {
  const size_t T = a.T, S = T - 1, R = a.expected_classic.size();
  const std::string base = out.periods.empty() ? "the base period" : out.periods[0];
  const ComponentList names = component_list(method, ShiftShareComponents{});
  for (const auto& [name, value] : names) out.components.push_back(name);
  const auto C = static_cast<Eigen::Index>(names.size());
  out.classic = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(R), C, NA);
  out.dynamic = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(R), C, NA);
  size_t with_na = 0, without_base = 0;
  std::vector<ShiftShareComponents> steps(S);
  for (size_t r = 0; r < R; ++r) {
    const double* e = &a.region_total[r * T];
    const uint8_t* na = &a.region_na[r * T];
    bool any_na = false;
    for (size_t s = 0; s < S; ++s) {
      steps[s] = ShiftShareComponents{};
      if (na[s] || na[s + 1]) {
        any_na = true;
        continue;
      }
      steps[s] = from_totals(method, e[s], e[s + 1], a.national_total[s], a.national_total[s + 1],
                             a.expected_step[r * S + s]);
    }
    const auto row = static_cast<Eigen::Index>(r);
    put_row(out.dynamic, row, method, aggregate_steps(method, steps, gerfin));
    if (!na[0] && !na[T - 1])
      put_row(out.classic, row, method,
              from_totals(method, e[0], e[T - 1], a.national_total[0], a.national_total[T - 1],
                          a.expected_classic[r]));
    with_na += any_na || na[0] || na[T - 1];
    without_base += e[0] == 0;
  }
  if (with_na)
    out.warnings.push_back(fmt::format(
        "{} region(s) have NA cells: their components are NA for the steps touching those periods",
        with_na));
  if (method == ShiftShareMethod::Gerfin && without_base)
    out.warnings.push_back(fmt::format(
        "{} region(s) have no value in {}: their Gerfin factors are NA", without_base, base));
  if (a.national_total[0] == 0)
    out.warnings.push_back("the regions have no value in " + base + ": the national share is NA");
}

// Growth factor of the reference; an industry the reference lacks at t has no regional value
// either (values are counts), so its factor is 0 rather than NA to keep 0 * NA out of the sums.
double reference_factor(double to, double from) {
  return from == 0 ? 0.0 : to / from;
}

}  // namespace

RegionalShiftShare shift_share_all_regions(const std::vector<Eigen::MatrixXd>& by_period,
                                           ShiftShareMethod method, GerfinAggregation gerfin) {
  if (method == ShiftShareMethod::EstebanMarquillas)
    throw UsageError("shift-share of all regions supports the methods dunn and gerfin");
  if (by_period.size() < 2) throw UsageError("shift-share needs at least two periods");
  const size_t T = by_period.size(), S = T - 1;
  const Eigen::Index R = by_period[0].rows(), I = by_period[0].cols();
  for (const auto& m : by_period)
    if (m.rows() != R || m.cols() != I)
      throw UsageError(
          "shift-share of all regions: every period needs the same regions x industries");
  const auto Ru = static_cast<size_t>(R);
  std::vector<double> region_total(Ru * T), national_total(T), expected_step(Ru * S, 0.0),
      expected_classic(Ru);
  std::vector<uint8_t> region_na(Ru * T, 0);
  // Reference series: column sums (NA cells left out).
  std::vector<Eigen::VectorXd> national(T);
  for (size_t t = 0; t < T; ++t) {
    national[t] = by_period[t].colwise().sum().transpose();
    if (national[t].hasNaN())
      national[t] = by_period[t]
                        .unaryExpr([](double v) { return std::isnan(v) ? 0.0 : v; })
                        .colwise()
                        .sum()
                        .transpose();
    national_total[t] = national[t].sum();
  }
  // One pass over each period's cells: X_t [G_t, G_first->last, 1] gives the expected values and
  // the region totals together (an NA cell makes the region's row NaN, which flags it).
  Eigen::MatrixXd weights(I, 3);
  for (size_t t = 0; t < T; ++t) {
    for (Eigen::Index i = 0; i < I; ++i) {
      weights(i, 0) = t < S ? reference_factor(national[t + 1](i), national[t](i)) : 0.0;
      weights(i, 1) = t == 0 ? reference_factor(national[T - 1](i), national[0](i)) : 0.0;
      weights(i, 2) = 1.0;
    }
    const Eigen::MatrixXd products = by_period[t] * weights;
    for (size_t r = 0; r < Ru; ++r) {
      const auto row = static_cast<Eigen::Index>(r);
      region_total[r * T + t] = products(row, 2);
      region_na[r * T + t] = std::isnan(products(row, 2));
      if (t < S) expected_step[r * S + t] = products(row, 0);
      if (t == 0) expected_classic[r] = products(row, 1);
    }
  }
  RegionalShiftShare out;
  assemble(method, gerfin,
           {region_total, region_na, national_total, expected_step, expected_classic, T}, out);
  return out;
}

RegionalShiftShare shift_share_all_regions(const Panel& panel, ShiftShareMethod method,
                                           GerfinAggregation gerfin, const std::string& first,
                                           const std::string& last) {
  if (method == ShiftShareMethod::EstebanMarquillas)
    throw UsageError("shift-share of all regions supports the methods dunn and gerfin");
  const std::vector<Panel::Id> sorted = panel.sorted_periods();
  if (sorted.empty()) throw Error(SourcePos{panel.source, 0, 0}, "the panel is empty");
  const size_t p0 = period_position(panel, sorted, first, 0);
  const size_t p1 = period_position(panel, sorted, last, sorted.size() - 1);
  if (p1 <= p0)
    throw UsageError("shift-share needs a final period after the base period (periods " +
                     panel.periods.name(sorted[p0]) + " to " + panel.periods.name(sorted[p1]) +
                     ")");
  const size_t T = p1 - p0 + 1, S = T - 1;
  const size_t R = panel.regions.size(), I = panel.industries.size();
  std::vector<int64_t> pos(panel.periods.size(), -1);
  RegionalShiftShare out;
  for (size_t t = 0; t < T; ++t) {
    pos[sorted[p0 + t]] = static_cast<int64_t>(t);
    out.periods.push_back(panel.periods.name(sorted[p0 + t]));
  }
  out.regions = panel.regions.names();

  // Pass 1: reference (national) series per industry and region totals; NA cells flagged.
  std::vector<double> national(I * T, 0.0), region_total(R * T, 0.0);
  std::vector<uint8_t> region_na(R * T, 0);
  std::vector<bool> seen(R * I * T, false);
  const size_t n = panel.size();
  for (size_t k = 0; k < n; ++k) {
    const int64_t t = pos[panel.period[k]];
    if (t < 0) continue;
    const size_t r = panel.region[k], i = panel.industry[k];
    const size_t cell = (r * I + i) * T + static_cast<size_t>(t);
    if (seen[cell])
      throw Error(SourcePos{panel.source, panel.source_line(k), 0},
                  fmt::format("duplicate row for region \"{}\", industry \"{}\", period \"{}\"",
                              panel.regions.name(panel.region[k]),
                              panel.industries.name(panel.industry[k]), out.periods[t]));
    seen[cell] = true;
    const double v = panel.value[k];
    if (std::isnan(v)) {
      region_na[r * T + t] = 1;
      continue;
    }
    national[i * T + t] += v;
    region_total[r * T + t] += v;
  }
  seen = {};

  // National growth factors of every industry: per step and first -> last.
  std::vector<double> step_factor(I * S), classic_factor(I);
  std::vector<double> national_total(T, 0.0);
  for (size_t i = 0; i < I; ++i) {
    for (size_t s = 0; s < S; ++s)
      step_factor[i * S + s] = ratio(national[i * T + s + 1], national[i * T + s]);
    classic_factor[i] = ratio(national[i * T + T - 1], national[i * T]);
    for (size_t t = 0; t < T; ++t) national_total[t] += national[i * T + t];
  }

  // Pass 2: each region's expected value sum_i e_i,t G_i,t for every step and first -> last.
  std::vector<double> expected_step(R * S, 0.0), expected_classic(R, 0.0);
  for (size_t k = 0; k < n; ++k) {
    const int64_t tt = pos[panel.period[k]];
    const double v = panel.value[k];
    if (tt < 0 || std::isnan(v) || v == 0) continue;
    const size_t t = static_cast<size_t>(tt), r = panel.region[k], i = panel.industry[k];
    if (t < S) expected_step[r * S + t] += v * step_factor[i * S + t];
    if (t == 0) expected_classic[r] += v * classic_factor[i];
  }

  assemble(method, gerfin,
           {region_total, region_na, national_total, expected_step, expected_classic, T}, out);
  return out;
}

}  // namespace agglo
