#include "report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

#include <fmt/format.h>

#include "report/html.hpp"

namespace agglo::report {

const char* palette(int k) {
  static const char* colors[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                 "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
  return colors[((k % 10) + 10) % 10];
}

namespace {

// Diverging blue-white-red colour for t in [-1, 1].
std::string diverging(double t) {
  t = std::clamp(t, -1.0, 1.0);
  int r, g, b;
  if (t < 0) {
    r = static_cast<int>(255 + t * (255 - 33));
    g = static_cast<int>(255 + t * (255 - 102));
    b = static_cast<int>(255 + t * (255 - 172));
  } else {
    r = static_cast<int>(255 + t * (178 - 255));
    g = static_cast<int>(255 + t * (24 - 255));
    b = static_cast<int>(255 + t * (43 - 255));
  }
  return fmt::format("#{:02x}{:02x}{:02x}", r, g, b);
}

std::string shorten(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "…";
}

std::string nice(double v) {
  return fmt::format("{:.3g}", v);
}

struct Range {
  double lo = INFINITY, hi = -INFINITY;
  void add(double v) {
    if (std::isfinite(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  void finish(bool include_zero) {
    if (!std::isfinite(lo)) lo = 0, hi = 1;
    if (include_zero) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
    if (hi == lo) hi = lo + 1;
    const double pad = (hi - lo) * 0.05;
    lo -= pad;
    hi += pad;
  }
};

}  // namespace

std::string svg_heatmap(const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                        const Eigen::MatrixXd& v, const HeatmapStyle& style) {
  const int cell = style.cell, left = 150, top = 110;
  const int w = left + cell * static_cast<int>(cols.size()) + 20;
  const int h = top + cell * static_cast<int>(rows.size()) + 40;
  double span = 0;
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    const double x = v.data()[i];
    if (!std::isfinite(x) || (style.log_scale && x <= 0)) continue;
    span =
        std::max(span, std::abs(style.log_scale ? std::log(x / style.center) : x - style.center));
  }
  if (span == 0) span = 1;
  if (style.clip > 0) span = std::min(span, style.log_scale ? std::log(style.clip) : style.clip);
  std::ostringstream out;
  out << fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" font-size=\"9\">",
      w, h, w);
  if (!style.title.empty()) out << "<title>" << escape(style.title) << "</title>";
  for (size_t c = 0; c < cols.size(); ++c)
    out << fmt::format("<text transform=\"translate({},{}) rotate(-60)\">{}</text>",
                       left + cell * c + cell / 2 + 3, top - 4, escape(shorten(cols[c], 22)));
  for (size_t r = 0; r < rows.size(); ++r) {
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", left - 4,
                       top + cell * r + cell - 3, escape(shorten(rows[r], 24)));
    for (size_t c = 0; c < cols.size(); ++c) {
      const double x = v(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
      std::string fill = "#cccccc";
      if (std::isfinite(x)) {
        if (style.log_scale)
          fill = x <= 0 ? diverging(-1) : diverging(std::log(x / style.center) / span);
        else
          fill = diverging((x - style.center) / span);
      }
      out << fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{} × {}: "
          "{}</title></rect>",
          left + cell * c, top + cell * r, cell - 1, cell - 1, fill, escape(rows[r]),
          escape(cols[c]), std::isfinite(x) ? nice(x) : "NA");
    }
  }
  // Legend.
  const int ly = top + cell * static_cast<int>(rows.size()) + 14;
  for (int k = 0; k <= 10; ++k) {
    const double t = -1 + 0.2 * k;
    out << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{}\"/>",
                       left + 14 * k, ly, diverging(t));
  }
  const double lo = style.log_scale ? style.center * std::exp(-span) : style.center - span;
  const double hi = style.log_scale ? style.center * std::exp(span) : style.center + span;
  out << fmt::format(
      "<text x=\"{}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\">{}</text><text x=\"{}\" "
      "y=\"{}\">{}</text>",
      left, ly + 22, nice(lo), left + 70, ly + 22, nice(style.center), left + 140, ly + 22,
      nice(hi));
  out << "</svg>";
  return out.str();
}

std::string svg_bar_chart(const std::vector<std::string>& labels, const std::vector<Series>& series,
                          const std::string& title) {
  const int left = 170, right = 30, bar = 9, gap = 8, width = 720;
  const int group_h = bar * static_cast<int>(std::max<size_t>(series.size(), 1)) + gap;
  const int top = 28 + 16 * static_cast<int>((series.size() + 3) / 4);
  const int h = top + group_h * static_cast<int>(labels.size()) + 30;
  Range range;
  for (const auto& s : series)
    for (double v : s.values) range.add(v);
  range.finish(true);
  auto X = [&](double v) {
    return left + (v - range.lo) / (range.hi - range.lo) * (width - left - right);
  };
  std::ostringstream out;
  out << fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" font-size=\"11\">",
      width, h, width);
  if (!title.empty())
    out << fmt::format("<text x=\"{}\" y=\"14\" font-weight=\"bold\">{}</text>", left,
                       escape(title));
  for (size_t s = 0; s < series.size(); ++s)
    out << fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{}\" "
        "y=\"{}\">{}</text>",
        left + 140 * (s % 4), 20 + 16 * (s / 4), palette(static_cast<int>(s)),
        left + 140 * (s % 4) + 14, 29 + 16 * (s / 4), escape(series[s].name));
  const double x0 = X(0);
  out << fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#555\"/>", x0,
                     top - 4, h - 24);
  for (size_t l = 0; l < labels.size(); ++l) {
    const int gy = top + group_h * static_cast<int>(l);
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", left - 6,
                       gy + group_h / 2 + 2, escape(shorten(labels[l], 28)));
    for (size_t s = 0; s < series.size(); ++s) {
      const double v = l < series[s].values.size() ? series[s].values[l] : NAN;
      if (!std::isfinite(v)) continue;
      const double x = X(v);
      out << fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}: "
          "{}</title></rect>",
          std::min(x, x0), gy + bar * s, std::max(std::abs(x - x0), 0.5), bar - 1,
          palette(static_cast<int>(s)), escape(series[s].name), nice(v));
    }
  }
  out << fmt::format(
      "<text x=\"{}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
      left, h - 8, nice(range.lo), width - right, h - 8, nice(range.hi));
  out << "</svg>";
  return out.str();
}

std::string svg_line_chart(const std::vector<std::string>& x_labels,
                           const std::vector<Series>& series, const std::string& title) {
  const int left = 60, right = 150, top = 26, bottom = 30, width = 720, height = 300;
  Range range;
  for (const auto& s : series)
    for (double v : s.values) range.add(v);
  range.finish(false);
  const size_t n = std::max<size_t>(x_labels.size(), 2);
  auto X = [&](size_t k) {
    return left + static_cast<double>(k) / static_cast<double>(n - 1) * (width - left - right);
  };
  auto Y = [&](double v) {
    return top + (range.hi - v) / (range.hi - range.lo) * (height - top - bottom);
  };
  std::ostringstream out;
  out << fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" font-size=\"11\">",
      width, height, width);
  if (!title.empty())
    out << fmt::format("<text x=\"{}\" y=\"14\" font-weight=\"bold\">{}</text>", left,
                       escape(title));
  out << fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#555\"/>", left,
                     top, height - bottom);
  out << fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#555\"/>", left,
                     width - right, height - bottom, height - bottom);
  for (int k = 0; k <= 4; ++k) {
    const double v = range.lo + (range.hi - range.lo) * k / 4;
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", left - 4, Y(v) + 4,
                       nice(v));
  }
  for (size_t k = 0; k < x_labels.size(); ++k)
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", X(k),
                       height - bottom + 14, escape(x_labels[k]));
  for (size_t s = 0; s < series.size(); ++s) {
    std::string path;
    for (size_t k = 0; k < series[s].values.size(); ++k) {
      const double v = series[s].values[k];
      if (!std::isfinite(v)) continue;
      path += fmt::format("{}{:.1f},{:.1f} ", path.empty() ? "M" : "L", X(k), Y(v));
      out << fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"{}\"><title>{} {}: "
          "{}</title></circle>",
          X(k), Y(v), palette(static_cast<int>(s)), escape(series[s].name),
          k < x_labels.size() ? escape(x_labels[k]) : "", nice(v));
    }
    out << fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>", path,
                       palette(static_cast<int>(s)));
    out << fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>", width - right + 8,
                       top + 14 * s + 8, palette(static_cast<int>(s)), escape(series[s].name));
  }
  out << "</svg>";
  return out.str();
}

std::string svg_scatter(const std::vector<Point>& points, const ScatterStyle& style) {
  const int left = 60, right = 150, top = 26, bottom = 40, width = 720, height = 420;
  Range xr, yr;
  double max_size = 0;
  for (const auto& p : points) {
    xr.add(p.x);
    yr.add(p.y);
    if (std::isfinite(p.size)) max_size = std::max(max_size, p.size);
  }
  if (std::isfinite(style.x_ref)) xr.add(style.x_ref);
  if (std::isfinite(style.y_ref)) yr.add(style.y_ref);
  xr.finish(false);
  yr.finish(false);
  auto X = [&](double v) { return left + (v - xr.lo) / (xr.hi - xr.lo) * (width - left - right); };
  auto Y = [&](double v) { return top + (yr.hi - v) / (yr.hi - yr.lo) * (height - top - bottom); };
  std::ostringstream out;
  out << fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" font-size=\"10\">",
      width, height, width);
  if (!style.title.empty())
    out << fmt::format("<text x=\"{}\" y=\"14\" font-weight=\"bold\">{}</text>", left,
                       escape(style.title));
  out << fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#999\"/>", left,
      top, width - left - right, height - top - bottom);
  if (std::isfinite(style.x_ref))
    out << fmt::format(
        "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#888\" stroke-dasharray=\"4 "
        "3\"/>",
        X(style.x_ref), top, height - bottom);
  if (std::isfinite(style.y_ref))
    out << fmt::format(
        "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#888\" stroke-dasharray=\"4 "
        "3\"/>",
        left, width - right, Y(style.y_ref));
  for (int k = 0; k <= 4; ++k) {
    const double xv = xr.lo + (xr.hi - xr.lo) * k / 4, yv = yr.lo + (yr.hi - yr.lo) * k / 4;
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", X(xv),
                       height - bottom + 14, nice(xv));
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", left - 4, Y(yv) + 3,
                       nice(yv));
  }
  out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                     (left + width - right) / 2, height - 6, escape(style.x_label));
  out << fmt::format(
      "<text transform=\"translate(14,{}) rotate(-90)\" text-anchor=\"middle\">{}</text>",
      (top + height - bottom) / 2, escape(style.y_label));
  for (const auto& p : points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    const double r = max_size > 0 && std::isfinite(p.size)
                         ? 3 + 17 * std::sqrt(std::max(p.size, 0.0) / max_size)
                         : 4;
    out << fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\" fill-opacity=\"0.55\" "
        "stroke=\"{}\"><title>{}: ({}, {})</title></circle>",
        X(p.x), Y(p.y), r, palette(p.group), palette(p.group), escape(p.label), nice(p.x),
        nice(p.y));
    if (style.label_points)
      out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"8\">{}</text>",
                         X(p.x) + r + 1, Y(p.y) + 3, escape(shorten(p.label, 18)));
  }
  for (size_t g = 0; g < style.group_names.size(); ++g)
    out << fmt::format(
        "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>",
        width - right + 12, top + 10 + 16 * g, palette(static_cast<int>(g)), width - right + 22,
        top + 14 + 16 * g, escape(style.group_names[g]));
  out << "</svg>";
  return out.str();
}

namespace {

// A round step (1, 2, 2.5 or 5 times a power of ten) of about span / 4 for the radar's rings.
double ring_step(double span) {
  const double raw = span / 4;
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0})
    if (m * p >= raw) return m * p;
  return 10 * p;
}

}  // namespace

std::string svg_radar(const std::vector<std::string>& axes, const std::vector<Series>& series,
                      const std::string& title, const RadarScale& scale) {
  const int width = 600, radius = 170, top = title.empty() ? 60 : 80;
  const int legend_rows = static_cast<int>((series.size() + 2) / 3);
  const int height = top + 2 * radius + 50 + 18 * legend_rows;
  const double cx = width / 2.0, cy = top + radius;
  const size_t n = axes.size();
  auto value = [&](size_t s, size_t k) {
    return k < series[s].values.size() ? series[s].values[k] : NAN;
  };
  // Radial scale: from min(0, smallest value) to the largest value in round rings, unless given.
  double lo = std::isfinite(scale.min) ? scale.min : 0, hi = -INFINITY;
  for (size_t s = 0; s < series.size(); ++s)
    for (size_t k = 0; k < n; ++k)
      if (std::isfinite(value(s, k))) {
        if (!std::isfinite(scale.min)) lo = std::min(lo, value(s, k));
        hi = std::max(hi, value(s, k));
      }
  if (std::isfinite(scale.max)) hi = std::max(scale.max, std::isfinite(hi) ? hi : scale.max);
  if (!std::isfinite(hi) || hi <= lo) hi = lo + 1;
  const double step = ring_step(hi - lo);
  const int rings = std::max(1, static_cast<int>(std::ceil((hi - lo) / step - 1e-9)));
  hi = lo + rings * step;
  // Values below a given minimum sit at the centre.
  auto radial = [&](double v) { return std::max(v, lo); };
  auto angle = [&](size_t k) {
    return -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(k) /
                                       static_cast<double>(std::max<size_t>(n, 1));
  };
  auto at = [&](size_t k, double v) {
    const double r = radius * (radial(v) - lo) / (hi - lo);
    return std::pair{cx + r * std::cos(angle(k)), cy + r * std::sin(angle(k))};
  };

  std::ostringstream out;
  out << fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" font-size=\"11\">",
      width, height, width);
  if (!title.empty())
    out << fmt::format(
        "<text x=\"{}\" y=\"20\" font-weight=\"bold\" text-anchor=\"middle\">{}</text>", cx,
        escape(title));
  if (n == 0) {
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">no axes</text></svg>", cx,
                       cy);
    return out.str();
  }
  // Rings (polygons through the spokes) with their values, then the spokes and axis labels.
  for (int g = 1; g <= rings; ++g) {
    std::string pts;
    for (size_t k = 0; k < n; ++k) {
      const auto [x, y] = at(k, lo + g * step);
      pts += fmt::format("{:.1f},{:.1f} ", x, y);
    }
    out << fmt::format("<polygon points=\"{}\" fill=\"none\" stroke=\"#d5d9e0\"/>", pts);
    out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"9\" fill=\"#777\">{}</text>",
                       cx + 3, cy - radius * g / static_cast<double>(rings) + 10,
                       nice(lo + g * step));
  }
  for (size_t k = 0; k < n; ++k) {
    const auto [x, y] = at(k, hi);
    out << fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#bbb\"/>", cx, cy,
        x, y);
    std::string missing;
    for (size_t s = 0; s < series.size(); ++s)
      if (!std::isfinite(value(s, k)))
        missing += (missing.empty() ? "" : ", ") + shorten(series[s].name, 14);
    std::string label = shorten(axes[k], 26);
    if (!missing.empty()) label += " (NA: " + missing + ")";
    const double c = std::cos(angle(k)), sn = std::sin(angle(k));
    const char* anchor = std::abs(c) < 0.2 ? "middle" : (c > 0 ? "start" : "end");
    out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\">{}</text>",
                       cx + (radius + 10) * c,
                       cy + (radius + 10) * sn + 4 + (sn > 0.9 ? 6 : 0) - (sn < -0.9 ? 4 : 0),
                       anchor, escape(label));
  }
  // One outline per series: a filled polygon when complete, else the segments between
  // neighbouring values that exist.
  for (size_t s = 0; s < series.size(); ++s) {
    const char* color = palette(static_cast<int>(s));
    bool complete = true;
    for (size_t k = 0; k < n; ++k) complete = complete && std::isfinite(value(s, k));
    if (complete) {
      std::string pts;
      for (size_t k = 0; k < n; ++k) {
        const auto [x, y] = at(k, value(s, k));
        pts += fmt::format("{:.1f},{:.1f} ", x, y);
      }
      out << fmt::format(
          "<polygon points=\"{}\" fill=\"{}\" fill-opacity=\"0.12\" stroke=\"{}\" "
          "stroke-width=\"2\"/>",
          pts, color, color);
    } else {
      std::string path;
      for (size_t k = 0; k < n && n > 1; ++k) {
        const size_t next = (k + 1) % n;
        if (!std::isfinite(value(s, k)) || !std::isfinite(value(s, next))) continue;
        const auto [x1, y1] = at(k, value(s, k));
        const auto [x2, y2] = at(next, value(s, next));
        path += fmt::format("M{:.1f},{:.1f} L{:.1f},{:.1f} ", x1, y1, x2, y2);
      }
      if (!path.empty())
        out << fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>", path,
                           color);
    }
    for (size_t k = 0; k < n; ++k) {
      if (!std::isfinite(value(s, k))) continue;
      const auto [x, y] = at(k, value(s, k));
      out << fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"><title>{} · {}: "
          "{}</title></circle>",
          x, y, color, escape(series[s].name), escape(axes[k]), nice(value(s, k)));
    }
  }
  // Legend.
  const int ly = top + 2 * radius + 42;
  for (size_t s = 0; s < series.size(); ++s) {
    const int lx = 60 + 180 * static_cast<int>(s % 3), row = ly + 18 * static_cast<int>(s / 3);
    out << fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{}\" "
        "y=\"{}\">{}</text>",
        lx, row - 10, palette(static_cast<int>(s)), lx + 16, row,
        escape(shorten(series[s].name, 26)));
  }
  out << "</svg>";
  return out.str();
}

namespace {

// SplitMix64: a tiny generator whose sequence is the same on every platform and library (the
// standard distributions are not), for reproducible layouts.
double unit_random(unsigned long long& state) {
  unsigned long long z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) / 9007199254740992.0;  // [0, 1)
}

}  // namespace

std::vector<std::pair<double, double>> force_directed_layout(size_t n,
                                                             const std::vector<NetworkEdge>& edges,
                                                             int iterations, unsigned seed) {
  std::vector<std::pair<double, double>> pos(n);
  unsigned long long state = seed;
  for (auto& p : pos) p = {unit_random(state), unit_random(state)};
  if (n < 2) return pos;
  const double k = std::sqrt(1.0 / static_cast<double>(n));
  double w_max = 0;
  for (const auto& e : edges)
    if (std::isfinite(e.weight)) w_max = std::max(w_max, e.weight);
  std::vector<std::pair<double, double>> shift(n);
  const double t0 = 0.1;
  for (int it = 0; it < iterations; ++it) {
    const double t = t0 * (1.0 - static_cast<double>(it) / iterations);
    std::fill(shift.begin(), shift.end(), std::pair{0.0, 0.0});
    for (size_t a = 0; a < n; ++a)
      for (size_t b = a + 1; b < n; ++b) {
        double dx = pos[a].first - pos[b].first, dy = pos[a].second - pos[b].second;
        double d2 = dx * dx + dy * dy;
        if (d2 < 1e-12) {  // coincident points: push apart along a fixed direction
          dx = 1e-3 * static_cast<double>((a + b) % 7 + 1);
          dy = 1e-3;
          d2 = dx * dx + dy * dy;
        }
        const double f = k * k / d2;  // (k^2 / d) along the unit vector (dx, dy) / d
        shift[a].first += dx * f, shift[a].second += dy * f;
        shift[b].first -= dx * f, shift[b].second -= dy * f;
      }
    for (const auto& e : edges) {
      if (e.from >= n || e.to >= n || e.from == e.to || !std::isfinite(e.weight)) continue;
      const double dx = pos[e.from].first - pos[e.to].first;
      const double dy = pos[e.from].second - pos[e.to].second;
      const double d = std::sqrt(dx * dx + dy * dy);
      const double w = w_max > 0 ? std::max(e.weight, 0.0) / w_max : 1.0;
      const double f = w * d / k;  // (w d^2 / k) along the unit vector
      shift[e.from].first -= dx * f, shift[e.from].second -= dy * f;
      shift[e.to].first += dx * f, shift[e.to].second += dy * f;
    }
    for (size_t a = 0; a < n; ++a) {
      shift[a].first += 0.02 * (0.5 - pos[a].first) / k;
      shift[a].second += 0.02 * (0.5 - pos[a].second) / k;
      const double len = std::hypot(shift[a].first, shift[a].second);
      if (len <= 0) continue;
      const double step = std::min(len, t);
      pos[a].first += shift[a].first / len * step;
      pos[a].second += shift[a].second / len * step;
    }
  }
  return pos;
}

std::string svg_network(const std::vector<NetworkNode>& nodes,
                        const std::vector<NetworkEdge>& edges, const NetworkStyle& style) {
  const int width = style.width, height = style.height, margin = 24;
  const int legend = style.group_names.empty() ? 0 : 22;
  const int top = (style.title.empty() ? 8 : 28) + legend;
  std::vector<std::pair<double, double>> pos(nodes.size());
  bool placed = true;
  for (size_t a = 0; a < nodes.size(); ++a) {
    pos[a] = {nodes[a].x, nodes[a].y};
    placed = placed && std::isfinite(nodes[a].x) && std::isfinite(nodes[a].y);
  }
  if (!placed)
    pos = force_directed_layout(nodes.size(), edges, style.layout_iterations, style.layout_seed);
  Range xr, yr;
  double max_size = 0;
  for (size_t a = 0; a < nodes.size(); ++a) {
    xr.add(pos[a].first);
    yr.add(pos[a].second);
    if (std::isfinite(nodes[a].size)) max_size = std::max(max_size, nodes[a].size);
  }
  xr.finish(false);
  yr.finish(false);
  auto X = [&](double v) { return margin + (v - xr.lo) / (xr.hi - xr.lo) * (width - 2 * margin); };
  auto Y = [&](double v) { return top + (v - yr.lo) / (yr.hi - yr.lo) * (height - top - margin); };
  auto radius = [&](const NetworkNode& nd) {
    return max_size > 0 && std::isfinite(nd.size)
               ? 2.5 + 9.5 * std::sqrt(std::max(nd.size, 0.0) / max_size)
               : 4.0;
  };
  auto color = [&](int g) {
    return g >= 0 && static_cast<size_t>(g) < style.group_colors.size()
               ? style.group_colors[static_cast<size_t>(g)]
               : std::string(palette(g));
  };
  double w_max = 0;
  for (const auto& e : edges)
    if (std::isfinite(e.weight)) w_max = std::max(w_max, e.weight);

  std::ostringstream out;
  out << fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" font-size=\"10\">",
      width, height, width);
  if (!style.title.empty())
    out << fmt::format("<text x=\"{}\" y=\"16\" font-weight=\"bold\">{}</text>", margin,
                       escape(style.title));
  for (size_t g = 0; g < style.group_names.size(); ++g)
    out << fmt::format(
        "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>",
        margin + 170 * g + 5, top - legend + 2, color(static_cast<int>(g)), margin + 170 * g + 14,
        top - legend + 6, escape(style.group_names[g]));
  out << "<g stroke=\"#8a94a6\">";
  for (const auto& e : edges) {
    if (e.from >= nodes.size() || e.to >= nodes.size()) continue;
    const double w = w_max > 0 && std::isfinite(e.weight) ? std::max(e.weight, 0.0) / w_max : 1;
    out << fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke-opacity=\"{:.2f}\"/>",
        X(pos[e.from].first), Y(pos[e.from].second), X(pos[e.to].first), Y(pos[e.to].second),
        0.15 + 0.55 * w);
  }
  out << "</g>";
  // Plain nodes first, emphasised ones on top; labels last so that no node hides them.
  for (int pass = 0; pass < 2; ++pass)
    for (size_t a = 0; a < nodes.size(); ++a) {
      const auto& nd = nodes[a];
      if (nd.emphasis != (pass == 1)) continue;
      const std::string c = color(nd.group);
      out << fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\" stroke=\"{}\" "
          "stroke-width=\"{}\"><title>{}{}{}</title></circle>",
          X(pos[a].first), Y(pos[a].second), radius(nd), c, nd.emphasis ? "#1d2433" : "#ffffff",
          nd.emphasis ? 1.5 : 0.6, escape(nd.label), nd.tooltip.empty() ? "" : "\n",
          escape(nd.tooltip));
    }
  for (size_t a = 0; a < nodes.size(); ++a) {
    const auto& nd = nodes[a];
    if (!nd.emphasis) continue;
    const double x = X(pos[a].first), r = radius(nd);
    const bool left = x > width * 0.75;  // keep labels of right-hand nodes inside the picture
    out << fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" stroke=\"#fff\" stroke-width=\"3\" "
        "paint-order=\"stroke\">{}</text>",
        left ? x - r - 2 : x + r + 2, Y(pos[a].second) + 3, left ? "end" : "start",
        escape(shorten(nd.label, 30)));
  }
  out << "</svg>";
  return out.str();
}

}  // namespace agglo::report
