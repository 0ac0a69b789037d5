// The Leontief and Ghosh systems: coefficients, a factorised (I - A) that solves instead of
// inverting, and the inverses themselves for when they are an output.
#pragma once

#include <memory>
#include <string>

#include <Eigen/Core>
#include <Eigen/SparseCore>

namespace agglo {

// Technical (input) coefficients (Leontief 1936; Miller & Blair 2009, eq. 2.4):
//   a_ij = z_ij / x_j.  Columns with x_j = 0 are 0 (callers exclude such sectors first).
Eigen::MatrixXd technical_coefficients(const Eigen::MatrixXd& Z, const Eigen::VectorXd& x);

// Allocation (output) coefficients of the Ghosh model (Ghosh 1958; Miller & Blair 2009, eq. 12.7):
//   b_ij = z_ij / x_i.  Rows with x_i = 0 are 0.
Eigen::MatrixXd allocation_coefficients(const Eigen::MatrixXd& Z, const Eigen::VectorXd& x);

// How (I - A) is factorised.
enum class IoSolver {
  Auto,       // dense LU up to 4000 sectors or when sparse storage does not pay; sparse LU
              // when under 5 % of A is non-zero; Krylov (GMRES) for larger dense systems
  DenseLu,    // Eigen PartialPivLU (LAPACK getrf algorithm)
  SparseLu,   // Eigen SparseLU with COLAMD ordering
  Iterative,  // matrix-free restarted GMRES on (I - A) and (I - A)'; never stores a second n x n
              // matrix
};

IoSolver parse_io_solver(const std::string& name);  // auto | dense_lu | sparse_lu | iterative

// (I - A) factorised once; every product with L = (I - A)^-1 is a solve.
// Construction throws agglo::Error when (I - A) is singular or its reciprocal condition
// estimate (1-norm) is below `min_rcond`, naming the estimate.
class LeontiefSystem {
 public:
  explicit LeontiefSystem(const Eigen::MatrixXd& A, IoSolver solver = IoSolver::Auto,
                          double min_rcond = 1e-14);
  // Sparse A: SparseLU (or GMRES when asked).
  explicit LeontiefSystem(const Eigen::SparseMatrix<double>& A, IoSolver solver = IoSolver::Auto,
                          double min_rcond = 1e-14);
  // A system on a matrix the caller keeps alive (no copy): for large tables with the iterative
  // solver. `A` must outlive this object.
  static LeontiefSystem borrowing(const Eigen::MatrixXd& A, IoSolver solver);
  ~LeontiefSystem();
  LeontiefSystem(LeontiefSystem&&) noexcept;
  LeontiefSystem& operator=(LeontiefSystem&&) noexcept;

  Eigen::Index size() const;
  IoSolver method() const;
  // L b = (I - A)^-1 b, column by column.
  Eigen::MatrixXd solve(const Eigen::MatrixXd& b) const;
  // L' b: the rows of c' L are solve_transposed(c)' (multipliers, price model).
  Eigen::MatrixXd solve_transposed(const Eigen::MatrixXd& b) const;
  // L itself (only when L is an output).
  Eigen::MatrixXd inverse() const;
  // Reciprocal condition estimate of (I - A) in the 1-norm (Hager-Higham); NaN if not known.
  double rcond() const;

 private:
  LeontiefSystem();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Leontief inverse L = (I - A)^-1 (Leontief 1936; Miller & Blair 2009, eq. 2.11).
Eigen::MatrixXd leontief_inverse(const Eigen::MatrixXd& A);

// Ghosh inverse G = (I - B)^-1 (Ghosh 1958; Miller & Blair 2009, eq. 12.10). With x > 0 it
// equals diag(x)^-1 L diag(x), which is how it is formed from an existing L.
Eigen::MatrixXd ghosh_inverse(const Eigen::MatrixXd& B);
Eigen::MatrixXd ghosh_from_leontief(const Eigen::MatrixXd& L, const Eigen::VectorXd& x);

}  // namespace agglo
