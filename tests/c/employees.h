/* Valid employees for the C API tests (SYNTHETIC: no real person), and a helper that puts one
 * into a record. Unit codes: BKD and its sub-unit BKD.MUTASI. */
#ifndef PENATA_TEST_EMPLOYEES_H
#define PENATA_TEST_EMPLOYEES_H

#include "check.h"

/* Fills a record with a valid employee: every field given as text, as in a CSV row. */
static inline int set_record(penata_context *ctx, penata_record *rec, const char *const values[PENATA_FIELD_COUNT]) {
    int i, s;
    for (i = 0; i < PENATA_FIELD_COUNT; ++i)
        if ((s = penata_record_set(ctx, rec, penata_field_name(i), values[i])) != PENATA_OK) return s;
    return PENATA_OK;
}

/* Valid employees, field values in canonical order (unit codes BKD and BKD.MUTASI). */
static const char *const EMP_BUDI[PENATA_FIELD_COUNT] = {
    "198609262015051001", "Budi Santoso", "PNS", "L", "1986-09-26", "2015-05", "III/a",
    "fungsional", "ahli_pertama", "Analis Kebijakan", "BKD", "S1", "24.5", "none"};
static const char *const EMP_SITI[PENATA_FIELD_COUNT] = {
    "199009132025242014", "Siti Rahma", "PPPK", "P", "1990-09-13", "2025-10", "IX",
    "pelaksana", "", "Pengelola Data Kepegawaian", "BKD.MUTASI", "S1", "0", "none"};
static const char *const EMP_AHMAD[PENATA_FIELD_COUNT] = {
    "197503121999031002", "Ahmad Fauzi", "PNS", "L", "1975-03-12", "1999-03", "IV/a",
    "administrator", "", "Kepala Bagian Umum", "BKD", "S2", "40", "none"};

#endif
