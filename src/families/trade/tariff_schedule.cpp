#include "families/trade/tariff_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "core/table.hpp"
#include "families/trade/hs_code.hpp"

namespace agglo {

TariffSchedule::TariffSchedule(std::vector<TariffLine> lines) : lines_(std::move(lines)) {
  for (const auto& l : lines_) {
    if (!std::isfinite(l.rate))
      throw Error(l.pos, fmt::format("tariff line {} ({}) has no rate", l.code, l.list));
    if (l.end && *l.end <= l.start)
      throw Error(l.pos, fmt::format("tariff line {} ({}) ends on {} before it starts on {}",
                                     l.code, l.list, l.end->to_string(), l.start.to_string()));
  }
  std::stable_sort(lines_.begin(), lines_.end(), [](const TariffLine& a, const TariffLine& b) {
    return std::tie(a.code, a.list, a.start) < std::tie(b.code, b.list, b.start);
  });
  ends_.resize(lines_.size());
  for (size_t i = 0; i < lines_.size(); ++i) {
    const TariffLine& l = lines_[i];
    ends_[i] = l.end;
    if (i + 1 < lines_.size() && lines_[i + 1].code == l.code && lines_[i + 1].list == l.list) {
      const TariffLine& next = lines_[i + 1];
      if (next.start == l.start || (l.end && *l.end > next.start))
        throw Error(
            next.pos,
            fmt::format("tariff line {} ({}) from {} overlaps the line at {} in force from {}{}",
                        next.code, next.list, next.start.to_string(), l.pos.to_string(),
                        l.start.to_string(), l.end ? " to " + l.end->to_string() : ""));
      if (!l.end) ends_[i] = next.start;  // a rate change ends the previous rate
    }
    auto [it, fresh] = span_.try_emplace(l.code, i, i + 1);
    if (!fresh) it->second.second = i + 1;
  }
}

std::vector<std::string> TariffSchedule::codes() const {
  std::vector<std::string> out;
  for (const auto& [code, span] : span_) out.push_back(code);
  return out;
}

std::vector<IsoDate> TariffSchedule::start_dates() const {
  std::set<IsoDate> s;
  for (const auto& l : lines_) s.insert(l.start);
  return {s.begin(), s.end()};
}

bool TariffSchedule::in_force(size_t line, const IsoDate& date) const {
  return lines_[line].start <= date && (!ends_[line] || date < *ends_[line]);
}

TariffInForce TariffSchedule::tariff_in_force(const std::string& code, const IsoDate& date) const {
  TariffInForce out;
  auto it = span_.find(code);
  if (it == span_.end()) return out;
  for (size_t i = it->second.first; i < it->second.second; ++i) {
    if (!in_force(i, date)) continue;
    out.rate += lines_[i].rate;
    if (out.n_lines++ > 0) out.lists += "+";
    out.lists += lines_[i].list;
  }
  return out;
}

std::vector<Hs6Coverage> tariff_lines_to_hs6(const TariffSchedule& schedule,
                                             const std::vector<std::string>& universe,
                                             RateAggregation rate_aggregation) {
  // National lines per HS-6 (distinct codes), listed or not.
  std::map<std::string, std::set<std::string>> national;
  for (const auto& code : universe)
    if (code.size() >= 6) national[code.substr(0, 6)].insert(code);
  // Lines of each (HS-6, list), and the dates where something changes.
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> groups;
  const auto& lines = schedule.lines();
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string hs6 = hs_ancestor(lines[i].code, 6, lines[i].pos);
    national[hs6].insert(lines[i].code);
    groups[{hs6, lines[i].list}].push_back(i);
  }
  std::vector<Hs6Coverage> out;
  for (const auto& [key, members] : groups) {
    std::set<IsoDate> changes;
    for (size_t i : members) {
      changes.insert(lines[i].start);
      if (auto end = schedule.effective_end(i)) changes.insert(*end);
    }
    for (const IsoDate& date : changes) {
      Hs6Coverage c;
      c.hs6 = key.first;
      c.list = key.second;
      c.effective = date;
      c.n_lines = static_cast<int>(national[key.first].size());
      std::set<std::string> listed_codes;
      double rate_max = -INFINITY, rate_sum = 0;
      int n_rates = 0;
      for (size_t i : members) {
        if (!schedule.in_force(i, date)) continue;
        listed_codes.insert(lines[i].code);
        rate_max = std::max(rate_max, lines[i].rate);
        rate_sum += lines[i].rate;
        ++n_rates;
      }
      c.n_listed = static_cast<int>(listed_codes.size());
      c.listed = c.n_listed > 0;
      c.share = static_cast<double>(c.n_listed) / c.n_lines;
      c.rate = n_rates == 0                               ? NA
               : rate_aggregation == RateAggregation::Max ? rate_max
                                                          : rate_sum / n_rates;
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace agglo
