// Panel: the long table region x industry x period -> value, with interned labels, explicit NA
// (NaN) for suppressed cells and the source line of every row for positioned errors.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/labels.hpp"
#include "core/matrix.hpp"

namespace agglo {

// Large blocks (>= kLargeBlock bytes) on 2 MB pages where the system allows it (transparent huge
// pages on request): a 12.8 M-row panel has 256 MB of columns, and with 4 KB pages faulting
// them in and releasing them cost about as much as parsing the file.
constexpr size_t kLargeBlock = size_t{8} << 20;
void* allocate_large_block(size_t bytes);
void free_large_block(void* p) noexcept;
// The same request for the whole 2 MB pages inside a large block allocated elsewhere (a dense
// matrix, before it is first written).
void advise_huge_pages(void* p, size_t bytes) noexcept;

// Allocator that leaves new elements of trivial types uninitialised, so that large panel columns
// are filled once (in parallel, by the reader) instead of being zeroed first; large columns go
// to allocate_large_block.
template <class T>
struct DefaultInitAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  using std::allocator<T>::allocator;
  T* allocate(size_t n) {
    if (n < kLargeBlock / sizeof(T)) return std::allocator<T>::allocate(n);
    return static_cast<T*>(allocate_large_block(n * sizeof(T)));
  }
  void deallocate(T* p, size_t n) noexcept {
    if (n < kLargeBlock / sizeof(T)) return std::allocator<T>::deallocate(p, n);
    free_large_block(p);
  }
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

template <class T>
using PanelColumn = std::vector<T, DefaultInitAllocator<T>>;

class Panel {
 public:
  using Id = LabelSet::Id;

  LabelSet regions;
  LabelSet industries;
  LabelSet periods;  // a single "" period when the data have no period column
  PanelColumn<Id> region;
  PanelColumn<Id> industry;
  PanelColumn<Id> period;
  PanelColumn<double> value;  // NaN = NA (suppressed or missing)
  // Source lines, for positioned errors: one per row, or none when the rows sit on consecutive
  // lines from `first_line` on (the fast reader's case; saves 8 bytes a row). 0 = unknown.
  PanelColumn<int64_t> lines;
  int64_t first_line = 0;
  std::string source;        // file name or dataset for error messages
  std::string value_name;    // the value column's header, for error messages
  int64_t value_column = 0;  // its 1-based position in the source (0 when unknown)

  size_t size() const { return value.size(); }
  int64_t source_line(size_t k) const {
    if (!lines.empty()) return lines[k];
    return first_line > 0 ? first_line + static_cast<int64_t>(k) : 0;
  }
  void reserve(size_t n);
  void push(Id r, Id i, Id p, double v, int64_t src_line);

  bool has_period_column = false;
  // Periods in chronological order (numeric when every label is a number, else text order).
  std::vector<Id> sorted_periods() const;
  // The period whose label equals `label` as text or as a number (2014 == "2014").
  std::optional<Id> find_period(const std::string& label) const;
  std::optional<Id> find_period(double value) const;

  // Dense region x industry matrix of one period. Cells without a row are 0 (absent = none);
  // NA rows stay NaN. With `all_labels` every region/industry of the panel gets a row/column,
  // otherwise only those that occur in that period (in first-seen order).
  // Throws a positioned Error on a duplicate region x industry x period.
  LabeledMatrix matrix(Id period_id, bool all_labels = false) const;

  // Where each row of a period sits in its matrix: for the k-th row of the period (input
  // order), the matrix row and column. Lets measures answer "one output row per input row".
  // The value of the row comes along, so that a measure can go on without reading the matrix.
  struct CellIndex {
    std::vector<uint32_t> row, col;
    std::vector<double> value;
  };
  LabeledMatrix matrix(Id period_id, bool all_labels, CellIndex* cells) const;

  // Every period as a matrix over the same (all) labels, in sorted_periods() order.
  std::vector<LabeledMatrix> matrices() const;
};

}  // namespace agglo
