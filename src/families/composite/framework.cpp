#include "families/composite/framework.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

#include <fmt/format.h>

namespace agglo {

IndicatorFramework::IndicatorFramework(std::vector<FrameworkNode> nodes)
    : nodes_(std::move(nodes)) {
  if (nodes_.empty()) throw Error("the indicator framework has no codes");
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const auto& n = nodes_[i];
    tree_.add(HierarchyNode{n.code, n.parent, n.name_en, n.name_zh, n.pos});
    index_.emplace(n.code, i);
  }
  tree_.validate();  // missing parents and cycles
  children_.assign(nodes_.size(), {});
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const auto& n = nodes_[i];
    if (!n.parent.empty()) children_[index_.at(n.parent)].push_back(i);
    top_level_ = std::max(top_level_, n.level);
  }
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const auto& n = nodes_[i];
    if (n.level == 1) {
      if (!children_[i].empty())
        throw Error(n.pos, fmt::format("code \"{}\" is on level 1 (an indicator) but has children",
                                       n.code));
      indicators_.push_back(n.code);
    } else if (children_[i].empty()) {
      throw Error(n.pos, fmt::format("code \"{}\" is on level {} but has no children; indicators "
                                     "are on level 1",
                                     n.code, n.level));
    }
    if (!n.parent.empty() && node(n.parent).level <= n.level)
      throw Error(n.pos, fmt::format("code \"{}\" (level {}) has the parent \"{}\" on level {}; a "
                                     "parent must be on a higher level",
                                     n.code, n.level, n.parent, node(n.parent).level));
  }
}

const FrameworkNode& IndicatorFramework::node(const std::string& code) const {
  return nodes_[index(code)];
}

size_t IndicatorFramework::index(const std::string& code) const {
  auto it = index_.find(code);
  if (it == index_.end()) throw Error("code \"" + code + "\" is not in the indicator framework");
  return it->second;
}

namespace {

double optional_number(const TextTable& t, std::optional<size_t> col, size_t row, double fallback) {
  if (!col) return fallback;
  return t.number(row, *col);
}

}  // namespace

IndicatorFramework load_framework(const TextTable& t, const FrameworkColumns& c) {
  const size_t code = t.column(c.code);
  const size_t parent = t.column(c.parent);
  const auto level = t.find_column(c.level);
  const auto weight = t.find_column(c.weight);
  const auto direction = t.find_column(c.direction);
  const auto target = t.find_column(c.target);
  const auto lo = t.find_column(c.goalpost_lower);
  const auto hi = t.find_column(c.goalpost_upper);
  const auto denom = t.find_column(c.denominator);
  const auto en = t.find_column(c.name_en);
  const auto zh = t.find_column(c.name_zh);
  std::vector<FrameworkNode> nodes;
  for (size_t r = 0; r < t.rows(); ++r) {
    FrameworkNode n;
    n.code = t.text(r, code);
    if (n.code.empty()) throw Error(t.pos(r, code), "expected a code, got an empty cell");
    n.parent = t.is_na(r, parent) ? "" : t.text(r, parent);
    n.pos = t.pos(r, code);
    if (level) {
      const double v = t.number(r, *level);
      if (!(v >= 1) || v != std::floor(v))
        throw Error(t.pos(r, *level),
                    fmt::format("expected a level 1, 2, ..., got \"{}\"", t.text(r, *level)));
      n.level = static_cast<int>(v);
    }
    n.weight = optional_number(t, weight, r, 1.0);
    if (std::isnan(n.weight)) n.weight = 1.0;  // an aggregate without weight weighs 1
    if (!std::isfinite(n.weight) || n.weight < 0)
      throw Error(t.pos(r, *weight),
                  fmt::format("expected a weight >= 0, got \"{}\"", t.text(r, *weight)));
    const double d = optional_number(t, direction, r, 1.0);
    if (!std::isnan(d) && d != 1 && d != -1)
      throw Error(t.pos(r, *direction),
                  fmt::format("expected a direction 1 or -1, got \"{}\"", t.text(r, *direction)));
    n.direction = d == -1 ? -1 : 1;
    n.target = optional_number(t, target, r, NA);
    n.goalpost_lower = optional_number(t, lo, r, NA);
    n.goalpost_upper = optional_number(t, hi, r, NA);
    if (denom && !t.is_na(r, *denom)) n.denominator = t.text(r, *denom);
    if (en) n.name_en = t.text(r, *en);
    if (zh) n.name_zh = t.text(r, *zh);
    nodes.push_back(std::move(n));
  }
  if (!level) {
    // Derive levels bottom up once the tree is known to be acyclic.
    Hierarchy h;
    for (const auto& n : nodes) h.add(HierarchyNode{n.code, n.parent, "", "", n.pos});
    h.validate();
    std::map<std::string, int> lv;
    std::function<int(const std::string&)> level_of = [&](const std::string& code) {
      if (auto it = lv.find(code); it != lv.end()) return it->second;
      int l = 1;
      for (const auto& child : h.children(code)) l = std::max(l, level_of(child) + 1);
      return lv[code] = l;
    };
    for (auto& n : nodes) n.level = level_of(n.code);
  }
  return IndicatorFramework(std::move(nodes));
}

void check_weights_sum_to_one(const IndicatorFramework& f, double tolerance) {
  std::map<std::string, double> sums;
  std::map<std::string, const FrameworkNode*> first;
  for (const auto& n : f.nodes()) {
    sums[n.parent] += n.weight;
    first.emplace(n.parent, &n);
  }
  for (const auto& [parent, sum] : sums)
    if (std::abs(sum - 1.0) > tolerance)
      throw Error(first[parent]->pos,
                  fmt::format("the weights of the children of \"{}\" sum to {}, not 1",
                              parent.empty() ? "(top)" : parent, sum));
}

LabeledMatrix read_indicator_data(const TextTable& t, const IndicatorFramework& f,
                                  const IndicatorColumns& c, std::vector<std::string>* warnings) {
  const auto& codes = f.indicators();
  std::map<std::string, size_t> col_of;
  for (size_t j = 0; j < codes.size(); ++j) col_of[codes[j]] = j;
  const size_t unit = t.column(c.unit);
  LabeledMatrix m;
  m.col_labels = codes;
  std::map<std::string, size_t> row_of;
  auto row = [&](size_t r) {
    const std::string& u = t.text(r, unit);
    if (u.empty()) throw Error(t.pos(r, unit), "expected a unit code, got an empty cell");
    auto [it, fresh] = row_of.emplace(u, m.row_labels.size());
    if (fresh) m.row_labels.push_back(u);
    return it->second;
  };
  std::vector<std::vector<double>> cells;
  std::vector<std::vector<bool>> seen;
  auto put = [&](size_t i, size_t j, double v, const SourcePos& pos, const std::string& code) {
    if (i >= cells.size()) {
      cells.resize(i + 1, std::vector<double>(codes.size(), NA));
      seen.resize(i + 1, std::vector<bool>(codes.size(), false));
    }
    if (seen[i][j])
      throw Error(pos,
                  fmt::format("unit \"{}\" has indicator \"{}\" twice", m.row_labels[i], code));
    seen[i][j] = true;
    cells[i][j] = v;
  };
  std::vector<std::string> unknown;
  if (const auto ind = t.find_column(c.indicator)) {
    const size_t value = t.column(c.value);
    for (size_t r = 0; r < t.rows(); ++r) {
      const std::string& code = t.text(r, *ind);
      auto it = col_of.find(code);
      if (it == col_of.end()) {
        if (std::find(unknown.begin(), unknown.end(), code) == unknown.end())
          unknown.push_back(code);
        continue;
      }
      put(row(r), it->second, t.number(r, value), t.pos(r, value), code);
    }
  } else {
    std::vector<std::pair<size_t, size_t>> cols;  // table column -> indicator
    for (size_t k = 0; k < t.cols(); ++k) {
      if (k == unit) continue;
      auto it = col_of.find(t.header[k]);
      if (it == col_of.end())
        unknown.push_back(t.header[k]);
      else
        cols.emplace_back(k, it->second);
    }
    for (size_t r = 0; r < t.rows(); ++r) {
      const size_t i = row(r);
      for (auto [k, j] : cols) put(i, j, t.number(r, k), t.pos(r, k), codes[j]);
    }
  }
  if (m.row_labels.empty())
    throw Error(SourcePos{t.source, 0, 0}, "the indicator table has no units");
  for (size_t j = 0; j < codes.size(); ++j) {
    bool any = false;
    for (const auto& s : seen) any = any || s[j];
    if (!any)
      throw Error(f.node(codes[j]).pos,
                  fmt::format("indicator \"{}\" of the framework is not in the table {}", codes[j],
                              t.source));
  }
  if (!unknown.empty() && warnings) {
    std::string list;
    for (const auto& u : unknown) list += (list.empty() ? "" : ", ") + u;
    warnings->push_back(
        fmt::format("{}: columns/codes not in the framework were skipped: {}", t.source, list));
  }
  m.values.resize(static_cast<Eigen::Index>(cells.size()), static_cast<Eigen::Index>(codes.size()));
  for (size_t i = 0; i < cells.size(); ++i)
    for (size_t j = 0; j < codes.size(); ++j)
      m.values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = cells[i][j];
  return m;
}

}  // namespace agglo
