// Outlier treatment of indicators before normalisation (OECD/JRC Handbook 2008, 1.4; COINr
// Treat() defaults): Winsorisation up to a number of points, else a log transform.
#pragma once

#include <Eigen/Core>

namespace agglo {

// Sample skewness G1 (e1071 type 2, SAS/SPSS): sqrt(n (n - 1)) / (n - 2) * g1,
// g1 = sqrt(n) m3' / m2'^(3/2), m_k' = sum (x - mean)^k over the non-missing values.
// NaN when n < 3 or the values are constant.
double sample_skewness(const Eigen::VectorXd& x);
// Sample excess kurtosis G2 (e1071 type 2): ((n + 1)(r - 3) + 6)(n - 1) / ((n - 2)(n - 3)),
// r = n m4' / m2'^2. NaN when n < 4 or the values are constant.
double sample_kurtosis(const Eigen::VectorXd& x);

struct TreatmentOptions {
  int winmax = 5;            // most points to Winsorise
  double skew_thresh = 2;    // an indicator fails when |skew| >= skew_thresh
  double kurt_thresh = 3.5;  // ... and kurt >= kurt_thresh
};

struct Treatment {
  Eigen::VectorXd treated;
  double skew = 0, kurt = 0;  // before treatment
  int n_winsorised = 0;       // 0 when the log transform was used
  bool log_transformed = false;
  double skew_treated = 0, kurt_treated = 0;
};

// Winsorisation with a log fallback (COINr 1.1.2 winsorise/log_CT): while the indicator fails
// and fewer than winmax points are Winsorised, the values at the extreme on the side of the
// skew (max when skew >= 0, else min) are set to the next value (ties move together). If it
// still fails, the untreated values become ln(x - min + 0.01 (max - min)).
Treatment treat_outliers(const Eigen::VectorXd& x, const TreatmentOptions& options);

}  // namespace agglo
