// Boundary layers through GDAL: GeoJSON, TopoJSON (one layer per object) and shapefiles.
// A layer is read into plain polygons with one id per feature; the join of its ids with a
// table's region codes reports the codes found on one side only. Also the spatial-weights
// file formats (GeoDa GAL and GWT, edge-list CSV).
#pragma once

#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace agglo {

struct GeoFeature {
  std::string id;
  MultiPolygon geometry;
  std::vector<std::pair<std::string, std::string>> properties;  // the other fields, as text
};

struct GeoLayer {
  std::string source;       // file name
  std::string layer;        // layer (TopoJSON object) name
  bool geographic = false;  // longitude/latitude coordinates (geographic CRS, values in range)
  std::vector<GeoFeature> features;
  std::vector<std::string> warnings;  // e.g. features dropped for an empty geometry

  std::vector<std::string> ids() const;
  std::vector<MultiPolygon> geometries() const;
};

struct GeoReadOptions {
  std::string layer;     // empty = the first layer (the only one of GeoJSON and shapefiles)
  std::string id_field;  // empty = the first of "region", "id", "GEOID", "code" that exists
  // Invalid polygons (self-intersecting rings, crossing rings; GEOS IsValid): an error, a
  // warning listing them (generalised boundary files often have a few), or no check.
  enum class Validation { Error, Warn, Off };
  Validation validate = Validation::Error;
  bool drop_empty = true;  // drop features with an empty geometry (with a warning), else error
};

// Reads a polygon layer. Errors name the file, the feature and the problem: unknown layer
// (listing the layers), unknown id field (listing the fields), a missing or duplicate id, a
// non-polygon or invalid geometry.
GeoLayer read_geo_layer(const std::string& path, const GeoReadOptions& options = {});

// The names of the layers of a boundary file (TopoJSON: one per object), in file order.
std::vector<std::string> geo_layer_names(const std::string& path);

// Matching of a layer's ids with a table's codes.
struct CodeJoin {
  std::vector<std::string> matched;        // in the table's order
  std::vector<std::string> only_in_layer;  // boundaries without data
  std::vector<std::string> only_in_table;  // data without boundaries
  // "3 codes of the table have no boundary: 51610, 02270, ...; 2 boundaries have no data: ..."
  // (empty when everything matches).
  std::string describe(size_t max_listed = 10) const;
};

CodeJoin join_codes(const std::vector<std::string>& layer_ids,
                    const std::vector<std::string>& table_codes);

// A weights file as directed (from, to, weight) triples plus the ids the file declares.
struct WeightsFile {
  std::vector<std::string> ids;  // every region named (GAL lists also islands)
  std::vector<std::string> from, to;
  std::vector<double> weight;
};

// GeoDa GAL: header "0 n [shape] [key]" or "n", then per region "id k" and a line of k ids.
WeightsFile read_gal(const std::string& path);
// GeoDa GWT: header "0 n shape key" or "n", then one line "from to weight" per link.
WeightsFile read_gwt(const std::string& path);
void write_gal(const WeightsFile& w, const std::string& path, const std::string& key = "id");
void write_gwt(const WeightsFile& w, const std::string& path, const std::string& key = "id");

}  // namespace agglo
