// A small, fast random generator for permutation inference: xoshiro256** (Blackman & Vigna
// 2018) seeded through splitmix64. Every permutation gets its own stream derived from (seed,
// stream index), so results do not depend on the number of threads.
#pragma once

#include <cstdint>

namespace agglo {

inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class StreamRng {
 public:
  StreamRng(uint64_t seed, uint64_t stream) {
    uint64_t sm = seed ^ (stream * 0xD1B54A32D192ED03ULL + 0x8CB92BA72F3D8DD7ULL);
    for (auto& w : s_) w = splitmix64(sm);
  }

  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform integer in [0, range) for range <= 2^16, four per 64-bit output (Lemire 2019,
  // on 16-bit chunks): the permutation tests draw many small indices.
  uint32_t below_small(uint32_t range) {
    for (;;) {
      if (chunks_ == 0) buffer_ = next(), chunks_ = 4;
      const uint32_t m = static_cast<uint32_t>(buffer_ & 0xFFFF) * range;
      buffer_ >>= 16;
      --chunks_;
      const uint32_t low = m & 0xFFFF;
      if (low >= range || low >= (65536u - range) % range) return m >> 16;
    }
  }

  // Uniform integer in [0, range), range < 2^32, without modulo bias (Lemire 2019).
  uint32_t below(uint32_t range) {
    uint64_t m = (next() >> 32) * range;
    auto low = static_cast<uint32_t>(m);
    if (low < range) {
      const uint32_t floor = static_cast<uint32_t>(-range) % range;
      while (low < floor) {
        m = (next() >> 32) * range;
        low = static_cast<uint32_t>(m);
      }
    }
    return static_cast<uint32_t>(m >> 32);
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
  uint64_t buffer_ = 0;
  int chunks_ = 0;
};

// A counter-based stream, cheap to start, one per conditional permutation: wyrand (Wang Yi 2019;
// passes BigCrush and PractRand): a Weyl counter started at a splitmix64 hash of (seed,
// stream), mixed by one 64 x 64 -> 128-bit product. The state advances by one addition, so
// successive outputs do not wait on each other; a 64-bit output serves two 32-bit draws.
class CounterRng {
 public:
  CounterRng(uint64_t seed, uint64_t stream) {
    uint64_t sm = seed ^ (stream * 0xD1B54A32D192ED03ULL + 0x8CB92BA72F3D8DD7ULL);
    state_ = splitmix64(sm);
  }

  uint64_t next() {
    state_ += 0xA0761D6478BD642FULL;
    const unsigned __int128 t =
        static_cast<unsigned __int128>(state_) * (state_ ^ 0xE7037ED1A0B428DBULL);
    return static_cast<uint64_t>(t >> 64) ^ static_cast<uint64_t>(t);
  }

  // Uniform integer in [0, range), range < 2^32, from 32-bit halves of the outputs, without
  // modulo bias (Lemire 2019; the rejection is taken with probability < range / 2^32).
  uint32_t below(uint32_t range) {
    for (;;) {
      if (!have_half_) {
        half_ = next();
        have_half_ = true;
      } else {
        half_ >>= 32;
        have_half_ = false;
      }
      const uint64_t m = (half_ & 0xFFFFFFFFULL) * range;
      const auto low = static_cast<uint32_t>(m);
      if (low >= range || low >= static_cast<uint32_t>(-range) % range)
        return static_cast<uint32_t>(m >> 32);
    }
  }

 private:
  uint64_t state_;
  uint64_t half_ = 0;
  bool have_half_ = false;
};

}  // namespace agglo
