// HTML report of a capability assessment (`agglo assess --html FILE`): reliability of every
// scale, unit scores and a radar of one unit's capabilities against the median and the best
// unit. Built only with the survey family (src/report/sections/survey.cpp).
#pragma once

#include <string>
#include <vector>

#include "families/survey/instrument.hpp"
#include "families/survey/reliability.hpp"
#include "families/survey/scoring.hpp"
#include "report/html.hpp"

namespace agglo::report {

struct AssessmentReportOptions {
  std::string focus;             // unit of the radar ("" = the unit with the best mean score)
  double alpha_threshold = 0.7;  // a scale below it gets a caution note
  std::vector<Text> notes;       // shown under the title (data, options)
};

// `reliability` holds one entry per scale of `instrument` (same order). UsageError when `focus`
// is not a unit with a score.
HtmlReport capability_assessment_report(const Instrument& instrument,
                                        const std::vector<ScaleReliability>& reliability,
                                        const UnitScores& scores,
                                        const AssessmentReportOptions& options);

// Renders the report and writes it to `path` (an Error naming the file when it cannot).
void write_capability_assessment_report(const std::string& path, const Instrument& instrument,
                                        const std::vector<ScaleReliability>& reliability,
                                        const UnitScores& scores,
                                        const AssessmentReportOptions& options);

}  // namespace agglo::report
