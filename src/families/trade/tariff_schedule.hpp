// Tariff schedules over time: tariff lines with a list (round), an ad-valorem rate and the dates
// they are in force; the tariff in force for a code on a date; the mapping of national tariff
// lines (HTS-8/10) to HS-6.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "families/trade/iso_date.hpp"

namespace agglo {

// One row of a schedule. Rates are ad-valorem percentages. `end` is the first day the line is no
// longer in force (a suspension or expiry); without it the line lasts until the next line of the
// same code and list starts (a rate change) or for ever.
struct TariffLine {
  std::string code;  // normalised HS / HTS code
  std::string list;  // list or round ("list3", "mfn"); "" when the schedule has no lists
  double rate = 0;
  IsoDate start;
  std::optional<IsoDate> end;
  SourcePos pos;  // where the line was read (for errors)
};

// The tariff in force on a date for one code: the sum of the rates of its lines in force (lines of
// different lists stack, e.g. MFN + a Section 301 list) and the lists they belong to.
struct TariffInForce {
  double rate = 0;
  std::string lists;  // "+"-joined list names in force
  int n_lines = 0;    // 0 = no line in force
};

class TariffSchedule {
 public:
  // Validates the lines: a rate must be a finite number; lines of the same code and list must not
  // overlap in time (two starting the same day, or an `end` after the next line's start); `end`
  // must follow `start`. Errors name both positions.
  explicit TariffSchedule(std::vector<TariffLine> lines);

  const std::vector<TariffLine>& lines() const { return lines_; }
  std::vector<std::string> codes() const;    // sorted
  std::vector<IsoDate> start_dates() const;  // distinct, sorted
  // The day a line stops being in force (exclusive), or nullopt for open-ended.
  std::optional<IsoDate> effective_end(size_t line) const { return ends_[line]; }
  bool in_force(size_t line, const IsoDate& date) const;

  // Tariff in force for `code` on `date` (n_lines == 0 when no line is in force).
  TariffInForce tariff_in_force(const std::string& code, const IsoDate& date) const;

 private:
  std::vector<TariffLine> lines_;                          // sorted by code, list, start
  std::vector<std::optional<IsoDate>> ends_;               // resolved ends
  std::map<std::string, std::pair<size_t, size_t>> span_;  // code -> [first, last) in lines_
};

// Coverage of one HS-6 subheading by one list from a given date, from its national tariff lines.
struct Hs6Coverage {
  std::string hs6, list;
  IsoDate effective;    // the date from which this row holds (a list start, a rate change, an end)
  int n_lines = 0;      // national lines of the HS-6 (listed or not)
  int n_listed = 0;     // of them in the list and in force from `effective`
  bool listed = false;  // rule (a): any line listed
  double share = 0;     // rule (b): n_listed / n_lines
  double rate = 0;      // rate of the listed lines (max or mean), NA when none is listed
};

enum class RateAggregation { Max, Mean };

// Maps tariff lines (HTS-8/10) to HS-6 with both rules of the 2018-19 tariff-round studies
// (Fajgelbaum et al. 2020; Amiti, Redding & Weinstein 2019; Bown 2019):
//   (a) listed_any(h, l)  = 1 if any national line of HS-6 h is on list l;
//   (b) share(h, l)       = #listed lines of h on l / #national lines of h.
// `universe` holds every national line (listed or not); codes of `schedule` are added to it, so
// without a universe the share is over the listed lines only. One row per (HS-6, list, date where
// the set of lines in force or their rates change).
std::vector<Hs6Coverage> tariff_lines_to_hs6(const TariffSchedule& schedule,
                                             const std::vector<std::string>& universe,
                                             RateAggregation rate_aggregation);

}  // namespace agglo
