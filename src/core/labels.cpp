#include "core/labels.hpp"

namespace agglo {

LabelSet::Id LabelSet::intern(std::string_view code) {
  auto it = index_.find(code);
  if (it != index_.end()) return it->second;
  const Id id = static_cast<Id>(names_.size());
  names_.emplace_back(code);
  index_.emplace(names_.back(), id);
  return id;
}

std::optional<LabelSet::Id> LabelSet::find(std::string_view code) const {
  auto it = index_.find(code);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace agglo
