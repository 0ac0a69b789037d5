// Registration of the trade family's exposure measures: tariff_exposure, flow_change,
// trade_diversion.
#include <map>
#include <set>

#include <fmt/format.h>

#include "families/trade/exposure.hpp"
#include "families/trade/hs_code.hpp"
#include "families/trade/trade_diversion.hpp"
#include "families/trade/trade_inputs.hpp"
#include "io/csv_reader.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

struct ListRow {
  std::string code, list;
  std::optional<IsoDate> start, end;
  double coverage = 1;
};

// The lists input: code, list, [start], [end], [coverage].
std::vector<ListRow> read_lists(const Invocation& inv, bool share_coverage) {
  const TextTable& t = inv.table("lists");
  const size_t code = t.column(inv.column("code"));
  const size_t list = t.column(inv.column("list"));
  const auto start = optional_column(inv, t, "start");
  const auto end = optional_column(inv, t, "end");
  const auto coverage =
      share_coverage ? OptColumn{t.column(inv.column("coverage")), true} : OptColumn{};
  std::vector<ListRow> out;
  for (size_t r = 0; r < t.rows(); ++r) {
    ListRow l;
    l.code = normalize_hs_code(t.text(r, code), t.pos(r, code));
    l.list = std::string(trim(t.text(r, list)));
    if (l.list.empty()) continue;  // a national line on no list
    if (start && !trim(t.text(r, *start)).empty())
      l.start = parse_iso_date(trim(t.text(r, *start)), t.pos(r, *start));
    if (end && !trim(t.text(r, *end)).empty())
      l.end = parse_iso_date(trim(t.text(r, *end)), t.pos(r, *end));
    if (coverage) {
      l.coverage = t.number(r, *coverage);
      if (is_na(l.coverage) || l.coverage < 0 || l.coverage > 1)
        throw Error(
            t.pos(r, *coverage),
            fmt::format("expected a coverage share in [0, 1], got \"{}\"", t.text(r, *coverage)));
    }
    out.push_back(std::move(l));
  }
  return out;
}

// Coverage of products by lists: on `date`, the latest row of the (code, list) that started on or
// before it and has not ended; without a date, the largest coverage of any row (ever listed).
ProductCoverage build_coverage(const std::vector<ListRow>& rows,
                               const std::optional<IsoDate>& date) {
  std::map<std::pair<std::string, std::string>, std::pair<IsoDate, double>> latest;
  ProductCoverage cov;
  for (const auto& r : rows) {
    if (!date) {
      double& c = cov[r.code][r.list];
      c = std::max(c, r.coverage);
      continue;
    }
    const IsoDate s = r.start.value_or(IsoDate{});
    if (s > *date) continue;
    const double c = r.end && *r.end <= *date ? 0.0 : r.coverage;
    auto [it, fresh] = latest.try_emplace({r.code, r.list}, s, c);
    if (!fresh && s >= it->second.first) it->second = {s, c};
  }
  for (const auto& [key, v] : latest) cov[key.first][key.second] = v.second;
  return cov;
}

void add_coverage_rows(Table& t, const std::string& group_name,
                       const std::vector<std::string>& periods,
                       const std::vector<CoverageRow>& rows) {
  std::vector<std::string> group, list;
  std::vector<double> total, covered, share;
  for (const auto& r : rows) {
    group.push_back(r.group);
    list.push_back(r.list);
    total.push_back(r.total);
    covered.push_back(r.covered);
    share.push_back(r.share);
  }
  t.add_text("period", periods).add_text(group_name, group).add_text("list", list);
  t.add_number("total", total).add_number("covered", covered).add_number("share", share);
}

Results run_tariff_exposure(const Invocation& inv) {
  Results res;
  int na_rows = 0;
  auto flows = read_flows(inv, "table", {}, &na_rows);
  if (na_rows)
    res.warnings.push_back(fmt::format("{} flow rows with a missing value were skipped", na_rows));
  if (inv.has("partner")) {
    const std::string p = inv.text("partner");
    std::erase_if(flows, [&](const FlowRow& f) { return f.partner != p; });
    if (flows.empty()) throw UsageError("option partner: no flow has the partner \"" + p + "\"");
  }
  const bool share_coverage = inv.text("coverage") == "share";
  const auto list_rows = read_lists(inv, share_coverage);
  std::set<size_t> flow_digits, list_digits;
  for (const auto& f : flows) flow_digits.insert(f.product.size());
  for (const auto& l : list_rows) list_digits.insert(l.code.size());
  if (flow_digits.size() == 1 && list_digits.size() == 1 &&
      *flow_digits.begin() != *list_digits.begin())
    throw UsageError(
        fmt::format("the lists hold {}-digit codes and the flows {}-digit codes: map the tariff "
                    "lines first (tariff_lines_to_hs6 or hs_aggregate)",
                    *list_digits.begin(), *flow_digits.begin()));
  std::optional<IsoDate> date;
  if (inv.has("date")) date = date_option(inv.text("date"));
  const ProductCoverage coverage = build_coverage(list_rows, date);
  std::set<std::string> list_set;
  for (const auto& l : list_rows) list_set.insert(l.list);
  const std::vector<std::string> lists(list_set.begin(), list_set.end());

  std::optional<Concordance> concordance;
  if (inv.has_input("concordance")) concordance = read_concordance(inv, "concordance");

  std::map<std::string, std::vector<const FlowRow*>> by_period;
  for (const auto& f : flows) by_period[f.period].push_back(&f);
  Table product_t, chapter_t, list_t, industry_t, region_t;
  std::vector<CoverageRow> product_rows, chapter_rows, list_rows_out, industry_rows;
  std::vector<std::string> product_p, chapter_p, list_p, industry_p;
  std::map<std::string, double> unmatched;
  std::vector<RegionalExposure> region_rows;
  std::vector<std::string> region_p;

  std::map<std::string, std::map<std::string, double>> employment;
  if (inv.has_input("employment")) {
    if (!concordance)
      throw UsageError("the employment input needs a concordance (products -> industries)");
    const TextTable& e = inv.table("employment");
    const size_t region = e.column(inv.column("region")),
                 industry = e.column(inv.column("industry"));
    const size_t emp = e.column(inv.column("employment"));
    for (size_t r = 0; r < e.rows(); ++r) {
      const double v = e.number(r, emp);
      if (is_na(v)) continue;
      if (v < 0)
        throw Error(e.pos(r, emp), fmt::format("expected employment >= 0, got {}", e.text(r, emp)));
      employment[std::string(trim(e.text(r, region)))][std::string(trim(e.text(r, industry)))] += v;
    }
  }

  for (const auto& [period, items] : by_period) {
    std::vector<GroupedValue> by_product, by_chapter, all, by_industry;
    for (const FlowRow* f : items) {
      by_product.push_back({f->product, f->product, f->value});
      by_chapter.push_back({hs_chapter(f->product), f->product, f->value});
      all.push_back({"all", f->product, f->value});
      if (concordance) {
        if (const auto* m = concordance->find(f->product)) {
          for (const auto& [industry, w] : *m)
            by_industry.push_back({industry, f->product, w * f->value});
        } else {
          unmatched[f->product] += f->value;
        }
      }
    }
    auto append = [&](std::vector<CoverageRow>& dst, std::vector<std::string>& periods,
                      const std::vector<CoverageRow>& src) {
      dst.insert(dst.end(), src.begin(), src.end());
      periods.insert(periods.end(), src.size(), period);
    };
    append(product_rows, product_p, tariff_coverage(by_product, coverage, lists));
    append(chapter_rows, chapter_p, tariff_coverage(by_chapter, coverage, lists));
    append(list_rows_out, list_p, tariff_coverage(all, coverage, lists));
    if (concordance) {
      const auto ind = tariff_coverage(by_industry, coverage, lists);
      append(industry_rows, industry_p, ind);
      if (!employment.empty()) {
        std::map<std::string, std::map<std::string, double>> share;
        for (const auto& r : ind) share[r.group][r.list] = r.share;
        const auto reg = regional_exposure(employment, share, lists);
        region_rows.insert(region_rows.end(), reg.begin(), reg.end());
        region_p.insert(region_p.end(), reg.size(), period);
      }
    }
  }
  add_coverage_rows(product_t, "product", product_p, product_rows);
  add_coverage_rows(chapter_t, "chapter", chapter_p, chapter_rows);
  add_coverage_rows(list_t, "group", list_p, list_rows_out);
  res.add("by_list", std::move(list_t));
  res.add("by_chapter", std::move(chapter_t));
  res.add("by_product", std::move(product_t));
  if (concordance) {
    add_coverage_rows(industry_t, "industry", industry_p, industry_rows);
    res.add("by_industry", std::move(industry_t));
    std::vector<std::string> codes;
    std::vector<double> values;
    for (const auto& [code, v] : unmatched) {
      codes.push_back(code);
      values.push_back(v);
    }
    if (!codes.empty())
      res.warnings.push_back(fmt::format(
          "{} product codes are not in the concordance (see output unmatched)", codes.size()));
    Table u;
    u.add_text("product", codes).add_number("value", values);
    res.add("unmatched", std::move(u));
  }
  if (!employment.empty()) {
    std::vector<std::string> region, list;
    std::vector<double> exposure, emp, unmatched_emp;
    int with_unmatched = 0;
    for (const auto& r : region_rows) {
      region.push_back(r.region);
      list.push_back(r.list);
      exposure.push_back(r.exposure);
      emp.push_back(r.employment);
      unmatched_emp.push_back(r.unmatched_employment);
      with_unmatched += r.unmatched_employment > 0 && r.list == "any";
      if (is_na(r.exposure) && r.list == "any")
        res.warnings.push_back("region " + r.region + " has no employment: its exposure is NA");
    }
    if (with_unmatched)
      res.warnings.push_back(
          fmt::format("{} region-period rows have employment in industries without trade "
                      "data; those industries count as unexposed (unmatched_employment)",
                      with_unmatched));
    region_t.add_text("period", region_p).add_text("region", region).add_text("list", list);
    region_t.add_number("exposure", exposure).add_number("employment", emp);
    region_t.add_number("unmatched_employment", unmatched_emp);
    res.add("by_region", std::move(region_t));
  }
  return res;
}

Results run_flow_change(const Invocation& inv) {
  const auto flows = read_flows(inv, "table", {.product = false, .partner = true});
  const std::string before_p = inv.text("before"), after_p = inv.text("after");
  std::map<std::string, double> before, after;
  bool seen_before = false, seen_after = false;
  for (const auto& f : flows) {
    if (f.period == before_p) before[f.partner] += f.value, seen_before = true;
    if (f.period == after_p) after[f.partner] += f.value, seen_after = true;
  }
  if (!seen_before) throw UsageError("option before: no flow has the period \"" + before_p + "\"");
  if (!seen_after) throw UsageError("option after: no flow has the period \"" + after_p + "\"");
  Results res;
  std::vector<std::string> partner;
  std::vector<double> b, a, change, pct, rb, ra, rc;
  for (const auto& c : flow_change(before, after)) {
    partner.push_back(c.partner);
    b.push_back(c.before);
    a.push_back(c.after);
    change.push_back(c.change);
    pct.push_back(c.change_pct);
    rb.push_back(c.rank_before);
    ra.push_back(c.rank_after);
    rc.push_back(c.rank_change);
    if (is_na(c.change_pct))
      res.warnings.push_back("partner " + c.partner + ": no flow before, the percent change is NA");
  }
  Table t;
  t.add_text("partner", partner)
      .add_number("before", b)
      .add_number("after", a)
      .add_number("change", change);
  t.add_number("change_pct", pct).add_number("rank_before", rb).add_number("rank_after", ra);
  t.add_number("rank_change", rc);
  res.add("change", std::move(t));
  return res;
}

Results run_trade_diversion(const Invocation& inv) {
  Results res;
  int na_rows = 0;
  const auto flows = read_flows(inv, "table", {.partner = true}, &na_rows);
  if (na_rows)
    res.warnings.push_back(fmt::format("{} flow rows with a missing value were skipped", na_rows));
  const std::string target = inv.text("target"), base = inv.text("base"),
                    current = inv.text("current");
  const bool scope_all = inv.text("scope") == "all";
  std::optional<Concordance> concordance;
  if (inv.has_input("concordance")) concordance = read_concordance(inv, "concordance");
  // regime -> product -> flows; every row also counts in "all".
  std::map<std::string, std::map<std::string, ProductFlows>> regimes;
  bool seen_target = false, seen_base = false, seen_current = false;
  for (const auto& f : flows) {
    if (f.period != base && f.period != current) continue;
    seen_base |= f.period == base;
    seen_current |= f.period == current;
    seen_target |= f.partner == target;
    std::vector<std::string> keys = {"all"};
    if (!f.regime.empty()) keys.push_back(f.regime);
    for (const auto& k : keys) {
      ProductFlows& p = regimes[k][f.product];
      (f.period == base ? p.base : p.current)[f.partner] += f.value;
    }
  }
  if (!seen_base) throw UsageError("option base: no flow has the period \"" + base + "\"");
  if (!seen_current) throw UsageError("option current: no flow has the period \"" + current + "\"");
  if (!seen_target)
    throw UsageError("option target: no flow of the two periods goes to \"" + target + "\"");

  Table products, quadrants, summary, destinations, industry_dest;
  std::vector<std::string> p_regime, p_product, p_quadrant;
  std::vector<double> p_tb, p_tc, p_xb, p_xc, p_sb, p_sc, p_div, p_amount;
  std::vector<std::string> q_regime, q_quadrant;
  std::vector<double> q_n, q_tb, q_tc, q_xb, q_xc, q_amount;
  std::vector<std::string> s_regime;
  std::vector<double> s_diverted, s_n, s_target_change, s_total_change;
  std::vector<std::string> d_regime, d_dest;
  std::vector<double> d_gain, d_alloc, d_rank;
  std::vector<std::string> i_regime, i_industry, i_dest;
  std::vector<double> i_gain, i_alloc;
  std::set<std::string> unmatched;
  int na_amounts = 0;
  for (const auto& [regime, by_product] : regimes) {
    const auto rows = trade_diversion(by_product, target);
    std::map<Quadrant, std::vector<double>> q;  // n, tb, tc, xb, xc, amount
    double diverted_total = 0, n_diverted = 0, target_change = 0, total_change = 0;
    std::map<std::string, std::pair<double, double>> dest;  // gain, allocation
    std::map<std::pair<std::string, std::string>, std::pair<double, double>> ind_dest;
    for (const auto& d : rows) {
      p_regime.push_back(regime);
      p_product.push_back(d.product);
      p_quadrant.push_back(to_string(d.quadrant));
      p_tb.push_back(d.total_base);
      p_tc.push_back(d.total_current);
      p_xb.push_back(d.target_base);
      p_xc.push_back(d.target_current);
      p_sb.push_back(d.share_base);
      p_sc.push_back(d.share_current);
      p_div.push_back(d.diverted ? 1 : 0);
      p_amount.push_back(d.diverted_amount);
      auto& qs = q[d.quadrant];
      qs.resize(6, 0.0);
      qs[0] += 1, qs[1] += d.total_base, qs[2] += d.total_current, qs[3] += d.target_base,
          qs[4] += d.target_current;
      if (!is_na(d.diverted_amount)) qs[5] += d.diverted_amount;
      target_change += d.target_current - d.target_base;
      total_change += d.total_current - d.total_base;
      if (d.diverted || scope_all) {
        if (is_na(d.diverted_amount)) {
          ++na_amounts;
        } else {
          diverted_total += d.diverted_amount;
        }
        n_diverted += 1;
      }
      for (const auto& [name, gain] : d.destination_gain) {
        const double alloc = d.destination_allocation.at(name);
        dest[name].first += gain;
        dest[name].second += alloc;
        if (concordance) {
          if (const auto* m = concordance->find(d.product)) {
            for (const auto& [industry, w] : *m) {
              ind_dest[{industry, name}].first += w * gain;
              ind_dest[{industry, name}].second += w * alloc;
            }
          } else {
            unmatched.insert(d.product);
          }
        }
      }
    }
    for (const Quadrant quad : {Quadrant::TotalUpTargetUp, Quadrant::TotalUpTargetDown,
                                Quadrant::TotalDownTargetUp, Quadrant::TotalDownTargetDown}) {
      auto qs = q[quad];
      qs.resize(6, 0.0);
      q_regime.push_back(regime);
      q_quadrant.push_back(to_string(quad));
      q_n.push_back(qs[0]), q_tb.push_back(qs[1]), q_tc.push_back(qs[2]), q_xb.push_back(qs[3]),
          q_xc.push_back(qs[4]), q_amount.push_back(qs[5]);
    }
    s_regime.push_back(regime);
    s_diverted.push_back(diverted_total);
    s_n.push_back(n_diverted);
    s_target_change.push_back(target_change);
    s_total_change.push_back(total_change);
    std::vector<double> allocs;
    for (const auto& [name, v] : dest) allocs.push_back(v.second);
    const auto ranks = descending_min_ranks(allocs);
    size_t k = 0;
    for (const auto& [name, v] : dest) {
      d_regime.push_back(regime);
      d_dest.push_back(name);
      d_gain.push_back(v.first);
      d_alloc.push_back(v.second);
      d_rank.push_back(ranks[k++]);
    }
    for (const auto& [key, v] : ind_dest) {
      i_regime.push_back(regime);
      i_industry.push_back(key.first);
      i_dest.push_back(key.second);
      i_gain.push_back(v.first);
      i_alloc.push_back(v.second);
    }
  }
  if (na_amounts)
    res.warnings.push_back(
        fmt::format("{} products had no exports in the base period: their diverted amount is "
                    "NA and left out of the totals",
                    na_amounts));
  products.add_text("regime", p_regime)
      .add_text("product", p_product)
      .add_text("quadrant", p_quadrant);
  products.add_number("total_base", p_tb).add_number("total_current", p_tc);
  products.add_number("target_base", p_xb).add_number("target_current", p_xc);
  products.add_number("share_base", p_sb).add_number("share_current", p_sc);
  products.add_number("diverted", p_div).add_number("diverted_amount", p_amount);
  quadrants.add_text("regime", q_regime)
      .add_text("quadrant", q_quadrant)
      .add_number("n_products", q_n);
  quadrants.add_number("total_base", q_tb).add_number("total_current", q_tc);
  quadrants.add_number("target_base", q_xb).add_number("target_current", q_xc);
  quadrants.add_number("diverted_amount", q_amount);
  summary.add_text("regime", s_regime).add_number("diverted_total", s_diverted);
  summary.add_number("n_products", s_n).add_number("target_change", s_target_change);
  summary.add_number("total_change", s_total_change);
  destinations.add_text("regime", d_regime)
      .add_text("destination", d_dest)
      .add_number("gain", d_gain);
  destinations.add_number("allocated", d_alloc).add_number("rank", d_rank);
  res.add("summary", std::move(summary));
  res.add("quadrants", std::move(quadrants));
  res.add("products", std::move(products));
  res.add("destinations", std::move(destinations));
  if (concordance) {
    industry_dest.add_text("regime", i_regime)
        .add_text("industry", i_industry)
        .add_text("destination", i_dest);
    industry_dest.add_number("gain", i_gain).add_number("allocated", i_alloc);
    res.add("industry_destination", std::move(industry_dest));
    if (!unmatched.empty())
      res.warnings.push_back(
          fmt::format("{} diverted products are not in the concordance and are left out of "
                      "industry_destination",
                      unmatched.size()));
  }
  return res;
}

}  // namespace

AGGLO_REGISTER_MEASURES(trade_exposure) {
  registry.add(MeasureSpec{
      .name = "tariff_exposure",
      .family = "trade",
      .summary = "Value and share of exports (or imports) covered by tariff lists, by product, HS "
                 "chapter, list, "
                 "industry and region",
      .formula = "covered_gl = sum_{p in g} c_pl x_p; share = covered / sum_{p in g} x_p; "
                 "regional E_rl = sum_i (L_ri / L_r) share_il",
      .reference = "Bown (2019) PIIE; Fajgelbaum, Goldberg, Kennedy & Khandelwal (2020) QJE; "
                   "Autor, Dorn & Hanson (2013) AER (shift-share exposure)",
      .inputs = {{"table",
                  "trade flows: product (HS code), value, [period], [partner]",
                  true,
                  {"product", "value", "period", "partner"}},
                 {"lists",
                  "tariff lists: code, list, [start], [end], [coverage]; codes at the flows' level",
                  true,
                  {"code", "list", "start", "end", "coverage"}},
                 {"concordance",
                  "products -> industries: product (or concordance_product), industry, [weight]",
                  false,
                  {"concordance_product", "industry", "weight"}},
                 {"employment",
                  "employment of regions by industry: region, industry, employment",
                  false,
                  {"region", "industry", "employment"}}},
      .options =
          {{.name = "date",
            .type = OptionType::Text,
            .doc = "count only the lists in force on this date (yyyy-mm-dd); default: ever listed",
            .optional = true},
           {.name = "coverage",
            .type = OptionType::Choice,
            .default_value = "binary",
            .choices = {"binary", "share"},
            .doc = "binary = a listed product is fully covered; share = its coverage is the lists' "
                   "`coverage` column (e.g. the share of its national lines)"},
           {.name = "partner",
            .type = OptionType::Text,
            .doc = "only the flows with this partner (when the table has a partner column)",
            .optional = true}},
      .outputs = {{"by_list",
                   "per period and list (and any list): total, covered, share",
                   {"period", "group", "list", "total", "covered", "share"}},
                  {"by_chapter",
                   "per period, HS chapter and list",
                   {"period", "chapter", "list", "total", "covered", "share"}},
                  {"by_product",
                   "per period, product and list",
                   {"period", "product", "list", "total", "covered", "share"}},
                  {"by_industry",
                   "per period, industry and list (with a concordance)",
                   {"period", "industry", "list", "total", "covered", "share"}},
                  {"unmatched", "product codes not in the concordance", {"product", "value"}},
                  {"by_region",
                   "regional exposure per period, region and list (with employment)",
                   {"period", "region", "list", "exposure", "employment", "unmatched_employment"}}},
      .kernel = run_tariff_exposure,
  });
  registry.add(MeasureSpec{
      .name = "flow_change",
      .family = "trade",
      .summary = "Before/after comparison of flows by partner: change, percent change and ranks",
      .formula = "change = x_after - x_before; change_pct = 100 change / x_before; ranks by value "
                 "(1 = largest)",
      .reference = "Fajgelbaum, Goldberg, Kennedy, Khandelwal & Taglioni (2023) The US-China trade "
                   "war and global "
                   "reallocations",
      .inputs = {{"table",
                  "flows: partner, value, period, [product]",
                  true,
                  {"partner", "value", "period"}}},
      .options = {{.name = "before",
                   .type = OptionType::Text,
                   .doc = "the period before (value of the period column)"},
                  {.name = "after", .type = OptionType::Text, .doc = "the period after"}},
      .outputs = {{"change",
                   "one row per partner",
                   {"partner", "before", "after", "change", "change_pct", "rank_before",
                    "rank_after", "rank_change"}}},
      .kernel = run_flow_change,
  });
  registry.add(MeasureSpec{
      .name = "trade_diversion",
      .family = "trade",
      .summary = "Trade diversion by the quadrant method: products by total x target change, "
                 "diverted amounts, "
                 "destinations",
      .formula = "diverted_p = (T_p,base/X_p,base - T_p,cur/X_p,cur) X_p,cur for products with X "
                 "up and T down; "
                 "allocated to other destinations in proportion to their gains",
      .reference = "Nicita (2019) UNCTAD Trade and trade diversion effects of United States "
                   "tariffs on China; "
                   "Fajgelbaum et al. (2023)",
      .inputs = {{"table",
                  "exports: product, partner, value, period, [regime]",
                  true,
                  {"product", "partner", "value", "period", "regime"}},
                 {"concordance",
                  "products -> industries (for the industry x destination table)",
                  false,
                  {"concordance_product", "industry", "weight"}}},
      .options = {{.name = "target",
                   .type = OptionType::Text,
                   .doc = "the target partner (value of the partner column)"},
                  {.name = "base", .type = OptionType::Text, .doc = "the base period"},
                  {.name = "current", .type = OptionType::Text, .doc = "the current period"},
                  {.name = "scope",
                   .type = OptionType::Choice,
                   .default_value = "diversion",
                   .choices = {"diversion", "all"},
                   .doc = "the summary's diverted_total sums the products of the diversion "
                          "quadrant (total up, "
                          "target down) or all products (net share change)"}},
      .outputs = {{"summary",
                   "per regime (all, and each regime when the data carry one)",
                   {"regime", "diverted_total", "n_products", "target_change", "total_change"}},
                  {"quadrants",
                   "per regime and quadrant",
                   {"regime", "quadrant", "n_products", "total_base", "total_current",
                    "target_base", "target_current", "diverted_amount"}},
                  {"products",
                   "per regime and product",
                   {"regime", "product", "quadrant", "total_base", "total_current", "target_base",
                    "target_current", "share_base", "share_current", "diverted",
                    "diverted_amount"}},
                  {"destinations",
                   "ranking of the other destinations of diverted products",
                   {"regime", "destination", "gain", "allocated", "rank"}},
                  {"industry_destination",
                   "industry x destination (with a concordance)",
                   {"regime", "industry", "destination", "gain", "allocated"}}},
      .kernel = run_trade_diversion,
  });
}

}  // namespace agglo
