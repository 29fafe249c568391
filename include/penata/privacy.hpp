// penata — pseudonymisation and disclosure checks for data shared with researchers.
//
// Under UU 27/2022 (Pelindungan Data Pribadi) the NIP, names and birth dates of ASN are personal
// data; appraisal, competency and discipline results per person are not open data either (UU
// 14/2008 Pasal 17 h). Before such data leaves the BKD for research it is pseudonymised:
//
//  - every NIP becomes a keyed token: the hex of HMAC-SHA-256(key, "penata:nip:v1:" + NIP),
//    cut to `token_bits` (OpenSSL's HMAC, not hand-written). The same key gives the same tokens,
//    so yearly releases and several tables still join; without the key a token can neither be
//    reversed nor recomputed (an unkeyed hash of a NIP could: its 18 digits encode the birth
//    date, TMT and gender, leaving about 10^10 candidates, or 5*10^5 once birth date and gender
//    are known);
//  - names are dropped, birth dates coarsened to the year or an age band, TMT to the year, and
//    position names dropped by default (a unique post names its holder);
//  - a disclosure check gives the smallest group over chosen quasi-identifiers (unit, golongan,
//    gender, age band, education...) and lists the groups below k before anything is released.
//
// Pseudonymised data is still personal data (it is not anonymised): docs/privacy.md says what it
// protects and what it does not, and how to keep the key. The key is never stored, printed or
// serialised by penata.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "penata/codes.hpp"
#include "penata/workforce.hpp"

namespace penata {

/// The domain-separation prefix of NIP tokens (version 1 of the token format).
inline constexpr std::string_view kNipTokenDomain = "penata:nip:v1:";
/// Shortest key accepted, in bytes (the HMAC-SHA-256 block of security: 32 random bytes).
inline constexpr std::size_t kMinKeyBytes = 32;

/// HMAC-SHA-256 of `message` under `key` (OpenSSL), 32 bytes. Any key length is accepted here;
/// PseudonymKey enforces the minimum.
std::array<std::uint8_t, 32> hmac_sha256(std::string_view key, std::string_view message);

/// The secret of a pseudonymisation, at least kMinKeyBytes bytes. Its memory is wiped when it
/// is destroyed; penata never writes it anywhere.
class PseudonymKey {
public:
    /// Throws ValidationError (field "key", rule "privacy.key_empty" or "privacy.key_short").
    explicit PseudonymKey(std::string_view bytes);
    PseudonymKey(const PseudonymKey& other);
    PseudonymKey& operator=(const PseudonymKey& other);
    ~PseudonymKey();
    std::string_view bytes() const noexcept { return key_; }

private:
    std::string key_;
};

/// Allowed token lengths in bits: 64 to 256 in steps of 32 (the default 128 makes collisions
/// negligible: about n^2 / 2^129 for n people). Throws ValidationError (rule
/// "privacy.token_bits") otherwise.
void check_token_bits(unsigned token_bits);

/// The token of one NIP: token_bits / 4 lower-case hex characters.
std::string nip_token(const PseudonymKey& key, std::uint64_t nip, unsigned token_bits = 128);

/// The tokens of n NIPs into `out`, each token_bits / 4 characters, back to back, no separator
/// and no terminator (out must hold n * token_bits / 4 chars). `threads` 0 uses the hardware's.
void nip_tokens(const PseudonymKey& key, const std::uint64_t* nips, std::size_t n, char* out,
                unsigned token_bits = 128, unsigned threads = 0);

/// How much of a date a release keeps.
enum class DateDetail : std::uint8_t {
    year = 0,      ///< the calendar year only
    age_band = 1,  ///< birth dates only: the age band (width band_years) as of a date
    drop = 2,      ///< not released
};

struct PseudonymOptions {
    unsigned token_bits = 128;
    DateDetail birth = DateDetail::year;
    DateDetail tmt = DateDetail::year;      ///< year or drop (an age band of a TMT means nothing)
    std::int32_t as_of = 0;                 ///< days since 1970-01-01; the age-band reference date
    unsigned band_years = 5;                ///< width of an age band, 1..20
    bool keep_position_name = false;        ///< a unique post names its holder: off by default
};

/// A workforce prepared for release: tokens instead of NIPs, no names, coarsened dates; the
/// coded columns are the workforce's own (same codes as Workforce::column).
struct PseudonymisedWorkforce {
    unsigned token_width = 0;             ///< characters per token
    std::string tokens;                   ///< size() * token_width characters, row order
    std::vector<std::int16_t> birth;      ///< year, or the lower age of the band; empty when dropped
    std::vector<std::int16_t> tmt_year;   ///< empty when dropped
    DateDetail birth_detail = DateDetail::year;
    unsigned band_years = 5;
    std::vector<std::uint8_t> employment_type, gender, golongan, position_class, position_level, education,
        discipline;
    std::vector<std::uint32_t> unit;      ///< index into unit_codes
    std::vector<std::string> unit_codes;  ///< of the workforce's unit tree
    std::vector<double> training_hours;
    std::vector<std::string> position_names;  ///< per row; empty unless keep_position_name

    std::size_t size() const noexcept { return unit.size(); }
    std::string_view token(std::size_t row) const { return std::string_view(tokens).substr(row * token_width, token_width); }
    /// CSV (header: token, employment_type, gender, birth_year|age_band, tmt_year, golongan,
    /// position_class, position_level, [position_name,] unit_code, education, training_hours,
    /// discipline), in the spellings of the workforce exchange format; an age band is "40-44".
    std::string to_csv() const;
};

/// Pseudonymises a whole workforce. Throws ValidationError for a bad key, token length, band
/// width, or an age band without as_of (rules "privacy.token_bits", "privacy.band_years",
/// "privacy.as_of", "privacy.tmt_detail").
PseudonymisedWorkforce pseudonymise(const Workforce& wf, const PseudonymKey& key, const PseudonymOptions& options = {});

/// The lower age of the band a person born on `birth_date` is in on `as_of` (whole years).
int age_band_start(std::int32_t birth_date, std::int32_t as_of, unsigned band_years);

/// One group of records sharing all quasi-identifier values.
struct DisclosureGroup {
    std::vector<std::uint32_t> values;  ///< one code per quasi-identifier, in their order
    std::uint64_t count = 0;
};

/// The outcome of a disclosure check.
struct DisclosureCheck {
    std::uint64_t k = 0;
    std::uint64_t records = 0;
    std::uint64_t groups = 0;            ///< distinct combinations present
    std::uint64_t smallest = 0;          ///< size of the smallest group (0 when there are no records)
    std::vector<DisclosureGroup> below_k;  ///< every group of fewer than k records, by values
    bool ok() const noexcept { return below_k.empty(); }
};

/// Group sizes over columns of codes (all of the same length; at most 16 columns): the
/// k-anonymity of the table on those quasi-identifiers. Throws ValidationError (rule
/// "privacy.k" for k = 0, "privacy.columns" for no or unequal columns).
DisclosureCheck group_sizes(const std::vector<std::vector<std::uint32_t>>& columns, std::uint64_t k);

/// Quasi-identifiers of a workforce.
enum class QuasiIdentifier : std::uint8_t {
    unit = 0, golongan, gender, age_band, education, employment_type, position_class, position_level, birth_year
};

/// The disclosure check of a workforce over the given quasi-identifiers; age bands as of
/// `as_of` (days since 1970-01-01; required for age_band) with width `band_years`. The group
/// values are: the unit index; the golongan code for a PNS and 32 + the code for a PPPK (their
/// codes overlap); the enum codes; the band's lower age; the birth year.
DisclosureCheck disclosure_check(const Workforce& wf, const std::vector<QuasiIdentifier>& quasi_identifiers,
                                 std::uint64_t k = 5, std::int32_t as_of = 0, unsigned band_years = 5);

}  // namespace penata
