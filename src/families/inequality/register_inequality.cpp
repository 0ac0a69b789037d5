// Registration of the inequality family: Gini, Atkinson, CV and Williamson, the dispersion
// summary, and Theil's T and L with their group decomposition. Every measure reads a long table
// region, [period,] value [, weight] and gives one result per period (or the chosen `period`).
#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/inequality/dispersion.hpp"
#include "families/inequality/theil.hpp"
#include "registry/common.hpp"
#include "registry/hierarchy_input.hpp"
#include "registry/regional_series.hpp"

namespace agglo {

namespace {

using inequality::Scalar;

// The observed regions of one period: values (and weights) without NA.
struct PeriodValues {
  std::string period;
  std::vector<Eigen::Index> regions;  // rows of the series
  Eigen::VectorXd x, w;               // w empty without weights
};

// Leaves out the regions whose value, weight (or `keep` condition) is NA, with a warning that
// names them; `keep` may be empty.
PeriodValues observed(const RegionalSeries& s, Eigen::Index p, bool weighted, Results& res,
                      const std::vector<bool>& keep = {}) {
  PeriodValues out;
  out.period = s.periods[static_cast<size_t>(p)];
  std::vector<std::string> left_out;
  for (Eigen::Index i = 0; i < s.value.rows(); ++i) {
    const bool ok = !std::isnan(s.value(i, p)) && (!weighted || !std::isnan(s.weight(i, p))) &&
                    (keep.empty() || keep[static_cast<size_t>(i)]);
    if (ok)
      out.regions.push_back(i);
    else
      left_out.push_back(s.regions[static_cast<size_t>(i)]);
  }
  if (!left_out.empty()) {
    std::string names;
    for (size_t k = 0; k < std::min<size_t>(left_out.size(), 5); ++k)
      names += (k ? ", " : "") + left_out[k];
    if (left_out.size() > 5) names += ", ...";
    res.warnings.push_back(fmt::format("{}{} region(s) without a value{} are left out: {}",
                                       out.period.empty() ? "" : "period " + out.period + ": ",
                                       left_out.size(), keep.empty() ? "" : " or group", names));
  }
  const auto n = static_cast<Eigen::Index>(out.regions.size());
  out.x.resize(n);
  if (weighted) out.w.resize(n);
  for (Eigen::Index k = 0; k < n; ++k) {
    out.x(k) = s.value(out.regions[static_cast<size_t>(k)], p);
    if (weighted) out.w(k) = s.weight(out.regions[static_cast<size_t>(k)], p);
  }
  return out;
}

// A long result table year, <key>, value built row by row; NA values carry their reason.
struct KeyedRows {
  std::string key;
  std::vector<std::string> years, keys;
  std::vector<double> values;

  void add(const std::string& period, const std::string& k, const Scalar& v, Results& res) {
    years.push_back(period);
    keys.push_back(k);
    values.push_back(v.value);
    if (!v.defined())
      res.warnings.push_back(
          fmt::format("{}{} is NA: {}", period.empty() ? "" : period + " ", k, v.why_na));
  }
  Table table() const {
    Table t;
    t.add_text("year", years);
    t.add_text(key, keys);
    t.add_number("value", values);
    return t;
  }
};

InputSpec regional_input(std::vector<std::string> columns = {"region", "value", "period",
                                                             "weight"}) {
  return InputSpec{"table", "long table: region, [period,] value [, weight (population)]", true,
                   std::move(columns)};
}

OptionSpec weighted_option(std::string doc) {
  return {.name = "weighted",
          .type = OptionType::Boolean,
          .default_value = false,
          .doc = std::move(doc)};
}

// The group of every region: from the column role `group` of the table or from the `hierarchy`
// input (the region's parent, or its ancestor at `group_depth`). "" = no group.
std::vector<std::string> region_groups(const Invocation& inv, const RegionalSeries& s) {
  if (!inv.has_input("hierarchy")) {
    if (!inv.column_given("group") && !inv.table("table").find_column("group"))
      throw UsageError(fmt::format(
          "{} needs region groups: the column role \"group\" or the input \"hierarchy\"",
          inv.spec().name));
    return region_attribute(inv, s, "group");
  }
  const TextTable& t = inv.table("hierarchy");
  HierarchyColumns cols;
  cols.code = t.find_column(inv.column("code")) ? inv.column("code") : "region";
  cols.parent = t.find_column(inv.column("parent")) ? inv.column("parent") : "group";
  const Hierarchy h = load_hierarchy(t, cols);
  std::vector<std::string> groups(s.regions.size());
  for (size_t i = 0; i < s.regions.size(); ++i) {
    const std::string& r = s.regions[i];
    if (!h.contains(r))
      throw Error(SourcePos{t.source, 0, 0},
                  fmt::format("region {} of the table is not in the hierarchy", r));
    if (inv.has("group_depth")) {
      const auto a = h.ancestor_at(r, static_cast<int>(inv.integer("group_depth")));
      if (!a || *a == r)
        throw Error(h.node(r).pos, fmt::format("region {} has no ancestor at depth {}", r,
                                               inv.integer("group_depth")));
      groups[i] = *a;
    } else {
      groups[i] = h.node(r).parent;
      if (groups[i].empty())
        throw Error(h.node(r).pos, fmt::format("region {} has no parent group", r));
    }
  }
  return groups;
}

std::vector<InputSpec> grouped_inputs() {
  return {regional_input({"region", "value", "period", "weight", "group"}),
          InputSpec{"hierarchy",
                    "region groups: code (region), parent (group), name_en, name_zh",
                    false,
                    {"code", "parent"}}};
}

OptionSpec group_depth_option() {
  return {.name = "group_depth",
          .type = OptionType::Integer,
          .doc =
              "with a hierarchy: the depth of the group level (roots are 0); default the region's "
              "parent",
          .optional = true};
}

// One Theil decomposition per period; `columns` names the total column (T, L, ...).
Results theil_results(const Invocation& inv, inequality::TheilIndex index, bool weighted,
                      const std::string& output, const std::string& total_column,
                      bool groups_required) {
  const RegionalSeries s = read_regional_series(inv, "table", weighted);
  const bool grouped = groups_required || inv.has_input("hierarchy") || inv.column_given("group");
  std::vector<std::string> group_of(s.regions.size());
  if (grouped) group_of = region_groups(inv, s);
  // Group numbers in sorted label order.
  std::map<std::string, int> group_number;
  for (const auto& g : group_of)
    if (!g.empty() || !grouped) group_number.emplace(g, 0);
  std::vector<std::string> group_labels;
  for (auto& [label, number] : group_number) {
    number = static_cast<int>(group_labels.size());
    group_labels.push_back(label);
  }
  std::vector<bool> has_group(s.regions.size());
  std::vector<int> region_group(s.regions.size(), -1);  // looked up once, not per period
  for (size_t i = 0; i < s.regions.size(); ++i) {
    has_group[i] = !grouped || !group_of[i].empty();
    if (has_group[i]) region_group[i] = group_number.at(group_of[i]);
  }

  Results res;
  std::vector<std::string> years, g_years, g_labels;
  std::vector<double> total, between, within, share, n_regions, g_n, g_pop, g_income, g_index;
  for (const auto p : selected_periods(inv, s)) {
    const PeriodValues v = observed(s, p, weighted, res, grouped ? has_group : std::vector<bool>{});
    std::vector<int> groups;
    groups.reserve(v.regions.size());
    for (const auto i : v.regions) groups.push_back(region_group[static_cast<size_t>(i)]);
    const auto d =
        inequality::theil_decomposition(v.x, groups, static_cast<int>(group_labels.size()), index,
                                        weighted ? v.w : Eigen::VectorXd());
    if (!d.total.defined())
      res.warnings.push_back(
          fmt::format("{}: {} is NA: {}", v.period, total_column, d.total.why_na));
    years.push_back(v.period);
    total.push_back(d.total.value);
    between.push_back(grouped ? d.between.value : NA);
    within.push_back(grouped ? d.within.value : NA);
    share.push_back(grouped ? d.between_share.value : NA);
    n_regions.push_back(static_cast<double>(v.regions.size()));
    if (!grouped) continue;
    for (size_t g = 0; g < d.groups.size(); ++g) {
      const auto& grp = d.groups[g];
      if (grp.regions == 0) continue;
      if (grp.regions == 1)
        res.warnings.push_back(fmt::format(
            "{}: group {} has one region; its within-group index is 0", v.period, group_labels[g]));
      else if (!grp.index.defined())
        res.warnings.push_back(fmt::format("{}: the index of group {} is NA: {}", v.period,
                                           group_labels[g], grp.index.why_na));
      g_years.push_back(v.period);
      g_labels.push_back(group_labels[g]);
      g_n.push_back(grp.regions);
      g_pop.push_back(grp.population_share);
      g_income.push_back(grp.income_share);
      g_index.push_back(grp.index.value);
    }
  }
  Table t;
  t.add_text("year", years);
  t.add_number(total_column, total);
  t.add_number("between", between);
  t.add_number("within", within);
  t.add_number("between_share", share);
  t.add_number("n", n_regions);
  res.add(output, std::move(t));
  if (grouped) {
    Table g;
    g.add_text("year", g_years);
    g.add_text("group", g_labels);
    g.add_number("regions", g_n);
    g.add_number("population_share", g_pop);
    g.add_number("income_share", g_income);
    g.add_number(total_column, g_index);
    res.add(output + "_groups", std::move(g));
  }
  return res;
}

const char* kWeightedMeanNote =
    "Weighted forms use omega = w / sum(w) and the weighted mean m_w = sum(omega x) throughout.";

}  // namespace

AGGLO_REGISTER_MEASURES(inequality) {
  registry.add(MeasureSpec{
      .name = "gini",
      .family = "inequality",
      .summary = "Gini coefficient of a regional value, its n/(n-1) form and, with weights, the "
                 "population-weighted Gini",
      .formula = "gini = sum_i sum_j |x_i - x_j| / (2 n^2 mean); gini_norm = n/(n-1) gini; "
                 "gini_w = sum_i sum_j omega_i omega_j |x_i - x_j| / (2 m_w), omega = w/sum(w)",
      .reference = "Gini (1912); REAT gini(), gini2(); PySAL inequality.gini",
      .inputs = {regional_input()},
      .options = {period_option()},
      .outputs =
          {{"gini",
            "one row per period and variant (gini, gini_norm, gini_w with the column role weight)",
            {"year", "variant", "value"}}},
      .kernel =
          [](const Invocation& inv) {
            const bool weighted = inv.column_given("weight");
            const RegionalSeries s = read_regional_series(inv, "table", weighted);
            Results res;
            KeyedRows rows{.key = "variant"};
            for (const auto p : selected_periods(inv, s)) {
              const PeriodValues v = observed(s, p, weighted, res);
              rows.add(v.period, "gini", inequality::gini(v.x), res);
              rows.add(v.period, "gini_norm", inequality::gini_normalised(v.x), res);
              if (weighted) rows.add(v.period, "gini_w", inequality::gini(v.x, v.w), res);
            }
            res.add("gini", rows.table());
            return res;
          },
      .also_in = {"inequality_spatial"},
  });

  registry.add(MeasureSpec{
      .name = "atkinson",
      .family = "inequality",
      .summary = "Atkinson inequality index for every requested inequality aversion epsilon",
      .formula = "A(e) = 1 - (sum_i omega_i (x_i/m)^(1-e))^(1/(1-e)); A(1) = 1 - geomean(x)/m; "
                 "omega_i = 1/n, or w_i/sum(w) when weighted",
      .reference =
          "Atkinson (1970) On the measurement of inequality, J. Econ. Theory 2; REAT atkinson()",
      .inputs = {regional_input()},
      .options =
          {period_option(),
           {.name = "epsilon",
            .type = OptionType::NumberList,
            .default_value = std::vector<double>{0.5, 1, 1.5, 2},
            .doc = "inequality aversion parameters >= 0 (one result row each)"},
           weighted_option(
               "population-weighted (column role weight) instead of every region counting once")},
      .outputs = {{"atkinson", "one row per period and epsilon", {"year", "epsilon", "atkinson"}}},
      .kernel =
          [](const Invocation& inv) {
            const bool weighted = inv.flag("weighted");
            const RegionalSeries s = read_regional_series(inv, "table", weighted);
            Results res;
            std::vector<std::string> years;
            std::vector<double> eps, values;
            for (const auto p : selected_periods(inv, s)) {
              const PeriodValues v = observed(s, p, weighted, res);
              for (const double e : inv.numbers("epsilon")) {
                const Scalar a = inequality::atkinson(v.x, e, v.w);
                if (!a.defined())
                  res.warnings.push_back(
                      fmt::format("{} epsilon {}: NA: {}", v.period, e, a.why_na));
                years.push_back(v.period);
                eps.push_back(e);
                values.push_back(a.value);
              }
            }
            Table t;
            t.add_text("year", years);
            t.add_number("epsilon", eps);
            t.add_number("atkinson", values);
            res.add("atkinson", std::move(t));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "cv_williamson",
      .family = "inequality",
      .summary =
          "Standard deviation and coefficient of variation (sample, population, normalised) and, "
          "with weights, the Williamson index",
      .formula =
          "sd_sample = sqrt(sum (x-m)^2/(n-1)); sd_population = sqrt(sum (x-m)^2/n); cv = sd/|m|; "
          "cv_norm = cv_population/sqrt(n-1); williamson = cv_weighted = sqrt(sum omega "
          "(x-m_w)^2)/m_w",
      .reference =
          "Williamson (1965) Regional inequality and the process of national development, EDCC 13; "
          "Kohn & Oeztuerk (2013); REAT sd2(), cv(), williamson()",
      .inputs = {regional_input()},
      .options = {period_option()},
      .outputs =
          {{"cv",
            std::string(
                "one row per period and variant (sd_sample, sd_population, cv_sample, "
                "cv_population, cv_norm; cv_weighted, williamson with the column role weight). ") +
                kWeightedMeanNote,
            {"year", "variant", "value"}}},
      .kernel =
          [](const Invocation& inv) {
            const bool weighted = inv.column_given("weight");
            const RegionalSeries s = read_regional_series(inv, "table", weighted);
            Results res;
            KeyedRows rows{.key = "variant"};
            for (const auto p : selected_periods(inv, s)) {
              const PeriodValues v = observed(s, p, weighted, res);
              rows.add(v.period, "sd_sample", inequality::standard_deviation(v.x, true), res);
              rows.add(v.period, "sd_population", inequality::standard_deviation(v.x, false), res);
              rows.add(v.period, "cv_sample", inequality::coefficient_of_variation(v.x, true), res);
              rows.add(v.period, "cv_population", inequality::coefficient_of_variation(v.x, false),
                       res);
              rows.add(v.period, "cv_norm", inequality::coefficient_of_variation_normalised(v.x),
                       res);
              if (weighted) {
                rows.add(v.period, "cv_weighted", inequality::williamson(v.x, v.w), res);
                rows.add(v.period, "williamson", inequality::williamson(v.x, v.w), res);
              }
            }
            res.add("cv", rows.table());
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "dispersion_summary",
      .family = "inequality",
      .summary =
          "A battery of inequality and dispersion statistics of a regional per-capita value "
          "(Gini, Herfindahl, Hoover, mean log deviation, Coulter, Atkinson, SD, CV, Williamson)",
      .formula = "s = x/sum(x), q = w x/sum(w x); hhi = sum s^2; hoover = 1/2 sum |s - 1/n|; "
                 "hoover_w = 1/2 sum |q - omega|; coulter = sqrt(sum (s - 1/n)^2 / 2); "
                 "mean_log_deviation = (1/n) sum ln(m/x); see gini, atkinson, cv_williamson",
      .reference = "REAT disp() with the corrected weighted forms; Hoover (1936); Coulter (1989); "
                   "Theil (1967)",
      .inputs = {regional_input()},
      .options =
          {period_option(),
           weighted_option(
               "add the population-weighted rows (*_w, williamson); needs the column role weight"),
           {.name = "atkinson_epsilon",
            .type = OptionType::Number,
            .default_value = 0.5,
            .doc = "inequality aversion of the atkinson row"}},
      .outputs =
          {{"disp",
            std::string(
                "one row per period and statistic: gini, gini_norm, [gini_w], hhi, hhi_norm, "
                "hhi_eq, hoover, [hoover_w], mean_log_deviation, [mean_log_deviation_w], "
                "coulter, [coulter_w], atkinson, sd, [sd_w], cv, cv_norm, [williamson]. ") +
                kWeightedMeanNote,
            {"year", "statistic", "value"}}},
      .kernel =
          [](const Invocation& inv) {
            const bool weighted = inv.flag("weighted");
            const RegionalSeries s = read_regional_series(inv, "table", weighted);
            const double e = inv.number("atkinson_epsilon");
            Results res;
            KeyedRows rows{.key = "statistic"};
            for (const auto p : selected_periods(inv, s)) {
              const PeriodValues v = observed(s, p, weighted, res);
              const std::string& y = v.period;
              namespace ineq = inequality;
              rows.add(y, "gini", ineq::gini(v.x), res);
              rows.add(y, "gini_norm", ineq::gini_normalised(v.x), res);
              if (weighted) rows.add(y, "gini_w", ineq::gini(v.x, v.w), res);
              rows.add(y, "hhi", ineq::herfindahl(v.x), res);
              rows.add(y, "hhi_norm", ineq::herfindahl_normalised(v.x), res);
              rows.add(y, "hhi_eq", ineq::herfindahl_equivalent_number(v.x), res);
              rows.add(y, "hoover", ineq::hoover(v.x), res);
              if (weighted) rows.add(y, "hoover_w", ineq::hoover(v.x, v.w), res);
              rows.add(y, "mean_log_deviation", ineq::mean_log_deviation(v.x), res);
              if (weighted)
                rows.add(y, "mean_log_deviation_w", ineq::mean_log_deviation(v.x, v.w), res);
              rows.add(y, "coulter", ineq::coulter(v.x), res);
              if (weighted) rows.add(y, "coulter_w", ineq::coulter(v.x, v.w), res);
              rows.add(y, "atkinson", ineq::atkinson(v.x, e), res);
              rows.add(y, "sd", ineq::standard_deviation(v.x, true), res);
              if (weighted) rows.add(y, "sd_w", ineq::standard_deviation_weighted(v.x, v.w), res);
              rows.add(y, "cv", ineq::coefficient_of_variation(v.x, true), res);
              rows.add(y, "cv_norm", ineq::coefficient_of_variation_normalised(v.x), res);
              if (weighted) rows.add(y, "williamson", ineq::williamson(v.x, v.w), res);
            }
            res.add("disp", rows.table());
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "theil",
      .family = "inequality",
      .summary =
          "Theil's T or L index of a regional value, with its between/within decomposition over "
          "region groups when groups are given",
      .formula = "T = sum_i q_i ln(q_i/omega_i) = sum_g Q_g ln(Q_g/P_g) + sum_g Q_g T_g; "
                 "L = sum_i omega_i ln(omega_i/q_i) = sum_g P_g ln(P_g/Q_g) + sum_g P_g L_g; "
                 "omega = 1/n or w/sum(w), q = omega x / m_w",
      .reference = "Theil (1967) Economics and Information Theory; Shorrocks (1980); Akita (2003); "
                   "PySAL Theil, TheilD",
      .inputs = grouped_inputs(),
      .options =
          {period_option(),
           {.name = "index",
            .type = OptionType::Choice,
            .default_value = "T",
            .choices = {"T", "L"},
            .doc = "T: Theil's T, GE(1); L: the mean log deviation, GE(0)"},
           weighted_option(
               "population-weighted (column role weight) instead of every region counting once"),
           group_depth_option()},
      .outputs =
          {{"theil",
            "one row per period: the index (column T or L), between, within, between_share, n "
            "(between and within NA without groups)",
            {"year", "T|L", "between", "within", "between_share", "n"}},
           {"theil_groups",
            "with groups: one row per period and group",
            {"year", "group", "regions", "population_share", "income_share", "T|L"}}},
      .kernel =
          [](const Invocation& inv) {
            const bool is_t = inv.text("index") == "T";
            return theil_results(inv, is_t ? inequality::TheilIndex::T : inequality::TheilIndex::L,
                                 inv.flag("weighted"), "theil", is_t ? "T" : "L", false);
          },
  });

  registry.add(MeasureSpec{
      .name = "mean_log_deviation",
      .family = "inequality",
      .summary =
          "Mean log deviation (Theil's L, GE(0)) of a regional value, with its between/within "
          "decomposition over region groups when groups are given",
      .formula = "L = sum_i omega_i ln(m_w / x_i) = sum_g P_g ln(P_g/Q_g) + sum_g P_g L_g",
      .reference = "Theil (1967); Shorrocks (1980); Bourguignon (1979)",
      .inputs = grouped_inputs(),
      .options =
          {period_option(),
           weighted_option(
               "population-weighted (column role weight) instead of every region counting once"),
           group_depth_option()},
      .outputs = {{"mld",
                   "one row per period: L, between, within, between_share, n",
                   {"year", "L", "between", "within", "between_share", "n"}},
                  {"mld_groups",
                   "with groups: one row per period and group",
                   {"year", "group", "regions", "population_share", "income_share", "L"}}},
      .kernel =
          [](const Invocation& inv) {
            return theil_results(inv, inequality::TheilIndex::L, inv.flag("weighted"), "mld", "L",
                                 false);
          },
  });

  registry.add(MeasureSpec{
      .name = "theil_decomposition",
      .family = "inequality_spatial",
      .summary = "Theil's T index of a regional value and its exact between-group / within-group "
                 "decomposition, per period",
      .formula = "s_i = x_i / sum x; T = sum_i s_i ln(n s_i); between = sum_g s_g ln(s_g n / n_g); "
                 "within = T - between = sum_g s_g T_g",
      .reference = "Theil (1967); Shorrocks (1980); PySAL inequality.theil.TheilD",
      .inputs = grouped_inputs(),
      .options =
          {period_option(),
           weighted_option(
               "population-weighted T (column role weight); default every region counts once"),
           group_depth_option()},
      .outputs = {{"theil",
                   "one row per period",
                   {"year", "T", "between", "within", "between_share", "n"}},
                  {"theil_groups",
                   "one row per period and group",
                   {"year", "group", "regions", "population_share", "income_share", "T"}}},
      .kernel =
          [](const Invocation& inv) {
            return theil_results(inv, inequality::TheilIndex::T, inv.flag("weighted"), "theil", "T",
                                 true);
          },
  });
}

}  // namespace agglo
