// Self-contained bilingual HTML reports: inline CSS, inline SVG charts, a language switch
// (English / Traditional Chinese), and no external requests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/table.hpp"

namespace agglo::report {

// A label in English and Traditional Chinese; zh may be empty (English is shown then).
struct Text {
  std::string en;
  std::string zh;
};

std::string escape(std::string_view s);
// <span lang=en>..</span><span lang=zh>..</span> switched by the page's language toggle.
std::string bilingual(const Text& t);

struct TableStyle {
  size_t max_rows = 0;        // 0 = all
  int digits = 4;             // significant digits of numbers
  std::vector<Text> headers;  // optional bilingual headers (one per column)
};
std::string html_table(const Table& t, const TableStyle& style = {});

class HtmlReport {
 public:
  explicit HtmlReport(Text title, Text subtitle = {});
  void add_section(const std::string& id, const Text& title, const std::string& body_html);
  void add_note(const Text& note);  // shown under the title (data source, options)
  std::string render() const;

 private:
  struct Section {
    std::string id;
    Text title;
    std::string body;
  };
  Text title_, subtitle_;
  std::vector<Text> notes_;
  std::vector<Section> sections_;
};

}  // namespace agglo::report
