/* penata C API quickstart: build a tiny workforce, parse a NIP, import CSV text with a report,
 * and read a column in bulk. Every call returns a status; on failure the context says why.
 * (SYNTHETIC DATA: the people below do not exist.)
 *
 *   cc -std=c99 quickstart.c $(pkg-config --cflags --libs penata)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "penata/penata.h"

#define MAX_ROWS 16

/* Stops the program with the context's message when a call fails. */
#define TRY(call)                                                                               \
    do {                                                                                        \
        if ((call) != PENATA_OK) {                                                              \
            fprintf(stderr, "%s failed: %s\n", #call, penata_context_last_error(ctx));          \
            exit(1);                                                                            \
        }                                                                                       \
    } while (0)

/* Two employees in text form, as in a CSV row. */
static const char *const BUDI[PENATA_FIELD_COUNT] = {
    "198609262015051001", "Budi Santoso", "PNS", "L", "1986-09-26", "2015-05", "III/a",
    "fungsional", "ahli_pertama", "Analis Kebijakan", "BKD", "S1", "24.5", "none"};
static const char *const SITI[PENATA_FIELD_COUNT] = {
    "199009132025242014", "Siti Rahma", "PPPK", "P", "1990-09-13", "2025-10", "IX",
    "pelaksana", "", "Pengelola Data", "BKD", "S1", "0", "none"};

/* CSV text with one good row and one bad row (golongan III/z does not exist). */
static const char CSV[] =
    "nip,name,employment_type,gender,birth_date,tmt,golongan,position_class,position_level,"
    "position_name,unit_code,education,training_hours,discipline\n"
    "197503121999031002,Ahmad Fauzi,PNS,L,1975-03-12,1999-03,IV/a,administrator,,"
    "\"Kepala Bagian Umum, Keuangan\",BKD,S2,40,none\n"
    "199201052019032003,Dewi Lestari,PNS,P,1992-01-05,2019-03,III/z,pelaksana,,Staf,BKD,D3,10,none\n";

int main(void) {
    penata_context *ctx = NULL;
    penata_workforce *wf = NULL;
    penata_record *rec = NULL;
    penata_csv_options *opts = NULL;
    penata_import_report *report = NULL;
    penata_nip_parts nip;
    penata_issue issue;
    uint8_t golongan[MAX_ROWS], type[MAX_ROWS];
    char name[64];
    size_t i, n, read, loaded, rejected, issues;
    int f;

    printf("penata %s\n", penata_version());
    if (penata_context_create(&ctx) != PENATA_OK) return 1;

    /* A workforce with one unit and two employees. */
    TRY(penata_workforce_create(ctx, NULL, &wf));
    TRY(penata_workforce_add_unit(ctx, wf, "BKD", "Badan Kepegawaian Daerah", NULL, NULL));
    TRY(penata_record_create(ctx, &rec));
    for (f = 0; f < PENATA_FIELD_COUNT; ++f) TRY(penata_record_set(ctx, rec, penata_field_name(f), BUDI[f]));
    TRY(penata_workforce_add(ctx, wf, rec, NULL));
    for (f = 0; f < PENATA_FIELD_COUNT; ++f) TRY(penata_record_set(ctx, rec, penata_field_name(f), SITI[f]));
    TRY(penata_workforce_add(ctx, wf, rec, NULL));

    /* Adding the same NIP again is refused, and the context says why. */
    if (penata_workforce_add(ctx, wf, rec, NULL) == PENATA_ERR_VALIDATION)
        printf("refused: %s\n", penata_context_last_error(ctx));

    /* The parts of a NIP; a wrong one names the wrong part. */
    TRY(penata_nip_parse(ctx, NULL, "198609262015051001", PENATA_PNS, &nip));
    printf("NIP 198609262015051001: born %04d-%02d-%02d, TMT %04d-%02d, gender %s, sequence %d\n",
           nip.birth_year, nip.birth_month, nip.birth_day, nip.tmt_year, nip.tmt_month,
           penata_code_text(PENATA_FIELD_GENDER, nip.gender), nip.sequence);
    if (penata_nip_parse(ctx, NULL, "198602302015051001", PENATA_PNS, &nip) != PENATA_OK)
        printf("NIP 198602302015051001: %s\n", penata_context_last_error(ctx));

    /* Import CSV text in collect mode: good rows load, bad ones are reported. */
    TRY(penata_csv_options_create(ctx, &opts));
    TRY(penata_csv_options_set_collect(ctx, opts, 1));
    TRY(penata_workforce_import_csv_buffer(ctx, wf, CSV, strlen(CSV), opts, &report));
    TRY(penata_import_report_rows(ctx, report, &read, &loaded, &rejected));
    TRY(penata_import_report_issue_count(ctx, report, &issues));
    printf("import: %u rows read, %u loaded, %u rejected\n", (unsigned)read, (unsigned)loaded, (unsigned)rejected);
    for (i = 0; i < issues; ++i) {
        TRY(penata_import_report_issue(ctx, report, i, &issue));
        printf("  %s\n", issue.description);
    }

    /* Read columns in bulk, one byte per employee, into arrays the caller owns. */
    TRY(penata_workforce_size(ctx, wf, &n));
    TRY(penata_workforce_column_u8(ctx, wf, PENATA_FIELD_GOLONGAN, golongan, MAX_ROWS));
    TRY(penata_workforce_column_u8(ctx, wf, PENATA_FIELD_EMPLOYMENT_TYPE, type, MAX_ROWS));
    printf("%u employees:\n", (unsigned)n);
    for (i = 0; i < n; ++i) {
        TRY(penata_workforce_get_text(ctx, wf, i, PENATA_FIELD_NAME, name, sizeof name, NULL));
        printf("  %-14s %-4s golongan %s\n", name, penata_code_text(PENATA_FIELD_EMPLOYMENT_TYPE, type[i]),
               penata_golongan_text(type[i], golongan[i]));
    }

    /* A snapshot in memory (a file works the same way with penata_workforce_save/_load). */
    {
        void *snapshot = NULL;
        size_t snapshot_size = 0, copied = 0;
        penata_workforce *copy = NULL;
        TRY(penata_workforce_save_to_buffer(ctx, wf, PENATA_ENCODING_BINARY, &snapshot, &snapshot_size));
        TRY(penata_workforce_load_from_buffer(ctx, snapshot, snapshot_size, &copy));
        TRY(penata_workforce_size(ctx, copy, &copied));
        printf("snapshot of %u bytes holds %u employees\n", (unsigned)snapshot_size, (unsigned)copied);
        penata_free(snapshot);
        penata_workforce_destroy(copy);
    }

    penata_import_report_destroy(report);
    penata_csv_options_destroy(opts);
    penata_record_destroy(rec);
    penata_workforce_destroy(wf);
    penata_context_destroy(ctx);
    return 0;
}
