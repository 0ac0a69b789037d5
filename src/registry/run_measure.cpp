// Running a measure for the faces: once, or once per period of the table.
#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "core/error.hpp"
#include "registry/registry.hpp"

namespace agglo {

namespace {

// The rows of one period, with the panel's labels (codes keep their ids).
std::shared_ptr<const Panel> period_rows(const Panel& all, Panel::Id period) {
  auto p = std::make_shared<Panel>();
  p->regions = all.regions;
  p->industries = all.industries;
  p->periods = all.periods;
  p->source = all.source;
  p->has_period_column = all.has_period_column;
  p->value_name = all.value_name;
  p->value_column = all.value_column;
  size_t n = 0;
  for (size_t k = 0; k < all.size(); ++k) n += all.period[k] == period;
  p->reserve(n);
  for (size_t k = 0; k < all.size(); ++k)
    if (all.period[k] == period)
      p->push(all.region[k], all.industry[k], period, all.value[k], all.line[k]);
  return p;
}

// Stacks the per-period tables of one output (same columns) behind a leading column `period`.
Table stack_periods(const std::vector<std::pair<std::string, Table>>& parts) {
  size_t rows = 0;
  for (const auto& [period, t] : parts) rows += t.rows();
  Table out;
  std::vector<std::string> periods;
  periods.reserve(rows);
  for (const auto& [period, t] : parts) periods.insert(periods.end(), t.rows(), period);
  out.add_text("period", std::move(periods));
  const Table& first = parts.front().second;
  for (size_t c = 0; c < first.cols(); ++c) {
    const Column& head = first.columns()[c];
    if (head.type == ColumnType::Text) {
      std::vector<std::string> v;
      v.reserve(rows);
      for (const auto& [period, t] : parts) {
        const auto& src = t.column(head.name).text;
        v.insert(v.end(), std::make_move_iterator(src.begin()), std::make_move_iterator(src.end()));
      }
      out.add_text(head.name, std::move(v));
    } else {
      std::vector<double> v;
      v.reserve(rows);
      for (const auto& [period, t] : parts) {
        const auto& src = t.column(head.name).number;
        v.insert(v.end(), src.begin(), src.end());
      }
      out.add_number(head.name, std::move(v));
    }
  }
  return out;
}

}  // namespace

Results run_measure(const MeasureSpec& spec, const Invocation& inv) {
  if (!spec.each_period || inv.has("period") || !inv.has_input("table")) return spec.kernel(inv);
  const Panel panel = inv.panel("table");
  const auto ids = panel.sorted_periods();
  if (ids.size() <= 1) {
    auto inputs = inv.inputs();
    inputs["table"].panel = std::make_shared<const Panel>(panel);
    return spec.kernel(inv.with(inv.params(), std::move(inputs)));
  }
  Results all;
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, Table>>>> parts;
  for (const Panel::Id id : ids) {
    const std::string label = panel.periods.name(id);
    nlohmann::json params = inv.params();
    params["period"] = label;
    auto inputs = inv.inputs();
    inputs["table"].panel = period_rows(panel, id);
    Results part = spec.kernel(inv.with(params, std::move(inputs)));
    for (const auto& w : part.warnings)
      all.warnings.push_back(fmt::format("period {}: {}", label, w));
    for (auto& [name, table] : part.outputs) {
      auto it =
          std::find_if(parts.begin(), parts.end(), [&](const auto& p) { return p.first == name; });
      if (it == parts.end()) it = parts.insert(parts.end(), {name, {}});
      it->second.emplace_back(label, std::move(table));
    }
  }
  for (const auto& [name, tables] : parts) all.add(name, stack_periods(tables));
  return all;
}

}  // namespace agglo
