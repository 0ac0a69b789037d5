// A user-supplied concordance from products (HS codes) to industries, with optional weights
// (a product split over several industries).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace agglo {

struct ConcordanceEntry {
  std::string product;  // normalised HS code
  std::string industry;
  double weight = 1;  // NaN = not given (the product is split equally over its industries)
  SourcePos pos;
};

class Concordance {
 public:
  // Validates: every product code has the same number of digits; given weights are >= 0 and sum
  // to 1 per product (within 1e-6); weights are either all given or all missing for a product.
  explicit Concordance(const std::vector<ConcordanceEntry>& entries);

  int digits() const { return digits_; }
  // Industries and weights of a product code (truncated to the concordance level), or nullptr
  // when unmatched (including codes coarser than the concordance).
  const std::vector<std::pair<std::string, double>>* find(const std::string& code) const;

 private:
  int digits_ = 0;
  std::map<std::string, std::vector<std::pair<std::string, double>>> map_;
};

}  // namespace agglo
