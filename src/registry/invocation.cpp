#include "registry/invocation.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "io/store.hpp"
#include "registry/registry.hpp"

namespace agglo {

Table& Results::add(const std::string& name, Table table) {
  outputs.emplace_back(name, std::move(table));
  return outputs.back().second;
}

const Table* Results::find(const std::string& name) const {
  for (const auto& [n, t] : outputs)
    if (n == name) return &t;
  return nullptr;
}

std::string InputSource::describe() const {
  if (panel && path.empty()) return panel->source;
  return dataset.empty() ? path : project + ":" + dataset;
}

Invocation::Invocation(const MeasureSpec& spec, nlohmann::json params,
                       std::map<std::string, std::string> columns,
                       std::map<std::string, InputSource> inputs, ReadSettings read)
    : spec_(&spec),
      params_(validate_params(spec, params)),
      columns_(std::move(columns)),
      inputs_(std::move(inputs)),
      read_(std::move(read)) {
  for (const auto& in : spec.inputs)
    if (in.required && !inputs_.count(in.role))
      throw UsageError(fmt::format("{} needs the input \"{}\" ({})", spec.name, in.role, in.doc));
}

bool Invocation::has(const std::string& name) const {
  auto it = params_.find(name);
  return it != params_.end() && !it->is_null();
}

static const nlohmann::json& get_param(const nlohmann::json& params, const std::string& name,
                                       const std::string& measure) {
  auto it = params.find(name);
  if (it == params.end() || it->is_null())
    throw UsageError(fmt::format("{}: the option \"{}\" is required here", measure, name));
  return *it;
}

double Invocation::number(const std::string& name) const {
  return get_param(params_, name, spec_->name).get<double>();
}

int64_t Invocation::integer(const std::string& name) const {
  const auto& v = get_param(params_, name, spec_->name);
  return v.is_number_integer() ? v.get<int64_t>() : static_cast<int64_t>(v.get<double>());
}

bool Invocation::flag(const std::string& name) const {
  return get_param(params_, name, spec_->name).get<bool>();
}

std::string Invocation::text(const std::string& name) const {
  const auto& v = get_param(params_, name, spec_->name);
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number()) return format_number(v.get<double>());
  return v.dump();
}

std::vector<double> Invocation::numbers(const std::string& name) const {
  const auto& v = get_param(params_, name, spec_->name);
  if (v.is_array()) return v.get<std::vector<double>>();
  return {v.get<double>()};
}

std::string Invocation::column(const std::string& role) const {
  auto it = columns_.find(role);
  return it == columns_.end() ? role : it->second;
}

const InputSource& Invocation::source(const std::string& role) const {
  auto it = inputs_.find(role);
  if (it == inputs_.end())
    throw UsageError(fmt::format("{} needs the input \"{}\"", spec_->name, role));
  return it->second;
}

std::string Invocation::path(const std::string& role) const {
  const auto& src = source(role);
  if (src.path.empty())
    throw UsageError(fmt::format("input \"{}\" must be a file, not a stored dataset", role));
  return src.path;
}

const TextTable& Invocation::table(const std::string& role) const {
  auto it = cache_.find(role);
  if (it != cache_.end()) return *it->second;
  const auto& src = source(role);
  auto t = std::make_shared<TextTable>();
  if (!src.dataset.empty()) {
    Store store(src.project);
    *t = store.load(src.dataset);
    t->options = read_.csv;
  } else {
    *t = read_text_table(src.path, read_.csv);
  }
  if (role == "table" && read_.wide != WideLayout::None) {
    const std::string id =
        read_.wide == WideLayout::Industries ? column("region") : column("industry");
    *t =
        wide_to_long(*t, read_.wide, t->find_column(id) ? id : t->header.front(), column("period"));
  }
  cache_[role] = t;
  return *t;
}

Invocation Invocation::with(nlohmann::json params,
                            std::map<std::string, InputSource> inputs) const {
  Invocation copy(*spec_, std::move(params), columns_, std::move(inputs), read_);
  copy.progress = progress;
  copy.panel_cache = panel_cache;
  return copy;
}

namespace {

// A panel handed over in memory meets the same check as one read from a file.
void check_in_memory(const Panel& p, PanelCheck check) {
  if (!check.nonnegative) return;
  for (size_t k = 0; k < p.size(); ++k)
    if (p.value[k] < 0)
      throw Error(SourcePos{p.source, p.source_line(k), p.value_column},
                  fmt::format("expected a count (>= 0) in column \"{}\", got {}", p.value_name,
                              format_number(p.value[k])));
}

}  // namespace

std::shared_ptr<const Panel> Invocation::shared_panel(const std::string& role,
                                                      PanelCheck check) const {
  if (const auto& in_memory = source(role).panel) {
    check_in_memory(*in_memory, check);
    return in_memory;
  }
  if (panel_cache && cacheable(role)) {
    const PanelColumns cols = panel_columns(role);
    const InputSource& src = source(role);
    const std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", src.path,
                                        src.project, src.dataset, cols.region, cols.industry,
                                        cols.value, cols.period, cols.period_explicit);
    auto& cached = panel_cache->panels[key];
    if (!cached)
      cached = std::make_shared<const Panel>(
          reads_panel_from_file(role)
              ? read_panel(src.path, read_.csv, cols, PanelCheck{}, progress)
              : panel_from_text(table(role), cols, PanelCheck{}));
    check_in_memory(*cached, check);
    return cached;
  }
  return std::make_shared<const Panel>(panel(role, check));
}

bool Invocation::is_wide(const std::string& role) const {
  return role == "table" && read_.wide != WideLayout::None;
}

PanelColumns Invocation::panel_columns(const std::string& role) const {
  PanelColumns cols;
  const bool wide = is_wide(role);
  cols.region = wide ? "region" : column("region");
  cols.industry = wide ? "industry" : column("industry");
  cols.value = wide ? "value" : column("value");
  cols.period = wide ? "period" : column("period");
  cols.period_explicit = !wide && column_given("period");
  return cols;
}

bool Invocation::reads_panel_from_file(const std::string& role) const {
  return source(role).dataset.empty() && !is_wide(role) && !cache_.count(role);
}

bool Invocation::cacheable(const std::string& role) const {
  return !is_wide(role) && (!source(role).dataset.empty() || !cache_.count(role));
}

Panel Invocation::panel(const std::string& role, PanelCheck check) const {
  if (source(role).panel || (panel_cache && cacheable(role))) return *shared_panel(role, check);
  if (reads_panel_from_file(role))
    return read_panel(source(role).path, read_.csv, panel_columns(role), check, progress);
  return panel_from_text(table(role), panel_columns(role), check);
}

Panel::Id Invocation::selected_period(const Panel& panel, const std::string& option) const {
  auto list = [&] {
    std::string s;
    for (auto id : panel.sorted_periods()) s += (s.empty() ? "" : ", ") + panel.periods.name(id);
    return s;
  };
  if (has(option)) {
    const auto& v = params_.at(option);
    std::optional<Panel::Id> id =
        v.is_number() ? panel.find_period(v.get<double>()) : panel.find_period(text(option));
    if (!id)
      throw Error(SourcePos{panel.source, 0, 0},
                  fmt::format("period {} is not in the data (periods: {})", text(option), list()));
    return *id;
  }
  if (panel.periods.size() != 1)
    throw UsageError(
        fmt::format("the table holds several periods ({}); choose one with the "
                    "option \"{}\"",
                    list(), option));
  return 0;
}

LabeledMatrix Invocation::period_matrix(const Panel& panel, const std::string& option) const {
  return panel.matrix(selected_period(panel, option));
}

}  // namespace agglo
