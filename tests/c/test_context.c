/* C API: version, status codes, the context and its last error, destroy(NULL), field and code
 * names. */
#include "check.h"

static void test_version(void) {
    CHECK(strcmp(penata_version(), PENATA_VERSION_STRING) == 0);
    CHECK(PENATA_VERSION_NUMBER == PENATA_VERSION_MAJOR * 10000 + PENATA_VERSION_MINOR * 100 + PENATA_VERSION_PATCH);
    CHECK(PENATA_VERSION_NUMBER >= 100); /* 0.1.0 or later */
}

static void test_status_strings(void) {
    CHECK(PENATA_OK == 0);
    /* The numeric values are part of the ABI. */
    CHECK(PENATA_ERR_INVALID_ARGUMENT == -1 && PENATA_ERR_VALIDATION == -2 && PENATA_ERR_FORMAT == -3 &&
          PENATA_ERR_IO == -4 && PENATA_ERR_NOT_FOUND == -5 && PENATA_ERR_BUFFER_TOO_SMALL == -6 &&
          PENATA_ERR_OUT_OF_MEMORY == -7 && PENATA_ERR_INTERNAL == -8 && PENATA_ERR_CANCELLED == -9);
    CHECK(strcmp(penata_status_string(PENATA_OK), "ok") == 0);
    CHECK(strcmp(penata_status_string(PENATA_ERR_VALIDATION), "validation error") == 0);
    CHECK(strcmp(penata_status_string(PENATA_ERR_BUFFER_TOO_SMALL), "buffer too small") == 0);
    CHECK(strcmp(penata_status_string(PENATA_ERR_INTERNAL), "internal error") == 0);
    CHECK(strcmp(penata_status_string(12345), "unknown status") == 0);
    CHECK(strcmp(penata_status_string(PENATA_ERR_CANCELLED), "cancelled") == 0);
    CHECK(strcmp(penata_status_string(-10), "unknown status") == 0);
}

static int count_calls(void *user, uint64_t done, uint64_t total) {
    (void)done;
    (void)total;
    ++*(int *)user;
    return 0;
}

static void test_progress_and_cancel(void) {
    penata_context *ctx = NULL;
    int calls = 0;
    CHECK(penata_context_set_progress(NULL, count_calls, &calls) == PENATA_ERR_INVALID_ARGUMENT);
    penata_context_cancel(NULL); /* no-ops */
    penata_context_clear_cancel(NULL);
    CHECK(penata_context_create(&ctx) == PENATA_OK);
    CHECK(penata_context_set_progress(ctx, count_calls, &calls) == PENATA_OK);
    CHECK(penata_context_set_progress(ctx, NULL, NULL) == PENATA_OK);
    penata_context_cancel(ctx);
    penata_context_clear_cancel(ctx);
    CHECK(penata_context_last_status(ctx) == PENATA_OK);
    CHECK(calls == 0); /* no long call made */
    penata_context_destroy(ctx);
}

static void test_destroy_null(void) {
    /* Every destroy accepts NULL and does nothing. */
    penata_context_destroy(NULL);
    penata_nip_rules_destroy(NULL);
    penata_workforce_destroy(NULL);
    penata_record_destroy(NULL);
    penata_csv_options_destroy(NULL);
    penata_import_report_destroy(NULL);
    penata_free(NULL);
    CHECK(1);
}

static void test_null_context(void) {
    penata_workforce *wf = NULL;
    penata_nip_parts parts;
    penata_issue issue;
    size_t n = 0;
    CHECK(penata_context_create(NULL) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_workforce_create(NULL, NULL, &wf) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(wf == NULL);
    CHECK(penata_nip_parse(NULL, NULL, "198609262015051001", PENATA_PNS, &parts) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_workforce_size(NULL, NULL, &n) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_sample_bengkulu(NULL, 10, 1, &wf) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(wf == NULL);
    /* The readers accept NULL too. */
    CHECK(strcmp(penata_context_last_error(NULL), "") == 0);
    CHECK(strcmp(penata_context_last_error_rule(NULL), "") == 0);
    CHECK(strcmp(penata_context_last_error_field(NULL), "") == 0);
    CHECK(penata_context_last_status(NULL) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_context_issue_count(NULL) == 0);
    CHECK(penata_context_issue(NULL, 0, &issue) == PENATA_ERR_INVALID_ARGUMENT);
}

static void test_last_error(void) {
    penata_context *ctx = NULL;
    penata_workforce *wf = NULL;
    penata_issue issue;
    size_t n = 99;
    int field = -1;

    REQUIRE_OK(ctx, penata_context_create(&ctx));
    CHECK(ctx != NULL);
    CHECK(penata_context_last_status(ctx) == PENATA_OK);
    CHECK(strcmp(penata_context_last_error(ctx), "") == 0);

    /* A NULL argument is refused with a message naming it; outputs are left alone. */
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_size(ctx, NULL, &n));
    CHECK(n == 99);
    CHECK(penata_context_last_status(ctx) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(CONTAINS(penata_context_last_error(ctx), "'wf'"));
    CHECK(penata_context_issue_count(ctx) == 0);
    CHECK(strcmp(penata_context_last_error_rule(ctx), "") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_create(ctx, NULL, NULL));
    CHECK(CONTAINS(penata_context_last_error(ctx), "'out'"));

    /* The next successful call clears the error. */
    REQUIRE_OK(ctx, penata_workforce_create(ctx, NULL, &wf));
    CHECK(penata_context_last_status(ctx) == PENATA_OK);
    CHECK(strcmp(penata_context_last_error(ctx), "") == 0);
    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK(n == 0);

    /* A validation error keeps its issues; reading them does not change the last error. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_workforce_add_unit(ctx, wf, "", "Tanpa kode", NULL, NULL));
    CHECK(penata_context_issue_count(ctx) >= 1);
    CHECK(strcmp(penata_context_last_error_field(ctx), "code") == 0);
    CHECK_OK(ctx, penata_context_issue(ctx, 0, &issue));
    CHECK(strcmp(issue.field, "code") == 0);
    CHECK(issue.row == -1);
    CHECK(strcmp(issue.rule, penata_context_last_error_rule(ctx)) == 0);
    CHECK(CONTAINS(penata_context_last_error(ctx), issue.description));
    CHECK(penata_context_issue(ctx, penata_context_issue_count(ctx), &issue) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_context_issue(ctx, 0, NULL) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_context_last_status(ctx) == PENATA_ERR_VALIDATION); /* unchanged by the readers */

    /* Field names and ids. */
    CHECK_OK(ctx, penata_field_from_name(ctx, "golongan", &field));
    CHECK(field == PENATA_FIELD_GOLONGAN);
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_field_from_name(ctx, "Golongan", &field));
    CHECK(CONTAINS(penata_context_last_error(ctx), "Golongan"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_field_from_name(ctx, NULL, &field));

    penata_workforce_destroy(wf);
    penata_context_destroy(ctx);
}

static void test_names(void) {
    int i;
    CHECK(strcmp(penata_field_name(PENATA_FIELD_NIP), "nip") == 0);
    CHECK(strcmp(penata_field_name(PENATA_FIELD_UNIT_CODE), "unit_code") == 0);
    CHECK(strcmp(penata_field_name(PENATA_FIELD_DISCIPLINE), "discipline") == 0);
    CHECK(penata_field_name(-1) == NULL);
    CHECK(penata_field_name(PENATA_FIELD_COUNT) == NULL);
    for (i = 0; i < PENATA_FIELD_COUNT; ++i) CHECK(penata_field_name(i) != NULL);

    CHECK(penata_field_column_type(PENATA_FIELD_NIP) == PENATA_COLUMN_U64);
    CHECK(penata_field_column_type(PENATA_FIELD_NAME) == PENATA_COLUMN_NONE);
    CHECK(penata_field_column_type(PENATA_FIELD_BIRTH_DATE) == PENATA_COLUMN_I32);
    CHECK(penata_field_column_type(PENATA_FIELD_GOLONGAN) == PENATA_COLUMN_U8);
    CHECK(penata_field_column_type(PENATA_FIELD_UNIT_CODE) == PENATA_COLUMN_U32);
    CHECK(penata_field_column_type(PENATA_FIELD_TRAINING_HOURS) == PENATA_COLUMN_F64);
    CHECK(penata_field_column_type(99) == PENATA_COLUMN_NONE);

    CHECK(strcmp(penata_code_text(PENATA_FIELD_EMPLOYMENT_TYPE, PENATA_PPPK), "PPPK") == 0);
    CHECK(strcmp(penata_code_text(PENATA_FIELD_GENDER, PENATA_GENDER_P), "P") == 0);
    CHECK(strcmp(penata_code_text(PENATA_FIELD_POSITION_CLASS, PENATA_POSITION_FUNGSIONAL), "fungsional") == 0);
    CHECK(strcmp(penata_code_text(PENATA_FIELD_POSITION_CLASS, PENATA_POSITION_JPT_PRATAMA), "jpt_pratama") == 0);
    CHECK(strcmp(penata_code_text(PENATA_FIELD_POSITION_LEVEL, PENATA_LEVEL_NONE), "") == 0);
    CHECK(strcmp(penata_code_text(PENATA_FIELD_POSITION_LEVEL, PENATA_LEVEL_PENYELIA), "penyelia") == 0);
    CHECK(strcmp(penata_code_text(PENATA_FIELD_EDUCATION, PENATA_EDUCATION_S3), "S3") == 0);
    CHECK(strcmp(penata_code_text(PENATA_FIELD_DISCIPLINE, PENATA_DISCIPLINE_BERAT), "berat") == 0);
    CHECK(penata_code_text(PENATA_FIELD_DISCIPLINE, 4) == NULL);
    CHECK(penata_code_text(PENATA_FIELD_GOLONGAN, 1) == NULL); /* use penata_golongan_text */
    CHECK(penata_code_text(PENATA_FIELD_NIP, 0) == NULL);

    CHECK(strcmp(penata_golongan_text(PENATA_PNS, 1), "I/a") == 0);
    CHECK(strcmp(penata_golongan_text(PENATA_PNS, 9), "III/a") == 0);
    CHECK(strcmp(penata_golongan_text(PENATA_PNS, PENATA_GOLONGAN_COUNT), "IV/e") == 0);
    CHECK(strcmp(penata_golongan_text(PENATA_PPPK, 9), "IX") == 0);
    CHECK(strcmp(penata_golongan_text(PENATA_PPPK, 17), "XVII") == 0);
    CHECK(penata_golongan_text(PENATA_PNS, 0) == NULL);
    CHECK(penata_golongan_text(PENATA_PNS, 18) == NULL);
    CHECK(penata_golongan_text(2, 1) == NULL);
}

int main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    test_version();
    test_status_strings();
    test_destroy_null();
    test_progress_and_cancel();
    test_null_context();
    test_last_error();
    test_names();
    return check_summary("context");
}
