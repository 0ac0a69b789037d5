#include "families/input_output/leontief.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include <fmt/format.h>
#include <Eigen/LU>
#include <Eigen/SparseLU>

#include "core/error.hpp"

namespace agglo {

Eigen::MatrixXd technical_coefficients(const Eigen::MatrixXd& Z, const Eigen::VectorXd& x) {
  Eigen::MatrixXd A = Z;
  for (Eigen::Index j = 0; j < Z.cols(); ++j)
    A.col(j) = x(j) == 0 ? Eigen::VectorXd::Zero(Z.rows()) : Eigen::VectorXd(Z.col(j) / x(j));
  return A;
}

Eigen::MatrixXd allocation_coefficients(const Eigen::MatrixXd& Z, const Eigen::VectorXd& x) {
  Eigen::MatrixXd B = Z;
  for (Eigen::Index i = 0; i < Z.rows(); ++i)
    B.row(i) = x(i) == 0 ? Eigen::RowVectorXd::Zero(Z.cols()) : Eigen::RowVectorXd(Z.row(i) / x(i));
  return B;
}

IoSolver parse_io_solver(const std::string& name) {
  if (name == "auto") return IoSolver::Auto;
  if (name == "dense_lu") return IoSolver::DenseLu;
  if (name == "sparse_lu") return IoSolver::SparseLu;
  if (name == "iterative") return IoSolver::Iterative;
  throw UsageError("unknown solver \"" + name + "\" (auto, dense_lu, sparse_lu, iterative)");
}

namespace {

constexpr Eigen::Index kDenseLuLimit =
    4000;  // beyond this a dense LU costs O(n^3) and 2 n^2 memory
constexpr double kSparseShare = 0.05;

// Restarted GMRES(m) for (I - op) y = b with modified Gram-Schmidt and Givens rotations
// (Saad & Schultz 1986). `apply` computes op(v). Converges in few steps on IO systems: the
// spectrum of A is one Perron root < 1 and a cluster near 0.
template <typename Apply>
Eigen::VectorXd gmres(const Apply& apply, const Eigen::VectorXd& b, double tol, int max_iter) {
  const Eigen::Index n = b.size();
  const int m = 30;
  Eigen::VectorXd y = Eigen::VectorXd::Zero(n);
  const double bnorm = b.norm();
  if (bnorm == 0) return y;
  int iter = 0;
  bool first = true;
  while (iter < max_iter) {
    // The first residual is b itself (y = 0): no pass over A.
    Eigen::VectorXd r = first ? b : Eigen::VectorXd(b - (y - apply(y)));
    first = false;
    double beta = r.norm();
    if (beta <= tol * bnorm) return y;
    Eigen::MatrixXd V(n, m + 1);
    Eigen::MatrixXd H = Eigen::MatrixXd::Zero(m + 1, m);
    Eigen::VectorXd cs = Eigen::VectorXd::Zero(m), sn = Eigen::VectorXd::Zero(m);
    Eigen::VectorXd g = Eigen::VectorXd::Zero(m + 1);
    g(0) = beta;
    V.col(0) = r / beta;
    int k = 0;
    for (; k < m && iter < max_iter; ++k, ++iter) {
      Eigen::VectorXd w = V.col(k) - apply(V.col(k));
      for (int i = 0; i <= k; ++i) {
        H(i, k) = V.col(i).dot(w);
        w -= H(i, k) * V.col(i);
      }
      H(k + 1, k) = w.norm();
      if (H(k + 1, k) > 0) V.col(k + 1) = w / H(k + 1, k);
      for (int i = 0; i < k; ++i) {
        const double t = cs(i) * H(i, k) + sn(i) * H(i + 1, k);
        H(i + 1, k) = -sn(i) * H(i, k) + cs(i) * H(i + 1, k);
        H(i, k) = t;
      }
      const double d = std::hypot(H(k, k), H(k + 1, k));
      cs(k) = H(k, k) / d;
      sn(k) = H(k + 1, k) / d;
      H(k, k) = d;
      H(k + 1, k) = 0;
      g(k + 1) = -sn(k) * g(k);
      g(k) = cs(k) * g(k);
      if (std::abs(g(k + 1)) <= tol * bnorm || H(k + 1, k) == 0) {
        ++k;
        ++iter;
        break;
      }
    }
    const Eigen::VectorXd c = H.topLeftCorner(k, k).triangularView<Eigen::Upper>().solve(g.head(k));
    y += V.leftCols(k) * c;
    if (std::abs(g(k)) <= tol * bnorm)
      return y;  // the Givens residual is exact in exact arithmetic
  }
  const Eigen::VectorXd r = b - (y - apply(y));
  if (r.norm() > 1e3 * tol * bnorm)
    throw Error(fmt::format(
        "the iterative Leontief solve did not converge (relative residual {:.3g}); "
        "(I - A) may be singular or close to it: check that every column sum of A is below 1",
        r.norm() / bnorm));
  return y;
}

}  // namespace

struct LeontiefSystem::Impl {
  IoSolver method = IoSolver::DenseLu;
  Eigen::Index n = 0;
  std::optional<Eigen::PartialPivLU<Eigen::MatrixXd>> dense_lu;
  mutable std::optional<Eigen::SparseLU<Eigen::SparseMatrix<double>>>
      sparse_lu;  // transpose() is not const
  Eigen::MatrixXd owned_dense;
  const Eigen::MatrixXd* dense_a = nullptr;
  Eigen::SparseMatrix<double> sparse_a;
  bool sparse = false;
  double rcond = std::numeric_limits<double>::quiet_NaN();

  Eigen::VectorXd apply_a(const Eigen::VectorXd& v, bool transposed) const {
    if (sparse)
      return transposed ? Eigen::VectorXd(sparse_a.transpose() * v) : Eigen::VectorXd(sparse_a * v);
    const Eigen::MatrixXd& a = *dense_a;
    if (n < 2000) return transposed ? Eigen::VectorXd(a.transpose() * v) : Eigen::VectorXd(a * v);
    // Large dense products are bound by memory bandwidth: split the one pass over A into
    // contiguous column (A'v) or row (Av) blocks, one per thread.
    Eigen::VectorXd out(n);
    const Eigen::Index blocks = 64, step = (n + blocks - 1) / blocks;
#pragma omp parallel for schedule(static)
    for (Eigen::Index b = 0; b < blocks; ++b) {
      const Eigen::Index start = b * step, len = std::min(step, n - start);
      if (len <= 0) continue;
      if (transposed)
        out.segment(start, len).noalias() = a.middleCols(start, len).transpose() * v;
      else
        out.segment(start, len).noalias() = a.middleRows(start, len) * v;
    }
    return out;
  }

  Eigen::MatrixXd solve(const Eigen::MatrixXd& b, bool transposed) const {
    if (dense_lu)
      return transposed ? Eigen::MatrixXd(dense_lu->transpose().solve(b))
                        : Eigen::MatrixXd(dense_lu->solve(b));
    if (sparse_lu) {
      Eigen::MatrixXd out = transposed ? Eigen::MatrixXd(sparse_lu->transpose().solve(b))
                                       : Eigen::MatrixXd(sparse_lu->solve(b));
      return out;
    }
    Eigen::MatrixXd out(b.rows(), b.cols());
    for (Eigen::Index c = 0; c < b.cols(); ++c)
      out.col(c) = gmres([&](const Eigen::VectorXd& v) { return apply_a(v, transposed); }, b.col(c),
                         1e-14, 2000);
    return out;
  }

  double norm1_of_i_minus_a() const {
    double best = 0;
    for (Eigen::Index j = 0; j < n; ++j) {
      double s = 0;
      if (sparse) {
        for (Eigen::SparseMatrix<double>::InnerIterator it(sparse_a, j); it; ++it)
          s += std::abs((it.row() == j ? 1.0 : 0.0) - it.value());
        bool has_diag = false;
        for (Eigen::SparseMatrix<double>::InnerIterator it(sparse_a, j); it; ++it)
          has_diag |= it.row() == j;
        if (!has_diag) s += 1;
      } else {
        s = dense_a->col(j).cwiseAbs().sum() - std::abs((*dense_a)(j, j)) +
            std::abs(1 - (*dense_a)(j, j));
      }
      best = std::max(best, s);
    }
    return best;
  }

  // Hager (1984) / Higham (1988) estimate of ||(I - A)^-1||_1 from a few solves.
  double inverse_norm1_estimate() const {
    Eigen::VectorXd x = Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
    double est = 0;
    for (int k = 0; k < 5; ++k) {
      const Eigen::VectorXd y = solve(x, false);
      est = y.cwiseAbs().sum();
      const Eigen::VectorXd xi = y.unaryExpr([](double v) { return v >= 0 ? 1.0 : -1.0; });
      const Eigen::VectorXd z = solve(xi, true);
      Eigen::Index j = 0;
      const double zmax = z.cwiseAbs().maxCoeff(&j);
      if (zmax <= z.dot(x) || !std::isfinite(zmax)) break;
      x.setZero();
      x(j) = 1;
    }
    return est;
  }

  void check(double min_rcond) {
    if (method == IoSolver::Iterative) return;  // convergence is checked by every solve
    const double inv_norm = dense_lu ? 0 : inverse_norm1_estimate();
    rcond = dense_lu ? dense_lu->rcond() : 1.0 / (norm1_of_i_minus_a() * inv_norm);
    if (!(rcond >= min_rcond))
      throw Error(fmt::format(
          "(I - A) is singular or ill-conditioned: reciprocal condition estimate {:.3g} "
          "(1-norm condition number about {:.3g}); the Leontief inverse is not defined. "
          "Check for sectors whose intermediate inputs reach their output (column sums of A >= 1)",
          rcond, 1.0 / rcond));
  }
};

LeontiefSystem::LeontiefSystem() : impl_(std::make_unique<Impl>()) {}
LeontiefSystem::~LeontiefSystem() = default;
LeontiefSystem::LeontiefSystem(LeontiefSystem&&) noexcept = default;
LeontiefSystem& LeontiefSystem::operator=(LeontiefSystem&&) noexcept = default;

static void check_square(Eigen::Index rows, Eigen::Index cols) {
  if (rows != cols) throw Error(fmt::format("A must be square, got {} x {}", rows, cols));
}

LeontiefSystem::LeontiefSystem(const Eigen::MatrixXd& A, IoSolver solver, double min_rcond)
    : LeontiefSystem() {
  check_square(A.rows(), A.cols());
  auto& s = *impl_;
  s.n = A.rows();
  if (solver == IoSolver::Auto) {
    const double share =
        s.n == 0 ? 1.0
                 : static_cast<double>((A.array() != 0).count()) / static_cast<double>(A.size());
    solver = (s.n >= 500 && share < kSparseShare) ? IoSolver::SparseLu
             : s.n <= kDenseLuLimit               ? IoSolver::DenseLu
                                                  : IoSolver::Iterative;
  }
  s.method = solver;
  if (solver == IoSolver::DenseLu) {
    s.dense_lu.emplace(Eigen::MatrixXd::Identity(s.n, s.n) - A);
    s.owned_dense = A;  // kept for the 1-norm; cheap next to the factorisation
    s.dense_a = &s.owned_dense;
  } else if (solver == IoSolver::SparseLu) {
    s.sparse = true;
    s.sparse_a = A.sparseView();
    Eigen::SparseMatrix<double> m = -s.sparse_a;
    for (Eigen::Index i = 0; i < s.n; ++i) m.coeffRef(i, i) += 1.0;
    m.makeCompressed();
    s.sparse_lu.emplace();
    s.sparse_lu->compute(m);
    if (s.sparse_lu->info() != Eigen::Success)
      throw Error("(I - A) is singular: the sparse LU factorisation failed (" +
                  s.sparse_lu->lastErrorMessage() + ")");
  } else {
    s.owned_dense = A;
    s.dense_a = &s.owned_dense;
  }
  s.check(min_rcond);
}

LeontiefSystem::LeontiefSystem(const Eigen::SparseMatrix<double>& A, IoSolver solver,
                               double min_rcond)
    : LeontiefSystem() {
  check_square(A.rows(), A.cols());
  auto& s = *impl_;
  s.n = A.rows();
  if (solver == IoSolver::DenseLu) {
    *this = LeontiefSystem(Eigen::MatrixXd(A), solver, min_rcond);
    return;
  }
  s.sparse = true;
  s.sparse_a = A;
  s.method = solver == IoSolver::Iterative ? IoSolver::Iterative : IoSolver::SparseLu;
  if (s.method == IoSolver::SparseLu) {
    Eigen::SparseMatrix<double> m = -A;
    for (Eigen::Index i = 0; i < s.n; ++i) m.coeffRef(i, i) += 1.0;
    m.makeCompressed();
    s.sparse_lu.emplace();
    s.sparse_lu->compute(m);
    if (s.sparse_lu->info() != Eigen::Success)
      throw Error("(I - A) is singular: the sparse LU factorisation failed (" +
                  s.sparse_lu->lastErrorMessage() + ")");
  }
  s.check(min_rcond);
}

LeontiefSystem LeontiefSystem::borrowing(const Eigen::MatrixXd& A, IoSolver solver) {
  check_square(A.rows(), A.cols());
  if (solver == IoSolver::Auto)
    solver = A.rows() <= kDenseLuLimit ? IoSolver::DenseLu : IoSolver::Iterative;
  if (solver != IoSolver::Iterative) return LeontiefSystem(A, solver);
  LeontiefSystem sys;
  sys.impl_->n = A.rows();
  sys.impl_->method = IoSolver::Iterative;
  sys.impl_->dense_a = &A;
  return sys;
}

Eigen::Index LeontiefSystem::size() const {
  return impl_->n;
}
IoSolver LeontiefSystem::method() const {
  return impl_->method;
}
Eigen::MatrixXd LeontiefSystem::solve(const Eigen::MatrixXd& b) const {
  return impl_->solve(b, false);
}
Eigen::MatrixXd LeontiefSystem::solve_transposed(const Eigen::MatrixXd& b) const {
  return impl_->solve(b, true);
}
Eigen::MatrixXd LeontiefSystem::inverse() const {
  if (impl_->dense_lu) return impl_->dense_lu->inverse();
  return solve(Eigen::MatrixXd::Identity(impl_->n, impl_->n));
}
double LeontiefSystem::rcond() const {
  return impl_->rcond;
}

Eigen::MatrixXd leontief_inverse(const Eigen::MatrixXd& A) {
  return LeontiefSystem(A, IoSolver::DenseLu).inverse();
}

Eigen::MatrixXd ghosh_inverse(const Eigen::MatrixXd& B) {
  return LeontiefSystem(B, IoSolver::DenseLu).inverse();
}

Eigen::MatrixXd ghosh_from_leontief(const Eigen::MatrixXd& L, const Eigen::VectorXd& x) {
  return x.cwiseInverse().asDiagonal() * L * x.asDiagonal();
}

}  // namespace agglo
