// penata — a synthetic Pemprov Bengkulu workforce for demos, tests and benchmarks.
//
// SYNTHETIC DATA: no real person is described. Unit names follow Perda Provinsi Bengkulu 8/2016
// where ASN-RULES.md marks them confirmed and are illustrative otherwise. Distributions (age,
// education, golongan by education and years of service, position classes, PNS/PPPK shares,
// training hours, discipline) are plausible, not official statistics. Every generated employee
// passes the workforce's validation, and the same (n, seed) gives the same data on any machine.
#pragma once

#include <cstdint>

#include "penata/units.hpp"
#include "penata/workforce.hpp"

namespace penata {

struct SampleOptions {
    std::size_t n = 10300;   ///< number of employees (10,300 ASN: BKD figure for early 2024)
    std::uint64_t seed = 0;  ///< the same seed gives the same workforce
    int reference_year = 2025;  ///< ages and years of service are measured at 30 June of this year
};

/// The unit tree of the sample: the province, its perangkat daerah, and some sub-units.
Units bengkulu_units();

/// A synthetic workforce of options.n employees over bengkulu_units(). Scales to millions
/// (4.3 million for the national civil service benchmarks).
Workforce bengkulu_sample(const SampleOptions& options = {});

}  // namespace penata
