// penata — private: counter-based random numbers (Random123's Philox4x32-10, header only).
//
// A draw is a pure function of (seed, replicate, year, person, purpose, index): no generator
// state, so results do not depend on thread count or on the order persons are visited, and two
// scenarios run with one seed share every draw whose inputs they share (common random numbers).
// Each model names its purposes in its own file (an enum of uint32 values) and never reuses one
// for two different events.
#pragma once

#include <Random123/philox.h>

#include <array>
#include <cstdint>

namespace penata::detail {

inline std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/// The draws of one (seed, replicate, year, purpose): call words()/uniform() per person.
class Draws {
public:
    Draws(std::uint64_t seed, std::uint32_t replicate, std::uint32_t year, std::uint32_t purpose) noexcept {
        const std::uint64_t k = splitmix64(splitmix64(seed) ^ (0xD1B54A32D192ED03ULL * (std::uint64_t{replicate} + 1)));
        key_ = {{static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k >> 32)}};
        year_ = year;
        purpose_ = purpose;
    }
    /// Four independent 32-bit words for `person` (below 2^32) and draw `index`.
    std::array<std::uint32_t, 4> words(std::uint64_t person, std::uint32_t index = 0) const noexcept {
        r123::Philox4x32::ctr_type c = {{static_cast<std::uint32_t>(person), index, year_, purpose_}};
        const auto r = r123::Philox4x32()(c, key_);
        return {r[0], r[1], r[2], r[3]};
    }
    /// A uniform number in the open interval (0, 1) from one word (resolution 2^-32).
    static double to_unit(std::uint32_t w) noexcept { return (static_cast<double>(w) + 0.5) * (1.0 / 4294967296.0); }
    double uniform(std::uint64_t person, std::uint32_t index = 0) const noexcept { return to_unit(words(person, index)[0]); }

private:
    r123::Philox4x32::key_type key_{};
    std::uint32_t year_ = 0, purpose_ = 0;
};

}  // namespace penata::detail
