#include "families/trade/trade_inputs.hpp"

#include <fmt/format.h>

#include "families/trade/hs_code.hpp"
#include "io/csv_reader.hpp"

namespace agglo {

OptColumn optional_column(const Invocation& inv, const TextTable& t, const std::string& role) {
  const auto c = t.find_column(inv.column(role));
  if (!c && inv.column_given(role))
    t.column(inv.column(role));  // a mapped column must exist: positioned error listing the header
  return c ? OptColumn{*c, true} : OptColumn{};
}

IsoDate date_option(const std::string& text) {
  try {
    return parse_iso_date(trim(text));
  } catch (const Error&) {
    throw UsageError("option date: expected a date yyyy-mm-dd, got \"" + text + "\"");
  }
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string item(trim(std::string_view(text).substr(start, end - start)));
    if (!item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

std::vector<FlowRow> read_flows(const Invocation& inv, const std::string& role, FlowColumns want,
                                int* skipped_na) {
  const TextTable& t = inv.table(role);
  const auto product =
      want.product ? OptColumn{t.column(inv.column("product")), true} : OptColumn{};
  const auto partner = want.partner ? OptColumn{t.column(inv.column("partner")), true}
                                    : optional_column(inv, t, "partner");
  const size_t value = t.column(inv.column("value"));
  const auto period = optional_column(inv, t, "period");
  const auto regime = optional_column(inv, t, "regime");
  std::vector<FlowRow> out;
  out.reserve(t.rows());
  int na = 0;
  for (size_t r = 0; r < t.rows(); ++r) {
    FlowRow f;
    f.pos = t.pos(r, value);
    f.value = t.number(r, value);
    if (is_na(f.value)) {
      ++na;
      continue;
    }
    if (f.value < 0)
      throw Error(f.pos, fmt::format("expected a trade value >= 0 in column \"{}\", got {}",
                                     t.header[value], t.text(r, value)));
    if (product)
      f.product = want.product_is_hs ? normalize_hs_code(t.text(r, *product), t.pos(r, *product))
                                     : std::string(trim(t.text(r, *product)));
    if (partner) f.partner = std::string(trim(t.text(r, *partner)));
    if (period) f.period = std::string(trim(t.text(r, *period)));
    if (regime) f.regime = std::string(trim(t.text(r, *regime)));
    out.push_back(std::move(f));
  }
  if (skipped_na) *skipped_na = na;
  return out;
}

std::vector<TariffLine> read_tariff_lines(const Invocation& inv, const std::string& role,
                                          std::vector<std::string>* universe) {
  const TextTable& t = inv.table(role);
  const size_t code = t.column(inv.column("code"));
  const auto list = optional_column(inv, t, "list");
  const auto rate = optional_column(inv, t, "rate");
  const auto start = optional_column(inv, t, "start");
  const auto end = optional_column(inv, t, "end");
  std::vector<TariffLine> out;
  for (size_t r = 0; r < t.rows(); ++r) {
    TariffLine l;
    l.code = normalize_hs_code(t.text(r, code), t.pos(r, code));
    l.list = list ? std::string(trim(t.text(r, *list))) : "";
    if (universe && list && l.list.empty()) {
      universe->push_back(l.code);
      continue;
    }
    l.pos = t.pos(r, code);
    if (!rate) t.column(inv.column("rate"));  // positioned error: the schedule needs rates
    if (!start) t.column(inv.column("start"));
    l.rate = t.number(r, *rate);
    if (is_na(l.rate))
      throw Error(t.pos(r, *rate), fmt::format("tariff line {} ({}) has no rate in column \"{}\"",
                                               l.code, l.list, t.header[*rate]));
    l.start = parse_iso_date(trim(t.text(r, *start)), t.pos(r, *start));
    if (end && !trim(t.text(r, *end)).empty())
      l.end = parse_iso_date(trim(t.text(r, *end)), t.pos(r, *end));
    out.push_back(std::move(l));
  }
  return out;
}

Concordance read_concordance(const Invocation& inv, const std::string& role) {
  const TextTable& t = inv.table(role);
  // The concordance's code column may be named apart from the flows' (column role
  // `concordance_product`); by default it is the `product` column.
  const size_t product =
      t.column(inv.column_given("concordance_product") ? inv.column("concordance_product")
                                                       : inv.column("product"));
  const size_t industry = t.column(inv.column("industry"));
  const auto weight = optional_column(inv, t, "weight");
  std::vector<ConcordanceEntry> entries;
  for (size_t r = 0; r < t.rows(); ++r) {
    ConcordanceEntry e;
    e.pos = t.pos(r, product);
    e.product = normalize_hs_code(t.text(r, product), e.pos);
    e.industry = std::string(trim(t.text(r, industry)));
    e.weight = weight ? t.number(r, *weight) : NA;
    entries.push_back(std::move(e));
  }
  return Concordance(entries);
}

std::map<std::string, std::string> read_product_groups(const Invocation& inv,
                                                       const std::string& role) {
  const TextTable& t = inv.table(role);
  const size_t product = t.column(inv.column("product"));
  const auto group = optional_column(inv, t, "group");
  std::map<std::string, std::string> out;
  for (size_t r = 0; r < t.rows(); ++r)
    out[normalize_hs_code(t.text(r, product), t.pos(r, product))] =
        group ? std::string(trim(t.text(r, *group))) : "all";
  return out;
}

}  // namespace agglo
