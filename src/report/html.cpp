#include "report/html.hpp"

#include "core/text.hpp"

#include <cmath>
#include <sstream>

#include <fmt/format.h>

namespace agglo::report {

std::string escape(std::string_view s) {
  return html_escape(s);
}

std::string bilingual(const Text& t) {
  const std::string& zh = t.zh.empty() ? t.en : t.zh;
  if (zh == t.en) return escape(t.en);
  return "<span class=\"l-en\">" + escape(t.en) + "</span><span class=\"l-zh\">" + escape(zh) +
         "</span>";
}

// Numbers for people: large values with thousands separators, others with `digits` significant
// digits.
static std::string readable(double v, int digits) {
  if (std::isnan(v)) return "NA";
  if (std::abs(v) >= 1e4 && std::abs(v) < 1e15) {
    const std::string digits_only = fmt::format("{:.0f}", std::abs(v));
    std::string s = v < 0 ? "-" : "";
    for (size_t k = 0; k < digits_only.size(); ++k) {
      if (k > 0 && (digits_only.size() - k) % 3 == 0) s.push_back(',');
      s.push_back(digits_only[k]);
    }
    return s;
  }
  return fmt::format("{:.{}g}", v, digits);
}

std::string html_table(const Table& t, const TableStyle& style) {
  std::ostringstream out;
  const size_t n = style.max_rows ? std::min(style.max_rows, t.rows()) : t.rows();
  out << "<div class=\"tablewrap\"><table><thead><tr>";
  for (size_t c = 0; c < t.cols(); ++c) {
    const auto& col = t.columns()[c];
    const std::string head =
        c < style.headers.size() ? bilingual(style.headers[c]) : escape(col.name);
    out << (col.type == ColumnType::Number ? "<th class=\"num\">" : "<th>") << head << "</th>";
  }
  out << "</tr></thead><tbody>";
  for (size_t r = 0; r < n; ++r) {
    out << "<tr>";
    for (const auto& col : t.columns()) {
      if (col.type == ColumnType::Text) {
        out << "<td>" << escape(col.text[r]) << "</td>";
      } else {
        const double v = col.number[r];
        out << "<td class=\"num\">" << readable(v, style.digits) << "</td>";
      }
    }
    out << "</tr>";
  }
  out << "</tbody></table></div>";
  if (n < t.rows())
    out << "<p class=\"more\">"
        << bilingual({fmt::format("{} more rows in the CSV files", t.rows() - n),
                      fmt::format("另有 {} 列，請見 CSV 檔", t.rows() - n)})
        << "</p>";
  return out.str();
}

HtmlReport::HtmlReport(Text title, Text subtitle)
    : title_(std::move(title)), subtitle_(std::move(subtitle)) {}

void HtmlReport::add_section(const std::string& id, const Text& title,
                             const std::string& body_html) {
  sections_.push_back({id, title, body_html});
}

void HtmlReport::add_note(const Text& note) {
  notes_.push_back(note);
}

std::string HtmlReport::render() const {
  std::ostringstream out;
  out << R"HTML(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>)HTML"
      << escape(title_.en) << R"HTML(</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans TC","Microsoft JhengHei",sans-serif;margin:0;color:#1d2433;background:#f6f7f9}
header{background:#16324f;color:#fff;padding:18px 28px}
header h1{margin:0;font-size:24px} header p{margin:4px 0 0;opacity:.85}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #dde1e7;padding:8px 28px;z-index:2;font-size:14px}
nav a{margin-right:14px;color:#16324f;text-decoration:none} nav button{float:right}
main{padding:8px 28px 40px;max-width:1280px}
section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:14px 20px;margin:16px 0}
h2{font-size:19px;margin:4px 0 10px;color:#16324f} h3{font-size:15px;margin:14px 0 6px}
.tablewrap{overflow-x:auto;max-height:520px;overflow-y:auto}
table{border-collapse:collapse;font-size:13px} th,td{padding:3px 8px;border-bottom:1px solid #eceef2;text-align:left;white-space:nowrap}
th{position:sticky;top:0;background:#f0f2f5} .num{text-align:right;font-variant-numeric:tabular-nums}
.more,.note{color:#5b6475;font-size:13px} svg{max-width:100%;height:auto} .chart{margin:8px 0}
body.zh .l-en{display:none} body:not(.zh) .l-zh{display:none}
</style></head>
<body><header><h1>)HTML"
      << bilingual(title_) << "</h1>";
  if (!subtitle_.en.empty()) out << "<p>" << bilingual(subtitle_) << "</p>";
  out << "</header>\n<nav>";
  for (const auto& s : sections_)
    out << "<a href=\"#" << escape(s.id) << "\">" << bilingual(s.title) << "</a>";
  out << R"HTML(<button onclick="document.body.classList.toggle('zh')">English / 中文</button></nav>
<main>)HTML";
  for (const auto& n : notes_) out << "<p class=\"note\">" << bilingual(n) << "</p>";
  for (const auto& s : sections_)
    out << "<section id=\"" << escape(s.id) << "\"><h2>" << bilingual(s.title) << "</h2>\n"
        << s.body << "\n</section>\n";
  out << "</main></body></html>\n";
  return out.str();
}

}  // namespace agglo::report
