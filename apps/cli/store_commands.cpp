// agglo project init | import | datasets: the SQLite project store.
#include "commands.hpp"

namespace agglo::cli {

void add_store_commands(CLI::App&, Commands&) {}

}  // namespace agglo::cli
