#include "penata/archive.hpp"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/array_wrapper.hpp>
#include <boost/serialization/binary_object.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/version.hpp>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>

#include "file_io.hpp"
#include "penata/version.h"

namespace penata {

namespace {

constexpr char kMagic[8] = {'\x89', 'P', 'N', 'A', 'T', 'A', '\r', '\n'};
constexpr std::uint16_t kContainerVersion = 1;
constexpr std::size_t kHeaderSize = 32;

std::uint8_t platform_byte() {
    const std::uint16_t one = 1;
    std::uint8_t little = 0;
    std::memcpy(&little, &one, 1);
    return static_cast<std::uint8_t>(little | (sizeof(std::size_t) << 1));
}

template <class T> void put_le(std::string& out, T v) {
    for (std::size_t i = 0; i < sizeof(T); ++i) out.push_back(static_cast<char>((static_cast<std::uint64_t>(v) >> (8 * i)) & 0xFF));
}
template <class T> T get_le(std::string_view in, std::size_t at) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    return static_cast<T>(v);
}

// Upper bound on element counts while loading: no count may exceed the payload's length, so a
// corrupted count is refused instead of allocating without bound.
thread_local std::uint64_t g_payload_limit = 0;

void check_count(std::uint64_t n, std::size_t element_bytes, const char* what) {
    const std::uint64_t per = element_bytes ? element_bytes : 1;
    if (n > g_payload_limit / per)
        throw FormatError(std::string("archive is corrupted: ") + what + " claims " + std::to_string(n) +
                          " elements, more than the payload can hold");
}

template <class Ar, class T> void save_column(Ar& ar, const std::vector<T>& v) {
    const std::uint64_t n = v.size();
    ar << n;
    if (n) ar << boost::serialization::make_array(v.data(), v.size());
}
template <class Ar, class T> void load_column(Ar& ar, std::vector<T>& v, const char* what) {
    std::uint64_t n = 0;
    ar >> n;
    check_count(n, Ar::is_loading::value && std::is_same<Ar, boost::archive::binary_iarchive>::value ? sizeof(T) : 1, what);
    v.resize(static_cast<std::size_t>(n));
    if (n) ar >> boost::serialization::make_array(v.data(), v.size());
}
template <class Ar> void save_text(Ar& ar, const std::string& s) {
    const std::uint64_t n = s.size();
    ar << n;
    if (n) ar << boost::serialization::make_binary_object(const_cast<char*>(s.data()), s.size());
}
template <class Ar> void load_text(Ar& ar, std::string& s, const char* what) {
    std::uint64_t n = 0;
    ar >> n;
    check_count(n, 1, what);
    s.resize(static_cast<std::size_t>(n));
    if (n) ar >> boost::serialization::make_binary_object(s.data(), s.size());
}

}  // namespace

// Reads and writes the private state of the model classes. Class versions (below) let a later
// release branch on what an older file holds.
struct ArchiveAccess {
    // Every class is at version 1. A later release that changes a class raises its
    // BOOST_CLASS_VERSION and branches on `version` in load(); version 1 stays readable.
    static void check_version(const char* type, unsigned version) {
        if (version != 1)
            throw FormatError(std::string("archive holds ") + type + " class version " + std::to_string(version) +
                              "; this penata reads version 1 (written by a newer penata?)");
    }

    template <class Ar> static void save(Ar& ar, const NipRules& r, unsigned) {
        save_text(ar, r.source);
        std::int32_t min_age = r.min_age_at_tmt, lo = r.min_birth_year, hi = r.max_birth_year;
        ar << min_age << lo << hi;
        std::vector<std::int32_t> codes(r.pppk_codes.begin(), r.pppk_codes.end());
        save_column(ar, codes);
    }
    template <class Ar> static void load(Ar& ar, NipRules& r, unsigned version) {
        check_version("NipRules", version);
        load_text(ar, r.source, "NIP rules source");
        std::int32_t min_age = 0, lo = 0, hi = 0;
        ar >> min_age >> lo >> hi;
        r.min_age_at_tmt = min_age;
        r.min_birth_year = lo;
        r.max_birth_year = hi;
        std::vector<std::int32_t> codes;
        load_column(ar, codes, "NIP rules pppk_codes");
        r.pppk_codes.assign(codes.begin(), codes.end());
        try {
            r.validate();
        } catch (const ValidationError& e) {
            throw FormatError(std::string("archive holds invalid NIP rules: ") + e.what());
        }
    }

    template <class Ar> static void save(Ar& ar, const Units& u, unsigned) {
        const std::uint64_t n = u.size();
        ar << n;
        for (const auto& unit : u.units_) {
            save_text(ar, unit.code);
            save_text(ar, unit.name);
            ar << unit.parent;
        }
    }
    template <class Ar> static void load(Ar& ar, Units& u, unsigned version) {
        check_version("Units", version);
        std::uint64_t n = 0;
        ar >> n;
        check_count(n, 1, "unit tree");
        Units fresh;
        for (std::uint64_t i = 0; i < n; ++i) {
            std::string code, name;
            std::uint32_t parent = 0;
            load_text(ar, code, "unit code");
            load_text(ar, name, "unit name");
            ar >> parent;
            if (parent != Units::kNoParent && parent >= i)
                throw FormatError("archive is corrupted: unit " + std::to_string(i) + " names parent " +
                                  std::to_string(parent) + ", which does not come before it");
            try {
                fresh.add(std::move(code), std::move(name),
                          parent == Units::kNoParent ? std::string_view{} : std::string_view(fresh.units_[parent].code));
            } catch (const ValidationError& e) {
                throw FormatError(std::string("archive holds an invalid unit: ") + e.what());
            }
        }
        u = std::move(fresh);
    }

    template <class Ar> static void save(Ar& ar, const Workforce& w, unsigned) {
        save(ar, w.units_, 1);  // embedded at the Units and NipRules versions of Workforce version 1
        save(ar, w.nip_rules_, 1);
        save_column(ar, w.nip_);
        save_column(ar, w.employment_type_);
        save_column(ar, w.gender_);
        save_column(ar, w.birth_date_);
        save_column(ar, w.tmt_);
        save_column(ar, w.golongan_);
        save_column(ar, w.position_class_);
        save_column(ar, w.position_level_);
        save_column(ar, w.position_name_code_);
        save_column(ar, w.unit_);
        save_column(ar, w.education_);
        save_column(ar, w.training_hours_);
        save_column(ar, w.discipline_);
        // Names compacted (update() may have left replaced names in the arena).
        std::string names;
        names.reserve(w.name_arena_.size());
        for (std::size_t r = 0; r < w.size(); ++r) names.append(w.name(r));
        save_column(ar, w.name_length_);
        save_text(ar, names);
        const std::uint64_t np = w.position_names_.size();
        ar << np;
        for (const auto& p : w.position_names_) save_text(ar, p);
    }

    template <class Ar> static void load(Ar& ar, Workforce& w, unsigned version) {
        check_version("Workforce", version);
        Workforce f;
        load(ar, f.units_, 1);
        load(ar, f.nip_rules_, 1);
        load_column(ar, f.nip_, "nip");
        load_column(ar, f.employment_type_, "employment_type");
        load_column(ar, f.gender_, "gender");
        load_column(ar, f.birth_date_, "birth_date");
        load_column(ar, f.tmt_, "tmt");
        load_column(ar, f.golongan_, "golongan");
        load_column(ar, f.position_class_, "position_class");
        load_column(ar, f.position_level_, "position_level");
        load_column(ar, f.position_name_code_, "position_name");
        load_column(ar, f.unit_, "unit_code");
        load_column(ar, f.education_, "education");
        load_column(ar, f.training_hours_, "training_hours");
        load_column(ar, f.discipline_, "discipline");
        load_column(ar, f.name_length_, "name lengths");
        load_text(ar, f.name_arena_, "names");
        std::uint64_t np = 0;
        ar >> np;
        check_count(np, 1, "position names");
        f.position_names_.resize(static_cast<std::size_t>(np));
        for (auto& p : f.position_names_) load_text(ar, p, "position name");
        f.verify_and_index();
        w = std::move(f);
    }

    // An assessment history: the framework as its JSON, then the columns in the order added. The
    // index is not stored: loading adds the columns again, which validates every record.
    template <class Ar> static void save(Ar& ar, const Assessments& a, unsigned) {
        save_text(ar, a.framework_.to_json(-1));
        save_column(ar, a.nip_);
        save_column(ar, a.competency_);
        save_column(ar, a.level_);
        save_column(ar, a.date_);
        save_column(ar, a.method_);
    }
    template <class Ar> static void load(Ar& ar, Assessments& a, unsigned version) {
        check_version("Assessments", version);
        std::string json;
        load_text(ar, json, "assessment framework");
        CompetencyFramework framework;
        try {
            framework = CompetencyFramework::from_json(json);
        } catch (const ValidationError& e) {
            throw FormatError(std::string("archive holds an invalid competency framework of assessments: ") + e.what());
        }
        std::vector<std::uint64_t> nip;
        std::vector<std::uint16_t> competency;
        std::vector<std::uint8_t> level, method;
        std::vector<std::int32_t> date;
        load_column(ar, nip, "assessment nip");
        load_column(ar, competency, "assessment competency");
        load_column(ar, level, "assessment level");
        load_column(ar, date, "assessment date");
        load_column(ar, method, "assessment method");
        Assessments fresh(std::move(framework));
        try {  // every rule of add except date_future: the records were valid on the day they were added
            fresh.add(AssessmentColumns{nip, competency, level, date, method}, std::numeric_limits<std::int32_t>::max());
        } catch (const ValidationError& e) {
            throw FormatError(std::string("archive holds invalid assessments: ") + e.what());
        }
        a = std::move(fresh);
    }
};

// Structural invariants of a loaded workforce; the rows were validated when they were added.
void Workforce::verify_and_index() {
    const std::size_t n = nip_.size();
    auto bad = [](const std::string& what) { throw FormatError("archive is corrupted: " + what); };
    const std::vector<std::size_t> sizes{employment_type_.size(), gender_.size(), birth_date_.size(), tmt_.size(),
                                         golongan_.size(), position_class_.size(), position_level_.size(),
                                         position_name_code_.size(), unit_.size(), education_.size(),
                                         training_hours_.size(), discipline_.size(), name_length_.size()};
    for (std::size_t s : sizes)
        if (s != n) bad("columns have different lengths");
    std::uint64_t total = 0;
    name_start_.resize(n);
    for (std::size_t r = 0; r < n; ++r) {
        name_start_[r] = total;
        total += name_length_[r];
        auto in = [&](std::uint8_t v, std::size_t count, const char* field) {
            if (v >= count) bad(std::string("row ") + std::to_string(r + 1) + " has an unknown " + field + " code " + std::to_string(v));
        };
        in(employment_type_[r], 2, "employment_type");
        in(gender_[r], 2, "gender");
        in(position_class_[r], EnumNames<PositionClass>::names.size(), "position_class");
        in(position_level_[r], EnumNames<PositionLevel>::names.size(), "position_level");
        in(education_[r], EnumNames<Education>::names.size(), "education");
        in(discipline_[r], EnumNames<Discipline>::names.size(), "discipline");
        if (golongan_[r] < 1 || golongan_[r] > kGolonganCount) bad("row " + std::to_string(r + 1) + " has golongan code " + std::to_string(golongan_[r]));
        if (unit_[r] >= units_.size()) bad("row " + std::to_string(r + 1) + " refers to unit " + std::to_string(unit_[r]) + " of " + std::to_string(units_.size()));
        if (position_name_code_[r] >= position_names_.size()) bad("row " + std::to_string(r + 1) + " refers to a missing position name");
        if (!(std::isfinite(training_hours_[r]) && training_hours_[r] >= 0)) bad("row " + std::to_string(r + 1) + " has training_hours out of range");
        if (nip_[r] > 999999999999999999ULL) bad("row " + std::to_string(r + 1) + " has a NIP longer than 18 digits");
    }
    if (total != name_arena_.size()) bad("name lengths do not add up to the stored names");
    position_lookup_.clear();
    for (std::uint32_t i = 0; i < position_names_.size(); ++i)
        if (!position_lookup_.emplace(position_names_[i], i).second) bad("position name '" + clip_value(position_names_[i]) + "' is stored twice");
    if (const auto dup = rebuild_index()) bad("NIP " + format_nip(nip_[*dup]) + " appears in more than one row");
}

}  // namespace penata

namespace boost::serialization {
template <class Ar> void save(Ar& ar, const penata::Workforce& w, unsigned v) { penata::ArchiveAccess::save(ar, w, v); }
template <class Ar> void load(Ar& ar, penata::Workforce& w, unsigned v) { penata::ArchiveAccess::load(ar, w, v); }
template <class Ar> void save(Ar& ar, const penata::Units& u, unsigned v) { penata::ArchiveAccess::save(ar, u, v); }
template <class Ar> void load(Ar& ar, penata::Units& u, unsigned v) { penata::ArchiveAccess::load(ar, u, v); }
template <class Ar> void save(Ar& ar, const penata::NipRules& r, unsigned v) { penata::ArchiveAccess::save(ar, r, v); }
template <class Ar> void load(Ar& ar, penata::NipRules& r, unsigned v) { penata::ArchiveAccess::load(ar, r, v); }
template <class Ar> void save(Ar& ar, const penata::Assessments& a, unsigned v) { penata::ArchiveAccess::save(ar, a, v); }
template <class Ar> void load(Ar& ar, penata::Assessments& a, unsigned v) { penata::ArchiveAccess::load(ar, a, v); }
}  // namespace boost::serialization
BOOST_SERIALIZATION_SPLIT_FREE(penata::Workforce)
BOOST_SERIALIZATION_SPLIT_FREE(penata::Units)
BOOST_SERIALIZATION_SPLIT_FREE(penata::NipRules)
BOOST_SERIALIZATION_SPLIT_FREE(penata::Assessments)
BOOST_CLASS_VERSION(penata::Workforce, 1)
BOOST_CLASS_VERSION(penata::Units, 1)
BOOST_CLASS_VERSION(penata::NipRules, 1)
BOOST_CLASS_VERSION(penata::Assessments, 1)

namespace penata {

namespace {

// The type tag written before each object. Tags are fixed per type (not derived from the variant's
// order) and never reused; a new object type takes the next free number here and in
// docs/persistence.md. Reserved for the second half: 8 training catalogue, 9 partners, 10 Markov
// model, 11 attendance, 12 sanctions, 13 discipline rules, 14 performance plans, 15 appraisal
// history, 16 projection rules, 17 scenario.
template <class T> constexpr std::uint8_t kTag = 0;
template <> constexpr std::uint8_t kTag<Workforce> = 1;
template <> constexpr std::uint8_t kTag<Units> = 2;
template <> constexpr std::uint8_t kTag<NipRules> = 3;
template <> constexpr std::uint8_t kTag<RuleSet> = 4;
template <> constexpr std::uint8_t kTag<CompetencyFramework> = 5;
template <> constexpr std::uint8_t kTag<PositionStandards> = 6;
template <> constexpr std::uint8_t kTag<Assessments> = 7;

template <std::size_t... I> constexpr bool tags_valid(std::index_sequence<I...>) {
    constexpr std::uint8_t tags[] = {kTag<std::variant_alternative_t<I, ModelObject>>...};
    for (std::size_t a = 0; a < sizeof...(I); ++a) {
        if (tags[a] == 0) return false;
        for (std::size_t b = a + 1; b < sizeof...(I); ++b)
            if (tags[a] == tags[b]) return false;
    }
    return true;
}
static_assert(tags_valid(std::make_index_sequence<std::variant_size_v<ModelObject>>{}),
              "every ModelObject type needs its own non-zero kTag");

// Objects whose own format is validated JSON: written as that text (class version 1 of each).
template <class Ar> void save_json_object(Ar& ar, const RuleSet& o) { save_text(ar, o.to_json(-1)); }
template <class Ar> void save_json_object(Ar& ar, const CompetencyFramework& o) { save_text(ar, o.to_json(-1)); }
template <class Ar> void save_json_object(Ar& ar, const PositionStandards& o) {
    save_text(ar, o.framework().to_json(-1));
    save_text(ar, o.to_json(-1));
}

template <class T, class Make> T from_json_payload(const char* what, Make&& make) {
    try {
        return make();
    } catch (const ValidationError& e) {
        throw FormatError(std::string("archive holds an invalid ") + what + ": " + e.what());
    }
}

template <class Ar> void save_snapshot(Ar& ar, const Snapshot& s) {
    const std::uint64_t n = s.objects.size();
    ar << n;
    for (const auto& [name, object] : s.objects) {
        save_text(ar, name);
        const std::uint8_t tag = std::visit([](const auto& o) { return kTag<std::decay_t<decltype(o)>>; }, object);
        ar << tag;
        std::visit(
            [&](const auto& o) {
                using T = std::decay_t<decltype(o)>;
                if constexpr (std::is_same_v<T, Workforce> || std::is_same_v<T, Units> || std::is_same_v<T, NipRules> ||
                              std::is_same_v<T, Assessments>)
                    ar << o;
                else
                    save_json_object(ar, o);
            },
            object);
    }
}

template <class Ar> Snapshot load_snapshot(Ar& ar) {
    Snapshot s;
    std::uint64_t n = 0;
    ar >> n;
    check_count(n, 1, "snapshot");
    for (std::uint64_t i = 0; i < n; ++i) {
        std::string name;
        load_text(ar, name, "object name");
        std::uint8_t tag = 0;
        ar >> tag;
        switch (tag) {
            case kTag<Workforce>: { Workforce o; ar >> o; s.objects.emplace_back(std::move(name), std::move(o)); break; }
            case kTag<Units>: { Units o; ar >> o; s.objects.emplace_back(std::move(name), std::move(o)); break; }
            case kTag<NipRules>: { NipRules o; ar >> o; s.objects.emplace_back(std::move(name), std::move(o)); break; }
            case kTag<RuleSet>: {
                std::string json;
                load_text(ar, json, "rule set");
                s.objects.emplace_back(std::move(name), from_json_payload<RuleSet>("rule set", [&] { return RuleSet::from_json(json); }));
                break;
            }
            case kTag<CompetencyFramework>: {
                std::string json;
                load_text(ar, json, "competency framework");
                s.objects.emplace_back(std::move(name), from_json_payload<CompetencyFramework>(
                                                            "competency framework", [&] { return CompetencyFramework::from_json(json); }));
                break;
            }
            case kTag<PositionStandards>: {
                std::string framework, standards;
                load_text(ar, framework, "competency framework");
                load_text(ar, standards, "position standards");
                s.objects.emplace_back(std::move(name), from_json_payload<PositionStandards>("position standards", [&] {
                                           return PositionStandards::from_json(CompetencyFramework::from_json(framework), standards);
                                       }));
                break;
            }
            case kTag<Assessments>: {
                Assessments o{CompetencyFramework{}};
                ar >> o;
                s.objects.emplace_back(std::move(name), std::move(o));
                break;
            }
            default:
                throw FormatError("archive holds object '" + clip_value(name) + "' of unknown type " + std::to_string(tag) +
                                  " (written by a newer penata?)");
        }
    }
    return s;
}

constexpr auto kArchiveFlags = boost::archive::no_codecvt;

// Boost's archive header (kept: it records the Boost archive library version a later Boost needs
// to read the file) starts with the signature "serialization::archive", which Boost reads with an
// unchecked length. The payload must therefore start with exactly the bytes this build writes.
std::string_view signature(Encoding e) {
    static const std::string text = "22 serialization::archive ";
    static const std::string binary = std::string("\x16\0\0\0\0\0\0\0", 8) + "serialization::archive";
    return e == Encoding::binary ? binary : text;
}

}  // namespace

std::string save_to_bytes(const Snapshot& snapshot, Encoding encoding) {
    std::ostringstream payload_stream(std::ios::binary);
    if (encoding == Encoding::binary) {
        boost::archive::binary_oarchive ar(payload_stream, kArchiveFlags);
        save_snapshot(ar, snapshot);
    } else {
        boost::archive::text_oarchive ar(payload_stream, kArchiveFlags);
        save_snapshot(ar, snapshot);
    }
    const std::string payload = std::move(payload_stream).str();
    std::string out(kMagic, sizeof kMagic);
    put_le<std::uint16_t>(out, kContainerVersion);
    out.push_back(static_cast<char>(encoding));
    out.push_back(static_cast<char>(encoding == Encoding::binary ? platform_byte() : 0));
    put_le<std::uint32_t>(out, PENATA_VERSION_NUMBER);
    put_le<std::uint64_t>(out, payload.size());
    put_le<std::uint64_t>(out, XXH64(payload.data(), payload.size(), 0));
    out += payload;
    return out;
}

ArchiveInfo inspect(std::string_view bytes) {
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        throw FormatError("not a penata archive (the file does not start with the penata magic bytes)");
    if (bytes.size() < kHeaderSize)
        throw FormatError("archive is truncated: " + std::to_string(bytes.size()) + " bytes, shorter than the " +
                          std::to_string(kHeaderSize) + "-byte header");
    ArchiveInfo info;
    info.container_version = get_le<std::uint16_t>(bytes, 8);
    if (info.container_version > kContainerVersion)
        throw FormatError("archive container version " + std::to_string(info.container_version) +
                          " is newer than this penata reads (" + std::to_string(kContainerVersion) +
                          "); it was written by penata " + std::to_string(get_le<std::uint32_t>(bytes, 12)));
    if (info.container_version == 0) throw FormatError("archive is corrupted: container version 0");
    const auto enc = static_cast<std::uint8_t>(bytes[10]);
    if (enc > 1) throw FormatError("archive is corrupted: unknown encoding " + std::to_string(enc));
    info.encoding = static_cast<Encoding>(enc);
    const auto platform = static_cast<std::uint8_t>(bytes[11]);
    if (info.encoding == Encoding::binary && platform != platform_byte())
        throw FormatError("binary archive was written on another platform (" +
                          std::string(platform & 1 ? "little" : "big") + " endian, " + std::to_string(platform >> 1) +
                          "-byte size_t); save it with the portable encoding to move it between platforms");
    info.library_version = get_le<std::uint32_t>(bytes, 12);
    info.payload_length = get_le<std::uint64_t>(bytes, 16);
    const std::uint64_t have = bytes.size() - kHeaderSize;
    if (info.payload_length != have)
        throw FormatError("archive is " + std::string(have < info.payload_length ? "truncated" : "corrupted") +
                          ": the header announces " + std::to_string(info.payload_length) + " payload bytes, the file has " +
                          std::to_string(have));
    const std::uint64_t sum = get_le<std::uint64_t>(bytes, 24);
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
    if (XXH64(bytes.data() + kHeaderSize, have, 0) != sum) throw FormatError("archive is corrupted: checksum mismatch");
#else
    (void)sum;
#endif
    return info;
}

Snapshot load_from_bytes(std::string_view bytes) {
    const ArchiveInfo info = inspect(bytes);
    // Deserialise straight from the caller's bytes (no copy of the payload).
    struct View : std::streambuf {
        explicit View(std::string_view b) {
            char* p = const_cast<char*>(b.data());  // read only: the get area is never written
            setg(p, p, p + b.size());
        }
    } view(bytes.substr(kHeaderSize));
    std::istream in(&view);
    if (bytes.substr(kHeaderSize, signature(info.encoding).size()) != signature(info.encoding))
        throw FormatError("archive payload does not start with the Boost.Serialization signature");
    struct Limit {
        explicit Limit(std::uint64_t n) { g_payload_limit = n; }
        ~Limit() { g_payload_limit = 0; }
    } limit(info.payload_length);
    try {
        if (info.encoding == Encoding::binary) {
            boost::archive::binary_iarchive ar(in, kArchiveFlags);
            return load_snapshot(ar);
        }
        boost::archive::text_iarchive ar(in, kArchiveFlags);
        return load_snapshot(ar);
    } catch (const Error&) {
        throw;
    } catch (const boost::archive::archive_exception& e) {
        throw FormatError(std::string("archive payload cannot be read: ") + e.what());
    } catch (const std::bad_alloc&) {
        throw FormatError("archive payload cannot be read: it asks for more memory than is available");
    } catch (const std::exception& e) {
        throw FormatError(std::string("archive payload cannot be read: ") + e.what());
    }
}

void save(const std::string& path, const Snapshot& snapshot, const SaveOptions& options) {
    const std::string bytes = save_to_bytes(snapshot, options.encoding);
    detail::write_file_atomically(path, [&](std::ostream& out) {
        constexpr std::size_t kBlock = 1 << 20;
        for (std::size_t at = 0; at < bytes.size(); at += kBlock) {
            const std::size_t len = std::min(kBlock, bytes.size() - at);
            out.write(bytes.data() + at, static_cast<std::streamsize>(len));
            if (!out) throw IoError("write error on '" + path + "' (disk full?)");
            if (options.progress) options.progress(at + len, bytes.size());
        }
    });
}

Snapshot load(const std::string& path) { return load_from_bytes(detail::read_file(path)); }

}  // namespace penata
