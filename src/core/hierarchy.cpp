#include "core/hierarchy.hpp"

#include <map>
#include <tuple>

namespace agglo {

void Hierarchy::add(HierarchyNode node) {
  if (index_.count(node.code))
    throw Error(node.pos, "code \"" + node.code + "\" is defined twice in the hierarchy");
  index_.emplace(node.code, nodes_.size());
  nodes_.push_back(std::move(node));
}

const HierarchyNode& Hierarchy::node(const std::string& code) const {
  auto it = index_.find(code);
  if (it == index_.end()) throw Error("code \"" + code + "\" is not in the hierarchy");
  return nodes_[it->second];
}

void Hierarchy::validate() const {
  for (const auto& n : nodes_) {
    if (!n.parent.empty() && !index_.count(n.parent))
      throw Error(n.pos, "parent \"" + n.parent + "\" of code \"" + n.code + "\" is not defined");
  }
  for (const auto& n : nodes_) {
    std::string cur = n.parent;
    size_t steps = 0;
    while (!cur.empty()) {
      if (cur == n.code || ++steps > nodes_.size())
        throw Error(n.pos, "the hierarchy has a cycle through code \"" + n.code + "\"");
      cur = node(cur).parent;
    }
  }
}

std::vector<std::string> Hierarchy::children(const std::string& code) const {
  std::vector<std::string> out;
  for (const auto& n : nodes_)
    if (n.parent == code) out.push_back(n.code);
  return out;
}

std::vector<std::string> Hierarchy::roots() const {
  return children("");
}

int Hierarchy::depth(const std::string& code) const {
  int d = 0;
  for (std::string cur = node(code).parent; !cur.empty(); cur = node(cur).parent) ++d;
  return d;
}

std::optional<std::string> Hierarchy::ancestor_at(const std::string& code, int target) const {
  if (!contains(code)) return std::nullopt;
  int d = depth(code);
  if (d < target) return std::nullopt;
  std::string cur = code;
  while (d > target) {
    cur = node(cur).parent;
    --d;
  }
  return cur;
}

std::string Hierarchy::display_name(const std::string& code, const std::string& lang) const {
  auto it = index_.find(code);
  if (it == index_.end()) return code;
  const auto& n = nodes_[it->second];
  if (lang == "zh" && !n.name_zh.empty()) return n.name_zh;
  if (!n.name_en.empty()) return n.name_en;
  return code;
}

Panel aggregate(const Panel& panel, const Hierarchy& h, PanelAxis axis, int depth,
                bool drop_unknown) {
  Panel out;
  out.source = panel.source;
  out.has_period_column = panel.has_period_column;
  std::map<std::tuple<Panel::Id, Panel::Id, Panel::Id>, size_t> cell;
  const LabelSet& labels = axis == PanelAxis::Region ? panel.regions : panel.industries;
  std::vector<std::optional<std::string>> mapped(labels.size());
  for (Panel::Id k = 0; k < labels.size(); ++k) {
    mapped[k] = h.ancestor_at(labels.name(k), depth);
    if (!mapped[k] && !drop_unknown)
      throw Error("code \"" + labels.name(k) + "\" has no ancestor at level " +
                  std::to_string(depth) + " of the hierarchy");
  }
  for (size_t k = 0; k < panel.size(); ++k) {
    const Panel::Id src = axis == PanelAxis::Region ? panel.region[k] : panel.industry[k];
    if (!mapped[src]) continue;
    const std::string& rname =
        axis == PanelAxis::Region ? *mapped[src] : panel.regions.name(panel.region[k]);
    const std::string& iname =
        axis == PanelAxis::Industry ? *mapped[src] : panel.industries.name(panel.industry[k]);
    auto key = std::make_tuple(out.regions.intern(rname), out.industries.intern(iname),
                               out.periods.intern(panel.periods.name(panel.period[k])));
    auto [it, fresh] = cell.emplace(key, out.size());
    if (fresh)
      out.push(std::get<0>(key), std::get<1>(key), std::get<2>(key), panel.value[k],
               panel.source_line(k));
    else
      out.value[it->second] += panel.value[k];
  }
  return out;
}

}  // namespace agglo
