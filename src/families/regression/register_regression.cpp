// Registration of the regression family: a plain OLS of one column on others, the same kernel
// that beta convergence and the sigma trend use.
#include <sstream>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/regression/ols.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

std::vector<std::string> split_names(const std::string& list) {
  std::vector<std::string> names;
  std::stringstream in(list);
  std::string name;
  while (std::getline(in, name, ',')) {
    const auto first = name.find_first_not_of(' ');
    const auto last = name.find_last_not_of(' ');
    if (first != std::string::npos) names.push_back(name.substr(first, last - first + 1));
  }
  return names;
}

}  // namespace

AGGLO_REGISTER_MEASURES(regression) {
  registry.add(MeasureSpec{
      .name = "ols",
      .family = "regression",
      .summary = "Ordinary least squares of one column on others, with classical or HC1 robust "
                 "standard errors",
      .formula =
          "b = argmin ||y - X b||^2 by column-pivoting QR; se = sqrt(diag(s^2 (X'X)^-1)), s^2 = "
          "RSS/(n-k) "
          "(HC1: n/(n-k) (X'X)^-1 X' diag(e^2) X (X'X)^-1); t = b/se, two-sided p from t(n-k); "
          "F = ((TSS - RSS)/(k-1)) / (RSS/(n-k))",
      .reference =
          "Greene, Econometric Analysis; MacKinnon & White (1985) J. Econometrics 29 (HC1); R lm()",
      .inputs = {{"table", "a table with the response and the regressors as columns", true, {}}},
      .options = {{.name = "response",
                   .type = OptionType::Text,
                   .doc = "the column of the dependent variable"},
                  {.name = "regressors",
                   .type = OptionType::Text,
                   .doc = "the columns of the explanatory variables, separated by commas"},
                  {.name = "intercept",
                   .type = OptionType::Boolean,
                   .default_value = true,
                   .doc = "add an intercept (term Intercept)"},
                  {.name = "covariance",
                   .type = OptionType::Choice,
                   .default_value = "classical",
                   .choices = {"classical", "hc1"},
                   .doc = "standard errors: classical OLS or HC1 heteroskedasticity-robust"}},
      .outputs = {{"coefficients",
                   "one row per term",
                   {"term", "estimate", "std_error", "t_value", "p_value"}},
                  {"model",
                   "model statistics",
                   {"model", "r_squared", "adj_r_squared", "f_value", "df1", "df2", "p_value", "n",
                    "sigma"}}},
      .kernel =
          [](const Invocation& inv) {
            const TextTable& t = inv.table("table");
            const bool intercept = inv.flag("intercept");
            const auto names = split_names(inv.text("regressors"));
            if (names.empty() && !intercept)
              throw UsageError("ols: give regressors or keep the intercept");
            std::vector<std::string> terms;
            if (intercept) terms.push_back("Intercept");
            terms.insert(terms.end(), names.begin(), names.end());
            const size_t yc = t.column(inv.text("response"));
            std::vector<size_t> xc;
            for (const auto& n : names) xc.push_back(t.column(n));
            const auto rows = static_cast<Eigen::Index>(t.rows());
            Eigen::MatrixXd X(rows, static_cast<Eigen::Index>(terms.size()));
            Eigen::VectorXd y(rows);
            for (Eigen::Index r = 0; r < rows; ++r) {
              const auto row = static_cast<size_t>(r);
              y(r) = t.number(row, yc);
              Eigen::Index c = 0;
              if (intercept) X(r, c++) = 1.0;
              for (const auto col : xc) X(r, c++) = t.number(row, col);
            }
            Results res;
            const auto keep = regression::complete_cases(X, y);
            if (keep.size() < static_cast<size_t>(rows))
              res.warnings.push_back(fmt::format("{} row(s) with an NA are left out",
                                                 rows - static_cast<Eigen::Index>(keep.size())));
            Eigen::MatrixXd Xc(static_cast<Eigen::Index>(keep.size()), X.cols());
            Eigen::VectorXd yc_values(Xc.rows());
            for (size_t k = 0; k < keep.size(); ++k) {
              Xc.row(static_cast<Eigen::Index>(k)) = X.row(keep[k]);
              yc_values(static_cast<Eigen::Index>(k)) = y(keep[k]);
            }
            const auto covariance = inv.text("covariance") == "hc1"
                                        ? regression::OlsCovariance::HC1
                                        : regression::OlsCovariance::Classical;
            const auto fit = regression::ordinary_least_squares(
                Xc, yc_values, {.has_intercept = intercept, .covariance = covariance});
            res.add("coefficients", regression::coefficient_table(fit, terms));
            res.add("model", regression::model_statistics_table(fit, "ols"));
            return res;
          },
  });
}

}  // namespace agglo
