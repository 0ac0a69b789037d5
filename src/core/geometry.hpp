// Planar polygon geometry shared by the geo reader (io/geo) and the spatial family: a region is
// a multipolygon whose parts hold an outer ring followed by its holes. Rings keep the vertices
// exactly as read (closed: the first vertex repeated at the end), because contiguity compares
// vertices bit for bit.
#pragma once

#include <vector>

namespace agglo {

struct Point {
  double x = 0, y = 0;
};

using Ring = std::vector<Point>;

struct Polygon {
  std::vector<Ring> rings;  // rings[0] = outer ring, the rest = holes
};

struct MultiPolygon {
  std::vector<Polygon> parts;
  bool empty() const { return parts.empty(); }
};

}  // namespace agglo
