#include "families/complexity/presence.hpp"

#include <cmath>

#include "families/concentration/location_quotient.hpp"

namespace agglo {

Eigen::MatrixXd revealed_comparative_advantage(const Eigen::MatrixXd& x) {
  return location_quotient(x, LqMethod::Multiplicative);
}

Eigen::MatrixXd binary_rca(const Eigen::MatrixXd& rca, double threshold) {
  return binary_location_quotient(rca, threshold);
}

Eigen::VectorXd diversity(const Eigen::MatrixXd& m) {
  return m.rowwise().sum();
}
Eigen::VectorXd ubiquity(const Eigen::MatrixXd& m) {
  return m.colwise().sum().transpose();
}

std::vector<std::vector<int>> presence_lists(const Eigen::MatrixXd& m) {
  std::vector<std::vector<int>> lists(static_cast<size_t>(m.rows()));
  for (Eigen::Index c = 0; c < m.cols(); ++c)
    for (Eigen::Index r = 0; r < m.rows(); ++r)
      if (m(r, c) != 0) lists[static_cast<size_t>(r)].push_back(static_cast<int>(c));
  return lists;
}

NonEmpty non_empty(const Eigen::MatrixXd& x) {
  const Eigen::VectorXd rs = row_sums_skip_na(x), cs = col_sums_skip_na(x);
  NonEmpty k;
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    if (rs(r) > 0) k.rows.push_back(r);
  for (Eigen::Index c = 0; c < x.cols(); ++c)
    if (cs(c) > 0) k.cols.push_back(c);
  return k;
}

Eigen::MatrixXd submatrix(const Eigen::MatrixXd& x, const NonEmpty& keep) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(keep.rows.size()),
                      static_cast<Eigen::Index>(keep.cols.size()));
  for (size_t j = 0; j < keep.cols.size(); ++j)
    for (size_t i = 0; i < keep.rows.size(); ++i)
      out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
          x(keep.rows[i], keep.cols[j]);
  return out;
}

}  // namespace agglo
