#include "families/concentration/locational_gini.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/table.hpp"
#include "families/concentration/location_quotient.hpp"

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

// The regions that have an industry, in the order of its localisation curve: by key
// x_ri / x_r. ascending (the LQ up to a factor of the industry). A comparison sort of ~1000 keys
// per industry dominated the measure, so the keys are ordered in two steps: a counting sort into
// about as many buckets as keys, by the leading bits of the key (the bits of a double, read as an
// integer, are in the order of the doubles), then an insertion sort, which only has to order the
// few keys that share a bucket. Equal keys keep the order of the regions, so the order, and the
// Gini, do not depend on the threads. (The key is x_ri times 1 / x_r.: keys an ulp apart may swap
// against a division, which moves the area by far less than its rounding.)
class LorenzOrder {
 public:
  explicit LorenzOrder(Eigen::Index regions)
      : region_(static_cast<size_t>(regions)),
        key_(static_cast<size_t>(regions)),
        sorted_(static_cast<size_t>(regions)),
        order_(static_cast<size_t>(regions)) {}

  // Orders the regions r with col[r] > 0 by col[r] * inv_region_total[r] and returns how many
  // there are; region(k) is the k-th. `share_with` is the sum of their regional shares.
  // Regions are counted in 32 bits.
  size_t order(const double* col, const double* inv_region_total, const double* region_share,
               Eigen::Index regions, double& share_with) {
    // Branch-free: the zeros are scattered, a branch on them would be mispredicted.
    size_t count = 0;
    Eigen::Index r = 0;
#if defined(__SSE2__)
    // Four regions at a time: their mask picks the packed offsets of those with the industry.
    const __m128d zero = _mm_setzero_pd();
    for (; r + 4 <= regions; r += 4) {
      const int mask = _mm_movemask_pd(_mm_cmpgt_pd(_mm_loadu_pd(col + r), zero)) |
                       (_mm_movemask_pd(_mm_cmpgt_pd(_mm_loadu_pd(col + r + 2), zero)) << 2);
      const __m128i offsets =
          _mm_load_si128(reinterpret_cast<const __m128i*>(kPacked.offset[mask]));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(region_.data() + count),
                       _mm_add_epi32(_mm_set1_epi32(static_cast<int>(r)), offsets));
      count += kPacked.count[mask];  // count + 4 <= r + 4 <= regions: the store fits
    }
#endif
    for (; r < regions; ++r) {
      region_[count] = static_cast<uint32_t>(r);
      count += static_cast<size_t>(col[r] > 0);
    }
    double share_sum = 0;
    uint64_t lo = UINT64_MAX, hi = 0;
    for (size_t k = 0; k < count; ++k) {
      const uint32_t r = region_[k];
      share_sum += region_share[r];
      key_[k] = sortable_bits(col[r] * inv_region_total[r]);
      lo = std::min(lo, key_[k]);
      hi = std::max(hi, key_[k]);
    }
    share_with = share_sum;
    if (count < 2) {
      if (count == 1) order_[0] = 0;
      return count;
    }
    // Bucket b holds the keys with (key - lo) >> shift == b: fewer buckets than keys.
    const int bucket_bits = std::max(4, static_cast<int>(std::bit_width(count - 1)));
    const int shift = std::max(0, static_cast<int>(std::bit_width(hi - lo)) - bucket_bits);
    const size_t buckets = static_cast<size_t>((hi - lo) >> shift) + 1;
    start_.assign(buckets + 1, 0);
    for (size_t k = 0; k < count; ++k) ++start_[((key_[k] - lo) >> shift) + 1];
    uint32_t crowded = 0;  // the most keys in one bucket
    for (size_t b = 0; b < buckets; ++b) {
      crowded = std::max(crowded, start_[b + 1]);
      start_[b + 1] += start_[b];
    }
    for (size_t k = 0; k < count; ++k) {  // start_[b] moves on to the start of bucket b + 1
      const uint32_t at = start_[(key_[k] - lo) >> shift]++;
      order_[at] = static_cast<uint32_t>(k);
      sorted_[at] = key_[k];
    }
    if (crowded > kCrowded) {  // keys bunched in a narrow range: an insertion sort would crawl
      const auto key_then_position = [this](uint32_t a, uint32_t b) {
        return key_[a] < key_[b] || (key_[a] == key_[b] && a < b);
      };
      for (size_t b = 0, begin = 0; b < buckets; begin = start_[b++])
        if (start_[b] - begin > 1)
          std::sort(order_.begin() + begin, order_.begin() + start_[b], key_then_position);
      return count;
    }
    // Within a bucket the keys are in region order: the insertion sort keeps it for equal keys.
    // Most keys are already in place (one comparison with the largest key so far).
    uint64_t largest = sorted_[0];
    for (size_t k = 1; k < count; ++k) {
      const uint64_t key = sorted_[k];
      if (key >= largest) {
        largest = key;
        continue;
      }
      const uint32_t item = order_[k];
      size_t j = k;
      do {
        sorted_[j] = sorted_[j - 1];
        order_[j] = order_[j - 1];
        --j;
      } while (j > 0 && sorted_[j - 1] > key);
      sorted_[j] = key;
      order_[j] = item;
    }
    return count;
  }
  uint32_t region(size_t k) const {
    return region_[order_[k]];
  }

 private:
  // The bits of a double as an unsigned number in the order of the doubles (negatives first).
  static uint64_t sortable_bits(double v) {
    const auto u = std::bit_cast<uint64_t>(v);
    return u ^ (static_cast<uint64_t>(static_cast<int64_t>(u) >> 63) | (uint64_t{1} << 63));
  }

  static constexpr uint32_t kCrowded = 32;

  std::vector<uint32_t> region_;  // the regions with the industry, in region order
  std::vector<uint64_t> key_;     // their keys, as sortable bits
  std::vector<uint64_t> sorted_;  // the keys along the curve
  std::vector<uint32_t> order_;   // positions in region_, along the curve
  std::vector<uint32_t> start_;   // bucket starts
};

}  // namespace

Eigen::VectorXd locational_gini(const Eigen::MatrixXd& x, const ConcentrationTotals& totals,
                                bool halved) {
  const Eigen::Index n = x.rows();
  const double grand_total = totals.grand_total;
  Eigen::VectorXd gini = Eigen::VectorXd::Constant(x.cols(), NA);
  if (!(grand_total > 0)) return gini;
  const Eigen::VectorXd region_share = totals.region_total / grand_total;
  const Eigen::VectorXd inv_region_total = totals.region_total.cwiseInverse();
  const double share_total = region_share.sum();
  // Industries are independent: one curve each, spread over the threads.
#pragma omp parallel
  {
    LorenzOrder lorenz(n);
#pragma omp for schedule(dynamic, 16)
    for (Eigen::Index i = 0; i < x.cols(); ++i) {
      const double total = totals.distribution_total(i);
      if (std::isnan(total)) continue;
      const double* col = x.col(i).data();
      double share_with = 0;
      const size_t count =
          lorenz.order(col, inv_region_total.data(), region_share.data(), n, share_with);
      // The regions without the industry come first on the curve: they leave A at 0 and only
      // advance P, to the sum of their shares.
      double p_prev = share_total - share_with;
      double a_prev = 0, sum = 0;
      const double inv_total = 1 / total;
      for (size_t k = 0; k < count; ++k) {
        const uint32_t r = lorenz.region(k);
        const double a = a_prev + col[r] * inv_total;
        const double p = p_prev + region_share(r);
        sum += p_prev * a - p * a_prev;
        a_prev = a;
        p_prev = p;
      }
      gini(i) = halved ? sum / 2 : sum;
    }
  }
  return gini;
}

Eigen::VectorXd locational_gini(const Eigen::MatrixXd& x, bool halved) {
  return locational_gini(x, concentration_totals(x), halved);
}

Eigen::VectorXd gini_of_location_quotients(const Eigen::MatrixXd& x) {
  const Eigen::MatrixXd lq = location_quotient(x);
  const Eigen::Index n = lq.rows();
  Eigen::VectorXd gini = Eigen::VectorXd::Constant(x.cols(), NA);
  std::vector<double> sorted(static_cast<size_t>(n));
  for (Eigen::Index i = 0; i < lq.cols(); ++i) {
    const double* col = lq.col(i).data();
    std::copy(col, col + n, sorted.begin());
    const double total = std::accumulate(sorted.begin(), sorted.end(), 0.0);
    if (n == 0 || std::isnan(total) || total <= 0) continue;
    std::sort(sorted.begin(), sorted.end());
    const double mean = total / static_cast<double>(n);
    double sum = 0;
    for (Eigen::Index k = 0; k < n; ++k)
      sum += static_cast<double>(k + 1) * (sorted[static_cast<size_t>(k)] - mean);
    gini(i) = 2 * sum / (static_cast<double>(n) * static_cast<double>(n) * mean);
  }
  return gini;
}

}  // namespace agglo
