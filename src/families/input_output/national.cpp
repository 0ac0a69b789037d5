#include "families/input_output/national.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace agglo {

Eigen::VectorXd output_multipliers(const LeontiefSystem& sys) {
  return sys.solve_transposed(Eigen::VectorXd::Ones(sys.size()));
}

Eigen::MatrixXd coefficient_multipliers(const LeontiefSystem& sys, const Eigen::MatrixXd& C) {
  if (C.rows() == 0) return Eigen::MatrixXd(0, sys.size());
  return sys.solve_transposed(C.transpose()).transpose();
}

Eigen::VectorXd type2_output_multipliers(const Eigen::MatrixXd& A,
                                         const Eigen::VectorXd& household_row,
                                         const Eigen::VectorXd& household_column) {
  const Eigen::Index n = A.rows();
  Eigen::MatrixXd closed = Eigen::MatrixXd::Zero(n + 1, n + 1);
  closed.topLeftCorner(n, n) = A;
  closed.block(0, n, n, 1) = household_column;
  closed.block(n, 0, 1, n) = household_row.transpose();
  const LeontiefSystem sys(closed, IoSolver::DenseLu);
  Eigen::VectorXd ones = Eigen::VectorXd::Ones(n + 1);
  ones(n) = 0;  // the household row is not an industry's output
  return sys.solve_transposed(ones).col(0).head(n);
}

RasmussenHirschman rasmussen_hirschman_linkages(const LeontiefSystem& sys,
                                                const Eigen::VectorXd& x) {
  const Eigen::Index n = sys.size();
  const double nn = static_cast<double>(n);
  RasmussenHirschman r;
  const Eigen::VectorXd ones = Eigen::VectorXd::Ones(n);
  r.colsum_L = sys.solve_transposed(ones);
  r.rowsum_L = sys.solve(ones);
  r.rowsum_G = sys.solve(x).cwiseQuotient(x);
  const double total_L = r.colsum_L.sum(), total_G = r.rowsum_G.sum();
  r.backward = nn * r.colsum_L / total_L;
  r.forward_leontief = nn * r.rowsum_L / total_L;
  r.forward_ghosh = nn * r.rowsum_G / total_G;
  auto key = [&](const Eigen::VectorXd& fl) {
    Eigen::VectorXd k(n);
    for (Eigen::Index j = 0; j < n; ++j) k(j) = (r.backward(j) > 1 && fl(j) > 1) ? 1.0 : 0.0;
    return k;
  };
  r.key_leontief = key(r.forward_leontief);
  r.key_ghosh = key(r.forward_ghosh);
  return r;
}

namespace {

Eigen::MatrixXd without(const Eigen::MatrixXd& m, Eigen::Index j) {
  const Eigen::Index n = m.rows();
  Eigen::MatrixXd out(n - 1, n - 1);
  for (Eigen::Index r = 0, ro = 0; r < n; ++r) {
    if (r == j) continue;
    for (Eigen::Index c = 0, co = 0; c < n; ++c) {
      if (c == j) continue;
      out(ro, co++) = m(r, c);
    }
    ++ro;
  }
  return out;
}

Eigen::VectorXd without(const Eigen::VectorXd& v, Eigen::Index j) {
  Eigen::VectorXd out(v.size() - 1);
  out << v.head(j), v.tail(v.size() - j - 1);
  return out;
}

}  // namespace

HypotheticalExtraction hypothetical_extraction(const Eigen::MatrixXd& Z, const Eigen::VectorXd& x,
                                               HemMethod method) {
  const Eigen::Index n = x.size();
  const Eigen::MatrixXd A = technical_coefficients(Z, x);
  const Eigen::VectorXd f = x - Z.rowwise().sum();
  const Eigen::VectorXd w = x - Z.colwise().sum().transpose();
  const double total_x = x.sum();
  HypotheticalExtraction h;
  h.total.resize(n);
  h.backward.resize(n);
  h.forward.resize(n);
  h.cella.resize(n);
  if (method == HemMethod::ClosedForm) {
    const LeontiefSystem sys(A, IoSolver::DenseLu);
    const Eigen::MatrixXd L = sys.inverse();
    const Eigen::VectorXd c = L.colwise().sum().transpose();
    const Eigen::VectorXd g1 = (L * x).cwiseQuotient(x);  // G 1 with G = diag(x)^-1 L diag(x)
    for (Eigen::Index j = 0; j < n; ++j) {
      const double Ljj = L(j, j);  // = G_jj
      h.total(j) = x(j) * c(j) / Ljj;
      h.backward(j) = x(j) * (c(j) - 1) / Ljj;
      h.forward(j) = x(j) * (g1(j) - 1) / Ljj;
      h.cella(j) = (Z.row(j).sum() - Z(j, j)) / (1 - A(j, j)) + x(j) * (c(j) - Ljj) / Ljj;
    }
  } else {
    const Eigen::MatrixXd B = allocation_coefficients(Z, x);
    for (Eigen::Index j = 0; j < n; ++j) {
      h.total(j) =
          total_x - LeontiefSystem(without(A, j), IoSolver::DenseLu).solve(without(f, j)).sum();
      Eigen::MatrixXd Ab = A;
      Ab.col(j).setZero();
      h.backward(j) = total_x - LeontiefSystem(Ab, IoSolver::DenseLu).solve(f).sum();
      Eigen::MatrixXd Bf = B;
      Bf.row(j).setZero();
      h.forward(j) = total_x - LeontiefSystem(Bf, IoSolver::DenseLu).solve_transposed(w).sum();
      Eigen::MatrixXd Ac = A;
      const double ajj = A(j, j);
      Ac.row(j).setZero();
      Ac.col(j).setZero();
      Ac(j, j) = ajj;
      h.cella(j) = total_x - LeontiefSystem(Ac, IoSolver::DenseLu).solve(f).sum();
    }
  }
  h.total_pct = 100.0 * h.total / total_x;
  return h;
}

Eigen::MatrixXd leontief_price_change(const LeontiefSystem& sys,
                                      const Eigen::MatrixXd& cost_changes) {
  if (cost_changes.rows() == 0) return Eigen::MatrixXd(0, sys.size());
  return sys.solve_transposed(cost_changes.transpose()).transpose();
}

Eigen::MatrixXd output_change(const LeontiefSystem& sys, const Eigen::MatrixXd& df) {
  return sys.solve(df);
}

}  // namespace agglo
