/* C API: CSV import (raise and collect, files and memory), import reports, export and the
 * save / reload round trip. Scratch files go to the directory given as argv[1]. */
#include "check.h"

#define UNITS_CSV "code,name,parent_code\nBKD,Badan Kepegawaian Daerah,\nBKD.MUTASI,\"Bidang Mutasi, Promosi\",BKD\n"

#define ROW_BUDI "198609262015051001,Budi Santoso,PNS,L,1986-09-26,2015-05,III/a,fungsional,ahli_pertama,Analis Kebijakan,BKD,S1,24.5,none\n"
#define ROW_SITI "199009132025242014,\"Rahma, Siti \"\"Ita\"\"\",PPPK,P,1990-09-13,2025-10,IX,pelaksana,,Pengelola Data,BKD.MUTASI,S1,0,none\n"
#define ROW_AHMAD "197503121999031002,Ahmad Fauzi,PNS,L,1975-03-12,1999-03,IV/a,administrator,,\"Kepala Bagian Umum, Keuangan\",BKD,S2,40,none\n"
/* Bad rows: golongan III/z; a month 13 in the NIP; a name with a (quoted) newline. */
#define ROW_BAD_GOLONGAN "197503121999031003,Agus Salim,PNS,L,1975-03-12,1999-03,III/z,pelaksana,,Staf,BKD,SLTA,0,none\n"
#define ROW_BAD_NIP "199201052019132003,Dewi Lestari,PNS,P,1992-01-05,2019-03,II/c,pelaksana,,Staf,BKD,D3,10,ringan\n"
#define ROW_BAD_NEWLINE "199201052019032003,\"Dewi\nLestari\",PNS,P,1992-01-05,2019-03,II/c,pelaksana,,Staf,BKD,D3,10,ringan\n"

static const char *dir = ".";

static void report_rows(penata_context *ctx, const penata_import_report *r, size_t *read, size_t *loaded,
                        size_t *rejected) {
    *read = *loaded = *rejected = 999;
    CHECK_OK(ctx, penata_import_report_rows(ctx, r, read, loaded, rejected));
}

static void test_load_good(penata_context *ctx) {
    char path[512], units[512], buf[64];
    penata_workforce *wf = NULL;
    penata_import_report *report = NULL;
    size_t n = 0, read, loaded, rejected;

    write_file(dir, "good.csv", CSV_HEADER ROW_BUDI ROW_SITI ROW_AHMAD, path, sizeof path);
    write_file(dir, "units.csv", UNITS_CSV, units, sizeof units);
    REQUIRE_OK(ctx, penata_workforce_load_csv(ctx, path, units, NULL, &wf, &report));
    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK(n == 3);
    report_rows(ctx, report, &read, &loaded, &rejected);
    CHECK(read == 3 && loaded == 3 && rejected == 0);
    CHECK_OK(ctx, penata_import_report_issue_count(ctx, report, &n));
    CHECK(n == 0);
    /* Quoted commas and doubled quotes survive. */
    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 1, PENATA_FIELD_NAME, buf, sizeof buf, NULL));
    CHECK(strcmp(buf, "Rahma, Siti \"Ita\"") == 0);
    CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, 2, PENATA_FIELD_POSITION_NAME, buf, sizeof buf, NULL));
    CHECK(strcmp(buf, "Kepala Bagian Umum, Keuangan") == 0);
    CHECK_OK(ctx, penata_workforce_unit_count(ctx, wf, &n));
    CHECK(n == 2);
    penata_import_report_destroy(report);
    penata_workforce_destroy(wf);

    /* The report is optional. */
    wf = NULL;
    REQUIRE_OK(ctx, penata_workforce_load_csv(ctx, path, units, NULL, &wf, NULL));
    penata_workforce_destroy(wf);
}

static void test_raise_and_collect(penata_context *ctx) {
    char path[512], units[512];
    penata_workforce *wf = NULL;
    penata_import_report *report = NULL;
    penata_csv_options *opts = NULL;
    penata_issue issue;
    const char *s = NULL;
    size_t n = 0, i, read, loaded, rejected;
    int rows_with_issues[8] = {0};

    write_file(dir, "mixed.csv",
               "nip,name,employment_type,gender,birth_date,tmt,golongan,position_class,position_level,"
               "position_name,unit_code,education,training_hours,discipline,catatan\n"
               "198609262015051001,Budi Santoso,PNS,L,1986-09-26,2015-05,III/a,fungsional,ahli_pertama,Analis,BKD,S1,24.5,none,ok\n"
               "197503121999031003,Agus Salim,PNS,L,1975-03-12,1999-03,III/z,pelaksana,,Staf,BKD,SLTA,0,none,gol salah\n"
               "199201052019132003,Dewi Lestari,PNS,P,1992-01-05,2019-03,II/c,pelaksana,,Staf,BKD,D3,10,ringan,nip salah\n"
               "199201052019032003,\"Dewi\nLestari\",PNS,P,1992-01-05,2019-03,II/c,pelaksana,,Staf,BKD,D3,10,ringan,\"baris\nbaru\"\n"
               "199009132025242014,\"Rahma, Siti\",PPPK,P,1990-09-13,2025-10,IX,pelaksana,,Pengelola Data,BKD.MUTASI,S1,0,none,\"koma, di sini\"\n",
               path, sizeof path);
    write_file(dir, "units.csv", UNITS_CSV, units, sizeof units);

    /* Raise (the default): the first bad row fails the whole import; nothing comes back. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_workforce_load_csv(ctx, path, units, NULL, &wf, &report));
    CHECK(wf == NULL && report == NULL);
    CHECK(CONTAINS(penata_context_last_error(ctx), "row 2"));
    CHECK(strcmp(penata_context_last_error_field(ctx), "golongan") == 0);
    CHECK(strcmp(penata_context_last_error_rule(ctx), "golongan.known") == 0);
    CHECK_OK(ctx, penata_context_issue(ctx, 0, &issue));
    CHECK(issue.row == 2 && strcmp(issue.value, "III/z") == 0);

    /* Collect: the good rows load, every bad one is reported. */
    REQUIRE_OK(ctx, penata_csv_options_create(ctx, &opts));
    CHECK_OK(ctx, penata_csv_options_set_collect(ctx, opts, 1));
    REQUIRE_OK(ctx, penata_workforce_load_csv(ctx, path, units, opts, &wf, &report));
    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK(n == 2);
    report_rows(ctx, report, &read, &loaded, &rejected);
    CHECK(read == 5 && loaded == 2 && rejected == 3);
    CHECK_OK(ctx, penata_import_report_issue_count(ctx, report, &n));
    CHECK(n >= 3);
    for (i = 0; i < n; ++i) {
        CHECK_OK(ctx, penata_import_report_issue(ctx, report, i, &issue));
        CHECK(issue.row >= 1 && issue.row <= 5);
        if (issue.row >= 1 && issue.row <= 5) rows_with_issues[issue.row] = 1;
        CHECK(issue.field && issue.value && issue.rule && issue.message && issue.description);
        if (issue.row == 2) CHECK(strcmp(issue.field, "golongan") == 0 && strcmp(issue.rule, "golongan.known") == 0);
        if (issue.row == 3) CHECK(strcmp(issue.rule, "nip.tmt_month") == 0);
        if (issue.row == 4) CHECK(strcmp(issue.field, "name") == 0 && strcmp(issue.rule, "name.chars") == 0);
    }
    CHECK(!rows_with_issues[1] && rows_with_issues[2] && rows_with_issues[3] && rows_with_issues[4] &&
          !rows_with_issues[5]);
    CHECK_OK(ctx, penata_import_report_issue(ctx, report, 0, &issue));
    CHECK(CONTAINS(issue.description, "row 2") && CONTAINS(issue.description, "III/z"));
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_import_report_issue(ctx, report, n, &issue));
    CHECK_OK(ctx, penata_import_report_unknown_column_count(ctx, report, &n));
    CHECK(n == 1);
    CHECK_OK(ctx, penata_import_report_unknown_column(ctx, report, 0, &s));
    CHECK(s && strcmp(s, "catatan") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_import_report_unknown_column(ctx, report, 1, &s));
    CHECK_OK(ctx, penata_import_report_created_unit_count(ctx, report, &n));
    CHECK(n == 0);
    /* The second good row (file row 5) follows the rejected ones. */
    CHECK_OK(ctx, penata_workforce_find(ctx, wf, "199009132025242014", &n));
    CHECK(n == 1);
    /* Null report and counts. */
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_import_report_rows(ctx, NULL, &read, NULL, NULL));
    CHECK_OK(ctx, penata_import_report_rows(ctx, report, NULL, NULL, NULL));
    penata_import_report_destroy(report);
    penata_workforce_destroy(wf);
    penata_csv_options_destroy(opts);
}

static void test_format_and_io(penata_context *ctx) {
    char path[512];
    penata_workforce *wf = NULL;
    penata_import_report *report = NULL;
    penata_csv_options *opts = NULL;

    REQUIRE_OK(ctx, penata_csv_options_create(ctx, &opts));
    CHECK_OK(ctx, penata_csv_options_set_collect(ctx, opts, 1));

    /* A missing column is a format error, even in collect mode. */
    write_file(dir, "missing.csv",
               "nip,name,employment_type,gender,birth_date,tmt,golongan,position_class,position_level,"
               "position_name,unit_code,education,training_hours\n"
               "198609262015051001,Budi Santoso,PNS,L,1986-09-26,2015-05,III/a,fungsional,ahli_pertama,Analis,BKD,S1,24.5\n",
               path, sizeof path);
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load_csv(ctx, path, NULL, opts, &wf, &report));
    CHECK(CONTAINS(penata_context_last_error(ctx), "discipline"));
    CHECK(wf == NULL && report == NULL);
    CHECK(penata_context_issue_count(ctx) == 0);

    /* An unterminated quote. */
    write_file(dir, "quote.csv", CSV_HEADER "198609262015051001,\"Budi Santoso,PNS,L\n", path, sizeof path);
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load_csv(ctx, path, NULL, opts, &wf, NULL));
    /* An empty file. */
    write_file(dir, "empty.csv", "", path, sizeof path);
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load_csv(ctx, path, NULL, opts, &wf, NULL));

    /* Files that cannot be read. */
    CHECK_STATUS(ctx, PENATA_ERR_IO, penata_workforce_load_csv(ctx, "/nonexistent/penata/x.csv", NULL, opts, &wf, NULL));
    CHECK(CONTAINS(penata_context_last_error(ctx), "/nonexistent/penata/x.csv"));
    write_file(dir, "good_only.csv", CSV_HEADER ROW_BUDI, path, sizeof path);
    CHECK_STATUS(ctx, PENATA_ERR_IO, penata_workforce_load_csv(ctx, path, "/nonexistent/units.csv", opts, &wf, NULL));
    CHECK(wf == NULL);

    /* Bad arguments. */
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_load_csv(ctx, NULL, NULL, opts, &wf, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_load_csv(ctx, path, NULL, opts, NULL, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_csv_options_set_collect(ctx, NULL, 1));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_csv_options_create(ctx, NULL));
    penata_csv_options_destroy(opts);
}

static void test_missing_units(penata_context *ctx) {
    char path[512];
    penata_workforce *wf = NULL;
    penata_import_report *report = NULL;
    penata_csv_options *opts = NULL;
    const char *s = NULL;
    size_t n = 0;

    write_file(dir, "nounits.csv", CSV_HEADER ROW_BUDI ROW_SITI, path, sizeof path);
    /* No unit tree: the unit codes are unknown. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_workforce_load_csv(ctx, path, NULL, NULL, &wf, NULL));
    CHECK(strcmp(penata_context_last_error_rule(ctx), "unit_code.known") == 0);
    /* ... unless missing units are created. */
    REQUIRE_OK(ctx, penata_csv_options_create(ctx, &opts));
    CHECK_OK(ctx, penata_csv_options_set_create_missing_units(ctx, opts, 1));
    REQUIRE_OK(ctx, penata_workforce_load_csv(ctx, path, NULL, opts, &wf, &report));
    CHECK_OK(ctx, penata_import_report_created_unit_count(ctx, report, &n));
    CHECK(n == 2);
    CHECK_OK(ctx, penata_import_report_created_unit(ctx, report, 0, &s));
    CHECK(s && strcmp(s, "BKD") == 0);
    CHECK_OK(ctx, penata_import_report_created_unit(ctx, report, 1, &s));
    CHECK(s && strcmp(s, "BKD.MUTASI") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_import_report_created_unit(ctx, report, 2, &s));
    CHECK_OK(ctx, penata_workforce_unit_count(ctx, wf, &n));
    CHECK(n == 2);
    penata_import_report_destroy(report);
    penata_workforce_destroy(wf);
    penata_csv_options_destroy(opts);
}

static void test_buffers(penata_context *ctx) {
    static const char text[] = CSV_HEADER ROW_BUDI ROW_SITI "this part is not passed";
    static const char units[] = UNITS_CSV;
    penata_workforce *wf = NULL;
    penata_import_report *report = NULL;
    penata_csv_options *opts = NULL;
    penata_nip_rules *rules = NULL;
    size_t n = 0, read, loaded, rejected;
    const size_t len = strlen(text) - strlen("this part is not passed");
    const int codes[] = {21};

    /* Memory buffers need no NUL at len. */
    REQUIRE_OK(ctx, penata_workforce_load_csv_buffer(ctx, text, len, units, strlen(units), NULL, &wf, &report));
    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK(n == 2);
    penata_import_report_destroy(report);
    report = NULL;

    /* Import into the existing workforce: raise mode leaves it unchanged on failure. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_workforce_import_csv_buffer(ctx, wf, CSV_HEADER ROW_AHMAD ROW_BAD_GOLONGAN,
                                                    strlen(CSV_HEADER ROW_AHMAD ROW_BAD_GOLONGAN), NULL, &report));
    CHECK(report == NULL);
    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK(n == 2);
    /* A duplicate NIP is a rejected row in collect mode. */
    REQUIRE_OK(ctx, penata_csv_options_create(ctx, &opts));
    CHECK_OK(ctx, penata_csv_options_set_collect(ctx, opts, 1));
    CHECK_OK(ctx, penata_workforce_import_csv_buffer(ctx, wf, CSV_HEADER ROW_AHMAD ROW_BAD_GOLONGAN ROW_BUDI,
                                                     strlen(CSV_HEADER ROW_AHMAD ROW_BAD_GOLONGAN ROW_BUDI), opts,
                                                     &report));
    report_rows(ctx, report, &read, &loaded, &rejected);
    CHECK(read == 3 && loaded == 1 && rejected == 2);
    CHECK_OK(ctx, penata_workforce_size(ctx, wf, &n));
    CHECK(n == 3);
    penata_import_report_destroy(report);
    report = NULL;
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_import_csv_buffer(ctx, wf, NULL, 10, opts, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_import_csv_buffer(ctx, wf, NULL, 0, opts, NULL));
    penata_workforce_destroy(wf);
    wf = NULL;

    /* NIP rules in the options apply to the workforce a load creates. */
    REQUIRE_OK(ctx, penata_nip_rules_create(ctx, &rules));
    REQUIRE_OK(ctx, penata_nip_rules_set_pppk_codes(ctx, rules, codes, 1));
    CHECK_OK(ctx, penata_csv_options_set_nip_rules(ctx, opts, rules));
    penata_nip_rules_destroy(rules); /* copied */
    REQUIRE_OK(ctx, penata_workforce_load_csv_buffer(ctx, text, len, units, strlen(units), opts, &wf, &report));
    report_rows(ctx, report, &read, &loaded, &rejected);
    CHECK(read == 2 && loaded == 1 && rejected == 1); /* Siti's NI PPPK code 24 is not in {21} */
    penata_import_report_destroy(report);
    penata_workforce_destroy(wf);
    CHECK_OK(ctx, penata_csv_options_set_nip_rules(ctx, opts, NULL)); /* back to the defaults */
    penata_csv_options_destroy(opts);
}

static void test_round_trip(penata_context *ctx) {
    char path[512], units[512], saved[512], saved_units[512];
    penata_workforce *wf = NULL, *again = NULL;
    penata_import_report *report = NULL;
    char *first = NULL, *second = NULL;
    size_t first_len = 0, second_len = 0, n = 0;

    write_file(dir, "trip.csv", CSV_HEADER ROW_BUDI ROW_SITI ROW_AHMAD, path, sizeof path);
    write_file(dir, "trip_units.csv", UNITS_CSV, units, sizeof units);
    REQUIRE_OK(ctx, penata_workforce_load_csv(ctx, path, units, NULL, &wf, NULL));

    snprintf(saved, sizeof saved, "%s/saved.csv", dir);
    snprintf(saved_units, sizeof saved_units, "%s/saved_units.csv", dir);
    CHECK_OK(ctx, penata_workforce_save_csv(ctx, wf, saved));
    CHECK_OK(ctx, penata_workforce_save_units_csv(ctx, wf, saved_units));
    CHECK_STATUS(ctx, PENATA_ERR_IO, penata_workforce_save_csv(ctx, wf, "/nonexistent/penata/out.csv"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_save_csv(ctx, wf, NULL));

    REQUIRE_OK(ctx, penata_workforce_load_csv(ctx, saved, saved_units, NULL, &again, &report));
    CHECK_OK(ctx, penata_workforce_size(ctx, again, &n));
    CHECK(n == 3);
    CHECK_OK(ctx, penata_workforce_unit_count(ctx, again, &n));
    CHECK(n == 2);

    /* The same text both times. */
    CHECK_OK(ctx, penata_workforce_to_csv(ctx, wf, &first, &first_len));
    CHECK_OK(ctx, penata_workforce_to_csv(ctx, again, &second, NULL));
    CHECK(first && second);
    if (first && second) {
        second_len = strlen(second);
        CHECK(first_len == strlen(first) && first_len == second_len);
        CHECK(strcmp(first, second) == 0);
        /* The canonical header, with RFC 4180 line ends. */
        CHECK(strncmp(first, CSV_HEADER, strlen(CSV_HEADER) - 1) == 0);
        CHECK(strncmp(first + strlen(CSV_HEADER) - 1, "\r\n", 2) == 0);
        CHECK(CONTAINS(first, "\"Rahma, Siti \"\"Ita\"\"\""));
    }
    penata_free(first);
    penata_free(second);
    penata_import_report_destroy(report);
    penata_workforce_destroy(again);
    penata_workforce_destroy(wf);
}

int main(int argc, char **argv) {
    penata_context *ctx = NULL;
    if (argc > 1) dir = argv[1];
    REQUIRE_OK(ctx, penata_context_create(&ctx));
    test_load_good(ctx);
    test_raise_and_collect(ctx);
    test_format_and_io(ctx);
    test_missing_units(ctx);
    test_buffers(ctx);
    test_round_trip(ctx);
    penata_context_destroy(ctx);
    return check_summary("csv");
}
