#include "families/concentration/na_reasons.hpp"

#include <cmath>

#include <fmt/format.h>

namespace agglo {

std::string list_labels(const std::vector<std::string>& labels, size_t max_shown) {
  std::string s;
  for (size_t k = 0; k < labels.size() && k < max_shown; ++k)
    s += fmt::format("{}\"{}\"", k == 0 ? "" : ", ", labels[k]);
  if (labels.size() > max_shown) s += fmt::format(" and {} more", labels.size() - max_shown);
  return s;
}

std::vector<std::string> explain_na_columns(const std::string& measure, const std::string& what,
                                            const Eigen::VectorXd& result, const Eigen::MatrixXd& x,
                                            const std::vector<std::string>& labels,
                                            const std::string& other_cause) {
  std::vector<std::string> with_na, empty, other;
  for (Eigen::Index k = 0; k < result.size(); ++k) {
    if (!std::isnan(result(k))) continue;
    const double total = x.col(k).sum();  // NaN when a cell is NA
    auto& bucket = std::isnan(total) ? with_na : total == 0 ? empty : other;
    bucket.push_back(labels[static_cast<size_t>(k)]);
  }
  std::vector<std::string> warnings;
  // "industry" -> "industries", "region" -> "regions"
  const std::string plural =
      !what.empty() && what.back() == 'y' ? what.substr(0, what.size() - 1) + "ies" : what + "s";
  auto add = [&](const std::vector<std::string>& names, const std::string& cause) {
    if (names.empty()) return;
    warnings.push_back(fmt::format("{}: NA for {} {} ({} {}): {}", measure, names.size(),
                                   names.size() == 1 ? what : plural, what, list_labels(names),
                                   cause));
  };
  add(with_na, "NA cells in the input (a missing value makes the index undefined)");
  add(empty, "empty (its values sum to 0), so its shares are undefined");
  add(other, other_cause);
  return warnings;
}

}  // namespace agglo
