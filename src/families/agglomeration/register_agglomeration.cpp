// Registration of the agglomeration family: how each measure meets the CLI, verify and docs.
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/agglomeration/ellison_glaeser.hpp"
#include "families/concentration/na_reasons.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

// The plants with their reference distribution over the regions, as read from the inputs.
struct PlantInput {
  Plants plants;
  std::vector<std::string> industries;  // labels, first-seen order
  std::vector<std::string> regions;     // labels, reference order
  Eigen::VectorXd region_shares;        // x_j
};

// Ids in first-seen order.
struct Interner {
  std::unordered_map<std::string, Eigen::Index> id;
  std::vector<std::string> labels;
  Eigen::Index get(const std::string& s) {
    auto [it, added] = id.try_emplace(s, static_cast<Eigen::Index>(labels.size()));
    if (added) labels.push_back(s);
    return it->second;
  }
};

// Regions and their totals from the `regions` input (reference = external).
void read_region_totals(const Invocation& inv, Interner& regions, std::vector<double>& totals) {
  if (!inv.has_input("regions"))
    throw UsageError(
        fmt::format("{}: reference = external needs the input \"regions\"", inv.spec().name));
  const TextTable& t = inv.table("regions");
  const size_t region_col = t.column(inv.column("region"));
  const size_t total_col = t.column(inv.column("region_total"));
  for (size_t k = 0; k < t.rows(); ++k) {
    const std::string& region = t.text(k, region_col);
    if (regions.id.count(region))
      throw Error(t.pos(k, region_col), fmt::format("duplicate row for region \"{}\"", region));
    const double v = t.number(k, total_col);
    if (std::isnan(v) || v < 0)
      throw Error(
          t.pos(k, total_col),
          fmt::format("expected a non-negative region total, got \"{}\"", t.text(k, total_col)));
    regions.get(region);
    totals.push_back(v);
  }
}

PlantInput read_plants(const Invocation& inv) {
  const bool external = inv.text("reference") == "external";
  Interner industries, regions;
  std::vector<double> region_totals;
  if (external) read_region_totals(inv, regions, region_totals);

  const TextTable& t = inv.table("plants");
  const size_t industry_col = t.column(inv.column("industry"));
  const size_t region_col = t.column(inv.column("region"));
  const size_t value_col = t.column(inv.column("value"));
  const auto plant_col = t.find_column(inv.column("plant"));  // optional: checked for duplicates
  std::unordered_set<std::string> plant_ids;
  PlantInput in;
  for (size_t k = 0; k < t.rows(); ++k) {
    const double size = t.number(k, value_col);
    if (std::isnan(size) || size < 0)
      throw Error(t.pos(k, value_col), fmt::format("expected a non-negative plant size, got \"{}\"",
                                                   t.text(k, value_col)));
    if (plant_col && !plant_ids.insert(t.text(k, *plant_col)).second)
      throw Error(t.pos(k, *plant_col),
                  fmt::format("duplicate plant \"{}\"", t.text(k, *plant_col)));
    const std::string& region = t.text(k, region_col);
    if (external && !regions.id.count(region))
      throw Error(t.pos(k, region_col),
                  fmt::format("region \"{}\" of this plant is not in the regions input", region));
    in.plants.industry.push_back(industries.get(t.text(k, industry_col)));
    in.plants.region.push_back(regions.get(region));
    in.plants.size.push_back(size);
  }
  in.plants.industries = static_cast<Eigen::Index>(industries.labels.size());
  in.plants.regions = static_cast<Eigen::Index>(regions.labels.size());
  in.industries = std::move(industries.labels);
  in.regions = std::move(regions.labels);
  if (external) {
    const Eigen::Map<const Eigen::VectorXd> e(region_totals.data(), in.plants.regions);
    if (!(e.sum() > 0)) throw Error(fmt::format("{}: the region totals sum to 0", inv.spec().name));
    in.region_shares = e / e.sum();
  } else {
    in.region_shares = plant_region_shares(in.plants);
  }
  return in;
}

// Why the indices of some industries are NA.
void explain(Results& res, const std::string& measure, const PlantInput& in,
             const Eigen::VectorXd& gamma, const Eigen::VectorXd& hhi) {
  std::vector<std::string> empty, single;
  for (Eigen::Index i = 0; i < gamma.size(); ++i) {
    if (std::isnan(hhi(i)))
      empty.push_back(in.industries[static_cast<size_t>(i)]);
    else if (std::isnan(gamma(i)) && hhi(i) >= 1)
      single.push_back(in.industries[static_cast<size_t>(i)]);
  }
  if (!(1 - in.region_shares.squaredNorm() > 0))
    res.warnings.push_back(
        fmt::format("{}: NA: the reference has a single region with employment, so "
                    "1 - sum x_j^2 = 0",
                    measure));
  if (!empty.empty())
    res.warnings.push_back(
        fmt::format("{}: NA for {}: the plants have size 0", measure, list_labels(empty)));
  if (!single.empty())
    res.warnings.push_back(
        fmt::format("{}: gamma is NA for {}: one plant holds all employment (H = 1)", measure,
                    list_labels(single)));
}

const InputSpec kPlantsInput{
    .role = "plants",
    .doc = "one row per plant: plant id (optional), industry, region, size",
    .required = true,
    .column_roles = {"plant", "industry", "region", "value"}};
const InputSpec kRegionsInput{
    .role = "regions",
    .doc = "one row per region with its reference size, with reference = external",
    .required = false,
    .column_roles = {"region", "region_total"}};

OptionSpec reference_option() {
  return {
      .name = "reference",
      .type = OptionType::Choice,
      .default_value = "internal",
      .choices = {"internal", "external"},
      .doc =
          "internal: x_j = share of region j in all plants of the file (regions that occur there); "
          "external: x_j from the `regions` input (every region listed counts)"};
}

}  // namespace

AGGLO_REGISTER_MEASURES(agglomeration) {
  registry.add(MeasureSpec{
      .name = "ellison_glaeser",
      .family = "agglomeration",
      .summary = "Ellison-Glaeser agglomeration index of every industry from plant data, with G, "
                 "z_G, K and H",
      .formula = "gamma_i = (G_i - (1 - sum x_j^2) H_i) / ((1 - sum x_j^2)(1 - H_i)), G_i = sum_j "
                 "(s_ij - x_j)^2, "
                 "H_i = sum_k (e_ik / e_i)^2",
      .reference = "Ellison & Glaeser (1997) JPE 105(5); REAT ellison.a(), ellison.a2()",
      .inputs = {kPlantsInput, kRegionsInput},
      .options = {reference_option()},
      .outputs = {{"ellison_a",
                   "one row per industry",
                   {"industry", "gamma", "G", "z_G", "K", "hhi"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const PlantInput in = read_plants(inv);
            const EllisonGlaeser eg = ellison_glaeser(in.plants, in.region_shares);
            explain(res, "ellison_glaeser", in, eg.gamma, eg.hhi);
            res.add("ellison_a", labelled_columns("industry", in.industries,
                                                  {{"gamma", eg.gamma},
                                                   {"G", eg.G},
                                                   {"z_G", eg.z_G},
                                                   {"K", eg.plants},
                                                   {"hhi", eg.hhi}}));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "ellison_glaeser_coagglomeration",
      .family = "agglomeration",
      .summary = "Ellison-Glaeser coagglomeration index of every ordered pair of industries from "
                 "plant data",
      .formula = "gamma^c_ab = sum_j (s_aj - x_j)(s_bj - x_j) / (1 - sum_j x_j^2) (= the 1997 "
                 "formula for a pair)",
      .reference =
          "Ellison & Glaeser (1997) JPE 105(5); Ellison, Glaeser & Kerr (2010) AER 100(3), eq. 2",
      .inputs = {kPlantsInput, kRegionsInput},
      .options = {reference_option()},
      .outputs = {{"ellison_c",
                   "one row per ordered pair of distinct industries (symmetric)",
                   {"industry1", "industry2", "gamma_c"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const PlantInput in = read_plants(inv);
            const Eigen::MatrixXd gc = ellison_glaeser_coagglomeration(in.plants, in.region_shares);
            const EllisonGlaeser eg = ellison_glaeser(in.plants, in.region_shares);
            explain(res, "ellison_glaeser_coagglomeration", in,
                    Eigen::VectorXd::Zero(eg.hhi.size()), eg.hhi);
            std::vector<std::string> first, second;
            std::vector<double> value;
            for (Eigen::Index b = 0; b < gc.cols(); ++b)
              for (Eigen::Index a = 0; a < gc.rows(); ++a) {
                if (a == b) continue;
                first.push_back(in.industries[static_cast<size_t>(a)]);
                second.push_back(in.industries[static_cast<size_t>(b)]);
                value.push_back(gc(a, b));
              }
            Table t;
            t.add_text("industry1", std::move(first));
            t.add_text("industry2", std::move(second));
            t.add_number("gamma_c", std::move(value));
            res.add("ellison_c", std::move(t));
            return res;
          },
  });
}

}  // namespace agglo
