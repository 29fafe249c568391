/* penata C API example: a pseudonymised release of the synthetic Bengkulu workforce and its
 * disclosure check. (SYNTHETIC DATA: the workforce is generated.)
 *
 *   cc -std=c99 privacy.c $(pkg-config --cflags --libs penata) -o privacy
 *
 * The key comes from the environment variable PENATA_KEY (hex) when set; otherwise this example
 * uses a fixed demonstration key, which a real release must never do (docs/privacy.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "penata/penata.h"

#define TRY(call)                                                                      \
    do {                                                                               \
        if ((call) != PENATA_OK) {                                                     \
            fprintf(stderr, "%s failed: %s\n", #call, penata_context_last_error(ctx)); \
            exit(1);                                                                   \
        }                                                                              \
    } while (0)

static size_t key_from_hex(const char *hex, unsigned char *out, size_t capacity) {
    size_t n = 0;
    unsigned int byte;
    while (n < capacity && hex[2 * n] && hex[2 * n + 1] && sscanf(hex + 2 * n, "%2x", &byte) == 1) out[n++] = (unsigned char)byte;
    return n;
}

int main(void) {
    penata_context *ctx = NULL;
    penata_workforce *wf = NULL;
    penata_pseudonym_key *key = NULL;
    penata_pseudonym_options *opts = NULL;
    penata_disclosure *d = NULL;
    unsigned char secret[64];
    size_t secret_length = 32, below = 0, size = 0, i;
    const char *hex = getenv("PENATA_KEY");
    char *csv = NULL;
    uint64_t records = 0, groups = 0, smallest = 0, count = 0;
    uint32_t values[3];
    const int qi[3] = {PENATA_QI_UNIT, PENATA_QI_GENDER, PENATA_QI_AGE_BAND};

    if (hex)
        secret_length = key_from_hex(hex, secret, sizeof secret);
    else
        memset(secret, 0x5a, secret_length);
    TRY(penata_context_create(&ctx));
    TRY(penata_pseudonym_key_create(ctx, secret, secret_length, &key));
    memset(secret, 0, sizeof secret); /* penata keeps its own copy, wiped when destroyed */
    TRY(penata_sample_bengkulu(ctx, 2000, 3, &wf));

    TRY(penata_pseudonym_options_create(ctx, &opts));
    TRY(penata_pseudonym_options_set_birth(ctx, opts, PENATA_DATE_AGE_BAND));
    TRY(penata_pseudonym_options_set_age_band(ctx, opts, 20269 /* 2025-06-30 */, 10));
    TRY(penata_pseudonymise_workforce_csv(ctx, wf, key, opts, &csv, &size));
    printf("release: %zu bytes; first lines:\n", size);
    for (i = 0; i < size && csv[i]; ++i) {
        static int lines = 0;
        putchar(csv[i]);
        if (csv[i] == '\n' && ++lines == 3) break;
    }
    penata_free(csv);

    TRY(penata_disclosure_check(ctx, wf, qi, 3, 5, 20269, 10, &d));
    TRY(penata_disclosure_counts(ctx, d, &records, &groups, &smallest, &below));
    printf("unit x gender x 10-year age band: %llu records in %llu groups, smallest %llu, %zu below k=5\n",
           (unsigned long long)records, (unsigned long long)groups, (unsigned long long)smallest, below);
    if (below > 0) {
        TRY(penata_disclosure_group(ctx, d, 0, values, 3, &count));
        printf("first small group: unit #%u, gender %u, age %u+: %llu people\n", values[0], values[1], values[2],
               (unsigned long long)count);
    }
    penata_disclosure_destroy(d);
    penata_pseudonym_options_destroy(opts);
    penata_workforce_destroy(wf);
    penata_pseudonym_key_destroy(key);
    penata_context_destroy(ctx);
    return 0;
}
