#include "families/specialization/specialization_indices.hpp"

#include "families/concentration/locational_gini.hpp"

namespace agglo {

Eigen::VectorXd krugman_specialization(const Eigen::MatrixXd& x, KrugmanReference reference) {
  return krugman_concentration(x.transpose(), reference);
}

Eigen::VectorXd hoover_specialization(const Eigen::MatrixXd& x) {
  return hoover_concentration(x.transpose());
}

Eigen::VectorXd gini_specialization(const Eigen::MatrixXd& x) {
  return gini_of_location_quotients(x.transpose());
}

Eigen::VectorXd krugman_specialization_other_regions(const Eigen::MatrixXd& x) {
  return krugman_concentration_other_industries(x.transpose());
}

Herfindahl herfindahl_specialization(const Eigen::MatrixXd& x) {
  return herfindahl_concentration(x.transpose());
}

}  // namespace agglo
