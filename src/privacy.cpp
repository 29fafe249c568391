#include "penata/privacy.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <charconv>

#include "csv_table.hpp"
#include "parallel.hpp"
#include "penata/date.hpp"

namespace penata {

namespace {

ValidationError invalid(const std::string& field, const std::string& value, const std::string& rule,
                        const std::string& message) {
    return ValidationError(Issue{-1, field, clip_value(value), rule, message});
}

// The NIP as its 18 digits (leading zeros kept: a token is of the text form).
void nip_digits(std::uint64_t nip, char* out) {
    for (int i = 17; i >= 0; --i, nip /= 10) out[i] = static_cast<char>('0' + nip % 10);
}

constexpr char kHex[] = "0123456789abcdef";

// One HMAC context per thread: the key schedule is computed once, then copied per token.
class TokenMaker {
public:
    TokenMaker(std::string_view key, unsigned token_bits) : width_(token_bits / 4) {
        mac_ = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        base_ = mac_ ? EVP_MAC_CTX_new(mac_) : nullptr;
        char digest[] = "SHA256";
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
        if (!base_ || !EVP_MAC_init(base_, reinterpret_cast<const unsigned char*>(key.data()), key.size(), params)) {
            release();
            throw Error("OpenSSL could not set up HMAC-SHA-256");
        }
        std::copy(kNipTokenDomain.begin(), kNipTokenDomain.end(), message_);
    }
    TokenMaker(const TokenMaker&) = delete;
    TokenMaker& operator=(const TokenMaker&) = delete;
    ~TokenMaker() { release(); }

    void token(std::uint64_t nip, char* out) {
        nip_digits(nip, message_ + kNipTokenDomain.size());
        EVP_MAC_CTX* ctx = EVP_MAC_CTX_dup(base_);
        unsigned char mac[32];
        std::size_t len = 0;
        const bool ok = ctx && EVP_MAC_update(ctx, reinterpret_cast<unsigned char*>(message_), sizeof message_) &&
                        EVP_MAC_final(ctx, mac, &len, sizeof mac) && len == sizeof mac;
        EVP_MAC_CTX_free(ctx);
        if (!ok) throw Error("OpenSSL HMAC-SHA-256 failed");
        for (unsigned i = 0; i < width_; ++i) out[i] = kHex[(mac[i / 2] >> (i % 2 ? 0 : 4)) & 0xF];
        OPENSSL_cleanse(mac, sizeof mac);
    }

private:
    void release() {
        EVP_MAC_CTX_free(base_);
        EVP_MAC_free(mac_);
        base_ = nullptr;
        mac_ = nullptr;
    }
    EVP_MAC* mac_ = nullptr;
    EVP_MAC_CTX* base_ = nullptr;
    unsigned width_;
    char message_[kNipTokenDomain.size() + 18]{};
};

}  // namespace

std::array<std::uint8_t, 32> hmac_sha256(std::string_view key, std::string_view message) {
    std::array<std::uint8_t, 32> out{};
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
              message.size(), out.data(), &len) ||
        len != out.size())
        throw Error("OpenSSL HMAC-SHA-256 failed");
    return out;
}

PseudonymKey::PseudonymKey(std::string_view bytes) : key_(bytes) {
    if (bytes.empty()) throw invalid("key", "", "privacy.key_empty", "a pseudonymisation key is required (32 random bytes)");
    if (bytes.size() < kMinKeyBytes) {
        const std::size_t n = bytes.size();
        OPENSSL_cleanse(key_.data(), key_.size());
        throw invalid("key", std::to_string(n) + " bytes", "privacy.key_short",
                      "the key must have at least " + std::to_string(kMinKeyBytes) +
                          " bytes (secrets.token_bytes(32) makes one); a short key can be guessed");
    }
}
PseudonymKey::PseudonymKey(const PseudonymKey& other) = default;
PseudonymKey& PseudonymKey::operator=(const PseudonymKey& other) {
    if (this != &other) {
        OPENSSL_cleanse(key_.data(), key_.size());
        key_ = other.key_;
    }
    return *this;
}
PseudonymKey::~PseudonymKey() { OPENSSL_cleanse(key_.data(), key_.size()); }

void check_token_bits(unsigned token_bits) {
    if (token_bits < 64 || token_bits > 256 || token_bits % 32 != 0)
        throw invalid("token_bits", std::to_string(token_bits), "privacy.token_bits",
                      "must be 64, 96, ..., 256 (default 128)");
}

std::string nip_token(const PseudonymKey& key, std::uint64_t nip, unsigned token_bits) {
    check_token_bits(token_bits);
    std::string out(token_bits / 4, '\0');
    TokenMaker(key.bytes(), token_bits).token(nip, out.data());
    return out;
}

void nip_tokens(const PseudonymKey& key, const std::uint64_t* nips, std::size_t n, char* out, unsigned token_bits,
                unsigned threads) {
    check_token_bits(token_bits);
    const std::size_t width = token_bits / 4;
    detail::parallel_blocks(n, 8192, detail::thread_count(threads, n, 50000), no_progress(), "pseudonymisation",
                            [&](std::size_t begin, std::size_t end, std::size_t) {
                                TokenMaker maker(key.bytes(), token_bits);
                                for (std::size_t i = begin; i < end; ++i) maker.token(nips[i], out + i * width);
                            });
}

int age_band_start(std::int32_t birth_date, std::int32_t as_of, unsigned band_years) {
    const CivilDate b = civil_from_days(birth_date), t = civil_from_days(as_of);
    int age = t.year - b.year - ((t.month < b.month || (t.month == b.month && t.day < b.day)) ? 1 : 0);
    age = std::max(age, 0);
    return age - age % static_cast<int>(band_years);
}

PseudonymisedWorkforce pseudonymise(const Workforce& wf, const PseudonymKey& key, const PseudonymOptions& o) {
    check_token_bits(o.token_bits);
    if (o.band_years < 1 || o.band_years > 20)
        throw invalid("band_years", std::to_string(o.band_years), "privacy.band_years", "must be 1..20 years");
    if (o.birth == DateDetail::age_band && o.as_of == 0)
        throw invalid("as_of", "", "privacy.as_of", "an age band needs the date the ages are taken at");
    if (o.tmt == DateDetail::age_band)
        throw invalid("tmt", "age_band", "privacy.tmt_detail", "a TMT is released as its year or not at all");
    const std::size_t n = wf.size();
    PseudonymisedWorkforce p;
    p.token_width = o.token_bits / 4;
    p.birth_detail = o.birth;
    p.band_years = o.band_years;
    p.tokens.resize(n * p.token_width);
    nip_tokens(key, wf.nip().data(), n, p.tokens.data(), o.token_bits);
    if (o.birth != DateDetail::drop) {
        p.birth.resize(n);
        for (std::size_t r = 0; r < n; ++r)
            p.birth[r] = static_cast<std::int16_t>(o.birth == DateDetail::year ? civil_from_days(wf.birth_date()[r]).year
                                                                              : age_band_start(wf.birth_date()[r], o.as_of, o.band_years));
    }
    if (o.tmt == DateDetail::year) {
        p.tmt_year.resize(n);
        for (std::size_t r = 0; r < n; ++r) p.tmt_year[r] = static_cast<std::int16_t>(year_of_month_index(wf.tmt()[r]));
    }
    p.employment_type = wf.employment_type();
    p.gender = wf.gender();
    p.golongan = wf.golongan();
    p.position_class = wf.position_class();
    p.position_level = wf.position_level();
    p.education = wf.education();
    p.discipline = wf.discipline();
    p.unit = wf.unit_index();
    for (const auto& u : wf.units().all()) p.unit_codes.push_back(u.code);
    p.training_hours = wf.training_hours();
    if (o.keep_position_name) {
        p.position_names.reserve(n);
        for (std::uint32_t c : wf.position_name_code()) p.position_names.push_back(wf.position_name_dictionary()[c]);
    }
    return p;
}

std::string PseudonymisedWorkforce::to_csv() const {
    std::string out = "token,employment_type,gender";
    if (!birth.empty()) out += birth_detail == DateDetail::age_band ? ",age_band" : ",birth_year";
    if (!tmt_year.empty()) out += ",tmt_year";
    out += ",golongan,position_class,position_level";
    if (!position_names.empty()) out += ",position_name";
    out += ",unit_code,education,training_hours,discipline\n";
    char num[32];
    for (std::size_t r = 0; r < size(); ++r) {
        const auto type = static_cast<EmploymentType>(employment_type[r]);
        out.append(token(r));
        out += ',';
        out += to_text(type);
        out += ',';
        out += to_text(static_cast<Gender>(gender[r]));
        if (!birth.empty()) {
            out += ',';
            out += std::to_string(birth[r]);
            if (birth_detail == DateDetail::age_band) out += '-' + std::to_string(birth[r] + static_cast<int>(band_years) - 1);
        }
        if (!tmt_year.empty()) out += ',' + std::to_string(tmt_year[r]);
        out += ',';
        out += golongan_text(type, golongan[r]);
        out += ',';
        out += to_text(static_cast<PositionClass>(position_class[r]));
        out += ',';
        out += to_text(static_cast<PositionLevel>(position_level[r]));
        if (!position_names.empty()) out += ',' + detail::quote(position_names[r]);
        out += ',';
        out += unit_codes[unit[r]];
        out += ',';
        out += to_text(static_cast<Education>(education[r]));
        out += ',';
        out.append(num, std::to_chars(num, num + sizeof num, training_hours[r]).ptr);
        out += ',';
        out += to_text(static_cast<Discipline>(discipline[r]));
        out += '\n';
    }
    return out;
}

DisclosureCheck group_sizes(const std::vector<std::vector<std::uint32_t>>& columns, std::uint64_t k) {
    if (k == 0) throw invalid("k", "0", "privacy.k", "k must be at least 1");
    if (columns.empty() || columns.size() > 16)
        throw invalid("quasi_identifiers", std::to_string(columns.size()), "privacy.columns",
                      "give 1 to 16 quasi-identifier columns");
    const std::size_t n = columns.front().size();
    for (const auto& c : columns)
        if (c.size() != n)
            throw invalid("quasi_identifiers", std::to_string(c.size()), "privacy.columns",
                          "every column must have " + std::to_string(n) + " values");
    // Sort row indices by their tuple of codes, then count runs.
    std::vector<std::uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
    auto less = [&](std::uint32_t a, std::uint32_t b) {
        for (const auto& c : columns)
            if (c[a] != c[b]) return c[a] < c[b];
        return false;
    };
    std::sort(order.begin(), order.end(), less);
    DisclosureCheck out;
    out.k = k;
    out.records = n;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i + 1;
        while (j < n && !less(order[i], order[j])) ++j;
        const std::uint64_t count = j - i;
        ++out.groups;
        out.smallest = out.groups == 1 ? count : std::min(out.smallest, count);
        if (count < k) {
            DisclosureGroup g;
            g.count = count;
            for (const auto& c : columns) g.values.push_back(c[order[i]]);
            out.below_k.push_back(std::move(g));
        }
        i = j;
    }
    return out;
}

DisclosureCheck disclosure_check(const Workforce& wf, const std::vector<QuasiIdentifier>& qi, std::uint64_t k,
                                 std::int32_t as_of, unsigned band_years) {
    if (band_years < 1 || band_years > 20)
        throw invalid("band_years", std::to_string(band_years), "privacy.band_years", "must be 1..20 years");
    const std::size_t n = wf.size();
    std::vector<std::vector<std::uint32_t>> cols;
    auto widen = [&](const std::vector<std::uint8_t>& v) { return std::vector<std::uint32_t>(v.begin(), v.end()); };
    for (QuasiIdentifier q : qi) {
        switch (q) {
            case QuasiIdentifier::unit: cols.push_back(wf.unit_index()); break;
            case QuasiIdentifier::golongan: {
                // PNS and PPPK golongan share codes 1..17: keep them apart.
                std::vector<std::uint32_t> g(n);
                for (std::size_t r = 0; r < n; ++r) g[r] = wf.golongan()[r] + 32u * wf.employment_type()[r];
                cols.push_back(std::move(g));
                break;
            }
            case QuasiIdentifier::gender: cols.push_back(widen(wf.gender())); break;
            case QuasiIdentifier::education: cols.push_back(widen(wf.education())); break;
            case QuasiIdentifier::employment_type: cols.push_back(widen(wf.employment_type())); break;
            case QuasiIdentifier::position_class: cols.push_back(widen(wf.position_class())); break;
            case QuasiIdentifier::position_level: cols.push_back(widen(wf.position_level())); break;
            case QuasiIdentifier::age_band: {
                if (as_of == 0) throw invalid("as_of", "", "privacy.as_of", "an age band needs the date the ages are taken at");
                std::vector<std::uint32_t> a(n);
                for (std::size_t r = 0; r < n; ++r)
                    a[r] = static_cast<std::uint32_t>(age_band_start(wf.birth_date()[r], as_of, band_years));
                cols.push_back(std::move(a));
                break;
            }
            case QuasiIdentifier::birth_year: {
                std::vector<std::uint32_t> y(n);
                for (std::size_t r = 0; r < n; ++r) y[r] = static_cast<std::uint32_t>(civil_from_days(wf.birth_date()[r]).year);
                cols.push_back(std::move(y));
                break;
            }
            default:
                throw invalid("quasi_identifiers", std::to_string(static_cast<int>(q)), "privacy.quasi_identifier",
                              "unknown quasi-identifier");
        }
    }
    return group_sizes(cols, k);
}

}  // namespace penata
