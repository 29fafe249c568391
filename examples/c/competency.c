/* penata C API example: competency gaps and Job Person Match (PermenPANRB 38/2017) over the
 * synthetic Bengkulu workforce: assessments added in bulk, a gap analysis, the training needs of
 * one unit and the candidates for an administrator post.
 * (SYNTHETIC DATA: the workforce and the assessment levels are generated.)
 *
 *   cc -std=c99 competency.c $(pkg-config --cflags --libs penata) -o competency
 */
#include <stdio.h>
#include <stdlib.h>

#include "penata/penata.h"

#define EMPLOYEES 2000
#define K 9                 /* the built-in framework: M.01 .. M.08 and SK.01 */
#define DAY_2025_03_01 20148 /* days since 1970-01-01 */
#define DAY_2025_06_30 20269

/* Stops the program with the context's message when a call fails. */
#define TRY(call)                                                                      \
    do {                                                                               \
        if ((call) != PENATA_OK) {                                                     \
            fprintf(stderr, "%s failed: %s\n", #call, penata_context_last_error(ctx)); \
            exit(1);                                                                   \
        }                                                                              \
    } while (0)

/* A small deterministic generator for the synthetic levels. */
static uint32_t next(uint32_t *state) {
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

int main(void) {
    static uint64_t nips[EMPLOYEES], a_nip[EMPLOYEES * K];
    static uint8_t cls[EMPLOYEES], lvl[EMPLOYEES], a_level[EMPLOYEES * K], category[EMPLOYEES], potential[EMPLOYEES];
    static uint16_t a_comp[EMPLOYEES * K];
    static int32_t a_date[EMPLOYEES * K];
    uint8_t req[K];
    penata_context *ctx = NULL;
    penata_workforce *wf = NULL;
    penata_competency_framework *fw = NULL;
    penata_position_standards *st = NULL;
    penata_assessments *as = NULL;
    penata_gap_rules *rules = NULL;
    penata_gap_result *result = NULL;
    penata_tna *tna = NULL;
    penata_rank_options *opts = NULL;
    penata_ranking *ranking = NULL;
    penata_missing_assessment missing;
    size_t i, j, n = 0, records = 0, excluded = 0, unit = 0, count = 0, eligible = 0, ineligible = 0;
    size_t by_category[PENATA_JPM_KMS + 1] = {0}, by_potential[PENATA_POTENTIAL_TINGGI + 1] = {0};
    uint32_t state = 2025, units[64], employees[64], compliant[64];
    uint16_t top[3];
    double top_gap[3], share[64];
    const char *code = NULL;

    if (penata_context_create(&ctx) != PENATA_OK) return 1;
    TRY(penata_sample_bengkulu(ctx, EMPLOYEES, 42, &wf));
    TRY(penata_workforce_size(ctx, wf, &n));
    TRY(penata_workforce_column_u64(ctx, wf, PENATA_FIELD_NIP, nips, EMPLOYEES));
    TRY(penata_workforce_column_u8(ctx, wf, PENATA_FIELD_POSITION_CLASS, cls, EMPLOYEES));
    TRY(penata_workforce_column_u8(ctx, wf, PENATA_FIELD_POSITION_LEVEL, lvl, EMPLOYEES));

    /* The built-in framework, standards and rules. */
    TRY(penata_competency_framework_builtin(ctx, &fw));
    TRY(penata_position_standards_create(ctx, fw, &st));
    TRY(penata_gap_rules_builtin(ctx, &rules));

    /* Synthetic assessments around each employee's standard (-2 .. +1 level), 1% missing. */
    for (i = 0; i < n; ++i) {
        TRY(penata_position_standards_required(ctx, st, cls[i], lvl[i], NULL, req, K));
        for (j = 0; j < K; ++j) {
            int level = req[j] + (int)(next(&state) % 4) - 2;
            if (next(&state) % 100 == 0) continue; /* not assessed */
            a_nip[records] = nips[i];
            a_comp[records] = (uint16_t)j;
            a_level[records] = (uint8_t)(level < 1 ? 1 : level > 5 ? 5 : level);
            a_date[records++] = DAY_2025_03_01;
        }
    }
    TRY(penata_assessments_create(ctx, fw, &as));
    TRY(penata_assessments_add(ctx, as, records, a_nip, a_comp, a_level, a_date, NULL, DAY_2025_06_30));
    printf("%u employees, %u assessments\n", (unsigned)n, (unsigned)records);

    /* Gaps and JPM of everyone as of 30 June 2025. */
    TRY(penata_gap_analysis(ctx, wf, as, st, rules, DAY_2025_06_30, NULL, 0, &result));
    TRY(penata_gap_result_columns(ctx, result, NULL, NULL, NULL, category, potential, EMPLOYEES));
    for (i = 0; i < n; ++i) {
        if (category[i] != PENATA_NO_CODE) ++by_category[category[i]];
        if (potential[i] != PENATA_NO_CODE) ++by_potential[potential[i]];
    }
    for (i = PENATA_JPM_OPTIMAL; i <= PENATA_JPM_KURANG_OPTIMAL; ++i)
        printf("  %-15s %4u\n", penata_competency_code_text(PENATA_COMPETENCY_KIND_JPM_CATEGORY, (int)i),
               (unsigned)by_category[i]);
    printf("  potential: rendah %u, menengah %u, tinggi %u\n", (unsigned)by_potential[PENATA_POTENTIAL_RENDAH],
           (unsigned)by_potential[PENATA_POTENTIAL_MENENGAH], (unsigned)by_potential[PENATA_POTENTIAL_TINGGI]);
    TRY(penata_gap_result_missing_count(ctx, result, &excluded));
    printf("  %u left out of the JPM", (unsigned)excluded);
    if (excluded > 0 && penata_gap_result_missing(ctx, result, 0, &missing) == PENATA_OK)
        printf(", e.g. %llu: %s", (unsigned long long)missing.nip, missing.reason);
    printf("\n");

    /* Training needs of BKD (with its sub-units): the largest gaps and the 20 JP rule. */
    TRY(penata_training_needs(ctx, wf, result, rules, &tna));
    TRY(penata_workforce_find_unit(ctx, wf, "BKD", &unit));
    TRY(penata_tna_largest_gaps(ctx, tna, unit, 3, top, top_gap, &count));
    printf("BKD, largest gaps:");
    for (i = 0; i < count; ++i) {
        TRY(penata_competency_framework_code(ctx, fw, top[i], &code));
        printf(" %s %.2f", code, top_gap[i]);
    }
    TRY(penata_tna_counts(ctx, tna, NULL, &count));
    if (count <= 64) {
        TRY(penata_tna_training(ctx, tna, units, employees, compliant, share, 64));
        for (i = 0; i < count; ++i)
            if (units[i] == unit)
                printf("\nBKD, 20 JP a year: %u of %u (%.0f%%)", (unsigned)compliant[i], (unsigned)employees[i],
                       100 * share[i]);
    }
    printf("\n");

    /* Candidates in BKD for an administrator post (standard 3 on every competency). */
    TRY(penata_rank_options_create(ctx, &opts));
    TRY(penata_rank_options_set_unit(ctx, opts, "BKD"));
    TRY(penata_rank_candidates(ctx, wf, as, st, rules, PENATA_POSITION_ADMINISTRATOR, PENATA_LEVEL_NONE, NULL,
                               DAY_2025_06_30, opts, &ranking));
    TRY(penata_ranking_counts(ctx, ranking, &eligible, &ineligible));
    printf("administrator in BKD: %u eligible, %u not\n", (unsigned)eligible, (unsigned)ineligible);
    for (i = 0; i < eligible + ineligible && i < 3; ++i) {
        penata_candidate c;
        TRY(penata_ranking_candidate(ctx, ranking, i, &c));
        printf("  %u. %llu  JPM %5.1f  shortfall %u\n", (unsigned)c.rank, (unsigned long long)c.nip, c.jpm,
               (unsigned)c.shortfall);
    }
    if (ineligible > 0) {
        penata_candidate c;
        TRY(penata_ranking_candidate(ctx, ranking, eligible, &c));
        printf("  not eligible: %llu (%s)\n", (unsigned long long)c.nip, c.reason);
    }

    penata_ranking_destroy(ranking);
    penata_rank_options_destroy(opts);
    penata_tna_destroy(tna);
    penata_gap_result_destroy(result);
    penata_gap_rules_destroy(rules);
    penata_assessments_destroy(as);
    penata_position_standards_destroy(st);
    penata_competency_framework_destroy(fw);
    penata_workforce_destroy(wf);
    penata_context_destroy(ctx);
    return 0;
}
