// Test data of the concentration family's unit tests.
#pragma once

#include <random>

#include <Eigen/Core>

namespace agglo {

// A sparse table of small counts: many zeros and many tied ratios.
inline Eigen::MatrixXd sparse_counts(Eigen::Index regions, Eigen::Index industries, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> count(0, 9);
  Eigen::MatrixXd x(regions, industries);
  for (Eigen::Index i = 0; i < industries; ++i)
    for (Eigen::Index r = 0; r < regions; ++r) {
      const int c = count(rng);
      x(r, i) = c < 6 ? 0.0 : c - 5;
    }
  return x;
}

}  // namespace agglo
