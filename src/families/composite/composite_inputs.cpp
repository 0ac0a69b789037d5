#include "families/composite/composite_inputs.hpp"

#include <map>

#include <fmt/format.h>

#include "core/table.hpp"

namespace agglo {

IndicatorFramework framework_input(const Invocation& inv, const std::string& role) {
  FrameworkColumns c;
  c.code = inv.column("code");
  c.parent = inv.column("parent");
  c.level = inv.column("level");
  c.weight = inv.column("weight");
  c.direction = inv.column("direction");
  c.target = inv.column("target");
  c.goalpost_lower = inv.column("goalpost_lower");
  c.goalpost_upper = inv.column("goalpost_upper");
  c.denominator = inv.column("denominator");
  c.name_en = inv.column("name_en");
  c.name_zh = inv.column("name_zh");
  return load_framework(inv.table(role), c);
}

LabeledMatrix indicator_input(const Invocation& inv, const IndicatorFramework& f,
                              std::vector<std::string>* warnings) {
  IndicatorColumns c{inv.column("unit"), inv.column("indicator"), inv.column("value")};
  return read_indicator_data(inv.table("table"), f, c, warnings);
}

LabeledMatrix denominators_input(const Invocation& inv, const std::string& role) {
  const TextTable& t = inv.table(role);
  const size_t unit = t.column(inv.column("unit"));
  const size_t name = t.column(inv.column("denominator"));
  const size_t value = t.column(inv.column("value"));
  LabeledMatrix m;
  std::map<std::string, size_t> rows, cols;
  std::vector<std::tuple<size_t, size_t, double>> cells;
  for (size_t r = 0; r < t.rows(); ++r) {
    auto [ri, rn] = rows.emplace(t.text(r, unit), m.row_labels.size());
    if (rn) m.row_labels.push_back(t.text(r, unit));
    auto [ci, cn] = cols.emplace(t.text(r, name), m.col_labels.size());
    if (cn) m.col_labels.push_back(t.text(r, name));
    cells.emplace_back(ri->second, ci->second, t.number(r, value));
  }
  m.values = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(m.row_labels.size()),
                                       static_cast<Eigen::Index>(m.col_labels.size()), NA);
  for (auto [r, c, v] : cells)
    m.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = v;
  return m;
}

std::vector<std::string> unit_groups_input(const Invocation& inv,
                                           const std::vector<std::string>& units,
                                           const std::string& role) {
  const TextTable& t = inv.table(role);
  const size_t unit = t.column(inv.column("unit"));
  const size_t group = t.column(inv.column("group"));
  std::map<std::string, std::string> g;
  for (size_t r = 0; r < t.rows(); ++r)
    g[t.text(r, unit)] = t.is_na(r, group) ? "" : t.text(r, group);
  std::vector<std::string> out;
  for (const auto& u : units) {
    auto it = g.find(u);
    if (it == g.end())
      throw Error(SourcePos{t.source, 0, 0},
                  fmt::format("unit \"{}\" is not listed in the units table", u));
    out.push_back(it->second);
  }
  return out;
}

std::map<std::string, std::string> unit_names_input(const Invocation& inv,
                                                    const std::string& role) {
  const TextTable& t = inv.table(role);
  const size_t unit = t.column(inv.column("unit"));
  const auto name = t.find_column(inv.column("name"));
  std::map<std::string, std::string> out;
  if (!name) return out;
  for (size_t r = 0; r < t.rows(); ++r)
    if (!t.is_na(r, *name)) out[t.text(r, unit)] = t.text(r, *name);
  return out;
}

}  // namespace agglo
