#include "registry/verify.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "io/text_table.hpp"
#include "registry/registry.hpp"

namespace agglo {

namespace fs = std::filesystem;

namespace {

struct Tolerance {
  double rel = 0, abs = 0;
};

Tolerance read_tolerance(const nlohmann::json& j, Tolerance fallback) {
  if (!j.is_object()) return fallback;
  Tolerance t = fallback;
  if (j.contains("rel")) t.rel = j["rel"].get<double>();
  if (j.contains("abs")) t.abs = j["abs"].get<double>();
  return t;
}

bool is_missing(const std::string& s) {
  return s.empty() || s == "NA" || s == "NaN" || s == "nan";
}

std::optional<double> as_number(const std::string& s) {
  if (s == "TRUE" || s == "True" || s == "true") return 1.0;
  if (s == "FALSE" || s == "False" || s == "false") return 0.0;
  if (s == "Inf" || s == "inf") return INFINITY;
  if (s == "-Inf" || s == "-inf") return -INFINITY;
  CsvOptions plain;
  plain.na_markers.clear();
  plain.thousands = 0;
  auto v = parse_number(s, plain);
  if (v && !std::isnan(*v)) return v;
  return std::nullopt;
}

// Keys compare as text, except that numbers compare by value ("2014" == "2014.0").
std::string canonical_key(const std::string& s) {
  if (auto v = as_number(s)) return format_number(*v);
  return s;
}

std::string key_of(const std::vector<std::string>& parts) {
  std::string k;
  for (const auto& p : parts) k += canonical_key(p) + '\x1f';
  return k;
}

std::string show_key(const std::vector<std::string>& names, const std::vector<std::string>& parts) {
  std::string s;
  for (size_t k = 0; k < names.size(); ++k) s += (k ? ", " : "") + names[k] + "=" + parts[k];
  return "(" + s + ")";
}

std::string got_cell(const Column& c, size_t r) {
  return c.type == ColumnType::Text ? c.text[r] : format_number(c.number[r]);
}

// Compares one expected file with the result table; returns "" when it matches.
std::string compare(const fs::path& file, const nlohmann::json& entry, const Table& got,
                    Tolerance tol) {
  const TextTable want = read_text_table(file.string());
  const auto keys = entry.at("keys").get<std::vector<std::string>>();
  const auto values = entry.at("values").get<std::vector<std::string>>();
  std::vector<const Column*> got_keys, got_values;
  for (const auto& k : keys) {
    const Column* c = got.find(k);
    if (!c) return fmt::format("result has no key column \"{}\"", k);
    got_keys.push_back(c);
  }
  for (const auto& v : values) {
    const Column* c = got.find(v);
    if (!c) return fmt::format("result has no column \"{}\"", v);
    got_values.push_back(c);
  }
  std::map<std::string, size_t> got_rows;
  for (size_t r = 0; r < got.rows(); ++r) {
    std::vector<std::string> parts;
    for (const auto* c : got_keys) parts.push_back(got_cell(*c, r));
    if (!got_rows.emplace(key_of(parts), r).second)
      return fmt::format("result has the key {} twice", show_key(keys, parts));
  }
  std::vector<size_t> want_key_cols, want_value_cols;
  for (const auto& k : keys) want_key_cols.push_back(want.column(k));
  for (const auto& v : values) want_value_cols.push_back(want.column(v));
  size_t mismatches = 0;
  std::string first;
  std::map<std::string, bool> matched;
  for (size_t r = 0; r < want.rows(); ++r) {
    std::vector<std::string> parts;
    for (auto c : want_key_cols) parts.push_back(want.text(r, c));
    const std::string key = key_of(parts);
    auto it = got_rows.find(key);
    if (it == got_rows.end())
      return fmt::format("key {} is missing from the result", show_key(keys, parts));
    matched[key] = true;
    for (size_t v = 0; v < values.size(); ++v) {
      const std::string& w = want.text(r, want_value_cols[v]);
      const std::string g = got_cell(*got_values[v], it->second);
      std::string problem;
      if (is_missing(w)) {
        if (!is_missing(g)) problem = "expected NA";
      } else if (auto wv = as_number(w)) {
        auto gv = as_number(g);
        if (!gv)
          problem = "expected " + w;
        else if (std::isinf(*wv) || std::isinf(*gv)) {
          if (*wv != *gv) problem = "expected " + w;
        } else if (std::abs(*gv - *wv) > tol.abs + tol.rel * std::abs(*wv)) {
          problem = "expected " + w;
        }
      } else if (w != g) {
        problem = "expected \"" + w + "\"";
      }
      if (!problem.empty()) {
        if (mismatches++ == 0)
          first =
              fmt::format("{} column {}: {}, got {}", show_key(keys, parts), values[v], problem, g);
      }
    }
  }
  if (got_rows.size() != matched.size()) {
    for (size_t r = 0; r < got.rows(); ++r) {
      std::vector<std::string> parts;
      for (const auto* c : got_keys) parts.push_back(got_cell(*c, r));
      if (!matched.count(key_of(parts)))
        return fmt::format("result has the extra key {}", show_key(keys, parts));
    }
  }
  if (mismatches)
    return first + (mismatches > 1 ? fmt::format(" (and {} more)", mismatches - 1) : "");
  return "";
}

std::string output_name(const std::string& file) {
  std::string s = file;
  if (s.rfind("expected_", 0) == 0) s = s.substr(9);
  if (s.size() > 4 && s.substr(s.size() - 4) == ".csv") s.resize(s.size() - 4);
  return s;
}

}  // namespace

CaseOutcome run_case(const std::string& dir_str) {
  const fs::path dir(dir_str);
  CaseOutcome out;
  out.dir = dir_str;
  nlohmann::json c;
  try {
    std::ifstream f(dir / "case.json");
    c = nlohmann::json::parse(f);
  } catch (const std::exception& e) {
    out.status = CaseStatus::Failed;
    out.reason = std::string("cannot read case.json: ") + e.what();
    return out;
  }
  out.family = c.value("family", "");
  out.measure = c.value("measure", "");
  const MeasureSpec* spec = Registry::instance().find(out.measure);
  if (!spec) {
    out.status = CaseStatus::Skipped;
    out.reason = "measure " + out.measure + " is not implemented";
    return out;
  }
  try {
    std::map<std::string, InputSource> inputs;
    for (auto it = c["inputs"].begin(); it != c["inputs"].end(); ++it)
      inputs[it.key()] = InputSource{(dir / it.value().get<std::string>()).string(), "", ""};
    std::map<std::string, std::string> columns;
    if (c.contains("columns"))
      for (auto it = c["columns"].begin(); it != c["columns"].end(); ++it)
        columns[it.key()] = it.value().get<std::string>();
    Invocation inv(*spec, c.value("params", nlohmann::json::object()), columns, inputs);
    const Results results = run_measure(*spec, inv);
    const Tolerance case_tol =
        read_tolerance(c.value("tolerance", nlohmann::json()), Tolerance{1e-9, 1e-12});
    for (const auto& entry : c["expected"]) {
      const std::string file = entry.at("file").get<std::string>();
      const std::string name = output_name(file);
      const Table* got = results.find(name);
      if (!got) {
        out.status = CaseStatus::Failed;
        out.reason = fmt::format("{}: the measure gave no output \"{}\"", file, name);
        return out;
      }
      const Tolerance tol = read_tolerance(entry.value("tolerance", nlohmann::json()), case_tol);
      std::string problem = compare(dir / file, entry, *got, tol);
      if (!problem.empty()) {
        out.status = CaseStatus::Failed;
        out.reason = file + ": " + problem;
        return out;
      }
    }
    out.status = CaseStatus::Passed;
  } catch (const std::exception& e) {
    out.status = CaseStatus::Failed;
    out.reason = e.what();
  }
  return out;
}

VerifyReport verify_cases(const std::vector<std::string>& roots,
                          const std::vector<std::string>& families) {
  std::vector<std::string> dirs;
  for (const auto& root : roots) {
    if (!fs::exists(root)) throw UsageError("no such folder: " + root);
    if (fs::exists(fs::path(root) / "case.json")) dirs.push_back(root);
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
         ++it)
      if (it->is_regular_file() && it->path().filename() == "case.json")
        dirs.push_back(it->path().parent_path().string());
  }
  std::sort(dirs.begin(), dirs.end());
  dirs.erase(std::unique(dirs.begin(), dirs.end()), dirs.end());
  VerifyReport report;
  for (const auto& d : dirs) {
    if (!families.empty()) {
      std::string fam;
      try {
        std::ifstream f(fs::path(d) / "case.json");
        fam = nlohmann::json::parse(f).value("family", "");
      } catch (...) {
      }
      if (std::find(families.begin(), families.end(), fam) == families.end()) continue;
    }
    CaseOutcome o = run_case(d);
    if (o.status == CaseStatus::Passed) ++report.passed;
    if (o.status == CaseStatus::Failed) ++report.failed;
    if (o.status == CaseStatus::Skipped) ++report.skipped;
    report.cases.push_back(std::move(o));
  }
  return report;
}

}  // namespace agglo
