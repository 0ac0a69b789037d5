// Harmonized System (HS) codes as text: 2 (chapter), 4 (heading), 6 (subheading) digits, and the
// national 8/10-digit tariff lines (HTS-8/10). Leading zeros matter ("0101"), so codes stay
// strings.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace agglo {

// Digits of an HS code: dots and blanks dropped ("8517.12.00" -> "85171200"). The result must
// have 2, 4, 6, 8 or 10 digits; anything else is a positioned Error naming the value.
std::string normalize_hs_code(std::string_view text, const SourcePos& pos = {});

// True when `text` normalises to a valid code (no exception).
bool is_hs_code(std::string_view text);

// The ancestor of a code at `digits` (2, 4, 6, 8): its first `digits` digits. A code shorter
// than `digits` is a positioned Error (it cannot be placed at a finer level).
std::string hs_ancestor(const std::string& code, int digits, const SourcePos& pos = {});

// The HS chapter (first two digits).
inline std::string hs_chapter(const std::string& code) {
  return code.substr(0, 2);
}

// Checks an aggregation level: 2, 4, 6 or 8 (UsageError otherwise).
void check_hs_level(int digits);

}  // namespace agglo
