#include "families/shift_share/shift_share.hpp"

#include <cmath>

#include "families/shift_share/ratios.hpp"

namespace agglo {

namespace {

using shift_share_detail::project;
using shift_share_detail::ratio;

// One industry's regional-share term e_i1 (e_i2/e_i1 - G_i) of Dunn's decomposition.
double dunn_regional_term(double base, double final, double national_factor, ZeroBase zero_base) {
  if (base == 0) return zero_base == ZeroBase::Absolute ? final : NA;
  return base * (final / base - national_factor);
}

// Totals and sum_i e_i1 E_i2/E_i1, the region's value at t2 had every industry grown nationally.
struct Totals {
  double e1 = 0, e2 = 0, E1 = 0, E2 = 0, expected = 0;
};

Totals totals(const Eigen::VectorXd& e1, const Eigen::VectorXd& e2, const Eigen::VectorXd& E1,
              const Eigen::VectorXd& E2) {
  Totals t{e1.sum(), e2.sum(), E1.sum(), E2.sum(), 0.0};
  for (Eigen::Index i = 0; i < e1.size(); ++i) t.expected += project(e1(i), ratio(E2(i), E1(i)));
  return t;
}

void additive_national_terms(const Totals& t, ShiftShareComponents& c) {
  const double national_expected = project(t.e1, ratio(t.E2, t.E1));
  c.growth = t.e2 - t.e1;
  c.national_share = national_expected - t.e1;
  c.industrial_mix = t.expected - national_expected;
  c.net_total_shift = t.e2 - national_expected;
}

}  // namespace

ShiftShareComponents shift_share_dunn(const Eigen::VectorXd& e1, const Eigen::VectorXd& e2,
                                      const Eigen::VectorXd& E1, const Eigen::VectorXd& E2,
                                      ZeroBase zero_base) {
  const Totals t = totals(e1, e2, E1, E2);
  ShiftShareComponents c;
  additive_national_terms(t, c);
  double regional = 0;
  for (Eigen::Index i = 0; i < e1.size(); ++i)
    regional += dunn_regional_term(e1(i), e2(i), ratio(E2(i), E1(i)), zero_base);
  c.regional_share = regional;
  return c;
}

ShiftShareComponents shift_share_esteban_marquillas(const Eigen::VectorXd& e1,
                                                    const Eigen::VectorXd& e2,
                                                    const Eigen::VectorXd& E1,
                                                    const Eigen::VectorXd& E2) {
  const Totals t = totals(e1, e2, E1, E2);
  ShiftShareComponents c;
  additive_national_terms(t, c);
  c.net_total_shift = NA;  // split into regional share and allocation effect
  double competitive = 0, allocation = 0;
  for (Eigen::Index i = 0; i < e1.size(); ++i) {
    const double homothetic = project(t.e1, ratio(E1(i), t.E1));
    if (e1(i) == 0) {
      // No growth rate; only an industry absent from both the region and its homothetic
      // counterpart contributes nothing for sure.
      if (homothetic == 0 && e2(i) == 0) continue;
      competitive = allocation = NA;
      break;
    }
    const double advantage = e2(i) / e1(i) - ratio(E2(i), E1(i));
    competitive += homothetic * advantage;
    allocation += (e1(i) - homothetic) * advantage;
  }
  c.regional_share = competitive;
  c.allocation_effect = allocation;
  return c;
}

ShiftShareComponents shift_share_gerfin(const Eigen::VectorXd& e1, const Eigen::VectorXd& e2,
                                        const Eigen::VectorXd& E1, const Eigen::VectorXd& E2) {
  const Totals t = totals(e1, e2, E1, E2);
  const double regional_factor = ratio(t.e2, t.e1);
  const double national_factor = ratio(t.E2, t.E1);
  const double mix_factor = ratio(t.expected, t.e1);
  ShiftShareComponents c;
  c.industrial_mix = ratio(mix_factor, national_factor);
  c.regional_share = ratio(regional_factor, mix_factor);
  c.net_total_shift = ratio(regional_factor, national_factor);
  return c;
}

ShiftShareComponents shift_share(ShiftShareMethod method, const Eigen::VectorXd& e1,
                                 const Eigen::VectorXd& e2, const Eigen::VectorXd& E1,
                                 const Eigen::VectorXd& E2, ZeroBase zero_base) {
  switch (method) {
    case ShiftShareMethod::Dunn:
      return shift_share_dunn(e1, e2, E1, E2, zero_base);
    case ShiftShareMethod::EstebanMarquillas:
      return shift_share_esteban_marquillas(e1, e2, E1, E2);
    case ShiftShareMethod::Gerfin:
      return shift_share_gerfin(e1, e2, E1, E2);
  }
  return {};
}

std::vector<ShiftShareComponents> shift_share_by_industry(
    ShiftShareMethod method, const Eigen::VectorXd& e1, const Eigen::VectorXd& e2,
    const Eigen::VectorXd& E1, const Eigen::VectorXd& E2, ZeroBase zero_base) {
  std::vector<ShiftShareComponents> out;
  out.reserve(static_cast<size_t>(e1.size()));
  for (Eigen::Index i = 0; i < e1.size(); ++i)
    out.push_back(shift_share(method, e1.segment(i, 1), e2.segment(i, 1), E1.segment(i, 1),
                              E2.segment(i, 1), zero_base));
  return out;
}

ComponentList component_list(ShiftShareMethod method, const ShiftShareComponents& c,
                             bool per_industry) {
  ComponentList out;
  if (method != ShiftShareMethod::Gerfin) {
    out.emplace_back("growth", c.growth);
    out.emplace_back("national_share", c.national_share);
  }
  if (!per_industry) out.emplace_back("industrial_mix", c.industrial_mix);
  out.emplace_back("regional_share", c.regional_share);
  if (method == ShiftShareMethod::EstebanMarquillas)
    out.emplace_back("allocation_effect", c.allocation_effect);
  else
    out.emplace_back("net_total_shift", c.net_total_shift);
  return out;
}

Eigen::VectorXd relative_growth(const Eigen::VectorXd& t1, const Eigen::VectorXd& t2) {
  Eigen::VectorXd g(t1.size());
  for (Eigen::Index i = 0; i < t1.size(); ++i) g(i) = shift_share_detail::ratio(t2(i), t1(i)) - 1.0;
  return g;
}

std::vector<std::string> shift_share_issues(ShiftShareMethod method, const Eigen::VectorXd& e1,
                                            const Eigen::VectorXd& e2, const Eigen::VectorXd& E1,
                                            const Eigen::VectorXd& E2,
                                            const std::vector<std::string>& industries,
                                            const std::string& step, ZeroBase zero_base,
                                            bool per_industry) {
  std::vector<std::string> out;
  const std::string subject = per_industry ? "industry \"" + industries.at(0) + "\"" : "the region";
  const std::string where = step + ": ";
  for (Eigen::Index i = 0; i < e1.size(); ++i) {
    const std::string ind = "industry \"" + industries.at(static_cast<size_t>(i)) + "\"";
    if (std::isnan(e1(i)) || std::isnan(e2(i)) || std::isnan(E1(i)) || std::isnan(E2(i))) {
      out.push_back(where + ind +
                    " has an NA value (region or reference), so the components are NA");
      continue;
    }
    if (e1(i) != 0 && E1(i) == 0)
      out.push_back(where + ind +
                    " has regional but no reference value in the base period (no national growth "
                    "rate), so the industrial mix and regional share are NA");
    if (e1(i) == 0) {
      const std::string why =
          where + ind + " has no regional value in the base period (no growth rate)";
      if (method == ShiftShareMethod::Dunn && zero_base == ZeroBase::NA)
        out.push_back(why + ", so the regional share is NA (zero_base = na)");
      if (method == ShiftShareMethod::EstebanMarquillas && (E1(i) != 0 || e2(i) != 0))
        out.push_back(why + ", so the regional share and allocation effect are NA");
    }
  }
  if (E1.sum() == 0 && e1.sum() != 0)
    out.push_back(where +
                  "the reference has no value in the base period, so the national share, "
                  "industrial mix and net total shift are NA");
  if (method == ShiftShareMethod::Gerfin) {
    if (e1.sum() == 0)
      out.push_back(where + subject +
                    " has no value in the base period, so the Gerfin factors are NA");
    else if (E2.sum() == 0)
      out.push_back(where +
                    "the reference has no value in the final period, so the Gerfin factors are NA");
  }
  return out;
}

}  // namespace agglo
