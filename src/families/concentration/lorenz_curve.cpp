#include "families/concentration/lorenz_curve.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace agglo {

namespace {

#if defined(__SSE2__)
// For each 4-bit mask: the positions of its set bits, packed to the front, and how many.
struct PackedPositions {
  alignas(16) uint32_t offset[16][4];
  uint32_t count[16];
};
constexpr PackedPositions kPacked = [] {
  PackedPositions p{};
  for (uint32_t mask = 0; mask < 16; ++mask)
    for (uint32_t bit = 0; bit < 4; ++bit)
      if (mask & (1u << bit)) p.offset[mask][p.count[mask]++] = bit;
  return p;
}();
#endif

// Regions with the industry are sorted as 32-bit words: a 16-bit rank of the key above the
// region's 16-bit position. More regions than that take a comparison sort.
constexpr size_t kRadixLimit = size_t{1} << 16;

// The bits of a double as an unsigned number in the order of the doubles (negatives first).
uint64_t sortable_bits(double v) {
  const auto u = std::bit_cast<uint64_t>(v);
  return u ^ (static_cast<uint64_t>(static_cast<int64_t>(u) >> 63) | (uint64_t{1} << 63));
}

}  // namespace

LorenzCurve::LorenzCurve(Eigen::Index regions)
    : regions_(regions),
      region_(static_cast<size_t>(regions) + 4),  // the packed store writes 4 at a time
      key_(static_cast<size_t>(regions)),
      value_(static_cast<size_t>(regions)),
      total_(static_cast<size_t>(regions)),
      order_(static_cast<size_t>(regions)),
      spare_(static_cast<size_t>(regions)) {}

double LorenzCurve::doubled_area(const double* col, const double* region_total,
                                 const double* inv_region_total, double grand_total,
                                 double industry_total) {
  // The regions with the industry, branch-free (the zeros are scattered: a branch on them would
  // be mispredicted), four at a time where SSE2 is there.
  size_t count = 0;
  Eigen::Index r = 0;
#if defined(__SSE2__)
  const __m128d zero = _mm_setzero_pd();
  for (; r + 4 <= regions_; r += 4) {
    const int mask = _mm_movemask_pd(_mm_cmpgt_pd(_mm_loadu_pd(col + r), zero)) |
                     (_mm_movemask_pd(_mm_cmpgt_pd(_mm_loadu_pd(col + r + 2), zero)) << 2);
    const __m128i offsets = _mm_load_si128(reinterpret_cast<const __m128i*>(kPacked.offset[mask]));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(region_.data() + count),
                     _mm_add_epi32(_mm_set1_epi32(static_cast<int>(r)), offsets));
    count += kPacked.count[mask];
  }
#endif
  for (; r < regions_; ++r) {
    region_[count] = static_cast<uint32_t>(r);
    count += static_cast<size_t>(col[r] > 0);
  }
  // Their values, regional totals and keys side by side, so that the sweep reads them in one
  // place.
  uint64_t lo = UINT64_MAX, hi = 0;
  for (size_t k = 0; k < count; ++k) {
    const uint32_t q = region_[k];
    const uint64_t key = sortable_bits(col[q] * inv_region_total[q]);
    value_[k] = col[q];
    total_[k] = region_total[q];
    key_[k] = key;
    lo = std::min(lo, key);
    hi = std::max(hi, key);
  }
  const uint32_t mask = order_by_key(count, lo, hi);
  // Each term P_{k-1} A_k - P_k A_{k-1} is summed as P_{k-1} a_k - p_k A_{k-1} (the same
  // number: two small products instead of the difference of two products near A P), on the
  // unscaled values x_ri and x_r. (exact for counts). The two halves of the curve are swept side
  // by side from zero (two chains of sums instead of one), then joined: the second half's terms
  // gain P1 a_k - p_k A1 each, P1 A2 - A1 P2 in all (1, 2: the halves' totals).
  const size_t half = count / 2;
  double a1 = 0, p1 = 0, sum1 = 0, a2 = 0, p2 = 0, sum2 = 0;
  const auto step = [&](size_t k, double& a_prev, double& p_prev, double& sum) {
    const uint32_t at = order_[k] & mask;
    const double a = value_[at], p = total_[at];
    sum += p_prev * a - p * a_prev;
    a_prev += a;
    p_prev += p;
  };
  for (size_t k = 0; k < half; ++k) {
    step(k, a1, p1, sum1);
    step(half + k, a2, p2, sum2);
  }
  if (count % 2 == 1) step(count - 1, a2, p2, sum2);
  // The regions without the industry come first on the curve: they leave A at 0 and advance P
  // to their total, Z, which adds Z a_k to every term.
  const double without = grand_total - (p1 + p2);
  return (sum1 + sum2 + (p1 * a2 - a1 * p2) + without * (a1 + a2)) / (grand_total * industry_total);
}

// Orders positions 0..count-1 by key ascending, equal keys by position, into order_ (as
// order_[k] & mask, the mask returned). Keys lie in [lo, hi].
// An LSD radix sort on a 16-bit rank of the key (two byte passes) over words rank << 16 |
// position, then the runs of equal rank (few and short: 65,536 ranks for ~1,000 keys) put in
// key order by insertion. Keys are sortable bits, so rank = (key - lo) >> shift keeps their
// order. Bunched keys (long runs of one rank) stop the insertion early for a comparison sort.
uint32_t LorenzCurve::order_by_key(size_t count, uint64_t lo, uint64_t hi) {
  const auto by_comparison = [this, count] {
    const auto end = order_.begin() + static_cast<long>(count);
    std::iota(order_.begin(), end, 0u);
    std::sort(order_.begin(), end, [this](uint32_t a, uint32_t b) {
      return key_[a] < key_[b] || (key_[a] == key_[b] && a < b);
    });
    return ~uint32_t{0};
  };
  if (count >= kRadixLimit) return by_comparison();
  const int shift = std::max(0, static_cast<int>(std::bit_width(hi - lo)) - 16);
  uint32_t low_start[256] = {}, high_start[256] = {};
  for (size_t k = 0; k < count; ++k) {
    const auto rank = static_cast<uint32_t>((key_[k] - lo) >> shift);
    order_[k] = rank << 16 | static_cast<uint32_t>(k);
    ++low_start[rank & 255];
    ++high_start[rank >> 8];
  }
  for (uint32_t b = 0, low = 0, high = 0; b < 256; ++b) {
    const uint32_t low_count = low_start[b], high_count = high_start[b];
    low_start[b] = low;
    high_start[b] = high;
    low += low_count;
    high += high_count;
  }
  // Each pass is stable: after both, equal ranks are in position order.
  for (size_t k = 0; k < count; ++k) spare_[low_start[(order_[k] >> 16) & 255]++] = order_[k];
  for (size_t k = 0; k < count; ++k) order_[high_start[spare_[k] >> 24]++] = spare_[k];
  size_t moves = 0;
  const size_t move_limit = 8 * count + 64;
  for (size_t k = 1; k < count; ++k) {
    const uint32_t item = order_[k];
    if ((item >> 16) != (order_[k - 1] >> 16)) continue;
    const uint64_t key = key_[item & 0xFFFF];
    size_t j = k;
    while (j > 0 && (order_[j - 1] >> 16) == (item >> 16) && key_[order_[j - 1] & 0xFFFF] > key) {
      order_[j] = order_[j - 1];
      --j;
    }
    order_[j] = item;
    moves += k - j;
    if (moves > move_limit) return by_comparison();  // bunched keys
  }
  return 0xFFFF;
}

}  // namespace agglo
