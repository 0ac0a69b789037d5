// HTML report of a composite index (`agglo index --html FILE`): the ranking coloured by tier,
// the scores, ranks and tiers, the rank sensitivity and a radar of one unit's pillars against
// the median unit. Built only with the composite family (src/report/sections/composite.cpp).
#pragma once

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "families/composite/composite_index.hpp"
#include "families/composite/framework.hpp"
#include "families/composite/sensitivity.hpp"
#include "families/composite/tiers.hpp"
#include "report/html.hpp"

namespace agglo::report {

struct CompositeReportOptions {
  std::string focus;                              // unit of the radar ("" = the top-ranked unit)
  std::map<std::string, std::string> unit_names;  // unit code -> display name (optional)
  std::vector<Text> notes;                        // shown under the title (data, options)
  double score_min = NAN, score_max = NAN;  // range of the pillar scores (radar; NaN = automatic)
};

// The report of the index at the single top code of `f`. `tiers` holds one tier per included
// unit (k classes); `sensitivity` may be null (no Monte Carlo runs). UsageError when the
// framework has several top codes or `focus` is not an included unit.
HtmlReport composite_index_report(const CompositeIndex& ci, const IndicatorFramework& f,
                                  const Tiers& tiers, int k, const RankSensitivity* sensitivity,
                                  const CompositeReportOptions& options);

// Renders the report and writes it to `path` (an Error naming the file when it cannot).
void write_composite_index_report(const std::string& path, const CompositeIndex& ci,
                                  const IndicatorFramework& f, const Tiers& tiers, int k,
                                  const RankSensitivity* sensitivity,
                                  const CompositeReportOptions& options);

}  // namespace agglo::report
