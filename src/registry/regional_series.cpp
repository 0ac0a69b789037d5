#include "registry/regional_series.hpp"

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table.hpp"

namespace agglo {

namespace {

std::optional<double> numeric_label(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return v;
}

std::string list_periods(const RegionalSeries& s) {
  std::string out;
  for (const auto& p : s.periods) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

Eigen::Index RegionalSeries::period_index(const std::string& label) const {
  const auto want = numeric_label(label);
  for (size_t p = 0; p < periods.size(); ++p) {
    if (periods[p] == label) return static_cast<Eigen::Index>(p);
    const auto have = numeric_label(periods[p]);
    if (want && have && *want == *have) return static_cast<Eigen::Index>(p);
  }
  return -1;
}

// One pass over the panel's rows into a regions x periods array of sums (no per-period matrix).
RegionalSeries regional_totals(const Panel& panel) {
  RegionalSeries s;
  s.source = panel.source;
  s.regions = panel.regions.names();
  const auto order = panel.sorted_periods();
  const auto nr = static_cast<Eigen::Index>(s.regions.size());
  // Cell of (region r, period p) in the column-major regions x periods arrays: first[p] + r.
  std::vector<Eigen::Index> first(panel.periods.size());
  for (size_t k = 0; k < order.size(); ++k) {
    s.periods.push_back(panel.has_period_column ? panel.periods.name(order[k]) : std::string());
    first[order[k]] = static_cast<Eigen::Index>(k) * nr;
  }
  const auto np = static_cast<Eigen::Index>(s.periods.size());
  s.value = Eigen::MatrixXd::Zero(nr, np);
  std::vector<unsigned char> has_row(static_cast<size_t>(nr * np), 0);
  double* sum = s.value.data();
  const Panel::Id* row_region = panel.region.data();
  const Panel::Id* row_period = panel.period.data();
  const double* row_value = panel.value.data();
  // Rows of one region and period usually follow each other (a region's industries): their sum
  // runs in a register and is stored once per run, which keeps the order of the additions (the
  // same bits as adding row by row into the array) without a store-to-load chain per row.
  const size_t n = panel.size();
  size_t k = 0;
  while (k < n) {
    const Eigen::Index cell = first[row_period[k]] + row_region[k];
    has_row[static_cast<size_t>(cell)] = 1;
    double run = sum[cell] + row_value[k];  // NaN propagates: an NA cell leaves the total NA
    for (++k; k < n && first[row_period[k]] + row_region[k] == cell; ++k) run += row_value[k];
    sum[cell] = run;
  }
  for (size_t cell = 0; cell < has_row.size(); ++cell)
    if (!has_row[cell]) sum[cell] = NA;
  return s;
}

RegionalSeries read_regional_series(const Invocation& inv, const std::string& role,
                                    bool with_weight) {
  if (!with_weight && inv.column_given("industry")) return regional_totals(*inv.shared_panel(role));
  const TextTable& t = inv.table(role);
  const size_t rc = t.column(inv.column("region"));
  const size_t vc = t.column(inv.column("value"));
  const std::string period_name = inv.column("period");
  const std::optional<size_t> pc = inv.column_given("period")
                                       ? std::optional<size_t>(t.column(period_name))
                                       : t.find_column(period_name);
  constexpr size_t kNoColumn = static_cast<size_t>(-1);
  const size_t wc = with_weight ? t.column(inv.column("weight")) : kNoColumn;

  RegionalSeries s;
  s.source = t.source;
  std::unordered_map<std::string, size_t> region_index, period_index;
  std::vector<size_t> row_region(t.rows()), row_period(t.rows());
  for (size_t r = 0; r < t.rows(); ++r) {
    const std::string& region = t.text(r, rc);
    if (region.empty()) throw Error(t.pos(r, rc), "expected a region code, got an empty cell");
    auto [it, added] = region_index.emplace(region, s.regions.size());
    if (added) s.regions.push_back(region);
    row_region[r] = it->second;
    const std::string period = pc ? t.text(r, *pc) : std::string();
    auto [pt, padded] = period_index.emplace(period, s.periods.size());
    if (padded) s.periods.push_back(period);
    row_period[r] = pt->second;
  }
  // Chronological order of the periods: numeric when every label is a number.
  std::vector<size_t> order(s.periods.size());
  std::iota(order.begin(), order.end(), 0);
  const bool numeric = std::all_of(s.periods.begin(), s.periods.end(), [](const std::string& p) {
    return numeric_label(p).has_value();
  });
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return numeric ? *numeric_label(s.periods[a]) < *numeric_label(s.periods[b])
                   : s.periods[a] < s.periods[b];
  });
  std::vector<size_t> rank(order.size());
  std::vector<std::string> sorted(order.size());
  for (size_t k = 0; k < order.size(); ++k) {
    rank[order[k]] = k;
    sorted[k] = s.periods[order[k]];
  }
  s.periods = std::move(sorted);

  const auto nr = static_cast<Eigen::Index>(s.regions.size());
  const auto np = static_cast<Eigen::Index>(s.periods.size());
  s.value = Eigen::MatrixXd::Constant(nr, np, NA);
  if (with_weight) s.weight = Eigen::MatrixXd::Constant(nr, np, NA);
  std::vector<int64_t> seen_line(static_cast<size_t>(nr * np), 0);
  for (size_t r = 0; r < t.rows(); ++r) {
    const auto i = static_cast<Eigen::Index>(row_region[r]);
    const auto p = static_cast<Eigen::Index>(rank[row_period[r]]);
    int64_t& seen = seen_line[static_cast<size_t>(p * nr + i)];
    if (seen != 0)
      throw Error(t.pos(r, rc),
                  pc ? fmt::format("region {} appears twice in period {} (first on line {})",
                                   s.regions[row_region[r]], s.periods[p], seen)
                     : fmt::format("region {} appears twice (first on line {}); without a period "
                                   "column \"{}\" every region must appear once",
                                   s.regions[row_region[r]], seen, period_name));
    seen = t.lines[r];
    s.value(i, p) = t.number(r, vc);
    if (with_weight) s.weight(i, p) = t.number(r, wc);
  }
  return s;
}

std::vector<Eigen::Index> selected_periods(const Invocation& inv, const RegionalSeries& s,
                                           const std::string& option) {
  if (inv.has(option)) {
    const Eigen::Index p = s.period_index(inv.text(option));
    if (p < 0)
      throw Error(SourcePos{s.source, 0, 0},
                  fmt::format("period {} is not in the data (periods: {})", inv.text(option),
                              list_periods(s)));
    return {p};
  }
  std::vector<Eigen::Index> all(s.periods.size());
  std::iota(all.begin(), all.end(), Eigen::Index{0});
  return all;
}

Eigen::Index period_column(const Invocation& inv, const RegionalSeries& s,
                           const std::string& option) {
  const std::string label = format_number(inv.number(option));
  const Eigen::Index p = s.period_index(label);
  if (p < 0)
    throw Error(SourcePos{s.source, 0, 0},
                fmt::format("{} = {} is not a period of the data (periods: {})", option, label,
                            list_periods(s)));
  return p;
}

std::vector<std::string> region_attribute(const Invocation& inv, const RegionalSeries& s,
                                          const std::string& column_role, const std::string& role) {
  const TextTable& t = inv.table(role);
  const size_t rc = t.column(inv.column("region"));
  const size_t ac = t.column(inv.column(column_role));
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < s.regions.size(); ++i) index.emplace(s.regions[i], i);
  std::vector<std::string> out(s.regions.size());
  std::vector<bool> set(s.regions.size(), false);
  for (size_t r = 0; r < t.rows(); ++r) {
    const auto it = index.find(t.text(r, rc));
    if (it == index.end()) continue;
    const std::string value = t.is_na(r, ac) ? std::string() : t.text(r, ac);
    if (!set[it->second]) {
      out[it->second] = value;
      set[it->second] = true;
    } else if (out[it->second] != value) {
      throw Error(t.pos(r, ac), fmt::format("region {} has the {} \"{}\" here but \"{}\" above",
                                            it->first, column_role, value, out[it->second]));
    }
  }
  return out;
}

}  // namespace agglo
