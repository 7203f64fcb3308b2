#pragma once
// Deterministic random streams. Every stream is derived from (seed, sample index,
// purpose), so what a sample sees does not depend on which thread simulates it or in
// which order samples are processed.

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace sprout {

// What a stream is used for: the registry of every purpose in Sprout, so that no two
// streams can collide. Values are part of the reproducibility contract: changing one
// changes every result that uses it. Tests may draw from kFirstUserPurpose on.
enum class StreamPurpose : std::uint64_t {
  // The engine and the spiking models.
  kInputSpikes = 1,
  kInitialState = 2,
  kConnectivity = 3,
  kInitialWeights = 4,
  kFirstUserPurpose = 1000,
  // The structural rule (index: sample id).
  kReadoutPerturbation = 1001,
  kGrowth = 1002,
  // The order of the training images in an epoch of `sprout train` (index: epoch).
  kEpochShuffle = 1010,
  // The BP reference: initial weights (index: layer), batch order (index: epoch).
  kBpInitialWeights = 1100,
  kBpShuffle = 1101,
  // The code probe's shuffle of the training codes (index: epoch).
  kProbeShuffle = 1200,
  // Bootstrap replicates of the information estimates (index: replicate).
  kInformationBootstrap = 1300,
  // The variational encoder of I(X;Z): initial weights (index: layer), batch order (index:
  // epoch), the noise of z's samples (index: epoch).
  kVibInitialWeights = 1400,
  kVibShuffle = 1401,
  kVibNoise = 1402,
};

// The purpose's value, for the RandomStream constructor that takes an integer.
[[nodiscard]] constexpr std::uint64_t purpose_value(StreamPurpose purpose) {
  return static_cast<std::uint64_t>(purpose);
}

// SplitMix64 finaliser: a bijective 64-bit mix, used to turn structured keys into seeds.
[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// xoshiro256** (Blackman & Vigna 2018): fast, 256-bit state, passes BigCrush. Satisfies
// std::uniform_random_bit_generator. Conversions to real numbers are our own, not the
// standard library's distributions (whose algorithms differ between implementations);
// exponential() and normal() call libm's log, sqrt and cos, so their values are the same
// wherever the C library is (glibc on every supported machine).
class RandomStream {
 public:
  using result_type = std::uint64_t;

  RandomStream(std::uint64_t seed, std::uint64_t sample_index, std::uint64_t purpose) {
    std::uint64_t key =
        mix64(mix64(mix64(seed) ^ sample_index) ^ (purpose * 0xd1b54a32d192ed03ULL));
    for (auto& word : state_) {
      key = mix64(key);
      word = key;
    }
  }
  RandomStream(std::uint64_t seed, std::uint64_t sample_index, StreamPurpose purpose)
      : RandomStream(seed, sample_index, static_cast<std::uint64_t>(purpose)) {}

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() {
    const std::uint64_t result = std::rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = std::rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }
  // Uniform in (0, 1]: safe to take the logarithm of.
  double uniform_positive() { return static_cast<double>(((*this)() >> 11) + 1) * 0x1.0p-53; }
  // Uniform in [low, high).
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  // Exponentially distributed with the given mean (inverse transform: exact).
  double exponential(double mean) { return -mean * std::log(uniform_positive()); }
  // Uniform integer in [0, n) without modulo bias (Lemire's method).
  std::uint64_t below(std::uint64_t n) {
    __extension__ using Wide = unsigned __int128;
    Wide product = static_cast<Wide>((*this)()) * n;
    auto low = static_cast<std::uint64_t>(product);
    if (low < n) {
      const std::uint64_t threshold = -n % n;
      while (low < threshold) {
        product = static_cast<Wide>((*this)()) * n;
        low = static_cast<std::uint64_t>(product);
      }
    }
    return static_cast<std::uint64_t>(product >> 64);
  }
  // Standard normal (Box-Muller; one value per call, the partner is discarded).
  double normal() {
    constexpr double kTwoPi = 6.283185307179586476925286766559;
    return std::sqrt(-2.0 * std::log(uniform_positive())) * std::cos(kTwoPi * uniform());
  }

 private:
  std::uint64_t state_[4] = {};
};

}  // namespace sprout
