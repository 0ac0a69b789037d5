// Registration of the global and local spatial autocorrelation statistics.
#include <fmt/format.h>

#include "core/error.hpp"
#include "families/spatial/global_autocorrelation.hpp"
#include "families/spatial/local_autocorrelation.hpp"
#include "families/spatial/weights_inputs.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

const std::vector<std::string> kColumnRoles = {"region", "value", "from", "to", "weight"};

std::vector<InputSpec> autocorrelation_inputs() {
  return {{.role = "table",
           .doc = "one row per region: region code and the variable",
           .column_roles = {"region", "value"}},
          {.role = "weights",
           .doc = "spatial weights: edge list CSV (from, to, weight) or a GeoDa .gal / .gwt file",
           .column_roles = {"from", "to", "weight"}}};
}

OptionSpec tails_option(const std::string& name, int default_value, const std::string& statistic) {
  return {.name = name,
          .type = OptionType::Integer,
          .default_value = default_value,
          .doc = "normal p-value of " + statistic +
                 ": 1 = one-sided (in the direction of z), 2 = two-sided"};
}

int tails(const Invocation& inv, const std::string& name) {
  const auto t = inv.integer(name);
  if (t != 1 && t != 2) throw UsageError(fmt::format("{} must be 1 or 2, got {}", name, t));
  return static_cast<int>(t);
}

OptionSpec scaling_option() {
  return {
      .name = "local_moran_scaling",
      .type = OptionType::Choice,
      .default_value = "n_minus_1",
      .choices = {"n_minus_1", "n"},
      .doc =
          "I_i = (n-1) z_i lag_i / sum z^2 (PySAL esda) or z_i lag_i / m2 (Anselin 1995, GeoDa)"};
}

LocalMoranScaling scaling(const Invocation& inv) {
  return inv.text("local_moran_scaling") == "n" ? LocalMoranScaling::N : LocalMoranScaling::NMinus1;
}

OptionSpec self_weight_option() {
  return {.name = "gstar_self_weight",
          .type = OptionType::Number,
          .default_value = 1.0,
          .doc = "self weight w_ii of G_i*, set before the transformation"};
}

OptionSpec permutations_option(int default_value) {
  return {.name = "permutations",
          .type = OptionType::Integer,
          .default_value = default_value,
          .doc = "number of random permutations"};
}

OptionSpec seed_option() {
  return {.name = "seed",
          .type = OptionType::Integer,
          .default_value = 12345,
          .doc =
              "seed of the random streams (one stream per permutation; the same result whatever "
              "the thread count)"};
}

// The data and the untransformed weights on the same regions.
struct Prepared {
  RegionValues values;
  SpatialWeights weights;
};

Prepared prepare(const Invocation& inv, Results& res) {
  Prepared p;
  p.values = read_region_values(inv, res.warnings);
  p.weights = read_weights_input(inv, p.values.ids, p.values.dropped);
  warn_islands(p.weights, "weights", res.warnings);
  return p;
}

// G_i / G_i* weights: the transformation applied to the given weights, with the self weight of
// G_i* put on the diagonal before a row standardisation (esda).
SpatialWeights local_g_weights(const SpatialWeights& w, const std::string& transformation,
                               bool star, double self_weight) {
  if (!star) return transformed(w, transformation);
  if (transformation == "binary") return with_self_weight(binary_weights(w), self_weight);
  return transformed(with_self_weight(w, self_weight), transformation);
}

Table local_g_table(const std::vector<std::string>& ids, const LocalGResult& g) {
  Table t;
  t.add_text("region", ids).add_number("G", g.G).add_number("EG", g.EG).add_number("VG", g.VG);
  t.add_number("z", g.z).add_number("p_norm", g.p_norm);
  return t;
}

MultipleTesting multiple_testing(const Invocation& inv) {
  const std::string m = inv.text("multiple_testing");
  return m == "bonferroni" ? MultipleTesting::Bonferroni
         : m == "fdr"      ? MultipleTesting::FalseDiscoveryRate
                           : MultipleTesting::None;
}

std::vector<double> to_vector(const Eigen::VectorXd& v) {
  return {v.data(), v.data() + v.size()};
}

}  // namespace

OptionSpec multiple_testing_option() {
  return {.name = "multiple_testing",
          .type = OptionType::Choice,
          .default_value = "none",
          .choices = {"none", "bonferroni", "fdr"},
          .doc = "adjusted p-values: Bonferroni, or the false discovery rate (Benjamini-Hochberg)"};
}

AGGLO_REGISTER_MEASURES(spatial_autocorrelation) {
  registry.add(MeasureSpec{
      .name = "global_autocorrelation",
      .family = "spatial",
      .summary = "Global Moran's I, Geary's C and Getis-Ord G with analytic moments, z scores and "
                 "p-values",
      .formula =
          "I = (n/S0) sum w_ij z_i z_j / sum z^2; C = (n-1) sum w_ij (y_i-y_j)^2 / (2 S0 sum z^2); "
          "G = sum_(i!=j) w_ij y_i y_j / sum_(i!=j) y_i y_j; z = (stat - E) / sqrt(V)",
      .reference = "Moran (1950); Geary (1954); Cliff & Ord (1981) Spatial Processes; Getis & Ord "
                   "(1992); PySAL esda",
      .inputs = autocorrelation_inputs(),
      .options = {transformation_option("moran_transformation", "row", "Moran's I"),
                  transformation_option("geary_transformation", "row", "Geary's C"),
                  transformation_option("getis_ord_transformation", "binary", "Getis-Ord G"),
                  tails_option("moran_p_tails", 2, "Moran's I"),
                  tails_option("geary_p_tails", 1, "Geary's C"),
                  tails_option("getis_ord_p_tails", 1, "Getis-Ord G"), missing_option()},
      .outputs = {{"moran",
                   "Moran's I and its moments (normality, randomisation), weight constants",
                   {"variable", "I", "EI", "VI_norm", "seI_norm", "z_norm", "p_norm", "VI_rand",
                    "seI_rand", "z_rand", "p_rand", "n", "s0", "s1", "s2"}},
                  {"geary",
                   "Geary's C and its moments",
                   {"variable", "C", "EC", "VC_norm", "seC_norm", "z_norm", "p_norm", "VC_rand",
                    "seC_rand", "z_rand", "p_rand"}},
                  {"getis_ord",
                   "Getis-Ord general G",
                   {"variable", "G", "EG", "VG", "z_norm", "p_norm"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const Prepared p = prepare(inv, res);
            const auto& y = p.values.y;
            const MoranResult m =
                morans_i(y, transformed(p.weights, inv.text("moran_transformation")),
                         tails(inv, "moran_p_tails"));
            const GearyResult c =
                gearys_c(y, transformed(p.weights, inv.text("geary_transformation")),
                         tails(inv, "geary_p_tails"));
            const GetisOrdResult g =
                getis_ord_g(y, transformed(p.weights, inv.text("getis_ord_transformation")),
                            tails(inv, "getis_ord_p_tails"));
            if ((y.array() < 0).any())
              res.warnings.push_back(
                  "Getis-Ord G is meant for values >= 0; the variable has negative values");
            const std::vector<std::string> var = {p.values.variable};
            Table mt;
            mt.add_text("variable", var);
            for (const auto& [name, v] :
                 std::vector<std::pair<const char*, double>>{{"I", m.I},
                                                             {"EI", m.EI},
                                                             {"VI_norm", m.VI_norm},
                                                             {"seI_norm", m.seI_norm},
                                                             {"z_norm", m.z_norm},
                                                             {"p_norm", m.p_norm},
                                                             {"VI_rand", m.VI_rand},
                                                             {"seI_rand", m.seI_rand},
                                                             {"z_rand", m.z_rand},
                                                             {"p_rand", m.p_rand},
                                                             {"n", static_cast<double>(y.size())},
                                                             {"s0", m.constants.s0},
                                                             {"s1", m.constants.s1},
                                                             {"s2", m.constants.s2}})
              mt.add_number(name, std::vector<double>{v});
            res.add("moran", std::move(mt));
            Table ct;
            ct.add_text("variable", var);
            for (const auto& [name, v] :
                 std::vector<std::pair<const char*, double>>{{"C", c.C},
                                                             {"EC", c.EC},
                                                             {"VC_norm", c.VC_norm},
                                                             {"seC_norm", c.seC_norm},
                                                             {"z_norm", c.z_norm},
                                                             {"p_norm", c.p_norm},
                                                             {"VC_rand", c.VC_rand},
                                                             {"seC_rand", c.seC_rand},
                                                             {"z_rand", c.z_rand},
                                                             {"p_rand", c.p_rand}})
              ct.add_number(name, std::vector<double>{v});
            res.add("geary", std::move(ct));
            Table gt;
            gt.add_text("variable", var);
            for (const auto& [name, v] :
                 std::vector<std::pair<const char*, double>>{{"G", g.G},
                                                             {"EG", g.EG},
                                                             {"VG", g.VG},
                                                             {"z_norm", g.z_norm},
                                                             {"p_norm", g.p_norm}})
              gt.add_number(name, std::vector<double>{v});
            res.add("getis_ord", std::move(gt));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "global_autocorrelation_permutation",
      .family = "spatial",
      .summary = "Permutation pseudo p-values of global Moran's I, Geary's C and Getis-Ord G",
      .formula = "p_sim = (min(#{sim >= obs}, P - #{sim >= obs}) + 1) / (P + 1) over P random "
                 "permutations of y",
      .reference = "Hope (1968); Anselin (1995); PySAL esda",
      .inputs = autocorrelation_inputs(),
      .options = {permutations_option(999), seed_option(),
                  transformation_option("moran_transformation", "row", "Moran's I"),
                  transformation_option("geary_transformation", "row", "Geary's C"),
                  transformation_option("getis_ord_transformation", "binary", "Getis-Ord G"),
                  missing_option()},
      .outputs = {{"global_perm",
                   "per statistic: observed value, pseudo p-value and the permutation moments",
                   {"statistic", "observed", "p_sim", "mean_sim", "sd_sim", "z_sim", "p_z_sim"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const Prepared p = prepare(inv, res);
            const GlobalPermutations g = global_permutation_test(
                p.values.y, transformed(p.weights, inv.text("moran_transformation")),
                transformed(p.weights, inv.text("geary_transformation")),
                transformed(p.weights, inv.text("getis_ord_transformation")),
                static_cast<int>(inv.integer("permutations")),
                static_cast<uint64_t>(inv.integer("seed")));
            Table t;
            t.add_text("statistic", {"moran", "geary", "getis_ord"});
            const PermutationTest* tests[] = {&g.moran, &g.geary, &g.getis_ord};
            auto col = [&tests](double PermutationTest::*field) {
              std::vector<double> v;
              for (const auto* test : tests) v.push_back(test->*field);
              return v;
            };
            t.add_number("observed", col(&PermutationTest::observed))
                .add_number("p_sim", col(&PermutationTest::p_sim));
            t.add_number("mean_sim", col(&PermutationTest::mean_sim))
                .add_number("sd_sim", col(&PermutationTest::sd_sim));
            t.add_number("z_sim", col(&PermutationTest::z_sim))
                .add_number("p_z_sim", col(&PermutationTest::p_z_sim));
            res.add("global_perm", std::move(t));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "local_autocorrelation",
      .family = "spatial",
      .summary = "Local Moran's I (LISA) with quadrants, cluster codes and moments; local "
                 "Getis-Ord G_i and G_i*",
      .formula =
          "I_i = (n-1) z_i sum_j w_ij z_j / sum z^2; G_i = sum_(j!=i) w_ij y_j / sum_(j!=i) y_j; "
          "G_i* with w_ii; z = (G - EG)/sqrt(VG)",
      .reference = "Anselin (1995) LISA; Sokal, Oden & Thomson (1998); Getis & Ord (1992); Ord & "
                   "Getis (1995); PySAL esda",
      .inputs = autocorrelation_inputs(),
      .options = {transformation_option("local_moran_transformation", "row", "local Moran"),
                  self_weight_option(),
                  tails_option("p_norm_tails", 1, "G_i and G_i*"),
                  scaling_option(),
                  {.name = "local_g_variance",
                   .type = OptionType::Choice,
                   .default_value = "binary_formula",
                   .choices = {"binary_formula", "general"},
                   .doc = "VG_i of non-binary (e.g. row) weights: W_i (N - W_i) as esda, or N "
                          "sum_j w_ij^2 - W_i^2 "
                          "(Ord & Getis 1995, which leaves z unchanged by row standardisation)"},
                  missing_option()},
      .outputs = {{"local_moran",
                   "per region: I_i, quadrant q (1 HH, 2 LH, 3 LL, 4 HL), GeoDa cluster code (1 "
                   "HH, 2 LL, 3 LH, 4 HL), z, lag, moments",
                   {"region", "Is", "q", "quadrant", "cluster", "z", "lag_z", "EI", "VI", "EIc",
                    "VIc"}},
                  {"local_g_binary",
                   "G_i with binary weights",
                   {"region", "G", "EG", "VG", "z", "p_norm"}},
                  {"local_gstar_binary",
                   "G_i* with binary weights",
                   {"region", "G", "EG", "VG", "z", "p_norm"}},
                  {"local_g_row",
                   "G_i with row-standardised weights",
                   {"region", "G", "EG", "VG", "z", "p_norm"}},
                  {"local_gstar_row",
                   "G_i* with row-standardised weights",
                   {"region", "G", "EG", "VG", "z", "p_norm"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const Prepared p = prepare(inv, res);
            const auto& ids = p.values.ids;
            const auto& y = p.values.y;
            const LocalMoranResult lm = local_moran(
                y, transformed(p.weights, inv.text("local_moran_transformation")), scaling(inv));
            std::vector<double> q, cluster;
            std::vector<std::string> names;
            for (int quad : lm.quadrant) {
              q.push_back(quad ? quad : NA);
              cluster.push_back(quad ? geoda_cluster_code(quad) : NA);
              names.push_back(quadrant_name(quad));
            }
            Table t;
            t.add_text("region", ids)
                .add_number("Is", lm.Is)
                .add_number("q", q)
                .add_text("quadrant", names);
            t.add_number("cluster", cluster).add_number("z", lm.z).add_number("lag_z", lm.lag_z);
            t.add_number("EI", lm.EI)
                .add_number("VI", lm.VI)
                .add_number("EIc", lm.EIc)
                .add_number("VIc", lm.VIc);
            res.add("local_moran", std::move(t));
            const double sw = inv.number("gstar_self_weight");
            const auto variance = inv.text("local_g_variance") == "general"
                                      ? LocalGVariance::General
                                      : LocalGVariance::BinaryFormula;
            const int pt = tails(inv, "p_norm_tails");
            for (const char* form : {"binary", "row"})
              for (bool star : {false, true}) {
                const SpatialWeights wg = local_g_weights(p.weights, form, star, sw);
                res.add(fmt::format("local_{}_{}", star ? "gstar" : "g", form),
                        local_g_table(ids, local_getis_ord(y, wg, star, variance, pt)));
              }
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "local_autocorrelation_permutation",
      .family = "spatial",
      .summary = "Conditional-permutation pseudo p-values of local Moran's I, G_i and G_i*",
      .formula = "region i keeps y_i, its k_i neighbours get values drawn without replacement from "
                 "the other n-1; "
                 "p_sim = (min(#{sim >= obs}, P - #{sim >= obs}) + 1) / (P + 1)",
      .reference =
          "Anselin (1995) LISA; Getis & Ord (1992); Benjamini & Hochberg (1995); PySAL esda",
      .inputs = autocorrelation_inputs(),
      .options = {permutations_option(999), seed_option(),
                  transformation_option("local_moran_transformation", "row", "local Moran"),
                  transformation_option("local_g_transformation", "binary", "G_i and G_i*"),
                  self_weight_option(), scaling_option(), multiple_testing_option(),
                  missing_option()},
      .outputs = {{"local_perm",
                   "per region: pseudo p-values, the z of the observed value in the permutation "
                   "distribution, and "
                   "with multiple_testing the adjusted p-values (*_p_adjusted)",
                   {"region", "moran_p_sim", "g_p_sim", "gstar_p_sim", "moran_z_sim", "g_z_sim",
                    "gstar_z_sim"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const Prepared p = prepare(inv, res);
            const auto& y = p.values.y;
            const SpatialWeights wm =
                transformed(p.weights, inv.text("local_moran_transformation"));
            const std::string gt = inv.text("local_g_transformation");
            const double sw = inv.number("gstar_self_weight");
            const SpatialWeights wg = local_g_weights(p.weights, gt, false, sw);
            const SpatialWeights wgs = local_g_weights(p.weights, gt, true, sw);
            const auto perm = conditional_permutation_test(
                {local_moran_affine(y, wm, scaling(inv)), local_g_affine(y, wg, false),
                 local_g_affine(y, wgs, true)},
                static_cast<int>(inv.integer("permutations")),
                static_cast<uint64_t>(inv.integer("seed")));
            Table t;
            t.add_text("region", p.values.ids);
            const char* names[] = {"moran", "g", "gstar"};
            for (int s = 0; s < 3; ++s)
              t.add_number(fmt::format("{}_p_sim", names[s]), perm[s].p_sim);
            for (int s = 0; s < 3; ++s)
              t.add_number(fmt::format("{}_z_sim", names[s]), perm[s].z_sim);
            const MultipleTesting mt = multiple_testing(inv);
            if (mt != MultipleTesting::None)
              for (int s = 0; s < 3; ++s)
                t.add_number(fmt::format("{}_p_adjusted", names[s]),
                             adjust_p_values(to_vector(perm[s].p_sim), mt));
            res.add("local_perm", std::move(t));
            return res;
          },
  });
}

}  // namespace agglo
