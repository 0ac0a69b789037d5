#include "families/input_output/tariff_propagation.hpp"

namespace agglo {

TariffCostEffect tariff_cost_propagation(const Eigen::MatrixXd& A, const Eigen::MatrixXd& tau,
                                         const LeontiefSystem& leontief, const MrioLayout& layout) {
  const Eigen::Index n = A.rows();
  TariffCostEffect e;
  e.direct = Eigen::VectorXd::Zero(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    const int importer = layout.industry_region[static_cast<size_t>(j)];
    double d = 0;
    for (Eigen::Index i = 0; i < n; ++i)
      if (layout.industry_region[static_cast<size_t>(i)] != importer)
        d += A(i, j) * tau(i, importer);
    e.direct(j) = d;
  }
  e.total = leontief.solve_transposed(e.direct).col(0);
  e.indirect = e.total - e.direct;
  return e;
}

}  // namespace agglo
