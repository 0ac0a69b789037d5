#include "families/composite/aggregate.hpp"

#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table.hpp"

namespace agglo {

AggregationMethod parse_aggregation_method(const std::string& name) {
  if (name == "arithmetic") return AggregationMethod::Arithmetic;
  if (name == "geometric") return AggregationMethod::Geometric;
  if (name == "harmonic") return AggregationMethod::Harmonic;
  throw UsageError("unknown aggregation \"" + name + "\"");
}

Eigen::MatrixXd aggregate_framework(const Eigen::MatrixXd& level1, const IndicatorFramework& f,
                                    const std::vector<double>& weights, AggregationMethod method,
                                    double min_coverage, const std::vector<std::string>& units,
                                    std::vector<std::string>* warnings) {
  const auto& nodes = f.nodes();
  Eigen::MatrixXd out =
      Eigen::MatrixXd::Constant(level1.rows(), static_cast<Eigen::Index>(nodes.size()), NA);
  for (size_t j = 0; j < f.indicators().size(); ++j)
    out.col(static_cast<Eigen::Index>(f.index(f.indicators()[j]))) =
        level1.col(static_cast<Eigen::Index>(j));
  auto unit_name = [&](Eigen::Index i) {
    return static_cast<size_t>(i) < units.size() ? units[static_cast<size_t>(i)]
                                                 : fmt::format("#{}", i + 1);
  };
  for (int level = 2; level <= f.top_level(); ++level)
    for (size_t c = 0; c < nodes.size(); ++c) {
      if (nodes[c].level != level) continue;
      const auto& kids = f.children(c);
      for (Eigen::Index i = 0; i < out.rows(); ++i) {
        double sw = 0, acc = 0;
        size_t available = 0;
        for (size_t k : kids) {
          const double x = out(i, static_cast<Eigen::Index>(k));
          if (std::isnan(x)) continue;
          ++available;
          const double w = weights[k];
          sw += w;
          switch (method) {
            case AggregationMethod::Arithmetic:
              acc += w * x;
              break;
            case AggregationMethod::Geometric:
              if (!(x > 0))
                throw Error(
                    fmt::format("geometric mean of \"{}\": unit \"{}\" has {} = {}; the "
                                "geometric mean needs positive scores (normalise onto e.g. "
                                "[1, 100])",
                                nodes[c].code, unit_name(i), nodes[k].code, format_number(x)));
              acc += w * std::log(x);
              break;
            case AggregationMethod::Harmonic:
              if (x == 0)
                throw Error(
                    fmt::format("harmonic mean of \"{}\": unit \"{}\" has {} = 0; the "
                                "harmonic mean needs non-zero scores",
                                nodes[c].code, unit_name(i), nodes[k].code));
              acc += w / x;
              break;
          }
        }
        if (available == 0) continue;
        if (static_cast<double>(available) / static_cast<double>(kids.size()) < min_coverage)
          continue;
        if (sw == 0) {
          if (warnings)
            warnings->push_back(
                fmt::format("unit \"{}\": \"{}\" is NA: its available children all "
                            "have weight 0",
                            unit_name(i), nodes[c].code));
          continue;
        }
        double y = 0;
        switch (method) {
          case AggregationMethod::Arithmetic:
            y = acc / sw;
            break;
          case AggregationMethod::Geometric:
            y = std::exp(acc / sw);
            break;
          case AggregationMethod::Harmonic:
            y = sw / acc;
            break;
        }
        out(i, static_cast<Eigen::Index>(c)) = y;
      }
    }
  return out;
}

}  // namespace agglo
