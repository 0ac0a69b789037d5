// Building blocks shared by the families' registrations: the usual options and inputs, and
// conversions from matrices and vectors to result tables.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "core/matrix.hpp"
#include "core/panel.hpp"
#include "core/table.hpp"
#include "registry/registry.hpp"

namespace agglo {

// `period`: which period of a panel to use (required when the table holds several).
OptionSpec period_option();
// The long region x industry [x period] table input.
// The chosen period's region x industry matrix of the `table` input, checked as counts (no
// negative values).
LabeledMatrix period_counts(const Invocation& inv);

InputSpec panel_input(std::string doc = "long table: region, industry, [period,] value");

// Long table of a region x industry matrix: columns <row_key>, <col_key>, <value_name>.
Table long_table(const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                 const Eigen::MatrixXd& values, const std::string& row_key,
                 const std::string& col_key, const std::string& value_name);

// Long table with one row per input row of a period (input order): columns <row_key> and
// <col_key> (the labels of each row's matrix cell, taken over from `cells`) and <value_name>,
// one value per row.
Table cell_table(const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                 Panel::CellIndex&& cells, std::vector<double> values, const std::string& row_key,
                 const std::string& col_key, const std::string& value_name);

// One row per label with named number columns.
Table labelled_columns(const std::string& key, const std::vector<std::string>& labels,
                       std::initializer_list<std::pair<std::string, Eigen::VectorXd>> columns);

}  // namespace agglo
