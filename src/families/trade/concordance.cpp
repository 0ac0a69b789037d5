#include "families/trade/concordance.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace agglo {

Concordance::Concordance(const std::vector<ConcordanceEntry>& entries) {
  std::map<std::string, std::vector<const ConcordanceEntry*>> by_product;
  for (const auto& e : entries) {
    const int d = static_cast<int>(e.product.size());
    if (digits_ == 0) digits_ = d;
    if (d != digits_)
      throw Error(e.pos, fmt::format("concordance codes must all have {} digits, got \"{}\"",
                                     digits_, e.product));
    if (!std::isnan(e.weight) && (e.weight < 0 || !std::isfinite(e.weight)))
      throw Error(e.pos, fmt::format("expected a weight >= 0, got {}", e.weight));
    by_product[e.product].push_back(&e);
  }
  for (const auto& [product, list] : by_product) {
    const size_t given =
        static_cast<size_t>(std::count_if(list.begin(), list.end(), [](const ConcordanceEntry* e) {
          return !std::isnan(e->weight);
        }));
    if (given != 0 && given != list.size())
      throw Error(
          list.front()->pos,
          fmt::format("product {}: give a weight on every row of the product or on none", product));
    double sum = 0;
    for (const auto* e : list) sum += given ? e->weight : 1.0 / static_cast<double>(list.size());
    if (std::abs(sum - 1) > 1e-6)
      throw Error(
          list.front()->pos,
          fmt::format("product {}: concordance weights sum to {}, expected 1", product, sum));
    auto& out = map_[product];
    for (const auto* e : list)
      out.emplace_back(e->industry, given ? e->weight : 1.0 / static_cast<double>(list.size()));
  }
}

const std::vector<std::pair<std::string, double>>* Concordance::find(
    const std::string& code) const {
  if (code.size() < static_cast<size_t>(digits_)) return nullptr;
  auto it = map_.find(code.substr(0, static_cast<size_t>(digits_)));
  return it == map_.end() ? nullptr : &it->second;
}

}  // namespace agglo
