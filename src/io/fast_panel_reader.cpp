#include "io/fast_panel_reader.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <unordered_map>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <omp.h>

namespace agglo {

namespace {

// Read-only memory map of a whole file.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    fd_ = ::open(path.c_str(), O_RDONLY);
    if (fd_ < 0) return;
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || st.st_size == 0) return;
    size_ = static_cast<size_t>(st.st_size);
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
    if (p == MAP_FAILED) return;
    data_ = static_cast<const char*>(p);
    ::madvise(p, size_, MADV_SEQUENTIAL);
  }
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
    if (fd_ >= 0) ::close(fd_);
  }
  const char* data() const { return data_; }
  size_t size() const { return size_; }
  // Maps the pages of [b, e) in one call (each thread its own chunk: the page tables of a large
  // file are filled in parallel, not page fault by page fault nor in one serial MAP_POPULATE).
  void populate(const char* b, const char* e) const {
#ifdef MADV_POPULATE_READ
    const auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
    const uintptr_t begin = reinterpret_cast<uintptr_t>(b) & ~(page - 1);
    if (e > b)
      ::madvise(reinterpret_cast<void*>(begin), reinterpret_cast<uintptr_t>(e) - begin,
                MADV_POPULATE_READ);  // a kernel without it: pages fault in as read
#else
    (void)b, (void)e;
#endif
  }

 private:
  int fd_ = -1;
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// kLowBytes[n] keeps the low n bytes of a 64-bit word (n = 1..8).
constexpr uint64_t kLowBytes[9] = {0,           0xFF,         0xFFFF,         0xFFFFFF,
                                   0xFFFFFFFF,  0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF,
                                   ~uint64_t{0}};

// Interns codes; codes of up to 8 bytes are keyed by their bytes in an open-addressing table.
class Interner {
 public:
  Interner() : keys_(1024, 0), ids_(1024, 0) {}

  [[gnu::always_inline]] uint32_t intern(const char* p, size_t n, const char* end) {
    if (n > 0 && n <= 8) {
      uint64_t key = 0;
      if (p + 8 <= end) {
        std::memcpy(&key, p, 8);
        key &= kLowBytes[n];
      } else {
        std::memcpy(&key, p, n);
      }
      if (key == last_key_) return last_id_;
      last_key_ = key;
      last_id_ = intern_short(key, p, n);
      return last_id_;
    }
    auto [it, fresh] = long_.try_emplace(std::string(p, n), static_cast<uint32_t>(names_.size()));
    if (fresh) names_.emplace_back(p, n);
    last_key_ = 0;
    return it->second;
  }
  const std::vector<std::string>& names() const { return names_; }

 private:
  // Fibonacci hashing takes the high bits of the product. Codes differ most in their last
  // characters, which sit in the high bytes of the key: folding them down first gives 1.1 probes
  // a code instead of 1.5 (NAICS/region-like codes).
  size_t slot(uint64_t key) const {
    return static_cast<size_t>(((key ^ (key >> 32)) * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  uint32_t intern_short(uint64_t key, const char* p, size_t n) {
    const size_t mask = keys_.size() - 1;
    size_t h = slot(key);
    while (keys_[h] != 0) {
      if (keys_[h] == key) return ids_[h];
      h = (h + 1) & mask;
    }
    keys_[h] = key;
    ids_[h] = static_cast<uint32_t>(names_.size());
    names_.emplace_back(p, n);
    if (names_.size() * 2 > keys_.size()) grow();
    return static_cast<uint32_t>(names_.size() - 1);
  }
  void grow() {
    std::vector<uint64_t> old_keys(keys_.size() * 2, 0);
    std::vector<uint32_t> old_ids(ids_.size() * 2, 0);
    old_keys.swap(keys_);
    old_ids.swap(ids_);
    --shift_;
    const size_t mask = keys_.size() - 1;
    for (size_t k = 0; k < old_keys.size(); ++k) {
      if (!old_keys[k]) continue;
      size_t h = slot(old_keys[k]);
      while (keys_[h] != 0) h = (h + 1) & mask;
      keys_[h] = old_keys[k];
      ids_[h] = old_ids[k];
    }
  }
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> ids_;
  std::unordered_map<std::string, uint32_t> long_;
  std::vector<std::string> names_;
  uint64_t last_key_ = 0;  // one-entry cache: long tables repeat the region and period
  uint32_t last_id_ = 0;
  int shift_ = 54;  // 64 - log2(table size): Fibonacci hashing takes the high bits
};

// One thread's share of the body. Rows are written straight into the panel's arrays from
// `first_row` on, with chunk-local label ids that are remapped after the merge.
struct Chunk {
  const char* begin;
  const char* end;
  size_t first_row = 0;    // where this chunk's rows go in the panel arrays
  size_t rows = 0;         // rows written
  int64_t first_line = 0;  // source line of the chunk's first byte
  bool blank_seen = false, row_after_blank = false;
  Interner regions, industries, periods;
  bool ok = true;
};

// Arrays of the panel, sized once.
template <class T>
void allocate(PanelColumn<T>& v, size_t n) {
  v.clear();
  v.shrink_to_fit();
  v.resize(n);  // uninitialised: the parsing threads touch their own parts first
}

[[gnu::always_inline]] inline void trim(const char*& b, const char*& e) {
  if (b<e&& static_cast<unsigned char>(*b)> ' ' && static_cast<unsigned char>(e[-1]) > ' ')
    return;  // the common case: nothing to trim
  while (b < e && (*b == ' ' || *b == '\t')) ++b;
  while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) --e;
}

// A value cell: plain integers directly, other numbers through from_chars, NA markers as NaN.
template <bool Padded>
inline bool parse_value(const char* b, const char* e, const CsvOptions& opt, double& out) {
  if constexpr (Padded) trim(b, e);
  const char* p = b;
  bool neg = false;
  if (p < e && *p == '-') neg = true, ++p;
  if (p < e && e - p <= 15) {
    uint64_t n = 0;
    const char* q = p;
    while (q < e && static_cast<unsigned>(*q - '0') < 10)
      n = n * 10 + static_cast<unsigned>(*q++ - '0');
    if (q == e) {
      out = neg ? -static_cast<double>(n) : static_cast<double>(n);
      return true;
    }
  }
  if (b < e) {
    auto res = std::from_chars(b, e, out);
    if (res.ec == std::errc() && res.ptr == e) return true;
  }
  const std::string_view cell(b, static_cast<size_t>(e - b));
  for (const auto& m : opt.na_markers)
    if (cell == m) {
      out = NAN;
      return true;
    }
  return false;  // not a number: the general reader reports it with its position
}

// Bit masks of the delimiter and newline bytes in 64 bytes at p (bit k = byte p[k]).
inline uint64_t separators(const char* p, char delimiter, uint64_t& newlines) {
#ifdef __SSE2__
  const __m128i vd = _mm_set1_epi8(delimiter), vn = _mm_set1_epi8('\n');
  uint64_t m = 0, n = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i nl = _mm_cmpeq_epi8(x, vn);
    m |= static_cast<uint64_t>(
             static_cast<uint16_t>(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, vd), nl))))
         << (16 * k);
    n |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(nl))) << (16 * k);
  }
  newlines = n;
  return m;
#else
  uint64_t m = 0, n = 0;
  for (int k = 0; k < 64; ++k) {
    if (p[k] == delimiter || p[k] == '\n') m |= uint64_t{1} << k;
    if (p[k] == '\n') n |= uint64_t{1} << k;
  }
  newlines = n;
  return m;
#endif
}

// What a first pass over a chunk tells: its newlines (they bound its rows), whether any cell may
// need trimming (a space, tab or carriage return anywhere) and whether it has quotes (then the
// general reader is needed). SSE2: each compare gives 0xFF (= -1) per matching byte, so
// subtracting it counts newlines per byte lane; lanes are summed (psadbw) before they overflow.
struct ChunkScan {
  size_t newlines = 0;
  bool padded = false, quoted = false;
};

ChunkScan scan_chunk(const char* b, const char* e) {
  ChunkScan scan;
  auto bytewise = [&](const char* q, const char* stop) {
    for (; q < stop; ++q) {
      scan.newlines += *q == '\n';
      scan.padded |= *q == ' ' || *q == '\t' || *q == '\r';
      scan.quoted |= *q == '"';
    }
  };
#ifdef __SSE2__
  const __m128i nl = _mm_set1_epi8('\n'), sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'),
                cr = _mm_set1_epi8('\r'), quote = _mm_set1_epi8('"'), zero = _mm_setzero_si128();
  __m128i pad = zero, quo = zero;
  while (e - b >= 16) {
    __m128i lanes = zero;
    const char* stop = b + std::min<ptrdiff_t>((e - b) / 16, 255) * 16;
    for (; b < stop; b += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(x, nl));
      pad = _mm_or_si128(pad,
                         _mm_or_si128(_mm_cmpeq_epi8(x, sp),
                                      _mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_cmpeq_epi8(x, cr))));
      quo = _mm_or_si128(quo, _mm_cmpeq_epi8(x, quote));
    }
    const __m128i sums = _mm_sad_epu8(lanes, zero);
    scan.newlines += static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
                     static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
  scan.padded = _mm_movemask_epi8(pad) != 0;
  scan.quoted = _mm_movemask_epi8(quo) != 0;
#endif
  bytewise(b, e);
  return scan;
}

constexpr size_t kMaxFastColumns = 64;  // wider files go to the general reader

// Padded: some cell may carry spaces, tabs or a carriage return to trim (see scan_chunk).
template <bool Padded>
void parse_chunk(Chunk& c, const FastPanelLayout& L, const CsvOptions& opt, const PanelCheck& check,
                 const char* file_end, Panel& out) {
  uint32_t* region = out.region.data() + c.first_row;
  uint32_t* industry = out.industry.data() + c.first_row;
  uint32_t* period = out.period.data() + c.first_row;
  double* value = out.value.data() + c.first_row;
  int64_t* line_out = out.lines.empty() ? nullptr : out.lines.data() + c.first_row;
  const char* fstart[kMaxFastColumns];
  const char* fend[kMaxFastColumns];
  size_t field = 0, row = 0;
  const char* start = c.begin;
  int64_t line = c.first_line;
  const size_t last_field = L.columns - 1;
  const auto code = [&](size_t k, Interner & in) __attribute__((always_inline)) {
    const char* b = fstart[k];
    const char* e = fend[k];
    if constexpr (Padded) trim(b, e);
    return in.intern(b, static_cast<size_t>(e - b), file_end);
  };
  const auto finish_row = [&](const char* nl) __attribute__((always_inline))->bool {
    if (field != last_field) {
      const bool blank = field == 0 && (nl == start || (nl == start + 1 && *start == '\r'));
      c.blank_seen |= blank;
      return blank;
    }
    c.row_after_blank |= c.blank_seen;
    fstart[field] = start;
    fend[field] = nl;
    double v;
    if (!parse_value<Padded>(fstart[L.value], fend[L.value], opt, v)) return false;
    if (check.nonnegative && v < 0) return false;
    region[row] = code(L.region, c.regions);
    industry[row] = code(L.industry, c.industries);
    period[row] = L.period ? code(*L.period, c.periods) : 0;
    value[row] = v;
    if (line_out) line_out[row] = line;
    ++row;
    return true;
  };
  const char* p = c.begin;
  const char sep = L.delimiter;
  while (p < c.end) {
    uint64_t newlines, mask;
    if (p + 64 <= file_end) {
      mask = separators(p, sep, newlines);
    } else {
      char tail[64];
      std::memset(tail, 0, 64);
      std::memcpy(tail, p, static_cast<size_t>(file_end - p));
      mask = separators(tail, sep, newlines);
    }
    const size_t span = static_cast<size_t>(std::min<ptrdiff_t>(64, c.end - p));
    if (span < 64) mask &= (uint64_t{1} << span) - 1;
    while (mask) {
      const unsigned bit = static_cast<unsigned>(__builtin_ctzll(mask));
      const char* s = p + bit;
      mask &= mask - 1;
      if ((newlines >> bit) & 1) {
        if (!finish_row(s)) {
          c.ok = false;
          return;
        }
        ++line;
        field = 0;
        start = s + 1;
      } else {
        if (field == last_field) {
          c.ok = false;
          return;
        }
        fstart[field] = start;
        fend[field] = s;
        ++field;
        start = s + 1;
      }
    }
    p += span;
  }
  if (start < c.end && !finish_row(c.end)) c.ok = false;  // last row without a newline
  c.rows = row;
}

}  // namespace

std::optional<Panel> read_panel_fast(const std::string& path, const CsvOptions& options,
                                     const FastPanelLayout& L, const PanelCheck& check,
                                     const std::string& /*value_name*/) {
  if (L.delimiter == '\n' || L.delimiter == '"' || L.columns < 2 || L.columns > kMaxFastColumns)
    return std::nullopt;
  MappedFile file(path);
  if (!file.data() || L.body_offset >= file.size()) return std::nullopt;
  const char* body = file.data() + L.body_offset;
  const char* end = file.data() + file.size();
  // A few chunks per thread, taken as threads come free: a thread held up by the machine
  // leaves its later chunks to the others. (Each chunk has its own label tables, so not many.)
  const int parts =
      std::max(1, omp_get_max_threads()) * (end - body > (ptrdiff_t{64} << 20) ? 4 : 1);
  std::vector<Chunk> chunks(static_cast<size_t>(parts));
  const char* cut = body;
  for (int k = 0; k < parts; ++k) {
    Chunk& c = chunks[static_cast<size_t>(k)];
    c.begin = cut;
    const char* target = body + (end - body) * (k + 1) / parts;
    if (k + 1 == parts || target >= end) {
      c.end = end;
    } else {
      const void* nl = std::memchr(std::max(target, cut), '\n',
                                   static_cast<size_t>(end - std::max(target, cut)));
      c.end = nl ? static_cast<const char*>(nl) + 1 : end;
    }
    cut = c.end;
  }
  // Newlines per chunk bound its rows: size the panel once, then fill it in parallel.
  std::vector<ChunkScan> scans(chunks.size());
#pragma omp parallel for schedule(static, 1)
  for (int k = 0; k < parts; ++k) {
    Chunk& c = chunks[static_cast<size_t>(k)];
    file.populate(c.begin, c.end);
    scans[static_cast<size_t>(k)] = scan_chunk(c.begin, c.end);
  }
  std::vector<size_t> bound(chunks.size());
  for (size_t k = 0; k < chunks.size(); ++k) {
    if (scans[k].quoted) return std::nullopt;  // quoted fields: the general reader
    bound[k] = scans[k].newlines;
  }
  // Chunks but the last end at a newline, so their rows are at most their newlines; the last
  // may hold one more row without a final newline.
  size_t total = 0;
  int64_t line = L.body_line;
  for (size_t k = 0; k < chunks.size(); ++k) {
    chunks[k].first_row = total;
    chunks[k].first_line = line;
    total += bound[k] + (k + 1 == chunks.size() ? 1 : 0);
    line += static_cast<int64_t>(bound[k]);
  }
  // One parse of the chunks into a fresh panel. Source lines are implicit (first_line + row)
  // unless a blank line breaks the sequence, in which case the parse is redone with explicit lines.
  const std::function<std::optional<Panel>(bool)> attempt =
      [&](bool explicit_lines) -> std::optional<Panel> {
    for (auto& c : chunks) c = Chunk{c.begin, c.end, c.first_row, 0, c.first_line};
    Panel panel;
    panel.source = path;
    panel.has_period_column = L.period.has_value();
    allocate(panel.region, total);
    allocate(panel.industry, total);
    allocate(panel.period, total);
    allocate(panel.value, total);
    if (explicit_lines) allocate(panel.lines, total);
#pragma omp parallel for schedule(dynamic, 1)
    for (int k = 0; k < parts; ++k)
      if (scans[static_cast<size_t>(k)].padded)
        parse_chunk<true>(chunks[static_cast<size_t>(k)], L, options, check, end, panel);
      else
        parse_chunk<false>(chunks[static_cast<size_t>(k)], L, options, check, end, panel);
    bool consecutive = true;  // rows on consecutive lines: no blank line before a data row
    for (size_t k = 0; k < chunks.size(); ++k) {
      const Chunk& c = chunks[k];
      if (!c.ok) return std::nullopt;
      consecutive &= !c.row_after_blank && (k + 1 == chunks.size() || c.rows == bound[k]);
    }
    if (!explicit_lines && !consecutive) return attempt(true);  // rare: spell the lines out
    if (!explicit_lines) panel.first_line = L.body_line;

    // Merge: global labels in first-seen order (chunk by chunk, as a sequential read would give).
    if (!L.period) panel.periods.intern("");
    std::vector<std::vector<uint32_t>> rmap(chunks.size()), imap(chunks.size()),
        pmap(chunks.size());
    for (size_t k = 0; k < chunks.size(); ++k) {
      for (const auto& n : chunks[k].regions.names()) rmap[k].push_back(panel.regions.intern(n));
      for (const auto& n : chunks[k].industries.names())
        imap[k].push_back(panel.industries.intern(n));
      for (const auto& n : chunks[k].periods.names()) pmap[k].push_back(panel.periods.intern(n));
    }
    // Chunk-local ids to global ones; a map that is the identity (always chunk 0's) is skipped.
    const auto identity = [](const std::vector<uint32_t>& m) {
      for (size_t i = 0; i < m.size(); ++i)
        if (m[i] != i) return false;
      return true;
    };
    const auto remap = [](PanelColumn<uint32_t>& ids, size_t from, size_t n,
                          const std::vector<uint32_t>& map) {
#pragma omp parallel for schedule(static)
      for (size_t r = from; r < from + n; ++r) ids[r] = map[ids[r]];
    };
    for (size_t k = 0; k < chunks.size(); ++k) {
      const Chunk& c = chunks[k];
      if (!identity(rmap[k])) remap(panel.region, c.first_row, c.rows, rmap[k]);
      if (!identity(imap[k])) remap(panel.industry, c.first_row, c.rows, imap[k]);
      if (L.period && !identity(pmap[k])) remap(panel.period, c.first_row, c.rows, pmap[k]);
    }
    // Close the gaps left by blank lines and a missing final newline.
    size_t filled = chunks[0].rows;
    for (size_t k = 1; k < chunks.size(); ++k) {
      const Chunk& c = chunks[k];
      if (c.first_row != filled) {
        std::copy_n(panel.region.begin() + static_cast<long>(c.first_row), c.rows,
                    panel.region.begin() + static_cast<long>(filled));
        std::copy_n(panel.industry.begin() + static_cast<long>(c.first_row), c.rows,
                    panel.industry.begin() + static_cast<long>(filled));
        std::copy_n(panel.period.begin() + static_cast<long>(c.first_row), c.rows,
                    panel.period.begin() + static_cast<long>(filled));
        std::copy_n(panel.value.begin() + static_cast<long>(c.first_row), c.rows,
                    panel.value.begin() + static_cast<long>(filled));
        if (explicit_lines)
          std::copy_n(panel.lines.begin() + static_cast<long>(c.first_row), c.rows,
                      panel.lines.begin() + static_cast<long>(filled));
      }
      filled += c.rows;
    }
    panel.region.resize(filled);
    panel.industry.resize(filled);
    panel.period.resize(filled);
    panel.value.resize(filled);
    if (explicit_lines) panel.lines.resize(filled);
    return panel;
  };
  return attempt(false);
}

}  // namespace agglo
