#include "families/complexity/relatedness.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/table.hpp"
#include "families/complexity/presence.hpp"
#include "families/complexity/presence_product.hpp"

namespace agglo {

Eigen::MatrixXd co_occurrence(const Eigen::MatrixXd& presence, bool keep_diagonal) {
  const auto lists = presence_lists(presence);
  const Eigen::Index n = presence.cols();
  Eigen::MatrixXd c = Eigen::MatrixXd::Zero(n, n);
  // Every region adds 1 to each pair of its industries. A thread owns a range of columns p and
  // fills the whole column C(., p) (contiguous), so no two threads write the same cell and no
  // strided transpose is needed afterwards.
#pragma omp parallel for schedule(dynamic, 16)
  for (Eigen::Index p = 0; p < n; ++p) {
    double* col = c.col(p).data();
    for (const auto& idx : lists) {
      if (!std::binary_search(idx.begin(), idx.end(), static_cast<int>(p))) continue;
      for (int q : idx) col[q] += 1.0;
    }
  }
  if (!keep_diagonal) c.diagonal().setZero();
  return c;
}

RelatednessMethod relatedness_method_from(const std::string& name) {
  if (name == "prob") return RelatednessMethod::Probability;
  if (name == "association") return RelatednessMethod::Association;
  if (name == "cosine") return RelatednessMethod::Cosine;
  if (name == "jaccard") return RelatednessMethod::Jaccard;
  throw UsageError("unknown relatedness method \"" + name +
                   "\" (prob, association, cosine, jaccard)");
}

Eigen::MatrixXd relatedness(const Eigen::MatrixXd& cooc, RelatednessMethod method) {
  Eigen::MatrixXd c = cooc;
  c.diagonal().setZero();
  const Eigen::VectorXd s = c.rowwise().sum();
  const double t = s.sum();
  const Eigen::Index n = c.rows();
  Eigen::MatrixXd r(n, n);
  for (Eigen::Index b = 0; b < n; ++b)
    for (Eigen::Index a = 0; a < n; ++a) {
      const double cab = c(a, b), sa = s(a), sb = s(b);
      double v = 0;
      switch (method) {
        case RelatednessMethod::Probability:
          v = cab / ((sb / t * (sa / (t - sb)) + sa / t * (sb / (t - sa))) * t / 2);
          break;
        case RelatednessMethod::Association:
          v = (cab / t) / ((sa / t) * (sb / t));
          break;
        case RelatednessMethod::Cosine:
          v = cab / std::sqrt(sa * sb);
          break;
        case RelatednessMethod::Jaccard:
          v = cab / (sa + sb - cab);
          break;
      }
      // No co-occurrence at all: no evidence of relatedness (0/0 -> 0, as EconGeo).
      r(a, b) = (a == b || cab == 0 || !std::isfinite(v)) ? 0.0 : v;
    }
  return r;
}

Eigen::MatrixXd proximity_discrete(const Eigen::MatrixXd& cooc_with_diagonal, bool asymmetric) {
  const Eigen::Index n = cooc_with_diagonal.rows();
  const Eigen::VectorXd u = cooc_with_diagonal.diagonal();
  Eigen::MatrixXd phi(n, n);
  for (Eigen::Index q = 0; q < n; ++q)
    for (Eigen::Index p = 0; p < n; ++p) {
      const double denom = asymmetric ? u(p) : std::max(u(p), u(q));
      phi(p, q) = (u(p) == 0 || u(q) == 0) ? NA : cooc_with_diagonal(p, q) / denom;
    }
  return phi;
}

Eigen::MatrixXd proximity_discrete_from_presence(const Eigen::MatrixXd& presence, bool asymmetric) {
  const auto rows = presence_lists(presence);
  const Eigen::Index n = presence.cols();
  std::vector<std::vector<int>> regions_of(static_cast<size_t>(n));
  for (size_t r = 0; r < rows.size(); ++r)
    for (int q : rows[r]) regions_of[static_cast<size_t>(q)].push_back(static_cast<int>(r));
  const Eigen::VectorXd u = ubiquity(presence);
  Eigen::MatrixXd phi(n, n);
#pragma omp parallel
  {
    std::vector<double> count(static_cast<size_t>(n));
#pragma omp for schedule(dynamic, 16)
    for (Eigen::Index p = 0; p < n; ++p) {
      std::fill(count.begin(), count.end(), 0.0);
      for (int r : regions_of[static_cast<size_t>(p)])
        for (int q : rows[static_cast<size_t>(r)]) count[static_cast<size_t>(q)] += 1.0;
      double* col = phi.col(p).data();  // column p holds phi(q, p)
      for (Eigen::Index q = 0; q < n; ++q) {
        const double denom = asymmetric ? u(q) : std::max(u(p), u(q));
        col[q] = (u(p) == 0 || u(q) == 0) ? NA : count[static_cast<size_t>(q)] / denom;
      }
    }
  }
  return phi;
}

Eigen::MatrixXd proximity_continuous(const Eigen::MatrixXd& rca) {
  const Eigen::Index n = rca.rows(), k = rca.cols();
  Eigen::MatrixXd z = rca;
  std::vector<bool> defined(static_cast<size_t>(k), true);
  for (Eigen::Index j = 0; j < k; ++j) {
    const double mean = z.col(j).mean();
    z.col(j).array() -= mean;
    const double norm = z.col(j).norm();
    if (!(norm > 0) || !std::isfinite(norm)) {
      defined[static_cast<size_t>(j)] = false;
      z.col(j).setZero();
    } else {
      z.col(j) /= norm;
    }
  }
  (void)n;
  Eigen::MatrixXd corr = z.transpose() * z;
  Eigen::MatrixXd phi = (1.0 + corr.array()) / 2.0;
  for (Eigen::Index j = 0; j < k; ++j) {
    if (defined[static_cast<size_t>(j)]) {
      phi(j, j) = 1.0;  // corr(x, x) = 1 exactly
      continue;
    }
    phi.row(j).setConstant(NA);
    phi.col(j).setConstant(NA);
  }
  return phi;
}

Eigen::MatrixXd relatedness_density(const Eigen::MatrixXd& presence,
                                    const Eigen::MatrixXd& relatedness, double scale) {
  const Eigen::MatrixXd r = relatedness.unaryExpr([](double v) { return std::isnan(v) ? 0.0 : v; });
  const Eigen::VectorXd col_sums = r.colwise().sum().transpose();
  Eigen::MatrixXd num;
  const bool binary = (presence.array() == 0 || presence.array() == 1).all();
  if (binary) {
    num = presence_times(presence_lists(presence), r.transpose());  // K(i, k) = R_ki
  } else {
    num = presence * r;
  }
  Eigen::MatrixXd d(num.rows(), num.cols());
  for (Eigen::Index i = 0; i < num.cols(); ++i)
    for (Eigen::Index c = 0; c < num.rows(); ++c)
      d(c, i) = col_sums(i) == 0 ? NA : scale * num(c, i) / col_sums(i);
  return d;
}

}  // namespace agglo
