// agglo profile: the main job, a cluster profile report of a region x industry table.
#include "commands.hpp"

namespace agglo::cli {

void add_profile_command(CLI::App&, Commands&) {}

}  // namespace agglo::cli
