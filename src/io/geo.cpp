#include "io/geo.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/error.hpp"
#include "io/geo_plugin.hpp"

namespace agglo {

std::vector<std::string> GeoLayer::ids() const {
  std::vector<std::string> out;
  out.reserve(features.size());
  for (const auto& f : features) out.push_back(f.id);
  return out;
}

std::vector<MultiPolygon> GeoLayer::geometries() const {
  std::vector<MultiPolygon> out;
  out.reserve(features.size());
  for (const auto& f : features) out.push_back(f.geometry);
  return out;
}

namespace {

// The GDAL reader lives in a plugin (libagglo_gdal.so) loaded on first use: GDAL and its ~110
// dependent libraries would otherwise be loaded at the start of every agglo process.
const GeoPluginApi& gdal_plugin() {
  static const GeoPluginApi* api = load_geo_plugin();
  return *api;
}

[[noreturn]] void rethrow(const std::string& path, const GeoPluginError& e) {
  if (e.usage) throw UsageError(SourcePos{path}, e.message);
  throw Error(SourcePos{path}, e.message);
}

}  // namespace

std::vector<std::string> geo_layer_names(const std::string& path) {
  std::vector<std::string> names;
  GeoPluginError error;
  if (!gdal_plugin().layer_names(path, names, error)) rethrow(path, error);
  return names;
}

GeoLayer read_geo_layer(const std::string& path, const GeoReadOptions& options) {
  GeoLayer layer;
  GeoPluginError error;
  if (!gdal_plugin().read_layer(path, options, layer, error)) rethrow(path, error);
  return layer;
}

std::string CodeJoin::describe(size_t max_listed) const {
  auto list = [max_listed](const std::vector<std::string>& v) {
    std::string s;
    for (size_t k = 0; k < v.size() && k < max_listed; ++k) s += (k ? ", " : "") + v[k];
    return v.size() > max_listed ? s + ", ..." : s;
  };
  std::string s;
  if (!only_in_table.empty())
    s += fmt::format("{} code(s) of the table have no boundary: {}", only_in_table.size(),
                     list(only_in_table));
  if (!only_in_layer.empty())
    s += fmt::format("{}{} boundar{} without data: {}", s.empty() ? "" : "; ", only_in_layer.size(),
                     only_in_layer.size() == 1 ? "y" : "ies", list(only_in_layer));
  return s;
}

CodeJoin join_codes(const std::vector<std::string>& layer_ids,
                    const std::vector<std::string>& table_codes) {
  CodeJoin j;
  const std::unordered_set<std::string> in_layer(layer_ids.begin(), layer_ids.end());
  const std::unordered_set<std::string> in_table(table_codes.begin(), table_codes.end());
  for (const auto& c : table_codes) (in_layer.count(c) ? j.matched : j.only_in_table).push_back(c);
  for (const auto& c : layer_ids)
    if (!in_table.count(c)) j.only_in_layer.push_back(c);
  return j;
}

namespace {

// Non-empty lines of a text file with their line numbers.
std::vector<std::pair<int64_t, std::string>> read_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(SourcePos{path}, "cannot open the weights file");
  std::vector<std::pair<int64_t, std::string>> lines;
  std::string line;
  int64_t no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) lines.emplace_back(no, line);
  }
  return lines;
}

std::vector<std::string> tokens(const std::string& line) {
  std::istringstream s(line);
  std::vector<std::string> t;
  for (std::string w; s >> w;) t.push_back(w);
  return t;
}

// The number of regions from a GAL/GWT header ("0 n shape key" or "n").
size_t header_count(const std::string& path, const std::pair<int64_t, std::string>& header) {
  const auto t = tokens(header.second);
  const std::string& n = t.size() >= 2 && t[0] == "0" ? t[1] : t.at(0);
  try {
    size_t used = 0;
    const long v = std::stol(n, &used);
    if (used == n.size() && v >= 0) return static_cast<size_t>(v);
  } catch (const std::exception&) {
  }
  throw Error(SourcePos{path, header.first, 1},
              "expected the number of regions in the header, got \"" + n + "\"");
}

}  // namespace

WeightsFile read_gal(const std::string& path) {
  const auto lines = read_lines(path);
  if (lines.empty()) throw Error(SourcePos{path}, "empty GAL file");
  const size_t n = header_count(path, lines[0]);
  WeightsFile w;
  size_t k = 1;
  for (size_t r = 0; r < n; ++r) {
    if (k >= lines.size())
      throw Error(SourcePos{path},
                  fmt::format("the header announces {} regions, the file ends after {}", n, r));
    const auto head = tokens(lines[k].second);
    if (head.size() != 2)
      throw Error(SourcePos{path, lines[k].first, 1},
                  "expected \"id number_of_neighbours\", got \"" + lines[k].second + "\"");
    size_t count = 0;
    try {
      count = std::stoul(head[1]);
    } catch (const std::exception&) {
      throw Error(SourcePos{path, lines[k].first, 2},
                  "expected a number of neighbours, got \"" + head[1] + "\"");
    }
    w.ids.push_back(head[0]);
    ++k;
    if (count == 0) {
      // An island: GeoDa writes an empty neighbour line, which read_lines() skipped.
      continue;
    }
    if (k >= lines.size())
      throw Error(SourcePos{path}, "the file ends before the neighbours of " + head[0]);
    const auto nb = tokens(lines[k].second);
    if (nb.size() != count)
      throw Error(SourcePos{path, lines[k].first, 1},
                  fmt::format("region {} announces {} neighbours, the line lists {}", head[0],
                              count, nb.size()));
    for (const auto& j : nb) {
      w.from.push_back(head[0]);
      w.to.push_back(j);
      w.weight.push_back(1.0);
    }
    ++k;
  }
  return w;
}

WeightsFile read_gwt(const std::string& path) {
  const auto lines = read_lines(path);
  if (lines.empty()) throw Error(SourcePos{path}, "empty GWT file");
  header_count(path, lines[0]);
  WeightsFile w;
  std::unordered_set<std::string> seen;
  for (size_t k = 1; k < lines.size(); ++k) {
    const auto t = tokens(lines[k].second);
    if (t.size() != 3)
      throw Error(SourcePos{path, lines[k].first, 1},
                  "expected \"from to weight\", got \"" + lines[k].second + "\"");
    double v = 0;
    try {
      size_t used = 0;
      v = std::stod(t[2], &used);
      if (used != t[2].size()) throw std::invalid_argument("trailing");
    } catch (const std::exception&) {
      throw Error(SourcePos{path, lines[k].first, 3}, "expected a weight, got \"" + t[2] + "\"");
    }
    for (int s = 0; s < 2; ++s)
      if (seen.insert(t[s]).second) w.ids.push_back(t[s]);
    w.from.push_back(t[0]);
    w.to.push_back(t[1]);
    w.weight.push_back(v);
  }
  return w;
}

namespace {

std::ofstream open_out(const std::string& path) {
  std::ofstream out(path);
  if (!out) throw Error(SourcePos{path}, "cannot write the weights file");
  out.precision(17);
  return out;
}

}  // namespace

void write_gal(const WeightsFile& w, const std::string& path, const std::string& key) {
  std::unordered_map<std::string, std::vector<std::string>> nb;
  for (size_t k = 0; k < w.from.size(); ++k) nb[w.from[k]].push_back(w.to[k]);
  auto out = open_out(path);
  out << "0 " << w.ids.size() << " agglo " << key << "\n";
  for (const auto& id : w.ids) {
    const auto& list = nb[id];
    out << id << " " << list.size() << "\n";
    for (size_t k = 0; k < list.size(); ++k) out << (k ? " " : "") << list[k];
    out << "\n";
  }
}

void write_gwt(const WeightsFile& w, const std::string& path, const std::string& key) {
  auto out = open_out(path);
  out << "0 " << w.ids.size() << " agglo " << key << "\n";
  for (size_t k = 0; k < w.from.size(); ++k)
    out << w.from[k] << " " << w.to[k] << " " << w.weight[k] << "\n";
}

}  // namespace agglo
