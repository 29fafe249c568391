// penata — the coded values of the canonical schema (docs/schema.md).
//
// Every categorical field is stored as one byte. The text form (the one used in CSV files,
// DataFrames and the C API) is the lower-case name listed here; parsing is exact and
// case-sensitive, so that a typo is an error rather than a guess.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace penata {

/// ASN employment type (UU 20/2023): civil servant or government employee with a contract.
enum class EmploymentType : std::uint8_t { PNS = 0, PPPK = 1 };
/// Gender as the NIP encodes it: digit 1 = laki-laki (L), 2 = perempuan (P).
enum class Gender : std::uint8_t { L = 0, P = 1 };
/// Position class (UU 5/2014 and UU 20/2023 jabatan classes).
enum class PositionClass : std::uint8_t {
    jpt_utama = 0, jpt_madya, jpt_pratama, administrator, pengawas, pelaksana, fungsional
};
/// Jenjang of a jabatan fungsional; `none` for every other position class.
enum class PositionLevel : std::uint8_t {
    none = 0, ahli_pertama, ahli_muda, ahli_madya, ahli_utama, pemula, terampil, mahir, penyelia
};
/// Highest formal education.
enum class Education : std::uint8_t { SD = 0, SLTP, SLTA, D1, D2, D3, D4, S1, S2, S3 };
/// Heaviest disciplinary sanction (hukuman disiplin, PP 94/2021) in the last year.
enum class Discipline : std::uint8_t { none = 0, ringan, sedang, berat };

/// The text names of an enum, indexed by its numeric value.
template <class E> struct EnumNames;
template <> struct EnumNames<EmploymentType> {
    static constexpr std::array<std::string_view, 2> names{"PNS", "PPPK"};
};
template <> struct EnumNames<Gender> {
    static constexpr std::array<std::string_view, 2> names{"L", "P"};
};
template <> struct EnumNames<PositionClass> {
    static constexpr std::array<std::string_view, 7> names{
        "jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana",
        "fungsional"};
};
template <> struct EnumNames<PositionLevel> {
    /// Index 0 (`none`) is written as the empty string.
    static constexpr std::array<std::string_view, 9> names{
        "", "ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama", "pemula", "terampil",
        "mahir", "penyelia"};
};
template <> struct EnumNames<Education> {
    static constexpr std::array<std::string_view, 10> names{
        "SD", "SLTP", "SLTA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"};
};
template <> struct EnumNames<Discipline> {
    static constexpr std::array<std::string_view, 4> names{"none", "ringan", "sedang", "berat"};
};

/// Text form of an enum value.
template <class E> constexpr std::string_view to_text(E value) {
    return EnumNames<E>::names[static_cast<std::size_t>(value)];
}

/// Parses the exact text form; nullopt when it is not one of EnumNames<E>::names.
template <class E> constexpr std::optional<E> from_text(std::string_view text) {
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) return static_cast<E>(i);
    return std::nullopt;
}

/// Number of golongan for each employment type: PNS I/a..IV/e, PPPK I..XVII (both 17).
inline constexpr std::uint8_t kGolonganCount = 17;

/// Golongan text for a code 1..17: PNS "I/a".."IV/e" (PP 99/2000), PPPK "I".."XVII"
/// (Perpres 98/2020). Returns "" for a code outside 1..17.
std::string_view golongan_text(EmploymentType type, std::uint8_t code);
/// Golongan code 1..17 for its exact text, nullopt when the text is not a golongan of `type`.
std::optional<std::uint8_t> parse_golongan(EmploymentType type, std::string_view text);

/// True when the position class is a jabatan fungsional, which needs a level.
constexpr bool needs_level(PositionClass c) { return c == PositionClass::fungsional; }

}  // namespace penata
