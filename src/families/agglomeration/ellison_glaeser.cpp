#include "families/agglomeration/ellison_glaeser.hpp"

#include <cmath>

#include "core/table.hpp"

namespace agglo {

namespace {

// e_ij: size of industry i in region j (regions x industries).
Eigen::MatrixXd regional_sizes(const Plants& plants) {
  Eigen::MatrixXd e = Eigen::MatrixXd::Zero(plants.regions, plants.industries);
  for (size_t k = 0; k < plants.size.size(); ++k)
    e(plants.region[k], plants.industry[k]) += plants.size[k];
  return e;
}

// s_ij = e_ij / e_i, with NA columns for industries of total size 0.
Eigen::MatrixXd regional_shares(const Plants& plants) {
  Eigen::MatrixXd s = regional_sizes(plants);
  for (Eigen::Index i = 0; i < s.cols(); ++i) {
    const double total = s.col(i).sum();
    if (total > 0)
      s.col(i) /= total;
    else
      s.col(i).setConstant(NA);
  }
  return s;
}

}  // namespace

Eigen::VectorXd plant_region_shares(const Plants& plants) {
  Eigen::VectorXd e = Eigen::VectorXd::Zero(plants.regions);
  for (size_t k = 0; k < plants.size.size(); ++k) e(plants.region[k]) += plants.size[k];
  const double total = e.sum();
  return total > 0 ? Eigen::VectorXd(e / total) : Eigen::VectorXd::Constant(plants.regions, NA);
}

EllisonGlaeser ellison_glaeser(const Plants& plants, const Eigen::VectorXd& region_shares) {
  const Eigen::Index n = plants.industries;
  const Eigen::MatrixXd s = regional_shares(plants);
  Eigen::VectorXd total = Eigen::VectorXd::Zero(n), count = Eigen::VectorXd::Zero(n);
  for (size_t k = 0; k < plants.size.size(); ++k) {
    total(plants.industry[k]) += plants.size[k];
    count(plants.industry[k]) += 1;
  }
  Eigen::VectorXd h2 = Eigen::VectorXd::Zero(n), h4 = Eigen::VectorXd::Zero(n);  // sum of z^2, z^4
  for (size_t k = 0; k < plants.size.size(); ++k) {
    const Eigen::Index i = plants.industry[k];
    if (!(total(i) > 0)) continue;
    const double z = plants.size[k] / total(i);
    h2(i) += z * z;
    h4(i) += z * z * z * z;
  }
  const double sx2 = region_shares.squaredNorm();
  const double sx3 = region_shares.array().cube().sum();
  const double var_a = sx2 - 2 * sx3 + sx2 * sx2;
  const double var_b = sx2 - 4 * sx3 + 3 * sx2 * sx2;
  EllisonGlaeser eg{Eigen::VectorXd::Constant(n, NA), Eigen::VectorXd::Constant(n, NA),
                    Eigen::VectorXd::Constant(n, NA), count, Eigen::VectorXd::Constant(n, NA)};
  for (Eigen::Index i = 0; i < n; ++i) {
    if (!(total(i) > 0)) continue;
    const double H = h2(i);
    const double G = (s.col(i) - region_shares).squaredNorm();
    eg.G(i) = G;
    eg.hhi(i) = H;
    const double excess = G - (1 - sx2) * H;  // G minus its expectation under random location
    if (1 - sx2 > 0 && H < 1) eg.gamma(i) = excess / ((1 - sx2) * (1 - H));
    const double var = 2 * (H * H * var_a - h4(i) * var_b);
    if (1 - sx2 > 0 && var > 0) eg.z_G(i) = excess / std::sqrt(var);
  }
  return eg;
}

Eigen::MatrixXd ellison_glaeser_coagglomeration(const Plants& plants,
                                                const Eigen::VectorXd& region_shares) {
  const double sx2 = region_shares.squaredNorm();
  Eigen::MatrixXd gamma_c = Eigen::MatrixXd::Constant(plants.industries, plants.industries, NA);
  if (!(1 - sx2 > 0)) return gamma_c;
  const Eigen::MatrixXd deviation =
      regional_shares(plants).colwise() - region_shares;      // s_ij - x_j
  gamma_c = (deviation.transpose() * deviation) / (1 - sx2);  // NA columns stay NA
  gamma_c.diagonal().setConstant(NA);
  return gamma_c;
}

}  // namespace agglo
