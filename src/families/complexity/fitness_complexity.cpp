#include "families/complexity/fitness_complexity.hpp"

#include <vector>

#include "core/table.hpp"
#include "families/complexity/presence.hpp"

namespace agglo {

FitnessComplexity fitness_complexity(const Eigen::MatrixXd& presence, int max_iterations,
                                     double tolerance) {
  FitnessComplexity out;
  const Eigen::VectorXd d = diversity(presence), u = ubiquity(presence);
  NonEmpty active;
  for (Eigen::Index r = 0; r < presence.rows(); ++r)
    if (d(r) > 0) active.rows.push_back(r);
  for (Eigen::Index i = 0; i < presence.cols(); ++i)
    if (u(i) > 0) active.cols.push_back(i);
  out.fitness = Eigen::VectorXd::Constant(presence.rows(), NA);
  out.complexity = Eigen::VectorXd::Constant(presence.cols(), NA);
  if (active.rows.empty() || active.cols.empty()) {
    out.problem = "no region has any presence: fitness and complexity are undefined";
    return out;
  }
  if (!active.all(presence))
    out.problem = "regions without presence and industries present nowhere are NA";
  const Eigen::MatrixXd m = submatrix(presence, active);
  Eigen::VectorXd f = Eigen::VectorXd::Ones(m.rows()), q = Eigen::VectorXd::Ones(m.cols());
  for (out.iterations = 1; out.iterations <= max_iterations; ++out.iterations) {
    Eigen::VectorXd f_next = m * q;
    Eigen::VectorXd q_next = (m.transpose() * f.cwiseInverse()).cwiseInverse();
    f_next /= f_next.mean();
    q_next /= q_next.mean();
    const double change =
        std::max((f_next - f).cwiseAbs().maxCoeff(), (q_next - q).cwiseAbs().maxCoeff());
    f = f_next;
    q = q_next;
    // Fitness that has collapsed to 0 would make 1/F infinite: stop at the last finite state.
    if (!f.allFinite() || !q.allFinite() || (f.array() <= 0).any()) break;
    if (change <= tolerance) {
      out.converged = true;
      break;
    }
  }
  out.iterations = std::min(out.iterations, max_iterations);
  for (size_t a = 0; a < active.rows.size(); ++a)
    out.fitness(active.rows[a]) = f(static_cast<Eigen::Index>(a));
  for (size_t a = 0; a < active.cols.size(); ++a)
    out.complexity(active.cols[a]) = q(static_cast<Eigen::Index>(a));
  return out;
}

}  // namespace agglo
