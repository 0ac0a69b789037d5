// Registration of the inequality_spatial family: the spatial decomposition of the Gini
// coefficient (the Theil group decomposition is registered with the inequality family).
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/inequality_spatial/spatial_gini.hpp"
#include "registry/common.hpp"
#include "registry/regional_series.hpp"

namespace agglo {

namespace {

using Pair = std::pair<Eigen::Index, Eigen::Index>;

// Unordered neighbour pairs (i < j, rows of the series) from the edge list from, to[, weight].
// A pair listed in one direction only is made symmetric (with a warning); weight values other
// than 0/1 are treated as contiguity (binary) with a warning; self pairs are an error.
std::vector<Pair> neighbour_pairs(const Invocation& inv, const RegionalSeries& s, Results& res) {
  const TextTable& t = inv.table("weights");
  const size_t fc = t.column(inv.column("from"));
  const size_t tc = t.column(inv.column("to"));
  const auto wc = inv.column_given("weight") ? std::optional<size_t>(t.column(inv.column("weight")))
                                             : t.find_column(inv.column("weight"));
  std::unordered_map<std::string, Eigen::Index> index;
  for (size_t i = 0; i < s.regions.size(); ++i)
    index.emplace(s.regions[i], static_cast<Eigen::Index>(i));
  std::set<Pair> directed;
  bool non_binary = false;
  for (size_t r = 0; r < t.rows(); ++r) {
    if (wc) {
      const double w = t.number(r, *wc);
      if (std::isnan(w)) throw Error(t.pos(r, *wc), "expected a weight, got NA");
      if (w == 0) continue;
      if (w != 1) non_binary = true;
    }
    const auto from = index.find(t.text(r, fc));
    if (from == index.end())
      throw Error(t.pos(r, fc),
                  fmt::format("region \"{}\" of the weights is not in the table", t.text(r, fc)));
    const auto to = index.find(t.text(r, tc));
    if (to == index.end())
      throw Error(t.pos(r, tc),
                  fmt::format("region \"{}\" of the weights is not in the table", t.text(r, tc)));
    if (from->second == to->second)
      throw Error(t.pos(r, tc),
                  fmt::format("region {} is listed as its own neighbour", from->first));
    directed.emplace(from->second, to->second);
  }
  if (non_binary)
    res.warnings.push_back(
        "the weights are not binary: every pair with a nonzero weight counts as neighbours");
  std::set<Pair> unordered;
  bool asymmetric = false;
  for (const auto& [i, j] : directed) {
    if (!directed.count({j, i})) asymmetric = true;
    unordered.emplace(std::min(i, j), std::max(i, j));
  }
  if (asymmetric)
    res.warnings.push_back(
        "the weights are not symmetric: a pair listed in one direction counts as neighbours");
  return {unordered.begin(), unordered.end()};
}

}  // namespace

AGGLO_REGISTER_MEASURES(inequality_spatial) {
  registry.add(MeasureSpec{
      .name = "gini_spatial",
      .family = "inequality_spatial",
      .summary = "Spatial decomposition of the Gini coefficient into neighbour and non-neighbour "
                 "pairs, per period",
      .formula =
          "D = sum_i sum_j |x_i - x_j|; gini = D/(2 n^2 m); wg = sum_i sum_{j in N(i)} |x_i - "
          "x_j|; "
          "wcg = D - wg; wcg_share = wcg/(2 n^2 m); polarization = (wcg/wg) n_nb/(n(n-1)/2 - n_nb)",
      .reference = "Rey & Smith (2013) A spatial decomposition of the Gini coefficient, Lett. "
                   "Spat. Resour. Sci. 6; "
                   "PySAL inequality.gini.Gini_Spatial",
      .inputs =
          {{"table", "long table: region, [period,] value", true, {"region", "value", "period"}},
           {"weights",
            "spatial weights as an edge list from, to[, weight] (binary contiguity)",
            true,
            {"from", "to", "weight"}}},
      .options = {period_option(),
                  {.name = "permutations",
                   .type = OptionType::Integer,
                   .default_value = 0,
                   .doc = "random permutations for the inference on wcg (0 = none)"},
                  {.name = "seed",
                   .type = OptionType::Integer,
                   .default_value = 12345,
                   .doc = "seed of the permutations"}},
      .outputs = {{"gini_spatial",
                   "one row per period (p_sim, e_wcg, z_wcg NA without permutations)",
                   {"year", "gini", "wg", "wcg", "wcg_share", "polarization", "n",
                    "neighbour_pairs", "p_sim", "e_wcg", "z_wcg"}}},
      .kernel =
          [](const Invocation& inv) {
            const RegionalSeries s = read_regional_series(inv);
            Results res;
            const std::vector<Pair> all_pairs = neighbour_pairs(inv, s, res);
            const int permutations = static_cast<int>(inv.integer("permutations"));
            if (permutations < 0) throw UsageError("gini_spatial: permutations must be >= 0");
            std::vector<std::string> years;
            std::vector<double> gini, wg, wcg, share, polar, n, npairs, p_sim, e_wcg, z_wcg;
            for (const auto p : selected_periods(inv, s)) {
              const std::string& period = s.periods[static_cast<size_t>(p)];
              // Regions without a value this period drop out together with their pairs.
              std::vector<Eigen::Index> position(s.regions.size(), -1);
              std::vector<double> values;
              for (size_t i = 0; i < s.regions.size(); ++i)
                if (!std::isnan(s.value(static_cast<Eigen::Index>(i), p))) {
                  position[i] = static_cast<Eigen::Index>(values.size());
                  values.push_back(s.value(static_cast<Eigen::Index>(i), p));
                }
              if (values.size() < s.regions.size())
                res.warnings.push_back(
                    fmt::format("{}: {} region(s) without a value are left out with their pairs",
                                period, s.regions.size() - values.size()));
              std::vector<Pair> pairs;
              for (const auto& [i, j] : all_pairs)
                if (position[static_cast<size_t>(i)] >= 0 && position[static_cast<size_t>(j)] >= 0)
                  pairs.emplace_back(position[static_cast<size_t>(i)],
                                     position[static_cast<size_t>(j)]);
              const Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(
                  values.data(), static_cast<Eigen::Index>(values.size()));
              std::string why;
              const auto g = inequality::spatial_gini(
                  x, pairs, permutations, static_cast<uint64_t>(inv.integer("seed")), &why);
              if (!why.empty()) res.warnings.push_back(period + ": " + why);
              years.push_back(period);
              gini.push_back(g.gini);
              wg.push_back(g.wg);
              wcg.push_back(g.wcg);
              share.push_back(g.wcg_share);
              polar.push_back(g.polarization);
              n.push_back(static_cast<double>(values.size()));
              npairs.push_back(static_cast<double>(g.neighbour_pairs));
              p_sim.push_back(g.p_sim);
              e_wcg.push_back(g.e_wcg);
              z_wcg.push_back(g.z_wcg);
            }
            Table t;
            t.add_text("year", years);
            t.add_number("gini", gini);
            t.add_number("wg", wg);
            t.add_number("wcg", wcg);
            t.add_number("wcg_share", share);
            t.add_number("polarization", polar);
            t.add_number("n", n);
            t.add_number("neighbour_pairs", npairs);
            t.add_number("p_sim", p_sim);
            t.add_number("e_wcg", e_wcg);
            t.add_number("z_wcg", z_wcg);
            res.add("gini_spatial", std::move(t));
            return res;
          },
  });
}

}  // namespace agglo
