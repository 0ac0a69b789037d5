// Running a measure for the faces: once, or once per period of the table.
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

// Appends `part` to `whole` (same columns) behind a leading text column `period`.
void append_with_period(Table& whole, const Table& part, const std::string& period) {
  Table merged;
  std::vector<std::string> periods;
  if (whole.cols() > 0) periods = whole.column("period").text;
  periods.insert(periods.end(), part.rows(), period);
  merged.add_text("period", std::move(periods));
  for (const auto& col : part.columns()) {
    if (col.type == ColumnType::Text) {
      std::vector<std::string> v;
      if (whole.cols() > 0) v = whole.column(col.name).text;
      v.insert(v.end(), col.text.begin(), col.text.end());
      merged.add_text(col.name, std::move(v));
    } else {
      std::vector<double> v;
      if (whole.cols() > 0) v = whole.column(col.name).number;
      v.insert(v.end(), col.number.begin(), col.number.end());
      merged.add_number(col.name, std::move(v));
    }
  }
  whole = std::move(merged);
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
  for (const Panel::Id id : ids) {
    const std::string label = panel.periods.name(id);
    nlohmann::json params = inv.params();
    params["period"] = label;
    auto inputs = inv.inputs();
    inputs["table"].panel = period_rows(panel, id);
    const Results part = spec.kernel(inv.with(params, std::move(inputs)));
    for (const auto& w : part.warnings)
      all.warnings.push_back(fmt::format("period {}: {}", label, w));
    for (const auto& [name, table] : part.outputs) {
      Table* target = nullptr;
      for (auto& [n, t] : all.outputs)
        if (n == name) target = &t;
      if (!target) target = &all.add(name, Table());
      append_with_period(*target, table, label);
    }
  }
  return all;
}

}  // namespace agglo
