#include "penata/workforce.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "penata/date.hpp"

namespace penata {

namespace {
constexpr std::uint32_t kEmptySlot = 0xFFFFFFFFu;

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
    x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27; x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

template <class E> std::string allowed() {
    std::string s;
    for (auto n : EnumNames<E>::names) s += (s.empty() ? "" : "|") + std::string(n.empty() ? "(empty)" : n);
    return s;
}

Issue issue(std::int64_t row, Field f, std::string_view value, std::string rule, std::string msg) {
    return Issue{row, std::string(field_name(f)), clip_value(std::string(value)), std::move(rule), std::move(msg)};
}

template <class E>
bool parse_enum(std::string_view text, Field f, std::int64_t row, std::vector<Issue>& issues, E& out) {
    if (auto v = from_text<E>(text)) { out = *v; return true; }
    issues.push_back(issue(row, f, text, std::string(field_name(f)) + ".known", "must be one of " + allowed<E>()));
    return false;
}

bool check_text(std::string_view text, Field f, bool required, std::int64_t row, std::vector<Issue>& issues) {
    const std::string fname(field_name(f));
    if (required && text.empty()) {
        issues.push_back(issue(row, f, text, fname + ".required", "must not be empty"));
        return false;
    }
    if (text.size() > kMaxTextLength) {
        issues.push_back(issue(row, f, text, fname + ".length",
                               "has " + std::to_string(text.size()) + " bytes; at most " +
                                   std::to_string(kMaxTextLength) + " are allowed"));
        return false;
    }
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f) {
            issues.push_back(issue(row, f, text, fname + ".chars", "must not contain control characters (tab, newline, ...)"));
            return false;
        }
    return true;
}

// 18 decimal digits into the buffer, for NIP re-parsing without allocation.
std::string_view nip_digits(std::uint64_t nip, char (&buf)[18]) {
    for (int i = 17; i >= 0; --i) { buf[i] = static_cast<char>('0' + nip % 10); nip /= 10; }
    return std::string_view(buf, 18);
}
}  // namespace

std::optional<Field> field_from_name(std::string_view name) {
    for (std::size_t i = 0; i < kFieldCount; ++i)
        if (kFieldNames[i] == name) return static_cast<Field>(i);
    return std::nullopt;
}

bool parse_employee(const std::array<std::string_view, kFieldCount>& t, std::int64_t row,
                    std::vector<Issue>& issues, Employee& e) {
    const std::size_t before = issues.size();
    auto text = [&](Field f) { return t[static_cast<std::size_t>(f)]; };

    const auto nip = text(Field::nip);
    if (nip.empty()) issues.push_back(issue(row, Field::nip, nip, "nip.required", "must not be empty"));
    else if (!std::all_of(nip.begin(), nip.end(), [](char c) { return c >= '0' && c <= '9'; }))
        issues.push_back(issue(row, Field::nip, nip, "nip.digits", "must contain digits only"));
    else if (nip.size() != 18)
        issues.push_back(issue(row, Field::nip, nip, "nip.length", "must have 18 digits, not " + std::to_string(nip.size())));
    else std::from_chars(nip.data(), nip.data() + nip.size(), e.nip);

    if (check_text(text(Field::name), Field::name, true, row, issues)) e.name.assign(text(Field::name));
    const bool type_ok = parse_enum(text(Field::employment_type), Field::employment_type, row, issues, e.employment_type);
    parse_enum(text(Field::gender), Field::gender, row, issues, e.gender);

    if (auto d = parse_date(text(Field::birth_date))) e.birth_date = *d;
    else issues.push_back(issue(row, Field::birth_date, text(Field::birth_date), "birth_date.format",
                                "must be a real calendar date written YYYY-MM-DD"));
    if (auto m = parse_year_month(text(Field::tmt))) e.tmt = *m;
    else issues.push_back(issue(row, Field::tmt, text(Field::tmt), "tmt.format", "must be a year and month written YYYY-MM (month 01-12)"));

    if (type_ok) {
        if (auto g = parse_golongan(e.employment_type, text(Field::golongan))) e.golongan = *g;
        else issues.push_back(issue(row, Field::golongan, text(Field::golongan), "golongan.known",
                                    e.employment_type == EmploymentType::PNS
                                        ? "must be a PNS golongan/ruang I/a..IV/e (PP 99/2000)"
                                        : "must be a PPPK golongan I..XVII (Perpres 98/2020)"));
    }
    parse_enum(text(Field::position_class), Field::position_class, row, issues, e.position_class);
    parse_enum(text(Field::position_level), Field::position_level, row, issues, e.position_level);
    if (check_text(text(Field::position_name), Field::position_name, true, row, issues))
        e.position_name.assign(text(Field::position_name));
    if (check_text(text(Field::unit_code), Field::unit_code, true, row, issues)) e.unit_code.assign(text(Field::unit_code));
    parse_enum(text(Field::education), Field::education, row, issues, e.education);

    const auto th = text(Field::training_hours);
    double hours = 0;
    auto [end, ec] = std::from_chars(th.data(), th.data() + th.size(), hours);
    if (th.empty() || ec != std::errc() || end != th.data() + th.size() || !std::isfinite(hours))
        issues.push_back(issue(row, Field::training_hours, th, "training_hours.number", "must be a finite decimal number of JP"));
    else if (hours < 0)
        issues.push_back(issue(row, Field::training_hours, th, "training_hours.non_negative", "must be >= 0 (JP completed this year)"));
    else e.training_hours = hours;

    parse_enum(text(Field::discipline), Field::discipline, row, issues, e.discipline);
    return issues.size() == before;
}

std::optional<Employee> parse_employee(const std::array<std::string_view, kFieldCount>& text,
                                       std::int64_t row, std::vector<Issue>& issues) {
    Employee e;
    if (!parse_employee(text, row, issues, e)) return std::nullopt;
    return e;
}

std::string field_text(const Employee& e, Field f) {
    switch (f) {
        case Field::nip: return format_nip(e.nip);
        case Field::name: return e.name;
        case Field::employment_type: return std::string(to_text(e.employment_type));
        case Field::gender: return std::string(to_text(e.gender));
        case Field::birth_date: return format_date(e.birth_date);
        case Field::tmt: return format_year_month(e.tmt);
        case Field::golongan: return std::string(golongan_text(e.employment_type, e.golongan));
        case Field::position_class: return std::string(to_text(e.position_class));
        case Field::position_level: return std::string(to_text(e.position_level));
        case Field::position_name: return e.position_name;
        case Field::unit_code: return e.unit_code;
        case Field::education: return std::string(to_text(e.education));
        case Field::training_hours: {
            char buf[32];
            auto r = std::to_chars(buf, buf + sizeof buf, e.training_hours);
            return std::string(buf, r.ptr);
        }
        case Field::discipline: return std::string(to_text(e.discipline));
    }
    return {};
}

// ---- EmployeeRef --------------------------------------------------------------------------

std::uint64_t EmployeeRef::nip() const { return wf_->nip_[row_]; }
std::string_view EmployeeRef::name() const { return wf_->name(row_); }
EmploymentType EmployeeRef::employment_type() const { return EmploymentType(wf_->employment_type_[row_]); }
Gender EmployeeRef::gender() const { return Gender(wf_->gender_[row_]); }
std::int32_t EmployeeRef::birth_date() const { return wf_->birth_date_[row_]; }
std::int32_t EmployeeRef::tmt() const { return wf_->tmt_[row_]; }
std::uint8_t EmployeeRef::golongan() const { return wf_->golongan_[row_]; }
std::string_view EmployeeRef::golongan_text() const { return penata::golongan_text(employment_type(), golongan()); }
PositionClass EmployeeRef::position_class() const { return PositionClass(wf_->position_class_[row_]); }
PositionLevel EmployeeRef::position_level() const { return PositionLevel(wf_->position_level_[row_]); }
std::string_view EmployeeRef::position_name() const { return wf_->position_names_[wf_->position_name_code_[row_]]; }
std::string_view EmployeeRef::unit_code() const { return wf_->units_[wf_->unit_[row_]].code; }
Education EmployeeRef::education() const { return Education(wf_->education_[row_]); }
double EmployeeRef::training_hours() const { return wf_->training_hours_[row_]; }
Discipline EmployeeRef::discipline() const { return Discipline(wf_->discipline_[row_]); }

Employee EmployeeRef::get() const {
    return Employee{nip(), std::string(name()), employment_type(), gender(), birth_date(), tmt(), golongan(),
                    position_class(), position_level(), std::string(position_name()), std::string(unit_code()),
                    education(), training_hours(), discipline()};
}

// ---- Workforce ----------------------------------------------------------------------------

Workforce::Workforce(Units units, NipRules nip_rules) : units_(std::move(units)), nip_rules_(std::move(nip_rules)) {
    nip_rules_.validate();
}

std::uint32_t Workforce::add_unit(std::string code, std::string name, std::string_view parent_code) {
    return units_.add(std::move(code), std::move(name), parent_code);
}

std::vector<Issue> Workforce::check(const Employee& e, std::int64_t row, bool replacing) const {
    std::vector<Issue> out;
    auto add = [&](Field f, std::string value, std::string rule, std::string msg) {
        out.push_back(issue(row, f, value, std::move(rule), std::move(msg)));
    };
    // Values that only the typed API can get wrong (text parsing never produces them).
    const bool type_ok = static_cast<std::uint8_t>(e.employment_type) <= 1;
    if (!type_ok) add(Field::employment_type, std::to_string(int(e.employment_type)), "employment_type.known", "must be PNS or PPPK");
    if (static_cast<std::uint8_t>(e.gender) > 1) add(Field::gender, std::to_string(int(e.gender)), "gender.known", "must be L or P");
    if (static_cast<std::size_t>(e.position_class) >= EnumNames<PositionClass>::names.size())
        add(Field::position_class, std::to_string(int(e.position_class)), "position_class.known", "must be one of " + allowed<PositionClass>());
    if (static_cast<std::size_t>(e.position_level) >= EnumNames<PositionLevel>::names.size())
        add(Field::position_level, std::to_string(int(e.position_level)), "position_level.known", "must be one of " + allowed<PositionLevel>());
    if (static_cast<std::size_t>(e.education) >= EnumNames<Education>::names.size())
        add(Field::education, std::to_string(int(e.education)), "education.known", "must be one of " + allowed<Education>());
    if (static_cast<std::size_t>(e.discipline) >= EnumNames<Discipline>::names.size())
        add(Field::discipline, std::to_string(int(e.discipline)), "discipline.known", "must be one of " + allowed<Discipline>());
    if (e.golongan < 1 || e.golongan > kGolonganCount)
        add(Field::golongan, std::to_string(int(e.golongan)), "golongan.known", "golongan code must be 1..17");
    check_text(e.name, Field::name, true, row, out);
    check_text(e.position_name, Field::position_name, true, row, out);
    if (!(std::isfinite(e.training_hours) && e.training_hours >= 0))
        add(Field::training_hours, field_text(e, Field::training_hours), "training_hours.non_negative", "must be a finite number >= 0");

    check_relations(e, row, replacing, out);
    return out;
}

std::uint32_t Workforce::check_relations(const Employee& e, std::int64_t row, bool replacing,
                                         std::vector<Issue>& out) const {
    auto add = [&](Field f, std::string value, std::string rule, std::string msg) {
        out.push_back(issue(row, f, value, std::move(rule), std::move(msg)));
    };
    const bool type_ok = static_cast<std::uint8_t>(e.employment_type) <= 1;
    // The NIP and what it encodes.
    char buf[18];
    const auto text = nip_digits(e.nip, buf);
    Issue why;
    why.row = row;
    if (e.nip > 999999999999999999ULL) {
        add(Field::nip, std::to_string(e.nip), "nip.length", "must have 18 digits");
    } else if (type_ok) {
        if (auto p = try_parse_nip(text, e.employment_type, nip_rules_, why)) {
            if (p->gender != e.gender)
                add(Field::gender, std::string(to_text(e.gender)), "gender.matches_nip",
                    "does not match NIP digit 15 (" + std::string(to_text(p->gender)) + ")");
            if (p->birth_date != e.birth_date)
                add(Field::birth_date, format_date(e.birth_date), "birth_date.matches_nip",
                    "does not match NIP digits 1-8 (" + format_date(p->birth_date) + ")");
            if (e.employment_type == EmploymentType::PNS) {
                if (month_index(p->tmt_year, p->tmt_month) != e.tmt)
                    add(Field::tmt, format_year_month(e.tmt), "tmt.matches_nip",
                        "does not match NIP digits 9-14 (" + format_year_month(month_index(p->tmt_year, p->tmt_month)) + ")");
            } else {
                const CivilDate b = civil_from_days(e.birth_date);
                if (year_of_month_index(e.tmt) != p->tmt_year)
                    add(Field::tmt, format_year_month(e.tmt), "tmt.matches_nip",
                        "year does not match NI PPPK digits 9-12 (" + std::to_string(p->tmt_year) + ")");
                else if (e.tmt < month_index(b.year + nip_rules_.min_age_at_tmt, b.month))
                    add(Field::tmt, format_year_month(e.tmt), "tmt.min_age",
                        "is before the age of " + std::to_string(nip_rules_.min_age_at_tmt));
            }
        } else {
            out.push_back(std::move(why));
        }
    }

    // Position level goes with fungsional only.
    if (needs_level(e.position_class) && e.position_level == PositionLevel::none)
        add(Field::position_level, "", "position_level.required", "a fungsional position needs a level (jenjang)");
    if (!needs_level(e.position_class) && e.position_level != PositionLevel::none &&
        static_cast<std::size_t>(e.position_class) < EnumNames<PositionClass>::names.size())
        add(Field::position_level, std::string(to_text(e.position_level)), "position_level.not_allowed",
            "only a fungsional position has a level; " + std::string(to_text(e.position_class)) + " has none");

    const auto unit = units_.find(e.unit_code);
    if (!unit && !e.unit_code.empty())
        add(Field::unit_code, e.unit_code, "unit_code.known", "unit does not exist in the unit tree");

    if (auto r = find(e.nip); r && !replacing)
        add(Field::nip, std::string(text), "nip.unique", "already belongs to the employee in row " + std::to_string(*r + 1));
    return unit ? *unit : Units::kNoParent;
}

void Workforce::append(const Employee& e, std::uint32_t unit) {
    nip_.push_back(e.nip);
    name_start_.push_back(name_arena_.size());
    name_length_.push_back(static_cast<std::uint32_t>(e.name.size()));
    name_arena_.append(e.name);
    employment_type_.push_back(static_cast<std::uint8_t>(e.employment_type));
    gender_.push_back(static_cast<std::uint8_t>(e.gender));
    birth_date_.push_back(e.birth_date);
    tmt_.push_back(e.tmt);
    golongan_.push_back(e.golongan);
    position_class_.push_back(static_cast<std::uint8_t>(e.position_class));
    position_level_.push_back(static_cast<std::uint8_t>(e.position_level));
    position_name_code_.push_back(intern_position(e.position_name));
    unit_.push_back(unit);
    education_.push_back(static_cast<std::uint8_t>(e.education));
    training_hours_.push_back(e.training_hours);
    discipline_.push_back(static_cast<std::uint8_t>(e.discipline));
    if (index_.size() < 2 * nip_.size()) rebuild_index();
    else index_insert(static_cast<std::uint32_t>(nip_.size() - 1));
}

std::uint32_t Workforce::intern_position(const std::string& name) {
    auto it = position_lookup_.find(name);
    if (it != position_lookup_.end()) return it->second;
    const auto code = static_cast<std::uint32_t>(position_names_.size());
    position_names_.push_back(name);
    position_lookup_.emplace(name, code);
    return code;
}

void Workforce::index_insert(std::uint32_t row) {
    const std::size_t mask = index_.size() - 1;
    for (std::size_t s = mix(nip_[row]) & mask;; s = (s + 1) & mask)
        if (index_[s] == kEmptySlot) { index_[s] = row; return; }
}

std::optional<std::size_t> Workforce::rebuild_index(std::size_t room) {
    std::size_t cap = 16;
    while (cap < 2 * std::max(room, nip_.size())) cap *= 2;
    index_.assign(cap, kEmptySlot);
    const std::size_t mask = cap - 1, n = nip_.size();
    constexpr std::size_t kAhead = 16;  // slots are random: fetch them a few rows early
    std::optional<std::size_t> duplicate;
    for (std::size_t r = 0; r < n; ++r) {
        if (r + kAhead < n) __builtin_prefetch(&index_[mix(nip_[r + kAhead]) & mask], 1);
        for (std::size_t s = mix(nip_[r]) & mask;; s = (s + 1) & mask) {
            const auto row = index_[s];
            if (row == kEmptySlot) {
                index_[s] = static_cast<std::uint32_t>(r);
                break;
            }
            if (nip_[row] == nip_[r]) {
                if (!duplicate) duplicate = r;
                break;
            }
        }
    }
    return duplicate;
}

std::optional<std::size_t> Workforce::find(std::uint64_t nip) const {
    if (index_.empty()) return std::nullopt;
    const std::size_t mask = index_.size() - 1;
    for (std::size_t s = mix(nip) & mask;; s = (s + 1) & mask) {
        const auto row = index_[s];
        if (row == kEmptySlot) return std::nullopt;
        if (nip_[row] == nip) return row;
    }
}

std::size_t Workforce::add(const Employee& e) {
    auto issues = check(e);
    if (!issues.empty()) throw ValidationError(std::move(issues));
    append(e, *units_.find(e.unit_code));
    return nip_.size() - 1;
}

void Workforce::update(const Employee& e) {
    const auto row = find(e.nip);
    if (!row) throw NotFoundError("no employee with NIP " + format_nip(e.nip));
    auto issues = check(e, -1, true);
    if (!issues.empty()) throw ValidationError(std::move(issues));
    const std::size_t r = *row;
    name_start_[r] = name_arena_.size();  // the old name stays in the arena until a removal compacts it
    name_length_[r] = static_cast<std::uint32_t>(e.name.size());
    name_arena_.append(e.name);
    employment_type_[r] = static_cast<std::uint8_t>(e.employment_type);
    gender_[r] = static_cast<std::uint8_t>(e.gender);
    birth_date_[r] = e.birth_date;
    tmt_[r] = e.tmt;
    golongan_[r] = e.golongan;
    position_class_[r] = static_cast<std::uint8_t>(e.position_class);
    position_level_[r] = static_cast<std::uint8_t>(e.position_level);
    position_name_code_[r] = intern_position(e.position_name);
    unit_[r] = *units_.find(e.unit_code);
    education_[r] = static_cast<std::uint8_t>(e.education);
    training_hours_[r] = e.training_hours;
    discipline_[r] = static_cast<std::uint8_t>(e.discipline);
}

void Workforce::remove(std::uint64_t nip) {
    const auto row = find(nip);
    if (!row) throw NotFoundError("no employee with NIP " + format_nip(nip));
    std::vector<std::uint8_t> mask(size(), 0);
    mask[*row] = 1;
    remove_rows(mask);
}

std::size_t Workforce::remove_rows(const std::vector<std::uint8_t>& mask) {
    if (mask.size() != size())
        throw Error("remove_rows: mask has " + std::to_string(mask.size()) + " entries for " + std::to_string(size()) + " rows");
    auto compact = [&](auto& col) {
        std::size_t w = 0;
        for (std::size_t r = 0; r < col.size(); ++r)
            if (!mask[r]) col[w++] = col[r];
        col.resize(w);
    };
    std::string arena;
    std::size_t kept = 0;
    for (std::size_t r = 0; r < size(); ++r) kept += mask[r] ? 0 : 1;
    // Rebuild the name arena from the surviving rows (also drops names replaced by update()).
    std::vector<std::uint64_t> starts;
    starts.reserve(kept);
    for (std::size_t r = 0; r < size(); ++r)
        if (!mask[r]) {
            starts.push_back(arena.size());
            arena.append(name(r));
        }
    compact(name_length_);
    name_start_ = std::move(starts);
    name_arena_ = std::move(arena);
    compact(nip_); compact(employment_type_); compact(gender_); compact(birth_date_); compact(tmt_);
    compact(golongan_); compact(position_class_); compact(position_level_); compact(position_name_code_);
    compact(unit_); compact(education_); compact(training_hours_); compact(discipline_);
    const std::size_t removed = mask.size() - nip_.size();
    rebuild_index();
    return removed;
}

void Workforce::truncate(std::size_t n) {
    if (n >= size()) return;
    std::vector<std::uint8_t> mask(size(), 0);
    for (std::size_t r = n; r < mask.size(); ++r) mask[r] = 1;
    remove_rows(mask);
}

void Workforce::reserve(std::size_t n) {
    nip_.reserve(n); name_start_.reserve(n); name_length_.reserve(n);
    employment_type_.reserve(n); gender_.reserve(n); birth_date_.reserve(n); tmt_.reserve(n);
    golongan_.reserve(n); position_class_.reserve(n); position_level_.reserve(n);
    position_name_code_.reserve(n); unit_.reserve(n); education_.reserve(n);
    training_hours_.reserve(n); discipline_.reserve(n);
    if (index_.size() < 2 * n) rebuild_index(n);
}

EmployeeRef Workforce::at(std::size_t row) const {
    if (row >= size()) throw NotFoundError("row " + std::to_string(row) + " is out of range (size " + std::to_string(size()) + ")");
    return EmployeeRef(*this, row);
}

std::string_view Workforce::name(std::size_t row) const {
    return std::string_view(name_arena_).substr(name_start_[row], name_length_[row]);
}

std::vector<std::uint32_t> Workforce::select_unit(std::string_view unit_code, bool include_subunits) const {
    const auto u = units_.at(unit_code);
    std::vector<std::uint8_t> in(units_.size(), 0);
    if (include_subunits) in = units_.subtree_mask(u);
    else in[u] = 1;
    std::vector<std::uint32_t> rows;
    for (std::size_t r = 0; r < unit_.size(); ++r)
        if (in[unit_[r]]) rows.push_back(static_cast<std::uint32_t>(r));
    return rows;
}

std::vector<std::uint32_t> Workforce::select(const std::vector<std::uint8_t>& mask) const {
    if (mask.size() != size())
        throw Error("select: mask has " + std::to_string(mask.size()) + " entries for " + std::to_string(size()) + " rows");
    std::vector<std::uint32_t> rows;
    for (std::size_t r = 0; r < mask.size(); ++r)
        if (mask[r]) rows.push_back(static_cast<std::uint32_t>(r));
    return rows;
}

ColumnView Workforce::column(Field f) const {
    auto u8 = [&](const std::vector<std::uint8_t>& v) { return ColumnView{ColumnType::u8, v.data(), v.size()}; };
    switch (f) {
        case Field::nip: return {ColumnType::u64, nip_.data(), nip_.size()};
        case Field::employment_type: return u8(employment_type_);
        case Field::gender: return u8(gender_);
        case Field::birth_date: return {ColumnType::i32, birth_date_.data(), birth_date_.size()};
        case Field::tmt: return {ColumnType::i32, tmt_.data(), tmt_.size()};
        case Field::golongan: return u8(golongan_);
        case Field::position_class: return u8(position_class_);
        case Field::position_level: return u8(position_level_);
        case Field::position_name: return {ColumnType::u32, position_name_code_.data(), position_name_code_.size()};
        case Field::unit_code: return {ColumnType::u32, unit_.data(), unit_.size()};
        case Field::education: return u8(education_);
        case Field::training_hours: return {ColumnType::f64, training_hours_.data(), training_hours_.size()};
        case Field::discipline: return u8(discipline_);
        case Field::name: break;
    }
    throw Error("field 'name' is free text and has no numeric column; use Workforce::name(row)");
}

std::size_t Workforce::memory_bytes(bool include_names) const {
    const std::size_t n = size();
    std::size_t bytes = n * (sizeof(std::uint64_t) + 7 * sizeof(std::uint8_t) + 2 * sizeof(std::int32_t) +
                             2 * sizeof(std::uint32_t) + sizeof(double));
    bytes += index_.size() * sizeof(std::uint32_t);
    for (const auto& p : position_names_) bytes += 2 * (p.size() + sizeof(std::string)) + 2 * sizeof(void*);
    if (include_names) bytes += name_arena_.size() + n * (sizeof(std::uint64_t) + sizeof(std::uint32_t));
    return bytes;
}

}  // namespace penata
