// Reading the composite family's inputs from an Invocation (column roles mapped by the caller).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/matrix.hpp"
#include "families/composite/framework.hpp"
#include "registry/invocation.hpp"

namespace agglo {

IndicatorFramework framework_input(const Invocation& inv, const std::string& role = "hierarchy");
// Unit x indicator data (long or wide) of the role `table`, columns in framework order.
LabeledMatrix indicator_input(const Invocation& inv, const IndicatorFramework& f,
                              std::vector<std::string>* warnings);
// Long table unit, denominator, value -> units x denominators.
LabeledMatrix denominators_input(const Invocation& inv, const std::string& role = "denominators");
// The group of every unit of `units` from the role `units` (columns unit, group); "" = none.
std::vector<std::string> unit_groups_input(const Invocation& inv,
                                           const std::vector<std::string>& units,
                                           const std::string& role = "units");
// Display names of the units from the role `units` (columns unit[, name]): unit code -> name;
// empty when the table has no name column.
std::map<std::string, std::string> unit_names_input(const Invocation& inv,
                                                    const std::string& role = "units");

}  // namespace agglo
