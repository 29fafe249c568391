// penata C API — pseudonymisation keys and options, NIP tokens, the pseudonymised workforce CSV
// and disclosure checks.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "handles.hpp"
#include "penata/privacy.hpp"

struct penata_pseudonym_key {
    penata::PseudonymKey key;
};

struct penata_pseudonym_options {
    penata::PseudonymOptions options;
};

struct penata_disclosure {
    penata::DisclosureCheck check;
    std::size_t columns = 0;
};

using namespace penata::capi;

namespace {

using namespace penata;

static_assert(static_cast<int>(DateDetail::year) == PENATA_DATE_YEAR &&
              static_cast<int>(DateDetail::age_band) == PENATA_DATE_AGE_BAND &&
              static_cast<int>(DateDetail::drop) == PENATA_DATE_DROP);
static_assert(static_cast<int>(QuasiIdentifier::unit) == PENATA_QI_UNIT &&
              static_cast<int>(QuasiIdentifier::golongan) == PENATA_QI_GOLONGAN &&
              static_cast<int>(QuasiIdentifier::gender) == PENATA_QI_GENDER &&
              static_cast<int>(QuasiIdentifier::age_band) == PENATA_QI_AGE_BAND &&
              static_cast<int>(QuasiIdentifier::education) == PENATA_QI_EDUCATION &&
              static_cast<int>(QuasiIdentifier::employment_type) == PENATA_QI_EMPLOYMENT_TYPE &&
              static_cast<int>(QuasiIdentifier::position_class) == PENATA_QI_POSITION_CLASS &&
              static_cast<int>(QuasiIdentifier::position_level) == PENATA_QI_POSITION_LEVEL &&
              static_cast<int>(QuasiIdentifier::birth_year) == PENATA_QI_BIRTH_YEAR);

DateDetail date_detail(int detail, bool age_band_allowed) {
    if (detail == PENATA_DATE_YEAR || detail == PENATA_DATE_DROP || (age_band_allowed && detail == PENATA_DATE_AGE_BAND))
        return static_cast<DateDetail>(detail);
    fail(PENATA_ERR_INVALID_ARGUMENT, "argument 'detail' is " + std::to_string(detail) + ", not a PENATA_DATE_* value" +
                                          (age_band_allowed ? "" : " allowed here (year or drop)"));
}

}  // namespace

extern "C" {

int penata_pseudonym_key_create(penata_context* ctx, const void* key, size_t key_length, penata_pseudonym_key** out) {
    return guard(ctx, [&] {
        need(out, "out");
        if (key_length) need(key, "key");
        make(out, PseudonymKey(std::string_view(static_cast<const char*>(key), key_length)));
    });
}

void penata_pseudonym_key_destroy(penata_pseudonym_key* key) { delete key; }

int penata_nip_tokens(penata_context* ctx, const penata_pseudonym_key* key, const uint64_t* nips, size_t n,
                      unsigned token_bits, char* out, size_t capacity) {
    return guard(ctx, [&] {
        need(key, "key");
        need(out, "out");
        if (n) need(nips, "nips");
        check_token_bits(token_bits);
        const std::size_t width = token_bits / 4;
        if (n > capacity / width)
            fail(PENATA_ERR_BUFFER_TOO_SMALL, "out holds " + std::to_string(capacity) + " chars; " + std::to_string(n) +
                                                  " tokens of " + std::to_string(width) + " need " +
                                                  std::to_string(n * width));
        nip_tokens(key->key, nips, n, out, token_bits);
    });
}

int penata_pseudonym_options_create(penata_context* ctx, penata_pseudonym_options** out) {
    return guard(ctx, [&] { make(need(out, "out")); });
}

void penata_pseudonym_options_destroy(penata_pseudonym_options* opts) { delete opts; }

int penata_pseudonym_options_set_token_bits(penata_context* ctx, penata_pseudonym_options* opts, unsigned token_bits) {
    return guard(ctx, [&] { need(opts, "opts")->options.token_bits = token_bits; });
}

int penata_pseudonym_options_set_birth(penata_context* ctx, penata_pseudonym_options* opts, int detail) {
    return guard(ctx, [&] { need(opts, "opts")->options.birth = date_detail(detail, true); });
}

int penata_pseudonym_options_set_tmt(penata_context* ctx, penata_pseudonym_options* opts, int detail) {
    return guard(ctx, [&] { need(opts, "opts")->options.tmt = date_detail(detail, false); });
}

int penata_pseudonym_options_set_age_band(penata_context* ctx, penata_pseudonym_options* opts, int32_t as_of,
                                          unsigned band_years) {
    return guard(ctx, [&] {
        need(opts, "opts");
        opts->options.as_of = as_of;
        opts->options.band_years = band_years;
    });
}

int penata_pseudonym_options_set_keep_position_name(penata_context* ctx, penata_pseudonym_options* opts, int keep) {
    return guard(ctx, [&] { need(opts, "opts")->options.keep_position_name = keep != 0; });
}

int penata_pseudonymise_workforce_csv(penata_context* ctx, const penata_workforce* wf, const penata_pseudonym_key* key,
                                      const penata_pseudonym_options* opts, char** out, size_t* size) {
    return guard(ctx, [&] {
        need(wf, "wf");
        need(key, "key");
        need(out, "out");
        const std::string text = pseudonymise(wf->wf, key->key, opts ? opts->options : PseudonymOptions{}).to_csv();
        char* buffer = static_cast<char*>(std::malloc(text.size() + 1));
        if (!buffer) throw std::bad_alloc();
        std::memcpy(buffer, text.c_str(), text.size() + 1);
        *out = buffer;
        if (size) *size = text.size();
    });
}

int penata_disclosure_check(penata_context* ctx, const penata_workforce* wf, const int* quasi_identifiers, size_t n_qi,
                            uint64_t k, int32_t as_of, unsigned band_years, penata_disclosure** out) {
    return guard(ctx, [&] {
        need(wf, "wf");
        need(out, "out");
        if (n_qi) need(quasi_identifiers, "quasi_identifiers");
        std::vector<QuasiIdentifier> qi;
        for (size_t i = 0; i < n_qi; ++i) {
            if (quasi_identifiers[i] < PENATA_QI_UNIT || quasi_identifiers[i] > PENATA_QI_BIRTH_YEAR)
                fail(PENATA_ERR_INVALID_ARGUMENT, "quasi_identifiers[" + std::to_string(i) + "] is " +
                                                      std::to_string(quasi_identifiers[i]) + ", not a PENATA_QI_* value");
            qi.push_back(static_cast<QuasiIdentifier>(quasi_identifiers[i]));
        }
        auto d = std::make_unique<penata_disclosure>();
        d->check = disclosure_check(wf->wf, qi, k, as_of, band_years);
        d->columns = qi.size();
        *out = d.release();
    });
}

void penata_disclosure_destroy(penata_disclosure* d) { delete d; }

int penata_disclosure_counts(penata_context* ctx, const penata_disclosure* d, uint64_t* records, uint64_t* groups,
                             uint64_t* smallest, size_t* below_k) {
    return guard(ctx, [&] {
        need(d, "d");
        if (records) *records = d->check.records;
        if (groups) *groups = d->check.groups;
        if (smallest) *smallest = d->check.smallest;
        if (below_k) *below_k = d->check.below_k.size();
    });
}

int penata_disclosure_group(penata_context* ctx, const penata_disclosure* d, size_t index, uint32_t* values,
                            size_t capacity, uint64_t* count) {
    return guard(ctx, [&] {
        need(d, "d");
        need(values, "values");
        if (index >= d->check.below_k.size())
            fail(PENATA_ERR_INVALID_ARGUMENT, "index " + std::to_string(index) + " is out of range (" +
                                                  std::to_string(d->check.below_k.size()) + " groups below k)");
        const auto& g = d->check.below_k[index];
        if (capacity < g.values.size())
            fail(PENATA_ERR_BUFFER_TOO_SMALL, "values holds " + std::to_string(capacity) + "; the group has " +
                                                  std::to_string(g.values.size()) + " values");
        std::copy(g.values.begin(), g.values.end(), values);
        if (count) *count = g.count;
    });
}

}  // extern "C"
