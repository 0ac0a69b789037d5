#include "families/shift_share/dynamic_shift_share.hpp"

#include "families/shift_share/ratios.hpp"

namespace agglo {

namespace {

// Applies `op` to every additive (or every Gerfin) field of the components.
template <class Op>
void for_each_field(ShiftShareComponents& c, Op op) {
  op(c.growth);
  op(c.national_share);
  op(c.industrial_mix);
  op(c.regional_share);
  op(c.net_total_shift);
  op(c.allocation_effect);
}

template <class Op>
void for_each_field_pair(ShiftShareComponents& acc, const ShiftShareComponents& c, Op op) {
  op(acc.growth, c.growth);
  op(acc.national_share, c.national_share);
  op(acc.industrial_mix, c.industrial_mix);
  op(acc.regional_share, c.regional_share);
  op(acc.net_total_shift, c.net_total_shift);
  op(acc.allocation_effect, c.allocation_effect);
}

}  // namespace

ShiftShareComponents aggregate_steps(ShiftShareMethod method,
                                     const std::vector<ShiftShareComponents>& steps,
                                     GerfinAggregation gerfin) {
  const bool multiply = method == ShiftShareMethod::Gerfin && gerfin == GerfinAggregation::Product;
  ShiftShareComponents total;
  for_each_field(total, [&](double& v) { v = multiply ? 1.0 : 0.0; });
  for (const auto& s : steps)
    for_each_field_pair(total, s,
                        [&](double& acc, double v) { acc = multiply ? acc * v : acc + v; });
  if (method == ShiftShareMethod::Gerfin && gerfin == GerfinAggregation::Mean)
    for_each_field(
        total, [&](double& v) { v = steps.empty() ? NA : v / static_cast<double>(steps.size()); });
  // Fields the method does not have were NA in every step; without steps everything is NA.
  if (steps.empty()) for_each_field(total, [](double& v) { v = NA; });
  return total;
}

DynamicShiftShare shift_share_dynamic(ShiftShareMethod method, const Eigen::MatrixXd& region,
                                      const Eigen::MatrixXd& reference, GerfinAggregation gerfin,
                                      ZeroBase zero_base) {
  DynamicShiftShare out;
  for (Eigen::Index t = 0; t + 1 < region.cols(); ++t)
    out.steps.push_back(shift_share(method, region.col(t), region.col(t + 1), reference.col(t),
                                    reference.col(t + 1), zero_base));
  out.total = aggregate_steps(method, out.steps, gerfin);
  return out;
}

std::vector<ShiftShareComponents> shift_share_dynamic_by_industry(ShiftShareMethod method,
                                                                  const Eigen::MatrixXd& region,
                                                                  const Eigen::MatrixXd& reference,
                                                                  GerfinAggregation gerfin,
                                                                  ZeroBase zero_base) {
  std::vector<ShiftShareComponents> out;
  out.reserve(static_cast<size_t>(region.rows()));
  for (Eigen::Index i = 0; i < region.rows(); ++i)
    out.push_back(
        shift_share_dynamic(method, region.row(i), reference.row(i), gerfin, zero_base).total);
  return out;
}

Eigen::VectorXd shift_share_prognosis(const Eigen::VectorXd& region_t2,
                                      const Eigen::VectorXd& reference_t2,
                                      const Eigen::VectorXd& reference_t3, double regional_share) {
  Eigen::VectorXd out(region_t2.size());
  for (Eigen::Index i = 0; i < region_t2.size(); ++i)
    out(i) =
        shift_share_detail::ratio(reference_t3(i), reference_t2(i)) * region_t2(i) * regional_share;
  return out;
}

}  // namespace agglo
