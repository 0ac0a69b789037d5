// A dense Eigen matrix with row and column labels (region x industry, sector x sector, ...).
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

namespace agglo {

struct LabeledMatrix {
  std::vector<std::string> row_labels;
  std::vector<std::string> col_labels;
  Eigen::MatrixXd values;  // NaN = NA

  Eigen::Index rows() const { return values.rows(); }
  Eigen::Index cols() const { return values.cols(); }
  bool has_na() const;
};

}  // namespace agglo
