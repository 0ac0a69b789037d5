#include "io/geo.hpp"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <gdal.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"

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

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};

Ring read_ring(const OGRLinearRing* ring) {
  Ring r;
  if (!ring) return r;
  const int n = ring->getNumPoints();
  r.reserve(n);
  for (int k = 0; k < n; ++k) r.push_back({ring->getX(k), ring->getY(k)});
  return r;
}

Polygon read_polygon(const OGRPolygon* poly) {
  Polygon p;
  if (poly->IsEmpty()) return p;
  p.rings.push_back(read_ring(poly->getExteriorRing()));
  for (int k = 0; k < poly->getNumInteriorRings(); ++k)
    p.rings.push_back(read_ring(poly->getInteriorRing(k)));
  return p;
}

// Polygon parts of a geometry; false when it holds anything but polygons.
bool collect_polygons(const OGRGeometry* g, MultiPolygon& out) {
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
      if (!g->IsEmpty()) out.parts.push_back(read_polygon(g->toPolygon()));
      return true;
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
      const auto* c = g->toGeometryCollection();
      for (int k = 0; k < c->getNumGeometries(); ++k)
        if (!collect_polygons(c->getGeometryRef(k), out)) return false;
      return true;
    }
    default:
      return g->IsEmpty();
  }
}

std::string layer_names(GDALDataset& ds) {
  std::string s;
  for (int k = 0; k < ds.GetLayerCount(); ++k)
    s += (k ? ", " : "") + std::string(ds.GetLayer(k)->GetName());
  return s;
}

std::string field_names(OGRFeatureDefn* defn) {
  std::string s;
  for (int k = 0; k < defn->GetFieldCount(); ++k)
    s += (k ? ", " : "") + std::string(defn->GetFieldDefn(k)->GetNameRef());
  return s.empty() ? "(none)" : s;
}

bool coordinates_in_lonlat_range(const std::vector<GeoFeature>& features) {
  for (const auto& f : features)
    for (const auto& p : f.geometry.parts)
      for (const auto& r : p.rings)
        for (const auto& pt : r)
          if (pt.x < -180 || pt.x > 180 || pt.y < -90 || pt.y > 90) return false;
  return true;
}

}  // namespace

namespace {

std::unique_ptr<GDALDataset, DatasetCloser> open_vector(const std::string& path) {
  static std::once_flag registered;
  std::call_once(registered, [] { GDALAllRegister(); });
  CPLErrorReset();
  std::unique_ptr<GDALDataset, DatasetCloser> ds(GDALDataset::Open(
      path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) {
    const std::string why = CPLGetLastErrorMsg();
    throw Error(SourcePos{path}, "cannot read the boundary file (GeoJSON, TopoJSON or shapefile)" +
                                     (why.empty() ? std::string() : ": " + why));
  }
  if (ds->GetLayerCount() == 0) throw Error(SourcePos{path}, "the file holds no layer");
  return ds;
}

}  // namespace

std::vector<std::string> geo_layer_names(const std::string& path) {
  const auto ds = open_vector(path);
  std::vector<std::string> out;
  for (int k = 0; k < ds->GetLayerCount(); ++k) out.emplace_back(ds->GetLayer(k)->GetName());
  return out;
}

GeoLayer read_geo_layer(const std::string& path, const GeoReadOptions& options) {
  const auto ds = open_vector(path);
  OGRLayer* layer =
      options.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(options.layer.c_str());
  if (!layer)
    throw UsageError(SourcePos{path}, fmt::format("no layer \"{}\"; the layers are: {}",
                                                  options.layer, layer_names(*ds)));
  GeoLayer out;
  out.source = path;
  out.layer = layer->GetName();
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  int id_field = -1;
  if (!options.id_field.empty()) {
    id_field = defn->GetFieldIndex(options.id_field.c_str());
    if (id_field < 0)
      throw UsageError(SourcePos{path},
                       fmt::format("layer \"{}\" has no field \"{}\"; its fields are: {}",
                                   out.layer, options.id_field, field_names(defn)));
  } else {
    for (const char* name : {"region", "id", "GEOID", "code"})
      if ((id_field = defn->GetFieldIndex(name)) >= 0) break;
    if (id_field < 0)
      throw UsageError(
          SourcePos{path},
          fmt::format("layer \"{}\": name the id field (none of region, id, GEOID, code "
                      "exists); its fields are: {}",
                      out.layer, field_names(defn)));
  }
  const bool check_valid =
      options.validate != GeoReadOptions::Validation::Off && OGRGeometryFactory::haveGEOS();
  std::vector<std::string> invalid;
  std::unordered_map<std::string, int64_t> seen;
  std::vector<std::string> dropped;
  layer->ResetReading();
  int64_t index = 0;
  for (auto& feature : *layer) {
    ++index;
    const std::string where = fmt::format("feature {}", index);
    if (!feature->IsFieldSetAndNotNull(id_field) ||
        std::string(feature->GetFieldAsString(id_field)).empty())
      throw Error(SourcePos{path}, fmt::format("{} has no id (field \"{}\" is missing or empty)",
                                               where, defn->GetFieldDefn(id_field)->GetNameRef()));
    GeoFeature f;
    f.id = feature->GetFieldAsString(id_field);
    if (auto [it, fresh] = seen.emplace(f.id, index); !fresh)
      throw Error(SourcePos{path},
                  fmt::format("duplicate id \"{}\" (features {} and {})", f.id, it->second, index));
    const OGRGeometry* g = feature->GetGeometryRef();
    if (g && !collect_polygons(g, f.geometry))
      throw Error(SourcePos{path},
                  fmt::format("{} (id \"{}\"): expected a polygon, got a {}", where, f.id,
                              OGRGeometryTypeToName(g->getGeometryType())));
    if (f.geometry.empty()) {
      if (!options.drop_empty)
        throw Error(SourcePos{path},
                    fmt::format("{} (id \"{}\") has an empty geometry", where, f.id));
      dropped.push_back(f.id);
      continue;
    }
    if (check_valid) {
      // GEOS reports the reason through GDAL's error handler: keep it quiet and quote it.
      CPLPushErrorHandler(CPLQuietErrorHandler);
      CPLErrorReset();
      const bool valid = g->IsValid();
      const std::string why = CPLGetLastErrorMsg();
      CPLPopErrorHandler();
      if (!valid && options.validate == GeoReadOptions::Validation::Error)
        throw Error(SourcePos{path},
                    fmt::format("{} (id \"{}\"): invalid polygon{}; repair it (e.g. ogr2ogr "
                                "-makevalid) or set validate to warn",
                                where, f.id, why.empty() ? "" : " (" + why + ")"));
      if (!valid) invalid.push_back(f.id);
    }
    for (int k = 0; k < defn->GetFieldCount(); ++k)
      if (k != id_field)
        f.properties.emplace_back(
            defn->GetFieldDefn(k)->GetNameRef(),
            feature->IsFieldSetAndNotNull(k) ? feature->GetFieldAsString(k) : "");
    out.features.push_back(std::move(f));
  }
  if (!dropped.empty()) {
    std::string list;
    for (size_t k = 0; k < dropped.size() && k < 10; ++k) list += (k ? ", " : "") + dropped[k];
    out.warnings.push_back(fmt::format("{}: {} feature(s) with an empty geometry left out: {}{}",
                                       path, dropped.size(), list,
                                       dropped.size() > 10 ? ", ..." : ""));
  }
  if (!invalid.empty()) {
    std::string list;
    for (size_t k = 0; k < invalid.size() && k < 10; ++k) list += (k ? ", " : "") + invalid[k];
    out.warnings.push_back(
        fmt::format("{}: {} invalid (e.g. self-intersecting) polygon(s), used as they are: {}{}",
                    path, invalid.size(), list, invalid.size() > 10 ? ", ..." : ""));
  }
  const OGRSpatialReference* srs = layer->GetSpatialRef();
  out.geographic = (!srs || srs->IsGeographic()) && coordinates_in_lonlat_range(out.features);
  return out;
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
