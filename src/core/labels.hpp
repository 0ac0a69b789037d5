// Interned labels: codes are strings (leading zeros matter), stored once and referred to by a
// dense 32-bit id in first-seen order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace agglo {

class LabelSet {
 public:
  using Id = uint32_t;

  Id intern(std::string_view code);
  std::optional<Id> find(std::string_view code) const;
  const std::string& name(Id id) const { return names_[id]; }
  const std::vector<std::string>& names() const { return names_; }
  size_t size() const { return names_.size(); }
  bool empty() const { return names_.empty(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> names_;
  std::unordered_map<std::string, Id, Hash, std::equal_to<>> index_;
};

}  // namespace agglo
