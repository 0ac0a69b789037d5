// The door of the input-output family: labelled CSV matrices (first column the row key, one
// column per code) turned into Eigen matrices aligned on the table's codes, with positioned
// errors. Used by the registrations only; the kernels never see a file.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/matrix.hpp"
#include "core/table.hpp"
#include "io/text_table.hpp"

namespace agglo {

// A wide table as a matrix: rows keyed by `key_column` (the first column when absent), values
// from `value_columns` (every other column when empty). Empty or NA cells are errors.
LabeledMatrix read_labelled_matrix(const TextTable& t, const std::string& key_column,
                                   const std::vector<std::string>& value_columns = {});

// The rows of `m` in the order of `codes` (every code must be present; extra rows are an error
// naming them when `strict`).
Eigen::MatrixXd rows_in_order(const LabeledMatrix& m, const std::vector<std::string>& codes,
                              const std::string& what, bool strict = true);
// The columns of `m` in the order of `codes`.
Eigen::MatrixXd cols_in_order(const LabeledMatrix& m, const std::vector<std::string>& codes,
                              const std::string& what, bool strict = true);

// The sectors with x > 0 and the way back to all sectors (inactive ones are NA).
struct ActiveSectors {
  std::vector<Eigen::Index> index;  // positions of the active sectors among all
  Eigen::Index total = 0;

  static ActiveSectors of(const Eigen::VectorXd& x);
  Eigen::Index size() const { return static_cast<Eigen::Index>(index.size()); }
  bool all() const { return size() == total; }
  Eigen::VectorXd pick(const Eigen::VectorXd& v) const;
  Eigen::MatrixXd pick_rows(const Eigen::MatrixXd& m) const;
  Eigen::MatrixXd pick_cols(const Eigen::MatrixXd& m) const;
  Eigen::MatrixXd pick(const Eigen::MatrixXd& m) const { return pick_cols(pick_rows(m)); }
  Eigen::VectorXd expand(const Eigen::VectorXd& v) const;  // NA where inactive
  Eigen::MatrixXd expand_rows(const Eigen::MatrixXd& m) const;
  Eigen::MatrixXd expand_cols(const Eigen::MatrixXd& m) const;
  Eigen::MatrixXd expand(const Eigen::MatrixXd& m) const { return expand_cols(expand_rows(m)); }
};

// Warnings for rows where |got - want| > tol * max(|want|, 1): the count and the worst rows.
void check_balance(const std::string& what, const std::vector<std::string>& codes,
                   const Eigen::VectorXd& got, const Eigen::VectorXd& want, double tol,
                   std::vector<std::string>& warnings);

}  // namespace agglo
