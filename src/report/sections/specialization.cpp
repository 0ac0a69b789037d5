// Profile section: how specialised each region's industry structure is (Krugman, Hoover's
// coefficient, Herfindahl, entropy, Hachman, diversity), written to specialization.csv.
#include "families/concentration/location_quotient.hpp"
#include "families/specialization/diversity_measures.hpp"
#include "families/specialization/specialization_indices.hpp"
#include "report/profile_sections.hpp"

namespace agglo::report {

namespace {

void specialization_section(const ProfileContext& ctx, HtmlReport& report) {
  const auto& m = ctx.matrix;
  const Eigen::VectorXd total = row_sums_skip_na(m.values);
  const Eigen::VectorXd krugman = krugman_specialization(m.values);
  const Eigen::VectorXd hoover = hoover_specialization(m.values);
  const Herfindahl herf = herfindahl_specialization(m.values);
  const Eigen::VectorXd ent = entropy(m.values, 2.0);
  const Hachman hach = hachman(m.values);
  const DiversityUbiquity du =
      diversity_ubiquity(binary_location_quotient(location_quotient(m.values), 1.0));
  std::vector<std::string> names, names_zh;
  for (const auto& r : m.row_labels) {
    names.push_back(ctx.region_name(r));
    names_zh.push_back(ctx.region_name(r, "zh"));
  }
  Table t;
  t.add_text("region", m.row_labels).add_text("region_name", names).add_number("total", total);
  t.add_number("krugman", krugman).add_number("hoover_coefficient", hoover);
  t.add_number("hhi", herf.hhi).add_number("entropy_bits", ent).add_number("hachman", hach.hachman);
  t.add_number("diversity", du.diversity);
  ctx.write("specialization", t);

  Table shown;
  shown.add_text("region", names).add_number("total", total).add_number("krugman", krugman);
  shown.add_number("hachman", hach.hachman)
      .add_number("hhi", herf.hhi)
      .add_number("entropy_bits", ent);
  shown.add_number("diversity", du.diversity);
  std::string body =
      "<p>" +
      bilingual({"Krugman's index compares a region's industry structure with the nation's (0 = "
                 "the same, "
                 "2 = nothing in common); Hachman is 1 for the national structure and falls with "
                 "specialisation; diversity counts the industries with LQ ≥ 1.",
                 "Krugman 指數比較區域與全國的產業結構（0 表示相同，2 表示完全不同）；Hachman "
                 "指數在與全國結構"
                 "相同時為 1，越專業化越低；多樣性為區位商數 ≥ 1 的產業數。"}) +
      "</p>";
  body += html_table(shown, {.max_rows = 400,
                             .digits = 3,
                             .headers = {{"Region", "區域"},
                                         {"Total", "總量"},
                                         {"Krugman", "Krugman"},
                                         {"Hachman", "Hachman"},
                                         {"HHI", "HHI"},
                                         {"Entropy (bits)", "熵（位元）"},
                                         {"Diversity", "多樣性"}}});
  report.add_section("specialization", {"Regional specialisation", "區域專業化"}, body);
}

const ProfileSectionRegistrar registrar({"regional specialisation", 30, specialization_section});

}  // namespace

}  // namespace agglo::report
