/* C API: the synthetic Bengkulu sample (SYNTHETIC DATA) read through the C API. */
#include <inttypes.h>

#include "check.h"

#define N 500

int main(int argc, char **argv) {
    penata_context *ctx = NULL;
    penata_workforce *wf = NULL, *same = NULL, *other = NULL, *empty = NULL;
    static uint8_t gol[N], type[N], cls[N], lvl[N];
    static uint64_t nip[N];
    static uint32_t unit[N];
    static double hours[N];
    char text[32];
    char *a = NULL, *b = NULL, *c = NULL;
    size_t n = 0, units = 0, row = 0, i;
    int all_ok = 1;
    penata_nip_parts parts;
    (void)argc;
    (void)argv;

    REQUIRE_OK(ctx, penata_context_create(&ctx));
    REQUIRE_OK(ctx, penata_sample_bengkulu(ctx, N, 42, &wf));
    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK(n == N);
    CHECK_OK(ctx, penata_workforce_unit_count(ctx, wf, &units));
    CHECK(units > 1);

    CHECK_OK(ctx, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_GOLONGAN, gol, N));
    CHECK_OK(ctx, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_EMPLOYMENT_TYPE, type, N));
    CHECK_OK(ctx, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_POSITION_CLASS, cls, N));
    CHECK_OK(ctx, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_POSITION_LEVEL, lvl, N));
    CHECK_OK(ctx, penata_workforce_column_u64(ctx, wf, PENATA_FIELD_NIP, nip, N));
    CHECK_OK(ctx, penata_workforce_column_u32(ctx, wf, PENATA_FIELD_UNIT_CODE, unit, N));
    CHECK_OK(ctx, penata_workforce_column_f64(ctx, wf, PENATA_FIELD_TRAINING_HOURS, hours, N));
    CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_GOLONGAN, gol, N - 1));

    /* Every employee is valid: its NIP parses for its type and it can be found by that NIP. */
    for (i = 0; i < N; ++i) {
        int ok = gol[i] >= 1 && gol[i] <= PENATA_GOLONGAN_COUNT && type[i] <= PENATA_PPPK && unit[i] < units &&
                 hours[i] >= 0.0 && ((cls[i] == PENATA_POSITION_FUNGSIONAL) == (lvl[i] != PENATA_LEVEL_NONE));
        snprintf(text, sizeof text, "%018" PRIu64, nip[i]);
        ok = ok && penata_nip_parse(ctx, NULL, text, type[i], &parts) == PENATA_OK;
        ok = ok && penata_workforce_find(ctx, wf, text, &row) == PENATA_OK && row == i;
        if (!ok) {
            if (all_ok) fprintf(stderr, "sample row %u (NIP %s) is not valid: %s\n", (unsigned)i, text,
                                penata_context_last_error(ctx));
            all_ok = 0;
        }
    }
    CHECK(all_ok);

    /* The same seed gives the same workforce; another seed another one. */
    REQUIRE_OK(ctx, penata_sample_bengkulu(ctx, N, 42, &same));
    REQUIRE_OK(ctx, penata_sample_bengkulu(ctx, N, 43, &other));
    CHECK_OK(ctx, penata_workforce_to_csv(ctx, wf, &a, NULL));
    CHECK_OK(ctx, penata_workforce_to_csv(ctx, same, &b, NULL));
    CHECK_OK(ctx, penata_workforce_to_csv(ctx, other, &c, NULL));
    CHECK(a && b && c && strcmp(a, b) == 0 && strcmp(a, c) != 0);

    /* An empty sample still has its unit tree. */
    REQUIRE_OK(ctx, penata_sample_bengkulu(ctx, 0, 1, &empty));
    CHECK_OK(ctx, penata_workforce_size(ctx, empty, &n));
    CHECK(n == 0);
    CHECK_OK(ctx, penata_workforce_unit_count(ctx, empty, &n));
    CHECK(n == units);
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_sample_bengkulu(ctx, 10, 1, NULL));

    penata_free(a);
    penata_free(b);
    penata_free(c);
    penata_workforce_destroy(empty);
    penata_workforce_destroy(other);
    penata_workforce_destroy(same);
    penata_workforce_destroy(wf);
    penata_context_destroy(ctx);
    return check_summary("sample");
}
