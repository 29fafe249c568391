// penata — performance appraisal and weighted scoring over arrays and whole workforces.
//
// Every function reads its tables from a RuleSet (rules.hpp) and works in bulk: arrays in
// (Span, converting from std::vector), arrays out (a std::vector, or a caller buffer of the same
// length for the pointer overloads, which the C API uses). Coded inputs are the one-byte enum codes
// of rules.hpp and codes.hpp. Bad input is never clamped or skipped: the call throws a
// ValidationError listing each bad value with its row (index + 1, as in a CSV file), its field (the
// column names of docs/schema.md: rating_hasil_kerja, target_time, ...) and a rule id such as
// "rating_perilaku.known" or "target_output.positive" (at most 1000 issues are listed; a last issue
// with rule "input.more_issues" counts the rest). Inputs of the wrong length give rule
// "input.length"; a missing rule-set section gives "ruleset.section_missing". When a pointer
// overload throws, the contents of its output buffers are unspecified.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "penata/rules.hpp"
#include "penata/workforce.hpp"

namespace penata {

// ----- predikat kinerja (PermenPANRB 6/2022) ----------------------------------------------------

/// Predikat of one employee: the rule set's predikat_matrix cell [hasil_kerja][perilaku].
Predikat predikat(const RuleSet& rules, Rating hasil_kerja, Rating perilaku);
/// Bulk predikat: out[i] = matrix[hasil_kerja[i]][perilaku[i]] as Predikat codes. Inputs are
/// Rating codes (0 di_bawah, 1 sesuai, 2 di_atas) of equal length; `out` holds that many bytes.
/// Rules "rating_hasil_kerja.known", "rating_perilaku.known".
void predikat(const RuleSet& rules, Span<std::uint8_t> hasil_kerja, Span<std::uint8_t> perilaku, std::uint8_t* out);
/// As above, returning the codes.
std::vector<std::uint8_t> predikat(const RuleSet& rules, Span<std::uint8_t> hasil_kerja,
                                   Span<std::uint8_t> perilaku);

// ----- PP 30/2019 nilai kinerja -----------------------------------------------------------------

/// Who rated perilaku kerja (PP 30/2019 Pasal 41): the superior only (70/30) or superior, peers
/// and subordinates (360 input, 60/40). Selects the pp30 weight pair.
enum class PerilakuRater : std::uint8_t { superior_only = 0, multi_rater };

/// Nilai kinerja and predikat per PNS (PP 30/2019 Pasal 41).
struct Pp30Scores {
    std::vector<double> nilai_kinerja;    ///< w_skp x skp + w_perilaku x perilaku
    std::vector<std::uint8_t> predikat;   ///< Predikat codes (Cukup stored as butuh_perbaikan)
};
/// Predikat of one nilai kinerja: the band of `nilai`, raised to sangat_baik when nilai >=
/// pp30.sangat_baik_min and `innovation` (a new idea or method benefiting the organisation or
/// state). Throws ValidationError (rule "nilai_kinerja.range") outside the table's [min, max].
Predikat pp30_predikat(const RuleSet& rules, double nilai, bool innovation);
/// Bulk PP 30/2019 scoring. skp and perilaku lie within the predikat table's range (0..120; rules
/// "skp.range", "perilaku.range"); `innovation` is empty (no innovations) or 0/1 per row
/// ("innovation.known"). Either output pointer may be null. A nilai outside the table (possible
/// only with an agency table narrower than its inputs) gives "nilai_kinerja.range".
void pp30_scores(const RuleSet& rules, Span<double> skp, Span<double> perilaku, Span<std::uint8_t> innovation,
                 PerilakuRater rater, double* nilai_kinerja, std::uint8_t* predikat_out);
/// As above, returning both columns.
Pp30Scores pp30_scores(const RuleSet& rules, Span<double> skp, Span<double> perilaku,
                       Span<std::uint8_t> innovation, PerilakuRater rater);

// ----- PP 46/2011 SKP and prestasi kerja (Perka BKN 1/2013) ---------------------------------------

/// Legacy SKP tasks (kegiatan tugas jabatan), one row per task: the second input table
/// `nip, task, target_output, real_output, target_quality, real_quality, target_time, real_time,
/// target_cost, real_cost`. Targets must be > 0 and realisations >= 0 (finite). Cost is optional:
/// leave both vectors empty for no cost column, or put NaN in both for a task without a cost target
/// (a task with a cost target is scored on 4 aspects, else on 3).
struct SkpTasks {
    std::vector<std::uint64_t> nip;
    std::vector<double> target_output, real_output;
    std::vector<double> target_quality, real_quality;
    std::vector<double> target_time, real_time;
    std::vector<double> target_cost, real_cost;
    std::size_t size() const noexcept { return nip.size(); }
};

/// Aspect scores and the score of each task.
struct SkpTaskScores {
    std::vector<double> kuantitas, kualitas, waktu;
    std::vector<double> biaya;          ///< NaN when the task has no cost target
    std::vector<std::uint8_t> aspects;  ///< 3 or 4
    std::vector<double> score;          ///< (sum of aspects) / aspects
};

/// Tugas tambahan and kreativitas per NIP, added to the mean task score (Perka BKN 1/2013). Each
/// NIP at most once and present in the tasks ("nip.unique", "nip.known"); an empty vector means
/// none for everyone.
struct SkpExtras {
    std::vector<std::uint64_t> nip;
    std::vector<std::uint32_t> tugas_tambahan;  ///< number of additional tasks
    std::vector<std::uint8_t> kreativitas;      ///< Kreativitas codes
};

/// Nilai SKP per NIP, in order of first appearance in the tasks.
struct SkpScores {
    std::vector<std::uint64_t> nip;
    std::vector<std::uint32_t> task_count;
    std::vector<double> mean_task_score;  ///< mean of the task scores
    std::vector<double> additions;        ///< tugas tambahan + kreativitas points
    std::vector<double> skp_score;        ///< mean_task_score + additions
    std::vector<std::uint8_t> band;       ///< PrestasiBand codes of skp_score
};

/// The waktu (or biaya) aspect of one task by the 1.76 rule (PP 46/2011, Perka BKN 1/2013):
/// 76 when real == target, 100 when real == 0.76 x target. An efficiency within 1e-9 percentage
/// points of the threshold counts as at the threshold. target > 0, real >= 0
/// ("target_time.positive", "real_time.non_negative").
double skp_time_aspect(const RuleSet& rules, double target, double real);
/// Aspect scores and score per task (rules "<column>.positive", "<column>.non_negative",
/// "target_cost.required"/"real_cost.required" when only one cost of a task is given). A task
/// with real_output 0 was not carried out: its waktu and biaya are 0.
SkpTaskScores skp_task_scores(const RuleSet& rules, const SkpTasks& tasks);
/// Nilai SKP per NIP: mean task score + tugas tambahan + kreativitas, with its band.
SkpScores skp_scores(const RuleSet& rules, const SkpTasks& tasks, const SkpExtras& extras = {});
/// Nilai perilaku kerja per employee: the mean of the applicable elements (PP 46/2011). `scores`
/// is row-major, rows x pp46.perilaku_elements.size(), each 0..100 or NaN where the element does
/// not apply (kepemimpinan for non-struktural). Rules "<element>.range", "perilaku.required".
std::vector<double> perilaku_scores(const RuleSet& rules, Span<double> scores, std::size_t rows);

/// Nilai prestasi kerja and its band.
struct PrestasiScores {
    std::vector<double> prestasi_score;      ///< w_skp x skp + w_perilaku x perilaku (60/40)
    std::vector<std::uint8_t> prestasi_band;  ///< PrestasiBand codes
};
/// Band of one score on the pp46 table (>= 91 sangat_baik, >= 76 baik, >= 61 cukup, >= 51 kurang,
/// else buruk). Throws ValidationError ("score.range") below the table's min or for NaN.
PrestasiBand prestasi_band(const RuleSet& rules, double score);
/// Prestasi kerja = 60% SKP + 40% perilaku (PP 46/2011) per employee; skp, perilaku finite >= 0
/// ("skp_score.non_negative", "perilaku_score.non_negative"; "prestasi_score.range" for a score
/// below an agency table's min).
PrestasiScores prestasi(const RuleSet& rules, Span<double> skp_score, Span<double> perilaku_score);
/// As above into caller buffers (either may be null).
void prestasi(const RuleSet& rules, Span<double> skp_score, Span<double> perilaku_score, double* score_out,
              std::uint8_t* band_out);

// ----- IP ASN (PermenPANRB 38/2018, Peraturan BKN 8/2019) ---------------------------------------

/// Inputs per employee, all of equal length: canonical codes (codes.hpp) education,
/// position_class, discipline; training_hours (JP this year, >= technical_training_min_hours
/// meets diklat teknis); the 0/1 flags has_leadership_training, has_functional_training,
/// has_seminar; and predikat (Predikat codes) for the kinerja dimension.
struct IpAsnInputs {
    Span<std::uint8_t> education, position_class;
    Span<double> training_hours;
    Span<std::uint8_t> has_leadership_training, has_functional_training, has_seminar;
    Span<std::uint8_t> predikat, discipline;
};

/// Caller buffers for IP ASN outputs (each null or holding one value per employee).
struct IpAsnBuffers {
    double* ip_asn = nullptr;
    double* kualifikasi = nullptr;
    double* kompetensi = nullptr;
    double* kinerja = nullptr;
    double* disiplin = nullptr;
    std::uint8_t* category = nullptr;  ///< IpAsnCategory codes
};

/// IP ASN per employee: the four dimension scores (points), their sum and its category.
struct IpAsnScores {
    std::vector<double> ip_asn, ip_kualifikasi, ip_kompetensi, ip_kinerja, ip_disiplin;
    std::vector<std::uint8_t> ip_asn_category;  ///< IpAsnCategory codes
};

/// Category of one IP ASN score (>= 91 sangat_tinggi, >= 81 tinggi, >= 71 sedang, >= 61 rendah,
/// else sangat_rendah). Throws ValidationError ("ip_asn.range") outside [0, 100] or for NaN.
IpAsnCategory ip_asn_category(const RuleSet& rules, double score);
/// Bulk IP ASN into caller buffers. Rules "<field>.known" for codes and flags other than 0/1,
/// "training_hours.non_negative" (finite, >= 0), "ip_asn.range" for a score outside an agency's
/// category table.
void ip_asn(const RuleSet& rules, const IpAsnInputs& in, const IpAsnBuffers& out);
/// Bulk IP ASN returning every column.
IpAsnScores ip_asn(const RuleSet& rules, const IpAsnInputs& in);

// ----- talent 9-box (PermenPANRB 3/2020) --------------------------------------------------------

/// Talent inputs: the kinerja axis as Rating codes (`performance`) or as Predikat codes mapped by
/// talent.performance_from_predikat (`predikat`) — exactly one; and the potensial axis as Potential
/// codes (`potential_level`) or as a 0..100 score cut by talent.potential (`potential`) — exactly
/// one (rule "input.choice").
struct TalentInputs {
    Span<std::uint8_t> performance;
    Span<std::uint8_t> predikat;
    Span<std::uint8_t> potential_level;
    Span<double> potential;
};
/// Box 1..9 of one employee (talent.boxes[performance][potential]).
std::uint8_t talent_box(const RuleSet& rules, Rating performance, Potential potential);
/// Potensial level of one 0..100 score; ValidationError ("potential.range") outside the table.
Potential potential_level(const RuleSet& rules, double score);
/// Recommended action of box 1..9 (PermenPANRB 3/2020); NotFoundError for another number.
const std::string& talent_action(const RuleSet& rules, std::uint8_t box);
/// Bulk boxes into `out` (one byte per employee).
void talent_box(const RuleSet& rules, const TalentInputs& in, std::uint8_t* out);
/// Bulk boxes.
std::vector<std::uint8_t> talent_box(const RuleSet& rules, const TalentInputs& in);

// ----- angka kredit (PermenPANRB 1/2023) --------------------------------------------------------

/// Angka kredit of one fungsional: percent[predikat] / 100 x koefisien[level] x months / 12.
/// NaN for PositionLevel::none (not a jabatan fungsional); months 1..12 ("months.range").
double angka_kredit(const RuleSet& rules, Predikat p, PositionLevel level, unsigned months = 12);
/// Bulk angka kredit into `out`: predikat and position_level codes of equal length; `months` empty
/// (12 for everyone) or 1..12 per employee. NaN where position_level is none.
void angka_kredit(const RuleSet& rules, Span<std::uint8_t> predikat, Span<std::uint8_t> position_level,
                  Span<std::uint8_t> months, double* out);
/// As above, returning the values.
std::vector<double> angka_kredit(const RuleSet& rules, Span<std::uint8_t> predikat,
                                 Span<std::uint8_t> position_level, Span<std::uint8_t> months = {});

// ----- rewards and coaching ---------------------------------------------------------------------

/// One person on a reward or coaching list, with the reason.
struct PolicyEntry {
    std::uint32_t index = 0;  ///< 0-based position in the inputs (the workforce row in appraise())
    std::uint64_t nip = 0;    ///< filled by appraise(); 0 otherwise
    bool by_predikat = false;  ///< listed because of the predikat
    bool by_box = false;       ///< listed because of the talent box
    std::string reason;        ///< e.g. "predikat sangat_baik; talent box 9"
};
/// The two lists of the rule set's policy, each in input order. A person may be on both.
struct PolicyLists {
    std::vector<PolicyEntry> reward, coaching;
};
/// Applies rules.policy(): a person is listed when the predikat is in the list's predikat set or
/// the talent box is in its box set. Either input may be empty (not known); both given must have
/// equal length.
PolicyLists policy_lists(const RuleSet& rules, Span<std::uint8_t> predikat, Span<std::uint8_t> talent_box);

// ----- distribution check (PermenPANRB 6/2022 kurva distribusi) ---------------------------------

/// One broken distribution rule.
struct DistributionViolation {
    std::size_t rule = 0;                ///< index into rules.distribution().by_org[org]
    std::uint8_t predikat_mask = 0;      ///< the predikat the rule counts (bit p for Predikat p)
    DistributionBound bound = DistributionBound::max_share;
    double value = 0;                    ///< the rule's share or count
    std::size_t required_count = 0;      ///< the bound as a number of employees for this unit
    std::size_t actual_count = 0;
    double actual_share = 0;
    std::string message;                 ///< e.g. "at most 70% (7 of 10) sangat_baik; actual 9 (90%)"
};
/// A suggested change: give `count` employees with predikat `from` the predikat `to`.
struct DistributionChange {
    Predikat from = Predikat::baik;
    Predikat to = Predikat::baik;
    std::size_t count = 0;
    std::string reason;  ///< the broken rules this change repairs
};
/// Result of a distribution check. The suggestion is never applied: it moves the fewest employees
/// that make every rule hold; among those, it takes the fewest predikat steps (in the order
/// sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang), then the fewest upgrades.
struct DistributionCheck {
    OrgPredikat org = OrgPredikat::baik;
    std::size_t employees = 0;
    std::array<std::size_t, kPredikatCount> counts{};  ///< by Predikat
    std::vector<DistributionViolation> violations;     ///< empty when the distribution complies
    bool satisfiable = true;  ///< false when no distribution of this many employees meets every rule
    std::vector<DistributionChange> changes;           ///< empty when compliant or not satisfiable
    std::array<std::size_t, kPredikatCount> suggested_counts{};  ///< counts after the changes
    bool ok() const noexcept { return violations.empty(); }
};
/// Checks the predikat counts of one unit against the rules for its organisational predikat.
/// A unit with no employees has no violations.
DistributionCheck check_distribution(const RuleSet& rules, OrgPredikat org,
                                     const std::array<std::size_t, kPredikatCount>& counts);
/// As above from the employees' Predikat codes ("predikat.known").
DistributionCheck check_distribution(const RuleSet& rules, OrgPredikat org, Span<std::uint8_t> predikat);
/// As above for the employees of a unit (and, with include_subunits, the units below it);
/// `predikat` has one code per workforce row. NotFoundError for an unknown unit.
DistributionCheck check_distribution(const RuleSet& rules, OrgPredikat org, const Workforce& wf,
                                     std::string_view unit_code, Span<std::uint8_t> predikat,
                                     bool include_subunits = true);

// ----- a whole workforce ------------------------------------------------------------------------

/// Extra input columns for appraise(), each empty (not given) or one value per workforce row.
/// The workforce supplies education, position_class, position_level, training_hours, discipline.
struct AppraisalInputs {
    Span<std::uint8_t> rating_hasil_kerja, rating_perilaku;  ///< Rating codes; give both or neither
    Span<std::uint8_t> predikat;  ///< Predikat codes; when empty, computed from the two ratings
    Span<std::uint8_t> has_leadership_training, has_functional_training, has_seminar;  ///< 0/1; all or none
    Span<std::uint8_t> performance;      ///< talent kinerja axis (Rating codes); empty: from predikat
    Span<double> potential;              ///< talent potensial 0..100; or
    Span<std::uint8_t> potential_level;  ///< talent potensial as Potential codes
    Span<std::uint8_t> months;           ///< months of the angka kredit period (1..12); empty: 12
};

/// Every appraisal output for the appraised rows. An output is empty when its inputs were not
/// given (predikat: neither ratings nor predikat; IP ASN: no training flags; talent_box: no
/// potential) or, for angka_kredit and the policy lists, when the rule set has no such section.
/// Inputs given for an output whose section is missing are an error ("ruleset.section_missing").
struct Appraisal {
    std::vector<std::uint32_t> rows;       ///< the appraised workforce rows (all rows when appraise() got none)
    std::vector<std::uint8_t> predikat;    ///< Predikat codes
    IpAsnScores ip_asn;
    std::vector<std::uint8_t> talent_box;  ///< 1..9
    std::vector<double> angka_kredit;      ///< NaN for non-fungsional
    PolicyLists policy;                    ///< entries carry the workforce row and NIP
};

/// Appraises the workforce (or the given rows, each < wf.size()) with the rule set's sections:
/// predikat (predikat_matrix), IP ASN (ip_asn), talent box (talent), angka kredit (angka_kredit),
/// reward and coaching lists (policy). Issue rows count from 1 over the appraised rows.
Appraisal appraise(const Workforce& wf, const RuleSet& rules, const AppraisalInputs& in,
                   Span<std::uint32_t> rows = {});

/// Which outputs appraise() computes for these inputs and rule set (the non-empty members of
/// Appraisal). Only looks at which inputs are given and which sections exist; never throws.
struct AppraisalOutputs {
    bool predikat = false, ip_asn = false, talent_box = false, angka_kredit = false, policy = false;
};
AppraisalOutputs appraisal_outputs(const RuleSet& rules, const AppraisalInputs& in) noexcept;

/// Caller buffers for appraise(), each holding one value per appraised row (rows.size, or
/// wf.size() when rows is empty). A null buffer means "do not store this output"; it is still
/// computed when another output needs it. `policy`, when not null, receives the policy lists.
struct AppraisalBuffers {
    std::uint8_t* predikat = nullptr;    ///< Predikat codes
    IpAsnBuffers ip_asn;
    std::uint8_t* talent_box = nullptr;  ///< 1..9
    double* angka_kredit = nullptr;      ///< NaN for non-fungsional
    PolicyLists* policy = nullptr;
};
/// appraise() into caller buffers, allocating nothing per row for the outputs: one pass over the
/// rows computes predikat, IP ASN with its dimensions and category, the talent box and angka
/// kredit together, validating the inputs in the same pass. Outputs not in appraisal_outputs()
/// are left untouched. Errors are exactly those of the Appraisal-returning appraise() (when it
/// throws, the buffers' contents are unspecified).
/// `threads` 1: on the calling thread. 0 (the default): when the machine has more than one core
/// and there are at least 262,144 rows, a second thread takes half of them. The result (and any
/// error) is the same either way.
void appraise(const Workforce& wf, const RuleSet& rules, const AppraisalInputs& in, Span<std::uint32_t> rows,
              const AppraisalBuffers& out, unsigned threads = 0);

/// Appraisal aggregates of one unit.
struct UnitAppraisal {
    std::uint32_t unit = 0;      ///< index into wf.units()
    std::size_t employees = 0;   ///< appraised employees counted
    std::array<std::size_t, kPredikatCount> predikat_counts{};
    double mean_ip_asn = std::numeric_limits<double>::quiet_NaN();  ///< NaN without IP ASN or employees
    double mean_kualifikasi = std::numeric_limits<double>::quiet_NaN();
    double mean_kompetensi = std::numeric_limits<double>::quiet_NaN();
    double mean_kinerja = std::numeric_limits<double>::quiet_NaN();
    double mean_disiplin = std::numeric_limits<double>::quiet_NaN();
    std::array<std::size_t, 9> box_counts{};  ///< box b at [b-1]
    /// Share of employees with predikat p (0 when there is no predikat or no employee).
    double predikat_share(Predikat p) const noexcept;
};
/// Per unit (index order, every unit of wf.units()): counts and shares of predikat, mean IP ASN and
/// its dimensions, box counts; with include_subunits a unit also counts the units below it.
std::vector<UnitAppraisal> summarise_units(const Workforce& wf, const Appraisal& a, bool include_subunits = true);

}  // namespace penata
