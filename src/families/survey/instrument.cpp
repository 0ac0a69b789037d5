#include "families/survey/instrument.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "core/table.hpp"

namespace agglo {

Instrument load_instrument(const TextTable& t, double scale_min, double scale_max,
                           const InstrumentColumns& c) {
  if (!(scale_min < scale_max))
    throw UsageError(fmt::format("the Likert range needs scale_min < scale_max, got {} and {}",
                                 format_number(scale_min), format_number(scale_max)));
  Instrument ins;
  ins.scale_min = scale_min;
  ins.scale_max = scale_max;
  const size_t scale = t.column(c.scale);
  const size_t item = t.column(c.item);
  const auto key = t.find_column(c.key);
  const auto sen = t.find_column(c.scale_name_en);
  const auto szh = t.find_column(c.scale_name_zh);
  const auto ten = t.find_column(c.text_en);
  const auto tzh = t.find_column(c.text_zh);
  std::map<std::string, size_t> scale_at;
  std::set<std::string> seen;
  std::map<std::string, SourcePos> scale_pos;
  for (size_t r = 0; r < t.rows(); ++r) {
    InstrumentItem it;
    it.scale = t.text(r, scale);
    it.item = t.text(r, item);
    it.pos = t.pos(r, item);
    if (it.scale.empty()) throw Error(t.pos(r, scale), "expected a scale code, got an empty cell");
    if (it.item.empty()) throw Error(t.pos(r, item), "expected an item code, got an empty cell");
    if (!seen.insert(it.item).second)
      throw Error(it.pos, fmt::format("item \"{}\" is listed twice in the instrument", it.item));
    if (key) {
      const double k = t.number(r, *key);
      if (k != 1 && k != -1)
        throw Error(t.pos(r, *key),
                    fmt::format("expected a key 1 or -1, got \"{}\"", t.text(r, *key)));
      it.key = static_cast<int>(k);
    }
    if (ten) it.text_en = t.text(r, *ten);
    if (tzh) it.text_zh = t.text(r, *tzh);
    auto [at, fresh] = scale_at.emplace(it.scale, ins.scales.size());
    if (fresh) {
      ins.scales.push_back(
          InstrumentScale{it.scale, sen ? t.text(r, *sen) : "", szh ? t.text(r, *szh) : "", {}});
      scale_pos[it.scale] = t.pos(r, scale);
    }
    ins.scales[at->second].items.push_back(ins.items.size());
    ins.items.push_back(std::move(it));
  }
  if (ins.items.empty()) throw Error(SourcePos{t.source, 0, 0}, "the instrument has no items");
  for (const auto& s : ins.scales)
    if (s.items.size() < 2)
      throw Error(scale_pos[s.code],
                  fmt::format("scale \"{}\" has {} item; a scale needs at least two "
                              "items for its reliability and a stable score",
                              s.code, s.items.size()));
  return ins;
}

Responses read_responses(const TextTable& t, const Instrument& ins,
                         const std::string& respondent_column, const std::string& unit_column) {
  Responses r;
  const size_t id = t.column(respondent_column);
  std::optional<size_t> unit;
  if (!unit_column.empty()) unit = t.column(unit_column);
  std::vector<size_t> cols;
  for (const auto& it : ins.items) {
    const auto c = t.find_column(it.item);
    if (!c)
      throw Error(SourcePos{t.source, 1, 0},
                  fmt::format("item \"{}\" of the instrument is not a column of "
                              "the responses",
                              it.item));
    cols.push_back(*c);
  }
  r.answers.resize(static_cast<Eigen::Index>(t.rows()),
                   static_cast<Eigen::Index>(ins.items.size()));
  for (size_t row = 0; row < t.rows(); ++row) {
    r.respondents.push_back(t.text(row, id));
    if (unit) r.units.push_back(t.is_na(row, *unit) ? "" : t.text(row, *unit));
    for (size_t j = 0; j < cols.size(); ++j) {
      const double v = t.number(row, cols[j]);
      if (!std::isnan(v) && (v < ins.scale_min || v > ins.scale_max))
        throw Error(t.pos(row, cols[j]),
                    fmt::format("answer {} to item \"{}\" is outside the Likert range "
                                "[{}, {}]",
                                t.text(row, cols[j]), ins.items[j].item,
                                format_number(ins.scale_min), format_number(ins.scale_max)));
      r.answers(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(j)) = v;
    }
  }
  return r;
}

Eigen::MatrixXd keyed_answers(const Responses& r, const Instrument& ins) {
  Eigen::MatrixXd x = r.answers;
  for (size_t j = 0; j < ins.items.size(); ++j)
    if (ins.items[j].key < 0) {
      auto col = x.col(static_cast<Eigen::Index>(j));
      col = ((ins.scale_min + ins.scale_max) - col.array()).matrix();
    }
  return x;
}

}  // namespace agglo
