// A questionnaire (assessment instrument): scales made of Likert items, some reverse keyed,
// with bilingual labels, and the respondents' answers read against it.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/error.hpp"
#include "io/text_table.hpp"

namespace agglo {

struct InstrumentItem {
  std::string scale, item;
  int key = 1;  // +1, or -1 = reverse keyed
  std::string text_en, text_zh;
  SourcePos pos;
};

struct InstrumentScale {
  std::string code, name_en, name_zh;
  std::vector<size_t> items;  // indices into Instrument::items
};

struct Instrument {
  std::vector<InstrumentItem> items;    // file order
  std::vector<InstrumentScale> scales;  // first-appearance order
  double scale_min = 1, scale_max = 5;  // Likert range
};

struct InstrumentColumns {
  std::string scale = "scale", item = "item", key = "key", scale_name_en = "scale_name_en",
              scale_name_zh = "scale_name_zh", text_en = "text_en", text_zh = "text_zh";
};

// Reads an instrument definition (scale, item, key[, scale_name_en, scale_name_zh, text_en,
// text_zh]). Errors: a key other than +1/-1, an item listed twice, a scale with fewer than two
// items (no internal consistency to speak of), scale_min >= scale_max.
Instrument load_instrument(const TextTable& t, double scale_min, double scale_max,
                           const InstrumentColumns& columns = {});

// Answers: respondents x instrument items (NaN = not answered), with respondent ids and, when a
// unit column is named, every respondent's unit ("" = none).
struct Responses {
  std::vector<std::string> respondents;
  std::vector<std::string> units;
  Eigen::MatrixXd answers;
};

// Reads a wide response table (one row per respondent, one column per item). An item missing
// from the table, or an answer outside [scale_min, scale_max], is a positioned error.
Responses read_responses(const TextTable& t, const Instrument& instrument,
                         const std::string& respondent_column, const std::string& unit_column = "");

// Answers with reverse-keyed items turned: x* = scale_min + scale_max - x.
Eigen::MatrixXd keyed_answers(const Responses& r, const Instrument& instrument);

}  // namespace agglo
