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

#include "penata/competency.hpp"
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

/// Synthetic competency assessments of every employee of a workforce, over
/// CompetencyFramework::builtin() (M.01-M.08 and SK.01). SYNTHETIC DATA. Plausible, not official:
/// - every employee is assessed on every competency the built-in PositionStandards defaults
///   require of the position (for the built-in framework all nine);
/// - levels centre on the required level and rise with education, years of service, golongan
///   and training hours, fall after a disciplinary sanction, and vary by person and competency
///   (Integritas and Perekat Bangsa a little higher, Mengelola Perubahan and Pengambilan Keputusan
///   a little lower); they are drawn within 1..5 and within two levels below to one above the
///   standard. About a third of the employees whose standard is above level 1 fall below it on at
///   least one competency, some by two levels (nobody is below a standard of 1);
/// - one assessment event per employee dated between 1 January of reference_year - 3 and 30 June
///   of reference_year (never later; on or after the TMT when the TMT falls in that window), and
///   for about a quarter of the employees an earlier event 1-3 years before it in the same window,
///   usually a level lower;
/// - method: assessment_centre for structural posts (jpt_*, administrator, pengawas),
///   uji_kompetensi for jabatan fungsional, supervisor (about two thirds) or self for pelaksana.
/// Records are sorted by NIP, then competency (framework order), then date (an earlier assessment
/// just before the later one); every record passes Assessments::add with today = 30 June of
/// reference_year. Row i is drawn from its own counter-based stream keyed by (seed, i), so the
/// same workforce and seed give the same history on any machine, and an employee's records depend
/// only on the seed and the employee's own row. Throws ValidationError "sample.reference_year"
/// outside 1960-2099. Builds the 48 million records of 4.3 million employees in seconds.
Assessments sample_assessments(const Workforce& wf, std::uint64_t seed = 0, int reference_year = 2025);

}  // namespace penata
