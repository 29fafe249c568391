// penata — a synthetic Pemprov Bengkulu workforce for demos, tests and benchmarks.
//
// SYNTHETIC DATA: no real person is described. Unit names follow Perda Provinsi Bengkulu 8/2016
// where ASN-RULES.md marks them confirmed and are illustrative otherwise. Distributions (age,
// education, golongan by education and years of service, position classes, PNS/PPPK shares,
// training hours, discipline) are plausible, not official statistics. Every generated employee
// passes the workforce's validation, and the same (n, seed) gives the same data on any machine.
#pragma once

#include <cstdint>
#include <vector>

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

/// Synthetic appraisal inputs for every row of a workforce (docs/schema.md, appraisal inputs).
/// SYNTHETIC DATA. Plausible, not official: about 20% of ratings di_atas and 5% di_bawah, both
/// more likely higher with education, golongan and training hours, perilaku lower after a
/// disciplinary sanction; diklat kepemimpinan only for structural posts (jpt_*, administrator,
/// pengawas), diklat fungsional only for jabatan fungsional, seminars for anyone (more with
/// training hours); potential a whole number 0..100 rising with education, training and the
/// performance ratings. Row i is drawn from its own counter-based stream keyed by (seed, i), so
/// the same workforce and seed give the same inputs on any machine.
struct SampleAppraisal {
    std::vector<std::uint8_t> rating_hasil_kerja;       ///< Rating codes: 0 di_bawah, 1 sesuai, 2 di_atas
    std::vector<std::uint8_t> rating_perilaku;          ///< Rating codes
    std::vector<std::uint8_t> has_leadership_training;  ///< 0/1
    std::vector<std::uint8_t> has_functional_training;  ///< 0/1
    std::vector<std::uint8_t> has_seminar;              ///< 0/1
    std::vector<double> potential;                      ///< 0..100, whole numbers
    std::size_t size() const noexcept { return potential.size(); }
};
SampleAppraisal sample_appraisal_inputs(const Workforce& wf, std::uint64_t seed = 0);

}  // namespace penata
