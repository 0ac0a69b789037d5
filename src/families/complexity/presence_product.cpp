#include "families/complexity/presence_product.hpp"

#include <algorithm>

namespace agglo {
namespace {

// acc[p] += sum_t w_q K(p0 + p, q) over the columns q = cols[0..n): four columns per pass over
// acc, in a fixed order (the same for any number of threads).
void add_columns(double* acc, const Eigen::MatrixXd& K, Eigen::Index p0, Eigen::Index len,
                 const int* cols, int n, const Eigen::VectorXd& w) {
  const bool weighted = w.size() > 0;
  auto weight = [&](int q) { return weighted ? w(q) : 1.0; };
  int t = 0;
  for (; t + 4 <= n; t += 4) {
    const double* a = K.col(cols[t]).data() + p0;
    const double* b = K.col(cols[t + 1]).data() + p0;
    const double* c = K.col(cols[t + 2]).data() + p0;
    const double* d = K.col(cols[t + 3]).data() + p0;
    if (weighted) {
      const double wa = weight(cols[t]), wb = weight(cols[t + 1]), wc = weight(cols[t + 2]),
                   wd = weight(cols[t + 3]);
      for (Eigen::Index p = 0; p < len; ++p)
        acc[p] += (wa * a[p] + wb * b[p]) + (wc * c[p] + wd * d[p]);
    } else {
      for (Eigen::Index p = 0; p < len; ++p) acc[p] += (a[p] + b[p]) + (c[p] + d[p]);
    }
  }
  for (; t < n; ++t) {
    const double* a = K.col(cols[t]).data() + p0;
    const double wa = weight(cols[t]);
    for (Eigen::Index p = 0; p < len; ++p) acc[p] += wa * a[p];
  }
}

}  // namespace

std::vector<Eigen::MatrixXd> presence_times(const std::vector<std::vector<int>>& rows,
                                            const Eigen::MatrixXd& K,
                                            const std::vector<Eigen::VectorXd>& column_weights) {
  const Eigen::Index n_rows = static_cast<Eigen::Index>(rows.size());
  const Eigen::Index P = K.rows();
  const Eigen::Index Q = K.cols();
  const size_t n_out = column_weights.size();
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
  // Transposed results: a row's values are contiguous.
  std::vector<Eigen::MatrixXd> out_t(n_out, Eigen::MatrixXd::Zero(P, n_rows));
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
        for (size_t j = 0; j < n_out; ++j)
          add_columns(out_t[j].col(r).data() + p0, K, p0, len, idx.data() + b, e - b,
                      column_weights[j]);
      }
  }
  std::vector<Eigen::MatrixXd> out;
  out.reserve(n_out);
  for (auto& m : out_t) out.push_back(m.transpose());
  return out;
}

Eigen::MatrixXd presence_times(const std::vector<std::vector<int>>& rows, const Eigen::MatrixXd& K,
                               const Eigen::VectorXd& column_weights) {
  return std::move(presence_times(rows, K, std::vector<Eigen::VectorXd>{column_weights}).front());
}

}  // namespace agglo
