// Hot-spot maps as text: a GeoJSON FeatureCollection with the results as properties, and a
// self-contained HTML page with an SVG choropleth (inline styles, no scripts or external
// requests), suitable for printing or mailing.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/geometry.hpp"

namespace agglo {

struct MapRegion {
  std::string id;
  std::string label;  // name shown in the tooltip (may be empty)
  const MultiPolygon* geometry = nullptr;
  std::string category;  // legend class, e.g. "HH"; empty = no data
  std::vector<std::pair<std::string, std::string>> text;  // extra GeoJSON properties
  std::vector<std::pair<std::string, double>> numbers;    // NaN is written as null
};

struct LegendEntry {
  std::string category;  // as in MapRegion::category
  std::string label;     // text in the legend
  std::string colour;    // CSS colour
};

// GeoJSON (RFC 7946 layout; coordinates as read, shortest round-trip decimals).
std::string hotspot_geojson(const std::vector<MapRegion>& regions);

// HTML page with an SVG map: longitude/latitude layers are drawn in an Albers equal-area conic
// projection with standard parallels at 1/6 and 5/6 of the layer's latitude range (unwrapped
// around the antimeridian); projected layers as they are. Regions without data are grey.
std::string choropleth_html(const std::vector<MapRegion>& regions, bool geographic,
                            const std::string& title, const std::string& subtitle,
                            const std::vector<LegendEntry>& legend);

// The LISA cluster legend (GeoDa colours): HH, LL, LH, HL, not significant.
std::vector<LegendEntry> lisa_legend();

}  // namespace agglo
