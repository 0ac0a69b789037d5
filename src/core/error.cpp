#include "core/error.hpp"

namespace agglo {

std::string SourcePos::to_string() const {
  std::string out = file;
  if (line > 0) {
    out.push_back(':');
    out.append(std::to_string(line));
    if (column > 0) {
      out.push_back(':');
      out.append(std::to_string(column));
    }
  }
  return out;
}

static std::string format_with_pos(const SourcePos& pos, const std::string& message) {
  const std::string where = pos.to_string();
  return where.empty() ? message : where + ": " + message;
}

Error::Error(const std::string& message) : std::runtime_error(message), message_(message) {}

Error::Error(const SourcePos& pos, const std::string& message)
    : std::runtime_error(format_with_pos(pos, message)), pos_(pos), message_(message) {}

}  // namespace agglo
