// Reasons for NA results, so that an undefined index is never a silent NaN: the registrations
// turn every NA entry of a per-industry (or per-region) index into a warning naming its cause.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

namespace agglo {

// One warning per cause for the NA entries of `result`, whose entry k belongs to column k of
// `x` (the industry or, on the transposed matrix, the region `labels[k]`). Causes, first match:
// the column has NA cells; the column is empty (sums to 0); otherwise `other_cause`.
// Each warning names up to five labels ("and N more").
std::vector<std::string> explain_na_columns(const std::string& measure, const std::string& what,
                                            const Eigen::VectorXd& result, const Eigen::MatrixXd& x,
                                            const std::vector<std::string>& labels,
                                            const std::string& other_cause);

// "a", "b", "c", "d", "e" and 3 more
std::string list_labels(const std::vector<std::string>& labels, size_t max_shown = 5);

}  // namespace agglo
