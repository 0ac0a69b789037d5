// The boundary-file reader behind io/geo: a plugin (libagglo_gdal.so, built from plugins/gdal)
// that holds everything GDAL, so that only a command that reads a boundary file pays for loading
// GDAL's large tree of shared libraries. Plugin and host are built together with the same
// compiler, so they pass the plain structs of io/geo.hpp; errors come back as values, never as
// exceptions across the boundary.
#pragma once

#include <string>
#include <vector>

#include "io/geo.hpp"

namespace agglo {

struct GeoPluginError {
  bool usage = false;   // a mistake in the call (unknown layer or field): UsageError
  std::string message;  // what went wrong, without the file name (the host adds it)
};

struct GeoPluginApi {
  // Both return false and fill `error` on failure.
  bool (*read_layer)(const std::string& path, const GeoReadOptions& options, GeoLayer& out,
                     GeoPluginError& error);
  bool (*layer_names)(const std::string& path, std::vector<std::string>& out,
                      GeoPluginError& error);
};

// The plugin's one exported symbol: returns its table of functions.
extern "C" const GeoPluginApi* agglo_geo_plugin_api();
using GeoPluginEntry = const GeoPluginApi* (*)();
inline constexpr const char* kGeoPluginEntry = "agglo_geo_plugin_api";
inline constexpr const char* kGeoPluginFile = "libagglo_gdal.so";

// Loads the plugin, looking in turn at $AGGLO_GDAL_PLUGIN, beside the running executable, and
// where the build put it; throws Error (naming the places tried) when it is nowhere.
const GeoPluginApi* load_geo_plugin();

}  // namespace agglo
