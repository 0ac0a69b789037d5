// Products of a sparse presence matrix with a dense industry x industry matrix, the hot loop of
// relatedness density and opportunity gain (P2: 250 x 5000 presence, 10 % ones, 5000^2 proximity).
#pragma once

#include <vector>

#include <Eigen/Core>

namespace agglo {

// out(r, p) = sum_{q in rows[r]} w_q K(p, q), with w_q = 1 when `column_weights` is empty.
// `rows` are ascending column indices (presence_lists). Cache-tiled over p and q; the sum for
// every cell runs over q in ascending order whatever the number of threads, so results do not
// depend on the thread count.
Eigen::MatrixXd presence_times(const std::vector<std::vector<int>>& rows, const Eigen::MatrixXd& K,
                               const Eigen::VectorXd& column_weights = Eigen::VectorXd());

// Several weightings of the same product in one pass over K (density and opportunity gain share
// it): out[j](r, p) = sum_{q in rows[r]} w_j,q K(p, q), an empty w_j meaning all ones.
std::vector<Eigen::MatrixXd> presence_times(const std::vector<std::vector<int>>& rows,
                                            const Eigen::MatrixXd& K,
                                            const std::vector<Eigen::VectorXd>& column_weights);

}  // namespace agglo
