/* penata C API example: a rule set, predikat from the two ratings, IP ASN, and the PermenPANRB
 * 6/2022 distribution check of one unit with its suggested correction.
 *   cc -std=c99 appraisal.c $(pkg-config --cflags --libs penata) -o appraisal */
#include <stdio.h>

#include "penata/penata.h"

#define N 5

static int fail(penata_context *ctx, const char *what) {
    fprintf(stderr, "%s: %s\n", what, penata_context_last_error(ctx));
    return 1;
}

int main(void) {
    /* Five employees of one unit (SYNTHETIC DATA). */
    const uint8_t hasil[N] = {PENATA_RATING_DI_ATAS, PENATA_RATING_SESUAI, PENATA_RATING_SESUAI,
                              PENATA_RATING_SESUAI, PENATA_RATING_DI_ATAS};
    const uint8_t perilaku[N] = {PENATA_RATING_DI_ATAS, PENATA_RATING_SESUAI, PENATA_RATING_DI_ATAS,
                                 PENATA_RATING_SESUAI, PENATA_RATING_SESUAI};
    const uint8_t education[N] = {PENATA_EDUCATION_S2, PENATA_EDUCATION_S1, PENATA_EDUCATION_D3,
                                  PENATA_EDUCATION_SLTA, PENATA_EDUCATION_S1};
    const uint8_t position[N] = {PENATA_POSITION_ADMINISTRATOR, PENATA_POSITION_FUNGSIONAL,
                                 PENATA_POSITION_PELAKSANA, PENATA_POSITION_PELAKSANA, PENATA_POSITION_FUNGSIONAL};
    const double hours[N] = {24, 30, 12, 0, 20};
    const uint8_t discipline[N] = {PENATA_DISCIPLINE_NONE, PENATA_DISCIPLINE_NONE, PENATA_DISCIPLINE_RINGAN,
                                   PENATA_DISCIPLINE_NONE, PENATA_DISCIPLINE_NONE};
    const uint8_t leadership[N] = {1, 0, 0, 0, 0}, functional[N] = {0, 1, 0, 0, 1}, seminar[N] = {1, 1, 0, 1, 0};
    uint8_t predikat[N], category[N];
    double ip[N];
    penata_context *ctx = NULL;
    penata_ruleset *rs = NULL;
    penata_distribution_result *check = NULL;
    const char *name = NULL;
    size_t i, count = 0;
    int compliant = 0, status = 1;

    if (penata_context_create(&ctx) != PENATA_OK) return 1;
    if (penata_ruleset_builtin(ctx, "default", &rs) != PENATA_OK) return fail(ctx, "rule set");
    penata_ruleset_name(ctx, rs, &name);
    printf("rule set %s\n", name);

    if (penata_predikat(ctx, rs, N, hasil, perilaku, predikat) != PENATA_OK ||
        penata_ip_asn(ctx, rs, N, education, position, hours, discipline, leadership, functional, seminar, predikat,
                      ip, NULL, NULL, NULL, NULL, category) != PENATA_OK) {
        status = fail(ctx, "scoring");
        goto done;
    }
    for (i = 0; i < N; ++i)
        printf("employee %u: predikat %-15s IP ASN %5.1f (%s)\n", (unsigned)(i + 1),
               penata_appraisal_code_text(PENATA_KIND_PREDIKAT, predikat[i]), ip[i],
               penata_appraisal_code_text(PENATA_KIND_IP_ASN_CATEGORY, category[i]));

    /* The unit's organisational predikat is "baik": at most 70% baik, at least one
     * butuh_perbaikan or kurang. */
    if (penata_distribution_check_predikat(ctx, rs, PENATA_ORG_PREDIKAT_BAIK, N, predikat, &check) != PENATA_OK) {
        status = fail(ctx, "distribution check");
        goto done;
    }
    penata_distribution_result_summary(ctx, check, &compliant, NULL, NULL);
    printf("distribution: %s\n", compliant ? "complies" : "breaks the rules");
    penata_distribution_result_violation_count(ctx, check, &count);
    for (i = 0; i < count; ++i) {
        penata_distribution_violation v;
        if (penata_distribution_result_violation(ctx, check, i, &v) == PENATA_OK) printf("  violation: %s\n", v.message);
    }
    penata_distribution_result_change_count(ctx, check, &count);
    for (i = 0; i < count; ++i) {
        penata_distribution_change c;
        if (penata_distribution_result_change(ctx, check, i, &c) == PENATA_OK)
            printf("  suggestion: %u x %s -> %s (%s)\n", (unsigned)c.count,
                   penata_appraisal_code_text(PENATA_KIND_PREDIKAT, c.from),
                   penata_appraisal_code_text(PENATA_KIND_PREDIKAT, c.to), c.reason);
    }
    status = 0;
done:
    penata_distribution_result_destroy(check);
    penata_ruleset_destroy(rs);
    penata_context_destroy(ctx);
    return status;
}
