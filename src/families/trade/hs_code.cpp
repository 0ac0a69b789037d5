#include "families/trade/hs_code.hpp"

#include <fmt/format.h>

namespace agglo {

namespace {

bool valid_length(size_t n) {
  return n == 2 || n == 4 || n == 6 || n == 8 || n == 10;
}

// Digits or "" when the text holds anything but digits, dots and blanks.
std::string digits_of(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      out.push_back(c);
    } else if (c != '.' && c != ' ' && c != '\t') {
      return "";
    }
  }
  return out;
}

}  // namespace

std::string normalize_hs_code(std::string_view text, const SourcePos& pos) {
  const std::string code = digits_of(text);
  if (code.empty())
    throw Error(pos, fmt::format("expected an HS code (digits, dots allowed), got \"{}\"", text));
  if (!valid_length(code.size()))
    throw Error(
        pos, fmt::format("expected an HS code of 2, 4, 6, 8 or 10 digits, got \"{}\" ({} digits)",
                         text, code.size()));
  return code;
}

bool is_hs_code(std::string_view text) {
  return valid_length(digits_of(text).size());
}

void check_hs_level(int digits) {
  if (digits != 2 && digits != 4 && digits != 6 && digits != 8)
    throw UsageError(fmt::format("the HS level must be 2, 4, 6 or 8 digits, got {}", digits));
}

std::string hs_ancestor(const std::string& code, int digits, const SourcePos& pos) {
  check_hs_level(digits);
  if (code.size() < static_cast<size_t>(digits))
    throw Error(pos, fmt::format("HS code \"{}\" has {} digits, fewer than the level {}", code,
                                 code.size(), digits));
  return code.substr(0, static_cast<size_t>(digits));
}

}  // namespace agglo
