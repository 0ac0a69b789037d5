// Registration of the concentration family: how each measure meets the CLI, verify and docs.
#include "families/concentration/location_quotient.hpp"
#include "registry/common.hpp"

namespace agglo {

AGGLO_REGISTER_MEASURES(concentration) {
  registry.add(MeasureSpec{
      .name = "location_quotient",
      .family = "concentration",
      .summary = "Location quotient of every region x industry cell (multiplicative, additive or binary)",
      .formula = "LQ_ri = (x_ri / x_r.) / (x_.i / x); additive: x_ri / x_.i - x_r. / x; binary: 1 if LQ >= threshold",
      .reference = "Florence (1939); Isard (1960) Methods of Regional Analysis; REAT locq()",
      .inputs = {panel_input()},
      .options =
          {period_option(),
           {.name = "method", .type = OptionType::Choice, .default_value = "multiplicative",
            .choices = {"multiplicative", "additive"}, .doc = "ratio of shares or difference of regional shares"},
           {.name = "binary", .type = OptionType::Boolean, .default_value = false,
            .doc = "report 1 where LQ >= threshold, else 0 (NA counts as 0)"},
           {.name = "threshold", .type = OptionType::Number, .default_value = 1.0,
            .doc = "threshold of the binary form"}},
      .outputs = {{"lq", "one row per region and industry", {"region", "industry", "lq"}}},
      .kernel =
          [](const Invocation& inv) {
            const Panel panel = inv.panel("table", {.nonnegative = true});
            const LabeledMatrix m = inv.period_matrix(panel);
            const auto method = inv.text("method") == "additive" ? LqMethod::Additive : LqMethod::Multiplicative;
            Eigen::MatrixXd lq = location_quotient(m.values, method);
            if (inv.flag("binary")) lq = binary_location_quotient(lq, inv.number("threshold"));
            Results res;
            res.add("lq", long_table(m.row_labels, m.col_labels, lq, "region", "industry", "lq"));
            return res;
          },
  });
}

}  // namespace agglo
