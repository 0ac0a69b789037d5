// An MRIO read from the invocation's inputs: Z, Y, the (region, sector) of every industry and
// the region of every final-demand column, and the satellite extensions (F, F_Y).
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "families/input_output/mrio.hpp"
#include "registry/invocation.hpp"

namespace agglo {

struct MrioExtensionRows {
  std::vector<std::string> extension, stressor;  // one per row
  Eigen::MatrixXd values;                        // rows x (industries or final-demand columns)
};

struct MrioTable {
  std::vector<std::string> codes, fd_codes;
  Eigen::MatrixXd Z, Y;
  MrioLayout layout;
  MrioExtensionRows F, F_Y;    // empty when not given
  Eigen::VectorXd population;  // per region, empty when not given
};

// Region and sector of a code come from `sectors` (columns code, region, sector) and
// `fd_categories` (code, region); without them a code is split at its first '_'
// ("reg1_food" -> reg1, food).
MrioTable read_mrio_table(const Invocation& inv);

}  // namespace agglo
