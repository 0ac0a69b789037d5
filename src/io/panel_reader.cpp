#include "io/panel_reader.hpp"

#include <fmt/format.h>

#include "io/fast_panel_reader.hpp"

namespace agglo {

namespace {

// Row-to-panel conversion shared by the file and the text-table paths. Remembers the last
// region/industry/period seen: long tables are usually sorted, so most lookups are skipped.
class PanelBuilder {
 public:
  PanelBuilder(std::string source, const CsvOptions& opt, const PanelCheck& check, bool has_period,
               std::string value_name)
      : opt_(opt), check_(check), value_name_(std::move(value_name)) {
    panel_.source = std::move(source);
    panel_.has_period_column = has_period;
    if (!has_period) panel_.periods.intern("");
  }

  void add(std::string_view region, std::string_view industry, std::string_view period,
           std::string_view value, int64_t line, int64_t value_col) {
    const auto r = cached(panel_.regions, region, last_region_, last_region_id_);
    const auto i = cached(panel_.industries, industry, last_industry_, last_industry_id_);
    const auto p = panel_.has_period_column
                       ? cached(panel_.periods, period, last_period_, last_period_id_)
                       : 0;
    double v = number_or_throw(value, opt_, SourcePos{panel_.source, line, value_col}, value_name_);
    if (check_.nonnegative && v < 0)
      throw Error(SourcePos{panel_.source, line, value_col},
                  fmt::format("expected a count (>= 0) in column \"{}\", got {}", value_name_,
                              std::string(trim(value))));
    panel_.push(r, i, p, v, line);
  }

  Panel take(int64_t value_column) {
    panel_.value_name = value_name_;
    panel_.value_column = value_column;
    return std::move(panel_);
  }
  void reserve(size_t n) { panel_.reserve(n); }

 private:
  static Panel::Id cached(LabelSet& set, std::string_view code, std::string& last,
                          Panel::Id& last_id) {
    code = trim(code);
    if (!last.empty() && code == last) return last_id;
    last.assign(code);
    last_id = set.intern(code);
    return last_id;
  }

  Panel panel_;
  const CsvOptions& opt_;
  PanelCheck check_;
  std::string value_name_;
  std::string last_region_, last_industry_, last_period_;
  Panel::Id last_region_id_ = 0, last_industry_id_ = 0, last_period_id_ = 0;
};

}  // namespace

Panel read_panel(const std::string& path, const CsvOptions& options, const PanelColumns& cols,
                 const PanelCheck& check, const ProgressFn& progress) {
  CsvReader reader(path, options);
  const size_t rc = reader.column(cols.region);
  const size_t ic = reader.column(cols.industry);
  const size_t vc = reader.column(cols.value);
  std::optional<size_t> pc = cols.period_explicit
                                 ? std::optional<size_t>(reader.column(cols.period))
                                 : reader.find_column(cols.period);
  // Large plain files take the parallel fast path; it declines on anything unusual, and the
  // general reader below then reports the problem with its position.
  if (!reader.decoded() && reader.file_size() > (1u << 20)) {
    FastPanelLayout layout{reader.delimiter(), reader.header().size(), rc, ic, vc, pc,
                           reader.offset(),    reader.next_line()};
    if (auto fast = read_panel_fast(path, options, layout, check, cols.value)) {
      if (progress) progress(reader.file_size(), reader.file_size());
      fast->value_name = cols.value;
      fast->value_column = static_cast<int64_t>(vc) + 1;
      return std::move(*fast);
    }
  }
  PanelBuilder builder(path, options, check, pc.has_value(), cols.value);
  // ~20 bytes a row is typical for long numeric tables.
  builder.reserve(static_cast<size_t>(reader.file_size() / 20));
  std::vector<std::string_view> f;
  uint64_t rows = 0;
  while (reader.next(f)) {
    builder.add(f[rc], f[ic], pc ? f[*pc] : std::string_view(), f[vc], reader.line(),
                static_cast<int64_t>(vc) + 1);
    if (progress && (++rows & 0xFFFFF) == 0) progress(reader.bytes_read(), reader.file_size());
  }
  if (progress) progress(reader.file_size(), reader.file_size());
  return builder.take(static_cast<int64_t>(vc) + 1);
}

Panel panel_from_text(const TextTable& t, const PanelColumns& cols, const PanelCheck& check) {
  const size_t rc = t.column(cols.region);
  const size_t ic = t.column(cols.industry);
  const size_t vc = t.column(cols.value);
  std::optional<size_t> pc = cols.period_explicit ? std::optional<size_t>(t.column(cols.period))
                                                  : t.find_column(cols.period);
  PanelBuilder builder(t.source, t.options, check, pc.has_value(), cols.value);
  builder.reserve(t.rows());
  for (size_t r = 0; r < t.rows(); ++r)
    builder.add(t.text(r, rc), t.text(r, ic),
                pc ? std::string_view(t.text(r, *pc)) : std::string_view(), t.text(r, vc),
                t.lines[r], static_cast<int64_t>(vc) + 1);
  return builder.take(static_cast<int64_t>(vc) + 1);
}

}  // namespace agglo
