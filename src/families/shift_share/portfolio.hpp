// Portfolio views of a region's industries: growth-share (portfolio) matrix and the
// location-quotient vs growth portfolio. Series: one row per industry, one column per period.
#pragma once

#include <Eigen/Core>

namespace agglo {

// Bubble sizes scaled so that the largest is `factor`: factor * size_i / max(size).
// NA sizes stay NA; all sizes NA or max <= 0 gives NA everywhere.
Eigen::VectorXd bubble_size(const Eigen::VectorXd& size, double factor);

struct PortfolioMatrix {
  Eigen::VectorXd region_growth;     // 100 (e_i2/e_i1 - 1), percent
  Eigen::VectorXd reference_growth;  // 100 (E_i2/E_i1 - 1), percent
  Eigen::VectorXd point_size;        // bubble_size(size, factor)
  Eigen::VectorXd share;             // e_i2 / e2, the industry's share of the region at t2
  Eigen::VectorXd lq;                // (e_i2/e2) / (E_i2/E2), location quotient at t2
};

// Portfolio matrix (growth-share matrix after the Boston Consulting Group; REAT portfolio()):
// every industry's regional growth against its national growth, sized by `size` (e.g. regional
// employment at t1 or t2), with its share and LQ for the share axis.
PortfolioMatrix portfolio_matrix(const Eigen::VectorXd& e1, const Eigen::VectorXd& e2,
                                 const Eigen::VectorXd& E1, const Eigen::VectorXd& E2,
                                 const Eigen::VectorXd& size, double factor);

// Mean growth rate of every row: mean_t (x_t+1 / x_t) - 1 over consecutive columns (REAT
// shift.growth; with two columns the plain growth rate). NA where a base is 0 or NA.
Eigen::VectorXd mean_growth_rate(const Eigen::MatrixXd& series);

struct LqGrowthPortfolio {
  Eigen::MatrixXd lq_by_period;  // industries x periods: (e_it / e_t) / (E_it / E_t)
  Eigen::VectorXd lq;            // mean over the periods
  Eigen::VectorXd growth_r;      // 100 g_r (regional mean growth rate, percent)
  Eigen::VectorXd growth_n;      // 100 g_n (national)
  Eigen::VectorXd growth_rn;     // g_r / g_n - 1 (no factor 100; NA where g_n = 0)
  Eigen::VectorXd point_size;
};

// Location quotient vs growth portfolio (REAT locq.growth()): mean LQ of every industry over the
// periods given (the columns), against its regional, national and relative growth.
LqGrowthPortfolio lq_growth_portfolio(const Eigen::MatrixXd& region,
                                      const Eigen::MatrixXd& reference, const Eigen::VectorXd& size,
                                      double factor);

}  // namespace agglo
