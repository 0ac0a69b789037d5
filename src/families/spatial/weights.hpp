// Spatial weights: who neighbours whom, and how much. Stored row-wise (compressed sparse rows):
// the neighbours of region i are neighbours[offsets[i] .. offsets[i+1]) in increasing index
// order, with their weights. A region without neighbours (an island) has an empty row; it is
// kept, reported by islands(), never dropped.
#pragma once

#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace agglo {

struct SpatialWeights {
  std::vector<std::string> ids;
  std::vector<int> offsets{0};  // size n + 1
  std::vector<int> neighbours;
  std::vector<double> weights;

  int n() const { return static_cast<int>(ids.size()); }
  int cardinality(int i) const { return offsets[i + 1] - offsets[i]; }
  std::vector<int> cardinalities() const;
  std::vector<int> islands() const;  // indices of the regions without neighbours
  size_t links() const { return neighbours.size(); }
  double row_sum(int i) const;

  // From one neighbour list per region (indices into ids); rows are sorted, duplicates refused.
  static SpatialWeights from_lists(std::vector<std::string> ids,
                                   const std::vector<std::vector<std::pair<int, double>>>& rows);
};

// Every weight set to 1 (PySAL transform "B").
SpatialWeights binary_weights(const SpatialWeights& w);
// Row standardisation (PySAL transform "R"): w_ij / sum_k w_ik; islands keep an empty row.
SpatialWeights row_standardised(const SpatialWeights& w);
// A self weight w_ii = value added to every row (for G_i*), before any transformation.
SpatialWeights with_self_weight(const SpatialWeights& w, double value);

// The weights among the regions `keep` (indices, increasing): links to the others are dropped,
// so a region may become an island. Used when some regions have no value.
SpatialWeights subset_weights(const SpatialWeights& w, const std::vector<int>& keep);

enum class Contiguity { Queen, Rook };

// Contiguity weights (binary), as PySAL's vertex/segment hashing:
//   queen: i ~ j when their boundaries share a vertex,
//   rook:  i ~ j when they share an edge (two consecutive vertices, either direction).
// With snap_tolerance = 0 vertices must be bit-identical (PySAL); a positive tolerance
// treats vertices closer than it (in the layer's units) as one, which mends slivers and
// gaps of real-world boundary files.
SpatialWeights contiguity_weights(const std::vector<std::string>& ids,
                                  const std::vector<MultiPolygon>& regions, Contiguity rule,
                                  double snap_tolerance = 0.0);

// Area-weighted centroid of a multipolygon (holes subtracted), computed as GEOS does: signed
// triangle fans from the first vertex, so that results agree with shapely to the last bits.
// A polygon of zero area falls back to the length-weighted centroid of its boundary.
Point polygon_centroid(const MultiPolygon& region);

enum class DistanceMetric { Euclidean, GreatCircle };

// Distance between two points: Euclidean in the layer's units, or the great-circle
// (haversine) distance in km for longitude/latitude points on a sphere of radius 6371.0088 km
// (the IUGG mean earth radius).
double point_distance(const Point& a, const Point& b, DistanceMetric metric);

// k nearest neighbours (binary): the k closest other points (PySAL KNN). Ties at the k-th
// distance are broken by the lower index; `ties` (if given) receives the regions affected.
SpatialWeights knn_weights(const std::vector<std::string>& ids, const std::vector<Point>& points,
                           int k, DistanceMetric metric, std::vector<std::string>* ties = nullptr);

// Distance band: j is a neighbour of i when 0 < d_ij <= threshold (PySAL DistanceBand).
// Binary weights, or with `alpha` set the inverse-distance weights d_ij^alpha (alpha < 0).
SpatialWeights distance_band_weights(const std::vector<std::string>& ids,
                                     const std::vector<Point>& points, double threshold,
                                     DistanceMetric metric, bool binary = true,
                                     double alpha = -1.0);

// The smallest threshold that leaves no island: the largest nearest-neighbour distance
// (PySAL min_threshold_distance).
double min_threshold_distance(const std::vector<Point>& points, DistanceMetric metric);

}  // namespace agglo
