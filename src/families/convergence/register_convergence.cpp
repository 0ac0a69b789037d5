// Registration of the convergence family: absolute and conditional beta convergence by OLS, sigma
// convergence between two years and its trend. Inputs are long tables region, period, value.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/error.hpp"
#include "families/convergence/beta_convergence.hpp"
#include "families/convergence/sigma_convergence.hpp"
#include "registry/common.hpp"
#include "registry/regional_series.hpp"

namespace agglo {

namespace {

using regression::OlsCovariance;
using regression::OlsFit;

InputSpec series_input(std::vector<std::string> columns = {"region", "value", "period"}) {
  return InputSpec{"table", "long table: region, period, value", true, std::move(columns)};
}

OptionSpec year_option(const std::string& name, const std::string& doc) {
  return {.name = name, .type = OptionType::Number, .doc = doc};
}

OptionSpec covariance_option() {
  return {.name = "covariance",
          .type = OptionType::Choice,
          .default_value = "classical",
          .choices = {"classical", "hc1"},
          .doc =
              "standard errors: classical OLS or HC1 heteroskedasticity-robust (MacKinnon & White "
              "1985)"};
}

OlsCovariance covariance_of(const Invocation& inv) {
  return inv.text("covariance") == "hc1" ? OlsCovariance::HC1 : OlsCovariance::Classical;
}

// Columns time1..time2 (every year) or just the two endpoints.
std::vector<Eigen::Index> year_columns(const Invocation& inv, const RegionalSeries& s,
                                       bool every_year) {
  const double t1 = inv.number("time1"), t2 = inv.number("time2");
  if (!(t2 > t1)) throw UsageError(fmt::format("time2 ({}) must be after time1 ({})", t2, t1));
  if (!every_year) return {period_column(inv, s, "time1"), period_column(inv, s, "time2")};
  if (t1 != std::floor(t1) || t2 != std::floor(t2))
    throw UsageError("time1 and time2 must be whole years when every year is used");
  std::vector<Eigen::Index> cols;
  std::vector<std::string> missing;
  for (double t = t1; t <= t2; t += 1) {
    const Eigen::Index p = s.period_index(format_number(t));
    if (p < 0) missing.push_back(format_number(t));
    cols.push_back(p);
  }
  if (!missing.empty())
    throw Error(SourcePos{s.source, 0, 0},
                fmt::format("every year from {} to {} is needed; missing: {}", format_number(t1),
                            format_number(t2), fmt::join(missing, ", ")));
  return cols;
}

Eigen::MatrixXd columns_of(const RegionalSeries& s, const std::vector<Eigen::Index>& cols) {
  Eigen::MatrixXd y(s.value.rows(), static_cast<Eigen::Index>(cols.size()));
  for (size_t k = 0; k < cols.size(); ++k)
    y.col(static_cast<Eigen::Index>(k)) = s.value.col(cols[k]);
  return y;
}

void warn_left_out(Results& res, const std::vector<std::string>& regions, const std::string& what) {
  if (regions.empty()) return;
  std::string names;
  for (size_t k = 0; k < std::min<size_t>(regions.size(), 5); ++k)
    names += (k ? ", " : "") + regions[k];
  if (regions.size() > 5) names += ", ...";
  res.warnings.push_back(fmt::format("{} region(s) {}: {}", regions.size(), what, names));
}

// Estimates rows Alpha, Beta, [conditions], Lambda, Halflife (the last two estimate only).
Table beta_estimates(const convergence::BetaConvergence& b,
                     const std::vector<std::string>& condition_terms, Results& res,
                     const std::string& model) {
  std::vector<std::string> terms = {"Alpha", "Beta"};
  terms.insert(terms.end(), condition_terms.begin(), condition_terms.end());
  std::vector<double> est(b.fit.coefficients.data(), b.fit.coefficients.data() + b.fit.k);
  std::vector<double> se(b.fit.std_errors.data(), b.fit.std_errors.data() + b.fit.k);
  std::vector<double> tv(b.fit.t_values.data(), b.fit.t_values.data() + b.fit.k);
  std::vector<double> pv(b.fit.p_values.data(), b.fit.p_values.data() + b.fit.k);
  terms.push_back("Lambda");
  terms.push_back("Halflife");
  est.push_back(b.speed.lambda);
  est.push_back(b.speed.half_life);
  for (int k = 0; k < 2; ++k) {
    se.push_back(NA);
    tv.push_back(NA);
    pv.push_back(NA);
  }
  if (!b.speed.why_na.empty())
    res.warnings.push_back(model + " model: Lambda and Halflife are NA: " + b.speed.why_na);
  Table t;
  t.add_text("term", terms);
  t.add_number("estimate", est);
  t.add_number("std_error", se);
  t.add_number("t_value", tv);
  t.add_number("p_value", pv);
  return t;
}

// The condition column as regressors: 0/1 dummies <column>_<level> for every level but the lowest
// (categorical) or the column itself (numeric). NA (empty) conditions are NaN rows.
Eigen::MatrixXd condition_matrix(const Invocation& inv, const RegionalSeries& s,
                                 std::vector<std::string>& terms) {
  const std::vector<std::string> values = region_attribute(inv, s, "condition");
  const std::string name = inv.column("condition");
  const auto n = static_cast<Eigen::Index>(values.size());
  auto as_number = [](const std::string& v) -> std::optional<double> {
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (v.empty() || end != v.c_str() + v.size()) return std::nullopt;
    return d;
  };
  if (inv.text("condition_coding") == "numeric") {
    Eigen::MatrixXd c(n, 1);
    for (Eigen::Index i = 0; i < n; ++i) {
      const auto& v = values[static_cast<size_t>(i)];
      const auto d = as_number(v);
      if (!v.empty() && !d)
        throw Error(
            SourcePos{s.source, 0, 0},
            fmt::format("region {}: expected a number in the condition column \"{}\", got \"{}\"",
                        s.regions[static_cast<size_t>(i)], name, v));
      c(i, 0) = d ? *d : NA;
    }
    terms = {name};
    return c;
  }
  std::vector<std::string> levels;
  for (const auto& v : std::set<std::string>(values.begin(), values.end()))
    if (!v.empty()) levels.push_back(v);
  const bool numeric = std::all_of(levels.begin(), levels.end(),
                                   [&](const auto& v) { return as_number(v).has_value(); });
  if (numeric)
    std::sort(levels.begin(), levels.end(),
              [&](const auto& a, const auto& b) { return *as_number(a) < *as_number(b); });
  if (levels.size() < 2)
    throw Error(SourcePos{s.source, 0, 0},
                fmt::format("the condition column \"{}\" has {} level(s); a categorical condition "
                            "needs two or more",
                            name, levels.size()));
  Eigen::MatrixXd c(n, static_cast<Eigen::Index>(levels.size() - 1));
  terms.clear();
  for (size_t l = 1; l < levels.size(); ++l) {
    terms.push_back(name + "_" + levels[l]);
    for (Eigen::Index i = 0; i < n; ++i) {
      const auto& v = values[static_cast<size_t>(i)];
      c(i, static_cast<Eigen::Index>(l - 1)) = v.empty() ? NA : (v == levels[l] ? 1.0 : 0.0);
    }
  }
  return c;
}

Results beta_results(const Invocation& inv, bool conditional) {
  const RegionalSeries s = read_regional_series(inv);
  const bool annual = !conditional && inv.text("periods") == "annual";
  const double T = inv.number("time2") - inv.number("time1");
  const auto cols = year_columns(inv, s, annual);
  const auto growth = convergence::average_log_growth(
      columns_of(s, cols), T,
      annual ? convergence::GrowthPeriods::Annual : convergence::GrowthPeriods::Endpoints);
  Results res;
  std::vector<std::string> left_out;
  for (size_t i = 0; i < s.regions.size(); ++i)
    if (!growth.why_na[i].empty()) left_out.push_back(s.regions[i] + " (" + growth.why_na[i] + ")");
  warn_left_out(res, left_out, "without a growth rate are left out of the regression");

  const auto absolute = convergence::beta_convergence(growth.ln_initial, growth.ln_growth,
                                                      Eigen::MatrixXd(), T, covariance_of(inv));
  res.add("beta_estimates", beta_estimates(absolute, {}, res, "absolute"));
  res.add("beta_modelstat", regression::model_statistics_table(absolute.fit, "absolute"));
  // A region outside the regression has NA in both columns, as the regression data it is not part
  // of.
  Eigen::VectorXd ln_initial = growth.ln_initial;
  for (size_t i = 0; i < s.regions.size(); ++i)
    if (!growth.why_na[i].empty()) ln_initial(static_cast<Eigen::Index>(i)) = NA;
  Table reg;
  reg.add_text("region", s.regions);
  reg.add_number("ln_initial", ln_initial);
  reg.add_number("ln_growth", growth.ln_growth);
  res.add("regdata", std::move(reg));
  if (!conditional) return res;

  std::vector<std::string> terms;
  const Eigen::MatrixXd c = condition_matrix(inv, s, terms);
  std::vector<std::string> no_condition;
  for (Eigen::Index i = 0; i < c.rows(); ++i)
    if (growth.why_na[static_cast<size_t>(i)].empty() && c.row(i).array().isNaN().any())
      no_condition.push_back(s.regions[static_cast<size_t>(i)]);
  warn_left_out(res, no_condition, "without a condition are left out of the conditional model");
  const auto cond =
      convergence::beta_convergence(growth.ln_initial, growth.ln_growth, c, T, covariance_of(inv));
  res.add("cbeta_estimates", beta_estimates(cond, terms, res, "conditional"));
  res.add("cbeta_modelstat", regression::model_statistics_table(cond.fit, "conditional"));
  return res;
}

// Values of the chosen columns for the regions observed in all of them (logged when asked),
// one vector per column; regions left out are reported.
std::vector<Eigen::VectorXd> balanced_values(const Invocation& inv, const RegionalSeries& s,
                                             const std::vector<Eigen::Index>& cols, Results& res) {
  const bool take_log = inv.flag("log");
  std::vector<Eigen::Index> keep;
  std::vector<std::string> left_out;
  for (Eigen::Index i = 0; i < s.value.rows(); ++i) {
    bool ok = true;
    for (const auto p : cols) {
      const double v = s.value(i, p);
      if (std::isnan(v) || (take_log && v <= 0)) ok = false;
    }
    if (ok)
      keep.push_back(i);
    else
      left_out.push_back(s.regions[static_cast<size_t>(i)]);
  }
  warn_left_out(res, left_out,
                take_log ? "with an NA or non-positive value in a year compared are left out "
                           "(balanced panel of logs)"
                         : "with an NA in a year compared are left out (balanced panel)");
  std::vector<Eigen::VectorXd> out;
  for (const auto p : cols) {
    Eigen::VectorXd z(static_cast<Eigen::Index>(keep.size()));
    for (size_t k = 0; k < keep.size(); ++k) {
      const double v = s.value(keep[k], p);
      z(static_cast<Eigen::Index>(k)) = take_log ? std::log(v) : v;
    }
    out.push_back(std::move(z));
  }
  return out;
}

std::vector<OptionSpec> sigma_options(std::vector<std::string> measures) {
  return {year_option("time1", "first year"),
          year_option("time2", "last year"),
          {.name = "sigma_measure",
           .type = OptionType::Choice,
           .default_value = measures.front(),
           .choices = measures,
           .doc = "dispersion: sd (standard deviation) or cv (sd / |mean|)"},
          {.name = "log",
           .type = OptionType::Boolean,
           .default_value = true,
           .doc = "take the natural log of the values first"},
          {.name = "is_sample",
           .type = OptionType::Boolean,
           .default_value = false,
           .doc = "sample (n-1) instead of population (n) standard deviation"}};
}

convergence::SigmaMeasure sigma_measure_of(const Invocation& inv) {
  return inv.text("sigma_measure") == "cv" ? convergence::SigmaMeasure::CV
                                           : convergence::SigmaMeasure::SD;
}

const char* kBetaFormula =
    "g_r = ln(y_r,time2 / y_r,time1) / T (or the mean annual log growth), T = time2 - time1; "
    "OLS g_r = alpha + beta ln y_r,time1 [+ conditions] + u_r; lambda = -ln(1 + beta T)/T; "
    "half-life = ln 2 / lambda";

std::vector<OutputSpec> beta_outputs() {
  return {
      {"beta_estimates",
       "absolute model: Alpha, Beta (estimate, std_error, t_value, two-sided p_value), "
       "Lambda, Halflife (estimate only)",
       {"term", "estimate", "std_error", "t_value", "p_value"}},
      {"beta_modelstat",
       "absolute model statistics (df1 = k - 1, df2 = n - k, p = P(F > f))",
       {"model", "r_squared", "adj_r_squared", "f_value", "df1", "df2", "p_value", "n", "sigma"}},
      {"regdata",
       "the regression data per region (NA when a needed year is NA or non-positive)",
       {"region", "ln_initial", "ln_growth"}}};
}

}  // namespace

AGGLO_REGISTER_MEASURES(convergence) {
  registry.add(MeasureSpec{
      .name = "beta_convergence_ols",
      .family = "convergence",
      .summary = "Absolute beta convergence: OLS of the average annual log growth on the initial "
                 "log level, "
                 "with the speed of convergence and the half-life",
      .formula = kBetaFormula,
      .reference =
          "Barro & Sala-i-Martin (1992) Convergence, J. Polit. Econ. 100; REAT betaconv.ols() "
          "(with the corrected speed of convergence)",
      .inputs = {series_input()},
      .options =
          {year_option("time1", "initial year"),
           year_option("time2", "final year"),
           {.name = "periods",
            .type = OptionType::Choice,
            .default_value = "endpoints",
            .choices = {"endpoints", "annual"},
            .doc = "growth from the two endpoint years, or the mean of the annual log growth rates "
                   "(every year time1..time2 needed)"},
           covariance_option()},
      .outputs = beta_outputs(),
      .kernel = [](const Invocation& inv) { return beta_results(inv, false); },
  });

  auto conditional_outputs = beta_outputs();
  conditional_outputs.push_back(
      {"cbeta_estimates",
       "conditional model: Alpha, Beta, one row per condition term, Lambda, Halflife",
       {"term", "estimate", "std_error", "t_value", "p_value"}});
  conditional_outputs.push_back(
      {"cbeta_modelstat",
       "conditional model statistics",
       {"model", "r_squared", "adj_r_squared", "f_value", "df1", "df2", "p_value", "n", "sigma"}});
  registry.add(MeasureSpec{
      .name = "beta_convergence_ols_conditional",
      .family = "convergence",
      .summary =
          "Conditional beta convergence: the absolute model plus OLS with a condition column as "
          "further regressor(s)",
      .formula = kBetaFormula,
      .reference = "Barro & Sala-i-Martin (1992); Mankiw, Romer & Weil (1992); REAT "
                   "betaconv.ols(conditions =)",
      .inputs = {series_input({"region", "value", "period", "condition"})},
      .options = {year_option("time1", "initial year"),
                  year_option("time2", "final year"),
                  {.name = "condition_coding",
                   .type = OptionType::Choice,
                   .default_value = "categorical",
                   .choices = {"categorical", "numeric"},
                   .doc = "categorical: one 0/1 dummy <column>_<level> per level except the lowest "
                          "(the base); "
                          "numeric: the column enters as it is"},
                  covariance_option()},
      .outputs = conditional_outputs,
      .kernel = [](const Invocation& inv) { return beta_results(inv, true); },
  });

  registry.add(MeasureSpec{
      .name = "sigma_convergence",
      .family = "convergence",
      .summary = "Sigma convergence between two years: the dispersion in each year, their quotient "
                 "and the "
                 "F test of equal variances",
      .formula =
          "z = ln y; sigma_t = sd(z_t) or sd(z_t)/|mean z_t|; quotient = sigma_time1 / "
          "sigma_time2; "
          "F = s^2(z_time1) / s^2(z_time2) (sample variances), p = 2 min(P(F <= f), P(F > f))",
      .reference = "Sala-i-Martin (1996) Regional cohesion, Eur. Econ. Rev. 40; REAT sigmaconv()",
      .inputs = {series_input()},
      .options = sigma_options({"sd", "cv"}),
      .outputs =
          {{"sigma",
            "rows sigma1, sigma2 (estimate) and quotient (estimate, f_value, df1, df2, p_value); "
            "regions observed in both years only",
            {"stat", "estimate", "f_value", "df1", "df2", "p_value"}}},
      .kernel =
          [](const Invocation& inv) {
            const RegionalSeries s = read_regional_series(inv);
            Results res;
            const auto cols = year_columns(inv, s, false);
            const auto z = balanced_values(inv, s, cols, res);
            const auto sc = convergence::sigma_convergence(z[0], z[1], sigma_measure_of(inv),
                                                           inv.flag("is_sample"));
            if (std::isnan(sc.quotient))
              res.warnings.push_back("the quotient is NA: a dispersion is NA or zero");
            Table t;
            t.add_text("stat", {"sigma1", "sigma2", "quotient"});
            t.add_number("estimate", std::vector<double>{sc.sigma1, sc.sigma2, sc.quotient});
            t.add_number("f_value", std::vector<double>{NA, NA, sc.f_value});
            t.add_number("df1", std::vector<double>{NA, NA, sc.df1});
            t.add_number("df2", std::vector<double>{NA, NA, sc.df2});
            t.add_number("p_value", std::vector<double>{NA, NA, sc.p_value});
            res.add("sigma", std::move(t));
            return res;
          },
  });

  registry.add(MeasureSpec{
      .name = "sigma_convergence_trend",
      .family = "convergence",
      .summary = "Sigma convergence trend: the dispersion of the (logged) values in every year and "
                 "its OLS trend on time",
      .formula =
          "sigma_t = sd(ln y_t) for t = time1..time2; OLS sigma_t = a + b t (b < 0: convergence)",
      .reference = "Sala-i-Martin (1996); REAT sigmaconv.t()",
      .inputs = {series_input()},
      .options = sigma_options({"sd", "cv"}),
      .outputs = {{"sigma_trend",
                   "dispersion per year (regions observed in every year)",
                   {"year", "sigma"}},
                  {"sigma_estimates",
                   "rows Intercept, Time",
                   {"term", "estimate", "std_error", "t_value", "p_value"}},
                  {"sigma_modelstat",
                   "row trend",
                   {"model", "r_squared", "adj_r_squared", "f_value", "df1", "df2", "p_value", "n",
                    "sigma"}}},
      .kernel =
          [](const Invocation& inv) {
            const RegionalSeries s = read_regional_series(inv);
            Results res;
            const auto cols = year_columns(inv, s, true);
            const auto z = balanced_values(inv, s, cols, res);
            Eigen::VectorXd years(static_cast<Eigen::Index>(cols.size())), sigma(years.size());
            std::vector<std::string> labels;
            for (size_t k = 0; k < cols.size(); ++k) {
              labels.push_back(s.periods[static_cast<size_t>(cols[k])]);
              years(static_cast<Eigen::Index>(k)) = inv.number("time1") + static_cast<double>(k);
              sigma(static_cast<Eigen::Index>(k)) =
                  convergence::sigma_dispersion(z[k], sigma_measure_of(inv), inv.flag("is_sample"));
            }
            if (sigma.array().isNaN().any())
              throw Error(SourcePos{s.source, 0, 0},
                          "the dispersion is NA in a year (too few regions or a zero mean)");
            const OlsFit fit = convergence::sigma_trend(years, sigma);
            Table trend;
            trend.add_text("year", labels);
            trend.add_number("sigma", sigma);
            res.add("sigma_trend", std::move(trend));
            res.add("sigma_estimates", regression::coefficient_table(fit, {"Intercept", "Time"}));
            res.add("sigma_modelstat", regression::model_statistics_table(fit, "trend"));
            return res;
          },
  });
}

}  // namespace agglo
