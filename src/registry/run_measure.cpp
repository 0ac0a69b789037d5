// Running a measure for the faces: once, or once per period of the table.
#include <algorithm>
#include <exception>

#include <fmt/format.h>

#include "core/error.hpp"
#include "registry/registry.hpp"

namespace agglo {

namespace {

// The rows of every period, in input order: rows[offset[id] .. offset[id + 1]) are those of
// period id (one counting-sort pass instead of a pass over the table per period).
struct PeriodRows {
  std::vector<size_t> offset, rows;
};

PeriodRows rows_by_period(const Panel& all) {
  PeriodRows g;
  g.offset.assign(all.periods.size() + 1, 0);
  for (const Panel::Id p : all.period) ++g.offset[p + 1];
  for (size_t id = 0; id < all.periods.size(); ++id) g.offset[id + 1] += g.offset[id];
  std::vector<size_t> next(g.offset.begin(), g.offset.end() - 1);
  g.rows.resize(all.size());
  for (size_t k = 0; k < all.size(); ++k) g.rows[next[all.period[k]]++] = k;
  return g;
}

// The rows of one period, with the panel's labels (codes keep their ids).
std::shared_ptr<const Panel> period_rows(const Panel& all, const PeriodRows& g, Panel::Id period) {
  auto p = std::make_shared<Panel>();
  p->regions = all.regions;
  p->industries = all.industries;
  p->periods = all.periods;
  p->source = all.source;
  p->has_period_column = all.has_period_column;
  p->value_name = all.value_name;
  p->value_column = all.value_column;
  const size_t begin = g.offset[period], n = g.offset[period + 1] - begin;
  p->region.resize(n);
  p->industry.resize(n);
  p->period.assign(n, period);
  p->value.resize(n);
  p->lines.resize(n);
  for (size_t j = 0; j < n; ++j) {
    const size_t k = g.rows[begin + j];
    p->region[j] = all.region[k];
    p->industry[j] = all.industry[k];
    p->value[j] = all.value[k];
    p->lines[j] = all.source_line(k);
  }
  return p;
}

}  // namespace

Results run_measure(const MeasureSpec& spec, const Invocation& inv) {
  if (!spec.each_period || inv.has("period") || !inv.has_input("table")) return spec.kernel(inv);
  // Read once; the kernel gets the panel in memory (moved there, not copied).
  const auto read = inv.shared_panel("table");
  const Panel& panel = *read;
  const auto ids = panel.sorted_periods();
  if (ids.size() <= 1) {
    auto inputs = inv.inputs();
    inputs["table"].panel = read;
    return spec.kernel(inv.with(inv.params(), std::move(inputs)));
  }
  const PeriodRows by_period = rows_by_period(panel);
  Results all;
  // Per output: the periods it came out for, and its table in each.
  struct Parts {
    std::string output;
    std::vector<std::string> periods;
    std::vector<Table> tables;
  };
  std::vector<Parts> parts;
  // The periods are independent: their kernels run side by side (each on its own rows and
  // Invocation; a kernel's own parallel loops then run in one thread). Results are collected
  // in period order, and the first period's error in that order is the one thrown, as when
  // they ran one after another.
  const size_t n = ids.size();
  std::vector<Results> results(n);
  std::vector<std::exception_ptr> errors(n);
  std::vector<std::string> labels(n);
  for (size_t i = 0; i < n; ++i) labels[i] = panel.periods.name(ids[i]);
#pragma omp parallel for schedule(dynamic, 1)
  for (size_t i = 0; i < n; ++i) {
    try {
      nlohmann::json params = inv.params();
      params["period"] = labels[i];
      auto inputs = inv.inputs();
      inputs["table"].panel = period_rows(panel, by_period, ids[i]);
      results[i] = spec.kernel(inv.with(params, std::move(inputs)));
    } catch (...) {
      errors[i] = std::current_exception();
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (errors[i]) std::rethrow_exception(errors[i]);
    Results& part = results[i];
    for (const auto& w : part.warnings)
      all.warnings.push_back(fmt::format("period {}: {}", labels[i], w));
    for (auto& [name, table] : part.outputs) {
      auto it = std::find_if(parts.begin(), parts.end(),
                             [&](const Parts& p) { return p.output == name; });
      if (it == parts.end()) it = parts.insert(parts.end(), Parts{name, {}, {}});
      it->periods.push_back(labels[i]);
      it->tables.push_back(std::move(table));
    }
    part = Results();
  }
  // Encoded label columns (regions, industries) stack without copying a string.
  for (auto& p : parts) {
    all.add(p.output, Table::stack("period", p.periods, p.tables));
    p.tables.clear();
  }
  return all;
}

}  // namespace agglo
