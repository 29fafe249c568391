/* C API: rule sets (built-in, JSON round trip, refused JSON), appraisal code texts, options. */
#include "check.h"

/* Returns a malloc'ed copy of `text` with the first `from` replaced by `to` (NULL if not found). */
static char *replace_once(const char *text, const char *from, const char *to) {
    const char *at = strstr(text, from);
    size_t head, out_len;
    char *out;
    if (at == NULL) return NULL;
    head = (size_t)(at - text);
    out_len = strlen(text) - strlen(from) + strlen(to);
    out = (char *)malloc(out_len + 1);
    if (out == NULL) return NULL;
    memcpy(out, text, head);
    memcpy(out + head, to, strlen(to));
    strcpy(out + head + strlen(to), at + strlen(from));
    return out;
}

static void test_builtin(penata_context *ctx) {
    size_t i, count = penata_ruleset_builtin_count();
    int found_default = 0, has = -1;
    penata_ruleset *rs = NULL;
    const char *s = NULL;
    CHECK(count >= 7);
    for (i = 0; i < count; ++i) {
        const char *name = penata_ruleset_builtin_name(i);
        CHECK(name != NULL);
        if (name == NULL) continue;
        if (strcmp(name, "default") == 0) found_default = 1;
        /* Every listed name loads, and its name() is the name asked for. */
        CHECK_OK(ctx, penata_ruleset_builtin(ctx, name, &rs));
        if (rs != NULL) {
            CHECK_OK(ctx, penata_ruleset_name(ctx, rs, &s));
            CHECK(strcmp(s, name) == 0);
        }
        penata_ruleset_destroy(rs);
        rs = NULL;
    }
    CHECK(found_default);
    CHECK(penata_ruleset_builtin_name(count) == NULL);

    CHECK_OK(ctx, penata_ruleset_builtin(ctx, "perban-8-2019", &rs));
    CHECK_OK(ctx, penata_ruleset_regulation(ctx, rs, &s));
    CHECK(CONTAINS(s, "Peraturan BKN Nomor 8 Tahun 2019"));
    CHECK_OK(ctx, penata_ruleset_version(ctx, rs, &s));
    CHECK(strcmp(s, "2019.1") == 0);
    CHECK_OK(ctx, penata_ruleset_has_section(ctx, rs, "ip_asn", &has));
    CHECK(has == 1);
    CHECK_OK(ctx, penata_ruleset_has_section(ctx, rs, "predikat_matrix", &has));
    CHECK(has == 0);
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_has_section(ctx, rs, "matrix", &has));
    penata_ruleset_destroy(rs);

    /* Talent actions come from the rule set. */
    CHECK_OK(ctx, penata_ruleset_builtin(ctx, "permenpanrb-3-2020", &rs));
    CHECK_OK(ctx, penata_talent_action(ctx, rs, 9, &s));
    CHECK(CONTAINS(s, "Dipromosikan"));
    CHECK_OK(ctx, penata_talent_action(ctx, rs, 1, &s));
    CHECK(CONTAINS(s, "Diproses sesuai ketentuan"));
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_talent_action(ctx, rs, 10, &s));
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_talent_action(ctx, rs, 0, &s));
    penata_ruleset_destroy(rs);
    CHECK_OK(ctx, penata_ruleset_builtin(ctx, "pp-46-2011", &rs));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_talent_action(ctx, rs, 5, &s));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "ruleset.section_missing") == 0);
    penata_ruleset_destroy(rs);

    rs = (penata_ruleset *)&has; /* must stay untouched on failure */
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_ruleset_builtin(ctx, "pp-99-2099", &rs));
    CHECK(rs == (penata_ruleset *)&has);
    CHECK(CONTAINS(penata_context_last_error(ctx), "pp-99-2099"));
}

static void test_json_round_trip(penata_context *ctx) {
    size_t i, count = penata_ruleset_builtin_count();
    for (i = 0; i < count; ++i) {
        penata_ruleset *rs = NULL, *back = NULL;
        char *json = NULL, *again = NULL;
        size_t len = 0, len2 = 0;
        CHECK_OK(ctx, penata_ruleset_builtin(ctx, penata_ruleset_builtin_name(i), &rs));
        CHECK_OK(ctx, penata_ruleset_to_json(ctx, rs, &json, &len));
        CHECK(json != NULL && strlen(json) == len && CONTAINS(json, "\"penata_ruleset\": 1"));
        /* Not NUL-terminated input: only len bytes are read. */
        CHECK_OK(ctx, penata_ruleset_from_json(ctx, json, len, &back));
        CHECK_OK(ctx, penata_ruleset_to_json(ctx, back, &again, &len2));
        CHECK(again != NULL && len2 == len && strcmp(json, again) == 0);
        penata_free(json);
        penata_free(again);
        penata_ruleset_destroy(rs);
        penata_ruleset_destroy(back);
    }
}

static const char matrix_missing_cell[] =
    "{\"name\": \"agency\", \"regulation\": \"test\", \"version\": \"1\", \"predikat_matrix\": {"
    "\"di_bawah\": {\"di_bawah\": \"sangat_kurang\", \"sesuai\": \"butuh_perbaikan\", \"di_atas\": \"butuh_perbaikan\"},"
    "\"sesuai\": {\"di_bawah\": \"kurang\", \"sesuai\": \"baik\", \"di_atas\": \"baik\"},"
    "\"di_atas\": {\"di_bawah\": \"kurang\", \"sesuai\": \"baik\"}}}";

static void test_json_refused(penata_context *ctx) {
    penata_ruleset *rs = NULL, *bad = NULL;
    char *json = NULL, *edited = NULL;
    penata_issue issue;

    /* IP ASN weights 0.15 + 0.4 + 0.3 + 0.05 = 0.9. */
    REQUIRE_OK(ctx, penata_ruleset_builtin(ctx, "perban-8-2019", &rs));
    REQUIRE_OK(ctx, penata_ruleset_to_json(ctx, rs, &json, NULL));
    edited = replace_once(json, "\"kualifikasi\": 0.25", "\"kualifikasi\": 0.15");
    CHECK(edited != NULL);
    if (edited != NULL) {
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_ruleset_from_json(ctx, edited, strlen(edited), &bad));
        CHECK(bad == NULL);
        CHECK(CONTAINS(penata_context_last_error_field(ctx), "ip_asn.weights"));
        CHECK(strncmp(penata_context_last_error_rule(ctx), "ruleset.", 8) == 0);
        CHECK(CONTAINS(penata_context_last_error_rule(ctx), "sum"));
        CHECK(penata_context_issue_count(ctx) >= 1);
        CHECK_OK(ctx, penata_context_issue(ctx, 0, &issue));
        CHECK(CONTAINS(issue.field, "ip_asn.weights") && CONTAINS(issue.description, "ip_asn.weights"));
        free(edited);
    }
    penata_free(json);
    penata_ruleset_destroy(rs);

    /* A 3x3 predikat matrix with the cell di_atas x di_atas missing. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_ruleset_from_json(ctx, matrix_missing_cell, sizeof matrix_missing_cell - 1, &bad));
    CHECK(bad == NULL);
    CHECK(CONTAINS(penata_context_last_error_field(ctx), "predikat_matrix.di_atas"));
    CHECK(strncmp(penata_context_last_error_rule(ctx), "ruleset.", 8) == 0);

    /* Not JSON at all: a format error, no issues. */
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_ruleset_from_json(ctx, "{\"name\": ", 9, &bad));
    CHECK(bad == NULL && penata_context_issue_count(ctx) == 0);
    CHECK(strlen(penata_context_last_error(ctx)) > 0);
    /* The length is honoured: the valid text cut short is not JSON. */
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_ruleset_from_json(ctx, matrix_missing_cell, 20, &bad));
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_ruleset_from_json(ctx, NULL, 0, &bad));
}

static void test_codes_and_options(penata_context *ctx) {
    penata_appraisal_options *opts = NULL;
    CHECK(strcmp(penata_appraisal_code_text(PENATA_KIND_RATING, PENATA_RATING_DI_ATAS), "di_atas") == 0);
    CHECK(strcmp(penata_appraisal_code_text(PENATA_KIND_RATING, PENATA_RATING_DI_BAWAH), "di_bawah") == 0);
    CHECK(strcmp(penata_appraisal_code_text(PENATA_KIND_PREDIKAT, PENATA_PREDIKAT_BUTUH_PERBAIKAN),
                 "butuh_perbaikan") == 0);
    CHECK(strcmp(penata_appraisal_code_text(PENATA_KIND_ORG_PREDIKAT, PENATA_ORG_PREDIKAT_ISTIMEWA), "istimewa") == 0);
    CHECK(strcmp(penata_appraisal_code_text(PENATA_KIND_POTENTIAL, PENATA_POTENTIAL_TINGGI), "tinggi") == 0);
    CHECK(strcmp(penata_appraisal_code_text(PENATA_KIND_IP_ASN_CATEGORY, PENATA_IP_ASN_CATEGORY_SANGAT_RENDAH),
                 "sangat_rendah") == 0);
    CHECK(strcmp(penata_appraisal_code_text(PENATA_KIND_PRESTASI_BAND, PENATA_PRESTASI_CUKUP), "cukup") == 0);
    CHECK(strcmp(penata_appraisal_code_text(PENATA_KIND_KREATIVITAS, PENATA_KREATIVITAS_NASIONAL), "nasional") == 0);
    CHECK(strcmp(penata_appraisal_code_text(PENATA_KIND_DISTRIBUTION_BOUND, PENATA_BOUND_MAX_SHARE), "max_share") == 0);
    CHECK(penata_appraisal_code_text(PENATA_KIND_RATING, 3) == NULL);
    CHECK(penata_appraisal_code_text(PENATA_KIND_PREDIKAT, -1) == NULL);
    CHECK(penata_appraisal_code_text(99, 0) == NULL);

    REQUIRE_OK(ctx, penata_appraisal_options_create(ctx, &opts));
    CHECK_OK(ctx, penata_appraisal_options_set_perilaku_rater(ctx, opts, PENATA_RATER_MULTI));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_appraisal_options_set_perilaku_rater(ctx, opts, 2));
    CHECK_OK(ctx, penata_appraisal_options_set_months(ctx, opts, 6));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_appraisal_options_set_months(ctx, opts, 13));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "months.range") == 0);
    CHECK(strcmp(penata_context_last_error_field(ctx), "months") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_appraisal_options_set_months(ctx, opts, 0));
    penata_appraisal_options_destroy(opts);
}

static void test_nulls(penata_context *ctx) {
    penata_ruleset *rs = NULL;
    char *json = NULL;
    const char *s = NULL;
    int has = 0;
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_builtin(NULL, "default", &rs));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_builtin(ctx, NULL, &rs));
    CHECK(CONTAINS(penata_context_last_error(ctx), "name"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_builtin(ctx, "default", NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_from_json(ctx, NULL, 5, &rs));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_from_json(ctx, "{}", 2, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_to_json(ctx, NULL, &json, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_name(ctx, NULL, &s));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_regulation(ctx, NULL, &s));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_version(ctx, NULL, &s));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_has_section(ctx, NULL, "pp30", &has));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_talent_action(ctx, NULL, 1, &s));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_appraisal_options_create(ctx, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_appraisal_options_set_months(ctx, NULL, 6));
    REQUIRE_OK(ctx, penata_ruleset_builtin(ctx, "default", &rs));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_to_json(ctx, rs, NULL, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_ruleset_name(ctx, rs, NULL));
    penata_ruleset_destroy(rs);
    penata_ruleset_destroy(NULL);
    penata_appraisal_options_destroy(NULL);
}

int main(void) {
    penata_context *ctx = NULL;
    if (penata_context_create(&ctx) != PENATA_OK) return 1;
    test_builtin(ctx);
    test_json_round_trip(ctx);
    test_json_refused(ctx);
    test_codes_and_options(ctx);
    test_nulls(ctx);
    penata_context_destroy(ctx);
    return check_summary("rules");
}
