#include "families/complexity/complexity_index.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include <Spectra/MatOp/DenseSymMatProd.h>
#include <Spectra/SymEigsSolver.h>
#include <Eigen/Eigenvalues>
#include <Eigen/SparseCore>

#include "core/table.hpp"
#include "families/complexity/presence.hpp"

namespace agglo {
namespace {

using SparseMatrix = Eigen::SparseMatrix<double>;

// y = A (A' x): the symmetric Gram operator of the sparse normalised presence matrix.
struct GramOperator {
  using Scalar = double;
  const SparseMatrix* a;  // n x k, Gram is n x n
  Eigen::Index rows() const { return a->rows(); }
  Eigen::Index cols() const { return a->rows(); }
  void perform_op(const double* x_in, double* y_out) const {
    Eigen::Map<const Eigen::VectorXd> x(x_in, a->rows());
    Eigen::Map<Eigen::VectorXd> y(y_out, a->rows());
    const Eigen::VectorXd t = a->transpose() * x;
    y.noalias() = *a * t;
  }
};

constexpr Eigen::Index kDenseBelow = 64;
constexpr Eigen::Index kDenseGramUpTo = 4000;

// The three largest eigenpairs of a symmetric operator by restarted Lanczos (Spectra), from a
// fixed start vector so that the result is the same from run to run.
template <typename Op>
bool lanczos(Op& op, Eigen::Index m, Eigen::Vector3d& lambda, Eigen::VectorXd& v2) {
  const Eigen::Index nev = 3, ncv = std::min<Eigen::Index>(m, 30);
  Spectra::SymEigsSolver<Op> eigs(op, nev, ncv);
  Eigen::VectorXd start(m);
  for (Eigen::Index i = 0; i < m; ++i) start(i) = 1.0 + 0.1 * static_cast<double>(i % 7);
  eigs.init(start.data());
  eigs.compute(Spectra::SortRule::LargestAlge, 10000, 1e-13, Spectra::SortRule::LargestAlge);
  if (eigs.info() != Spectra::CompInfo::Successful) return false;
  lambda = eigs.eigenvalues().template head<3>();
  v2 = eigs.eigenvectors().col(1);
  return true;
}
constexpr double kGapTolerance = 1e-10;

ComplexityEigenvectors undefined(Eigen::Index n, Eigen::Index k, std::string why) {
  ComplexityEigenvectors e;
  e.kc = Eigen::VectorXd::Constant(n, NA);
  e.kp = Eigen::VectorXd::Constant(k, NA);
  e.problem = std::move(why);
  return e;
}

Eigen::VectorXd ranks_average(const Eigen::VectorXd& v) {
  std::vector<Eigen::Index> order(static_cast<size_t>(v.size()));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return v(a) < v(b); });
  Eigen::VectorXd r(v.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && v(order[j + 1]) == v(order[i])) ++j;
    const double avg = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (size_t t = i; t <= j; ++t) r(order[t]) = avg;
    i = j + 1;
  }
  return r;
}

}  // namespace

double pearson_correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  const Eigen::ArrayXd da = a.array() - a.mean(), db = b.array() - b.mean();
  const double den = std::sqrt((da * da).sum() * (db * db).sum());
  return den > 0 ? (da * db).sum() / den : NA;
}

double spearman_correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  return pearson_correlation(ranks_average(a), ranks_average(b));
}

ComplexityEigenvectors complexity_eigenvectors(const Eigen::MatrixXd& presence) {
  const Eigen::Index n = presence.rows(), k = presence.cols();
  if (n < 2 || k < 2)
    return undefined(n, k, "the complexity eigenvector needs at least 2 regions and 2 industries");
  const Eigen::VectorXd d = diversity(presence), u = ubiquity(presence);
  if ((d.array() <= 0).any() || (u.array() <= 0).any())
    return undefined(n, k,
                     "a region without specialisation or an industry present nowhere is left");

  // A = D_d^-1/2 M D_u^-1/2, stored sparse (a presence matrix is mostly zeros).
  std::vector<Eigen::Triplet<double>> cells;
  for (Eigen::Index i = 0; i < k; ++i)
    for (Eigen::Index r = 0; r < n; ++r)
      if (presence(r, i) != 0) cells.emplace_back(r, i, presence(r, i) / std::sqrt(d(r) * u(i)));
  SparseMatrix a(n, k);
  a.setFromTriplets(cells.begin(), cells.end());
  const bool region_side = n <= k;
  const SparseMatrix side = region_side ? a : SparseMatrix(a.transpose());
  const Eigen::Index m = side.rows();

  Eigen::Vector3d lambda = Eigen::Vector3d::Constant(NA);
  Eigen::VectorXd v;  // unit eigenvector of the 2nd eigenvalue of side * side'
  if (m < kDenseBelow) {
    const Eigen::MatrixXd gram = Eigen::MatrixXd(side * side.transpose());
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(gram);
    if (es.info() != Eigen::Success) return undefined(n, k, "the eigensolver failed");
    for (Eigen::Index j = 0; j < std::min<Eigen::Index>(3, m); ++j)
      lambda(j) = es.eigenvalues()(m - 1 - j);
    v = es.eigenvectors().col(m - 2);
  } else if (m <= kDenseGramUpTo) {
    // The Gram matrix itself is small: form it once (sparse product) and iterate on it.
    const Eigen::MatrixXd gram = Eigen::MatrixXd(side * side.transpose());
    Spectra::DenseSymMatProd<double> op(gram);
    if (!lanczos(op, m, lambda, v))
      return undefined(n, k, "the Lanczos eigensolver did not converge");
  } else {
    GramOperator op{&side};
    if (!lanczos(op, m, lambda, v))
      return undefined(n, k, "the Lanczos eigensolver did not converge");
  }
  if (lambda(0) - lambda(1) <= kGapTolerance)
    return undefined(
        n, k,
        "the region-industry network is disconnected (eigenvalue 1 is repeated), so the complexity "
        "eigenvector is not unique");
  if (!std::isnan(lambda(2)) && lambda(1) - lambda(2) <= kGapTolerance * std::max(1.0, lambda(0)))
    return undefined(
        n, k, "the 2nd and 3rd eigenvalues are tied, so the complexity eigenvector is not unique");

  ComplexityEigenvectors e;
  e.lambda1 = lambda(0);
  e.lambda2 = lambda(1);
  e.lambda3 = lambda(2);
  const Eigen::VectorXd w = region_side ? Eigen::VectorXd(a.transpose() * v) : v;  // industry side
  e.kp = w.array() / u.array().sqrt();
  e.kp /= e.kp.norm();
  e.kc = (a * (e.kp.array() * u.array().sqrt()).matrix()).array() / d.array().sqrt();
  return e;
}

EciPci economic_complexity_index(const Eigen::MatrixXd& presence) {
  EciPci out;
  const ComplexityEigenvectors e = complexity_eigenvectors(presence);
  out.kc = e.kc;
  out.kp = e.kp;
  auto fail = [&](std::string why) {
    out.eci = Eigen::VectorXd::Constant(presence.rows(), NA);
    out.pci = Eigen::VectorXd::Constant(presence.cols(), NA);
    out.problem = std::move(why);
    return out;
  };
  if (!e.problem.empty()) return fail(e.problem);
  const double c = pearson_correlation(diversity(presence), e.kc);
  if (std::isnan(c))
    return fail(
        "the ECI sign is undefined: diversity (or the eigenvector) is the same in every region");
  if (c < 0) {
    out.kc = -out.kc;
    out.kp = -out.kp;
  }
  out.kc_mean = out.kc.mean();
  out.kc_sd = std::sqrt((out.kc.array() - out.kc_mean).square().mean());
  if (!(out.kc_sd > 0))
    return fail("ECI is the same in every region (sd 0), so it cannot be standardised");
  out.eci = (out.kc.array() - out.kc_mean) / out.kc_sd;
  out.pci = (out.kp.array() - out.kc_mean) / out.kc_sd;
  return out;
}

KciTci knowledge_complexity_index(const Eigen::MatrixXd& presence,
                                  ComplexityNormalisation normalisation) {
  KciTci out;
  const ComplexityEigenvectors e = complexity_eigenvectors(presence);
  out.kci = Eigen::VectorXd::Constant(presence.rows(), NA);
  out.tci = Eigen::VectorXd::Constant(presence.cols(), NA);
  if (!e.problem.empty()) {
    out.problem = e.problem;
    return out;
  }
  auto normalise = [&](const Eigen::VectorXd& v, const char* what) -> Eigen::VectorXd {
    if (normalisation == ComplexityNormalisation::Sum) {
      const double s = v.sum();
      if (std::abs(s) <= 1e-12 * v.cwiseAbs().sum()) {
        out.problem =
            std::string("the ") + what + " eigenvector sums to 0, so v / sum(v) is undefined";
        return Eigen::VectorXd::Constant(v.size(), NA);
      }
      return v / s;
    }
    const double mean = v.mean();
    const double sd =
        std::sqrt((v.array() - mean).square().sum() / static_cast<double>(v.size() - 1));
    return (v.array() - mean) / sd;
  };
  out.kci = normalise(e.kc, "region");
  out.tci = normalise(e.kp, "industry");
  const Reflections mor = method_of_reflections(presence, 20);
  const double ck = pearson_correlation(out.kci, mor.kc.col(20));
  if (ck < 0) out.kci = -out.kci;
  const double ct = spearman_correlation(out.tci, ubiquity(presence));
  if (ct > 0) out.tci = -out.tci;
  return out;
}

Reflections method_of_reflections(const Eigen::MatrixXd& presence, int steps,
                                  ReflectionScaling scaling) {
  const Eigen::Index n = presence.rows(), k = presence.cols();
  Reflections out;
  out.kc.resize(n, steps + 1);
  out.kp.resize(k, steps + 1);
  const Eigen::VectorXd d = diversity(presence), u = ubiquity(presence);
  out.kc.col(0) = d;
  out.kp.col(0) = u;
  auto rescale = [&](Eigen::VectorXd v) {
    double lo = INFINITY, hi = -INFINITY;  // over the defined values only
    for (double x : v)
      if (!std::isnan(x)) lo = std::min(lo, x), hi = std::max(hi, x);
    if (!(hi > lo)) {
      out.problem = "a reflection step is constant (max = min), so it cannot be rescaled to 0-100";
      return Eigen::VectorXd(Eigen::VectorXd::Constant(v.size(), NA));
    }
    return Eigen::VectorXd(100.0 * (v.array() - lo) / (hi - lo));
  };
  for (int s = 1; s <= steps; ++s) {
    // A region without specialisation (d = 0) averages over nothing: NA, never 0/0 silently.
    Eigen::VectorXd kc = (presence * out.kp.col(s - 1)).array() / d.array();
    Eigen::VectorXd kp = (presence.transpose() * out.kc.col(s - 1)).array() / u.array();
    if (scaling == ReflectionScaling::MinMaxFromStep3 && s >= 3) {
      kc = rescale(kc);
      kp = rescale(kp);
    }
    out.kc.col(s) = kc;
    out.kp.col(s) = kp;
  }
  if ((d.array() == 0).any() || (u.array() == 0).any())
    out.problem =
        "a region without specialisation or an industry present nowhere has no reflections (NA)";
  return out;
}

}  // namespace agglo
