// Registration of the trade family's supply-chain and reporting measures: export_deviation,
// supplier_concentration, reshoring_index, table_check.
#include <map>
#include <set>

#include <fmt/format.h>

#include "families/trade/export_deviation.hpp"
#include "families/trade/supplier_concentration.hpp"
#include "families/trade/table_check.hpp"
#include "families/trade/trade_inputs.hpp"
#include "io/csv_reader.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

Results run_export_deviation(const Invocation& inv) {
  const TextTable& t = inv.table("table");
  const size_t industry = t.column(inv.column("industry")), period = t.column(inv.column("period"));
  const size_t orders = t.column(inv.column("orders")), exports = t.column(inv.column("exports"));
  const auto share = optional_column(inv, t, "overseas_share");
  std::vector<OrderRecord> records;
  for (size_t r = 0; r < t.rows(); ++r) {
    OrderRecord o;
    o.industry = std::string(trim(t.text(r, industry)));
    o.month = parse_month(trim(t.text(r, period)), t.pos(r, period));
    o.orders = t.number(r, orders);
    o.exports = t.number(r, exports);
    o.overseas_share = share ? t.number(r, *share) : NA;
    if (is_na(o.orders) || is_na(o.exports))
      throw Error(t.pos(r, is_na(o.orders) ? orders : exports),
                  "expected export orders and customs exports, got NA");
    if (o.orders < 0 || o.exports < 0)
      throw Error(t.pos(r, o.orders < 0 ? orders : exports), "expected a value >= 0");
    if (!is_na(o.overseas_share) && (o.overseas_share < 0 || o.overseas_share > 100))
      throw Error(
          t.pos(r, *share),
          fmt::format("expected an overseas share in percent (0-100), got {}", t.text(r, *share)));
    records.push_back(o);
  }
  const double scale = inv.number("scale");
  Results res;
  const auto rows = export_order_deviation(records, scale);
  std::vector<std::string> ind, per;
  std::vector<double> ord, exp, rate, sh, prod;
  for (size_t k = 0; k < rows.size(); ++k) {
    ind.push_back(rows[k].industry);
    per.push_back(fmt::format("{:04}-{:02}", rows[k].month.year, rows[k].month.month));
    ord.push_back(records[k].orders);
    exp.push_back(records[k].exports);
    rate.push_back(rows[k].deviation_rate);
    sh.push_back(records[k].overseas_share);
    prod.push_back(rows[k].overseas_production);
    if (is_na(rows[k].deviation_rate))
      res.warnings.push_back(fmt::format("{} {}: customs exports are 0, the deviation rate is NA",
                                         ind.back(), per.back()));
  }
  Table d;
  d.add_text("industry", ind)
      .add_text("period", per)
      .add_number("orders", ord)
      .add_number("exports", exp);
  d.add_number("deviation_rate", rate)
      .add_number("overseas_share", sh)
      .add_number("overseas_production", prod);
  res.add("deviation", std::move(d));
  const auto how = inv.text("half_year_mean") == "rate_of_sums" ? HalfYearMean::RateOfSums
                                                                : HalfYearMean::MeanOfRates;
  std::vector<std::string> h_ind, h_half;
  std::vector<double> h_n, h_rate, h_share;
  for (const auto& h : half_year_means(records, scale, how)) {
    h_ind.push_back(h.industry);
    h_half.push_back(h.half);
    h_n.push_back(h.n_months);
    h_rate.push_back(h.deviation_rate);
    h_share.push_back(h.overseas_share);
  }
  Table h;
  h.add_text("industry", h_ind).add_text("half", h_half).add_number("n_months", h_n);
  h.add_number("deviation_rate", h_rate).add_number("overseas_share", h_share);
  res.add("half_year", std::move(h));
  std::vector<std::string> t_ind;
  std::vector<double> t_n, t_slope, t_int;
  for (const auto& tr : deviation_trend(rows)) {
    t_ind.push_back(tr.industry);
    t_n.push_back(tr.n);
    t_slope.push_back(tr.slope);
    t_int.push_back(tr.intercept);
    if (is_na(tr.slope))
      res.warnings.push_back(tr.industry +
                             ": fewer than two months with a deviation rate, the trend is NA");
  }
  Table tt;
  tt.add_text("industry", t_ind)
      .add_number("n_months", t_n)
      .add_number("slope", t_slope)
      .add_number("intercept", t_int);
  res.add("trend", std::move(tt));
  return res;
}

Results run_supplier_concentration(const Invocation& inv) {
  const auto flows = read_flows(inv, "table", {.partner = true, .product_is_hs = false});
  const int n = static_cast<int>(inv.integer("n"));
  if (n < 1) throw UsageError("option n: expected an integer >= 1");
  std::map<std::pair<std::string, std::string>, std::map<std::string, double>> groups;
  for (const auto& f : flows) groups[{f.period, f.product}][f.partner] += f.value;
  Results res;
  std::vector<std::string> per, prod, top;
  std::vector<double> total, np, hhi, cr, eq, top_share, single;
  for (const auto& [key, by_partner] : groups) {
    const auto c = supplier_concentration(by_partner, n, inv.number("threshold"));
    per.push_back(key.first);
    prod.push_back(key.second);
    total.push_back(c.total);
    np.push_back(c.n_partners);
    hhi.push_back(c.hhi);
    cr.push_back(c.cr_n);
    eq.push_back(c.equivalent_number);
    top.push_back(c.top_partner);
    top_share.push_back(c.top_share);
    single.push_back(is_na(c.top_share) ? NA : c.single_source ? 1 : 0);
    if (is_na(c.hhi))
      res.warnings.push_back(
          fmt::format("{} {}: total is 0, concentration is NA", key.first, key.second));
  }
  Table t;
  if (optional_column(inv, inv.table("table"), "period")) t.add_text("period", per);
  t.add_text("product", prod)
      .add_number("total", total)
      .add_number("n_partners", np)
      .add_number("hhi", hhi);
  t.add_number("cr_n", cr).add_number("equivalent_number", eq).add_text("top_partner", top);
  t.add_number("top_share", top_share).add_number("single_source", single);
  res.add("concentration", std::move(t));
  return res;
}

Results run_reshoring_index(const Invocation& inv) {
  const auto group_list = split_list(inv.text("group"));
  if (group_list.empty())
    throw UsageError("option group: name the low-cost countries (comma-separated)");
  const std::set<std::string> group(group_list.begin(), group_list.end());
  const auto flows = read_flows(inv, "table", {.partner = true, .product_is_hs = false});
  std::map<std::string, std::map<std::string, double>> imports, output;
  const bool with_total = inv.flag("total");
  for (const auto& f : flows) {
    if (!group.count(f.partner)) continue;
    imports[f.product][f.period] += f.value;
    if (with_total) imports["total"][f.period] += f.value;
  }
  const TextTable& o = inv.table("output");
  const size_t ind = o.column(inv.column("product")), per = o.column(inv.column("period"));
  const size_t val = o.column(inv.column("output"));
  for (size_t r = 0; r < o.rows(); ++r) {
    const double v = o.number(r, val);
    if (v < 0) throw Error(o.pos(r, val), "expected a domestic output >= 0");
    const std::string industry(trim(o.text(r, ind))), period(trim(o.text(r, per)));
    output[industry][period] += v;
    if (with_total) output["total"][period] += v;
  }
  Results res;
  std::vector<std::string> i_col, p_col;
  std::vector<double> m, y, ratio, change, index;
  for (const auto& r : reshoring_index(imports, output)) {
    i_col.push_back(r.industry);
    p_col.push_back(r.period);
    m.push_back(r.imports);
    y.push_back(r.output);
    ratio.push_back(r.ratio);
    change.push_back(r.change);
    index.push_back(r.reshoring_index);
    if (is_na(r.ratio))
      res.warnings.push_back(r.industry + " " + r.period +
                             ": domestic output is 0 or NA, the ratio is NA");
  }
  for (const auto& [industry, by_period] : imports)
    if (!output.count(industry))
      res.warnings.push_back(industry + ": imports but no domestic output; left out");
  Table t;
  t.add_text("industry", i_col)
      .add_text("period", p_col)
      .add_number("imports", m)
      .add_number("output", y);
  t.add_number("ratio", ratio).add_number("change", change).add_number("reshoring_index", index);
  res.add("reshoring", std::move(t));
  return res;
}

Results run_table_check(const Invocation& inv) {
  const TextTable& t = inv.table("table");
  const size_t label = inv.has("label_column") ? t.column(inv.text("label_column")) : 0;
  PublishedTable p;
  std::vector<size_t> cols;
  for (size_t c = 0; c < t.cols(); ++c)
    if (c != label) {
      cols.push_back(c);
      p.cols.push_back(t.header[c]);
    }
  auto col_index = [&](const std::string& name) -> size_t {
    const size_t c = t.column(name);
    for (size_t k = 0; k < cols.size(); ++k)
      if (cols[k] == c) return k;
    throw UsageError("column \"" + name + "\" is the label column");
  };
  p.values.resize(static_cast<Eigen::Index>(t.rows()), static_cast<Eigen::Index>(cols.size()));
  for (size_t r = 0; r < t.rows(); ++r) {
    p.rows.push_back(std::string(trim(t.text(r, label))));
    for (size_t k = 0; k < cols.size(); ++k)
      p.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(k)) = t.number(r, cols[k]);
  }
  if (inv.has("total_row")) {
    const std::string name = inv.text("total_row");
    for (size_t r = 0; r < p.rows.size(); ++r)
      if (p.rows[r] == name) p.total_row = r;
    if (!p.total_row) throw UsageError("option total_row: no row is labelled \"" + name + "\"");
  }
  if (inv.has("total_column")) p.total_col = col_index(inv.text("total_column"));
  if (inv.has("percent_columns"))
    for (const auto& pair : split_list(inv.text("percent_columns"))) {
      const size_t colon = pair.find(':');
      if (colon == std::string::npos)
        throw UsageError("option percent_columns: expected PERCENT_COLUMN:VALUE_COLUMN, got \"" +
                         pair + "\"");
      p.percent_of.emplace_back(col_index(pair.substr(0, colon)),
                                col_index(pair.substr(colon + 1)));
    }
  const auto result = table_check(p, inv.number("tolerance"), inv.number("percent_tolerance"));
  std::vector<std::string> row, col, check;
  std::vector<double> stated, computed, diff;
  for (const auto& i : result.issues) {
    row.push_back(i.row);
    col.push_back(i.col);
    check.push_back(i.check);
    stated.push_back(i.stated);
    computed.push_back(i.computed);
    diff.push_back(i.difference);
  }
  Results res;
  Table issues;
  issues.add_text("row", row).add_text("column", col).add_text("check", check);
  issues.add_number("stated", stated)
      .add_number("computed", computed)
      .add_number("difference", diff);
  res.add("issues", std::move(issues));
  Table summary;
  summary.add_text("statistic", {"checked", "skipped", "issues"});
  summary.add_number("value", std::vector<double>{static_cast<double>(result.checked),
                                                  static_cast<double>(result.skipped),
                                                  static_cast<double>(result.issues.size())});
  res.add("summary", std::move(summary));
  if (result.skipped)
    res.warnings.push_back(
        fmt::format("{} checks were skipped because a cell is missing", result.skipped));
  return res;
}

}  // namespace

AGGLO_REGISTER_MEASURES(trade_supply) {
  registry.add(MeasureSpec{
      .name = "export_deviation",
      .family = "trade",
      .summary = "Export-order deviation rate and overseas production by industry and month, "
                 "half-year means, trend",
      .formula = "d = scale (orders - customs exports) / customs exports; overseas production = "
                 "orders x share / 100",
      .reference =
          "Taiwan Ministry of Economic Affairs, Export Orders Survey (overseas production ratio)",
      .inputs = {{"table",
                  "industry, period (yyyy-mm), orders, exports, [overseas_share (percent)]",
                  true,
                  {"industry", "period", "orders", "exports", "overseas_share"}}},
      .options = {{.name = "scale",
                   .type = OptionType::Number,
                   .default_value = 100.0,
                   .doc = "multiplier of the deviation rate (100 = percent, 1 = ratio)"},
                  {.name = "half_year_mean",
                   .type = OptionType::Choice,
                   .default_value = "mean_of_rates",
                   .choices = {"mean_of_rates", "rate_of_sums"},
                   .doc = "half-year values: mean of the monthly rates/shares, or the rate of the "
                          "half-year sums"}},
      .outputs = {{"deviation",
                   "per industry and month",
                   {"industry", "period", "orders", "exports", "deviation_rate", "overseas_share",
                    "overseas_production"}},
                  {"half_year",
                   "per industry and half-year (2019H1)",
                   {"industry", "half", "n_months", "deviation_rate", "overseas_share"}},
                  {"trend",
                   "OLS trend of the monthly deviation rate per industry (slope per month)",
                   {"industry", "n_months", "slope", "intercept"}}},
      .kernel = run_export_deviation,
  });
  registry.add(MeasureSpec{
      .name = "supplier_concentration",
      .family = "trade",
      .summary = "Herfindahl and CR_n of partners (suppliers or buyers) per product or industry, "
                 "single-source flags",
      .formula = "s_j = x_j / sum x; HHI = sum s_j^2; CR_n = sum of the n largest s_j; single "
                 "source if max s_j > threshold",
      .reference = "Herfindahl (1950); Hirschman (1945); European Commission (2021) Strategic "
                   "dependencies SWD(2021) 352",
      .inputs = {{"table",
                  "flows: product (or industry), partner, value, [period]",
                  true,
                  {"product", "partner", "value", "period"}}},
      .options =
          {{.name = "n", .type = OptionType::Integer, .default_value = 4, .doc = "n of CR_n"},
           {.name = "threshold",
            .type = OptionType::Number,
            .default_value = 0.5,
            .doc = "single-source flag when the largest partner's share exceeds it"}},
      .outputs = {{"concentration",
                   "per [period and] product",
                   {"period", "product", "total", "n_partners", "hhi", "cr_n", "equivalent_number",
                    "top_partner", "top_share", "single_source"}}},
      .kernel = run_supplier_concentration,
  });
  registry.add(MeasureSpec{
      .name = "reshoring_index",
      .family = "trade",
      .summary = "Reshoring index: imports from a group of low-cost countries over domestic "
                 "output, and its change",
      .formula = "MIR_t = M^group_t / Y_t; index_t = -(MIR_t - MIR_t-1) x 10000 (basis points; > 0 "
                 "= reshoring)",
      .reference = "Kearney Reshoring Index (A.T. Kearney 2014-)",
      .inputs = {{"table",
                  "imports: product (industry), partner, period, value",
                  true,
                  {"product", "partner", "period", "value"}},
                 {"output",
                  "domestic output: product (industry), period, output",
                  true,
                  {"product", "period", "output"}}},
      .options = {{.name = "group",
                   .type = OptionType::Text,
                   .doc = "the low-cost countries (partner codes, comma-separated)"},
                  {.name = "total",
                   .type = OptionType::Boolean,
                   .default_value = true,
                   .doc = "add an industry \"total\" summing every industry"}},
      .outputs = {{"reshoring",
                   "per industry and period",
                   {"industry", "period", "imports", "output", "ratio", "change",
                    "reshoring_index"}}},
      .kernel = run_reshoring_index,
  });
  registry.add(MeasureSpec{
      .name = "table_check",
      .family = "trade",
      .summary = "Consistency check of a published table: every stated total and percentage that "
                 "does not add up",
      .formula = "row total = sum of the row's value columns; column total = sum of the rows; "
                 "percent = 100 x / total; "
                 "an issue when |stated - computed| > tolerance",
      .reference = "(data validation of published statistics)",
      .inputs = {{"table",
                  "the table: a label column and number columns (suppressed cells are NA)",
                  true,
                  {}}},
      .options =
          {{.name = "label_column",
            .type = OptionType::Text,
            .doc = "the row-label column (default: the first)",
            .optional = true},
           {.name = "total_row",
            .type = OptionType::Text,
            .doc = "label of the row stating the column totals",
            .optional = true},
           {.name = "total_column",
            .type = OptionType::Text,
            .doc = "the column stating the row totals",
            .optional = true},
           {.name = "percent_columns",
            .type = OptionType::Text,
            .doc =
                "PERCENT:VALUE pairs, comma-separated: the percent column is 100 x value / total",
            .optional = true},
           {.name = "tolerance",
            .type = OptionType::Number,
            .default_value = 0.5,
            .doc = "largest accepted |stated - computed| of totals (0.5 = rounding to units)"},
           {.name = "percent_tolerance",
            .type = OptionType::Number,
            .default_value = 0.1,
            .doc = "largest accepted difference of percentages (points)"}},
      .outputs = {{"issues",
                   "one row per failed check",
                   {"row", "column", "check", "stated", "computed", "difference"}},
                  {"summary",
                   "checks made, skipped (missing cells) and failed",
                   {"statistic", "value"}}},
      .kernel = run_table_check,
  });
}

}  // namespace agglo
