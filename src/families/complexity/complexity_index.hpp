// Economic complexity of regions and industries from a binary presence matrix M (region x
// industry): the eigenvector method (ECI/PCI, KCI/TCI) and the method of reflections.
#pragma once

#include <string>

#include <Eigen/Core>

namespace agglo {

// The complexity eigenvectors (Hidalgo & Hausmann 2009; Mealy, Farmer & Teytelboym 2019):
//   kp = eigenvector of the 2nd largest eigenvalue of Mpp = D_u^-1 M' D_d^-1 M  (industries)
//   kc = D_d^-1 M kp, the eigenvector of Mcc = D_d^-1 M D_u^-1 M' for the same eigenvalue
// Computed on the symmetric A A' or A'A with A = D_d^-1/2 M D_u^-1/2 (the smaller side) by a
// partial Lanczos solver (Spectra), a dense solver below 64 rows. `problem` names why the
// vectors are undefined (too few rows, disconnected network, tied 2nd eigenvalue); the vectors
// are then NA. Every region and industry of M must have diversity / ubiquity > 0.
struct ComplexityEigenvectors {
  Eigen::VectorXd kc, kp;
  double lambda1 = 0, lambda2 = 0, lambda3 = 0;  // lambda3 NaN with only two regions/industries
  std::string problem;
};
ComplexityEigenvectors complexity_eigenvectors(const Eigen::MatrixXd& presence);

// ECI and PCI with ecomplexity's (and the Atlas' Stata package's) conventions: the sign makes
// corr(ECI, diversity) > 0; ECI = (kc - mean kc) / sd kc and PCI = (kp - mean kc) / sd kc with the
// population sd, so that ECI_c is the mean PCI of the industries present in c.
struct EciPci {
  Eigen::VectorXd eci, pci;
  Eigen::VectorXd kc, kp;  // oriented raw vectors
  double kc_mean = 0, kc_sd = 0;
  std::string problem;
};
EciPci economic_complexity_index(const Eigen::MatrixXd& presence);

enum class ComplexityNormalisation { Sum, ZScore };

// EconGeo's KCI / TCI (Balland & Rigby 2017): the same eigenvectors, normalised
//   sum     v / sum(v)                 (EconGeo KCI(), TCI())
//   zscore  (v - mean v) / sd v        (sample sd)
// Orientation as EconGeo: KCI correlates positively (Pearson) with the 20-step method of
// reflections kc_20, TCI negatively (Spearman) with ubiquity.
struct KciTci {
  Eigen::VectorXd kci, tci;
  std::string problem;
};
KciTci knowledge_complexity_index(
    const Eigen::MatrixXd& presence,
    ComplexityNormalisation normalisation = ComplexityNormalisation::Sum);

enum class ReflectionScaling { None, MinMaxFromStep3 };

// Method of reflections (Hidalgo & Hausmann 2009):
//   kc_0 = diversity, kp_0 = ubiquity,
//   kc_N = (1/kc_0) M kp_{N-1},   kp_N = (1/kp_0) M' kc_{N-1}
// Column N of the result is step N. MinMaxFromStep3 rescales every step >= 3 to 0-100,
// 100 (v - min v) / (max v - min v), before it feeds the next step (EconGeo MORc()/MORt()).
struct Reflections {
  Eigen::MatrixXd kc, kp;
  std::string problem;  // a step with constant values cannot be rescaled (those steps are NA)
};
Reflections method_of_reflections(const Eigen::MatrixXd& presence, int steps,
                                  ReflectionScaling scaling = ReflectionScaling::MinMaxFromStep3);

// Pearson and Spearman (average ranks for ties) correlations; NaN when a vector is constant.
double pearson_correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b);
double spearman_correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b);

}  // namespace agglo
