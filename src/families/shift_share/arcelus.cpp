#include "families/shift_share/arcelus.hpp"

#include "core/table.hpp"
#include "families/shift_share/ratios.hpp"

namespace agglo {

using shift_share_detail::project;
using shift_share_detail::ratio;

const std::vector<std::string>& arcelus_component_names() {
  static const std::vector<std::string> names = {
      "national_share_homothetic",        "national_share_allocation",
      "industrial_mix_homothetic",        "industrial_mix_allocation",
      "regional_growth_homothetic",       "regional_growth_allocation",
      "regional_industry_mix_homothetic", "regional_industry_mix_allocation"};
  return names;
}

ArcelusShiftShare shift_share_arcelus(const Eigen::VectorXd& e1, const Eigen::VectorXd& e2,
                                      const Eigen::VectorXd& E1, const Eigen::VectorXd& E2) {
  const double region1 = e1.sum(), region2 = e2.sum(), reference1 = E1.sum();
  const double G = ratio(E2.sum(), reference1) - 1;
  const double r = ratio(region2, region1) - 1;
  ArcelusShiftShare out;
  out.by_industry.resize(e1.size(), 8);
  for (Eigen::Index i = 0; i < e1.size(); ++i) {
    const double h = project(region1, ratio(E1(i), reference1));
    const double rest = e1(i) - h;
    const double G_i = ratio(E2(i), E1(i)) - 1;
    if (e1(i) == 0) {
      // No growth rate r_i; only an industry empty at t1 and t2 without homothetic employment
      // is certain to contribute nothing.
      out.by_industry.row(i).setConstant(h == 0 && e2(i) == 0 ? 0.0 : NA);
      continue;
    }
    const double r_i = e2(i) / e1(i) - 1;
    const double effects[4] = {G, G_i - G, r - G, (r_i - r) - (G_i - G)};
    for (int k = 0; k < 4; ++k) {
      out.by_industry(i, 2 * k) = project(h, effects[k]);
      out.by_industry(i, 2 * k + 1) = project(rest, effects[k]);
    }
  }
  out.total = out.by_industry.colwise().sum().transpose();
  out.growth = region2 - region1;
  return out;
}

}  // namespace agglo
