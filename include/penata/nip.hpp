// penata — NIP (Nomor Induk Pegawai) of a PNS and NI PPPK.
//
// PNS NIP, 18 digits (Peraturan Kepala BKN 22/2007 and 43/2007):
//   YYYYMMDD  birth date, a real calendar date
//   YYYYMM    TMT CPNS (first appointment), month 01..12, at or after the minimum age
//   G         gender, 1 = laki-laki, 2 = perempuan
//   NNN       sequence 001..999
// NI PPPK, 18 digits: birth date (8), year of first appointment as PPPK (4), a two-digit code
// (not a month; the accepted set is configurable), gender (1), sequence (3).
// See ../shared/domain/ASN-RULES.md section 9 and docs/schema.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "penata/codes.hpp"
#include "penata/error.hpp"

namespace penata {

/// The configurable parts of NIP validation, with the regulation they come from.
struct NipRules {
    /// Where these rules come from; shown in error messages and docs.
    std::string source = "Peraturan Kepala BKN 22/2007 and 43/2007 (NIP PNS); NI PPPK as reported";
    /// Minimum age in whole years at first appointment (TMT). [MEMORY] PP 11/2017 sets the
    /// applicant age at 18-35; compared at month granularity, since TMT has no day.
    int min_age_at_tmt = 18;
    /// Accepted values of NI PPPK digits 13-14. [UNCERTAIN] 21 is common for PPPK, 24 is
    /// reported for PPPK paruh waktu; configurable.
    std::vector<int> pppk_codes = {21, 24};
    /// Plausible birth years; a NIP outside them is refused.
    int min_birth_year = 1900;
    int max_birth_year = 2099;

    /// The defaults above.
    static NipRules defaults() { return NipRules{}; }
    /// Throws ValidationError naming the field when the rules themselves are inconsistent.
    void validate() const;
};

/// The parts of a valid NIP.
struct NipParts {
    EmploymentType employment_type = EmploymentType::PNS;
    std::int32_t birth_date = 0;  ///< days since 1970-01-01
    int tmt_year = 0;             ///< year of first appointment
    int tmt_month = 0;            ///< 1..12 for a PNS; 0 for PPPK (the NI PPPK has no month)
    int pppk_code = 0;            ///< digits 13-14 of an NI PPPK; 0 for a PNS
    Gender gender = Gender::L;
    int sequence = 0;             ///< 1..999
};

/// Parses a NIP; throws ValidationError (field "nip", a rule such as "nip.month") naming the
/// wrong part and why.
NipParts parse_nip(std::string_view nip, EmploymentType type, const NipRules& rules = NipRules{});

/// Non-throwing parse: returns the parts, or nullopt and fills `why` (field, value, rule,
/// message; `why.row` is left as it was).
std::optional<NipParts> try_parse_nip(std::string_view nip, EmploymentType type,
                                      const NipRules& rules, Issue& why);

/// The 18-digit text of a stored NIP.
std::string format_nip(std::uint64_t nip);

}  // namespace penata
