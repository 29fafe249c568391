/* C API: pseudonymisation keys, NIP tokens against the golden vector, the pseudonymised workforce
 * CSV (no NIP, name or birth date left) and disclosure checks. */
#include <inttypes.h>

#include "check.h"

#define N 400

/* HMAC-SHA-256(32 x 'k', "penata:nip:v1:199001012015031001"), computed with Python's hmac. */
static const char *const kGolden = "ef3c556c59cda6be5d1cd454f4bbf740a080ab7fb42bcb3dbf252e2aed19403f";

int main(int argc, char **argv) {
    penata_context *ctx = NULL;
    penata_pseudonym_key *key = NULL, *other = NULL, *bad = NULL;
    penata_pseudonym_options *opts = NULL;
    penata_workforce *wf = NULL;
    penata_disclosure *d = NULL;
    char secret[32], tokens[2 * 64 + 1], small[10];
    char *csv = NULL, nip_text[32], name[256];
    static uint64_t nips[N];
    uint64_t two[2] = {199001012015031001ULL, 198609262015051001ULL};
    uint64_t records = 0, groups = 0, smallest = 0, count = 0;
    size_t size = 0, below = 0, i, n = 0;
    uint32_t values[4];
    int qi[3] = {PENATA_QI_UNIT, PENATA_QI_GENDER, PENATA_QI_AGE_BAND};
    int bad_qi[1] = {99};
    (void)argc;
    (void)argv;
    memset(secret, 'k', sizeof secret);

    REQUIRE_OK(ctx, penata_context_create(&ctx));
    /* Keys: at least 32 bytes; the message quotes the length, never the key. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_pseudonym_key_create(ctx, secret, 0, &bad));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "privacy.key_empty") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_pseudonym_key_create(ctx, secret, 31, &bad));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "privacy.key_short") == 0);
    CHECK(strstr(penata_context_last_error(ctx), "kkkk") == NULL);
    CHECK(bad == NULL);
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_pseudonym_key_create(ctx, NULL, 32, &bad));
    REQUIRE_OK(ctx, penata_pseudonym_key_create(ctx, secret, sizeof secret, &key));
    secret[0] = 'x';
    REQUIRE_OK(ctx, penata_pseudonym_key_create(ctx, secret, sizeof secret, &other));

    /* Tokens: 64 hex digits at 256 bits, the same for the same key, another for another key. */
    memset(tokens, 0, sizeof tokens);
    CHECK_OK(ctx, penata_nip_tokens(ctx, key, two, 2, 256, tokens, 128));
    CHECK(memcmp(tokens, kGolden, 64) == 0);
    for (i = 0; i < 128; ++i) CHECK((tokens[i] >= '0' && tokens[i] <= '9') || (tokens[i] >= 'a' && tokens[i] <= 'f'));
    {
        char again[64], others[64];
        CHECK_OK(ctx, penata_nip_tokens(ctx, key, two, 1, 256, again, sizeof again));
        CHECK(memcmp(again, tokens, 64) == 0);
        CHECK_OK(ctx, penata_nip_tokens(ctx, other, two, 1, 256, others, sizeof others));
        CHECK(memcmp(others, tokens, 64) != 0);
        CHECK_OK(ctx, penata_nip_tokens(ctx, key, two, 1, 128, again, sizeof again));
        CHECK(memcmp(again, tokens, 32) == 0); /* a shorter token is a prefix */
    }
    CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL, penata_nip_tokens(ctx, key, two, 2, 128, small, sizeof small));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_nip_tokens(ctx, key, two, 2, 100, tokens, sizeof tokens));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "privacy.token_bits") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_tokens(ctx, NULL, two, 2, 128, tokens, sizeof tokens));
    CHECK_OK(ctx, penata_nip_tokens(ctx, key, NULL, 0, 128, tokens, sizeof tokens));

    /* The pseudonymised workforce keeps no NIP, name or birth date. */
    REQUIRE_OK(ctx, penata_sample_bengkulu(ctx, N, 7, &wf));
    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK_OK(ctx, penata_workforce_column_u64(ctx, wf, PENATA_FIELD_NIP, nips, N));
    REQUIRE_OK(ctx, penata_pseudonymise_workforce_csv(ctx, wf, key, NULL, &csv, &size));
    CHECK(strncmp(csv, "token,employment_type,gender,birth_year,tmt_year,golongan,", 58) == 0);
    CHECK(strlen(csv) == size);
    for (i = 0; i < n; ++i) {
        sprintf(nip_text, "%018" PRIu64, nips[i]);
        CHECK(strstr(csv, nip_text) == NULL);
        CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, i, PENATA_FIELD_NAME, name, sizeof name, NULL));
        CHECK(strstr(csv, name) == NULL);
        CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, i, PENATA_FIELD_BIRTH_DATE, name, sizeof name, NULL));
        CHECK(strstr(csv, name) == NULL);
    }
    penata_free(csv);
    csv = NULL;

    REQUIRE_OK(ctx, penata_pseudonym_options_create(ctx, &opts));
    CHECK_OK(ctx, penata_pseudonym_options_set_birth(ctx, opts, PENATA_DATE_AGE_BAND));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_pseudonymise_workforce_csv(ctx, wf, key, opts, &csv, NULL));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "privacy.as_of") == 0);
    CHECK_OK(ctx, penata_pseudonym_options_set_age_band(ctx, opts, 20269 /* 2025-06-30 */, 10));
    CHECK_OK(ctx, penata_pseudonym_options_set_tmt(ctx, opts, PENATA_DATE_DROP));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_pseudonym_options_set_tmt(ctx, opts, PENATA_DATE_AGE_BAND));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_pseudonym_options_set_birth(ctx, opts, 7));
    CHECK_OK(ctx, penata_pseudonym_options_set_token_bits(ctx, opts, 64));
    CHECK_OK(ctx, penata_pseudonym_options_set_keep_position_name(ctx, opts, 1));
    REQUIRE_OK(ctx, penata_pseudonymise_workforce_csv(ctx, wf, key, opts, &csv, NULL));
    CHECK(strncmp(csv, "token,employment_type,gender,age_band,golongan,position_class,position_level,position_name,", 89) == 0);
    CHECK(strchr(csv, '\n')[17] == ','); /* a 64-bit token has 16 hex digits */
    penata_free(csv);

    /* Disclosure check. */
    CHECK_OK(ctx, penata_disclosure_check(ctx, wf, qi, 3, 5, 20269, 5, &d));
    CHECK_OK(ctx, penata_disclosure_counts(ctx, d, &records, &groups, &smallest, &below));
    CHECK(records == N);
    CHECK(groups > 0 && groups <= N);
    CHECK(below > 0 && smallest < 5);
    CHECK_OK(ctx, penata_disclosure_group(ctx, d, 0, values, 4, &count));
    CHECK(count >= 1 && count < 5);
    CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL, penata_disclosure_group(ctx, d, 0, values, 2, &count));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_disclosure_group(ctx, d, below, values, 4, &count));
    CHECK_OK(ctx, penata_disclosure_counts(ctx, d, NULL, NULL, NULL, NULL));
    penata_disclosure_destroy(d);
    d = NULL;
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_disclosure_check(ctx, wf, qi, 3, 0, 20269, 5, &d));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "privacy.k") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_disclosure_check(ctx, wf, qi, 0, 5, 20269, 5, &d));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_disclosure_check(ctx, wf, bad_qi, 1, 5, 20269, 5, &d));
    CHECK(d == NULL);

    penata_disclosure_destroy(NULL);
    penata_pseudonym_options_destroy(NULL);
    penata_pseudonym_key_destroy(NULL);
    penata_pseudonym_options_destroy(opts);
    penata_workforce_destroy(wf);
    penata_pseudonym_key_destroy(other);
    penata_pseudonym_key_destroy(key);
    penata_context_destroy(ctx);
    return check_summary("privacy");
}
