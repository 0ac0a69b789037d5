// Hot-spot maps as text: a GeoJSON FeatureCollection with the results as properties, an inline
// SVG choropleth with legend (embedded by `agglo profile`), and a self-contained HTML page
// around it (no scripts or external requests), suitable for printing or mailing.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "core/geometry.hpp"
#include "families/spatial/hotspots.hpp"
#include "io/geo.hpp"

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

struct MapStyle {
  double width = 960;        // of the SVG, in px; the height follows the layer's shape
  double max_height = 1400;  // of the map (the legend is added below)
  double font_size = 14;     // legend text
};

// Inline SVG choropleth with its legend below the map (entries with their region counts, and
// "No data" for regions without a category). Longitude/latitude layers are drawn in an Albers
// equal-area conic projection with standard parallels at 1/6 and 5/6 of the layer's latitude
// range (unwrapped around the antimeridian); projected layers as they are. The frame holds
// the regions with a category; regions without data are grey and drawn only where they fall
// inside it. Styles are attributes, so the SVG can be embedded in any page.
std::string choropleth_svg(const std::vector<MapRegion>& regions, bool geographic,
                           const std::vector<LegendEntry>& legend, const MapStyle& style = {});

// A self-contained HTML page: title, subtitle and choropleth_svg.
std::string choropleth_html(const std::vector<MapRegion>& regions, bool geographic,
                            const std::string& title, const std::string& subtitle,
                            const std::vector<LegendEntry>& legend);

// The regions of a boundary layer for a hot-spot map: the LISA cluster of each region of
// `ids` as category (none for a region without local statistic, e.g. an island, or outside
// `ids`), the variable `variable` = y, I_i, p-values, G_i* z and the quadrant / hot spot as
// properties; the label is the feature's name property (name, NAME, COUNTYNAME, COUNTYENG,
// STATE_NAME) or `names` when given (same order as `ids`). The regions point into `features`.
std::vector<MapRegion> hotspot_map_regions(const std::vector<GeoFeature>& features,
                                           const std::vector<std::string>& ids,
                                           const Eigen::VectorXd& y, const std::string& variable,
                                           const HotspotResult& result,
                                           const std::vector<std::string>& names = {});

// The LISA cluster legend (GeoDa colours): HH, LL, LH, HL, not significant.
std::vector<LegendEntry> lisa_legend();

}  // namespace agglo
