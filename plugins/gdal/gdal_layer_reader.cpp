// The GDAL side of agglo's boundary-file reader (see src/io/geo_plugin.hpp): built as the plugin
// libagglo_gdal.so, loaded by the agglo engine only when a boundary file is read. It uses no
// agglo symbol; failures go back to the host as GeoPluginError values.
#include <memory>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>
#include <gdal.h>
#include <ogrsf_frmts.h>

#include "io/geo_plugin.hpp"

namespace agglo {

namespace {

// A failure inside the plugin; caught at the boundary and returned as a GeoPluginError.
struct Fail {
  Fail(bool usage_error, std::string what) : usage(usage_error), message(std::move(what)) {}
  bool usage;
  std::string message;
};

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

std::string list_layers(GDALDataset& ds) {
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

std::unique_ptr<GDALDataset, DatasetCloser> open_vector(const std::string& path) {
  static std::once_flag registered;
  std::call_once(registered, [] { GDALAllRegister(); });
  CPLErrorReset();
  std::unique_ptr<GDALDataset, DatasetCloser> ds(GDALDataset::Open(
      path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) {
    const std::string why = CPLGetLastErrorMsg();
    throw Fail(false, "cannot read the boundary file (GeoJSON, TopoJSON or shapefile)" +
                          (why.empty() ? std::string() : ": " + why));
  }
  if (ds->GetLayerCount() == 0) throw Fail(false, "the file holds no layer");
  return ds;
}

std::vector<std::string> layer_names_of(const std::string& path) {
  const auto ds = open_vector(path);
  std::vector<std::string> out;
  for (int k = 0; k < ds->GetLayerCount(); ++k) out.emplace_back(ds->GetLayer(k)->GetName());
  return out;
}

GeoLayer read_layer_of(const std::string& path, const GeoReadOptions& options) {
  const auto ds = open_vector(path);
  OGRLayer* layer =
      options.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(options.layer.c_str());
  if (!layer)
    throw Fail(true,
               fmt::format("no layer \"{}\"; the layers are: {}", options.layer, list_layers(*ds)));
  GeoLayer out;
  out.source = path;
  out.layer = layer->GetName();
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  int id_field = -1;
  if (!options.id_field.empty()) {
    id_field = defn->GetFieldIndex(options.id_field.c_str());
    if (id_field < 0)
      throw Fail(true, fmt::format("layer \"{}\" has no field \"{}\"; its fields are: {}",
                                   out.layer, options.id_field, field_names(defn)));
  } else {
    for (const char* name : {"region", "id", "GEOID", "code"})
      if ((id_field = defn->GetFieldIndex(name)) >= 0) break;
    if (id_field < 0)
      throw Fail(true,
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
      throw Fail(false, fmt::format("{} has no id (field \"{}\" is missing or empty)", where,
                                    defn->GetFieldDefn(id_field)->GetNameRef()));
    GeoFeature f;
    f.id = feature->GetFieldAsString(id_field);
    if (auto [it, fresh] = seen.emplace(f.id, index); !fresh)
      throw Fail(false,
                 fmt::format("duplicate id \"{}\" (features {} and {})", f.id, it->second, index));
    const OGRGeometry* g = feature->GetGeometryRef();
    if (g && !collect_polygons(g, f.geometry))
      throw Fail(false, fmt::format("{} (id \"{}\"): expected a polygon, got a {}", where, f.id,
                                    OGRGeometryTypeToName(g->getGeometryType())));
    if (f.geometry.empty()) {
      if (!options.drop_empty)
        throw Fail(false, fmt::format("{} (id \"{}\") has an empty geometry", where, f.id));
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
        throw Fail(false, fmt::format("{} (id \"{}\"): invalid polygon{}; repair it (e.g. ogr2ogr "
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

template <class Work>
bool guarded(GeoPluginError& error, Work&& work) {
  try {
    work();
    return true;
  } catch (const Fail& f) {
    error = GeoPluginError{f.usage, f.message};
  } catch (const std::exception& e) {
    error = GeoPluginError{false, e.what()};
  }
  return false;
}

bool read_layer(const std::string& path, const GeoReadOptions& options, GeoLayer& out,
                GeoPluginError& error) {
  return guarded(error, [&] { out = read_layer_of(path, options); });
}

bool layer_names(const std::string& path, std::vector<std::string>& out, GeoPluginError& error) {
  return guarded(error, [&] { out = layer_names_of(path); });
}

}  // namespace

}  // namespace agglo

extern "C" __attribute__((visibility("default"))) const agglo::GeoPluginApi*
agglo_geo_plugin_api() {
  static const agglo::GeoPluginApi api{agglo::read_layer, agglo::layer_names};
  return &api;
}
