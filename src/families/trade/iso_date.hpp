// Calendar dates of tariff schedules and trade periods, read from ISO text (yyyy-mm-dd).
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace agglo {

struct IsoDate {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const IsoDate&) const = default;
  std::string to_string() const;  // yyyy-mm-dd
};

// Parses yyyy-mm-dd (a real calendar day) or throws a positioned Error.
IsoDate parse_iso_date(std::string_view text, const SourcePos& pos = {});

// A monthly (or coarser) period: yyyy-mm, yyyy-mm-dd (day ignored) or yyyyMmm. Returns year and
// month or throws a positioned Error.
IsoDate parse_month(std::string_view text, const SourcePos& pos = {});

}  // namespace agglo
