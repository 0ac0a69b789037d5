#include "core/panel.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <sys/mman.h>

#include <cstdlib>
#include <new>

#include "core/error.hpp"

namespace agglo {

namespace {
constexpr size_t kHugePage = size_t{2} << 20;  // x86-64 transparent huge page
}  // namespace

void* allocate_large_block(size_t bytes) {
  const size_t size = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, size);
  if (!p) throw std::bad_alloc();
  advise_huge_pages(p, size);  // a request: without huge pages the block still works
  return p;
}

void advise_huge_pages(void* p, size_t bytes) noexcept {
#ifdef MADV_HUGEPAGE
  const auto begin = (reinterpret_cast<uintptr_t>(p) + kHugePage - 1) & ~(kHugePage - 1);
  const auto end = (reinterpret_cast<uintptr_t>(p) + bytes) & ~(kHugePage - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)p;
  (void)bytes;
#endif
}

void free_large_block(void* p) noexcept {
  std::free(p);
}

void Panel::reserve(size_t n) {
  region.reserve(n);
  industry.reserve(n);
  period.reserve(n);
  value.reserve(n);
  lines.reserve(n);
}

void Panel::push(Id r, Id i, Id p, double v, int64_t src_line) {
  region.push_back(r);
  industry.push_back(i);
  period.push_back(p);
  if (lines.size() != value.size()) {  // implicit lines so far: spell them out first
    lines.resize(value.size());
    for (size_t k = 0; k < lines.size(); ++k)
      lines[k] = first_line > 0 ? first_line + static_cast<int64_t>(k) : 0;
  }
  value.push_back(v);
  lines.push_back(src_line);
}

static std::optional<double> as_number(const std::string& s) {
  double v = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), v);
  if (res.ec != std::errc() || res.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::vector<Panel::Id> Panel::sorted_periods() const {
  std::vector<Id> ids(periods.size());
  for (Id k = 0; k < ids.size(); ++k) ids[k] = k;
  bool numeric = true;
  std::vector<double> num(ids.size());
  for (Id k = 0; k < ids.size(); ++k) {
    auto v = as_number(periods.name(k));
    if (!v) {
      numeric = false;
      break;
    }
    num[k] = *v;
  }
  if (numeric)
    std::stable_sort(ids.begin(), ids.end(), [&](Id a, Id b) { return num[a] < num[b]; });
  else
    std::stable_sort(ids.begin(), ids.end(),
                     [&](Id a, Id b) { return periods.name(a) < periods.name(b); });
  return ids;
}

std::optional<Panel::Id> Panel::find_period(const std::string& label) const {
  if (auto id = periods.find(label)) return id;
  if (auto v = as_number(label)) return find_period(*v);
  return std::nullopt;
}

std::optional<Panel::Id> Panel::find_period(double v) const {
  for (Id k = 0; k < periods.size(); ++k) {
    auto p = as_number(periods.name(k));
    if (p && *p == v) return k;
  }
  return std::nullopt;
}

LabeledMatrix Panel::matrix(Id period_id, bool all_labels) const {
  return matrix(period_id, all_labels, nullptr);
}

LabeledMatrix Panel::matrix(Id period_id, bool all_labels, CellIndex* cells) const {
  const size_t n = size();
  std::vector<int64_t> row_of(regions.size(), -1), col_of(industries.size(), -1);
  LabeledMatrix m;
  if (all_labels) {
    for (Id r = 0; r < regions.size(); ++r) row_of[r] = r;
    for (Id i = 0; i < industries.size(); ++i) col_of[i] = i;
    m.row_labels = regions.names();
    m.col_labels = industries.names();
  } else {
    for (size_t k = 0; k < n; ++k) {
      if (period[k] != period_id) continue;
      if (row_of[region[k]] < 0) {
        row_of[region[k]] = static_cast<int64_t>(m.row_labels.size());
        m.row_labels.push_back(regions.name(region[k]));
      }
      if (col_of[industry[k]] < 0) {
        col_of[industry[k]] = static_cast<int64_t>(m.col_labels.size());
        m.col_labels.push_back(industries.name(industry[k]));
      }
    }
  }
  if (cells) {  // one output row per input row: room for them all at once
    const auto rows = static_cast<size_t>(std::count(period.begin(), period.end(), period_id));
    cells->row.reserve(cells->row.size() + rows);
    cells->col.reserve(cells->col.size() + rows);
    cells->value.reserve(cells->value.size() + rows);
    advise_huge_pages(cells->row.data(), cells->row.capacity() * sizeof(uint32_t));
    advise_huge_pages(cells->col.data(), cells->col.capacity() * sizeof(uint32_t));
    advise_huge_pages(cells->value.data(), cells->value.capacity() * sizeof(double));
  }
  const auto R = static_cast<Eigen::Index>(m.row_labels.size());
  const auto I = static_cast<Eigen::Index>(m.col_labels.size());
  m.values.resize(R, I);
  advise_huge_pages(m.values.data(), static_cast<size_t>(R * I) * sizeof(double));
  m.values.setZero();
  // One bit per cell: small enough to stay in cache while the rows scatter over the matrix.
  std::vector<uint64_t> seen((static_cast<size_t>(R * I) + 63) / 64, 0);
  for (size_t k = 0; k < n; ++k) {
    if (period[k] != period_id) continue;
    const auto r = row_of[region[k]];
    const auto c = col_of[industry[k]];
    const size_t cell = static_cast<size_t>(c * R + r);
    const uint64_t bit = uint64_t{1} << (cell % 64);
    if (seen[cell / 64] & bit) {
      int64_t first = 0;
      for (size_t j = 0; j < k; ++j)
        if (period[j] == period_id && region[j] == region[k] && industry[j] == industry[k]) {
          first = source_line(j);
          break;
        }
      std::string what = "duplicate row for region \"" + regions.name(region[k]) +
                         "\", industry \"" + industries.name(industry[k]) + "\"";
      if (has_period_column) what += ", period \"" + periods.name(period_id) + "\"";
      if (first > 0) what += " (first given on line " + std::to_string(first) + ")";
      throw Error(SourcePos{source, source_line(k), 0}, what);
    }
    seen[cell / 64] |= bit;
    m.values(r, c) = value[k];
    if (cells) {
      cells->row.push_back(static_cast<uint32_t>(r));
      cells->col.push_back(static_cast<uint32_t>(c));
      cells->value.push_back(value[k]);
    }
  }
  return m;
}

std::vector<LabeledMatrix> Panel::matrices() const {
  std::vector<LabeledMatrix> out;
  for (Id p : sorted_periods()) out.push_back(matrix(p, true));
  return out;
}

}  // namespace agglo
