// Registration of the shift_share family: how each measure meets the CLI, verify and docs.
#include <algorithm>
#include <optional>

#include "families/shift_share/arcelus.hpp"
#include "families/shift_share/dynamic_shift_share.hpp"
#include "families/shift_share/focal_series.hpp"
#include "families/shift_share/portfolio.hpp"
#include "families/shift_share/shift_share.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

// ---- options shared by the measures ----------------------------------------------------------

OptionSpec region_option() {
  return {.name = "region",
          .type = OptionType::Text,
          .doc = "the focal region (a value of the region column)"};
}

OptionSpec reference_option() {
  return {.name = "reference",
          .type = OptionType::Text,
          .doc =
              "the reference economy (a value of the region column, e.g. a national total row); "
              "default: the sum of all regions of the table",
          .optional = true};
}

OptionSpec time_option(const std::string& name, const std::string& doc, bool optional) {
  return {.name = name, .type = OptionType::Text, .doc = doc, .optional = optional};
}

std::vector<OptionSpec> time_options(bool optional = true) {
  return {time_option("time1", "base period (default: the first period of the table)", optional),
          time_option("time2", "final period (default: the last period of the table)", optional)};
}

OptionSpec method_option() {
  return {.name = "method",
          .type = OptionType::Choice,
          .default_value = "dunn",
          .choices = {"dunn", "esteban_marquillas", "gerfin"},
          .doc =
              "dunn: classic additive; esteban_marquillas: homothetic employment and allocation "
              "effect; gerfin: multiplicative factors"};
}

OptionSpec zero_base_option() {
  return {
      .name = "zero_base",
      .type = OptionType::Choice,
      .default_value = "absolute",
      .choices = {"absolute", "na"},
      .doc =
          "dunn, an industry with no regional base value: absolute = its term e_i1 (e_i2/e_i1 - "
          "E_i2/E_i1) is read as e_i2 (exact decomposition); na = NA (REAT)"};
}

OptionSpec step_option() {
  return {.name = "step",
          .type = OptionType::Choice,
          .default_value = "annual",
          .choices = {"annual"},
          .doc = "annual: every pair of consecutive periods of the table between time1 and time2"};
}

OptionSpec gerfin_shifts_option() {
  return {.name = "gerfin_shifts",
          .type = OptionType::Choice,
          .default_value = "mean",
          .choices = {"mean", "sum", "product"},
          .doc =
              "aggregation of the yearly Gerfin factors: mean (arithmetic, REAT), sum (REAT), "
              "product (chained factor of the whole period)"};
}

std::vector<OptionSpec> portfolio_size_options() {
  return {{.name = "psize",
           .type = OptionType::Choice,
           .default_value = "time2",
           .choices = {"time1", "time2"},
           .doc = "regional value of which period sizes the bubbles"},
          {.name = "psize_factor",
           .type = OptionType::Number,
           .default_value = 10.0,
           .doc = "size of the largest bubble"}};
}

template <class... Lists>
std::vector<OptionSpec> concat(std::vector<OptionSpec> first, const Lists&... rest) {
  (first.insert(first.end(), rest.begin(), rest.end()), ...);
  return first;
}

// ---- reading the call ------------------------------------------------------------------------

ShiftShareMethod method_of(const Invocation& inv) {
  const std::string m = inv.text("method");
  if (m == "esteban_marquillas") return ShiftShareMethod::EstebanMarquillas;
  if (m == "gerfin") return ShiftShareMethod::Gerfin;
  return ShiftShareMethod::Dunn;
}

ZeroBase zero_base_of(const Invocation& inv) {
  return inv.text("zero_base") == "na" ? ZeroBase::NA : ZeroBase::Absolute;
}

GerfinAggregation gerfin_of(const Invocation& inv) {
  const std::string g = inv.text("gerfin_shifts");
  if (g == "sum") return GerfinAggregation::Sum;
  if (g == "product") return GerfinAggregation::Product;
  return GerfinAggregation::Mean;
}

Panel::Id period_option_or(const Invocation& inv, const Panel& panel, const std::string& option,
                           bool last) {
  if (inv.has(option)) return inv.selected_period(panel, option);
  const auto sorted = panel.sorted_periods();
  return last ? sorted.back() : sorted.front();
}

// The periods time1 .. time2 of the call, chronological (at least two).
std::vector<Panel::Id> window(const Invocation& inv, const Panel& panel) {
  return periods_between(panel, period_option_or(inv, panel, "time1", false),
                         period_option_or(inv, panel, "time2", true));
}

FocalSeries series(const Invocation& inv, const Panel& panel,
                   const std::vector<Panel::Id>& periods) {
  const std::optional<std::string> reference =
      inv.has("reference") ? std::optional<std::string>(inv.text("reference")) : std::nullopt;
  return focal_series(panel, inv.text("region"), reference, periods);
}

void warn(Results& res, const std::vector<std::string>& issues) {
  for (const auto& w : issues)
    if (std::find(res.warnings.begin(), res.warnings.end(), w) == res.warnings.end())
      res.warnings.push_back(w);
}

std::string step_label(const FocalSeries& s, Eigen::Index from, Eigen::Index to) {
  return s.periods[static_cast<size_t>(from)] + "-" + s.periods[static_cast<size_t>(to)];
}

// Warnings of the decomposition of the whole region from column `a` to `b`.
std::vector<std::string> issues(ShiftShareMethod method, const FocalSeries& s, Eigen::Index a,
                                Eigen::Index b, ZeroBase zero_base) {
  return shift_share_issues(method, s.region.col(a), s.region.col(b), s.reference.col(a),
                            s.reference.col(b), s.industries, step_label(s, a, b), zero_base);
}

// Warnings of every industry decomposed on its own from column `a` to `b`.
std::vector<std::string> industry_issues(ShiftShareMethod method, const FocalSeries& s,
                                         Eigen::Index a, Eigen::Index b, ZeroBase zero_base) {
  std::vector<std::string> out;
  for (Eigen::Index i = 0; i < s.region.rows(); ++i) {
    auto w = shift_share_issues(method, s.region.block(i, a, 1, 1), s.region.block(i, b, 1, 1),
                                s.reference.block(i, a, 1, 1), s.reference.block(i, b, 1, 1),
                                {s.industries[static_cast<size_t>(i)]}, step_label(s, a, b),
                                zero_base, true);
    out.insert(out.end(), w.begin(), w.end());
  }
  return out;
}

// ---- result tables ---------------------------------------------------------------------------

Table components_table(const ComponentList& list) {
  std::vector<std::string> names;
  std::vector<double> values;
  for (const auto& [n, v] : list) {
    names.push_back(n);
    values.push_back(v);
  }
  Table t;
  t.add_text("component", std::move(names));
  t.add_number("value", std::move(values));
  return t;
}

// Rows (component, <key>, value): for every key its components, in REAT's order.
Table keyed_components_table(const std::string& key, const std::vector<std::string>& keys,
                             const std::vector<ComponentList>& lists) {
  std::vector<std::string> names, key_col;
  std::vector<double> values;
  for (size_t k = 0; k < keys.size(); ++k)
    for (const auto& [n, v] : lists[k]) {
      names.push_back(n);
      key_col.push_back(keys[k]);
      values.push_back(v);
    }
  Table t;
  t.add_text("component", std::move(names));
  t.add_text(key, std::move(key_col));
  t.add_number("value", std::move(values));
  return t;
}

std::vector<ComponentList> per_industry_lists(ShiftShareMethod method,
                                              const std::vector<ShiftShareComponents>& cs) {
  std::vector<ComponentList> out;
  for (const auto& c : cs) out.push_back(component_list(method, c, true));
  return out;
}

Table growth_table(const FocalSeries& s, Eigen::Index a, Eigen::Index b, Results& res) {
  const Eigen::VectorXd e1 = s.region.col(a), e2 = s.region.col(b);
  const Eigen::VectorXd E1 = s.reference.col(a), E2 = s.reference.col(b);
  for (Eigen::Index i = 0; i < e1.size(); ++i) {
    const std::string ind = "industry \"" + s.industries[static_cast<size_t>(i)] + "\"";
    if (e1(i) == 0)
      warn(res, {ind + " has no regional value in " + s.periods[static_cast<size_t>(a)] +
                 ", so e_ij_growth_rel is NA"});
    if (E1(i) == 0)
      warn(res, {ind + " has no reference value in " + s.periods[static_cast<size_t>(a)] +
                 ", so e_i_growth_rel is NA"});
  }
  return labelled_columns("industry", s.industries,
                          {{"e_ij", e1},
                           {"e_ij_t1", e2},
                           {"e_ij_growth_abs", e2 - e1},
                           {"e_ij_growth_rel", relative_growth(e1, e2)},
                           {"e_i", E1},
                           {"e_i_t1", E2},
                           {"e_i_growth_abs", E2 - E1},
                           {"e_i_growth_rel", relative_growth(E1, E2)}});
}

// Warnings for portfolio views: which industries have no growth rate or bubble.
void portfolio_warnings(const FocalSeries& s, Results& res) {
  for (Eigen::Index i = 0; i < s.region.rows(); ++i)
    for (Eigen::Index t = 0; t + 1 < s.region.cols(); ++t) {
      const std::string ind = "industry \"" + s.industries[static_cast<size_t>(i)] + "\"";
      const std::string when = s.periods[static_cast<size_t>(t)];
      if (s.region(i, t) == 0)
        warn(res, {ind + " has no regional value in " + when + ", so its regional growth is NA"});
      if (s.reference(i, t) == 0)
        warn(res, {ind + " has no reference value in " + when + ", so its national growth is NA"});
      if (s.region.row(i).hasNaN() || s.reference.row(i).hasNaN())
        warn(res, {ind + " has an NA value, so its growth and LQ are NA"});
    }
}

const std::vector<std::string> kShiftShareColumns = {"region", "industry", "value", "period"};
const char* kReat = "REAT 3.0.3 (Wieland 2019)";

std::string reat(const std::string& fn) {
  return std::string(kReat) + " " + fn;
}

}  // namespace

AGGLO_REGISTER_MEASURES(shift_share) {
  registry.add(MeasureSpec{
      .name = "shift_share",
      .family = "shift_share",
      .summary = "Shift-share decomposition of a region's change between two periods (Dunn, "
                 "Esteban-Marquillas, Gerfin) and the growth table",
      .formula =
          "growth = e2 - e1 = national_share + industrial_mix + regional_share; national_share "
          "= e1 E2/E1 - e1; industrial_mix = sum_i e_i1 E_i2/E_i1 - e1 E2/E1; regional_share = "
          "sum_i e_i1 (e_i2/e_i1 - E_i2/E_i1); Esteban-Marquillas: h_i = e1 E_i1/E1, "
          "regional_share = sum_i h_i (...), allocation_effect = sum_i (e_i1 - h_i)(...); "
          "Gerfin: factors m/(E2/E1), (e2/e1)/m, (e2/e1)/(E2/E1) with m = sum_i e_i1 "
          "(E_i2/E_i1)/e1",
      .reference =
          "Dunn (1960); Esteban-Marquillas (1972) Regional and Urban Economics 2; Gerfin (1964); " +
          reat("shift()"),
      .inputs = {panel_input()},
      .options = concat({region_option(), reference_option()}, time_options(),
                        std::vector<OptionSpec>{method_option(), zero_base_option()}),
      .outputs = {{"components", "one row per component", {"component", "value"}},
                  {"growth",
                   "regional and reference levels and growth of every industry",
                   {"industry", "e_ij", "e_ij_t1", "e_ij_growth_abs", "e_ij_growth_rel", "e_i",
                    "e_i_t1", "e_i_growth_abs", "e_i_growth_rel"}}},
      .kernel =
          [](const Invocation& inv) {
            const auto held = inv.shared_panel("table");
            const Panel& panel = *held;
            const auto w = window(inv, panel);
            const FocalSeries s = series(inv, panel, {w.front(), w.back()});
            const auto method = method_of(inv);
            const auto zb = zero_base_of(inv);
            Results res;
            warn(res, issues(method, s, 0, 1, zb));
            res.add("components",
                    components_table(component_list(
                        method, shift_share(method, s.region.col(0), s.region.col(1),
                                            s.reference.col(0), s.reference.col(1), zb))));
            res.add("growth", growth_table(s, 0, 1, res));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "shift_share_industry",
      .family = "shift_share",
      .summary = "Shift-share decomposition of the whole region and of every industry on its own",
      .formula =
          "components as shift_share; per industry with e1 = e_i1, E1 = E_i1, ... (the national "
          "share uses the industry's own national growth; the industrial mix, 0, is dropped)",
      .reference = "Dunn (1960); " + reat("shifti()"),
      .inputs = {panel_input()},
      .options = concat({region_option(), reference_option()}, time_options(),
                        std::vector<OptionSpec>{method_option(), zero_base_option()}),
      .outputs = {{"components", "the whole region", {"component", "value"}},
                  {"components_industry",
                   "every industry on its own",
                   {"component", "industry", "value"}}},
      .kernel =
          [](const Invocation& inv) {
            const auto held = inv.shared_panel("table");
            const Panel& panel = *held;
            const auto w = window(inv, panel);
            const FocalSeries s = series(inv, panel, {w.front(), w.back()});
            const auto method = method_of(inv);
            const auto zb = zero_base_of(inv);
            const Eigen::VectorXd e1 = s.region.col(0), e2 = s.region.col(1);
            const Eigen::VectorXd E1 = s.reference.col(0), E2 = s.reference.col(1);
            Results res;
            warn(res, issues(method, s, 0, 1, zb));
            warn(res, industry_issues(method, s, 0, 1, zb));
            res.add("components", components_table(component_list(
                                      method, shift_share(method, e1, e2, E1, E2, zb))));
            res.add("components_industry",
                    keyed_components_table(
                        "industry", s.industries,
                        per_industry_lists(method,
                                           shift_share_by_industry(method, e1, e2, E1, E2, zb))));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "shift_share_dynamic",
      .family = "shift_share",
      .summary = "Dynamic shift-share: the decomposition of every pair of consecutive periods, "
                 "aggregated (summed; Gerfin factors by mean, sum or product)",
      .formula =
          "C = sum_t C(t -> t+1) for the additive methods; Gerfin: mean_t, sum_t or prod_t of "
          "the yearly factors",
      .reference = "Barff & Knight (1988) Growth and Change 19(2); " + reat("shiftd()"),
      .inputs = {panel_input()},
      .options = concat({region_option(), reference_option()}, time_options(),
                        std::vector<OptionSpec>{method_option(), step_option(),
                                                gerfin_shifts_option(), zero_base_option()}),
      .outputs = {{"components", "aggregated over the steps", {"component", "value"}},
                  {"components_year", "every step t-t+1", {"component", "period", "value"}}},
      .kernel =
          [](const Invocation& inv) {
            const auto held = inv.shared_panel("table");
            const Panel& panel = *held;
            const FocalSeries s = series(inv, panel, window(inv, panel));
            const auto method = method_of(inv);
            const auto zb = zero_base_of(inv);
            const DynamicShiftShare d =
                shift_share_dynamic(method, s.region, s.reference, gerfin_of(inv), zb);
            Results res;
            std::vector<std::string> steps;
            std::vector<ComponentList> lists;
            for (Eigen::Index t = 0; t + 1 < s.region.cols(); ++t) {
              warn(res, issues(method, s, t, t + 1, zb));
              steps.push_back(step_label(s, t, t + 1));
              lists.push_back(component_list(method, d.steps[static_cast<size_t>(t)]));
            }
            res.add("components", components_table(component_list(method, d.total)));
            res.add("components_year", keyed_components_table("period", steps, lists));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "shift_share_dynamic_industry",
      .family = "shift_share",
      .summary =
          "Dynamic (annual-step) shift-share of the whole region and of every industry on its own",
      .formula = "shift_share_dynamic of the region; per industry the same on its own series (the "
                 "industrial mix, 0, is dropped)",
      .reference = "Barff & Knight (1988); " + reat("shiftid()"),
      .inputs = {panel_input()},
      .options = concat({region_option(), reference_option()}, time_options(),
                        std::vector<OptionSpec>{method_option(), step_option(),
                                                gerfin_shifts_option(), zero_base_option()}),
      .outputs = {{"components",
                   "the whole region, aggregated over the steps",
                   {"component", "value"}},
                  {"components_industry",
                   "every industry on its own, aggregated over the steps",
                   {"component", "industry", "value"}}},
      .kernel =
          [](const Invocation& inv) {
            const auto held = inv.shared_panel("table");
            const Panel& panel = *held;
            const FocalSeries s = series(inv, panel, window(inv, panel));
            const auto method = method_of(inv);
            const auto zb = zero_base_of(inv);
            const auto gerfin = gerfin_of(inv);
            Results res;
            for (Eigen::Index t = 0; t + 1 < s.region.cols(); ++t) {
              warn(res, issues(method, s, t, t + 1, zb));
              warn(res, industry_issues(method, s, t, t + 1, zb));
            }
            res.add(
                "components",
                components_table(component_list(
                    method, shift_share_dynamic(method, s.region, s.reference, gerfin, zb).total)));
            res.add(
                "components_industry",
                keyed_components_table(
                    "industry", s.industries,
                    per_industry_lists(method, shift_share_dynamic_by_industry(
                                                   method, s.region, s.reference, gerfin, zb))));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "shift_share_prognosis",
      .family = "shift_share",
      .summary =
          "Shift-share prognosis: Gerfin components of time1 -> time2 projected to time3 with "
          "the reference's industry growth",
      .formula = "e_i3 = (E_i3 / E_i2) e_i2 RS, RS = Gerfin regional-share factor of the region "
                 "time1 -> time2",
      .reference = reat("shiftp()"),
      .inputs = {panel_input()},
      .options = concat(
          {region_option(), reference_option()}, time_options(false),
          std::vector<OptionSpec>{
              time_option("time3", "prognosis period (the reference's value is used)", false),
              {.name = "method",
               .type = OptionType::Choice,
               .default_value = "gerfin",
               .choices = {"gerfin"},
               .doc = "gerfin: the multiplicative regional share persists"}}),
      .outputs = {{"prognosis",
                   "projected regional value of every industry",
                   {"industry", "year", "emp_prognosis"}},
                  {"components",
                   "regional Gerfin components time1 -> time2",
                   {"component", "value"}},
                  {"components_industry",
                   "Gerfin components of every industry on its own",
                   {"component", "industry", "value"}}},
      .kernel =
          [](const Invocation& inv) {
            const auto held = inv.shared_panel("table");
            const Panel& panel = *held;
            const Panel::Id t1 = inv.selected_period(panel, "time1");
            const Panel::Id t2 = inv.selected_period(panel, "time2");
            const Panel::Id t3 = inv.selected_period(panel, "time3");
            periods_between(panel, t1, t2);
            periods_between(panel, t2, t3);
            const FocalSeries s = series(inv, panel, {t1, t2, t3});
            const auto method = ShiftShareMethod::Gerfin;
            const Eigen::VectorXd e1 = s.region.col(0), e2 = s.region.col(1);
            const Eigen::VectorXd E1 = s.reference.col(0), E2 = s.reference.col(1),
                                  E3 = s.reference.col(2);
            const ShiftShareComponents regional = shift_share_gerfin(e1, e2, E1, E2);
            Results res;
            warn(res, issues(method, s, 0, 1, ZeroBase::NA));
            warn(res, industry_issues(method, s, 0, 1, ZeroBase::NA));
            for (Eigen::Index i = 0; i < E2.size(); ++i)
              if (E2(i) == 0)
                warn(res,
                     {"industry \"" + s.industries[static_cast<size_t>(i)] +
                      "\" has no reference value in " + s.periods[1] + ", so its prognosis is NA"});
            const Eigen::VectorXd prognosis =
                shift_share_prognosis(e2, E2, E3, regional.regional_share);
            Table prognosis_table;
            prognosis_table.add_text("industry", s.industries);
            prognosis_table.add_text("year",
                                     std::vector<std::string>(s.industries.size(), s.periods[2]));
            prognosis_table.add_number("emp_prognosis", prognosis);
            res.add("prognosis", std::move(prognosis_table));
            res.add("components", components_table(component_list(method, regional)));
            res.add(
                "components_industry",
                keyed_components_table(
                    "industry", s.industries,
                    per_industry_lists(method, shift_share_by_industry(method, e1, e2, E1, E2))));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "portfolio_matrix",
      .family = "shift_share",
      .summary = "Portfolio (growth-share) matrix of a region's industries: regional and national "
                 "growth in percent, bubble size, share and LQ",
      .formula =
          "e_ij_growth_rel = 100 (e_i2/e_i1 - 1); e_i_growth_rel = 100 (E_i2/E_i1 - 1); point_size "
          "= psize_factor psize_i / max(psize); share = e_i2/e2; lq = (e_i2/e2)/(E_i2/E2)",
      .reference = "Boston Consulting Group growth-share matrix; " + reat("portfolio()"),
      .inputs = {panel_input()},
      .options =
          concat({region_option(), reference_option()}, time_options(), portfolio_size_options()),
      .outputs = {{"portfolio",
                   "one row per industry",
                   {"industry", "e_ij_growth_rel", "e_i_growth_rel", "point_size", "share", "lq"}}},
      .kernel =
          [](const Invocation& inv) {
            const auto held = inv.shared_panel("table");
            const Panel& panel = *held;
            const auto w = window(inv, panel);
            const FocalSeries s = series(inv, panel, {w.front(), w.back()});
            const Eigen::VectorXd size = s.region.col(inv.text("psize") == "time1" ? 0 : 1);
            const PortfolioMatrix p =
                portfolio_matrix(s.region.col(0), s.region.col(1), s.reference.col(0),
                                 s.reference.col(1), size, inv.number("psize_factor"));
            Results res;
            portfolio_warnings(s, res);
            res.add("portfolio", labelled_columns("industry", s.industries,
                                                  {{"e_ij_growth_rel", p.region_growth},
                                                   {"e_i_growth_rel", p.reference_growth},
                                                   {"point_size", p.point_size},
                                                   {"share", p.share},
                                                   {"lq", p.lq}}));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "lq_growth_portfolio",
      .family = "shift_share",
      .summary = "Location quotient vs growth portfolio of a region's industries: mean LQ over the "
                 "periods, regional/national growth and their ratio, bubble size",
      .formula =
          "LQ_it = (e_it/E_it)/(e_t/E_t); lq = mean_t LQ_it; g = mean_t (x_t+1/x_t) - 1; growth_r "
          "= 100 g_r; growth_n = 100 g_n; growth_rn = g_r/g_n - 1",
      .reference = reat("locq.growth()"),
      .inputs = {panel_input()},
      .options = concat({region_option(), reference_option()}, time_options(),
                        std::vector<OptionSpec>{
                            {.name = "periods",
                             .type = OptionType::Choice,
                             .default_value = "endpoints",
                             .choices = {"endpoints", "annual"},
                             .doc = "endpoints: time1 and time2; annual: every period in between"}},
                        portfolio_size_options()),
      .outputs = {{"lq_growth",
                   "one row per industry",
                   {"industry", "lq", "growth_r", "growth_n", "growth_rn", "point_size"}},
                  {"lq_by_year", "LQ of every industry and period", {"industry", "year", "lq"}}},
      .kernel =
          [](const Invocation& inv) {
            const auto held = inv.shared_panel("table");
            const Panel& panel = *held;
            auto w = window(inv, panel);
            if (inv.text("periods") == "endpoints") w = {w.front(), w.back()};
            const FocalSeries s = series(inv, panel, w);
            const Eigen::VectorXd size =
                s.region.col(inv.text("psize") == "time1" ? 0 : s.region.cols() - 1);
            const LqGrowthPortfolio p =
                lq_growth_portfolio(s.region, s.reference, size, inv.number("psize_factor"));
            Results res;
            portfolio_warnings(s, res);
            for (Eigen::Index i = 0; i < p.growth_n.size(); ++i)
              if (p.growth_n(i) == 0)
                warn(res, {"industry \"" + s.industries[static_cast<size_t>(i)] +
                           "\" has no national growth, so growth_rn (g_r/g_n - 1) is NA"});
            res.add("lq_growth", labelled_columns("industry", s.industries,
                                                  {{"lq", p.lq},
                                                   {"growth_r", p.growth_r},
                                                   {"growth_n", p.growth_n},
                                                   {"growth_rn", p.growth_rn},
                                                   {"point_size", p.point_size}}));
            res.add("lq_by_year",
                    long_table(s.industries, s.periods, p.lq_by_period, "industry", "year", "lq"));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "shift_share_arcelus",
      .family = "shift_share",
      .summary =
          "Arcelus' eight-component shift-share: national share, industrial mix, regional "
          "growth and regional industry mix, each split into homothetic and allocation parts",
      .formula =
          "h_i = e1 E_i1/E1; with G, G_i, r, r_i growth rates: h_i G | (e_i1-h_i) G; h_i (G_i-G) | "
          "...; h_i (r-G) | ...; h_i [(r_i-r)-(G_i-G)] | (e_i1-h_i)[(r_i-r)-(G_i-G)]; sum = e2 - "
          "e1",
      .reference = "Arcelus (1984) An extension of shift-share analysis, Growth and Change 15(1)",
      .inputs = {panel_input()},
      .options = concat({region_option(), reference_option()}, time_options()),
      .outputs = {{"components",
                   "growth and the eight components of the region",
                   {"component", "value"}},
                  {"components_industry",
                   "the eight components of every industry",
                   {"component", "industry", "value"}}},
      .kernel =
          [](const Invocation& inv) {
            const auto held = inv.shared_panel("table");
            const Panel& panel = *held;
            const auto w = window(inv, panel);
            const FocalSeries s = series(inv, panel, {w.front(), w.back()});
            const ArcelusShiftShare a = shift_share_arcelus(s.region.col(0), s.region.col(1),
                                                            s.reference.col(0), s.reference.col(1));
            const auto& names = arcelus_component_names();
            Results res;
            // Same undefined cases as Esteban-Marquillas (a growth rate per industry is needed).
            warn(res, issues(ShiftShareMethod::EstebanMarquillas, s, 0, 1, ZeroBase::NA));
            ComponentList total{{"growth", a.growth}};
            for (size_t k = 0; k < names.size(); ++k)
              total.emplace_back(names[k], a.total(static_cast<Eigen::Index>(k)));
            std::vector<ComponentList> rows;
            for (Eigen::Index i = 0; i < a.by_industry.rows(); ++i) {
              ComponentList l;
              for (size_t k = 0; k < names.size(); ++k)
                l.emplace_back(names[k], a.by_industry(i, static_cast<Eigen::Index>(k)));
              rows.push_back(std::move(l));
            }
            res.add("components", components_table(total));
            res.add("components_industry", keyed_components_table("industry", s.industries, rows));
            return res;
          },
  });
}

}  // namespace agglo
