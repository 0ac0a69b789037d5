#include "families/trade/exposure.hpp"

#include <algorithm>

#include "core/table.hpp"

namespace agglo {

std::vector<CoverageRow> tariff_coverage(const std::vector<GroupedValue>& items,
                                         const ProductCoverage& coverage,
                                         const std::vector<std::string>& lists) {
  struct Sums {
    double total = 0;
    std::map<std::string, double> covered;
  };
  std::map<std::string, Sums> groups;
  for (const auto& item : items) {
    Sums& s = groups[item.group];
    s.total += item.value;
    auto it = coverage.find(item.product);
    double any = 0;
    if (it != coverage.end())
      for (const auto& [list, c] : it->second) {
        s.covered[list] += c * item.value;
        any = std::max(any, c);
      }
    s.covered["any"] += any * item.value;
  }
  std::vector<std::string> all_lists = lists;
  all_lists.push_back("any");
  std::vector<CoverageRow> out;
  for (const auto& [group, s] : groups)
    for (const auto& list : all_lists) {
      CoverageRow r;
      r.group = group;
      r.list = list;
      r.total = s.total;
      auto c = s.covered.find(list);
      r.covered = c == s.covered.end() ? 0.0 : c->second;
      r.share = s.total == 0 ? NA : r.covered / s.total;
      out.push_back(std::move(r));
    }
  return out;
}

std::vector<RegionalExposure> regional_exposure(
    const std::map<std::string, std::map<std::string, double>>& employment,
    const std::map<std::string, std::map<std::string, double>>& industry_share,
    const std::vector<std::string>& lists) {
  std::vector<std::string> all_lists = lists;
  all_lists.push_back("any");
  std::vector<RegionalExposure> out;
  for (const auto& [region, by_industry] : employment) {
    double total = 0, unmatched = 0;
    for (const auto& [industry, l] : by_industry) {
      total += l;
      if (!industry_share.count(industry)) unmatched += l;
    }
    for (const auto& list : all_lists) {
      RegionalExposure e;
      e.region = region;
      e.list = list;
      e.employment = total;
      e.unmatched_employment = unmatched;
      if (total == 0) {
        e.exposure = NA;
      } else {
        for (const auto& [industry, l] : by_industry) {
          auto it = industry_share.find(industry);
          if (it == industry_share.end()) continue;
          auto s = it->second.find(list);
          if (s != it->second.end() && !is_na(s->second)) e.exposure += l / total * s->second;
        }
      }
      out.push_back(std::move(e));
    }
  }
  return out;
}

std::vector<int> descending_min_ranks(const std::vector<double>& values) {
  std::vector<int> ranks(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    int above = 0;
    for (double v : values) above += v > values[i];
    ranks[i] = above + 1;
  }
  return ranks;
}

std::vector<PartnerChange> flow_change(const std::map<std::string, double>& before,
                                       const std::map<std::string, double>& after) {
  std::map<std::string, PartnerChange> rows;
  for (const auto& [p, v] : before) rows[p].before = v;
  for (const auto& [p, v] : after) rows[p].after = v;
  std::vector<PartnerChange> out;
  std::vector<double> b, a;
  for (auto& [p, r] : rows) {
    r.partner = p;
    r.change = r.after - r.before;
    r.change_pct = r.before == 0 ? NA : 100.0 * r.change / r.before;
    out.push_back(r);
    b.push_back(r.before);
    a.push_back(r.after);
  }
  const auto rb = descending_min_ranks(b), ra = descending_min_ranks(a);
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].rank_before = rb[i];
    out[i].rank_after = ra[i];
    out[i].rank_change = rb[i] - ra[i];
  }
  return out;
}

}  // namespace agglo
