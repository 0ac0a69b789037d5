#include "families/spatial/weights.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"

namespace agglo {

std::vector<int> SpatialWeights::cardinalities() const {
  std::vector<int> c(n());
  for (int i = 0; i < n(); ++i) c[i] = cardinality(i);
  return c;
}

std::vector<int> SpatialWeights::islands() const {
  std::vector<int> out;
  for (int i = 0; i < n(); ++i)
    if (cardinality(i) == 0) out.push_back(i);
  return out;
}

double SpatialWeights::row_sum(int i) const {
  double s = 0;
  for (int k = offsets[i]; k < offsets[i + 1]; ++k) s += weights[k];
  return s;
}

SpatialWeights SpatialWeights::from_lists(
    std::vector<std::string> ids, const std::vector<std::vector<std::pair<int, double>>>& rows) {
  SpatialWeights w;
  w.ids = std::move(ids);
  w.offsets.assign(1, 0);
  for (size_t i = 0; i < rows.size(); ++i) {
    auto row = rows[i];
    std::sort(row.begin(), row.end());
    for (size_t k = 0; k < row.size(); ++k) {
      if (k > 0 && row[k].first == row[k - 1].first)
        throw Error(fmt::format("spatial weights: the link {} -> {} is given twice", w.ids[i],
                                w.ids[row[k].first]));
      w.neighbours.push_back(row[k].first);
      w.weights.push_back(row[k].second);
    }
    w.offsets.push_back(static_cast<int>(w.neighbours.size()));
  }
  return w;
}

SpatialWeights binary_weights(const SpatialWeights& w) {
  SpatialWeights b = w;
  std::fill(b.weights.begin(), b.weights.end(), 1.0);
  return b;
}

SpatialWeights row_standardised(const SpatialWeights& w) {
  SpatialWeights r = w;
  for (int i = 0; i < w.n(); ++i) {
    const double s = w.row_sum(i);
    for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) r.weights[k] = w.weights[k] / s;
  }
  return r;
}

SpatialWeights with_self_weight(const SpatialWeights& w, double value) {
  std::vector<std::vector<std::pair<int, double>>> rows(w.n());
  for (int i = 0; i < w.n(); ++i) {
    bool has_self = false;
    for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
      if (w.neighbours[k] == i) has_self = true;
      rows[i].emplace_back(w.neighbours[k], w.neighbours[k] == i ? value : w.weights[k]);
    }
    if (!has_self) rows[i].emplace_back(i, value);
  }
  return SpatialWeights::from_lists(w.ids, rows);
}

SpatialWeights subset_weights(const SpatialWeights& w, const std::vector<int>& keep) {
  std::vector<int> position(static_cast<size_t>(w.n()), -1);
  std::vector<std::string> ids;
  for (size_t k = 0; k < keep.size(); ++k) {
    position[keep[k]] = static_cast<int>(k);
    ids.push_back(w.ids[keep[k]]);
  }
  std::vector<std::vector<std::pair<int, double>>> rows(keep.size());
  for (size_t k = 0; k < keep.size(); ++k)
    for (int e = w.offsets[keep[k]]; e < w.offsets[keep[k] + 1]; ++e)
      if (const int j = position[w.neighbours[e]]; j >= 0) rows[k].emplace_back(j, w.weights[e]);
  return SpatialWeights::from_lists(std::move(ids), rows);
}

namespace {

// Union-find over vertex indices, for snapping.
struct DisjointSets {
  std::vector<int> parent;
  explicit DisjointSets(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  }
  void unite(int a, int b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// One id per distinct vertex: bit-identical coordinates (tolerance 0) or vertices chained by
// distances <= tolerance (a grid of tolerance-sized cells finds the candidates).
std::vector<int> vertex_ids(const std::vector<Point>& pts, double tolerance) {
  std::vector<int> order(pts.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<int> id(pts.size());
  if (tolerance <= 0) {
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      return pts[a].x < pts[b].x || (pts[a].x == pts[b].x && pts[a].y < pts[b].y);
    });
    int next = -1;
    for (size_t k = 0; k < order.size(); ++k) {
      const Point& p = pts[order[k]];
      if (k == 0 || p.x != pts[order[k - 1]].x || p.y != pts[order[k - 1]].y) ++next;
      id[order[k]] = next;
    }
    return id;
  }
  auto cell_key = [](int64_t cx, int64_t cy) {
    return (static_cast<uint64_t>(cx) << 32) ^ static_cast<uint32_t>(cy);
  };
  std::unordered_map<uint64_t, std::vector<int>> cells;
  DisjointSets sets(pts.size());
  const double t2 = tolerance * tolerance;
  for (int p = 0; p < static_cast<int>(pts.size()); ++p) {
    const auto cx = static_cast<int64_t>(std::floor(pts[p].x / tolerance));
    const auto cy = static_cast<int64_t>(std::floor(pts[p].y / tolerance));
    for (int64_t dx = -1; dx <= 1; ++dx)
      for (int64_t dy = -1; dy <= 1; ++dy) {
        auto it = cells.find(cell_key(cx + dx, cy + dy));
        if (it == cells.end()) continue;
        for (int q : it->second) {
          const double ex = pts[p].x - pts[q].x, ey = pts[p].y - pts[q].y;
          if (ex * ex + ey * ey <= t2) sets.unite(p, q);
        }
      }
    cells[cell_key(cx, cy)].push_back(p);
  }
  for (size_t p = 0; p < pts.size(); ++p) id[p] = sets.find(static_cast<int>(p));
  return id;
}

// Regions sharing a key (a vertex or an edge) are neighbours: sorted (key, region) pairs.
template <typename Key>
void link_groups(std::vector<std::pair<Key, int>>& keyed,
                 std::vector<std::vector<std::pair<int, double>>>& rows) {
  std::sort(keyed.begin(), keyed.end());
  keyed.erase(std::unique(keyed.begin(), keyed.end()), keyed.end());
  std::vector<std::pair<int, int>> pairs;
  for (size_t a = 0; a < keyed.size();) {
    size_t b = a;
    while (b < keyed.size() && keyed[b].first == keyed[a].first) ++b;
    for (size_t u = a; u < b; ++u)
      for (size_t v = u + 1; v < b; ++v) {
        pairs.emplace_back(keyed[u].second, keyed[v].second);
        pairs.emplace_back(keyed[v].second, keyed[u].second);
      }
    a = b;
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  for (const auto& [i, j] : pairs) rows[i].emplace_back(j, 1.0);
}

}  // namespace

SpatialWeights contiguity_weights(const std::vector<std::string>& ids,
                                  const std::vector<MultiPolygon>& regions, Contiguity rule,
                                  double snap_tolerance) {
  if (ids.size() != regions.size()) throw Error("contiguity_weights: one id per region is needed");
  std::vector<Point> pts;
  std::vector<int> owner;
  std::vector<std::pair<size_t, size_t>> rings;  // [begin, end) into pts
  for (size_t r = 0; r < regions.size(); ++r)
    for (const auto& part : regions[r].parts)
      for (const auto& ring : part.rings) {
        rings.emplace_back(pts.size(), pts.size() + ring.size());
        for (const auto& p : ring) {
          pts.push_back(p);
          owner.push_back(static_cast<int>(r));
        }
      }
  const std::vector<int> vid = vertex_ids(pts, snap_tolerance);
  std::vector<std::vector<std::pair<int, double>>> rows(ids.size());
  if (rule == Contiguity::Queen) {
    std::vector<std::pair<int, int>> keyed(pts.size());
    for (size_t p = 0; p < pts.size(); ++p) keyed[p] = {vid[p], owner[p]};
    link_groups(keyed, rows);
  } else {
    // Edges of each ring as (smaller vertex id, larger vertex id); rings are closed, so the
    // consecutive pairs cover every edge (no edge joins two different rings).
    std::vector<std::pair<std::pair<int, int>, int>> keyed;
    for (const auto& [b, e] : rings)
      for (size_t p = b; p + 1 < e; ++p) {
        const int u = vid[p], v = vid[p + 1];
        if (u != v) keyed.push_back({{std::min(u, v), std::max(u, v)}, owner[p]});
      }
    link_groups(keyed, rows);
  }
  return SpatialWeights::from_lists(ids, rows);
}

Point polygon_centroid(const MultiPolygon& region) {
  double cx3 = 0, cy3 = 0, area2 = 0;  // sums of 3 x centroid x doubled area, doubled area
  double lx = 0, ly = 0, length = 0;   // boundary fallback for degenerate polygons
  for (const auto& part : region.parts) {
    if (part.rings.empty() || part.rings[0].empty()) continue;
    const Point base = part.rings[0][0];
    for (size_t r = 0; r < part.rings.size(); ++r) {
      const Ring& ring = part.rings[r];
      double rx = 0, ry = 0, ra = 0;
      for (size_t k = 0; k + 1 < ring.size(); ++k) {
        const Point &p1 = ring[k], &p2 = ring[k + 1];
        const double a = (p1.x - base.x) * (p2.y - base.y) - (p2.x - base.x) * (p1.y - base.y);
        rx += a * (base.x + p1.x + p2.x);
        ry += a * (base.y + p1.y + p2.y);
        ra += a;
        const double seg = std::hypot(p2.x - p1.x, p2.y - p1.y);
        lx += seg * (p1.x + p2.x) / 2;
        ly += seg * (p1.y + p2.y) / 2;
        length += seg;
      }
      // An outer ring adds its area and a hole subtracts it, whatever their orientation.
      const bool ccw = ra > 0;
      const double sign = (r == 0) == ccw ? 1.0 : -1.0;
      cx3 += sign * rx;
      cy3 += sign * ry;
      area2 += sign * ra;
    }
  }
  if (area2 != 0) return {cx3 / 3 / area2, cy3 / 3 / area2};
  if (length > 0) return {lx / length, ly / length};
  if (!region.parts.empty() && !region.parts[0].rings.empty() && !region.parts[0].rings[0].empty())
    return region.parts[0].rings[0][0];
  return {NAN, NAN};
}

double point_distance(const Point& a, const Point& b, DistanceMetric metric) {
  if (metric == DistanceMetric::Euclidean) return std::hypot(a.x - b.x, a.y - b.y);
  constexpr double kEarthRadiusKm = 6371.0088;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (b.y - a.y) * kRad, dlon = (b.x - a.x) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.y * kRad) * std::cos(b.y * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

SpatialWeights knn_weights(const std::vector<std::string>& ids, const std::vector<Point>& points,
                           int k, DistanceMetric metric, std::vector<std::string>* ties) {
  const int n = static_cast<int>(points.size());
  if (k < 1) throw UsageError(fmt::format("knn: k must be at least 1, got {}", k));
  if (k > n - 1) throw UsageError(fmt::format("knn: k = {} needs more than {} regions", k, n));
  std::vector<std::vector<std::pair<int, double>>> rows(n);
  std::vector<std::pair<double, int>> d(n - 1);
  for (int i = 0; i < n; ++i) {
    d.clear();
    for (int j = 0; j < n; ++j)
      if (j != i) d.emplace_back(point_distance(points[i], points[j], metric), j);
    std::partial_sort(d.begin(), d.begin() + std::min(k + 1, n - 1), d.end());
    if (ties && k < n - 1 && d[k - 1].first == d[k].first) ties->push_back(ids[i]);
    for (int m = 0; m < k; ++m) rows[i].emplace_back(d[m].second, 1.0);
  }
  return SpatialWeights::from_lists(ids, rows);
}

SpatialWeights distance_band_weights(const std::vector<std::string>& ids,
                                     const std::vector<Point>& points, double threshold,
                                     DistanceMetric metric, bool binary, double alpha) {
  const int n = static_cast<int>(points.size());
  std::vector<std::vector<std::pair<int, double>>> rows(n);
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j) {
      const double d = point_distance(points[i], points[j], metric);
      if (d > 0 && d <= threshold) {
        const double v = binary ? 1.0 : std::pow(d, alpha);
        rows[i].emplace_back(j, v);
        rows[j].emplace_back(i, v);
      }
    }
  return SpatialWeights::from_lists(ids, rows);
}

double min_threshold_distance(const std::vector<Point>& points, DistanceMetric metric) {
  double worst = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    double best = INFINITY;
    for (size_t j = 0; j < points.size(); ++j)
      if (j != i) best = std::min(best, point_distance(points[i], points[j], metric));
    if (std::isfinite(best)) worst = std::max(worst, best);
  }
  return worst;
}

}  // namespace agglo
