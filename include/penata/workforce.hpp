// penata — the workforce: employees stored as columns.
//
// A Workforce keeps every canonical field (docs/schema.md) in its own contiguous vector: numbers
// and one-byte codes as they are, position names dictionary-encoded, names in one string arena,
// units as indices into its Units tree. It validates every employee on the way in (field rules,
// NIP agreement, golongan for the employment type, fungsional level, unit existence, unique NIP),
// finds a NIP in constant time, and hands out whole columns for bulk computation.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "penata/codes.hpp"
#include "penata/error.hpp"
#include "penata/nip.hpp"
#include "penata/units.hpp"

namespace penata {

class CsvImporter;

/// The canonical fields, in their canonical column order.
enum class Field : std::uint8_t {
    nip = 0, name, employment_type, gender, birth_date, tmt, golongan, position_class,
    position_level, position_name, unit_code, education, training_hours, discipline
};
inline constexpr std::size_t kFieldCount = 14;
inline constexpr std::array<std::string_view, kFieldCount> kFieldNames{
    "nip", "name", "employment_type", "gender", "birth_date", "tmt", "golongan",
    "position_class", "position_level", "position_name", "unit_code", "education",
    "training_hours", "discipline"};
constexpr std::string_view field_name(Field f) { return kFieldNames[static_cast<std::size_t>(f)]; }
/// The field with this exact canonical name, or nullopt.
std::optional<Field> field_from_name(std::string_view name);

/// Maximum length in bytes of the free-text fields `name` and `position_name`.
inline constexpr std::size_t kMaxTextLength = 200;

/// One employee as plain values (the row form, for adding, updating and reading one person).
struct Employee {
    std::uint64_t nip = 0;
    std::string name;
    EmploymentType employment_type = EmploymentType::PNS;
    Gender gender = Gender::L;
    std::int32_t birth_date = 0;  ///< days since 1970-01-01
    std::int32_t tmt = 0;         ///< months since 1970-01 (first appointment)
    std::uint8_t golongan = 0;    ///< 1..17, see golongan_text()
    PositionClass position_class = PositionClass::pelaksana;
    PositionLevel position_level = PositionLevel::none;
    std::string position_name;
    std::string unit_code;
    Education education = Education::SLTA;
    double training_hours = 0;    ///< JP completed this year
    Discipline discipline = Discipline::none;
};

/// Converts the text form of every field (as in a CSV row) into an Employee. Appends one Issue
/// per bad field to `issues` (with `row`), and returns nullopt when any field was bad. Only the
/// field-level rules are checked here; Workforce::check adds the cross-field ones.
std::optional<Employee> parse_employee(const std::array<std::string_view, kFieldCount>& text,
                                       std::int64_t row, std::vector<Issue>& issues);
/// As above, into an existing Employee (reusing its string capacity); returns false when any
/// field was bad (`out` then holds the fields that parsed).
bool parse_employee(const std::array<std::string_view, kFieldCount>& text, std::int64_t row,
                    std::vector<Issue>& issues, Employee& out);

/// The text form of one field of an employee (as written to CSV).
std::string field_text(const Employee& e, Field f);

/// Which type a numeric column has; see Workforce::column.
enum class ColumnType : std::uint8_t { u8, i32, u32, u64, f64 };

/// A read-only view of one column; valid until the workforce changes.
struct ColumnView {
    ColumnType type;
    const void* data;
    std::size_t size;
};

class Workforce;

/// A view of one employee in a Workforce (not a copy); valid until the workforce changes.
class EmployeeRef {
public:
    EmployeeRef(const Workforce& wf, std::size_t row) : wf_(&wf), row_(row) {}
    std::size_t row() const noexcept { return row_; }
    std::uint64_t nip() const;
    std::string_view name() const;
    EmploymentType employment_type() const;
    Gender gender() const;
    std::int32_t birth_date() const;
    std::int32_t tmt() const;
    std::uint8_t golongan() const;
    std::string_view golongan_text() const;
    PositionClass position_class() const;
    PositionLevel position_level() const;
    std::string_view position_name() const;
    std::string_view unit_code() const;
    Education education() const;
    double training_hours() const;
    Discipline discipline() const;
    /// A copy as plain values.
    Employee get() const;

private:
    const Workforce* wf_;
    std::size_t row_;
};

class Workforce {
public:
    /// An empty workforce over a unit tree, validating NIPs with `nip_rules`.
    explicit Workforce(Units units = Units(), NipRules nip_rules = NipRules{});

    std::size_t size() const noexcept { return nip_.size(); }
    bool empty() const noexcept { return nip_.empty(); }
    const Units& units() const noexcept { return units_; }
    /// Adds a unit to the tree (see Units::add); units cannot be removed while employees refer to them.
    std::uint32_t add_unit(std::string code, std::string name, std::string_view parent_code = {});
    const NipRules& nip_rules() const noexcept { return nip_rules_; }

    /// Every rule an employee would break if added (or, with `replacing`, if it replaced the
    /// employee with the same NIP): NIP structure, gender/birth date/TMT agreement with the NIP,
    /// minimum age at TMT, golongan for the employment type, level for fungsional only, known unit,
    /// non-negative finite training hours, text lengths, unique NIP. Issues carry `row`.
    std::vector<Issue> check(const Employee& e, std::int64_t row = -1, bool replacing = false) const;

    /// Adds an employee after check(); throws ValidationError with every issue. Returns its row.
    std::size_t add(const Employee& e);
    /// Replaces the employee with the same NIP after check(); throws NotFoundError or ValidationError.
    void update(const Employee& e);
    /// Removes the employee with this NIP (rows after it move up by one); throws NotFoundError.
    void remove(std::uint64_t nip);
    /// Removes every row whose mask byte is non-zero, keeping the order of the rest; returns how
    /// many were removed. The mask must have size() bytes.
    std::size_t remove_rows(const std::vector<std::uint8_t>& mask);
    /// Reserves room for `n` employees.
    void reserve(std::size_t n);
    /// Removes the rows from `n` on (keeps the first n); used to roll back a failed bulk add.
    void truncate(std::size_t n);

    /// Row of the employee with this NIP, in constant time; nullopt when absent.
    std::optional<std::size_t> find(std::uint64_t nip) const;
    EmployeeRef operator[](std::size_t row) const { return EmployeeRef(*this, row); }

    /// Iterates the employees in row order as EmployeeRef views:
    /// `for (penata::EmployeeRef e : wf) ...`. (Bulk work reads whole columns instead.)
    class Iterator {
    public:
        Iterator(const Workforce& wf, std::size_t row) : wf_(&wf), row_(row) {}
        EmployeeRef operator*() const { return EmployeeRef(*wf_, row_); }
        Iterator& operator++() {
            ++row_;
            return *this;
        }
        bool operator!=(const Iterator& o) const { return row_ != o.row_ || wf_ != o.wf_; }
        bool operator==(const Iterator& o) const { return !(*this != o); }

    private:
        const Workforce* wf_;
        std::size_t row_;
    };
    Iterator begin() const { return Iterator(*this, 0); }
    Iterator end() const { return Iterator(*this, size()); }
    /// Bounds-checked view; throws NotFoundError.
    EmployeeRef at(std::size_t row) const;

    /// Rows whose unit is `unit_code` (and, with include_subunits, any unit below it), in row
    /// order. Throws NotFoundError for an unknown unit.
    std::vector<std::uint32_t> select_unit(std::string_view unit_code, bool include_subunits = true) const;
    /// Rows whose mask byte is non-zero, in row order. The mask must have size() bytes.
    std::vector<std::uint32_t> select(const std::vector<std::uint8_t>& mask) const;

    // Columns, contiguous, one element per employee.
    const std::vector<std::uint64_t>& nip() const noexcept { return nip_; }
    const std::vector<std::uint8_t>& employment_type() const noexcept { return employment_type_; }
    const std::vector<std::uint8_t>& gender() const noexcept { return gender_; }
    const std::vector<std::int32_t>& birth_date() const noexcept { return birth_date_; }
    const std::vector<std::int32_t>& tmt() const noexcept { return tmt_; }
    const std::vector<std::uint8_t>& golongan() const noexcept { return golongan_; }
    const std::vector<std::uint8_t>& position_class() const noexcept { return position_class_; }
    const std::vector<std::uint8_t>& position_level() const noexcept { return position_level_; }
    /// Codes into position_name_dictionary().
    const std::vector<std::uint32_t>& position_name_code() const noexcept { return position_name_code_; }
    const std::vector<std::string>& position_name_dictionary() const noexcept { return position_names_; }
    /// Indices into units().
    const std::vector<std::uint32_t>& unit_index() const noexcept { return unit_; }
    const std::vector<std::uint8_t>& education() const noexcept { return education_; }
    const std::vector<double>& training_hours() const noexcept { return training_hours_; }
    const std::vector<std::uint8_t>& discipline() const noexcept { return discipline_; }
    std::string_view name(std::size_t row) const;

    /// Any numeric column by field (name has none: use name(row)); position_name gives the
    /// dictionary codes and unit_code the unit indices.
    ColumnView column(Field f) const;

    /// Bytes held by the employee store: all columns, the NIP index and, when include_names,
    /// the name arena (names are free text and dominate memory).
    std::size_t memory_bytes(bool include_names = true) const;

private:
    friend class EmployeeRef;
    friend class CsvImporter;
    friend struct ArchiveAccess;
    /// The rules between fields and against the workforce (NIP agreement, level, unit, unique
    /// NIP), for an employee whose fields are each valid; returns the unit index (or
    /// Units::kNoParent when the unit is unknown).
    std::uint32_t check_relations(const Employee& e, std::int64_t row, bool replacing, std::vector<Issue>& out) const;
    void append(const Employee& e, std::uint32_t unit);
    /// Rebuilds the NIP index with room for at least `room` rows; returns the first row whose NIP
    /// an earlier row already has (only a loaded archive can have one).
    std::optional<std::size_t> rebuild_index(std::size_t room = 0);
    void verify_and_index();  ///< after loading an archive: invariants, dictionaries, NIP index
    void index_insert(std::uint32_t row);
    std::uint32_t intern_position(const std::string& name);

    Units units_;
    NipRules nip_rules_;
    std::vector<std::uint64_t> nip_;
    std::vector<std::uint8_t> employment_type_, gender_, golongan_, position_class_,
        position_level_, education_, discipline_;
    std::vector<std::int32_t> birth_date_, tmt_;
    std::vector<std::uint32_t> position_name_code_, unit_;
    std::vector<double> training_hours_;
    std::string name_arena_;                ///< names, back to back (update appends)
    std::vector<std::uint64_t> name_start_;  ///< name i is name_arena_[name_start_[i], +name_length_[i])
    std::vector<std::uint32_t> name_length_;
    std::vector<std::string> position_names_;
    std::unordered_map<std::string, std::uint32_t> position_lookup_;
    std::vector<std::uint32_t> index_;  ///< open addressing over rows, kEmptySlot when free
};

}  // namespace penata
