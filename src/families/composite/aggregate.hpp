// Level-by-level aggregation of an indicator framework (OECD/JRC Handbook 2008, 1.6; COINr
// a_amean / a_gmean / a_hmean with dat_thresh).
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "families/composite/framework.hpp"

namespace agglo {

enum class AggregationMethod { Arithmetic, Geometric, Harmonic };

AggregationMethod parse_aggregation_method(const std::string& name);

// Weighted means over the non-missing children i of a code (w = relative weights, one per
// framework node; the weights of missing children are dropped and the rest rescaled):
//   arithmetic  sum w x / sum w
//   geometric   exp(sum w ln x / sum w)      (x > 0, else an error)
//   harmonic    sum w / sum (w / x)          (x != 0, else an error)
// A code is missing when no child is available or the share of available children is below
// `min_coverage` (0 = no threshold). Codes are computed level by level from 2 to the top.
// `level1` holds units x framework indicators; the result holds units x framework nodes (in
// the order of f.nodes(); level-1 columns copied).
Eigen::MatrixXd aggregate_framework(const Eigen::MatrixXd& level1, const IndicatorFramework& f,
                                    const std::vector<double>& weights, AggregationMethod method,
                                    double min_coverage, const std::vector<std::string>& units = {},
                                    std::vector<std::string>* warnings = nullptr);

}  // namespace agglo
