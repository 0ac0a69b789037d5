// Small text helpers shared by the writers of HTML and SVG (the report and the map drawing).
#pragma once

#include <string>
#include <string_view>

namespace agglo {

// Escapes &, <, > and " for HTML/SVG text and attribute values.
std::string html_escape(std::string_view s);

}  // namespace agglo
