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

}  // namespace agglo::report
