// A national input-output table read from the invocation's inputs (Z, Y, x, VA, Zimp, Yimp,
// shock, satellite, sectors), checked for balance, with its active sectors (x > 0).
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "families/input_output/io_inputs.hpp"
#include "registry/invocation.hpp"

namespace agglo {

struct NationalTable {
  std::vector<std::string> codes;               // all sectors, in the order of Z
  std::vector<std::string> names_en, names_zh;  // from `sectors` when given
  Eigen::MatrixXd Z;                            // n x n
  Eigen::VectorXd x;                            // n
  Eigen::MatrixXd Y;                            // n x k (k = 0 when absent)
  std::vector<std::string> y_columns;
  Eigen::MatrixXd VA;  // items x n
  std::vector<std::string> va_items;
  Eigen::MatrixXd Zimp;   // n x n or empty
  Eigen::MatrixXd shock;  // n x s or empty
  std::vector<std::string> shock_names;
  Eigen::MatrixXd satellite;  // items x n or empty
  std::vector<std::string> satellite_items;
  ActiveSectors active;
  std::vector<std::string> warnings;
};

NationalTable read_national_table(const Invocation& inv);

// The row of `VA` chosen by the option value_added_item (or the only row); -1 without VA.
Eigen::Index value_added_row(const NationalTable& t, const Invocation& inv);

}  // namespace agglo
