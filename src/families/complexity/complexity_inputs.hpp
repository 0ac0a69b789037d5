// How the complexity measures read their inputs: the period's region x industry matrix and the
// presence matrix (binary RCA, or a table that already holds 0/1).
#pragma once

#include <string>
#include <vector>

#include "core/matrix.hpp"
#include "families/complexity/presence.hpp"
#include "registry/common.hpp"

namespace agglo {

// The `table` input as a region x industry matrix of the chosen period (counts, nonnegative).
LabeledMatrix complexity_matrix(const Invocation& inv);

// The presence matrix: with option `rca` (default true when absent) B = 1 where RCA >= `threshold`;
// otherwise the values themselves, which must be 0 or 1.
Eigen::MatrixXd presence_matrix(const Invocation& inv, const Eigen::MatrixXd& values);

// Options shared by the measures of the family.
OptionSpec rca_flag_option();
OptionSpec threshold_option(const std::string& name = "threshold");

// Vectors of a submatrix back on all labels (NA where left out).
Eigen::VectorXd expand(const Eigen::VectorXd& v, const std::vector<Eigen::Index>& kept,
                       Eigen::Index size);

}  // namespace agglo
