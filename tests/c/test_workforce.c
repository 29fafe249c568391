/* C API: units, records, add / update / find / remove, bulk column reads, cell text. */
#include "employees.h"

static const char *const EMP_DEWI[PENATA_FIELD_COUNT] = {
    "199201052019032003", "Dewi Lestari", "PNS", "P", "1992-01-05", "2019-03", "II/c",
    "pelaksana", "", "Pengadministrasi Umum", "BKD", "D3", "10", "ringan"};

/* Adds `values` with one field replaced; expects a validation error whose issues include `rule`
 * on `field`. */
static void expect_refused(penata_context *ctx, penata_workforce *wf, penata_record *rec,
                           const char *const values[PENATA_FIELD_COUNT], const char *field, const char *text,
                           const char *rule, int line) {
    size_t i, n, before = 0, after = 0;
    int found = 0, s;
    penata_issue issue;
    penata_workforce_size(ctx, wf, &before);
    if (set_record(ctx, rec, values) != PENATA_OK || penata_record_set(ctx, rec, field, text) != PENATA_OK) {
        ++check_failed;
        fprintf(stderr, "%s:%d: cannot fill the record: %s\n", __FILE__, line, penata_context_last_error(ctx));
        return;
    }
    s = penata_workforce_add(ctx, wf, rec, NULL);
    n = penata_context_issue_count(ctx);
    for (i = 0; i < n; ++i)
        if (penata_context_issue(ctx, i, &issue) == PENATA_OK && strcmp(issue.rule, rule) == 0) found = 1;
    penata_workforce_size(ctx, wf, &after);
    if (s != PENATA_ERR_VALIDATION || !found || after != before) {
        ++check_failed;
        fprintf(stderr, "%s:%d: %s = '%s': status %d, expected rule %s\n  last error: %s\n", __FILE__, line,
                field, text, s, rule, penata_context_last_error(ctx));
    } else {
        ++check_passed;
    }
}
#define EXPECT_REFUSED(values, field, text, rule) expect_refused(ctx, wf, rec, values, field, text, rule, __LINE__)

static void test_units(penata_context *ctx, penata_workforce *wf) {
    size_t n = 0, index = 99;
    int64_t parent = 0;
    const char *s = NULL;

    CHECK_OK(ctx, penata_workforce_add_unit(ctx, wf, "BKD", "Badan Kepegawaian Daerah", NULL, &index));
    CHECK(index == 0);
    CHECK_OK(ctx, penata_workforce_add_unit(ctx, wf, "BKD.MUTASI", "Bidang Mutasi", "BKD", &index));
    CHECK(index == 1);
    CHECK_OK(ctx, penata_workforce_add_unit(ctx, wf, "BAPPEDA", "Bappeda", "", NULL));
    CHECK_OK(ctx, penata_workforce_unit_count(ctx, wf, &n));
    CHECK(n == 3);
    CHECK_OK(ctx, penata_workforce_unit_code(ctx, wf, 1, &s));
    CHECK(s && strcmp(s, "BKD.MUTASI") == 0);
    CHECK_OK(ctx, penata_workforce_unit_name(ctx, wf, 0, &s));
    CHECK(s && strcmp(s, "Badan Kepegawaian Daerah") == 0);
    CHECK_OK(ctx, penata_workforce_unit_parent(ctx, wf, 1, &parent));
    CHECK(parent == 0);
    CHECK_OK(ctx, penata_workforce_unit_parent(ctx, wf, 2, &parent));
    CHECK(parent == -1);
    CHECK_OK(ctx, penata_workforce_find_unit(ctx, wf, "BAPPEDA", &index));
    CHECK(index == 2);
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_workforce_find_unit(ctx, wf, "DINKES", &index));
    CHECK(CONTAINS(penata_context_last_error(ctx), "DINKES"));
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_workforce_unit_code(ctx, wf, 3, &s));
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_workforce_unit_parent(ctx, wf, 3, &parent));

    /* Refused units: duplicate code, unknown parent, a space in the code. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_workforce_add_unit(ctx, wf, "BKD", "Lagi", NULL, NULL));
    CHECK(strcmp(penata_context_last_error_field(ctx), "code") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_workforce_add_unit(ctx, wf, "X1", "X", "NOPE", NULL));
    CHECK(strcmp(penata_context_last_error_field(ctx), "parent_code") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_workforce_add_unit(ctx, wf, "A B", "X", NULL, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_add_unit(ctx, wf, NULL, "X", NULL, NULL));
    CHECK_OK(ctx, penata_workforce_unit_count(ctx, wf, &n));
    CHECK(n == 3);
}

static void test_add(penata_context *ctx, penata_workforce *wf, penata_record *rec) {
    size_t row = 99, n = 0;

    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_record_set(ctx, rec, "golongan_ruang", "III/a"));
    CHECK(CONTAINS(penata_context_last_error(ctx), "golongan_ruang"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_record_set(ctx, rec, "name", NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_add(ctx, wf, NULL, NULL));

    CHECK_OK(ctx, set_record(ctx, rec, EMP_BUDI));
    CHECK_OK(ctx, penata_workforce_add(ctx, wf, rec, &row));
    CHECK(row == 0);
    CHECK_OK(ctx, set_record(ctx, rec, EMP_SITI));
    CHECK_OK(ctx, penata_workforce_add(ctx, wf, rec, &row));
    CHECK(row == 1);
    CHECK_OK(ctx, set_record(ctx, rec, EMP_AHMAD));
    CHECK_OK(ctx, penata_workforce_add(ctx, wf, rec, NULL));
    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK(n == 3);

    /* The same NIP twice. */
    CHECK_OK(ctx, set_record(ctx, rec, EMP_BUDI));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_workforce_add(ctx, wf, rec, NULL));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "nip.unique") == 0);
    CHECK(CONTAINS(penata_context_last_error(ctx), "198609262015051001"));

    /* Field by field refusals. */
    EXPECT_REFUSED(EMP_DEWI, "unit_code", "DINKES", "unit_code.known");
    EXPECT_REFUSED(EMP_DEWI, "golongan", "IX", "golongan.known");          /* a PPPK golongan for a PNS */
    EXPECT_REFUSED(EMP_SITI, "golongan", "III/a", "golongan.known");       /* a PNS golongan for a PPPK */
    EXPECT_REFUSED(EMP_DEWI, "golongan", "V/a", "golongan.known");
    EXPECT_REFUSED(EMP_DEWI, "gender", "L", "gender.matches_nip");
    EXPECT_REFUSED(EMP_DEWI, "birth_date", "1992-01-06", "birth_date.matches_nip");
    EXPECT_REFUSED(EMP_DEWI, "birth_date", "1992-02-30", "birth_date.format");
    EXPECT_REFUSED(EMP_DEWI, "tmt", "2019-04", "tmt.matches_nip");
    EXPECT_REFUSED(EMP_DEWI, "position_level", "ahli_muda", "position_level.not_allowed");
    EXPECT_REFUSED(EMP_DEWI, "position_class", "fungsional", "position_level.required");
    EXPECT_REFUSED(EMP_DEWI, "position_class", "Pelaksana", "position_class.known");
    EXPECT_REFUSED(EMP_DEWI, "training_hours", "-1", "training_hours.non_negative");
    EXPECT_REFUSED(EMP_DEWI, "discipline", "", "discipline.known");
    EXPECT_REFUSED(EMP_DEWI, "nip", "199201052019133003", "nip.tmt_month");

    /* Several issues at once: all reported, the message says how many more. */
    CHECK_OK(ctx, set_record(ctx, rec, EMP_DEWI));
    CHECK_OK(ctx, penata_record_set(ctx, rec, "gender", "L"));
    CHECK_OK(ctx, penata_record_set(ctx, rec, "unit_code", "DINKES"));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_workforce_add(ctx, wf, rec, NULL));
    CHECK(penata_context_issue_count(ctx) == 2);
    CHECK(CONTAINS(penata_context_last_error(ctx), "1 more"));

    /* An empty record: every required field is named. */
    CHECK_OK(ctx, penata_record_clear(ctx, rec));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_workforce_add(ctx, wf, rec, NULL));
    CHECK(penata_context_issue_count(ctx) >= 10);
    CHECK(strcmp(penata_context_last_error_field(ctx), "nip") == 0);
    CHECK(strcmp(penata_context_last_error_rule(ctx), "nip.required") == 0);

    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK(n == 3);
    CHECK_OK(ctx, set_record(ctx, rec, EMP_DEWI));
    CHECK_OK(ctx, penata_workforce_add(ctx, wf, rec, &row));
    CHECK(row == 3);
}

static void test_find_remove_update(penata_context *ctx, penata_workforce *wf, penata_record *rec) {
    size_t row = 99, n = 0;
    char buf[32];

    CHECK_OK(ctx, penata_workforce_find(ctx, wf, "199201052019032003", &row));
    CHECK(row == 3);
    row = 99;
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_workforce_find(ctx, wf, "199201052019032004", &row));
    CHECK(row == 99);
    CHECK(CONTAINS(penata_context_last_error(ctx), "199201052019032004"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_find(ctx, wf, "19920105201903200", &row));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_find(ctx, wf, "1992010520190320x3", &row));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_find(ctx, wf, NULL, &row));

    /* Removing Ahmad (row 2) moves Dewi up to row 2. */
    CHECK_OK(ctx, penata_workforce_remove(ctx, wf, (uint64_t)197503121999031002ULL));
    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK(n == 3);
    CHECK_OK(ctx, penata_workforce_find(ctx, wf, "199201052019032003", &row));
    CHECK(row == 2);
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_workforce_find(ctx, wf, "197503121999031002", &row));
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_workforce_remove(ctx, wf, (uint64_t)197503121999031002ULL));

    /* Update: Budi is promoted to III/b. */
    CHECK_OK(ctx, set_record(ctx, rec, EMP_BUDI));
    CHECK_OK(ctx, penata_record_set(ctx, rec, "golongan", "III/b"));
    CHECK_OK(ctx, penata_workforce_update(ctx, wf, rec));
    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 0, PENATA_FIELD_GOLONGAN, buf, sizeof buf, NULL));
    CHECK(strcmp(buf, "III/b") == 0);
    CHECK_OK(ctx, penata_record_set(ctx, rec, "golongan", "XX"));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_workforce_update(ctx, wf, rec));
    CHECK_OK(ctx, set_record(ctx, rec, EMP_AHMAD)); /* removed above */
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_workforce_update(ctx, wf, rec));
}

static void test_columns(penata_context *ctx, penata_workforce *wf) {
    uint8_t gol[3], small[2];
    uint64_t nips[3];
    int32_t dates[3], tmts[3];
    uint32_t units[3], positions[3];
    double hours[3];
    size_t n = 0, i;
    const char *s = NULL;
    int field;

    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK(n == 3); /* Budi, Siti, Dewi */

    CHECK_OK(ctx, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_GOLONGAN, gol, 3));
    CHECK(gol[0] == 10 && gol[1] == 9 && gol[2] == 7); /* III/b, IX, II/c */
    CHECK(strcmp(penata_golongan_text(PENATA_PPPK, gol[1]), "IX") == 0);

    /* Too small: nothing is copied, the message gives both sizes. */
    memset(small, 0xee, sizeof small);
    CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_GOLONGAN, small, 2));
    CHECK(small[0] == 0xee && small[1] == 0xee);
    CHECK(CONTAINS(penata_context_last_error(ctx), "3"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_GOLONGAN, NULL, 3));

    /* The wrong element type, a field without a column, an unknown field. */
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_NIP, gol, 3));
    CHECK(CONTAINS(penata_context_last_error(ctx), "penata_workforce_column_u64"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_column_f64(ctx, wf, PENATA_FIELD_NAME, hours, 3));
    CHECK(CONTAINS(penata_context_last_error(ctx), "name"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_column_u8(ctx, wf, 14, gol, 3));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_column_u8(ctx, wf, -1, gol, 3));

    CHECK_OK(ctx, penata_workforce_column_u64(ctx, wf, PENATA_FIELD_NIP, nips, 3));
    CHECK(nips[0] == 198609262015051001ULL && nips[1] == 199009132025242014ULL && nips[2] == 199201052019032003ULL);
    CHECK_OK(ctx, penata_workforce_column_i32(ctx, wf, PENATA_FIELD_BIRTH_DATE, dates, 3));
    CHECK(dates[0] == 6112); /* 1986-09-26 */
    CHECK_OK(ctx, penata_workforce_column_i32(ctx, wf, PENATA_FIELD_TMT, tmts, 3));
    CHECK(tmts[0] == (2015 - 1970) * 12 + 4); /* 2015-05 */
    CHECK(tmts[1] == (2025 - 1970) * 12 + 9); /* 2025-10 */
    CHECK_OK(ctx, penata_workforce_column_u32(ctx, wf, PENATA_FIELD_UNIT_CODE, units, 3));
    CHECK(units[0] == 0 && units[1] == 1 && units[2] == 0);
    CHECK_OK(ctx, penata_workforce_unit_code(ctx, wf, units[1], &s));
    CHECK(strcmp(s, "BKD.MUTASI") == 0);
    CHECK_OK(ctx, penata_workforce_column_u32(ctx, wf, PENATA_FIELD_POSITION_NAME, positions, 3));
    CHECK_OK(ctx, penata_workforce_position_name(ctx, wf, positions[2], &s));
    CHECK(strcmp(s, "Pengadministrasi Umum") == 0);
    CHECK_OK(ctx, penata_workforce_position_name_count(ctx, wf, &n));
    CHECK(n >= 3);
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_workforce_position_name(ctx, wf, 1000, &s));
    CHECK_OK(ctx, penata_workforce_column_f64(ctx, wf, PENATA_FIELD_TRAINING_HOURS, hours, 3));
    CHECK(hours[0] == 24.5 && hours[1] == 0.0 && hours[2] == 10.0);
    CHECK_OK(ctx, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_GENDER, gol, 3));
    CHECK(gol[0] == PENATA_GENDER_L && gol[1] == PENATA_GENDER_P && gol[2] == PENATA_GENDER_P);
    CHECK_OK(ctx, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_POSITION_CLASS, gol, 3));
    CHECK(gol[0] == PENATA_POSITION_FUNGSIONAL && gol[1] == PENATA_POSITION_PELAKSANA);
    CHECK_OK(ctx, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_POSITION_LEVEL, gol, 3));
    CHECK(gol[0] == PENATA_LEVEL_AHLI_PERTAMA && gol[1] == PENATA_LEVEL_NONE);
    CHECK_OK(ctx, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_DISCIPLINE, gol, 3));
    CHECK(gol[2] == PENATA_DISCIPLINE_RINGAN);

    /* Every field with a column can be read with the function of its type. */
    for (field = 0; field < PENATA_FIELD_COUNT; ++field) {
        int s8 = penata_workforce_column_u8(ctx, wf, field, gol, 3);
        int s32 = penata_workforce_column_i32(ctx, wf, field, dates, 3);
        int su32 = penata_workforce_column_u32(ctx, wf, field, units, 3);
        int s64 = penata_workforce_column_u64(ctx, wf, field, nips, 3);
        int sf = penata_workforce_column_f64(ctx, wf, field, hours, 3);
        int type = penata_field_column_type(field);
        CHECK((s8 == PENATA_OK) == (type == PENATA_COLUMN_U8));
        CHECK((s32 == PENATA_OK) == (type == PENATA_COLUMN_I32));
        CHECK((su32 == PENATA_OK) == (type == PENATA_COLUMN_U32));
        CHECK((s64 == PENATA_OK) == (type == PENATA_COLUMN_U64));
        CHECK((sf == PENATA_OK) == (type == PENATA_COLUMN_F64));
    }
    for (i = 0; i < 3; ++i) CHECK(units[i] < 3);
}

static void test_text(penata_context *ctx, penata_workforce *wf) {
    char buf[64];
    size_t needed = 0;

    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 0, PENATA_FIELD_NIP, buf, sizeof buf, &needed));
    CHECK(strcmp(buf, "198609262015051001") == 0 && needed == 19);
    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 1, PENATA_FIELD_NAME, buf, sizeof buf, &needed));
    CHECK(strcmp(buf, "Siti Rahma") == 0 && needed == 11);
    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 0, PENATA_FIELD_BIRTH_DATE, buf, sizeof buf, NULL));
    CHECK(strcmp(buf, "1986-09-26") == 0);
    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 0, PENATA_FIELD_TMT, buf, sizeof buf, NULL));
    CHECK(strcmp(buf, "2015-05") == 0);
    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 1, PENATA_FIELD_EMPLOYMENT_TYPE, buf, sizeof buf, NULL));
    CHECK(strcmp(buf, "PPPK") == 0);
    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 1, PENATA_FIELD_UNIT_CODE, buf, sizeof buf, NULL));
    CHECK(strcmp(buf, "BKD.MUTASI") == 0);
    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 1, PENATA_FIELD_POSITION_LEVEL, buf, sizeof buf, &needed));
    CHECK(strcmp(buf, "") == 0 && needed == 1);
    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 0, PENATA_FIELD_TRAINING_HOURS, buf, sizeof buf, NULL));
    CHECK(strcmp(buf, "24.5") == 0);

    /* snprintf-style: a size query, then a cut text. */
    needed = 0;
    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 0, PENATA_FIELD_NAME, NULL, 0, &needed));
    CHECK(needed == 13); /* "Budi Santoso" + NUL */
    CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL, penata_workforce_get_text(ctx, wf, 0, PENATA_FIELD_NAME, buf, 5, &needed));
    CHECK(strcmp(buf, "Budi") == 0 && needed == 13);
    CHECK(CONTAINS(penata_context_last_error(ctx), "13"));
    CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL, penata_workforce_get_text(ctx, wf, 0, PENATA_FIELD_NAME, buf, 0, &needed));
    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 0, PENATA_FIELD_NAME, buf, 13, &needed));
    CHECK(strcmp(buf, "Budi Santoso") == 0);

    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_workforce_get_text(ctx, wf, 3, PENATA_FIELD_NAME, buf, sizeof buf, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_get_text(ctx, wf, 0, 42, buf, sizeof buf, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_get_text(ctx, wf, 0, PENATA_FIELD_NAME, NULL, 8, NULL));
}

static void test_empty_and_rules(penata_context *ctx) {
    penata_workforce *wf = NULL;
    penata_nip_rules *rules = NULL;
    penata_record *rec = NULL;
    size_t n = 7;
    const int codes[] = {13};

    /* An empty workforce: column reads into no buffer at all succeed. */
    REQUIRE_OK(ctx, penata_workforce_create(ctx, NULL, &wf));
    CHECK_OK(ctx, penata_workforce_column_u8(ctx, wf, PENATA_FIELD_GOLONGAN, NULL, 0));
    CHECK_OK(ctx, penata_workforce_column_u64(ctx, wf, PENATA_FIELD_NIP, NULL, 0));
    penata_workforce_destroy(wf);
    wf = NULL;

    /* A workforce validates with the rules it was made with (copied). */
    REQUIRE_OK(ctx, penata_nip_rules_create(ctx, &rules));
    REQUIRE_OK(ctx, penata_nip_rules_set_pppk_codes(ctx, rules, codes, 1));
    REQUIRE_OK(ctx, penata_workforce_create(ctx, rules, &wf));
    penata_nip_rules_destroy(rules);
    REQUIRE_OK(ctx, penata_record_create(ctx, &rec));
    CHECK_OK(ctx, penata_workforce_add_unit(ctx, wf, "BKD", "BKD", NULL, NULL));
    CHECK_OK(ctx, penata_workforce_add_unit(ctx, wf, "BKD.MUTASI", "Mutasi", "BKD", NULL));
    CHECK_OK(ctx, set_record(ctx, rec, EMP_SITI)); /* code 24: not in {13} */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_workforce_add(ctx, wf, rec, NULL));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "nip.pppk_code") == 0);
    CHECK_OK(ctx, penata_record_set(ctx, rec, "nip", "199009132025132014"));
    CHECK_OK(ctx, penata_workforce_add(ctx, wf, rec, NULL));
    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK(n == 1);
    penata_record_destroy(rec);
    penata_workforce_destroy(wf);
}

int main(int argc, char **argv) {
    penata_context *ctx = NULL;
    penata_workforce *wf = NULL;
    penata_record *rec = NULL;
    (void)argc;
    (void)argv;
    REQUIRE_OK(ctx, penata_context_create(&ctx));
    REQUIRE_OK(ctx, penata_workforce_create(ctx, NULL, &wf));
    REQUIRE_OK(ctx, penata_record_create(ctx, &rec));
    test_units(ctx, wf);
    test_add(ctx, wf, rec);
    test_find_remove_update(ctx, wf, rec);
    test_columns(ctx, wf);
    test_text(ctx, wf);
    test_empty_and_rules(ctx);
    penata_record_destroy(rec);
    penata_workforce_destroy(wf);
    penata_context_destroy(ctx);
    return check_summary("workforce");
}
