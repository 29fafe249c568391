// penata C API — fields and coded values. The C constants are the C++ enum values; the
// static_asserts keep them from drifting apart.
#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "handles.hpp"

namespace {

using namespace penata;

template <class E> constexpr bool same(E cpp, int c) { return static_cast<int>(cpp) == c; }
static_assert(same(EmploymentType::PNS, PENATA_PNS) && same(EmploymentType::PPPK, PENATA_PPPK));
static_assert(same(Gender::L, PENATA_GENDER_L) && same(Gender::P, PENATA_GENDER_P));
static_assert(same(PositionClass::jpt_utama, PENATA_POSITION_JPT_UTAMA) &&
              same(PositionClass::jpt_madya, PENATA_POSITION_JPT_MADYA) &&
              same(PositionClass::jpt_pratama, PENATA_POSITION_JPT_PRATAMA) &&
              same(PositionClass::administrator, PENATA_POSITION_ADMINISTRATOR) &&
              same(PositionClass::pengawas, PENATA_POSITION_PENGAWAS) &&
              same(PositionClass::pelaksana, PENATA_POSITION_PELAKSANA) &&
              same(PositionClass::fungsional, PENATA_POSITION_FUNGSIONAL) &&
              EnumNames<PositionClass>::names.size() == 7);
static_assert(same(PositionLevel::none, PENATA_LEVEL_NONE) &&
              same(PositionLevel::ahli_pertama, PENATA_LEVEL_AHLI_PERTAMA) &&
              same(PositionLevel::ahli_muda, PENATA_LEVEL_AHLI_MUDA) &&
              same(PositionLevel::ahli_madya, PENATA_LEVEL_AHLI_MADYA) &&
              same(PositionLevel::ahli_utama, PENATA_LEVEL_AHLI_UTAMA) &&
              same(PositionLevel::pemula, PENATA_LEVEL_PEMULA) &&
              same(PositionLevel::terampil, PENATA_LEVEL_TERAMPIL) &&
              same(PositionLevel::mahir, PENATA_LEVEL_MAHIR) &&
              same(PositionLevel::penyelia, PENATA_LEVEL_PENYELIA) &&
              EnumNames<PositionLevel>::names.size() == 9);
static_assert(same(Education::SD, PENATA_EDUCATION_SD) && same(Education::SLTP, PENATA_EDUCATION_SLTP) &&
              same(Education::SLTA, PENATA_EDUCATION_SLTA) && same(Education::D1, PENATA_EDUCATION_D1) &&
              same(Education::D2, PENATA_EDUCATION_D2) && same(Education::D3, PENATA_EDUCATION_D3) &&
              same(Education::D4, PENATA_EDUCATION_D4) && same(Education::S1, PENATA_EDUCATION_S1) &&
              same(Education::S2, PENATA_EDUCATION_S2) && same(Education::S3, PENATA_EDUCATION_S3) &&
              EnumNames<Education>::names.size() == 10);
static_assert(same(Discipline::none, PENATA_DISCIPLINE_NONE) &&
              same(Discipline::ringan, PENATA_DISCIPLINE_RINGAN) &&
              same(Discipline::sedang, PENATA_DISCIPLINE_SEDANG) &&
              same(Discipline::berat, PENATA_DISCIPLINE_BERAT) && EnumNames<Discipline>::names.size() == 4);
static_assert(kGolonganCount == PENATA_GOLONGAN_COUNT && kFieldCount == PENATA_FIELD_COUNT);
static_assert(same(Field::nip, PENATA_FIELD_NIP) && same(Field::name, PENATA_FIELD_NAME) &&
              same(Field::employment_type, PENATA_FIELD_EMPLOYMENT_TYPE) &&
              same(Field::gender, PENATA_FIELD_GENDER) && same(Field::birth_date, PENATA_FIELD_BIRTH_DATE) &&
              same(Field::tmt, PENATA_FIELD_TMT) && same(Field::golongan, PENATA_FIELD_GOLONGAN) &&
              same(Field::position_class, PENATA_FIELD_POSITION_CLASS) &&
              same(Field::position_level, PENATA_FIELD_POSITION_LEVEL) &&
              same(Field::position_name, PENATA_FIELD_POSITION_NAME) &&
              same(Field::unit_code, PENATA_FIELD_UNIT_CODE) && same(Field::education, PENATA_FIELD_EDUCATION) &&
              same(Field::training_hours, PENATA_FIELD_TRAINING_HOURS) &&
              same(Field::discipline, PENATA_FIELD_DISCIPLINE));
static_assert(same(ColumnType::u8, PENATA_COLUMN_U8) && same(ColumnType::i32, PENATA_COLUMN_I32) &&
              same(ColumnType::u32, PENATA_COLUMN_U32) && same(ColumnType::u64, PENATA_COLUMN_U64) &&
              same(ColumnType::f64, PENATA_COLUMN_F64));

// Column element type by field (Workforce::column() agrees; test_workforce.c checks it).
constexpr std::array<int, kFieldCount> kColumnTypes{
    PENATA_COLUMN_U64, PENATA_COLUMN_NONE, PENATA_COLUMN_U8,  PENATA_COLUMN_U8, PENATA_COLUMN_I32,
    PENATA_COLUMN_I32, PENATA_COLUMN_U8,   PENATA_COLUMN_U8,  PENATA_COLUMN_U8, PENATA_COLUMN_U32,
    PENATA_COLUMN_U32, PENATA_COLUMN_U8,   PENATA_COLUMN_F64, PENATA_COLUMN_U8};

// EnumNames holds string_views of string literals, so data() is NUL-terminated.
template <class E> const char* name_of(int value) {
    const auto& names = EnumNames<E>::names;
    return value >= 0 && static_cast<std::size_t>(value) < names.size() ? names[static_cast<std::size_t>(value)].data()
                                                                        : nullptr;
}

// golongan_text() promises only a string_view, so keep NUL-terminated copies, built once
// (thread-safe static initialisation, no allocation: the texts are at most 4 bytes).
using GolonganTable = std::array<std::array<std::array<char, 8>, kGolonganCount + 1>, 2>;
GolonganTable make_golongan_table() {
    GolonganTable t{};
    for (int type = 0; type < 2; ++type)
        for (std::uint8_t code = 1; code <= kGolonganCount; ++code) {
            const auto text = golongan_text(static_cast<EmploymentType>(type), code);
            auto& slot = t[static_cast<std::size_t>(type)][code];
            std::memcpy(slot.data(), text.data(), std::min(text.size(), slot.size() - 1));
        }
    return t;
}

}  // namespace

penata::Field penata::capi::field_arg(int field) {
    if (field < 0 || field >= static_cast<int>(kFieldCount))
        fail(PENATA_ERR_INVALID_ARGUMENT, "unknown field id " + std::to_string(field) + " (expected 0.." +
                                              std::to_string(kFieldCount - 1) + ")");
    return static_cast<Field>(field);
}

extern "C" {

const char* penata_field_name(int field) {
    return field >= 0 && field < static_cast<int>(kFieldCount) ? kFieldNames[static_cast<std::size_t>(field)].data()
                                                               : nullptr;
}

int penata_field_from_name(penata_context* ctx, const char* name, int* out) {
    return penata::capi::guard(ctx, [&] {
        penata::capi::need(name, "name");
        penata::capi::need(out, "out");
        const auto f = field_from_name(name);
        if (!f) penata::capi::fail(PENATA_ERR_NOT_FOUND, std::string("'") + name + "' is not a canonical field name");
        *out = static_cast<int>(*f);
    });
}

int penata_field_column_type(int field) {
    return field >= 0 && field < static_cast<int>(kFieldCount) ? kColumnTypes[static_cast<std::size_t>(field)]
                                                               : PENATA_COLUMN_NONE;
}

const char* penata_code_text(int field, int value) {
    switch (field) {
        case PENATA_FIELD_EMPLOYMENT_TYPE: return name_of<EmploymentType>(value);
        case PENATA_FIELD_GENDER: return name_of<Gender>(value);
        case PENATA_FIELD_POSITION_CLASS: return name_of<PositionClass>(value);
        case PENATA_FIELD_POSITION_LEVEL: return name_of<PositionLevel>(value);
        case PENATA_FIELD_EDUCATION: return name_of<Education>(value);
        case PENATA_FIELD_DISCIPLINE: return name_of<Discipline>(value);
        default: return nullptr;
    }
}

const char* penata_golongan_text(int employment_type, int golongan) {
    if (employment_type < 0 || employment_type > 1 || golongan < 1 || golongan > static_cast<int>(kGolonganCount))
        return nullptr;
    try {
        static const GolonganTable table = make_golongan_table();
        return table[static_cast<std::size_t>(employment_type)][static_cast<std::size_t>(golongan)].data();
    } catch (...) {
        return nullptr;
    }
}

}  // extern "C"
