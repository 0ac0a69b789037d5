#include "families/composite/topsis.hpp"

#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "families/composite/normalise.hpp"

namespace agglo {

TopsisResult topsis(const Eigen::MatrixXd& x, const Eigen::VectorXd& weights,
                    const std::vector<int>& directions, const std::vector<std::string>& criteria,
                    std::vector<std::string>* warnings) {
  const Eigen::Index n = x.rows(), m = x.cols();
  if (n == 0) throw Error("TOPSIS: no unit has a value for every criterion");
  TopsisResult r;
  const double wsum = weights.sum();
  if (!(std::abs(wsum) > 0)) throw Error("TOPSIS: the criterion weights sum to 0");
  r.weights = weights / wsum;
  Eigen::MatrixXd v(n, m);
  for (Eigen::Index j = 0; j < m; ++j) {
    const double norm = x.col(j).norm();
    if (!(norm > 0))
      throw Error(
          fmt::format("TOPSIS: criterion \"{}\" is 0 for every unit; its vector "
                      "normalisation is undefined",
                      criteria[static_cast<size_t>(j)]));
    v.col(j) = x.col(j) / norm * r.weights[j];
  }
  r.ideal_best.resize(m);
  r.ideal_worst.resize(m);
  for (Eigen::Index j = 0; j < m; ++j) {
    const bool benefit = directions[static_cast<size_t>(j)] > 0;
    r.ideal_best[j] = benefit ? v.col(j).maxCoeff() : v.col(j).minCoeff();
    r.ideal_worst[j] = benefit ? v.col(j).minCoeff() : v.col(j).maxCoeff();
  }
  r.d_plus = (v.rowwise() - r.ideal_best.transpose()).rowwise().norm();
  r.d_minus = (v.rowwise() - r.ideal_worst.transpose()).rowwise().norm();
  r.closeness.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double d = r.d_plus[i] + r.d_minus[i];
    r.closeness[i] = d > 0 ? r.d_minus[i] / d : NA;
    if (!(d > 0) && warnings)
      warnings->push_back(
          fmt::format("TOPSIS: unit #{} is both the ideal and the anti-ideal (all "
                      "units equal): closeness NA",
                      i + 1));
  }
  r.rank = rank_descending(r.closeness);
  return r;
}

}  // namespace agglo
