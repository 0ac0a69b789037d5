#include "families/trade/iso_date.hpp"

#include <charconv>

#include <fmt/format.h>

namespace agglo {

namespace {

bool read_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc();
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

}  // namespace

std::string IsoDate::to_string() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

IsoDate parse_iso_date(std::string_view text, const SourcePos& pos) {
  IsoDate d;
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
  if (!shaped || !read_int(text.substr(0, 4), d.year) || !read_int(text.substr(5, 2), d.month) ||
      !read_int(text.substr(8, 2), d.day) || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > days_in_month(d.year, d.month))
    throw Error(pos, fmt::format("expected a date yyyy-mm-dd, got \"{}\"", text));
  return d;
}

IsoDate parse_month(std::string_view text, const SourcePos& pos) {
  IsoDate d;
  d.day = 1;
  bool ok = false;
  if (text.size() >= 7 && (text[4] == '-' || text[4] == 'M') &&
      read_int(text.substr(0, 4), d.year) && read_int(text.substr(5, 2), d.month) && d.month >= 1 &&
      d.month <= 12) {
    ok = text.size() == 7 || (text.size() == 10 && text[4] == '-' && text[7] == '-');
  }
  if (!ok)
    throw Error(pos, fmt::format("expected a month yyyy-mm (or yyyy-mm-dd), got \"{}\"", text));
  return d;
}

}  // namespace agglo
