// penata — competency gap analysis: signed gaps, Job Person Match (JPM), training needs per unit,
// candidate ranking for a position, and a JPM-based potential category.
//
// JPM (ASN-RULES.md 3.2; Peraturan BKN 26/2019 as implemented by e.g. Peraturan BRIN 3/2023
// Pasal 33 and the 2020 uji kompetensi regulation of a JF): JPM = sum of achieved levels / sum of
// required levels x 100, over the competencies the position requires. Options:
//   - cap at standard: each competency counts min(achieved, required) (some implementations cap
//     JPM at 100%);
//   - weights by jenjang: JPM = w x JPM(teknis) + (1 - w) x JPM(manajerial + sosial kultural), with
//     w = 40% (ahli madya), 50% (ahli muda), 60% (ahli pertama) — the JFKK 2020 regulation; used only
//     when the position requires competencies of both groups.
// Categories by scheme: mapping (pemetaan; Peraturan BRIN 3/2023 Pasal 33): optimal >= 90,
// cukup optimal 78 - < 90, kurang optimal < 78; selection (uji kompetensi): memenuhi syarat (MS)
// >= 80, masih memenuhi syarat (MMS) 68 - < 80, kurang memenuhi syarat (KMS) < 68.
//
// A missing assessment of a required competency is never counted as zero nor as meeting the
// standard: the employee is excluded and reported (MissingPolicy::exclude) or the analysis is
// refused (MissingPolicy::refuse).
//
// The rules are data (GapRules), with JSON and validation in the style of RuleSet (field = JSON
// path, rule "ruleset.*", notes keyed by JSON path for MEMORY/UNCERTAIN figures):
//   {"penata_gap_rules": 1, "name", "regulation", "version", "notes": {...} (optional),
//    "cap_at_standard": false, "scheme": "mapping|selection", "missing": "exclude|refuse",
//    "mapping": <bands>, "selection": <bands>, "potential": <bands>,
//    "teknis_weight": {"<jenjang>": 0.4 | null, ... all eight jenjang},
//    "training_min_hours": 20,
//    "golongan": {"<position kind>": ["III/a", "III/b"], ... all 14 kinds}}
//   <bands> as in rules.hpp, labels by name (JpmCategory / Potential text).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "penata/competency.hpp"
#include "penata/rules.hpp"
#include "penata/workforce.hpp"

namespace penata {

/// Category scheme of a JPM.
enum class JpmScheme : std::uint8_t { mapping = 0, selection };
/// JPM category: the first three belong to the mapping scheme, the last three to selection
/// (ms = memenuhi syarat, mms = masih memenuhi syarat, kms = kurang memenuhi syarat).
enum class JpmCategory : std::uint8_t { optimal = 0, cukup_optimal, kurang_optimal, ms, mms, kms };
/// What a missing assessment of a required competency does.
enum class MissingPolicy : std::uint8_t { exclude = 0, refuse };

template <> struct EnumNames<JpmScheme> {
    static constexpr std::array<std::string_view, 2> names{"mapping", "selection"};
};
template <> struct EnumNames<JpmCategory> {
    static constexpr std::array<std::string_view, 6> names{"optimal", "cukup_optimal", "kurang_optimal",
                                                           "ms", "mms", "kms"};
};
template <> struct EnumNames<MissingPolicy> {
    static constexpr std::array<std::string_view, 2> names{"exclude", "refuse"};
};

/// Gap of a cell that has none: the competency is not required, or it is required but not assessed
/// (see GapResult::achieved / required to tell which).
inline constexpr std::int8_t kNoGap = std::numeric_limits<std::int8_t>::min();
/// Category code of an excluded employee.
inline constexpr std::uint8_t kNoCategory = 0xFF;

/// Gaps, employees x competencies, achieved - required (-4..4) or kNoGap.
using GapMatrix = Eigen::Matrix<std::int8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// A PNS golongan range (codes 1..17, see golongan_text) allowed for a position kind.
struct GolonganRange {
    std::uint8_t min = 1;
    std::uint8_t max = kGolonganCount;
};

/// The rules of gap analysis (see the file comment for the JSON form).
struct GapRules {
    std::string name = "penata-gaps";
    std::string regulation;
    std::string version;
    std::map<std::string, std::string> notes;  ///< by JSON path, "MEMORY: ..." / "UNCERTAIN: ..."
    bool cap_at_standard = false;
    JpmScheme scheme = JpmScheme::mapping;
    MissingPolicy missing = MissingPolicy::exclude;
    BandTable mapping;    ///< labels optimal / cukup_optimal / kurang_optimal
    BandTable selection;  ///< labels ms / mms / kms
    BandTable potential;  ///< labels Potential codes, on JPM
    /// Teknis share of the JPM by PositionLevel in (0, 1); NaN = no weighting. [none] must be NaN.
    std::array<double, kPositionLevelCount> teknis_weight{};
    double training_min_hours = 20;  ///< the 20 JP per year rule (PP 11/2017 Pasal 203 ayat (4), kept by PP 17/2020)
    /// Eligible PNS golongan by position kind (PP 13/2002 eselon ranges for JPT/administrator/
    /// pengawas; the JF jenjang ranges of ASN-RULES.md 8.4).
    std::array<GolonganRange, kPositionKindCount> golongan{};

    /// The built-in rules: mapping scheme, no cap, exclude, the bands above, weights 60/50/40 for
    /// ahli pertama/muda/madya (others unweighted), 20 JP, golongan ranges of ASN-RULES.md 8.3/8.4.
    /// Potential bands (rendah < 78 <= menengah < 90 <= tinggi, the mapping cut-offs) are penata's
    /// choice, noted UNCERTAIN; JPT Utama IV/d-IV/e, pelaksana I/a-IV/e and the keterampilan ranges
    /// are noted MEMORY/UNCERTAIN.
    static GapRules builtin();
    static GapRules from_json(std::string_view text);
    std::string to_json(int indent = 2) const;
    /// Throws ValidationError (field = JSON path, rule "ruleset.*") for bad rules.
    void validate() const;
    /// The table of the active scheme.
    const BandTable& categories() const noexcept { return scheme == JpmScheme::mapping ? mapping : selection; }
};

/// Category of a JPM under the active scheme; nullopt for NaN or outside the table.
std::optional<JpmCategory> jpm_category(double jpm, const GapRules& rules) noexcept;
/// Potential (talent box potential axis, PermenPANRB 3/2020) of a JPM; nullopt for NaN.
std::optional<Potential> potential_from_jpm(double jpm, const GapRules& rules) noexcept;

/// The bulk kernel: one pass over n employees x k competencies, one byte per level, no allocation.
/// `achieved` and `required` are row-major n x k (0 = none). `teknis` has k bytes (1 = teknis).
/// `level` has n PositionLevel codes (or null: unweighted), `weight_by_level` kPositionLevelCount
/// teknis weights (NaN = unweighted). Writes `gaps` (n x k), `jpm` (n; NaN when a required
/// competency is not assessed or nothing is required) and `missing` (n; number of required
/// competencies not assessed). Any output pointer may be null.
void gap_jpm_kernel(const std::uint8_t* achieved, const std::uint8_t* required, std::size_t n,
                    std::size_t k, const std::uint8_t* teknis, const std::uint8_t* level,
                    const double* weight_by_level, bool cap_at_standard, std::int8_t* gaps, double* jpm,
                    std::uint8_t* missing) noexcept;

/// Checks the inputs of gap_jpm_kernel, which trusts them: every level 0..5 ("achieved.range",
/// "required.range"; Issue.row = employee + 1, the value, the competency index in the message),
/// teknis flags 0/1 ("teknis.known", row = competency + 1) and position levels known
/// ("position_level.known"). Throws one ValidationError listing at most 1000 issues (then one
/// "input.more_issues"). `teknis` and `level` may be null.
void check_gap_inputs(const std::uint8_t* achieved, const std::uint8_t* required, std::size_t n, std::size_t k,
                      const std::uint8_t* teknis, const std::uint8_t* level);

/// An employee left out of the JPM, and why.
struct MissingAssessment {
    std::uint32_t row = 0;                   ///< workforce row
    std::uint64_t nip = 0;
    std::vector<std::uint16_t> competencies;  ///< required but not assessed (framework index)
    std::string reason;                      ///< e.g. "not assessed on M.03, SK.01 as of 2025-06-30"
};

/// Result of gap_analysis, one entry per analysed employee (in `rows` order).
struct GapResult {
    std::vector<std::string> codes;  ///< competency codes, the matrix columns
    std::vector<std::uint32_t> rows;  ///< workforce rows
    std::vector<std::uint64_t> nip;
    LevelMatrix achieved;  ///< latest levels as of the date
    LevelMatrix required;  ///< standard levels
    GapMatrix gaps;
    std::vector<double> jpm;           ///< percent; NaN when excluded
    std::vector<std::uint8_t> category;  ///< JpmCategory, kNoCategory when excluded
    std::vector<MissingAssessment> missing;  ///< excluded employees (policy exclude)
};

/// Gaps and JPM of the employees in `rows` (all when empty) against the standards of their own
/// positions, with the latest assessments on or before `as_of`. Throws ValidationError
/// "gaps.framework_mismatch" when the assessments and standards use different frameworks, and
/// under MissingPolicy::refuse "gaps.missing_assessment" (one Issue per missing cell: row =
/// workforce row + 1, field "competency", value the code; at most 1000 listed, then one
/// "input.more_issues" with the count of the rest). An employee whose position requires nothing
/// is excluded with that reason (never refused).
GapResult gap_analysis(const Workforce& wf, const Assessments& assessments, const PositionStandards& standards,
                       const GapRules& rules, std::int32_t as_of, Span<std::uint32_t> rows = {});

/// Training needs of one unit (with its sub-units) on one competency, over the analysed employees
/// whose position requires the competency.
struct TnaRow {
    std::uint32_t unit = 0;        ///< index in wf.units()
    std::uint16_t competency = 0;  ///< framework index
    std::uint32_t required = 0;  ///< employees requiring it
    std::uint32_t assessed = 0;  ///< of those, assessed (the rest are not counted below)
    double mean_gap = 0;         ///< mean of achieved - required over the assessed; NaN if none
    double share_below = 0;      ///< share of the assessed below standard; NaN if none
    std::array<std::uint32_t, 3> need{};  ///< assessed needing +1, +2, +3 or more levels
};

/// The 20 JP training rule per unit (with sub-units), over the analysed employees.
struct TrainingCompliance {
    std::uint32_t unit = 0;
    std::uint32_t employees = 0;
    std::uint32_t compliant = 0;  ///< training_hours >= rules.training_min_hours
    double share = 0;             ///< compliant / employees
};

/// Training needs analysis per unit x competency.
struct Tna {
    std::vector<TnaRow> rows;  ///< by unit index, then competency; only cells with required > 0
    std::vector<TrainingCompliance> training;  ///< units with at least one analysed employee
    /// The `n` competencies with the most negative mean gap in the unit (ties: framework order);
    /// competencies with no gap (mean >= 0 or none assessed) are left out.
    std::vector<TnaRow> largest_gaps(std::uint32_t unit, std::size_t n) const;
};

/// Training needs per unit (each unit aggregates its sub-units) from a gap analysis of `wf`.
/// Throws ValidationError "gaps.result_workforce" when a result row is not in `wf` or holds
/// another NIP (the workforce changed since the analysis), "gaps.result_shape" for a result whose
/// columns differ in length.
Tna training_needs(const Workforce& wf, const GapResult& result, const GapRules& rules);

/// Potential category per analysed employee (Potential code, kNoCategory when excluded).
std::vector<std::uint8_t> potential(const GapResult& result, const GapRules& rules);

/// The position candidates are ranked for.
struct PositionTarget {
    PositionClass position_class = PositionClass::pelaksana;
    PositionLevel position_level = PositionLevel::none;
    std::string position_name;  ///< for PositionStandards overrides; may be empty
};

struct RankOptions {
    std::string unit_code;          ///< only this unit (and sub-units when include_subunits); "" = all
    bool include_subunits = true;
    std::uint8_t employment_types = 0b11;  ///< bit t for EmploymentType t
    bool check_golongan = true;            ///< PNS only: golongan within rules.golongan of the kind
};

struct Candidate {
    std::uint32_t row = 0;
    std::uint64_t nip = 0;
    double jpm = std::numeric_limits<double>::quiet_NaN();  ///< against the target standard
    std::uint32_t shortfall = 0;  ///< sum over required, assessed competencies of max(0, required - achieved)
                                  ///< (an employee missing one is ineligible: rank.missing_assessment)
    std::uint32_t rank = 0;       ///< 1-based among the eligible; 0 when ineligible
    std::string rule;             ///< why ineligible: "rank.employment_type", "rank.golongan", "rank.missing_assessment"
    std::string reason;           ///< human-readable (all reasons, "; "-separated)
};

struct Ranking {
    std::vector<Candidate> eligible;    ///< by JPM desc, shortfall asc, NIP asc
    std::vector<Candidate> ineligible;  ///< by NIP asc
};

/// Ranks the employees of `options.unit_code` (or all) for a target position: JPM (rules' cap and
/// weights of the target jenjang) against its standard, latest assessments as of `as_of`.
/// Throws ValidationError "gaps.framework_mismatch", "standards.position", and
/// "rank.no_standard" when the target requires nothing.
Ranking rank_candidates(const Workforce& wf, const Assessments& assessments, const PositionStandards& standards,
                        const GapRules& rules, const PositionTarget& target, std::int32_t as_of,
                        const RankOptions& options = {});

}  // namespace penata
