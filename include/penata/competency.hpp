// penata — competency standards (standar kompetensi jabatan): the competency framework, the
// required level of each competency per position, and the assessed levels of employees.
//
// Regulation: PermenPANRB 38/2017 (Standar Kompetensi Jabatan ASN). A jabatan's competencies are of
// three types: manajerial (the eight of Lampiran II, M.01-M.08), sosial kultural (Perekat Bangsa)
// and teknis (set per instance by the PPK, or by the instansi pembina for a jabatan fungsional).
// Every competency has five levels (1-5), each with its behavioural description. See
// ASN-RULES.md section 3.
//
// Storage: levels are one byte (0 = not assessed / not required, 1..5 a level) in a row-major Eigen
// matrix, employees x competencies, so that a row is one employee's contiguous levels and numpy
// sees the same C-order layout without a copy.
//
// Errors: bad input raises ValidationError with Issues naming row, field, value and a stable rule id
// ("competency.*", "standards.*", "assessment.*"); JSON that does not parse and CSV that is not
// RFC 4180 raise FormatError.
//
// CSV (docs/schema.md, "Competency CSV"): RFC 4180 through libcsv, UTF-8, a leading byte order
// mark and CRLF or LF line ends accepted, fields taken as written (no trimming), a header naming
// the columns in any order. An unknown, missing or repeated column is an Issue with row 0 (the
// header) and rule "<area>.column_unknown" / "<area>.column_missing" / "<area>.column_duplicate";
// a row with another number of fields than the header is "row.field_count". Rows are numbered
// from 1 = the first data row, as for the workforce CSV.
#pragma once

#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "penata/codes.hpp"
#include "penata/rules.hpp"
#include "penata/workforce.hpp"

namespace penata {

/// Competency type (PermenPANRB 38/2017 Pasal 4): manajerial, sosial kultural, teknis.
enum class CompetencyType : std::uint8_t { manajerial = 0, sosial_kultural, teknis };
/// How a level was assessed: assessment centre, uji kompetensi, self assessment, the supervisor.
enum class AssessmentMethod : std::uint8_t { assessment_centre = 0, uji_kompetensi, self, supervisor };

template <> struct EnumNames<CompetencyType> {
    static constexpr std::array<std::string_view, 3> names{"manajerial", "sosial_kultural", "teknis"};
};
template <> struct EnumNames<AssessmentMethod> {
    static constexpr std::array<std::string_view, 4> names{"assessment_centre", "uji_kompetensi", "self",
                                                           "supervisor"};
};

/// Lowest and highest competency level (PermenPANRB 38/2017: five levels).
inline constexpr std::uint8_t kMinCompetencyLevel = 1;
inline constexpr std::uint8_t kMaxCompetencyLevel = 5;

/// Levels, employees (rows) x competencies (columns, framework order); 0 = none.
using LevelMatrix = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// One competency of a framework.
struct Competency {
    std::string code;                  ///< e.g. "M.01"; non-empty, <= 32 bytes, no spaces/commas/control characters
    std::string name;                  ///< non-empty, <= 200 bytes
    CompetencyType type = CompetencyType::teknis;
    std::array<std::string, 5> levels;  ///< description of level 1..5 at [0..4] (may be empty)
};

/// An ordered set of competencies with unique codes. The column of a competency in every level
/// matrix is its index here.
///
/// JSON format 1: {"penata_competencies": 1, "competencies": [{"code": "M.01", "name": "Integritas",
///   "type": "manajerial", "levels": ["...", "...", "...", "...", "..."]}, ...]}. "levels" is optional
///   on input (five empty descriptions); no other key is accepted. Errors: field is the JSON path
///   (e.g. "competencies[3].type"), rule "competency.*".
///
/// CSV: columns code, name, type (required) and level_1 .. level_5 (each optional, the description
/// of that level; absent = empty), one competency per row in framework order. Errors: Issue.row is
/// the data row, field the column name, rule "competency.code", "competency.code_duplicate",
/// "competency.name", "competency.type", "competency.count", "competency.column_*",
/// "row.field_count".
class CompetencyFramework {
public:
    CompetencyFramework() = default;
    /// The eight managerial competencies of PermenPANRB 38/2017 Lampiran II (M.01 Integritas,
    /// M.02 Kerjasama, M.03 Komunikasi, M.04 Orientasi pada Hasil, M.05 Pelayanan Publik,
    /// M.06 Pengembangan Diri dan Orang Lain, M.07 Mengelola Perubahan, M.08 Pengambilan
    /// Keputusan) and the sosial kultural competency Perekat Bangsa, coded "SK.01" here (the
    /// regulation does not number it; "SK.01" is penata's convention). Level descriptions are short
    /// summaries, not the regulation's indicator text.
    static CompetencyFramework builtin();
    /// Parses a framework (format above). FormatError for non-JSON, ValidationError otherwise.
    static CompetencyFramework from_json(std::string_view text);
    /// The framework as JSON; from_json(to_json()) is equal. `indent` < 0 gives one line.
    std::string to_json(int indent = 2) const;
    /// Parses a framework from CSV (format above). Every bad row is reported in one
    /// ValidationError; FormatError for text that is not CSV or has no header.
    static CompetencyFramework from_csv(std::string_view text);
    /// The framework as CSV: header code,name,type,level_1,...,level_5, CRLF line ends, fields
    /// quoted only where needed; from_csv(to_csv()) is equal.
    std::string to_csv() const;

    /// Appends a competency after validating it ("competency.code", "competency.code_duplicate",
    /// "competency.name"); returns its index. At most 65535 competencies.
    std::size_t add(Competency c);

    std::size_t size() const noexcept { return items_.size(); }
    bool empty() const noexcept { return items_.empty(); }
    const Competency& operator[](std::size_t i) const { return items_.at(i); }
    const std::vector<Competency>& all() const noexcept { return items_; }
    /// Index of the competency with this code, or nullopt.
    std::optional<std::size_t> find(std::string_view code) const;
    /// Index of the competency with this code; throws NotFoundError.
    std::size_t index(std::string_view code) const;
    /// True when both have the same codes in the same order (level matrices are compatible).
    bool same_codes(const CompetencyFramework& other) const;

    friend bool operator==(const CompetencyFramework& a, const CompetencyFramework& b);

private:
    std::vector<Competency> items_;
};

/// Number of position kinds a default standard (and an eligibility range) is given for: the six
/// non-fungsional position classes, then the eight fungsional jenjang.
inline constexpr std::size_t kPositionKindCount = 14;
/// Index 0..13 of a position kind: PositionClass 0..5 (jpt_utama..pelaksana), or 6 + (level - 1)
/// for a jabatan fungsional of jenjang `level` (ahli_pertama..penyelia). nullopt for fungsional
/// without a level or a level on a non-fungsional class.
std::optional<std::size_t> position_kind(PositionClass cls, PositionLevel level) noexcept;
/// Text of a position kind: the class name ("jpt_utama".."pelaksana") or the jenjang name
/// ("ahli_pertama".."penyelia").
std::string_view position_kind_name(std::size_t kind);

/// Standar kompetensi jabatan (PermenPANRB 38/2017): the required level (1..5, or 0 = not
/// required) of each competency of a framework for each position.
///
/// Defaults are given per competency type and position kind. The built-in defaults for
/// manajerial and sosial kultural follow the "typical required level" convention of ASN-RULES.md
/// 3.1, which is tagged MEMORY/UNCERTAIN (not found in the regulation): JPT Utama 5, JPT Madya 5,
/// JPT Pratama 4, Administrator 3, Pengawas 2, Pelaksana 1, JF Ahli Utama 4, Ahli Madya 3,
/// Ahli Muda 2, Ahli Pertama 1, keterampilan Pemula 1, Terampil 1, Mahir 2, Penyelia 2 (the
/// source gives "1-2" for keterampilan). Teknis defaults are 0: a teknis standard is set per
/// position (by the PPK or instansi pembina). notes() carries the tags.
/// A position name (Employee::position_name) can override any competency's level.
///
/// Overrides CSV (add_overrides_csv): columns position_name, competency (a framework code), level
/// (a whole number 0..5; 0 = not required). Errors: field is the column name, rule
/// "standards.position_name" (empty or longer than 200 bytes), "standards.unknown_competency",
/// "standards.level", "standards.override_duplicate" (the same position and competency twice in one
/// file), "standards.column_*", "row.field_count".
///
/// JSON format 1: {"penata_standards": 1, "name": "...", "notes": {"<path>": "MEMORY: ..."},
///   "defaults": {"manajerial": {"jpt_utama": 5, ...all 14 kinds}, "sosial_kultural": {...},
///                "teknis": {...}},
///   "overrides": {"<position name>": {"<competency code>": level, ...}, ...}}
/// ("notes" and "overrides" optional). Errors: field is the JSON path, rule "standards.*".
class PositionStandards {
public:
    /// Defaults per type: [CompetencyType][position kind].
    using Defaults = std::array<std::array<std::uint8_t, kPositionKindCount>, 3>;

    /// The built-in defaults (above) over `framework`.
    explicit PositionStandards(CompetencyFramework framework);
    /// Given defaults; each level must be 0..5 ("standards.level").
    PositionStandards(CompetencyFramework framework, const Defaults& defaults);
    /// Parses standards over `framework` (format above); an override naming a code that is not in
    /// the framework is "standards.unknown_competency".
    static PositionStandards from_json(CompetencyFramework framework, std::string_view text);
    std::string to_json(int indent = 2) const;

    const CompetencyFramework& framework() const noexcept { return framework_; }
    const Defaults& defaults() const noexcept { return defaults_; }
    /// Sets one default level (0..5).
    void set_default(CompetencyType type, std::size_t kind, std::uint8_t level);
    /// Sets the required level (0..5; 0 = not required) of `code` for positions named
    /// `position_name`. Throws ValidationError "standards.unknown_competency" / "standards.level".
    void set_override(const std::string& position_name, std::string_view code, std::uint8_t level);
    /// Sets the overrides listed in a CSV (format above), all or none: every bad row is reported in
    /// one ValidationError and then no override is changed. A listed override replaces one set
    /// before. FormatError for text that is not CSV or has no header.
    void add_overrides_csv(std::string_view text);
    /// Overrides by position name, then competency index.
    const std::map<std::string, std::map<std::size_t, std::uint8_t>>& overrides() const noexcept {
        return overrides_;
    }

    /// The required level of every competency (framework order) for a position. Throws
    /// ValidationError "standards.position" for a class/level pair without a kind.
    std::vector<std::uint8_t> required(PositionClass cls, PositionLevel level,
                                       std::string_view position_name = {}) const;
    /// Required levels of the employees in `rows` (all when empty), rows x competencies.
    LevelMatrix required(const Workforce& wf, Span<std::uint32_t> rows = {}) const;

    /// Notes on figures keyed by JSON path ("defaults.manajerial.jpt_madya").
    const std::map<std::string, std::string>& notes() const noexcept { return notes_; }
    std::string name;  ///< free label, written to JSON

private:
    CompetencyFramework framework_;
    Defaults defaults_{};
    std::map<std::string, std::map<std::size_t, std::uint8_t>> overrides_;
    std::map<std::string, std::string> notes_;
};

/// One assessment as given: employee, competency code, level, date, method.
struct AssessmentRecord {
    std::uint64_t nip = 0;
    std::string competency;
    std::uint8_t level = 0;     ///< 1..5
    std::int32_t date = 0;      ///< days since 1970-01-01
    AssessmentMethod method = AssessmentMethod::assessment_centre;
};

/// Assessments as columns, for a bulk add: one element per record, every span the same length.
/// The spans are read during the call only.
struct AssessmentColumns {
    Span<std::uint64_t> nip;
    Span<std::uint16_t> competency;  ///< framework index
    Span<std::uint8_t> level;        ///< 1..5
    Span<std::int32_t> date;         ///< days since 1970-01-01
    Span<std::uint8_t> method;       ///< AssessmentMethod code
};

/// Assessment history: append-only, never overwritten. Each record is one employee's level on one
/// competency at one date. Analysis uses the latest record on or before a chosen date.
///
/// Storage: five columns in the order added (16 bytes a record) and an index of record numbers
/// (4 bytes a record) kept sorted by (NIP, competency, date): about 20 bytes a record in all, so
/// 4.3 million employees x 9 competencies (40 million records) take about 800 MB. An add sorts its
/// batch (O(m log m); a batch already in that order is only checked) using 16 more bytes a record
/// while it runs, and merges it into the index (O(m log(n/m)) to find the places, plus moving the
/// index entries after the first insertion point): add in batches, not record by record, when the
/// history is large. At most 4,294,967,295 records ("assessment.count").
///
/// Errors of an add: every bad record is reported in one ValidationError (Issue.row = index in
/// the batch + 1, field "nip" | "competency" | "level" | "date" | "method"), and nothing is added:
/// "assessment.nip" (0, or more than 18 digits), "assessment.competency" (unknown code or index),
/// "assessment.level" (not 1..5), "assessment.method" (unknown code), "assessment.date_future"
/// (after `today`), "assessment.duplicate" (same NIP + competency + date as another record, in the
/// history or earlier in this batch). At most 1000 issues are listed; when there are more, a last
/// Issue with rule "assessment.more_issues" (row -1, value the number) counts the rest.
///
/// CSV (add_csv / to_csv): columns nip (18 digits), competency (a framework code), level (1..5),
/// date (YYYY-MM-DD), method (assessment_centre | uji_kompetensi | self | supervisor), in any
/// order. A cell that does not parse is an Issue with the rule of its column ("assessment.nip",
/// "assessment.competency", "assessment.level", "assessment.date" for a malformed or impossible
/// date, "assessment.method"); header rules "assessment.column_*".
class Assessments {
public:
    explicit Assessments(CompetencyFramework framework);

    /// Appends all records of `columns` or none. `today` (days since 1970-01-01, given by the
    /// caller: penata reads no clock) is the latest allowed date. Errors as above, plus
    /// "assessment.columns" (one Issue, row -1) when the spans differ in length or a non-empty
    /// span has no data.
    void add(const AssessmentColumns& columns, std::int32_t today);
    /// As add(columns): the competency is given by its code (an unknown code is
    /// "assessment.competency" with the code as value).
    void add(const std::vector<AssessmentRecord>& records, std::int32_t today);
    void add(const AssessmentRecord& record, std::int32_t today) { add(std::vector<AssessmentRecord>{record}, today); }
    /// Appends the records of a CSV text (format above), all or none; Issue.row is the data row
    /// (1 = the first row after the header). FormatError for text that is not CSV or has no header.
    void add_csv(std::string_view text, std::int32_t today);
    /// Every record in the order added, as CSV: header nip,competency,level,date,method, CRLF line
    /// ends; add_csv of it into an empty history over the same framework gives the same columns.
    std::string to_csv() const;

    const CompetencyFramework& framework() const noexcept { return framework_; }
    std::size_t size() const noexcept { return nip_.size(); }
    // Columns, one element per record, in the order added.
    const std::vector<std::uint64_t>& nip() const noexcept { return nip_; }
    const std::vector<std::uint16_t>& competency() const noexcept { return competency_; }  ///< framework index
    const std::vector<std::uint8_t>& level() const noexcept { return level_; }
    const std::vector<std::int32_t>& date() const noexcept { return date_; }
    const std::vector<std::uint8_t>& method() const noexcept { return method_; }  ///< AssessmentMethod
    AssessmentRecord record(std::size_t i) const;
    /// Bytes held by the columns and the index (their capacity), without the framework.
    std::size_t memory_bytes() const noexcept;

    /// The latest level of each employee in `rows` of `wf` (all when empty) and competency on or
    /// before `as_of`: rows x competencies, 0 where there is none. Records of NIPs not in `wf` are
    /// ignored; a row listed twice gets its levels twice; a row >= wf.size() throws NotFoundError.
    /// One pass over the index (or, for a few rows, a binary search per row); no sort.
    LevelMatrix latest(const Workforce& wf, std::int32_t as_of, Span<std::uint32_t> rows = {}) const;
    /// The latest record index for one employee and competency on or before `as_of`, or nullopt
    /// (binary search). Throws NotFoundError for a code that is not in the framework.
    std::optional<std::size_t> latest(std::uint64_t nip, std::string_view code, std::int32_t as_of) const;

private:
    friend struct AssessmentStore;  // src/competency.cpp: the bulk add
    friend struct ArchiveAccess;    // src/archive.cpp
    CompetencyFramework framework_;
    std::vector<std::uint64_t> nip_;
    std::vector<std::uint16_t> competency_;
    std::vector<std::uint8_t> level_;
    std::vector<std::int32_t> date_;
    std::vector<std::uint8_t> method_;
    std::vector<std::uint32_t> order_;  ///< record numbers sorted by (nip, competency, date)
};

}  // namespace penata
