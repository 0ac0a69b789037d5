// Profile section: how concentrated each industry is across the regions (Hoover, Krugman,
// locational Gini, Herfindahl, CR4), written to concentration.csv.
#include <algorithm>
#include <numeric>

#include "families/concentration/herfindahl.hpp"
#include "families/concentration/industry_concentration.hpp"
#include "report/profile_sections.hpp"

namespace agglo::report {

namespace {

void concentration_section(const ProfileContext& ctx, HtmlReport& report) {
  const auto& m = ctx.matrix;
  // Hoover, Krugman and the locational Gini (the coefficient, 0 to 1) in one pass.
  const ConcentrationTotals totals = concentration_totals(m.values);
  Eigen::MatrixXd lq;
  const IndustryConcentration indices = industry_concentration(m.values, totals, lq, false);
  const Eigen::VectorXd& total = totals.industry_total;
  const Eigen::VectorXd& hoover = indices.hoover;
  const Eigen::VectorXd& krugman = indices.krugman;
  const Eigen::VectorXd& gini = indices.locational_gini;
  const Herfindahl herf = herfindahl_concentration(m.values);
  const Eigen::VectorXd cr4 = concentration_ratio(m.values, 4);
  std::vector<std::string> names;
  for (const auto& c : m.col_labels) names.push_back(ctx.industry_name(c));
  Table t;
  t.add_text("industry", m.col_labels).add_text("industry_name", names).add_number("total", total);
  t.add_number("hoover", hoover).add_number("krugman", krugman).add_number("locational_gini", gini);
  t.add_number("hhi", herf.hhi).add_number("cr4", cr4);
  ctx.write("concentration", t);

  // The report lists the industries by locational Gini, most concentrated first.
  std::vector<size_t> order(names.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const double ga = std::isnan(gini(a)) ? -1 : gini(a), gb = std::isnan(gini(b)) ? -1 : gini(b);
    return ga > gb;
  });
  Table shown;
  std::vector<std::string> n;
  std::vector<double> tot, h, k, g, hh, c4;
  for (size_t i : order) {
    const auto e = static_cast<Eigen::Index>(i);
    n.push_back(names[i]);
    tot.push_back(total(e));
    h.push_back(hoover(e));
    k.push_back(krugman(e));
    g.push_back(gini(e));
    hh.push_back(herf.hhi(e));
    c4.push_back(cr4(e));
  }
  shown.add_text("industry", n).add_number("total", tot).add_number("locational_gini", g);
  shown.add_number("hoover", h)
      .add_number("krugman", k)
      .add_number("hhi", hh)
      .add_number("cr4", c4);
  std::string body =
      "<p>" +
      bilingual(
          {"Industries ordered by Krugman's locational Gini (0 = spread like all employment, 1 = "
           "in one region). Hoover and Krugman compare the industry's regional distribution with "
           "total employment; HHI and CR4 measure how few regions hold it.",
           "產業依 Krugman 區位基尼係數排序（0 表示與總就業分布相同，1 "
           "表示集中於單一區域）。Hoover 與 "
           "Krugman 指數比較產業與總就業的區域分布；HHI 與 CR4 衡量產業集中於少數區域的程度。"}) +
      "</p>";
  body += html_table(shown, {.max_rows = 60,
                             .digits = 3,
                             .headers = {{"Industry", "產業"},
                                         {"Total", "總量"},
                                         {"Locational Gini", "區位基尼"},
                                         {"Hoover", "Hoover"},
                                         {"Krugman", "Krugman"},
                                         {"HHI", "HHI"},
                                         {"CR4", "CR4"}}});
  report.add_section("concentration", {"Industry concentration", "產業集中度"}, body);
}

const ProfileSectionRegistrar registrar({"industry concentration", 20, concentration_section});

}  // namespace

}  // namespace agglo::report
