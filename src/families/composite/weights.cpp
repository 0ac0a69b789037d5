#include "families/composite/weights.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>
#include <Eigen/Eigenvalues>

#include "core/error.hpp"
#include "core/table.hpp"

namespace agglo {

std::vector<double> group_weights(const IndicatorFramework& f, const std::vector<double>& raw) {
  std::map<std::string, double> sums;
  for (size_t i = 0; i < f.nodes().size(); ++i) sums[f.nodes()[i].parent] += raw[i];
  std::vector<double> w(raw.size());
  for (size_t i = 0; i < f.nodes().size(); ++i) {
    const auto& n = f.nodes()[i];
    const double s = sums[n.parent];
    if (s == 0 || !std::isfinite(s))
      throw Error(n.pos, fmt::format("the weights of the children of \"{}\" sum to {}: they cannot "
                                     "be rescaled",
                                     n.parent.empty() ? "(top)" : n.parent, format_number(s)));
    w[i] = raw[i] / s;
  }
  return w;
}

std::vector<double> effective_weights(const IndicatorFramework& f, const std::vector<double>& w) {
  std::vector<double> eff(w.size());
  for (size_t i = 0; i < f.nodes().size(); ++i) {
    double p = w[i];
    for (std::string cur = f.nodes()[i].parent; !cur.empty(); cur = f.node(cur).parent)
      if (!f.node(cur).parent.empty()) p *= w[f.index(cur)];
    eff[i] = p;
  }
  return eff;
}

std::vector<double> equal_weights(const IndicatorFramework& f) {
  return group_weights(f, std::vector<double>(f.nodes().size(), 1.0));
}

std::vector<double> framework_weights(const IndicatorFramework& f) {
  std::vector<double> raw;
  for (const auto& n : f.nodes()) raw.push_back(n.weight);
  return group_weights(f, raw);
}

std::vector<PcaGroup> pca_groups(const Eigen::MatrixXd& x, const IndicatorFramework& f,
                                 bool by_groups) {
  std::vector<PcaGroup> groups;
  const auto& codes = f.indicators();
  if (by_groups) {
    std::map<std::string, size_t> at;
    for (size_t j = 0; j < codes.size(); ++j) {
      const std::string& parent = f.node(codes[j]).parent;
      auto [it, fresh] = at.emplace(parent, groups.size());
      if (fresh) groups.push_back(PcaGroup{parent.empty() ? "All" : parent, {}, {}, 0, 0, 0});
      groups[it->second].indicators.push_back(j);
    }
  } else {
    PcaGroup g{"All", {}, {}, 0, 0, 0};
    for (size_t j = 0; j < codes.size(); ++j) g.indicators.push_back(j);
    groups.push_back(g);
  }
  for (auto& g : groups) {
    const auto p = static_cast<Eigen::Index>(g.indicators.size());
    std::vector<Eigen::Index> rows;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      bool complete = true;
      for (size_t j : g.indicators)
        complete = complete && !std::isnan(x(i, static_cast<Eigen::Index>(j)));
      if (complete) rows.push_back(i);
    }
    g.n_units = static_cast<Eigen::Index>(rows.size());
    if (g.n_units < 3)
      throw Error(fmt::format("PCA group \"{}\" has {} complete units; PCA weights need at least 3",
                              g.group, g.n_units));
    Eigen::MatrixXd z(g.n_units, p);
    for (Eigen::Index r = 0; r < g.n_units; ++r)
      for (Eigen::Index c = 0; c < p; ++c)
        z(r, c) = x(rows[static_cast<size_t>(r)],
                    static_cast<Eigen::Index>(g.indicators[static_cast<size_t>(c)]));
    for (Eigen::Index c = 0; c < p; ++c) {
      const double mean = z.col(c).mean();
      z.col(c).array() -= mean;
      const double sd = std::sqrt(z.col(c).squaredNorm() / static_cast<double>(g.n_units - 1));
      if (!(sd > 0))
        throw Error(
            fmt::format("indicator \"{}\" has zero variance: its correlations, hence PCA "
                        "weights, are undefined",
                        codes[g.indicators[static_cast<size_t>(c)]]));
      z.col(c) /= sd;
    }
    const Eigen::MatrixXd r = (z.transpose() * z) / static_cast<double>(g.n_units - 1);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(r);
    g.eigenvalue = es.eigenvalues()[p - 1];
    g.loadings = es.eigenvectors().col(p - 1);
    if (g.loadings.sum() < 0) g.loadings = -g.loadings;
    g.variance_share = g.eigenvalue / static_cast<double>(p);
  }
  return groups;
}

std::vector<double> pca_weights(const IndicatorFramework& f, const std::vector<PcaGroup>& groups,
                                PcaWeighting weighting) {
  std::vector<double> raw;
  for (const auto& n : f.nodes()) raw.push_back(n.weight);
  for (const auto& g : groups)
    for (size_t c = 0; c < g.indicators.size(); ++c) {
      const double a = g.loadings[static_cast<Eigen::Index>(c)];
      raw[f.index(f.indicators()[g.indicators[c]])] =
          weighting == PcaWeighting::Loadings ? a : a * a;
    }
  return group_weights(f, raw);
}

EntropyWeights entropy_weights(const Eigen::MatrixXd& x, const std::vector<std::string>& names) {
  const Eigen::Index m = x.cols();
  EntropyWeights e{Eigen::VectorXd(m), Eigen::VectorXd(m), Eigen::VectorXd(m)};
  for (Eigen::Index j = 0; j < m; ++j) {
    double sum = 0;
    Eigen::Index n = 0;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const double v = x(i, j);
      if (std::isnan(v)) continue;
      if (v < 0)
        throw Error(
            fmt::format("indicator \"{}\" has the negative value {}: entropy weights need "
                        "values >= 0 (normalise first, e.g. min-max)",
                        names[static_cast<size_t>(j)], format_number(v)));
      sum += v;
      ++n;
    }
    if (n < 2 || !(sum > 0))
      throw Error(
          fmt::format("indicator \"{}\" has {} values summing to {}: its entropy is undefined",
                      names[static_cast<size_t>(j)], n, format_number(sum)));
    double h = 0;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const double v = x(i, j);
      if (std::isnan(v) || v == 0) continue;
      const double p = v / sum;
      h -= p * std::log(p);
    }
    e.entropy[j] = h / std::log(static_cast<double>(n));
    e.divergence[j] = 1 - e.entropy[j];
  }
  const double total = e.divergence.sum();
  if (!(total > 0))
    throw Error("every indicator has entropy 1 (all units equal): entropy weights are undefined");
  e.weight = e.divergence / total;
  return e;
}

std::vector<double> entropy_framework_weights(const IndicatorFramework& f,
                                              const EntropyWeights& e) {
  std::vector<double> raw;
  for (const auto& n : f.nodes()) raw.push_back(n.weight);
  for (size_t j = 0; j < f.indicators().size(); ++j)
    raw[f.index(f.indicators()[j])] = e.divergence[static_cast<Eigen::Index>(j)];
  return group_weights(f, raw);
}

AhpResult ahp_weights(const Eigen::MatrixXd& a) {
  const Eigen::Index n = a.rows();
  if (n == 0 || a.cols() != n)
    throw Error(fmt::format("the pairwise-comparison matrix must be square, got {} x {}", a.rows(),
                            a.cols()));
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) {
      if (!(a(i, j) > 0) || !std::isfinite(a(i, j)))
        throw Error(fmt::format("pairwise comparison ({}, {}) must be positive, got {}", i + 1,
                                j + 1, format_number(a(i, j))));
      if (std::abs(a(i, j) * a(j, i) - 1) > 1e-6)
        throw Error(
            fmt::format("the pairwise-comparison matrix is not reciprocal: a({0},{1}) = {2} but "
                        "a({1},{0}) = {3}",
                        i + 1, j + 1, format_number(a(i, j)), format_number(a(j, i))));
    }
  AhpResult r;
  // Power iteration: A is positive, so the Perron root is simple and the iteration converges.
  Eigen::VectorXd w = Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
  for (int it = 0; it < 10000; ++it) {
    Eigen::VectorXd next = a * w;
    next /= next.sum();
    const double change = (next - w).cwiseAbs().maxCoeff();
    w = next;
    if (change < 1e-15) break;
  }
  r.weights = w;
  r.lambda_max = ((a * w).array() / w.array()).mean();
  // Saaty's random consistency indices for n = 1..15.
  static const double ri[] = {0,    0,    0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                              1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
  if (n <= 2) {
    r.consistency_index = 0;
    r.random_index = 0;
    r.consistency_ratio = 0;
  } else {
    r.consistency_index = (r.lambda_max - static_cast<double>(n)) / static_cast<double>(n - 1);
    r.random_index = n <= 15 ? ri[n - 1] : NA;
    r.consistency_ratio = n <= 15 ? r.consistency_index / r.random_index : NA;
  }
  return r;
}

}  // namespace agglo
