// Revealed comparative advantage and the binary presence matrix it induces (region x industry),
// with the diversity / ubiquity counts that the complexity measures start from.
#pragma once

#include <vector>

#include <Eigen/Core>

namespace agglo {

// Balassa (1965) revealed comparative advantage, RCA_ri = (x_ri / x_r.) / (x_.i / x); the same
// quantity as the multiplicative location quotient. Empty regions/industries give NA (NaN).
Eigen::MatrixXd revealed_comparative_advantage(const Eigen::MatrixXd& x);

// Binary presence M_ri = 1 where RCA_ri >= threshold, else 0; an NA quotient counts as 0
// (EconGeo RCA(binary = TRUE), ecomplexity M_cp).
Eigen::MatrixXd binary_rca(const Eigen::MatrixXd& rca, double threshold = 1.0);

// Diversity k_r,0 = sum_i M_ri and ubiquity k_i,0 = sum_r M_ri (Hidalgo & Hausmann 2009).
Eigen::VectorXd diversity(const Eigen::MatrixXd& m);
Eigen::VectorXd ubiquity(const Eigen::MatrixXd& m);

// Row-wise index lists of the nonzero cells of a presence matrix: the sparse form the
// co-occurrence and density kernels work on. Indices are ascending.
std::vector<std::vector<int>> presence_lists(const Eigen::MatrixXd& m);

// Rows and columns of x whose sum (NA as 0) is positive: the anchors drop the others first.
struct NonEmpty {
  std::vector<Eigen::Index> rows, cols;
  bool all(const Eigen::MatrixXd& x) const {
    return static_cast<Eigen::Index>(rows.size()) == x.rows() &&
           static_cast<Eigen::Index>(cols.size()) == x.cols();
  }
};
NonEmpty non_empty(const Eigen::MatrixXd& x);
Eigen::MatrixXd submatrix(const Eigen::MatrixXd& x, const NonEmpty& keep);

}  // namespace agglo
