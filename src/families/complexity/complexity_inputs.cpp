#include "families/complexity/complexity_inputs.hpp"

#include <cmath>

#include "core/error.hpp"
#include "core/table.hpp"

namespace agglo {

LabeledMatrix complexity_matrix(const Invocation& inv) {
  const auto held = inv.shared_panel("table", {.nonnegative = true});
  const Panel& panel = *held;
  return inv.period_matrix(panel);
}

Eigen::MatrixXd presence_matrix(const Invocation& inv, const Eigen::MatrixXd& values) {
  const bool use_rca = !inv.spec().option("rca") || inv.flag("rca");
  if (use_rca) return binary_rca(revealed_comparative_advantage(values), inv.number("threshold"));
  for (double v : values.reshaped())
    if (!(v == 0 || v == 1))
      throw Error("with rca = false the table must hold a binary presence matrix (0/1), found " +
                  format_number(v));
  return values;
}

OptionSpec rca_flag_option() {
  return {.name = "rca",
          .type = OptionType::Boolean,
          .default_value = true,
          .doc =
              "true = binarise the table first (B = 1 where RCA >= threshold, NA counts as 0); "
              "false = the "
              "table already holds the 0/1 presence matrix"};
}

OptionSpec threshold_option(const std::string& name) {
  return {.name = name,
          .type = OptionType::Number,
          .default_value = 1.0,
          .doc = "presence where RCA >= this threshold"};
}

Eigen::VectorXd expand(const Eigen::VectorXd& v, const std::vector<Eigen::Index>& kept,
                       Eigen::Index size) {
  Eigen::VectorXd out = Eigen::VectorXd::Constant(size, NA);
  for (size_t a = 0; a < kept.size(); ++a) out(kept[a]) = v(static_cast<Eigen::Index>(a));
  return out;
}

}  // namespace agglo
