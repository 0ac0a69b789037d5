#include "families/spatial/hotspot_map.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "core/text.hpp"
#include "families/spatial/weights.hpp"

namespace agglo {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr const char* kNoDataColour = "#bdbdbd";

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<int>(c));
        else
          out += c;
    }
  }
  return out;
}

std::string quoted(const std::string& s) {
  return fmt::format("\"{}\"", json_escape(s));
}

std::string json_number(double v) {
  return std::isfinite(v) ? fmt::format("{}", v) : "null";
}

// Projection of longitude/latitude to the plane: Albers equal-area conic (spherical).
struct Projection {
  bool geographic = false;
  double lon0 = 0, n = 0, c = 0, rho0 = 0;

  Point operator()(const Point& p) const {
    if (!geographic) return p;
    double dlon = p.x - lon0;
    dlon -= 360.0 * std::round(dlon / 360.0);  // unwrap around the antimeridian
    const double lam = dlon * kPi / 180, phi = p.y * kPi / 180;
    if (std::abs(n) < 1e-9) return {lam * std::cos(rho0), phi};  // equirectangular fallback
    const double rho = std::sqrt(std::max(0.0, c - 2 * n * std::sin(phi))) / n;
    const double theta = n * lam;
    return {rho * std::sin(theta), rho0 - rho * std::cos(theta)};
  }
};

// The map frames the regions with data (boundaries without data, e.g. overseas territories
// absent from the table, are drawn only where they fall inside that frame).
bool frames(const MapRegion& r, bool any_data) {
  return r.geometry && (!any_data || !r.category.empty());
}

Projection make_projection(const std::vector<MapRegion>& regions, bool geographic, bool any_data) {
  Projection pr;
  pr.geographic = geographic;
  if (!geographic) return pr;
  double sx = 0, sy = 0, lat_min = 90, lat_max = -90;
  for (const auto& r : regions) {
    if (!frames(r, any_data)) continue;
    const Point c = polygon_centroid(*r.geometry);
    if (!std::isfinite(c.x)) continue;
    sx += std::cos(c.x * kPi / 180),
        sy += std::sin(c.x * kPi / 180);  // circular mean of longitudes
    lat_min = std::min(lat_min, c.y), lat_max = std::max(lat_max, c.y);
  }
  if (lat_min > lat_max) lat_min = lat_max = 0;
  pr.lon0 = std::atan2(sy, sx) * 180 / kPi;
  const double range = lat_max - lat_min;
  const double phi1 = (lat_min + range / 6) * kPi / 180, phi2 = (lat_max - range / 6) * kPi / 180;
  const double phi0 = (lat_min + lat_max) / 2 * kPi / 180;
  pr.n = (std::sin(phi1) + std::sin(phi2)) / 2;
  if (std::abs(pr.n) < 1e-9) {
    pr.rho0 = phi0;  // the fallback keeps cos(mid latitude) here
    return pr;
  }
  pr.c = std::cos(phi1) * std::cos(phi1) + 2 * pr.n * std::sin(phi1);
  pr.rho0 = std::sqrt(pr.c - 2 * pr.n * std::sin(phi0)) / pr.n;
  return pr;
}

}  // namespace

std::vector<LegendEntry> lisa_legend() {
  return {{"HH", "High-High (hot spot)", "#d7191c"},
          {"LL", "Low-Low (cold spot)", "#2c7bb6"},
          {"LH", "Low-High (outlier)", "#abd9e9"},
          {"HL", "High-Low (outlier)", "#fdae61"},
          {"ns", "Not significant", "#eeeeee"}};
}

std::string hotspot_geojson(const std::vector<MapRegion>& regions) {
  std::string out = "{\"type\":\"FeatureCollection\",\"features\":[";
  bool first = true;
  for (const auto& r : regions) {
    if (!r.geometry) continue;
    out += first ? "\n" : ",\n";
    first = false;
    out += fmt::format("{{\"type\":\"Feature\",\"properties\":{{\"region\":{}", quoted(r.id));
    if (!r.label.empty()) out += fmt::format(",\"name\":{}", quoted(r.label));
    out += fmt::format(",\"cluster\":{}",
                       r.category.empty() ? std::string("null") : quoted(r.category));
    for (const auto& [k, v] : r.text) out += fmt::format(",{}:{}", quoted(k), quoted(v));
    for (const auto& [k, v] : r.numbers) out += fmt::format(",{}:{}", quoted(k), json_number(v));
    out += "},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[";
    for (size_t p = 0; p < r.geometry->parts.size(); ++p) {
      out += p ? ",[" : "[";
      const auto& rings = r.geometry->parts[p].rings;
      for (size_t k = 0; k < rings.size(); ++k) {
        out += k ? ",[" : "[";
        for (size_t v = 0; v < rings[k].size(); ++v)
          out += fmt::format("{}[{},{}]", v ? "," : "", rings[k][v].x, rings[k][v].y);
        out += "]";
      }
      out += "]";
    }
    out += "]}}";
  }
  out += "\n]}\n";
  return out;
}

std::string choropleth_svg(const std::vector<MapRegion>& regions, bool geographic,
                           const std::vector<LegendEntry>& legend, const MapStyle& style) {
  const bool any_data = std::any_of(regions.begin(), regions.end(),
                                    [](const MapRegion& r) { return !r.category.empty(); });
  const Projection project = make_projection(regions, geographic, any_data);
  double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
  for (const auto& r : regions)
    if (frames(r, any_data))
      for (const auto& part : r.geometry->parts)
        for (const auto& ring : part.rings)
          for (const auto& pt : ring) {
            const Point q = project(pt);
            x0 = std::min(x0, q.x), x1 = std::max(x1, q.x), y0 = std::min(y0, q.y),
            y1 = std::max(y1, q.y);
          }
  const double width = style.width, pad = 10;
  const double span_x = std::max(x1 - x0, 1e-12), span_y = std::max(y1 - y0, 1e-12);
  const double scale = (width - 2 * pad) / span_x;
  const double map_height = std::min(style.max_height, span_y * scale + 2 * pad);
  const double s = std::min(scale, (map_height - 2 * pad) / span_y);
  std::map<std::string, std::string> colour;
  std::map<std::string, int> count;
  for (const auto& e : legend) colour[e.category] = e.colour;
  std::string paths;
  for (const auto& r : regions) {
    if (!r.geometry) continue;
    ++count[r.category];
    std::string d;
    for (const auto& part : r.geometry->parts)
      for (const auto& ring : part.rings) {
        for (size_t v = 0; v < ring.size(); ++v) {
          const Point q = project(ring[v]);
          d += fmt::format("{}{:.1f},{:.1f}", v ? "L" : "M", pad + (q.x - x0) * s,
                           pad + (y1 - q.y) * s);
        }
        d += "Z";
      }
    const auto it = colour.find(r.category);
    const std::string fill = it != colour.end() ? it->second : kNoDataColour;
    std::string tip = r.id + (r.label.empty() ? "" : " " + r.label) + ": " +
                      (r.category.empty() ? "no data" : r.category);
    for (const auto& [k, v] : r.numbers)
      if (std::isfinite(v)) tip += fmt::format("\n{} = {:.4g}", k, v);
    paths += fmt::format("<path d=\"{}\" fill=\"{}\"><title>{}</title></path>\n", d, fill,
                         html_escape(tip));
  }
  // Legend below the map: entries flow left to right (text width estimated at 0.6 em a
  // character), wrapping at the map's width.
  std::vector<std::pair<std::string, std::string>> entries;  // colour, text
  for (const auto& e : legend)
    entries.emplace_back(e.colour, fmt::format("{} ({})", e.label, count[e.category]));
  if (count.count(""))
    entries.emplace_back(kNoDataColour, fmt::format("No data or no neighbours ({})", count[""]));
  const double fs = style.font_size, line = 1.5 * fs, box = 0.9 * fs;
  std::string keys;
  double x = pad, y = map_height + 0.4 * fs;
  for (const auto& [fill, text] : entries) {
    const double w = box + 0.4 * fs + 0.6 * fs * static_cast<double>(text.size()) + fs;
    if (x > pad && x + w > width - pad) x = pad, y += line;
    keys += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" "
        "stroke=\"#999\" stroke-width=\"0.5\"/><text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
        x, y, box, box, fill, x + box + 0.4 * fs, y + 0.8 * fs, html_escape(text));
    x += w;
  }
  const double height = y + line;
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
      "width=\"{0:.0f}\" height=\"{1:.0f}\" class=\"choropleth\">\n"
      "<g stroke=\"#fff\" stroke-width=\"0.3\" fill-rule=\"evenodd\">\n{2}</g>\n"
      "<g font-family=\"sans-serif\" font-size=\"{3:.0f}\" fill=\"#222\">\n{4}</g>\n</svg>\n",
      width, height, paths, fs, keys);
}

std::string choropleth_html(const std::vector<MapRegion>& regions, bool geographic,
                            const std::string& title, const std::string& subtitle,
                            const std::vector<LegendEntry>& legend) {
  return fmt::format(
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{0}</title>\n<style>\n"
      "body{{font-family:sans-serif;margin:1.5em;color:#222}} h1{{font-size:1.3em;margin:0}} "
      "p{{margin:.3em 0 1em;color:#555}}\n"
      "svg{{max-width:100%;height:auto;border:1px solid #ddd}} "
      "path:hover{{stroke:#000;stroke-width:1}}\n"
      "</style></head><body>\n<h1>{0}</h1><p>{1}</p>\n{2}</body></html>\n",
      html_escape(title), html_escape(subtitle), choropleth_svg(regions, geographic, legend));
}

namespace {

std::string property(const GeoFeature& f, std::initializer_list<const char*> names) {
  for (const char* n : names)
    for (const auto& [k, v] : f.properties)
      if (k == n) return v;
  return "";
}

}  // namespace

std::vector<MapRegion> hotspot_map_regions(const std::vector<GeoFeature>& features,
                                           const std::vector<std::string>& ids,
                                           const Eigen::VectorXd& y, const std::string& variable,
                                           const HotspotResult& result,
                                           const std::vector<std::string>& names) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < ids.size(); ++i) index[ids[i]] = i;
  std::vector<MapRegion> regions;
  regions.reserve(features.size());
  for (const auto& f : features) {
    MapRegion r;
    r.id = f.id;
    r.geometry = &f.geometry;
    const auto it = index.find(f.id);
    r.label = it != index.end() && it->second < names.size()
                  ? names[it->second]
                  : property(f, {"name", "NAME", "COUNTYNAME", "COUNTYENG", "STATE_NAME"});
    if (it != index.end()) {
      const size_t i = it->second;
      const auto e = static_cast<Eigen::Index>(i);
      // A region without local statistic (no neighbours) has no class on the map.
      if (!std::isnan(result.moran.Is(e))) r.category = result.cluster[i];
      r.text = {{"quadrant", result.quadrant[i]}, {"hotspot", result.hotspot[i]}};
      r.numbers = {{variable, y(e)},
                   {"Is", result.moran.Is(e)},
                   {"moran_p", result.moran_p_adjusted[i]},
                   {"gstar_z", result.gstar.z(e)},
                   {"gstar_p", result.gstar_p_adjusted[i]}};
    }
    regions.push_back(std::move(r));
  }
  return regions;
}

}  // namespace agglo
