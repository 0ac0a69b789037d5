#include "families/complexity/presence_product.hpp"

#include <algorithm>

namespace agglo {

Eigen::MatrixXd presence_times(const std::vector<std::vector<int>>& rows, const Eigen::MatrixXd& K,
                               const Eigen::VectorXd& column_weights) {
  const Eigen::Index n_rows = static_cast<Eigen::Index>(rows.size());
  const Eigen::Index P = K.rows();
  const Eigen::Index Q = K.cols();
  const bool weighted = column_weights.size() > 0;
  // Tiles of 512 x 512 doubles (2 MB) of K stay in cache while every row adds its columns.
  constexpr Eigen::Index kTileP = 512, kTileQ = 512;
  const Eigen::Index n_qtiles = (Q + kTileQ - 1) / kTileQ;
  // start[r][t]: first position in rows[r] whose index lies in q-tile t.
  std::vector<std::vector<int>> start(rows.size(),
                                      std::vector<int>(static_cast<size_t>(n_qtiles) + 1));
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& idx = rows[r];
    for (Eigen::Index t = 0; t <= n_qtiles; ++t)
      start[r][static_cast<size_t>(t)] = static_cast<int>(
          std::lower_bound(idx.begin(), idx.end(), static_cast<int>(std::min(Q, t * kTileQ))) -
          idx.begin());
  }
  Eigen::MatrixXd out_t =
      Eigen::MatrixXd::Zero(P, n_rows);  // transposed: a row's values are contiguous
  const Eigen::Index n_ptiles = (P + kTileP - 1) / kTileP;
#pragma omp parallel for schedule(static)
  for (Eigen::Index pt = 0; pt < n_ptiles; ++pt) {
    const Eigen::Index p0 = pt * kTileP, len = std::min(kTileP, P - p0);
    for (Eigen::Index qt = 0; qt < n_qtiles; ++qt)
      for (Eigen::Index r = 0; r < n_rows; ++r) {
        const auto& idx = rows[static_cast<size_t>(r)];
        const int b = start[static_cast<size_t>(r)][static_cast<size_t>(qt)];
        const int e = start[static_cast<size_t>(r)][static_cast<size_t>(qt) + 1];
        if (b == e) continue;
        double* acc = out_t.col(r).data() + p0;
        for (int k = b; k < e; ++k) {
          const double* col = K.col(idx[static_cast<size_t>(k)]).data() + p0;
          if (weighted) {
            const double w = column_weights(idx[static_cast<size_t>(k)]);
            for (Eigen::Index p = 0; p < len; ++p) acc[p] += w * col[p];
          } else {
            for (Eigen::Index p = 0; p < len; ++p) acc[p] += col[p];
          }
        }
      }
  }
  return out_t.transpose();
}

}  // namespace agglo
