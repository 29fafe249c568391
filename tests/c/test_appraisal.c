/* C API: bulk appraisal scoring into caller buffers, and the distribution check. */
#include <math.h>

#include "check.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

static penata_ruleset *builtin(penata_context *ctx, const char *name) {
    penata_ruleset *rs = NULL;
    REQUIRE_OK(ctx, penata_ruleset_builtin(ctx, name, &rs));
    return rs;
}

static void test_predikat(penata_context *ctx, const penata_ruleset *rs) {
    /* All nine cells of the PermenPANRB 6/2022 matrix: [hasil][perilaku]. */
    const uint8_t hasil[9] = {0, 0, 0, 1, 1, 1, 2, 2, 2};
    const uint8_t perilaku[9] = {0, 1, 2, 0, 1, 2, 0, 1, 2};
    const uint8_t want[9] = {PENATA_PREDIKAT_SANGAT_KURANG, PENATA_PREDIKAT_BUTUH_PERBAIKAN,
                             PENATA_PREDIKAT_BUTUH_PERBAIKAN, PENATA_PREDIKAT_KURANG, PENATA_PREDIKAT_BAIK,
                             PENATA_PREDIKAT_BAIK, PENATA_PREDIKAT_KURANG, PENATA_PREDIKAT_BAIK,
                             PENATA_PREDIKAT_SANGAT_BAIK};
    const uint8_t bad[3] = {1, 7, 2};
    uint8_t out[9];
    penata_issue issue;
    size_t i;
    CHECK_OK(ctx, penata_predikat(ctx, rs, 9, hasil, perilaku, out));
    for (i = 0; i < 9; ++i) CHECK(out[i] == want[i]);
    CHECK_OK(ctx, penata_predikat(ctx, rs, 0, NULL, NULL, NULL));

    /* Unknown rating code 7 in row 2 of perilaku. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_predikat(ctx, rs, 3, hasil, bad, out));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "rating_perilaku.known") == 0);
    CHECK(strcmp(penata_context_last_error_field(ctx), "rating_perilaku") == 0);
    CHECK(penata_context_issue_count(ctx) == 1);
    CHECK_OK(ctx, penata_context_issue(ctx, 0, &issue));
    CHECK(issue.row == 2 && strcmp(issue.value, "7") == 0);

    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_predikat(ctx, rs, 3, NULL, perilaku, out));
    CHECK(CONTAINS(penata_context_last_error(ctx), "hasil_kerja"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_predikat(ctx, rs, 3, hasil, perilaku, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_predikat(ctx, NULL, 3, hasil, perilaku, out));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_predikat(NULL, rs, 3, hasil, perilaku, out));
}

static void test_section_missing(penata_context *ctx) {
    penata_ruleset *pp46 = builtin(ctx, "pp-46-2011");
    const uint8_t r[1] = {1};
    uint8_t out[1];
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_predikat(ctx, pp46, 1, r, r, out));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "ruleset.section_missing") == 0);
    penata_ruleset_destroy(pp46);
}

static void test_skp(penata_context *ctx) {
    penata_ruleset *rs = builtin(ctx, "pp-46-2011");
    /* The worked example: kuantitas 100, kualitas 90, waktu 76 (on time), biaya 76 (on budget). */
    const double to[3] = {10, 10, 4}, ro[3] = {10, 10, 4};
    const double tq[3] = {100, 100, 100}, rq[3] = {90, 100, 100};
    const double tt[3] = {12, 12, 12}, rt[3] = {12, 12, 12};
    const double tc[3] = {1000, NAN, 500}, rc[3] = {1000, NAN, 500};
    const uint32_t employee[3] = {0, 0, 2};
    const uint8_t kreativitas[3] = {PENATA_KREATIVITAS_NONE, PENATA_KREATIVITAS_NONE, PENATA_KREATIVITAS_UNIT};
    const double zero_target[1] = {0}, negative[1] = {-1}, one[1] = {1};
    double score[3], skp[3], aspect = 0;
    uint8_t band[3];
    penata_issue issue;

    CHECK_OK(ctx, penata_skp_time_aspect(ctx, rs, 12, 12, &aspect));
    CHECK(NEAR(aspect, 76));
    CHECK_OK(ctx, penata_skp_time_aspect(ctx, rs, 100, 76, &aspect));
    CHECK(NEAR(aspect, 100));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_skp_time_aspect(ctx, rs, 0, 5, &aspect));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "target_time.positive") == 0);

    CHECK_OK(ctx, penata_skp_task_scores(ctx, rs, 3, to, ro, tq, rq, tt, rt, tc, rc, score));
    CHECK(NEAR(score[0], (100.0 + 90 + 76 + 76) / 4)); /* 85.5 */
    CHECK(NEAR(score[1], (100.0 + 100 + 76) / 3));     /* no cost target: 3 aspects */
    CHECK(NEAR(score[2], (100.0 + 100 + 76 + 76) / 4));
    /* Without cost arrays every task has 3 aspects. */
    CHECK_OK(ctx, penata_skp_task_scores(ctx, rs, 3, to, ro, tq, rq, tt, rt, NULL, NULL, score));
    CHECK(NEAR(score[0], (100.0 + 90 + 76) / 3));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_skp_task_scores(ctx, rs, 3, to, ro, tq, rq, tt, rt, tc, NULL, score));

    /* Per employee: 0 has tasks 0 and 1, 1 has none, 2 has task 2 and a kreativitas award (unit: 3). */
    CHECK_OK(ctx, penata_skp_scores(ctx, rs, 3, employee, to, ro, tq, rq, tt, rt, tc, rc, 3, NULL, kreativitas, skp, band));
    CHECK(NEAR(skp[0], (85.5 + (100.0 + 100 + 76) / 3) / 2));
    CHECK(isnan(skp[1]) && band[1] == PENATA_NO_CODE);
    CHECK(NEAR(skp[2], 88 + 3));
    CHECK(band[0] == PENATA_PRESTASI_BAIK && band[2] == PENATA_PRESTASI_SANGAT_BAIK);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_skp_scores(ctx, rs, 3, employee, to, ro, tq, rq, tt, rt, tc, rc, 2, NULL, NULL, skp, band));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "employee.range") == 0);
    CHECK_OK(ctx, penata_context_issue(ctx, 0, &issue));
    CHECK(issue.row == 3);

    /* Target 0 and a negative realisation. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_skp_task_scores(ctx, rs, 1, zero_target, one, one, one, one, one, NULL, NULL, score));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "target_output.positive") == 0);
    CHECK(strcmp(penata_context_last_error_field(ctx), "target_output") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_skp_task_scores(ctx, rs, 1, one, one, one, negative, one, one, NULL, NULL, score));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "real_quality.non_negative") == 0);

    /* Prestasi kerja 60/40 with its band. */
    {
        const double s[2] = {85.5, 100}, p[2] = {100, 76};
        double prestasi[2];
        uint8_t pb[2];
        CHECK_OK(ctx, penata_prestasi(ctx, rs, 2, s, p, prestasi, pb));
        CHECK(NEAR(prestasi[0], 0.6 * 85.5 + 0.4 * 100) && pb[0] == PENATA_PRESTASI_SANGAT_BAIK);
        CHECK(NEAR(prestasi[1], 0.6 * 100 + 0.4 * 76) && pb[1] == PENATA_PRESTASI_BAIK);
        CHECK_OK(ctx, penata_prestasi(ctx, rs, 2, s, p, NULL, pb));
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_prestasi(ctx, rs, 1, negative, p, prestasi, pb));
        CHECK(strcmp(penata_context_last_error_rule(ctx), "skp_score.non_negative") == 0);
    }
    penata_ruleset_destroy(rs);
}

static void test_ip_asn(penata_context *ctx) {
    penata_ruleset *rs = builtin(ctx, "perban-8-2019");
    /* Constructed to land on band edges: S2 20 + struktural 15+15+10 + kinerja + disiplin. */
    const uint8_t edu[4] = {PENATA_EDUCATION_S2, PENATA_EDUCATION_S2, PENATA_EDUCATION_S1, PENATA_EDUCATION_S2};
    const uint8_t cls[4] = {PENATA_POSITION_PENGAWAS, PENATA_POSITION_PENGAWAS, PENATA_POSITION_PENGAWAS,
                            PENATA_POSITION_PELAKSANA};
    const double hours[4] = {20, 20, 20, 19.5};
    const uint8_t disc[4] = {PENATA_DISCIPLINE_BERAT, PENATA_DISCIPLINE_NONE, PENATA_DISCIPLINE_BERAT,
                             PENATA_DISCIPLINE_NONE};
    const uint8_t yes[4] = {1, 1, 1, 1}, no[4] = {0, 0, 0, 0};
    const uint8_t pred[4] = {PENATA_PREDIKAT_SANGAT_BAIK, PENATA_PREDIKAT_BAIK, PENATA_PREDIKAT_BAIK,
                             PENATA_PREDIKAT_SANGAT_BAIK};
    const uint8_t flag2[4] = {1, 2, 1, 1};
    double ip[4], kual[4], komp[4], kin[4], dis[4];
    uint8_t cat[4];
    int c = -1;
    CHECK_OK(ctx, penata_ip_asn(ctx, rs, 4, edu, cls, hours, disc, yes, no, yes, pred, ip, kual, komp, kin, dis, cat));
    CHECK(NEAR(ip[0], 91) && cat[0] == PENATA_IP_ASN_CATEGORY_SANGAT_TINGGI);
    CHECK(NEAR(ip[1], 90) && cat[1] == PENATA_IP_ASN_CATEGORY_TINGGI);
    CHECK(NEAR(ip[2], 81) && cat[2] == PENATA_IP_ASN_CATEGORY_TINGGI);
    CHECK(NEAR(kual[0], 20) && NEAR(komp[0], 40) && NEAR(kin[0], 30) && NEAR(dis[0], 1));
    /* Pelaksana with 19.5 JP: no diklat teknis (22.5), seminar 17.5 only. */
    CHECK(NEAR(komp[3], 17.5) && NEAR(ip[3], 20 + 17.5 + 30 + 5) && cat[3] == PENATA_IP_ASN_CATEGORY_SEDANG);
    /* Every output may be NULL. */
    CHECK_OK(ctx, penata_ip_asn(ctx, rs, 4, edu, cls, hours, disc, yes, no, yes, pred, NULL, NULL, NULL, NULL, NULL, cat));
    CHECK(cat[0] == PENATA_IP_ASN_CATEGORY_SANGAT_TINGGI);

    CHECK_OK(ctx, penata_ip_asn_category(ctx, rs, 91, &c));
    CHECK(c == PENATA_IP_ASN_CATEGORY_SANGAT_TINGGI);
    CHECK_OK(ctx, penata_ip_asn_category(ctx, rs, 90.99, &c));
    CHECK(c == PENATA_IP_ASN_CATEGORY_TINGGI);
    CHECK_OK(ctx, penata_ip_asn_category(ctx, rs, 60.99, &c));
    CHECK(c == PENATA_IP_ASN_CATEGORY_SANGAT_RENDAH);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_ip_asn_category(ctx, rs, 100.5, &c));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "ip_asn.range") == 0);

    /* A flag of 2 and negative hours. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_ip_asn(ctx, rs, 4, edu, cls, hours, disc, yes, no, flag2, pred, ip, NULL, NULL, NULL, NULL, cat));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "has_seminar.known") == 0);
    {
        const double bad_hours[4] = {20, -3, 20, 20};
        penata_issue issue;
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                     penata_ip_asn(ctx, rs, 4, edu, cls, bad_hours, disc, yes, no, yes, pred, ip, NULL, NULL, NULL, NULL, cat));
        CHECK(strcmp(penata_context_last_error_rule(ctx), "training_hours.non_negative") == 0);
        CHECK_OK(ctx, penata_context_issue(ctx, 0, &issue));
        CHECK(issue.row == 2);
    }
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_ip_asn(ctx, rs, 4, edu, cls, hours, disc, yes, no, yes, NULL, ip, NULL, NULL, NULL, NULL, cat));
    CHECK(CONTAINS(penata_context_last_error(ctx), "predikat"));
    penata_ruleset_destroy(rs);
}

static void test_talent(penata_context *ctx) {
    penata_ruleset *rs = builtin(ctx, "permenpanrb-3-2020");
    /* All nine boxes: [kinerja][potensial]. */
    const uint8_t perf[9] = {0, 0, 0, 1, 1, 1, 2, 2, 2};
    const uint8_t level[9] = {0, 1, 2, 0, 1, 2, 0, 1, 2};
    const uint8_t want[9] = {1, 3, 6, 2, 5, 8, 4, 7, 9};
    /* Potential scores at the cut-offs 78 and 90; predikat mapped to the kinerja axis. */
    const double score[4] = {77.99, 78, 89.99, 90};
    const uint8_t pred[4] = {PENATA_PREDIKAT_SANGAT_BAIK, PENATA_PREDIKAT_BAIK, PENATA_PREDIKAT_KURANG,
                             PENATA_PREDIKAT_SANGAT_BAIK};
    const double bad_score[1] = {101};
    uint8_t box[9];
    size_t i;
    CHECK_OK(ctx, penata_talent_box(ctx, rs, 9, perf, NULL, NULL, level, box));
    for (i = 0; i < 9; ++i) CHECK(box[i] == want[i]);
    CHECK_OK(ctx, penata_talent_box(ctx, rs, 4, NULL, pred, score, NULL, box));
    CHECK(box[0] == 4 && box[1] == 5 && box[2] == 3 && box[3] == 9);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_talent_box(ctx, rs, 1, perf, NULL, bad_score, NULL, box));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "potential.range") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_talent_box(ctx, rs, 1, perf, pred, score, NULL, box));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "input.choice") == 0);
    CHECK_OK(ctx, penata_talent_box(ctx, rs, 0, NULL, NULL, NULL, NULL, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_talent_box(ctx, rs, 9, perf, NULL, NULL, level, NULL));
    penata_ruleset_destroy(rs);
}

static void test_angka_kredit(penata_context *ctx) {
    penata_ruleset *rs = builtin(ctx, "permenpanrb-1-2023");
    penata_appraisal_options *opts = NULL;
    const uint8_t pred[3] = {PENATA_PREDIKAT_BAIK, PENATA_PREDIKAT_SANGAT_BAIK, PENATA_PREDIKAT_BAIK};
    const uint8_t lvl[3] = {PENATA_LEVEL_AHLI_PERTAMA, PENATA_LEVEL_AHLI_PERTAMA, PENATA_LEVEL_NONE};
    const uint8_t months[3] = {6, 12, 12}, bad_months[3] = {0, 12, 12};
    double ak[3], full;
    CHECK_OK(ctx, penata_angka_kredit(ctx, rs, NULL, 3, pred, lvl, NULL, ak));
    full = ak[0];
    CHECK(full > 0 && NEAR(ak[1], 1.5 * full) && isnan(ak[2]));
    CHECK_OK(ctx, penata_angka_kredit(ctx, rs, NULL, 3, pred, lvl, months, ak));
    CHECK(NEAR(ak[0], full / 2) && NEAR(ak[1], 1.5 * full));
    REQUIRE_OK(ctx, penata_appraisal_options_create(ctx, &opts));
    REQUIRE_OK(ctx, penata_appraisal_options_set_months(ctx, opts, 3));
    CHECK_OK(ctx, penata_angka_kredit(ctx, rs, opts, 3, pred, lvl, NULL, ak));
    CHECK(NEAR(ak[0], full / 4) && isnan(ak[2]));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_angka_kredit(ctx, rs, opts, 3, pred, lvl, bad_months, ak));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "months.range") == 0);
    penata_appraisal_options_destroy(opts);
    penata_ruleset_destroy(rs);
}

static void test_pp30(penata_context *ctx) {
    penata_ruleset *rs = builtin(ctx, "pp-30-2019");
    penata_appraisal_options *opts = NULL;
    const double skp[1] = {100}, perilaku[1] = {80}, bad[1] = {-1};
    double nilai[1];
    uint8_t pred[1];
    CHECK_OK(ctx, penata_pp30_scores(ctx, rs, NULL, 1, skp, perilaku, NULL, nilai, pred));
    CHECK(NEAR(nilai[0], 0.7 * 100 + 0.3 * 80));
    REQUIRE_OK(ctx, penata_appraisal_options_create(ctx, &opts));
    REQUIRE_OK(ctx, penata_appraisal_options_set_perilaku_rater(ctx, opts, PENATA_RATER_MULTI));
    CHECK_OK(ctx, penata_pp30_scores(ctx, rs, opts, 1, skp, perilaku, NULL, nilai, NULL));
    CHECK(NEAR(nilai[0], 0.6 * 100 + 0.4 * 80));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_pp30_scores(ctx, rs, opts, 1, bad, perilaku, NULL, nilai, pred));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "skp.range") == 0);
    penata_appraisal_options_destroy(opts);
    penata_ruleset_destroy(rs);
}

static void test_distribution(penata_context *ctx, const penata_ruleset *rs) {
    /* Org predikat baik: at most 70% baik and at least one butuh_perbaikan or kurang. */
    const size_t ok_counts[PENATA_PREDIKAT_COUNT] = {1, 6, 3, 0, 0};
    const size_t bad_counts[PENATA_PREDIKAT_COUNT] = {0, 10, 0, 0, 0};
    const uint8_t pred[4] = {PENATA_PREDIKAT_BAIK, PENATA_PREDIKAT_BAIK, PENATA_PREDIKAT_BAIK, 9};
    penata_distribution_result *r = NULL;
    penata_distribution_violation v;
    penata_distribution_change ch;
    size_t n = 99, i, counts[PENATA_PREDIKAT_COUNT], after[PENATA_PREDIKAT_COUNT], moved = 0;
    int compliant = -1, satisfiable = -1;

    CHECK_OK(ctx, penata_distribution_check(ctx, rs, PENATA_ORG_PREDIKAT_BAIK, ok_counts, &r));
    CHECK_OK(ctx, penata_distribution_result_summary(ctx, r, &compliant, &satisfiable, &n));
    CHECK(compliant == 1 && satisfiable == 1 && n == 10);
    CHECK_OK(ctx, penata_distribution_result_violation_count(ctx, r, &n));
    CHECK(n == 0);
    CHECK_OK(ctx, penata_distribution_result_change_count(ctx, r, &n));
    CHECK(n == 0);
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_distribution_result_violation(ctx, r, 0, &v));
    penata_distribution_result_destroy(r);
    r = NULL;

    CHECK_OK(ctx, penata_distribution_check(ctx, rs, PENATA_ORG_PREDIKAT_BAIK, bad_counts, &r));
    CHECK_OK(ctx, penata_distribution_result_summary(ctx, r, &compliant, &satisfiable, NULL));
    CHECK(compliant == 0 && satisfiable == 1);
    CHECK_OK(ctx, penata_distribution_result_violation_count(ctx, r, &n));
    CHECK(n == 2);
    CHECK_OK(ctx, penata_distribution_result_violation(ctx, r, 0, &v));
    CHECK(v.rule == 0 && v.bound == PENATA_BOUND_MAX_SHARE && NEAR(v.value, 0.7));
    CHECK(v.predikat_mask == (1u << PENATA_PREDIKAT_BAIK) && v.required_count == 7 && v.actual_count == 10);
    CHECK(NEAR(v.actual_share, 1.0) && CONTAINS(v.message, "baik"));
    CHECK_OK(ctx, penata_distribution_result_violation(ctx, r, 1, &v));
    CHECK(v.bound == PENATA_BOUND_MIN_COUNT && v.required_count == 1 && v.actual_count == 0);
    CHECK_OK(ctx, penata_distribution_result_change_count(ctx, r, &n));
    CHECK(n >= 1);
    for (i = 0; i < n; ++i) {
        CHECK_OK(ctx, penata_distribution_result_change(ctx, r, i, &ch));
        CHECK(ch.from == PENATA_PREDIKAT_BAIK && ch.to != PENATA_PREDIKAT_BAIK && ch.count > 0);
        CHECK(strlen(ch.reason) > 0);
        moved += ch.count;
    }
    CHECK(moved == 3); /* the fewest moves: 10 baik -> 7 */
    CHECK_OK(ctx, penata_distribution_result_counts(ctx, r, counts, after));
    CHECK(counts[PENATA_PREDIKAT_BAIK] == 10 && after[PENATA_PREDIKAT_BAIK] == 7);
    CHECK(after[PENATA_PREDIKAT_BUTUH_PERBAIKAN] + after[PENATA_PREDIKAT_KURANG] >= 1);
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_distribution_result_change(ctx, r, n, &ch));
    penata_distribution_result_destroy(r);
    r = NULL;

    /* From predikat codes: the unknown code 9 in row 4 is refused, and no result is made. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_distribution_check_predikat(ctx, rs, PENATA_ORG_PREDIKAT_BAIK, 4, pred, &r));
    CHECK(r == NULL && strcmp(penata_context_last_error_rule(ctx), "predikat.known") == 0);
    CHECK_OK(ctx, penata_distribution_check_predikat(ctx, rs, PENATA_ORG_PREDIKAT_BAIK, 3, pred, &r));
    CHECK_OK(ctx, penata_distribution_result_summary(ctx, r, &compliant, NULL, &n));
    CHECK(compliant == 0 && n == 3);
    penata_distribution_result_destroy(r);
    r = NULL;
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_distribution_check(ctx, rs, 5, ok_counts, &r));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "org_predikat.known") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_distribution_check(ctx, rs, 1, NULL, &r));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_distribution_check(ctx, rs, 1, ok_counts, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_distribution_result_summary(ctx, NULL, NULL, NULL, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_distribution_result_violation_count(ctx, NULL, &n));
    CHECK(r == NULL);
    penata_distribution_result_destroy(NULL);
}

int main(void) {
    penata_context *ctx = NULL;
    penata_ruleset *rs = NULL;
    if (penata_context_create(&ctx) != PENATA_OK) return 1;
    rs = builtin(ctx, "default");
    test_predikat(ctx, rs);
    test_section_missing(ctx);
    test_skp(ctx);
    test_ip_asn(ctx);
    test_talent(ctx);
    test_angka_kredit(ctx);
    test_pp30(ctx);
    test_distribution(ctx, rs);
    penata_ruleset_destroy(rs);
    penata_context_destroy(ctx);
    return check_summary("appraisal");
}
