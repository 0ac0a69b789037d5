// Registration of the trade family's code and tariff-schedule measures: hs_aggregate,
// tariff_lines_to_hs6, tariff_in_force, average_tariff.
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "families/trade/average_tariff.hpp"
#include "families/trade/hs_code.hpp"
#include "families/trade/trade_inputs.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

InputSpec schedule_input(std::string role, std::string doc) {
  return InputSpec{std::move(role), std::move(doc), true, {"code", "list", "rate", "start", "end"}};
}

const char* kScheduleDoc =
    "tariff lines: code (HS/HTS, dots allowed), [list], rate (percent), start (yyyy-mm-dd), [end "
    "(first day no longer in force)]; a line without end lasts until the next line of its code and "
    "list";

std::vector<IsoDate> dates_option(const Invocation& inv, const TariffSchedule& schedule) {
  if (!inv.has("date")) return schedule.start_dates();
  std::vector<IsoDate> out;
  for (const auto& d : split_list(inv.text("date"))) out.push_back(date_option(d));
  if (out.empty()) throw UsageError("option date: give at least one date yyyy-mm-dd");
  return out;
}

Results run_hs_aggregate(const Invocation& inv) {
  const int level = static_cast<int>(inv.integer("level"));
  check_hs_level(level);
  const auto flows = read_flows(inv, "table", {});
  std::map<std::tuple<std::string, std::string, std::string, std::string>, std::pair<double, int>>
      sums;
  for (const auto& f : flows) {
    auto& s = sums[{f.period, f.partner, f.regime, hs_ancestor(f.product, level, f.pos)}];
    s.first += f.value;
    ++s.second;
  }
  std::vector<std::string> period, partner, regime, code;
  std::vector<double> value, n;
  for (const auto& [key, s] : sums) {
    period.push_back(std::get<0>(key));
    partner.push_back(std::get<1>(key));
    regime.push_back(std::get<2>(key));
    code.push_back(std::get<3>(key));
    value.push_back(s.first);
    n.push_back(s.second);
  }
  const TextTable& t = inv.table("table");
  Table out;
  if (optional_column(inv, t, "period")) out.add_text("period", period);
  if (optional_column(inv, t, "partner")) out.add_text("partner", partner);
  if (optional_column(inv, t, "regime")) out.add_text("regime", regime);
  out.add_text("code", code).add_number("value", value).add_number("n_rows", n);
  Results res;
  res.add("aggregate", std::move(out));
  return res;
}

Results run_tariff_lines_to_hs6(const Invocation& inv) {
  std::vector<std::string> universe;
  TariffSchedule schedule(read_tariff_lines(inv, "table", &universe));
  if (inv.has_input("universe")) {
    const TextTable& u = inv.table("universe");
    const size_t code = u.column(inv.column("code"));
    for (size_t r = 0; r < u.rows(); ++r)
      universe.push_back(normalize_hs_code(u.text(r, code), u.pos(r, code)));
  }
  const auto agg =
      inv.text("rate_aggregation") == "mean" ? RateAggregation::Mean : RateAggregation::Max;
  const bool share_rule = inv.text("rule") == "share";
  const auto rows = tariff_lines_to_hs6(schedule, universe, agg);
  std::vector<std::string> hs6, list, effective;
  std::vector<double> n_lines, n_listed, listed, share, coverage, rate;
  for (const auto& c : rows) {
    hs6.push_back(c.hs6);
    list.push_back(c.list);
    effective.push_back(c.effective.to_string());
    n_lines.push_back(c.n_lines);
    n_listed.push_back(c.n_listed);
    listed.push_back(c.listed ? 1 : 0);
    share.push_back(c.share);
    coverage.push_back(share_rule ? c.share : (c.listed ? 1 : 0));
    rate.push_back(c.rate);
  }
  Table out;
  out.add_text("hs6", hs6).add_text("list", list).add_text("effective", effective);
  out.add_number("n_lines", n_lines).add_number("n_listed", n_listed).add_number("listed", listed);
  out.add_number("share", share).add_number("coverage", coverage).add_number("rate", rate);
  Results res;
  res.add("hs6", std::move(out));
  if (universe.empty() && share_rule)
    res.warnings.push_back(
        "no national lines outside the lists were given (a `universe` input or rows with a "
        "blank list): shares are over the listed lines only");
  return res;
}

Results run_tariff_in_force(const Invocation& inv) {
  TariffSchedule schedule(read_tariff_lines(inv, "table"));
  std::vector<std::string> codes = schedule.codes();
  if (inv.has_input("products")) {
    codes.clear();
    for (const auto& [code, group] : read_product_groups(inv, "products")) codes.push_back(code);
  }
  std::vector<std::string> date_col, code_col, lists;
  std::vector<double> rate, n_lines;
  for (const IsoDate& date : dates_option(inv, schedule))
    for (const auto& code : codes) {
      const TariffInForce t = schedule.tariff_in_force(code, date);
      date_col.push_back(date.to_string());
      code_col.push_back(code);
      lists.push_back(t.lists);
      rate.push_back(t.n_lines == 0 ? (inv.flag("absent_as_zero") ? 0.0 : NA) : t.rate);
      n_lines.push_back(t.n_lines);
    }
  Table out;
  out.add_text("date", date_col).add_text("code", code_col).add_text("lists", lists);
  out.add_number("rate", rate).add_number("n_lines", n_lines);
  Results res;
  res.add("tariff", std::move(out));
  return res;
}

Results run_average_tariff(const Invocation& inv) {
  TariffSchedule schedule(read_tariff_lines(inv, "table"));
  std::map<std::string, std::string> products;
  if (inv.has_input("products")) products = read_product_groups(inv, "products");
  // Weights: trade value by product and period.
  std::map<std::string, std::map<std::string, double>> weights;  // period -> code -> value
  if (inv.has_input("weights"))
    for (const auto& f : read_flows(inv, "weights", {})) weights[f.period][f.product] += f.value;
  if (products.empty()) {
    if (!weights.empty()) {
      for (const auto& [period, by_code] : weights)
        for (const auto& [code, v] : by_code) products.emplace(code, "all");
    } else {
      for (const auto& code : schedule.codes()) products.emplace(code, "all");
    }
  }
  const std::string weighting = inv.text("weighting");
  const auto absent = inv.text("absent") == "exclude" ? AbsentTariff::Exclude : AbsentTariff::Zero;
  Results res;
  std::vector<std::string> date_col, group_col, weight_period_col;
  std::vector<double> n_products, n_in_force, simple, weighted, weight_total;
  const std::map<std::string, double> no_weights;
  for (const IsoDate& date : dates_option(inv, schedule)) {
    std::string period;
    if (!weights.empty()) {
      if (weighting == "base") {
        if (!inv.has("weight_period") && weights.size() > 1)
          throw UsageError(
              "option weight_period: the weights hold several periods; name the base period");
        period = inv.has("weight_period") ? inv.text("weight_period") : weights.begin()->first;
      } else {
        period = std::to_string(date.year);
      }
    }
    auto w = weights.find(period);
    if (!weights.empty() && w == weights.end()) {
      if (weighting == "base")
        throw UsageError("option weight_period: the weights have no period \"" + period + "\"");
      res.warnings.push_back(
          fmt::format("{}: no weights of period {}; the trade-weighted average is NA",
                      date.to_string(), period));
    }
    for (const auto& a : average_tariff(schedule, date, products,
                                        w == weights.end() ? no_weights : w->second, absent)) {
      date_col.push_back(date.to_string());
      group_col.push_back(a.group);
      weight_period_col.push_back(period);
      n_products.push_back(a.n_products);
      n_in_force.push_back(a.n_in_force);
      simple.push_back(a.simple);
      weighted.push_back(a.trade_weighted);
      weight_total.push_back(a.weight_total);
      if (!weights.empty() && w != weights.end() && is_na(a.trade_weighted))
        res.warnings.push_back(
            fmt::format("{} group {}: the weights sum to 0; the trade-weighted average is NA",
                        date.to_string(), a.group));
    }
  }
  Table out;
  out.add_text("date", date_col)
      .add_text("group", group_col)
      .add_text("weight_period", weight_period_col);
  out.add_number("n_products", n_products).add_number("n_in_force", n_in_force);
  out.add_number("simple_average", simple).add_number("trade_weighted_average", weighted);
  out.add_number("weight_total", weight_total);
  res.add("average", std::move(out));
  return res;
}

}  // namespace

AGGLO_REGISTER_MEASURES(trade_tariffs) {
  registry.add(MeasureSpec{
      .name = "hs_aggregate",
      .family = "trade",
      .summary = "Aggregate trade flows up the HS hierarchy (chapter, heading, subheading)",
      .formula = "x_g = sum of x_p over the codes p whose first `level` digits are g (per period, "
                 "partner, regime)",
      .reference = "World Customs Organization, Harmonized System nomenclature",
      .inputs = {{"table",
                  "trade flows: product (HS code), value, [period], [partner], [regime]",
                  true,
                  {"product", "value", "period", "partner", "regime"}}},
      .options = {{.name = "level",
                   .type = OptionType::Integer,
                   .default_value = 2,
                   .doc =
                       "digits of the aggregate: 2 (chapter), 4 (heading), 6 (subheading) or 8"}},
      .outputs = {{"aggregate",
                   "one row per [period, partner, regime and] aggregated code",
                   {"period", "partner", "regime", "code", "value", "n_rows"}}},
      .kernel = run_hs_aggregate,
  });
  registry.add(MeasureSpec{
      .name = "tariff_lines_to_hs6",
      .family = "trade",
      .summary =
          "Map national tariff lines (HTS-8/10) on lists to HS-6: any-line rule and share of lines",
      .formula = "listed(h,l) = 1 if any line of HS-6 h is on list l; share(h,l) = listed lines / "
                 "national lines of h",
      .reference = "Fajgelbaum, Goldberg, Kennedy & Khandelwal (2020) QJE; Amiti, Redding & "
                   "Weinstein (2019) JEP",
      .inputs = {schedule_input("table", std::string(kScheduleDoc) +
                                             "; rows with a blank list are national "
                                             "lines that are not listed"),
                 {"universe",
                  "every national tariff line (column code), for the share rule",
                  false,
                  {"code"}}},
      .options = {{.name = "rule",
                   .type = OptionType::Choice,
                   .default_value = "any",
                   .choices = {"any", "share"},
                   .doc = "what the `coverage` column holds: any = 1 if any line is listed (the "
                          "studies of the "
                          "2018-19 rounds), share = the share of the HS-6's lines that are listed"},
                  {.name = "rate_aggregation",
                   .type = OptionType::Choice,
                   .default_value = "max",
                   .choices = {"max", "mean"},
                   .doc = "rate of an HS-6 from its listed lines"}},
      .outputs = {{"hs6",
                   "one row per HS-6, list and date where its coverage or rate changes",
                   {"hs6", "list", "effective", "n_lines", "n_listed", "listed", "share",
                    "coverage", "rate"}}},
      .kernel = run_tariff_lines_to_hs6,
  });
  registry.add(MeasureSpec{
      .name = "tariff_in_force",
      .family = "trade",
      .summary = "The tariff in force for every code on a date (lines of different lists stack)",
      .formula = "t_p(d) = sum of the rates of the lines of p with start <= d < end",
      .reference = "USITC Harmonized Tariff Schedule, chapter 99; Bown & Kolb (2023) Trump's trade "
                   "war timeline",
      .inputs = {schedule_input("table", kScheduleDoc),
                 {"products",
                  "the codes to query (column product); default every code of the schedule",
                  false,
                  {"product"}}},
      .options = {{.name = "date",
                   .type = OptionType::Text,
                   .doc = "date(s) yyyy-mm-dd, comma-separated; default "
                          "every start date of the schedule",
                   .optional = true},
                  {.name = "absent_as_zero",
                   .type = OptionType::Boolean,
                   .default_value = false,
                   .doc = "a code without a line in force gets 0 instead of NA"}},
      .outputs = {{"tariff",
                   "one row per date and code",
                   {"date", "code", "lists", "rate", "n_lines"}}},
      .kernel = run_tariff_in_force,
  });
  registry.add(MeasureSpec{
      .name = "average_tariff",
      .family = "trade",
      .summary = "Simple and trade-weighted average tariff over a product set on dates (base-year "
                 "or current weights)",
      .formula = "simple = (1/N) sum_p t_p(d); trade-weighted = sum_p w_p t_p(d) / sum_p w_p",
      .reference =
          "WTO/ITC/UNCTAD World Tariff Profiles; Bown (2021) The US-China trade war and Phase One",
      .inputs = {schedule_input("table", kScheduleDoc),
                 {"weights",
                  "trade values: product, value, [period]",
                  false,
                  {"product", "value", "period"}},
                 {"products",
                  "the product set: product, [group]; default the weighted products, else the "
                  "schedule's codes",
                  false,
                  {"product", "group"}}},
      .options =
          {{.name = "date",
            .type = OptionType::Text,
            .doc = "date(s) yyyy-mm-dd, comma-separated; default every start date of the schedule",
            .optional = true},
           {.name = "weighting",
            .type = OptionType::Choice,
            .default_value = "base",
            .choices = {"base", "current"},
            .doc =
                "base = the weights of weight_period for every date; current = the weights of the "
                "date's year"},
           {.name = "weight_period",
            .type = OptionType::Text,
            .doc = "the base period of the weights (required when they hold several periods)",
            .optional = true},
           {.name = "absent",
            .type = OptionType::Choice,
            .default_value = "zero",
            .choices = {"zero", "exclude"},
            .doc = "a product of the set without a line in force counts as 0 or is left out"}},
      .outputs = {{"average",
                   "one row per date and product group",
                   {"date", "group", "weight_period", "n_products", "n_in_force", "simple_average",
                    "trade_weighted_average", "weight_total"}}},
      .kernel = run_average_tariff,
  });
}

}  // namespace agglo
