// Inline SVG charts for the HTML report: heat map, bar chart (grouped components), line chart,
// scatter/bubble chart. Plain strings, no scripts, no external resources.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

namespace agglo::report {

struct HeatmapStyle {
  std::string title;
  double center = 1.0;  // value drawn white (LQ = 1); below blue, above red, on a log scale
  bool log_scale = true;
  int cell = 12;      // cell size in pixels
  double clip = 4.0;  // colours saturate at center * clip and center / clip (log scale)
};
// Rows x columns heat map; NA cells grey. Labels are shown on the left and at the top.
std::string svg_heatmap(const std::vector<std::string>& row_labels,
                        const std::vector<std::string>& col_labels, const Eigen::MatrixXd& values,
                        const HeatmapStyle& style = {});

struct Series {
  std::string name;
  std::vector<double> values;
};

// Horizontal bars: one group per label, one bar per series (e.g. shift-share components).
std::string svg_bar_chart(const std::vector<std::string>& labels, const std::vector<Series>& series,
                          const std::string& title = "");

// Lines over an ordered x axis (periods).
std::string svg_line_chart(const std::vector<std::string>& x_labels,
                           const std::vector<Series>& series, const std::string& title = "");

struct Point {
  std::string label;
  double x = 0, y = 0;
  double size = 1;  // relative bubble area
  int group = 0;    // colour index
};
struct ScatterStyle {
  std::string title, x_label, y_label;
  double x_ref = NAN, y_ref = NAN;  // quadrant lines (NaN = none)
  bool label_points = true;
  std::vector<std::string> group_names;
};
std::string svg_scatter(const std::vector<Point>& points, const ScatterStyle& style = {});

// The palette used for series and groups.
const char* palette(int k);

// Radar (spider) chart: one spoke per axis, one closed polygon per series, all on one radial
// scale, by default from min(0, smallest value) to the largest value rounded up (a Likert scale
// reads better from its lowest answer: set `min`). An NA value leaves a gap in its series'
// outline (no vertex is invented) and the axis label says which series lack it.
struct RadarScale {
  double min = NAN, max = NAN;  // NaN = automatic
};
std::string svg_radar(const std::vector<std::string>& axes, const std::vector<Series>& series,
                      const std::string& title = "", const RadarScale& scale = {});

// Network chart (e.g. the industry space): nodes at given positions, or laid out by
// force_directed_layout when any position is NaN; straight edges drawn under the nodes, their
// opacity growing with the weight. Nodes with `emphasis` are drawn last, outlined and labelled.
struct NetworkNode {
  std::string label;        // tooltip, and the text beside an emphasised node
  double x = NAN, y = NAN;  // position in any units (scaled to fit)
  double size = 1;          // relative area
  int group = 0;            // colour: NetworkStyle::group_colors[group] (or the palette)
  bool emphasis = false;
  std::string tooltip;  // extra lines of the tooltip
};
struct NetworkEdge {
  size_t from = 0, to = 0;
  double weight = 1;
};
struct NetworkStyle {
  std::string title;
  std::vector<std::string> group_colors;  // CSS colours by group; empty = palette()
  std::vector<std::string> group_names;   // legend (one per group)
  int width = 760, height = 560;
  int layout_iterations = 300;
  unsigned layout_seed = 1;
};
// Fruchterman & Reingold (1991) spring layout on the unit square: repulsion k^2/d between all
// pairs, attraction w d^2/k along the edges (w = weight / largest weight), a weak pull to the
// centre so that separate components stay in view, and a linearly cooling step. Starting
// points come from a fixed-seed generator, so the same graph always gets the same picture.
std::vector<std::pair<double, double>> force_directed_layout(size_t n,
                                                             const std::vector<NetworkEdge>& edges,
                                                             int iterations = 300,
                                                             unsigned seed = 1);
std::string svg_network(const std::vector<NetworkNode>& nodes,
                        const std::vector<NetworkEdge>& edges, const NetworkStyle& style = {});

}  // namespace agglo::report
