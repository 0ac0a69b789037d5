#include "registry/hierarchy_input.hpp"

namespace agglo {

Hierarchy load_hierarchy(const TextTable& t, const HierarchyColumns& cols) {
  const size_t code = t.column(cols.code);
  const size_t parent = t.column(cols.parent);
  const auto en = t.find_column(cols.name_en);
  const auto zh = t.find_column(cols.name_zh);
  Hierarchy h;
  for (size_t r = 0; r < t.rows(); ++r) {
    HierarchyNode n;
    n.code = t.text(r, code);
    if (n.code.empty()) throw Error(t.pos(r, code), "expected a code, got an empty cell");
    n.parent = t.text(r, parent);
    if (n.parent == "NA") n.parent.clear();
    if (en) n.name_en = t.text(r, *en);
    if (zh) n.name_zh = t.text(r, *zh);
    n.pos = t.pos(r, code);
    h.add(std::move(n));
  }
  h.validate();
  return h;
}

}  // namespace agglo
