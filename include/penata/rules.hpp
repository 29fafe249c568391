// penata — regulatory rule sets: the weights, point tables, bands, matrices and thresholds of the
// ASN appraisal and scoring rules, as data.
//
// A RuleSet has a name, the regulation it implements, a version, per-figure notes and one or more
// typed sections (predikat matrix, distribution rules, PP 30/2019, PP 46/2011, IP ASN, talent
// 9-box, angka kredit, reward/coaching policy, KPI scheme). Built-in rule sets ship for the
// regulations described in ASN-RULES.md; users load or edit their own as JSON (format below)
// without recompiling. Every rule set is validated when it is made or loaded: weights positive and
// summing to 1 (within 1e-9), bands ordered and covering their range with no gap or overlap,
// matrices and tables complete, every enum text known, no unknown JSON key. A bad rule set is
// refused with a ValidationError whose Issue.field is the JSON path of the figure (for example
// "ip_asn.weights.kinerja" or "pp30.predikat.bands[2].from") and whose Issue.rule is a stable
// "ruleset.*" id.
//
// Figures that ASN-RULES.md tags MEMORY or UNCERTAIN carry that tag in RuleSet::notes(), keyed by
// the same JSON path.
//
// JSON format 1 (RuleSet::to_json of a built-in is a complete example of each section):
//   {"penata_ruleset": 1,                       optional on input, always written
//    "name": "...", "regulation": "...", "version": "...",
//    "notes": {"<json path>": "UNCERTAIN: ...", ...},   optional
//    "predikat_matrix": {"<rating hasil>": {"<rating perilaku>": "<predikat>", ...}, ...},
//    "distribution": {"<org predikat>": [{"predikat": ["<predikat>", ...], "<bound>": value}, ...], ...},
//    "pp30": {"weights": {"superior_only": {"skp", "perilaku"}, "multi_rater": {...}},
//             "predikat": <bands>, "sangat_baik_min": 110},
//    "pp46": {"nilai_tertimbang", "efficiency_threshold", "weights": {"skp", "perilaku"},
//             "prestasi": <bands>, "tugas_tambahan": [{"min_count", "points"}, ...],
//             "kreativitas": {"unit", "organisasi", "nasional"}, "perilaku_elements": [...]},
//    "ip_asn": {"weights": {"kualifikasi", "kompetensi", "kinerja", "disiplin"},
//               "points": {"kualifikasi": {"<education>": pts}, "kinerja": {"<predikat>": pts},
//                          "disiplin": {"<discipline>": pts},
//                          "kompetensi": {"<group>": {"position_classes": [...], "leadership_training",
//                                                     "functional_training", "technical_training", "seminar"}}},
//               "technical_training_min_hours": 20, "categories": <bands>},
//    "talent": {"boxes": {"<rating>": {"<potential>": 1..9}}, "potential": <bands>,
//               "performance_from_predikat": {"<predikat>": "<rating>"}, "actions": {"1": "...", ..., "9": "..."}},
//    "angka_kredit": {"percent": {"<predikat>": 150, ...}, "koefisien": {"<position level>": 12.5, ...}},
//    "policy": {"reward": {"predikat": [...], "boxes": [7, 8, 9]}, "coaching": {...}},
//    "kpi": {"missing": "renormalise|zero|refuse", "weight_total", "default_cap": number|null,
//            "scale_labels": [...], "scale": <bands>}}
//   <bands> = {"min": 0, "max": 100 (null = open), "bands": [{"from": 0, "to": 61, "label": "..."}, ...]}
// Every key shown is required within its section; sections are optional; no other key is accepted.
// Enum texts are the EnumNames below and in codes.hpp. Paths in errors and notes join keys with "."
// and array positions with "[i]".
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "penata/codes.hpp"

namespace penata {

/// A read-only view of `size` contiguous values (C++17 has no std::span). Converts implicitly from
/// a std::vector; the viewed memory must outlive the call it is passed to. Empty means "not given".
template <class T> struct Span {
    const T* data = nullptr;
    std::size_t size = 0;
    constexpr Span() = default;
    constexpr Span(const T* d, std::size_t n) : data(d), size(n) {}
    Span(const std::vector<T>& v) : data(v.data()), size(v.size()) {}  // NOLINT: implicit on purpose
    constexpr bool empty() const noexcept { return size == 0; }
    constexpr const T& operator[](std::size_t i) const { return data[i]; }
};

// ----- coded values of appraisal (text names via EnumNames / to_text / from_text) -------------

/// Rating of hasil kerja or perilaku kerja (PermenPANRB 6/2022): di bawah / sesuai / di atas
/// ekspektasi. Also the kinerja axis of the talent 9-box (PermenPANRB 3/2020).
enum class Rating : std::uint8_t { di_bawah = 0, sesuai = 1, di_atas = 2 };
/// Predikat kinerja pegawai (PermenPANRB 6/2022). `kurang` is "Kurang/Misconduct"; PP 30/2019's
/// "Cukup" is stored as `butuh_perbaikan`, its PermenPANRB 6/2022 equivalent.
enum class Predikat : std::uint8_t { sangat_baik = 0, baik, butuh_perbaikan, kurang, sangat_kurang };
/// Predikat kinerja organisasi (capaian kinerja organisasi, PermenPANRB 6/2022); `butuh_perbaikan`
/// is also called "Cukup".
enum class OrgPredikat : std::uint8_t { istimewa = 0, baik, butuh_perbaikan, kurang, sangat_kurang };
/// Potensial axis of the talent 9-box (PermenPANRB 3/2020).
enum class Potential : std::uint8_t { rendah = 0, menengah, tinggi };
/// IP ASN category (Peraturan BKN 8/2019).
enum class IpAsnCategory : std::uint8_t { sangat_tinggi = 0, tinggi, sedang, rendah, sangat_rendah };
/// Band of a PP 46/2011 SKP or prestasi kerja score (Perka BKN 1/2013).
enum class PrestasiBand : std::uint8_t { sangat_baik = 0, baik, cukup, kurang, buruk };
/// Level of a kreativitas award added to the PP 46/2011 SKP score (Perka BKN 1/2013).
enum class Kreativitas : std::uint8_t { none = 0, unit, organisasi, nasional };
/// Whether a higher or a lower actual value is better for a KPI.
enum class KpiDirection : std::uint8_t { higher = 0, lower };
/// What a KPI scheme does with a KPI whose actual value is missing: renormalise the weights over
/// the present KPIs, count it as zero achievement, or refuse the employee.
enum class KpiMissing : std::uint8_t { renormalise = 0, zero, refuse };

template <> struct EnumNames<Rating> {
    static constexpr std::array<std::string_view, 3> names{"di_bawah", "sesuai", "di_atas"};
};
template <> struct EnumNames<Predikat> {
    static constexpr std::array<std::string_view, 5> names{"sangat_baik", "baik", "butuh_perbaikan", "kurang",
                                                           "sangat_kurang"};
};
template <> struct EnumNames<OrgPredikat> {
    static constexpr std::array<std::string_view, 5> names{"istimewa", "baik", "butuh_perbaikan", "kurang",
                                                           "sangat_kurang"};
};
template <> struct EnumNames<Potential> {
    static constexpr std::array<std::string_view, 3> names{"rendah", "menengah", "tinggi"};
};
template <> struct EnumNames<IpAsnCategory> {
    static constexpr std::array<std::string_view, 5> names{"sangat_tinggi", "tinggi", "sedang", "rendah",
                                                           "sangat_rendah"};
};
template <> struct EnumNames<PrestasiBand> {
    static constexpr std::array<std::string_view, 5> names{"sangat_baik", "baik", "cukup", "kurang", "buruk"};
};
template <> struct EnumNames<Kreativitas> {
    static constexpr std::array<std::string_view, 4> names{"none", "unit", "organisasi", "nasional"};
};
template <> struct EnumNames<KpiDirection> {
    static constexpr std::array<std::string_view, 2> names{"higher", "lower"};
};
template <> struct EnumNames<KpiMissing> {
    static constexpr std::array<std::string_view, 3> names{"renormalise", "zero", "refuse"};
};

inline constexpr std::size_t kRatingCount = 3;
inline constexpr std::size_t kPredikatCount = 5;
inline constexpr std::size_t kPotentialCount = 3;
inline constexpr std::size_t kPositionClassCount = 7;
inline constexpr std::size_t kPositionLevelCount = 9;  ///< including `none`
inline constexpr std::size_t kEducationCount = 10;
inline constexpr std::size_t kDisciplineCount = 4;
/// Tolerance on a sum of weights: |sum - 1| <= 1e-9 (KPI schemes: relative to their total).
inline constexpr double kWeightTolerance = 1e-9;
/// Positive infinity, written as JSON null: an open upper end of a band table.
inline constexpr double kOpenEnd = std::numeric_limits<double>::infinity();

// ----- generic pieces ---------------------------------------------------------------------------

/// One band [from, to): a value x with from <= x < to gets `label` (the last band of a table also
/// takes x == to when `to` is the table's finite max).
struct Band {
    double from = 0;
    double to = 0;          ///< kOpenEnd for an open last band
    std::uint8_t label = 0;  ///< an enum code (or an index into KpiScheme::scale_labels)
};

/// Ordered bands covering [min, max] with no gap or overlap: bands[0].from == min, each
/// bands[i].to == bands[i+1].from, and the last `to` == max (max may be kOpenEnd).
struct BandTable {
    double min = 0;
    double max = 100;  ///< kOpenEnd for no upper bound
    std::vector<Band> bands;

    /// Label of `x`, or nullopt when x is NaN or outside [min, max].
    std::optional<std::uint8_t> find(double x) const noexcept;
};

/// A pair of weights for nilai SKP and nilai perilaku kerja (each > 0, summing to 1).
struct SkpPerilakuWeights {
    double skp = 0.6;
    double perilaku = 0.4;
};

// ----- sections ---------------------------------------------------------------------------------

/// PermenPANRB 6/2022: predikat kinerja from rating hasil kerja (rows) x rating perilaku (columns).
/// JSON: {"<hasil>": {"<perilaku>": "<predikat>", ...}, ...} with all nine cells.
struct PredikatMatrix {
    std::array<std::array<Predikat, kRatingCount>, kRatingCount> cell{};  ///< [hasil][perilaku]
};

/// Kind of bound in a distribution rule.
enum class DistributionBound : std::uint8_t { min_share = 0, max_share, min_count, max_count };
template <> struct EnumNames<DistributionBound> {
    static constexpr std::array<std::string_view, 4> names{"min_share", "max_share", "min_count", "max_count"};
};

/// One distribution rule: the number of employees whose predikat is in `predikat_mask` (bit p for
/// Predikat p) must be at least / at most `value` (a share in [0, 1], or a whole count).
/// A share becomes a count for a unit of n employees as ceil(value*n) for a minimum and
/// floor(value*n) for a maximum (each within 1e-9).
struct DistributionRule {
    std::uint8_t predikat_mask = 0;
    DistributionBound bound = DistributionBound::max_share;
    double value = 0;
};

/// PermenPANRB 6/2022 kurva distribusi: for each organisational predikat, the rules on its
/// employees' predikat. The predikat sets of one organisational predikat must be laminar (any two
/// are disjoint or nested), which keeps the smallest correction exactly computable.
/// JSON: {"<org predikat>": [{"predikat": [...], "<bound>": value}, ...], ...} for all five.
struct DistributionRules {
    std::array<std::vector<DistributionRule>, kPredikatCount> by_org;  ///< index OrgPredikat
};

/// PP 30/2019 Pasal 41: nilai kinerja = w_skp x nilai SKP + w_perilaku x nilai perilaku, with
/// 70/30 when perilaku is rated by the superior only and 60/40 with peer/subordinate (360) input;
/// predikat by bands on 0-120; Sangat Baik needs nilai >= sangat_baik_min and an innovation.
struct Pp30Rules {
    SkpPerilakuWeights superior_only{0.7, 0.3};
    SkpPerilakuWeights multi_rater{0.6, 0.4};
    BandTable predikat;  ///< labels are Predikat codes; Cukup is stored as butuh_perbaikan
    double sangat_baik_min = 110;
};

/// One step of the tugas tambahan table: `min_count` or more additional tasks add `points`.
struct TugasTambahanStep {
    std::uint32_t min_count = 0;
    double points = 0;
};

/// PP 46/2011 + Perka BKN 1/2013 (legacy SKP and prestasi kerja).
/// Per task: kuantitas = RO/TO x 100, kualitas = RK/TK x 100, waktu and biaya by the 1.76 rule:
/// efisiensi = 100 - R/T x 100; if efisiensi <= threshold: ((nt x T - R)/T) x 100, else
/// (100 - threshold) - (((nt x T - R)/T) x 100 - 100); a task with real output 0 (not carried
/// out) gets 0 for waktu and biaya. Task score = sum of aspects / 4 with a cost target, else / 3.
/// Nilai SKP = mean over tasks + tugas tambahan + kreativitas points. Prestasi kerja =
/// 60% SKP + 40% perilaku. Bands 91/76/61/51.
struct Pp46Rules {
    double nilai_tertimbang = 1.76;     ///< nt, the 1.76 "nilai tertimbang"
    double efficiency_threshold = 24;   ///< percent, in [0, 100)
    SkpPerilakuWeights weights{0.6, 0.4};
    BandTable prestasi;                 ///< labels are PrestasiBand codes; used for SKP and prestasi
    std::vector<TugasTambahanStep> tugas_tambahan;  ///< strictly increasing min_count (>= 1)
    std::array<double, 4> kreativitas{0, 3, 6, 12};  ///< points by Kreativitas; `none` must be 0
    std::vector<std::string> perilaku_elements;      ///< names of the perilaku kerja elements
};

/// IP ASN dimension weights (Peraturan BKN 8/2019): 25/40/30/5 %.
struct IpAsnWeights {
    double kualifikasi = 0.25;
    double kompetensi = 0.40;
    double kinerja = 0.30;
    double disiplin = 0.05;
};

/// Kompetensi points of one group of position classes (Peraturan BKN 8/2019 Pasal 8).
struct KompetensiGroup {
    std::string name;
    std::uint8_t position_classes = 0;  ///< bit c for PositionClass c
    double leadership_training = 0;     ///< diklat kepemimpinan matching the post
    double functional_training = 0;     ///< diklat fungsional matching the post
    double technical_training = 0;      ///< diklat teknis, at least technical_training_min_hours JP
    double seminar = 0;                 ///< seminar / workshop / magang / kursus
};

/// Indeks Profesionalitas ASN (PermenPANRB 38/2018, Peraturan BKN 8/2019). Each dimension score is
/// 100 x weight x points / (the dimension's maximum points): with the built-in tables (maxima
/// 25/40/30/5) that is the points themselves. IP ASN is their sum; the category comes from bands.
struct IpAsnRules {
    IpAsnWeights weights;
    std::array<double, kEducationCount> kualifikasi{};  ///< points by Education
    std::vector<KompetensiGroup> kompetensi;            ///< every PositionClass in exactly one group
    std::array<double, kPredikatCount> kinerja{};       ///< points by Predikat
    std::array<double, kDisciplineCount> disiplin{};    ///< points by Discipline
    double technical_training_min_hours = 20;            ///< training_hours >= this meets diklat teknis
    BandTable categories;                               ///< labels are IpAsnCategory codes
};

/// Talent 9-box (PermenPANRB 3/2020): box number by kinerja (Rating) x potensial, the potensial
/// cut-offs on a 0-100 score, the kinerja axis derived from a predikat, and the action per box.
struct TalentRules {
    std::array<std::array<std::uint8_t, kPotentialCount>, kRatingCount> box{};  ///< [Rating][Potential], 1..9 each once
    BandTable potential;                                   ///< labels are Potential codes
    std::array<Rating, kPredikatCount> performance_from_predikat{};  ///< by Predikat
    std::array<std::string, 9> actions;                    ///< recommended action of box b at [b-1]
};

/// Angka kredit of a jabatan fungsional (PermenPANRB 1/2023, Peraturan BKN 3/2023):
/// AK = percent[predikat] / 100 x koefisien[jenjang] x months / 12.
struct AngkaKreditRules {
    std::array<double, kPredikatCount> percent{};           ///< by Predikat (150/100/75/50/25)
    std::array<double, kPositionLevelCount> koefisien{};    ///< by PositionLevel; [none] is unused (0)
};

/// Who is listed for a reward or for coaching: predikat in the set, or talent box in the set.
struct PolicyRule {
    std::uint8_t predikat_mask = 0;  ///< bit p for Predikat p
    std::uint16_t box_mask = 0;      ///< bit b-1 for box b
};

/// Reward and coaching lists (tindak lanjut, PermenPANRB 6/2022 Pasal 5; talent pool and coaching
/// boxes, PermenPANRB 3/2020). A person may be on both lists.
struct PolicyRules {
    PolicyRule reward;
    PolicyRule coaching;
};

/// A generic weighted KPI scheme for agency-specific targets (KRAs, local KPIs).
/// Achievement per KPI = actual/target x 100 (higher is better) or target/actual x 100 (lower is
/// better), capped at the KPI's cap (or default_cap). The weights of one employee must sum to
/// weight_total (within 1e-9 relative). The score is the weighted achievement; the rating comes
/// from `scale`, whose labels index `scale_labels` (the scale is data, not fixed at 5 levels).
struct KpiScheme {
    KpiMissing missing = KpiMissing::refuse;
    double weight_total = 1;
    double default_cap = kOpenEnd;  ///< percent; kOpenEnd for no cap
    BandTable scale;
    std::vector<std::string> scale_labels;
};

/// The sections a rule set can hold; their JSON keys are these names.
enum class RuleSection : std::uint8_t {
    predikat_matrix = 0, distribution, pp30, pp46, ip_asn, talent, angka_kredit, policy, kpi
};
template <> struct EnumNames<RuleSection> {
    static constexpr std::array<std::string_view, 9> names{"predikat_matrix", "distribution", "pp30",
                                                           "pp46", "ip_asn", "talent", "angka_kredit",
                                                           "policy", "kpi"};
};

/// A named, versioned, validated set of regulatory tables.
class RuleSet {
public:
    /// An empty rule set (no sections). The name must not be empty.
    RuleSet(std::string name, std::string regulation, std::string version);

    /// A built-in rule set: "permenpanrb-6-2022" (predikat matrix, distribution), "pp-30-2019",
    /// "pp-46-2011", "perban-8-2019" (IP ASN), "permenpanrb-3-2020" (talent 9-box and the
    /// reward/coaching policy), "permenpanrb-1-2023" (angka kredit), and "default" (the current
    /// ones combined: 6/2022, Perban 8/2019, 3/2020, 1/2023). Throws NotFoundError.
    static RuleSet builtin(std::string_view name);
    /// Names of the built-in rule sets.
    static std::vector<std::string> names();
    /// Parses and validates a rule set (JSON format above). Throws FormatError for text that is
    /// not JSON, ValidationError (field = JSON path, rule "ruleset.*") for a bad rule set.
    static RuleSet from_json(std::string_view text);
    /// The rule set as JSON; from_json(to_json()) gives an equal rule set and the same text.
    /// `indent` < 0 gives one line.
    std::string to_json(int indent = 2) const;
    /// A rule set holding the sections and notes of all `parts` (a section may come from only
    /// one part: "ruleset.section_duplicate").
    static RuleSet combine(std::string name, std::string regulation, std::string version,
                           const std::vector<RuleSet>& parts);

    const std::string& name() const noexcept { return name_; }
    const std::string& regulation() const noexcept { return regulation_; }
    const std::string& version() const noexcept { return version_; }

    /// Notes per figure, keyed by JSON path (e.g. "ip_asn.points.disiplin"), starting with the
    /// ASN-RULES.md confidence tag ("UNCERTAIN: ...", "MEMORY: ...").
    const std::map<std::string, std::string>& notes() const noexcept { return notes_; }
    /// The note on `path`, or "" when there is none.
    std::string note(std::string_view path) const;
    /// Sets (or with empty text removes) the note on `path`, which must name a figure of this
    /// rule set ("ruleset.note_path").
    void set_note(const std::string& path, std::string text);

    bool has(RuleSection s) const noexcept;
    /// The sections present, in RuleSection order.
    std::vector<RuleSection> sections() const;

    // Sections. Each getter throws ValidationError (field = section name, rule
    // "ruleset.section_missing") when absent; each setter validates and throws ValidationError.
    const PredikatMatrix& predikat_matrix() const;
    const DistributionRules& distribution() const;
    const Pp30Rules& pp30() const;
    const Pp46Rules& pp46() const;
    const IpAsnRules& ip_asn() const;
    const TalentRules& talent() const;
    const AngkaKreditRules& angka_kredit() const;
    const PolicyRules& policy() const;
    const KpiScheme& kpi() const;
    void set_predikat_matrix(PredikatMatrix v);
    void set_distribution(DistributionRules v);
    void set_pp30(Pp30Rules v);
    void set_pp46(Pp46Rules v);
    void set_ip_asn(IpAsnRules v);
    void set_talent(TalentRules v);
    void set_angka_kredit(AngkaKreditRules v);
    void set_policy(PolicyRules v);
    void set_kpi(KpiScheme v);

private:
    std::string name_, regulation_, version_;
    std::map<std::string, std::string> notes_;
    std::optional<PredikatMatrix> predikat_matrix_;
    std::optional<DistributionRules> distribution_;
    std::optional<Pp30Rules> pp30_;
    std::optional<Pp46Rules> pp46_;
    std::optional<IpAsnRules> ip_asn_;
    std::optional<TalentRules> talent_;
    std::optional<AngkaKreditRules> angka_kredit_;
    std::optional<PolicyRules> policy_;
    std::optional<KpiScheme> kpi_;
};

}  // namespace penata
