/*
 * penata.h — the C API of penata, the Indonesian civil-service (ASN) workforce model.
 *
 * This header is the only ABI promise penata makes. It is plain C99 (and valid C++), so that HR
 * systems in any language (C, Go, Java/JNI, PHP FFI, C#, Python ctypes) can link to the shared
 * library penata_c.
 *
 * Conventions (docs/c-api.md has the long form):
 *
 *  - Context. Almost every function takes a `penata_context *` first. The context holds the
 *    status, message and issues of the last call made on it. A context is used by one thread at
 *    a time; give each thread its own. penata keeps no global state.
 *  - Status. Functions return an `int` status: PENATA_OK (0) on success, a negative
 *    PENATA_ERR_* code on failure. The codes are stable and only ever appended to. On failure
 *    penata_context_last_error() says what went wrong; for bad input it names the row, the
 *    field, the value and the rule. Output parameters are left untouched on failure unless the
 *    function says otherwise.
 *  - Objects. Every object is an opaque handle made by a *_create (or load) function through a
 *    `**out` parameter and released by its *_destroy function. Every *_destroy accepts NULL and
 *    then does nothing. Objects are not tied to the context they were made with: any context
 *    may be passed with any object.
 *  - Strings. Input strings are NUL-terminated UTF-8 and are copied; the caller keeps ownership.
 *    Returned `const char *` strings are borrowed: each function documents how long the pointer
 *    stays valid. Buffers that the caller must release are freed with penata_free().
 *  - Bulk data crosses as caller-supplied arrays `(T *out, size_t capacity)`.
 *  - Threading. Objects may be read from several threads at once (each thread with its own
 *    context) as long as no thread modifies them at the same time.
 *  - NULL. A NULL context makes a function return PENATA_ERR_INVALID_ARGUMENT without any
 *    message; any other required pointer that is NULL gives PENATA_ERR_INVALID_ARGUMENT with a
 *    message naming the parameter.
 *  - No exception, abort or longjmp ever leaves this library.
 *
 * Coded values (employment type, gender, position class, ...) are small integers whose values
 * match the C++ enums in penata/codes.hpp; their text forms are the ones of the CSV exchange
 * format (docs/schema.md).
 */
#ifndef PENATA_H
#define PENATA_H

#include <stddef.h>
#include <stdint.h>

#include "penata/version.h"

/** \def PENATA_API
 * Marks a function exported from the penata_c shared library. Defined to the default-visibility
 * attribute while penata_c itself is built (CMake defines PENATA_BUILDING_C_API), and to
 * nothing for users, who never need to define anything. */
#if defined(PENATA_BUILDING_C_API) && (defined(__GNUC__) || defined(__clang__))
#define PENATA_API __attribute__((visibility("default")))
#else
#define PENATA_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================
 * Status codes
 * ========================================================================================== */

/** Status returned by the functions of this API. Values are stable and only appended to. */
enum penata_status {
    /** Success. */
    PENATA_OK = 0,
    /** A NULL pointer, an index out of range, an unknown field name or a value of the wrong
     * kind was passed. A programming error on the caller's side. */
    PENATA_ERR_INVALID_ARGUMENT = -1,
    /** Input data broke a rule (a NIP with an impossible date, an unknown golongan, a duplicate
     * NIP, ...). See penata_context_issue() for every rule broken. */
    PENATA_ERR_VALIDATION = -2,
    /** Input whose structure is wrong: a CSV without a header, a missing or duplicated column,
     * an unterminated quote. */
    PENATA_ERR_FORMAT = -3,
    /** A file could not be opened, read or written. */
    PENATA_ERR_IO = -4,
    /** A lookup (a NIP, a unit code, a row) found nothing. */
    PENATA_ERR_NOT_FOUND = -5,
    /** A caller-supplied buffer is too small; the function says how much is needed. */
    PENATA_ERR_BUFFER_TOO_SMALL = -6,
    /** Memory ran out. */
    PENATA_ERR_OUT_OF_MEMORY = -7,
    /** A bug in penata: an unexpected internal failure. Please report it with the message. */
    PENATA_ERR_INTERNAL = -8,
    /** A long call was stopped by the context's progress callback or by penata_context_cancel();
     * the objects it was given are as they were before the call. \since 0.2 */
    PENATA_ERR_CANCELLED = -9
};

/* ============================================================================================
 * Coded values (numerically equal to the C++ enums of penata/codes.hpp)
 * ========================================================================================== */

/** ASN employment type (UU 20/2023). Text: "PNS", "PPPK". */
enum penata_employment_type { PENATA_PNS = 0, PENATA_PPPK = 1 };

/** Gender as the NIP encodes it (digit 15: 1 = laki-laki, 2 = perempuan). Text: "L", "P". */
enum penata_gender { PENATA_GENDER_L = 0, PENATA_GENDER_P = 1 };

/** Position class (jabatan, UU 5/2014 and UU 20/2023). Text: the lower-case name after
 * PENATA_POSITION_, e.g. "jpt_pratama", "fungsional". */
enum penata_position_class {
    PENATA_POSITION_JPT_UTAMA = 0,
    PENATA_POSITION_JPT_MADYA = 1,
    PENATA_POSITION_JPT_PRATAMA = 2,
    PENATA_POSITION_ADMINISTRATOR = 3,
    PENATA_POSITION_PENGAWAS = 4,
    PENATA_POSITION_PELAKSANA = 5,
    PENATA_POSITION_FUNGSIONAL = 6
};

/** Jenjang of a jabatan fungsional; PENATA_LEVEL_NONE (text "") for every other position class.
 * Text: the lower-case name after PENATA_LEVEL_, e.g. "ahli_pertama". */
enum penata_position_level {
    PENATA_LEVEL_NONE = 0,
    PENATA_LEVEL_AHLI_PERTAMA = 1,
    PENATA_LEVEL_AHLI_MUDA = 2,
    PENATA_LEVEL_AHLI_MADYA = 3,
    PENATA_LEVEL_AHLI_UTAMA = 4,
    PENATA_LEVEL_PEMULA = 5,
    PENATA_LEVEL_TERAMPIL = 6,
    PENATA_LEVEL_MAHIR = 7,
    PENATA_LEVEL_PENYELIA = 8
};

/** Highest formal education. Text: "SD", "SLTP", "SLTA", "D1", ..., "S3". */
enum penata_education {
    PENATA_EDUCATION_SD = 0,
    PENATA_EDUCATION_SLTP = 1,
    PENATA_EDUCATION_SLTA = 2,
    PENATA_EDUCATION_D1 = 3,
    PENATA_EDUCATION_D2 = 4,
    PENATA_EDUCATION_D3 = 5,
    PENATA_EDUCATION_D4 = 6,
    PENATA_EDUCATION_S1 = 7,
    PENATA_EDUCATION_S2 = 8,
    PENATA_EDUCATION_S3 = 9
};

/** Heaviest disciplinary sanction in the last year (PP 94/2021).
 * Text: "none", "ringan", "sedang", "berat". */
enum penata_discipline {
    PENATA_DISCIPLINE_NONE = 0,
    PENATA_DISCIPLINE_RINGAN = 1,
    PENATA_DISCIPLINE_SEDANG = 2,
    PENATA_DISCIPLINE_BERAT = 3
};

/** Golongan are coded 1..PENATA_GOLONGAN_COUNT for both employment types: PNS 1 = "I/a" ..
 * 17 = "IV/e" (PP 99/2000), PPPK 1 = "I" .. 17 = "XVII" (Perpres 98/2020). */
#define PENATA_GOLONGAN_COUNT 17

/** The canonical fields of an employee, in the column order of the CSV exchange format. */
enum penata_field {
    PENATA_FIELD_NIP = 0,             /**< uint64 column: the 18-digit NIP / NI PPPK */
    PENATA_FIELD_NAME = 1,            /**< text only (no numeric column) */
    PENATA_FIELD_EMPLOYMENT_TYPE = 2, /**< uint8 column: enum penata_employment_type */
    PENATA_FIELD_GENDER = 3,          /**< uint8 column: enum penata_gender */
    PENATA_FIELD_BIRTH_DATE = 4,      /**< int32 column: days since 1970-01-01; text YYYY-MM-DD */
    PENATA_FIELD_TMT = 5,             /**< int32 column: months since 1970-01; text YYYY-MM */
    PENATA_FIELD_GOLONGAN = 6,        /**< uint8 column: 1..17, see penata_golongan_text() */
    PENATA_FIELD_POSITION_CLASS = 7,  /**< uint8 column: enum penata_position_class */
    PENATA_FIELD_POSITION_LEVEL = 8,  /**< uint8 column: enum penata_position_level */
    PENATA_FIELD_POSITION_NAME = 9,   /**< uint32 column: codes into the position-name dictionary */
    PENATA_FIELD_UNIT_CODE = 10,      /**< uint32 column: unit indices */
    PENATA_FIELD_EDUCATION = 11,      /**< uint8 column: enum penata_education */
    PENATA_FIELD_TRAINING_HOURS = 12, /**< double column: JP completed this year */
    PENATA_FIELD_DISCIPLINE = 13      /**< uint8 column: enum penata_discipline */
};
/** Number of canonical fields. */
#define PENATA_FIELD_COUNT 14

/* ============================================================================================
 * Appraisal codes (numerically equal to the C++ enums of penata/rules.hpp and appraisal.hpp)
 * ========================================================================================== */

/** Rating of hasil kerja or perilaku kerja (PermenPANRB 6/2022), also the kinerja axis of the
 * talent 9-box. Text: "di_bawah", "sesuai", "di_atas". */
enum penata_rating { PENATA_RATING_DI_BAWAH = 0, PENATA_RATING_SESUAI = 1, PENATA_RATING_DI_ATAS = 2 };

/** Predikat kinerja pegawai (PermenPANRB 6/2022; PP 30/2019's "Cukup" is BUTUH_PERBAIKAN).
 * Text: the lower-case name after PENATA_PREDIKAT_, e.g. "butuh_perbaikan". */
enum penata_predikat {
    PENATA_PREDIKAT_SANGAT_BAIK = 0,
    PENATA_PREDIKAT_BAIK = 1,
    PENATA_PREDIKAT_BUTUH_PERBAIKAN = 2,
    PENATA_PREDIKAT_KURANG = 3,
    PENATA_PREDIKAT_SANGAT_KURANG = 4
};
/** Number of predikat codes: the length of the count arrays of the distribution check. */
#define PENATA_PREDIKAT_COUNT 5

/** Predikat kinerja organisasi (PermenPANRB 6/2022). Text: e.g. "istimewa", "butuh_perbaikan". */
enum penata_org_predikat {
    PENATA_ORG_PREDIKAT_ISTIMEWA = 0,
    PENATA_ORG_PREDIKAT_BAIK = 1,
    PENATA_ORG_PREDIKAT_BUTUH_PERBAIKAN = 2,
    PENATA_ORG_PREDIKAT_KURANG = 3,
    PENATA_ORG_PREDIKAT_SANGAT_KURANG = 4
};

/** Potensial axis of the talent 9-box (PermenPANRB 3/2020). Text: "rendah", "menengah", "tinggi". */
enum penata_potential { PENATA_POTENTIAL_RENDAH = 0, PENATA_POTENTIAL_MENENGAH = 1, PENATA_POTENTIAL_TINGGI = 2 };

/** IP ASN category (Peraturan BKN 8/2019). Text: e.g. "sangat_tinggi". */
enum penata_ip_asn_category {
    PENATA_IP_ASN_CATEGORY_SANGAT_TINGGI = 0,
    PENATA_IP_ASN_CATEGORY_TINGGI = 1,
    PENATA_IP_ASN_CATEGORY_SEDANG = 2,
    PENATA_IP_ASN_CATEGORY_RENDAH = 3,
    PENATA_IP_ASN_CATEGORY_SANGAT_RENDAH = 4
};

/** Band of a PP 46/2011 SKP or prestasi kerja score (Perka BKN 1/2013). Text: "sangat_baik",
 * "baik", "cukup", "kurang", "buruk". */
enum penata_prestasi_band {
    PENATA_PRESTASI_SANGAT_BAIK = 0,
    PENATA_PRESTASI_BAIK = 1,
    PENATA_PRESTASI_CUKUP = 2,
    PENATA_PRESTASI_KURANG = 3,
    PENATA_PRESTASI_BURUK = 4
};

/** Level of a kreativitas award added to a PP 46/2011 SKP score. Text: "none", "unit",
 * "organisasi", "nasional". */
enum penata_kreativitas {
    PENATA_KREATIVITAS_NONE = 0,
    PENATA_KREATIVITAS_UNIT = 1,
    PENATA_KREATIVITAS_ORGANISASI = 2,
    PENATA_KREATIVITAS_NASIONAL = 3
};

/** Who rated perilaku kerja under PP 30/2019 Pasal 41: the superior only (SKP/perilaku 70/30) or
 * superior, peers and subordinates (60/40). */
enum penata_perilaku_rater { PENATA_RATER_SUPERIOR_ONLY = 0, PENATA_RATER_MULTI = 1 };

/** Kind of bound of a distribution rule. Text: "min_share", "max_share", "min_count", "max_count". */
enum penata_distribution_bound {
    PENATA_BOUND_MIN_SHARE = 0,
    PENATA_BOUND_MAX_SHARE = 1,
    PENATA_BOUND_MIN_COUNT = 2,
    PENATA_BOUND_MAX_COUNT = 3
};

/** The coded appraisal values whose text penata_appraisal_code_text() gives. */
enum penata_appraisal_kind {
    PENATA_KIND_RATING = 0,             /**< enum penata_rating */
    PENATA_KIND_PREDIKAT = 1,           /**< enum penata_predikat */
    PENATA_KIND_ORG_PREDIKAT = 2,       /**< enum penata_org_predikat */
    PENATA_KIND_POTENTIAL = 3,          /**< enum penata_potential */
    PENATA_KIND_IP_ASN_CATEGORY = 4,    /**< enum penata_ip_asn_category */
    PENATA_KIND_PRESTASI_BAND = 5,      /**< enum penata_prestasi_band */
    PENATA_KIND_KREATIVITAS = 6,        /**< enum penata_kreativitas */
    PENATA_KIND_DISTRIBUTION_BOUND = 7  /**< enum penata_distribution_bound */
};

/** A one-byte output meaning "no value" (e.g. the band of an employee without SKP tasks). */
#define PENATA_NO_CODE 255

/** Element type of a numeric column (see penata_field_column_type()). */
enum penata_column_type {
    PENATA_COLUMN_U8 = 0,  /**< uint8_t */
    PENATA_COLUMN_I32 = 1, /**< int32_t */
    PENATA_COLUMN_U32 = 2, /**< uint32_t */
    PENATA_COLUMN_U64 = 3, /**< uint64_t */
    PENATA_COLUMN_F64 = 4, /**< double */
    PENATA_COLUMN_NONE = -1 /**< the field has no numeric column (name) */
};

/* ============================================================================================
 * Opaque handles
 * ========================================================================================== */

/** Per-thread call context: owns the last status, error message and issues. */
typedef struct penata_context penata_context;
/** Configurable NIP validation rules (minimum age at TMT, accepted NI PPPK codes). */
typedef struct penata_nip_rules penata_nip_rules;
/** A set of employees stored as columns, with its unit tree and NIP rules. */
typedef struct penata_workforce penata_workforce;
/** One employee in text form, filled field by field, to be added to a workforce. */
typedef struct penata_record penata_record;
/** Options of a CSV import (raise or collect, create missing units, NIP rules). */
typedef struct penata_csv_options penata_csv_options;
/** What a CSV import did: counts, every rejected field, unknown columns, created units. */
typedef struct penata_import_report penata_import_report;
/** A validated set of appraisal rules (weights, point tables, bands, matrices) of one or more
 * regulations. */
typedef struct penata_ruleset penata_ruleset;
/** Options of the appraisal functions (PP 30/2019 rater mode, angka kredit months). */
typedef struct penata_appraisal_options penata_appraisal_options;
/** The outcome of a distribution check: violations and a suggested correction. */
typedef struct penata_distribution_result penata_distribution_result;
/** An ordered set of competencies (PermenPANRB 38/2017: manajerial, sosial kultural, teknis); a
 * competency's index in it is its column in every level matrix. */
typedef struct penata_competency_framework penata_competency_framework;
/** Standar kompetensi jabatan: the required level of each competency for each position. */
typedef struct penata_position_standards penata_position_standards;
/** An append-only history of competency assessments (employee, competency, level, date, method). */
typedef struct penata_assessments penata_assessments;
/** The rules of gap analysis: JPM cap and weights, category bands, missing-assessment policy,
 * the 20 JP rule, eligible golongan by position. */
typedef struct penata_gap_rules penata_gap_rules;
/** The outcome of a gap analysis: levels, gaps, JPM, category and potential per employee. */
typedef struct penata_gap_result penata_gap_result;
/** Training needs per unit and competency, and the 20 JP compliance per unit. */
typedef struct penata_tna penata_tna;
/** Options of a candidate ranking (unit, employment types, golongan check). */
typedef struct penata_rank_options penata_rank_options;
/** The candidates for a position: eligible ones ranked, ineligible ones with the reason. */
typedef struct penata_ranking penata_ranking;

/** One broken rule, as reported by penata_context_issue() and penata_import_report_issue().
 * All strings are borrowed from the object that filled the struct and never NULL. */
typedef struct penata_issue {
    /** Data row: 1 is the first data row after the CSV header; -1 when the value did not come
     * from a table (a single add or parse). */
    int64_t row;
    /** Canonical field name, e.g. "nip" or "golongan"; "" for the whole row. */
    const char *field;
    /** The offending value as given (at most 200 bytes, "..." when cut). */
    const char *value;
    /** Stable rule identifier, e.g. "nip.month" (listed in docs/schema.md). */
    const char *rule;
    /** Human-readable explanation. */
    const char *message;
    /** One line with all of the above: "row 3, field 'nip', value '...': <message> [rule ...]". */
    const char *description;
} penata_issue;

/* ============================================================================================
 * Version, status text, memory
 * ========================================================================================== */

/** The library version at run time, "MAJOR.MINOR.PATCH". Compare with PENATA_VERSION_STRING to
 * detect a header/library mismatch.
 * \return a static string; never NULL.
 * \since 0.1 */
PENATA_API const char *penata_version(void);

/** A short English name of a status code, e.g. "validation error".
 * \param status a value returned by any function of this API.
 * \return a static string; "unknown status" for a value that is not a penata_status.
 * \since 0.1 */
PENATA_API const char *penata_status_string(int status);

/** Frees a buffer that penata allocated for the caller (by penata_workforce_to_csv(),
 * penata_workforce_save_to_buffer(), penata_nip_rules_save_to_buffer(), penata_ruleset_to_json()
 * or one of the competency *_to_json() / *_to_csv() functions).
 * \param p the buffer, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_free(void *p);

/* ============================================================================================
 * Context
 * ========================================================================================== */

/** Creates a context.
 * \param out receives the new context; the caller owns it and frees it with
 *        penata_context_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when out is NULL; PENATA_ERR_OUT_OF_MEMORY
 *         (then *out is NULL).
 * \since 0.1 */
PENATA_API int penata_context_create(penata_context **out);

/** Destroys a context. Strings borrowed from it become invalid.
 * \param ctx the context, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_context_destroy(penata_context *ctx);

/** Status of the last call made with this context (PENATA_OK when it succeeded).
 * Reading the last error does not change it.
 * \param ctx the context.
 * \return the status; PENATA_ERR_INVALID_ARGUMENT when ctx is NULL.
 * \since 0.1 */
PENATA_API int penata_context_last_status(const penata_context *ctx);

/** Message of the last call made with this context. For bad input it names the row, field,
 * value and rule of the first issue and says how many more there are.
 * \param ctx the context.
 * \return a borrowed string, valid until the next call with ctx (other than the
 *         penata_context_last_* and penata_context_issue* readers) or its destruction;
 *         "" when the last call succeeded or ctx is NULL. Never NULL.
 * \since 0.1 */
PENATA_API const char *penata_context_last_error(const penata_context *ctx);

/** Rule identifier (e.g. "nip.month") of the first issue of the last call's validation error.
 * \param ctx the context.
 * \return a borrowed string with the lifetime of penata_context_last_error(); "" when the last
 *         call did not fail with PENATA_ERR_VALIDATION. Never NULL.
 * \since 0.1 */
PENATA_API const char *penata_context_last_error_rule(const penata_context *ctx);

/** Field name (e.g. "nip", "golongan") of the first issue of the last call's validation error.
 * \param ctx the context.
 * \return a borrowed string with the lifetime of penata_context_last_error(); "" when the last
 *         call did not fail with PENATA_ERR_VALIDATION or the issue is about the whole row.
 *         Never NULL.
 * \since 0.1 */
PENATA_API const char *penata_context_last_error_field(const penata_context *ctx);

/** Number of issues (broken rules) of the last call; 0 unless it failed with
 * PENATA_ERR_VALIDATION, at least 1 when it did.
 * \param ctx the context.
 * \return the count; 0 when ctx is NULL.
 * \since 0.1 */
PENATA_API size_t penata_context_issue_count(const penata_context *ctx);

/** One issue of the last call's validation error.
 * \param ctx the context.
 * \param index 0 .. penata_context_issue_count() - 1.
 * \param out receives the issue; its strings are borrowed with the lifetime of
 *        penata_context_last_error().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or out is NULL or index is out of
 *         range. Does not change the last error.
 * \since 0.1 */
PENATA_API int penata_context_issue(const penata_context *ctx, size_t index, penata_issue *out);

/** Reports the progress of a long call (a training plan, a projection, a simulation).
 * \param user the pointer given to penata_context_set_progress().
 * \param done work done so far, in the unit the long call documents (employees, person-years,
 *        iterations); never more than total.
 * \param total the whole work in the same unit.
 * \return 0 to go on; any other value cancels the call, which then returns PENATA_ERR_CANCELLED.
 * Called on the thread that made the call, between blocks of work (at least every second or so
 * on a large input); it must not call penata functions with the same context. */
typedef int (*penata_progress_fn)(void *user, uint64_t done, uint64_t total);

/** Sets (or, with fn NULL, removes) the progress callback of the long calls made with ctx.
 * Calls that document no progress unit never call it.
 * \param ctx the context.
 * \param fn the callback, or NULL.
 * \param user passed to fn unchanged; penata never dereferences it.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx is NULL.
 * \since 0.2 */
PENATA_API int penata_context_set_progress(penata_context *ctx, penata_progress_fn fn, void *user);

/** Asks the long call running with ctx to stop at its next block boundary. Unlike every other
 * function, it may be called from another thread while a call on ctx runs. The request stays
 * pending until a long call sees it (that call returns PENATA_ERR_CANCELLED and clears it) or
 * until penata_context_clear_cancel().
 * \param ctx the context; NULL does nothing.
 * \since 0.2 */
PENATA_API void penata_context_cancel(penata_context *ctx);

/** Withdraws a pending penata_context_cancel() request.
 * \param ctx the context; NULL does nothing.
 * \since 0.2 */
PENATA_API void penata_context_clear_cancel(penata_context *ctx);

/* ============================================================================================
 * Fields and coded values (constant text; no context needed)
 * ========================================================================================== */

/** Canonical name of a field, e.g. "golongan" for PENATA_FIELD_GOLONGAN.
 * \param field a penata_field value.
 * \return a static string; NULL when field is out of range.
 * \since 0.1 */
PENATA_API const char *penata_field_name(int field);

/** The field with this exact canonical name.
 * \param ctx the context.
 * \param name a canonical field name ("nip", "name", ..., "discipline").
 * \param out receives the penata_field value.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_NOT_FOUND when name is not a canonical field.
 * \since 0.1 */
PENATA_API int penata_field_from_name(penata_context *ctx, const char *name, int *out);

/** Element type of a field's numeric column.
 * \param field a penata_field value.
 * \return a penata_column_type; PENATA_COLUMN_NONE for PENATA_FIELD_NAME and for a field out of
 *         range.
 * \since 0.1 */
PENATA_API int penata_field_column_type(int field);

/** Text form of a coded value, as written in CSV files: e.g. penata_code_text(
 * PENATA_FIELD_POSITION_CLASS, PENATA_POSITION_FUNGSIONAL) is "fungsional".
 * \param field one of PENATA_FIELD_EMPLOYMENT_TYPE, _GENDER, _POSITION_CLASS, _POSITION_LEVEL,
 *        _EDUCATION, _DISCIPLINE (use penata_golongan_text() for golongan).
 * \param value the numeric code.
 * \return a static string ("" for PENATA_LEVEL_NONE); NULL when field is not a coded field or
 *         value is out of range.
 * \since 0.1 */
PENATA_API const char *penata_code_text(int field, int value);

/** Golongan text of a code: PNS "I/a" .. "IV/e", PPPK "I" .. "XVII".
 * \param employment_type PENATA_PNS or PENATA_PPPK.
 * \param golongan 1 .. PENATA_GOLONGAN_COUNT.
 * \return a static string; NULL when an argument is out of range.
 * \since 0.1 */
PENATA_API const char *penata_golongan_text(int employment_type, int golongan);

/* ============================================================================================
 * NIP (Nomor Induk Pegawai of a PNS, NI PPPK)
 * ========================================================================================== */

/** The parts of a valid NIP (PNS: YYYYMMDD YYYYMM G NNN, Peraturan Kepala BKN 22/2007 and
 * 43/2007) or NI PPPK (YYYYMMDD YYYY CC G NNN). */
typedef struct penata_nip_parts {
    int employment_type; /**< PENATA_PNS or PENATA_PPPK, as passed to penata_nip_parse() */
    int birth_year;      /**< digits 1-4 */
    int birth_month;     /**< digits 5-6, 1..12 */
    int birth_day;       /**< digits 7-8 */
    int32_t birth_date;  /**< the same date as days since 1970-01-01 */
    int tmt_year;        /**< digits 9-12: year of first appointment */
    int tmt_month;       /**< digits 13-14 of a PNS NIP, 1..12; 0 for PPPK */
    int pppk_code;       /**< digits 13-14 of an NI PPPK (e.g. 21, 24); 0 for PNS */
    int gender;          /**< digit 15 (1 or 2) as PENATA_GENDER_L or PENATA_GENDER_P */
    int sequence;        /**< digits 16-18, 1..999 */
} penata_nip_parts;

/** Creates NIP rules with the defaults: minimum age 18 at TMT, NI PPPK codes {21, 24}, birth
 * years 1900..2099.
 * \param ctx the context.
 * \param out receives the rules; free with penata_nip_rules_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_nip_rules_create(penata_context *ctx, penata_nip_rules **out);

/** Destroys NIP rules.
 * \param rules the rules, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_nip_rules_destroy(penata_nip_rules *rules);

/** Sets the minimum age in whole years at first appointment (TMT), compared at month
 * granularity. PP 11/2017 sets the applicant age at 18..35.
 * \param ctx the context.
 * \param rules the rules to change.
 * \param years the minimum age.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_VALIDATION
 *         (rules unchanged) when the value is not acceptable, e.g. negative.
 * \since 0.1 */
PENATA_API int penata_nip_rules_set_min_age(penata_context *ctx, penata_nip_rules *rules, int years);

/** Sets the accepted values of NI PPPK digits 13-14 (not a month: 21 is common for PPPK, 24 is
 * reported for PPPK paruh waktu).
 * \param ctx the context.
 * \param rules the rules to change.
 * \param codes n two-digit codes (copied); may be NULL when n is 0.
 * \param n number of codes.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_VALIDATION
 *         (rules unchanged) when the set is not acceptable, e.g. a code outside 0..99.
 * \since 0.1 */
PENATA_API int penata_nip_rules_set_pppk_codes(penata_context *ctx, penata_nip_rules *rules,
                                               const int *codes, size_t n);

/** Sets the plausible birth years; a NIP born outside them is refused.
 * \param ctx the context.
 * \param rules the rules to change.
 * \param min_year first accepted birth year.
 * \param max_year last accepted birth year.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_VALIDATION
 *         (rules unchanged) when the range is not acceptable.
 * \since 0.1 */
PENATA_API int penata_nip_rules_set_birth_years(penata_context *ctx, penata_nip_rules *rules,
                                                int min_year, int max_year);

/** Parses and validates an 18-digit NIP (PNS) or NI PPPK.
 * \param ctx the context.
 * \param rules the rules to apply, or NULL for the defaults.
 * \param nip the NIP as text, exactly 18 digits.
 * \param employment_type PENATA_PNS or PENATA_PPPK: which layout digits 13-14 follow.
 * \param out receives the parts.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or an unknown
 *         employment_type; PENATA_ERR_VALIDATION when the NIP is wrong: the last error names the
 *         wrong part and why (e.g. rule "nip.month"), see penata_context_last_error_rule().
 * \since 0.1 */
PENATA_API int penata_nip_parse(penata_context *ctx, const penata_nip_rules *rules, const char *nip,
                                int employment_type, penata_nip_parts *out);

/* ============================================================================================
 * Workforce: create, units
 * ========================================================================================== */

/** Creates an empty workforce with an empty unit tree.
 * \param ctx the context.
 * \param rules NIP rules the workforce validates with (copied), or NULL for the defaults.
 * \param out receives the workforce; free with penata_workforce_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_workforce_create(penata_context *ctx, const penata_nip_rules *rules,
                                       penata_workforce **out);

/** Destroys a workforce. Strings borrowed from it become invalid.
 * \param wf the workforce, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_workforce_destroy(penata_workforce *wf);

/** Number of employees.
 * \param ctx the context.
 * \param wf the workforce.
 * \param out receives the count.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_workforce_size(penata_context *ctx, const penata_workforce *wf, size_t *out);

/** Adds a unit (perangkat daerah or sub-unit) to the workforce's unit tree. A parent is added
 * before its children; units cannot be removed.
 * \param ctx the context.
 * \param wf the workforce.
 * \param code the unit code: non-empty, at most 64 bytes, no spaces, commas or control
 *        characters, not used yet.
 * \param name the unit's name.
 * \param parent_code code of an existing parent unit, or NULL (or "") for a top-level unit.
 * \param index_out receives the new unit's index, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_VALIDATION
 *         (field "code", "name" or "parent_code") when the unit is refused.
 * \since 0.1 */
PENATA_API int penata_workforce_add_unit(penata_context *ctx, penata_workforce *wf, const char *code,
                                         const char *name, const char *parent_code, size_t *index_out);

/** Number of units in the unit tree.
 * \param ctx the context.
 * \param wf the workforce.
 * \param out receives the count.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_workforce_unit_count(penata_context *ctx, const penata_workforce *wf, size_t *out);

/** Code of a unit. Unit indices are the values of the PENATA_FIELD_UNIT_CODE column.
 * \param ctx the context.
 * \param wf the workforce.
 * \param index 0 .. unit count - 1.
 * \param out receives a borrowed string, valid until the workforce is changed or destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_NOT_FOUND when index is out of range.
 * \since 0.1 */
PENATA_API int penata_workforce_unit_code(penata_context *ctx, const penata_workforce *wf, size_t index,
                                          const char **out);

/** Name of a unit.
 * \param ctx the context.
 * \param wf the workforce.
 * \param index 0 .. unit count - 1.
 * \param out receives a borrowed string, valid until the workforce is changed or destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_NOT_FOUND when index is out of range.
 * \since 0.1 */
PENATA_API int penata_workforce_unit_name(penata_context *ctx, const penata_workforce *wf, size_t index,
                                          const char **out);

/** Parent of a unit.
 * \param ctx the context.
 * \param wf the workforce.
 * \param index 0 .. unit count - 1.
 * \param out receives the parent's index, or -1 for a top-level unit.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_NOT_FOUND when index is out of range.
 * \since 0.1 */
PENATA_API int penata_workforce_unit_parent(penata_context *ctx, const penata_workforce *wf, size_t index,
                                            int64_t *out);

/** Index of the unit with this code.
 * \param ctx the context.
 * \param wf the workforce.
 * \param code the unit code.
 * \param out receives the index.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_NOT_FOUND when no unit has this code.
 * \since 0.1 */
PENATA_API int penata_workforce_find_unit(penata_context *ctx, const penata_workforce *wf, const char *code,
                                          size_t *out);

/* ============================================================================================
 * Records: one employee in text form
 * ========================================================================================== */

/** Creates an empty record: every field is "" until set.
 * \param ctx the context.
 * \param out receives the record; free with penata_record_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_record_create(penata_context *ctx, penata_record **out);

/** Destroys a record.
 * \param rec the record, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_record_destroy(penata_record *rec);

/** Sets one field in its text form, exactly as in a CSV cell (e.g. "golongan" = "III/a",
 * "birth_date" = "1986-09-26", "tmt" = "2015-05", "position_level" = "" unless fungsional).
 * The text is not checked here; penata_workforce_add() checks the whole record.
 * \param ctx the context.
 * \param rec the record.
 * \param field a canonical field name (see penata_field_name()).
 * \param text the value (copied).
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or an unknown field name.
 * \since 0.1 */
PENATA_API int penata_record_set(penata_context *ctx, penata_record *rec, const char *field,
                                 const char *text);

/** Sets every field back to "".
 * \param ctx the context.
 * \param rec the record.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_record_clear(penata_context *ctx, penata_record *rec);

/* ============================================================================================
 * Workforce: employees
 * ========================================================================================== */

/** Adds the employee described by a record. Every field is parsed, then the cross-field rules
 * are checked (NIP agreement with birth date, gender and TMT, minimum age at TMT, golongan for
 * the employment type, level only for fungsional, known unit, unique NIP). Nothing is added
 * when any rule is broken.
 * \param ctx the context.
 * \param wf the workforce.
 * \param rec the employee.
 * \param row_out receives the new employee's row, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_VALIDATION
 *         with every broken rule (penata_context_issue_count(), penata_context_issue()); the
 *         last error describes the first and says how many there are.
 * \since 0.1 */
PENATA_API int penata_workforce_add(penata_context *ctx, penata_workforce *wf, const penata_record *rec,
                                    size_t *row_out);

/** Replaces the employee with the record's NIP, after the same checks as penata_workforce_add().
 * \param ctx the context.
 * \param wf the workforce.
 * \param rec the new values; its NIP selects the employee.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_VALIDATION;
 *         PENATA_ERR_NOT_FOUND when no employee has that NIP.
 * \since 0.1 */
PENATA_API int penata_workforce_update(penata_context *ctx, penata_workforce *wf, const penata_record *rec);

/** Removes the employee with this NIP; the rows after it move up by one.
 * \param ctx the context.
 * \param wf the workforce.
 * \param nip the NIP as a number (as in the PENATA_FIELD_NIP column).
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_NOT_FOUND when no employee has this NIP.
 * \since 0.1 */
PENATA_API int penata_workforce_remove(penata_context *ctx, penata_workforce *wf, uint64_t nip);

/** Row of the employee with this NIP, in constant time.
 * \param ctx the context.
 * \param wf the workforce.
 * \param nip the NIP as text, exactly 18 digits.
 * \param row_out receives the row.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or a text that is not 18
 *         digits; PENATA_ERR_NOT_FOUND when no employee has this NIP.
 * \since 0.1 */
PENATA_API int penata_workforce_find(penata_context *ctx, const penata_workforce *wf, const char *nip,
                                     size_t *row_out);

/** Text form of one cell (as written to CSV), snprintf-style.
 * \param ctx the context.
 * \param wf the workforce.
 * \param row 0 .. size - 1.
 * \param field a penata_field value.
 * \param buf receives the NUL-terminated text, cut to capacity - 1 bytes when it does not fit;
 *        may be NULL when capacity is 0.
 * \param capacity size of buf in bytes.
 * \param needed receives the size the full text needs, including the NUL; may be NULL.
 * \return PENATA_OK (also for a size query: buf NULL and capacity 0);
 *         PENATA_ERR_BUFFER_TOO_SMALL when the text was cut (buf and *needed are still filled);
 *         PENATA_ERR_INVALID_ARGUMENT for a NULL argument or an unknown field;
 *         PENATA_ERR_NOT_FOUND when row is out of range.
 * \since 0.1 */
PENATA_API int penata_workforce_get_text(penata_context *ctx, const penata_workforce *wf, size_t row,
                                         int field, char *buf, size_t capacity, size_t *needed);

/** Number of distinct position names; the PENATA_FIELD_POSITION_NAME column holds indices into
 * this dictionary.
 * \param ctx the context.
 * \param wf the workforce.
 * \param out receives the count.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_workforce_position_name_count(penata_context *ctx, const penata_workforce *wf,
                                                    size_t *out);

/** One entry of the position-name dictionary.
 * \param ctx the context.
 * \param wf the workforce.
 * \param code 0 .. count - 1, as found in the PENATA_FIELD_POSITION_NAME column.
 * \param out receives a borrowed string, valid until the workforce is changed or destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_NOT_FOUND when code is out of range.
 * \since 0.1 */
PENATA_API int penata_workforce_position_name(penata_context *ctx, const penata_workforce *wf, size_t code,
                                              const char **out);

/* ============================================================================================
 * Workforce: bulk column reads
 *
 * Each function copies a whole column, one element per employee in row order, into a caller
 * array of at least penata_workforce_size() elements. The field must have the function's element
 * type (penata_field_column_type()).
 * Returns PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument (out may be NULL only for
 * an empty workforce), an unknown field or a field of another type; PENATA_ERR_BUFFER_TOO_SMALL
 * (nothing copied) when capacity is smaller than the number of employees.
 * ========================================================================================== */

/** Copies a uint8 column (employment_type, gender, golongan, position_class, position_level,
 * education, discipline). \param ctx the context. \param wf the workforce. \param field the field.
 * \param out the destination. \param capacity number of elements out can hold.
 * \return see above. \since 0.1 */
PENATA_API int penata_workforce_column_u8(penata_context *ctx, const penata_workforce *wf, int field,
                                         uint8_t *out, size_t capacity);

/** Copies an int32 column (birth_date: days since 1970-01-01; tmt: months since 1970-01).
 * \param ctx the context. \param wf the workforce. \param field the field.
 * \param out the destination. \param capacity number of elements out can hold.
 * \return see above. \since 0.1 */
PENATA_API int penata_workforce_column_i32(penata_context *ctx, const penata_workforce *wf, int field,
                                          int32_t *out, size_t capacity);

/** Copies a uint32 column (position_name: dictionary codes; unit_code: unit indices).
 * \param ctx the context. \param wf the workforce. \param field the field.
 * \param out the destination. \param capacity number of elements out can hold.
 * \return see above. \since 0.1 */
PENATA_API int penata_workforce_column_u32(penata_context *ctx, const penata_workforce *wf, int field,
                                          uint32_t *out, size_t capacity);

/** Copies a uint64 column (nip).
 * \param ctx the context. \param wf the workforce. \param field the field.
 * \param out the destination. \param capacity number of elements out can hold.
 * \return see above. \since 0.1 */
PENATA_API int penata_workforce_column_u64(penata_context *ctx, const penata_workforce *wf, int field,
                                          uint64_t *out, size_t capacity);

/** Copies a double column (training_hours).
 * \param ctx the context. \param wf the workforce. \param field the field.
 * \param out the destination. \param capacity number of elements out can hold.
 * \return see above. \since 0.1 */
PENATA_API int penata_workforce_column_f64(penata_context *ctx, const penata_workforce *wf, int field,
                                          double *out, size_t capacity);

/* ============================================================================================
 * CSV exchange (RFC 4180, UTF-8, header naming the canonical columns in any order; see
 * docs/schema.md)
 * ========================================================================================== */

/** Creates CSV options with the defaults: raise mode (the first bad row fails the import and
 * nothing is added), missing units are an error, default NIP rules.
 * \param ctx the context.
 * \param out receives the options; free with penata_csv_options_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_csv_options_create(penata_context *ctx, penata_csv_options **out);

/** Destroys CSV options.
 * \param opts the options, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_csv_options_destroy(penata_csv_options *opts);

/** Chooses what an import does with a bad row.
 * \param ctx the context.
 * \param opts the options.
 * \param collect 0 (raise, the default): the first bad row fails the import with
 *        PENATA_ERR_VALIDATION and nothing is added; non-zero (collect): the good rows are added
 *        and every bad one is listed in the import report.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_csv_options_set_collect(penata_context *ctx, penata_csv_options *opts, int collect);

/** Chooses what an import does with a unit_code that is not in the unit tree.
 * \param ctx the context.
 * \param opts the options.
 * \param create 0 (the default): the row is bad (rule "unit_code.known"); non-zero: the unit is
 *        added as a top-level unit named by its code and listed in the report.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_csv_options_set_create_missing_units(penata_context *ctx, penata_csv_options *opts,
                                                           int create);

/** Sets the NIP rules of the workforces that penata_workforce_load_csv() and
 * penata_workforce_load_csv_buffer() create. (penata_workforce_import_csv() and
 * penata_workforce_import_csv_buffer() use the target workforce's own rules.)
 * \param ctx the context.
 * \param opts the options.
 * \param rules the rules (copied), or NULL for the defaults.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or opts is NULL.
 * \since 0.1 */
PENATA_API int penata_csv_options_set_nip_rules(penata_context *ctx, penata_csv_options *opts,
                                                const penata_nip_rules *rules);

/** Loads a CSV file into a new workforce.
 * \param ctx the context.
 * \param path the employees CSV file.
 * \param units_path a units CSV file (columns code, name, parent_code; parents first), or NULL
 *        for an empty unit tree (useful with penata_csv_options_set_create_missing_units()).
 * \param opts the options, or NULL for the defaults (raise mode).
 * \param out receives the new workforce; free with penata_workforce_destroy(). Set only on
 *        success.
 * \param report_out receives the import report (free with penata_import_report_destroy()), or
 *        NULL when the caller does not want it. Set only on success.
 * \return PENATA_OK (in collect mode also when rows were rejected: check the report);
 *         PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_IO when a file cannot be
 *         read; PENATA_ERR_FORMAT for a structural problem (missing column, unterminated quote);
 *         PENATA_ERR_VALIDATION for a bad row in raise mode or a bad units file.
 * \since 0.1 */
PENATA_API int penata_workforce_load_csv(penata_context *ctx, const char *path, const char *units_path,
                                         const penata_csv_options *opts, penata_workforce **out,
                                         penata_import_report **report_out);

/** As penata_workforce_load_csv(), from CSV text in memory.
 * \param ctx the context.
 * \param data the employees CSV text (need not be NUL-terminated).
 * \param len its length in bytes.
 * \param units_data units CSV text, or NULL for an empty unit tree.
 * \param units_len its length in bytes (ignored when units_data is NULL).
 * \param opts the options, or NULL for the defaults.
 * \param out receives the new workforce.
 * \param report_out receives the report, or NULL.
 * \return as penata_workforce_load_csv() (never PENATA_ERR_IO).
 * \since 0.1 */
PENATA_API int penata_workforce_load_csv_buffer(penata_context *ctx, const char *data, size_t len,
                                                const char *units_data, size_t units_len,
                                                const penata_csv_options *opts, penata_workforce **out,
                                                penata_import_report **report_out);

/** Imports a CSV file into an existing workforce, appending rows. Validates with the
 * workforce's own NIP rules and unit tree. In raise mode the workforce is unchanged on failure.
 * \param ctx the context.
 * \param wf the workforce.
 * \param path the employees CSV file.
 * \param opts the options, or NULL for the defaults.
 * \param report_out receives the report (free with penata_import_report_destroy()), or NULL.
 * \return as penata_workforce_load_csv().
 * \since 0.1 */
PENATA_API int penata_workforce_import_csv(penata_context *ctx, penata_workforce *wf, const char *path,
                                           const penata_csv_options *opts, penata_import_report **report_out);

/** As penata_workforce_import_csv(), from CSV text in memory.
 * \param ctx the context.
 * \param wf the workforce.
 * \param data the CSV text (need not be NUL-terminated).
 * \param len its length in bytes.
 * \param opts the options, or NULL for the defaults.
 * \param report_out receives the report, or NULL.
 * \return as penata_workforce_load_csv() (never PENATA_ERR_IO).
 * \since 0.1 */
PENATA_API int penata_workforce_import_csv_buffer(penata_context *ctx, penata_workforce *wf,
                                                  const char *data, size_t len,
                                                  const penata_csv_options *opts,
                                                  penata_import_report **report_out);

/** Writes the employees as CSV (canonical header, one row per employee in row order). The file
 * is written to a temporary name and renamed, so it is never left half-written.
 * \param ctx the context.
 * \param wf the workforce.
 * \param path the file to write.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_IO.
 * \since 0.1 */
PENATA_API int penata_workforce_save_csv(penata_context *ctx, const penata_workforce *wf, const char *path);

/** Writes the unit tree as CSV (code, name, parent_code; parents first).
 * \param ctx the context.
 * \param wf the workforce.
 * \param path the file to write.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_IO.
 * \since 0.1 */
PENATA_API int penata_workforce_save_units_csv(penata_context *ctx, const penata_workforce *wf,
                                               const char *path);

/** The employees as CSV text in memory.
 * \param ctx the context.
 * \param wf the workforce.
 * \param out receives a NUL-terminated buffer that the caller frees with penata_free().
 * \param len_out receives the length in bytes without the NUL, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_workforce_to_csv(penata_context *ctx, const penata_workforce *wf, char **out,
                                       size_t *len_out);

/* ============================================================================================
 * Import report
 * ========================================================================================== */

/** Destroys an import report. Strings borrowed from it become invalid.
 * \param report the report, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_import_report_destroy(penata_import_report *report);

/** Row counts of an import. rows_read = rows_loaded + rows_rejected.
 * \param ctx the context.
 * \param report the report.
 * \param rows_read receives the number of data rows seen (the header is not counted), or NULL.
 * \param rows_loaded receives the number of rows added, or NULL.
 * \param rows_rejected receives the number of rows refused, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or report is NULL.
 * \since 0.1 */
PENATA_API int penata_import_report_rows(penata_context *ctx, const penata_import_report *report,
                                         size_t *rows_read, size_t *rows_loaded, size_t *rows_rejected);

/** Number of issues: one per bad field of every rejected row, in row order.
 * \param ctx the context.
 * \param report the report.
 * \param out receives the count.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_import_report_issue_count(penata_context *ctx, const penata_import_report *report,
                                                size_t *out);

/** One issue of an import.
 * \param ctx the context.
 * \param report the report.
 * \param index 0 .. issue count - 1.
 * \param out receives the issue; its strings are borrowed, valid until the report is destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_NOT_FOUND when index is out of range.
 * \since 0.1 */
PENATA_API int penata_import_report_issue(penata_context *ctx, const penata_import_report *report,
                                          size_t index, penata_issue *out);

/** Number of header names that are not canonical fields (their values were ignored).
 * \param ctx the context.
 * \param report the report.
 * \param out receives the count.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_import_report_unknown_column_count(penata_context *ctx,
                                                         const penata_import_report *report, size_t *out);

/** One unknown column name.
 * \param ctx the context.
 * \param report the report.
 * \param index 0 .. count - 1.
 * \param out receives a borrowed string, valid until the report is destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_NOT_FOUND when index is out of range.
 * \since 0.1 */
PENATA_API int penata_import_report_unknown_column(penata_context *ctx, const penata_import_report *report,
                                                   size_t index, const char **out);

/** Number of units the import created (penata_csv_options_set_create_missing_units()).
 * \param ctx the context.
 * \param report the report.
 * \param out receives the count.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_import_report_created_unit_count(penata_context *ctx,
                                                       const penata_import_report *report, size_t *out);

/** Code of one created unit.
 * \param ctx the context.
 * \param report the report.
 * \param index 0 .. count - 1.
 * \param out receives a borrowed string, valid until the report is destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_NOT_FOUND when index is out of range.
 * \since 0.1 */
PENATA_API int penata_import_report_created_unit(penata_context *ctx, const penata_import_report *report,
                                                 size_t index, const char **out);

/* ============================================================================================
 * Saving and loading (snapshot files; see docs/persistence.md)
 * ========================================================================================== */

/** Encoding of a snapshot (numerically equal to penata::Encoding). */
enum penata_encoding {
    /** Boost text archive: for exchange between machines and for keeping files for years. */
    PENATA_ENCODING_PORTABLE = 0,
    /** Boost binary archive: several times faster, but only loadable on the platform (byte
     * order, size_t width) that wrote it; another platform gets PENATA_ERR_FORMAT. */
    PENATA_ENCODING_BINARY = 1
};

/** Saves a workforce (its employees, unit tree and NIP rules) alone in a snapshot file.
 * The save is atomic: the file is written under a temporary name in the same folder, flushed to
 * disk and renamed over `path`; on any failure an existing file at `path` is left as it was.
 * \param ctx the context.
 * \param wf the workforce.
 * \param path the file to write (replaced if it exists).
 * \param encoding PENATA_ENCODING_PORTABLE or PENATA_ENCODING_BINARY.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or an unknown encoding;
 *         PENATA_ERR_IO when the file cannot be written (e.g. its folder does not exist, the
 *         disk is full); PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_workforce_save(penata_context *ctx, const penata_workforce *wf, const char *path,
                                     int encoding);

/** Loads a snapshot file that holds exactly one workforce (as penata_workforce_save() writes).
 * Everything is checked before the workforce is handed out: the container (magic bytes,
 * versions, encoding, platform, length, checksum) and the structure of the workforce; the
 * per-row rules are not checked again (docs/persistence.md, "Loading untrusted files").
 * \param ctx the context.
 * \param path the snapshot file.
 * \param out receives the workforce; free with penata_workforce_destroy(). Set only on success.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_IO when the
 *         file cannot be read (e.g. it does not exist); PENATA_ERR_FORMAT when it is not a
 *         penata snapshot, is truncated or corrupted, was written by a newer penata, is a binary
 *         snapshot from another platform, or does not hold exactly one workforce (the last error
 *         says which); PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_workforce_load(penata_context *ctx, const char *path, penata_workforce **out);

/** The snapshot bytes of a workforce: what penata_workforce_save() writes to a file.
 * \param ctx the context.
 * \param wf the workforce.
 * \param encoding PENATA_ENCODING_PORTABLE or PENATA_ENCODING_BINARY.
 * \param data_out receives a buffer that the caller frees with penata_free(). Set only on
 *        success.
 * \param size_out receives its length in bytes. Set only on success.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or an unknown encoding;
 *         PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_workforce_save_to_buffer(penata_context *ctx, const penata_workforce *wf, int encoding,
                                               void **data_out, size_t *size_out);

/** As penata_workforce_load(), from snapshot bytes in memory.
 * \param ctx the context.
 * \param data the bytes (copied as needed; the caller keeps ownership); may be NULL when size
 *        is 0.
 * \param size their length in bytes.
 * \param out receives the workforce; free with penata_workforce_destroy(). Set only on success.
 * \return as penata_workforce_load() (never PENATA_ERR_IO).
 * \since 0.1 */
PENATA_API int penata_workforce_load_from_buffer(penata_context *ctx, const void *data, size_t size,
                                                 penata_workforce **out);

/** Saves NIP rules alone in a snapshot file, atomically (see penata_workforce_save()).
 * \param ctx the context.
 * \param rules the rules.
 * \param path the file to write (replaced if it exists).
 * \param encoding PENATA_ENCODING_PORTABLE or PENATA_ENCODING_BINARY.
 * \return as penata_workforce_save().
 * \since 0.1 */
PENATA_API int penata_nip_rules_save(penata_context *ctx, const penata_nip_rules *rules, const char *path,
                                     int encoding);

/** Loads a snapshot file that holds exactly one set of NIP rules. The rules are validated as
 * when they are set (a file holding unacceptable rules gives PENATA_ERR_FORMAT).
 * \param ctx the context.
 * \param path the snapshot file.
 * \param out receives the rules; free with penata_nip_rules_destroy(). Set only on success.
 * \return as penata_workforce_load(); PENATA_ERR_FORMAT also when the file holds another kind
 *         of object (e.g. a workforce).
 * \since 0.1 */
PENATA_API int penata_nip_rules_load(penata_context *ctx, const char *path, penata_nip_rules **out);

/** The snapshot bytes of NIP rules: what penata_nip_rules_save() writes to a file.
 * \param ctx the context.
 * \param rules the rules.
 * \param encoding PENATA_ENCODING_PORTABLE or PENATA_ENCODING_BINARY.
 * \param data_out receives a buffer that the caller frees with penata_free(). Set only on
 *        success.
 * \param size_out receives its length in bytes. Set only on success.
 * \return as penata_workforce_save_to_buffer().
 * \since 0.1 */
PENATA_API int penata_nip_rules_save_to_buffer(penata_context *ctx, const penata_nip_rules *rules, int encoding,
                                               void **data_out, size_t *size_out);

/** As penata_nip_rules_load(), from snapshot bytes in memory.
 * \param ctx the context.
 * \param data the bytes (the caller keeps ownership); may be NULL when size is 0.
 * \param size their length in bytes.
 * \param out receives the rules; free with penata_nip_rules_destroy(). Set only on success.
 * \return as penata_nip_rules_load() (never PENATA_ERR_IO).
 * \since 0.1 */
PENATA_API int penata_nip_rules_load_from_buffer(penata_context *ctx, const void *data, size_t size,
                                                 penata_nip_rules **out);

/* ============================================================================================
 * Synthetic sample
 * ========================================================================================== */

/** A synthetic Pemprov Bengkulu workforce (SYNTHETIC DATA: no real person is described) over
 * the sample unit tree, for demos, tests and benchmarks. Every employee passes validation; the
 * same (n, seed) gives the same data on any machine. Ages are measured at 30 June 2025.
 * \param ctx the context.
 * \param n number of employees (10300 matches the province's ASN count in early 2024).
 * \param seed the random seed.
 * \param out receives the workforce; free with penata_workforce_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_sample_bengkulu(penata_context *ctx, size_t n, uint64_t seed, penata_workforce **out);

/* ============================================================================================
 * Appraisal: rule sets (docs/c-api.md, "Appraisal"; the JSON format is in penata/rules.hpp)
 *
 * A rule set holds the weights, point tables, bands and matrices of the appraisal regulations as
 * data. A function that needs a section the rule set lacks (e.g. penata_predikat() with
 * "pp-46-2011") fails with PENATA_ERR_VALIDATION, rule "ruleset.section_missing".
 * ========================================================================================== */

/** Text of an appraisal code, e.g. penata_appraisal_code_text(PENATA_KIND_PREDIKAT,
 * PENATA_PREDIKAT_BUTUH_PERBAIKAN) is "butuh_perbaikan" (the text of docs/schema.md).
 * \param kind a penata_appraisal_kind value.
 * \param code the numeric code.
 * \return a static string; NULL when kind is unknown or code is out of range.
 * \since 0.1 */
PENATA_API const char *penata_appraisal_code_text(int kind, int code);

/** Number of built-in rule sets.
 * \return the count (at least 1).
 * \since 0.1 */
PENATA_API size_t penata_ruleset_builtin_count(void);

/** Name of a built-in rule set, for penata_ruleset_builtin(): "default", "perban-8-2019",
 * "permenpanrb-1-2023", "permenpanrb-3-2020", "permenpanrb-6-2022", "pp-30-2019", "pp-46-2011".
 * \param index 0 .. penata_ruleset_builtin_count() - 1.
 * \return a static string; NULL when index is out of range.
 * \since 0.1 */
PENATA_API const char *penata_ruleset_builtin_name(size_t index);

/** A built-in rule set.
 * \param ctx the context.
 * \param name a name from penata_ruleset_builtin_name().
 * \param out receives the rule set; free with penata_ruleset_destroy(). Set only on success.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND for
 *         an unknown name; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_ruleset_builtin(penata_context *ctx, const char *name, penata_ruleset **out);

/** Parses and validates a rule set from JSON (format 1, see penata/rules.hpp; the output of
 * penata_ruleset_to_json() for a built-in is a complete example).
 * \param ctx the context.
 * \param json the JSON text (UTF-8, need not be NUL-terminated).
 * \param len its length in bytes.
 * \param out receives the rule set; free with penata_ruleset_destroy(). Set only on success.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_FORMAT when the
 *         text is not JSON; PENATA_ERR_VALIDATION for a bad rule set (weights not summing to 1,
 *         bands with a gap, a missing matrix cell, an unknown key or enum text, ...): the issue's
 *         field is the JSON path of the figure (e.g. "ip_asn.weights") and its rule a
 *         "ruleset.*" id (penata_context_last_error_field(), _rule()); PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_ruleset_from_json(penata_context *ctx, const char *json, size_t len,
                                        penata_ruleset **out);

/** The rule set as JSON (indented by 2). penata_ruleset_from_json() of it gives an equal rule set
 * that writes the same text.
 * \param ctx the context.
 * \param rs the rule set.
 * \param json_out receives a NUL-terminated buffer that the caller frees with penata_free(). Set
 *        only on success.
 * \param len_out receives its length in bytes without the NUL, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_ruleset_to_json(penata_context *ctx, const penata_ruleset *rs, char **json_out,
                                      size_t *len_out);

/** Destroys a rule set. Strings borrowed from it become invalid.
 * \param rs the rule set, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_ruleset_destroy(penata_ruleset *rs);

/** Name of a rule set, e.g. "perban-8-2019".
 * \param ctx the context.
 * \param rs the rule set.
 * \param out receives a borrowed string, valid until the rule set is destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_ruleset_name(penata_context *ctx, const penata_ruleset *rs, const char **out);

/** The regulation a rule set implements, e.g. "Peraturan BKN Nomor 8 Tahun 2019 ...".
 * \param ctx the context.
 * \param rs the rule set.
 * \param out receives a borrowed string, valid until the rule set is destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_ruleset_regulation(penata_context *ctx, const penata_ruleset *rs, const char **out);

/** Version of a rule set, e.g. "2019.1".
 * \param ctx the context.
 * \param rs the rule set.
 * \param out receives a borrowed string, valid until the rule set is destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_ruleset_version(penata_context *ctx, const penata_ruleset *rs, const char **out);

/** Whether a rule set holds a section.
 * \param ctx the context.
 * \param rs the rule set.
 * \param section a section's JSON key: "predikat_matrix", "distribution", "pp30", "pp46",
 *        "ip_asn", "talent", "angka_kredit", "policy" or "kpi".
 * \param out receives 1 when the section is present, else 0.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or an unknown section name.
 * \since 0.1 */
PENATA_API int penata_ruleset_has_section(penata_context *ctx, const penata_ruleset *rs, const char *section,
                                          int *out);

/** Recommended action for a talent box (PermenPANRB 3/2020), from the rule set's talent section.
 * \param ctx the context.
 * \param rs the rule set.
 * \param box 1 .. 9.
 * \param out receives a borrowed string, valid until the rule set is destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND for a
 *         box outside 1..9; PENATA_ERR_VALIDATION (rule "ruleset.section_missing") without a
 *         talent section.
 * \since 0.1 */
PENATA_API int penata_talent_action(penata_context *ctx, const penata_ruleset *rs, int box, const char **out);

/* ============================================================================================
 * Appraisal: options
 * ========================================================================================== */

/** Creates appraisal options with the defaults: perilaku rated by the superior only
 * (PENATA_RATER_SUPERIOR_ONLY), angka kredit over 12 months.
 * \param ctx the context.
 * \param out receives the options; free with penata_appraisal_options_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_appraisal_options_create(penata_context *ctx, penata_appraisal_options **out);

/** Destroys appraisal options.
 * \param opts the options, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_appraisal_options_destroy(penata_appraisal_options *opts);

/** Sets who rated perilaku kerja, which selects the PP 30/2019 weight pair
 * (penata_pp30_scores()).
 * \param ctx the context.
 * \param opts the options.
 * \param rater PENATA_RATER_SUPERIOR_ONLY (70/30) or PENATA_RATER_MULTI (60/40).
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or another value.
 * \since 0.1 */
PENATA_API int penata_appraisal_options_set_perilaku_rater(penata_context *ctx, penata_appraisal_options *opts,
                                                           int rater);

/** Sets the months of the angka kredit period used when no per-employee months are given
 * (penata_angka_kredit()).
 * \param ctx the context.
 * \param opts the options.
 * \param months 1 .. 12.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_VALIDATION
 *         (rule "months.range", options unchanged) outside 1..12.
 * \since 0.1 */
PENATA_API int penata_appraisal_options_set_months(penata_context *ctx, penata_appraisal_options *opts,
                                                   int months);

/* ============================================================================================
 * Appraisal: bulk scoring
 *
 * Each function takes n employees (or tasks) as arrays of n elements and writes n results into
 * caller arrays. Coded inputs are one-byte codes (the enums above and those of the workforce
 * fields). An input array may be NULL only when n is 0 or where the function says so; an
 * output array may be NULL where the function says so. Bad input is never clamped or skipped:
 * the call fails with PENATA_ERR_VALIDATION and one issue per bad value (row = index + 1, field =
 * the column name of docs/schema.md, rule e.g. "rating_perilaku.known", "target_output.positive";
 * at most 1000 issues, then one "input.more_issues"). On failure the contents of the output
 * arrays are unspecified. NULL ctx, rs or required array: PENATA_ERR_INVALID_ARGUMENT.
 * ========================================================================================== */

/** Predikat kinerja from the two ratings (PermenPANRB 6/2022 matrix, rule set section
 * "predikat_matrix").
 * \param ctx the context.
 * \param rs the rule set.
 * \param n number of employees.
 * \param hasil_kerja n penata_rating codes (rating_hasil_kerja).
 * \param perilaku n penata_rating codes (rating_perilaku).
 * \param out receives n penata_predikat codes.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_VALIDATION (rules
 *         "rating_hasil_kerja.known", "rating_perilaku.known", "ruleset.section_missing").
 * \since 0.1 */
PENATA_API int penata_predikat(penata_context *ctx, const penata_ruleset *rs, size_t n, const uint8_t *hasil_kerja,
                               const uint8_t *perilaku, uint8_t *out);

/** PP 30/2019 nilai kinerja (w_skp x skp + w_perilaku x perilaku, the weight pair chosen by the
 * options' rater) and its predikat (section "pp30").
 * \param ctx the context.
 * \param rs the rule set.
 * \param opts the options, or NULL for the defaults.
 * \param n number of PNS.
 * \param skp n nilai SKP, 0..120 ("skp.range").
 * \param perilaku n nilai perilaku, 0..120 ("perilaku.range").
 * \param innovation n 0/1 flags (an innovation qualifies nilai >= 110 for sangat_baik), or NULL
 *        for none.
 * \param nilai_out receives n nilai kinerja, or NULL.
 * \param predikat_out receives n penata_predikat codes, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_VALIDATION.
 * \since 0.1 */
PENATA_API int penata_pp30_scores(penata_context *ctx, const penata_ruleset *rs, const penata_appraisal_options *opts,
                                  size_t n, const double *skp, const double *perilaku, const uint8_t *innovation,
                                  double *nilai_out, uint8_t *predikat_out);

/** The waktu (or biaya) aspect of one PP 46/2011 task by the 1.76 rule: 76 when real == target,
 * 100 when real == 0.76 x target (section "pp46").
 * \param ctx the context.
 * \param rs the rule set.
 * \param target the target time (> 0, "target_time.positive").
 * \param real the real time (>= 0, "real_time.non_negative").
 * \param out receives the aspect score.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_VALIDATION.
 * \since 0.1 */
PENATA_API int penata_skp_time_aspect(penata_context *ctx, const penata_ruleset *rs, double target, double real,
                                      double *out);

/** PP 46/2011 task scores (section "pp46"): per task (kuantitas + kualitas + waktu [+ biaya]) / 4
 * (or / 3 without a cost target). Targets finite > 0, realisations finite >= 0.
 * \param ctx the context.
 * \param rs the rule set.
 * \param n number of tasks.
 * \param target_output n targets. \param real_output n realisations (0: not carried out).
 * \param target_quality n targets. \param real_quality n realisations.
 * \param target_time n targets. \param real_time n realisations.
 * \param target_cost n targets (NaN in both cost arrays: this task has no cost target), or NULL
 *        (together with real_cost) when no task has one.
 * \param real_cost n realisations, or NULL.
 * \param score_out receives n task scores.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT (also when only one cost array is NULL);
 *         PENATA_ERR_VALIDATION (e.g. "target_output.positive", "real_time.non_negative",
 *         "target_cost.required").
 * \since 0.1 */
PENATA_API int penata_skp_task_scores(penata_context *ctx, const penata_ruleset *rs, size_t n,
                                      const double *target_output, const double *real_output,
                                      const double *target_quality, const double *real_quality,
                                      const double *target_time, const double *real_time,
                                      const double *target_cost, const double *real_cost, double *score_out);

/** PP 46/2011 nilai SKP per employee: the mean score of the employee's tasks + tugas tambahan +
 * kreativitas points (Perka BKN 1/2013), and its band.
 * \param ctx the context.
 * \param rs the rule set.
 * \param n number of tasks.
 * \param employee n employee indices, each 0 .. m - 1 ("employee.range"): the task's employee.
 * \param target_output as penata_skp_task_scores(). \param real_output as there.
 * \param target_quality as there. \param real_quality as there.
 * \param target_time as there. \param real_time as there.
 * \param target_cost as there (may be NULL). \param real_cost as there (may be NULL).
 * \param m number of employees.
 * \param tugas_tambahan m counts of additional tasks, or NULL for none.
 * \param kreativitas m penata_kreativitas codes, or NULL for none. An employee without tasks
 *        must have no tugas tambahan and no kreativitas ("nip.known").
 * \param skp_out receives m nilai SKP (NaN for an employee without tasks), or NULL.
 * \param band_out receives m penata_prestasi_band codes (PENATA_NO_CODE for an employee without
 *        tasks), or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_VALIDATION.
 * \since 0.1 */
PENATA_API int penata_skp_scores(penata_context *ctx, const penata_ruleset *rs, size_t n, const uint32_t *employee,
                                 const double *target_output, const double *real_output,
                                 const double *target_quality, const double *real_quality,
                                 const double *target_time, const double *real_time, const double *target_cost,
                                 const double *real_cost, size_t m, const uint32_t *tugas_tambahan,
                                 const uint8_t *kreativitas, double *skp_out, uint8_t *band_out);

/** PP 46/2011 prestasi kerja = 60% nilai SKP + 40% nilai perilaku, and its band (91/76/61/51).
 * \param ctx the context.
 * \param rs the rule set.
 * \param n number of employees.
 * \param skp n nilai SKP, finite >= 0 ("skp_score.non_negative").
 * \param perilaku n nilai perilaku, finite >= 0 ("perilaku_score.non_negative").
 * \param score_out receives n prestasi scores, or NULL.
 * \param band_out receives n penata_prestasi_band codes, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_VALIDATION.
 * \since 0.1 */
PENATA_API int penata_prestasi(penata_context *ctx, const penata_ruleset *rs, size_t n, const double *skp,
                               const double *perilaku, double *score_out, uint8_t *band_out);

/** IP ASN (PermenPANRB 38/2018, Peraturan BKN 8/2019; section "ip_asn"): the four dimension
 * scores, their sum and its category. Every output may be NULL.
 * \param ctx the context.
 * \param rs the rule set.
 * \param n number of employees.
 * \param education n penata_education codes.
 * \param position_class n penata_position_class codes.
 * \param training_hours n JP this year (finite >= 0; >= 20 meets diklat teknis).
 * \param discipline n penata_discipline codes.
 * \param has_leadership_training n 0/1 flags.
 * \param has_functional_training n 0/1 flags.
 * \param has_seminar n 0/1 flags.
 * \param predikat n penata_predikat codes (the kinerja dimension).
 * \param ip_asn_out receives n IP ASN scores (0..100), or NULL.
 * \param kualifikasi_out receives n ip_kualifikasi, or NULL.
 * \param kompetensi_out receives n ip_kompetensi, or NULL.
 * \param kinerja_out receives n ip_kinerja, or NULL.
 * \param disiplin_out receives n ip_disiplin, or NULL.
 * \param category_out receives n penata_ip_asn_category codes, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_VALIDATION (e.g.
 *         "education.known", "has_seminar.known", "training_hours.non_negative").
 * \since 0.1 */
PENATA_API int penata_ip_asn(penata_context *ctx, const penata_ruleset *rs, size_t n, const uint8_t *education,
                             const uint8_t *position_class, const double *training_hours, const uint8_t *discipline,
                             const uint8_t *has_leadership_training, const uint8_t *has_functional_training,
                             const uint8_t *has_seminar, const uint8_t *predikat, double *ip_asn_out,
                             double *kualifikasi_out, double *kompetensi_out, double *kinerja_out,
                             double *disiplin_out, uint8_t *category_out);

/** Category of one IP ASN score (>= 91 sangat_tinggi, >= 81 tinggi, >= 71 sedang, >= 61 rendah,
 * else sangat_rendah with the built-in bands).
 * \param ctx the context.
 * \param rs the rule set.
 * \param score the score, 0..100.
 * \param out receives a penata_ip_asn_category code.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_VALIDATION ("ip_asn.range") outside
 *         0..100 or for NaN.
 * \since 0.1 */
PENATA_API int penata_ip_asn_category(penata_context *ctx, const penata_ruleset *rs, double score, int *out);

/** Talent box 1..9 (PermenPANRB 3/2020; section "talent"). Give exactly one kinerja input
 * (performance or predikat) and exactly one potensial input (potential or potential_level);
 * leave the other NULL ("input.choice" otherwise, when n > 0).
 * \param ctx the context.
 * \param rs the rule set.
 * \param n number of employees.
 * \param performance n penata_rating codes, or NULL.
 * \param predikat n penata_predikat codes mapped to a rating by the rule set, or NULL.
 * \param potential n potensial scores 0..100 cut by the rule set ("potential.range"), or NULL.
 * \param potential_level n penata_potential codes, or NULL.
 * \param out receives n boxes (1..9).
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_VALIDATION.
 * \since 0.1 */
PENATA_API int penata_talent_box(penata_context *ctx, const penata_ruleset *rs, size_t n, const uint8_t *performance,
                                 const uint8_t *predikat, const double *potential, const uint8_t *potential_level,
                                 uint8_t *out);

/** Angka kredit of a jabatan fungsional (PermenPANRB 1/2023; section "angka_kredit"):
 * percent[predikat] / 100 x koefisien[position_level] x months / 12.
 * \param ctx the context.
 * \param rs the rule set.
 * \param opts the options (months when months is NULL), or NULL for the defaults (12).
 * \param n number of employees.
 * \param predikat n penata_predikat codes.
 * \param position_level n penata_position_level codes.
 * \param months n months 1..12 ("months.range"), or NULL for the options' months.
 * \param out receives n values; NaN where position_level is PENATA_LEVEL_NONE (not fungsional).
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_VALIDATION.
 * \since 0.1 */
PENATA_API int penata_angka_kredit(penata_context *ctx, const penata_ruleset *rs, const penata_appraisal_options *opts,
                                   size_t n, const uint8_t *predikat, const uint8_t *position_level,
                                   const uint8_t *months, double *out);

/* ============================================================================================
 * Appraisal: distribution check (PermenPANRB 6/2022 kurva distribusi)
 * ========================================================================================== */

/** One broken distribution rule. Strings are borrowed from the result. */
typedef struct penata_distribution_violation {
    size_t rule;            /**< index of the rule among those of the organisational predikat */
    unsigned predikat_mask; /**< the predikat the rule counts: bit p for penata_predikat p */
    int bound;              /**< enum penata_distribution_bound */
    double value;           /**< the rule's share (0..1) or count */
    size_t required_count;  /**< the bound as a number of employees of this unit */
    size_t actual_count;    /**< employees counted by the rule */
    double actual_share;    /**< actual_count / employees */
    const char *message;    /**< e.g. "at most 70% (7 of 10) sangat_baik; actual 9 (90%)" */
} penata_distribution_violation;

/** One suggested change: give `count` employees with predikat `from` the predikat `to`. */
typedef struct penata_distribution_change {
    int from;           /**< enum penata_predikat */
    int to;             /**< enum penata_predikat */
    size_t count;       /**< number of employees */
    const char *reason; /**< the broken rules the change repairs; borrowed from the result */
} penata_distribution_change;

/** Checks a unit's predikat counts against the distribution rules of its organisational predikat
 * (section "distribution"). The result lists every violation and the smallest set of changes
 * that satisfies all rules: a suggestion, never applied.
 * \param ctx the context.
 * \param rs the rule set.
 * \param org_predikat a penata_org_predikat code ("org_predikat.known").
 * \param counts PENATA_PREDIKAT_COUNT counts, indexed by penata_predikat.
 * \param out receives the result; free with penata_distribution_result_destroy(). Set only on
 *        success.
 * \return PENATA_OK (also when rules are broken: read the result); PENATA_ERR_INVALID_ARGUMENT;
 *         PENATA_ERR_VALIDATION.
 * \since 0.1 */
PENATA_API int penata_distribution_check(penata_context *ctx, const penata_ruleset *rs, int org_predikat,
                                         const size_t *counts, penata_distribution_result **out);

/** As penata_distribution_check(), counting the predikat of n employees.
 * \param ctx the context.
 * \param rs the rule set.
 * \param org_predikat a penata_org_predikat code.
 * \param n number of employees.
 * \param predikat n penata_predikat codes ("predikat.known").
 * \param out receives the result; free with penata_distribution_result_destroy().
 * \return as penata_distribution_check().
 * \since 0.1 */
PENATA_API int penata_distribution_check_predikat(penata_context *ctx, const penata_ruleset *rs, int org_predikat,
                                                  size_t n, const uint8_t *predikat,
                                                  penata_distribution_result **out);

/** Destroys a distribution result. Strings borrowed from it become invalid.
 * \param result the result, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_distribution_result_destroy(penata_distribution_result *result);

/** Overall outcome of a distribution check.
 * \param ctx the context.
 * \param result the result.
 * \param compliant receives 1 when no rule is broken, else 0; or NULL.
 * \param satisfiable receives 0 when no distribution of this many employees meets every rule
 *        (then there is no suggestion), else 1; or NULL.
 * \param employees receives the number of employees counted, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or result is NULL.
 * \since 0.1 */
PENATA_API int penata_distribution_result_summary(penata_context *ctx, const penata_distribution_result *result,
                                                  int *compliant, int *satisfiable, size_t *employees);

/** Predikat counts before and after the suggested changes.
 * \param ctx the context.
 * \param result the result.
 * \param counts receives PENATA_PREDIKAT_COUNT counts by penata_predikat, or NULL.
 * \param suggested_counts receives PENATA_PREDIKAT_COUNT counts after the changes (equal to
 *        counts when there are none), or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or result is NULL.
 * \since 0.1 */
PENATA_API int penata_distribution_result_counts(penata_context *ctx, const penata_distribution_result *result,
                                                 size_t *counts, size_t *suggested_counts);

/** Number of broken rules.
 * \param ctx the context.
 * \param result the result.
 * \param out receives the count.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_distribution_result_violation_count(penata_context *ctx,
                                                          const penata_distribution_result *result, size_t *out);

/** One broken rule.
 * \param ctx the context.
 * \param result the result.
 * \param index 0 .. violation count - 1.
 * \param out receives the violation; its message is borrowed, valid until the result is
 *        destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND when
 *         index is out of range.
 * \since 0.1 */
PENATA_API int penata_distribution_result_violation(penata_context *ctx, const penata_distribution_result *result,
                                                    size_t index, penata_distribution_violation *out);

/** Number of suggested changes (0 when compliant or not satisfiable).
 * \param ctx the context.
 * \param result the result.
 * \param out receives the count.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_distribution_result_change_count(penata_context *ctx,
                                                       const penata_distribution_result *result, size_t *out);

/** One suggested change.
 * \param ctx the context.
 * \param result the result.
 * \param index 0 .. change count - 1.
 * \param out receives the change; its reason is borrowed, valid until the result is destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND when
 *         index is out of range.
 * \since 0.1 */
PENATA_API int penata_distribution_result_change(penata_context *ctx, const penata_distribution_result *result,
                                                 size_t index, penata_distribution_change *out);

/* ============================================================================================
 * Competency (docs/c-api.md, "Competency"): the PermenPANRB 38/2017 framework, standar
 * kompetensi jabatan, assessment history, gaps and Job Person Match (JPM), training needs per
 * unit and candidate ranking.
 *
 * A framework is an ordered list of competencies; the index of a competency in it (0 .. k - 1)
 * is its column in every level matrix and its code in every `competency` array. Standards and
 * assessments each hold their own copy of the framework they are made over; a gap analysis
 * needs both made over frameworks with the same codes in the same order. Levels are one byte:
 * 1..5, and 0 for "not assessed" or "not required". Matrices are row-major n x k (employee i,
 * competency j at [i * k + j]). Dates are days since 1970-01-01 (as PENATA_FIELD_BIRTH_DATE).
 * Bad input is reported as issues on the context with rule ids "competency.*", "standards.*",
 * "assessment.*", "gaps.*", "rank.*" and, for rules, "ruleset.*"; text that is not JSON is
 * PENATA_ERR_FORMAT.
 * ========================================================================================== */

/** Competency type (PermenPANRB 38/2017 Pasal 4). Text: "manajerial", "sosial_kultural",
 * "teknis". */
enum penata_competency_type {
    PENATA_COMPETENCY_MANAJERIAL = 0,
    PENATA_COMPETENCY_SOSIAL_KULTURAL = 1,
    PENATA_COMPETENCY_TEKNIS = 2
};

/** How a level was assessed. Text: "assessment_centre", "uji_kompetensi", "self", "supervisor". */
enum penata_assessment_method {
    PENATA_METHOD_ASSESSMENT_CENTRE = 0,
    PENATA_METHOD_UJI_KOMPETENSI = 1,
    PENATA_METHOD_SELF = 2,
    PENATA_METHOD_SUPERVISOR = 3
};

/** Category scheme of a JPM: mapping (pemetaan; Peraturan BRIN 3/2023 Pasal 33) or selection
 * (uji kompetensi). Text: "mapping", "selection". */
enum penata_jpm_scheme { PENATA_JPM_SCHEME_MAPPING = 0, PENATA_JPM_SCHEME_SELECTION = 1 };

/** JPM category. Mapping scheme (built-in bands): optimal >= 90, cukup_optimal 78 - < 90,
 * kurang_optimal < 78. Selection scheme: ms (memenuhi syarat) >= 80, mms (masih memenuhi syarat)
 * 68 - < 80, kms (kurang memenuhi syarat) < 68. Text: the lower-case name after PENATA_JPM_. */
enum penata_jpm_category {
    PENATA_JPM_OPTIMAL = 0,
    PENATA_JPM_CUKUP_OPTIMAL = 1,
    PENATA_JPM_KURANG_OPTIMAL = 2,
    PENATA_JPM_MS = 3,
    PENATA_JPM_MMS = 4,
    PENATA_JPM_KMS = 5
};

/** What a missing assessment of a required competency does: the employee is left out of the
 * JPM and listed (exclude), or the whole analysis is refused (refuse). It never counts as 0 nor
 * as meeting the standard. Text: "exclude", "refuse". */
enum penata_missing_policy { PENATA_MISSING_EXCLUDE = 0, PENATA_MISSING_REFUSE = 1 };

/** The coded competency values whose text penata_competency_code_text() gives. */
enum penata_competency_kind {
    PENATA_COMPETENCY_KIND_TYPE = 0,          /**< enum penata_competency_type */
    PENATA_COMPETENCY_KIND_METHOD = 1,        /**< enum penata_assessment_method */
    PENATA_COMPETENCY_KIND_JPM_SCHEME = 2,    /**< enum penata_jpm_scheme */
    PENATA_COMPETENCY_KIND_JPM_CATEGORY = 3,  /**< enum penata_jpm_category */
    PENATA_COMPETENCY_KIND_MISSING_POLICY = 4 /**< enum penata_missing_policy */
};

/** Lowest and highest competency level (PermenPANRB 38/2017: five levels). */
#define PENATA_COMPETENCY_LEVEL_MIN 1
#define PENATA_COMPETENCY_LEVEL_MAX 5

/** The gap of a cell that has none: the competency is not required, or it is required but not
 * assessed (the achieved and required matrices tell which). Other gaps are -4..4. */
#define PENATA_NO_GAP (-128)

/** Employment types a ranking considers (penata_rank_options_set_employment_types()): bit t for
 * penata_employment_type t. */
#define PENATA_EMPLOYMENT_MASK_PNS (1u << PENATA_PNS)
#define PENATA_EMPLOYMENT_MASK_PPPK (1u << PENATA_PPPK)

/** An employee left out of the JPM of a gap analysis, and why. Pointers are borrowed from the
 * result, valid until it is destroyed. */
typedef struct penata_missing_assessment {
    uint32_t row;                 /**< workforce row */
    uint64_t nip;                 /**< the employee's NIP */
    size_t competency_count;      /**< number of required competencies not assessed (0: the
                                       position requires none) */
    const uint16_t *competencies; /**< their framework indices (NULL when the count is 0) */
    const char *reason;           /**< e.g. "not assessed on M.03, SK.01 as of 2025-06-30" */
} penata_missing_assessment;

/** One candidate of a ranking. Strings are borrowed from the ranking, valid until it is
 * destroyed. */
typedef struct penata_candidate {
    uint32_t row;       /**< workforce row */
    uint64_t nip;       /**< the employee's NIP */
    double jpm;         /**< JPM against the target standard (NaN when a required competency is
                             not assessed) */
    uint32_t shortfall; /**< sum over the assessed required competencies of required - achieved
                             where below the standard */
    uint32_t rank;      /**< 1-based among the eligible (by JPM descending, shortfall ascending,
                             NIP ascending); 0 when ineligible */
    const char *rule;   /**< why ineligible: "rank.employment_type", "rank.golongan" or
                             "rank.missing_assessment" (the first that applies); "" if eligible */
    const char *reason; /**< every reason, "; "-separated; "" if eligible */
} penata_candidate;

/** Text of a competency code, e.g. penata_competency_code_text(PENATA_COMPETENCY_KIND_JPM_CATEGORY,
 * PENATA_JPM_CUKUP_OPTIMAL) is "cukup_optimal". (The potential of a gap result is a
 * penata_potential: penata_appraisal_code_text(PENATA_KIND_POTENTIAL, code).)
 * \param kind a penata_competency_kind value.
 * \param code the numeric code.
 * \return a static string; NULL when kind is unknown or code is out of range.
 * \since 0.1 */
PENATA_API const char *penata_competency_code_text(int kind, int code);

/* --- framework ----------------------------------------------------------------------------- */

/** Creates an empty framework, to be filled with penata_competency_framework_add().
 * \param ctx the context.
 * \param out receives the framework; free with penata_competency_framework_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_competency_framework_create(penata_context *ctx, penata_competency_framework **out);

/** The built-in framework: the eight manajerial competencies of PermenPANRB 38/2017 Lampiran II
 * (M.01 Integritas .. M.08 Pengambilan Keputusan) and the sosial kultural Perekat Bangsa, coded
 * "SK.01" (penata's convention). Level descriptions are short summaries, not the regulation's
 * indicator text. Teknis competencies are added per instansi.
 * \param ctx the context.
 * \param out receives the framework; free with penata_competency_framework_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_competency_framework_builtin(penata_context *ctx, penata_competency_framework **out);

/** Parses a framework from JSON: {"penata_competencies": 1, "competencies": [{"code": "M.01",
 * "name": "Integritas", "type": "manajerial", "levels": ["..", "..", "..", "..", ".."]}, ...]}
 * ("levels", five descriptions, is optional; no other key is accepted).
 * \param ctx the context.
 * \param json the JSON text (UTF-8, need not be NUL-terminated).
 * \param len its length in bytes.
 * \param out receives the framework; free with penata_competency_framework_destroy(). Set only
 *        on success.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_FORMAT when the
 *         text is not JSON; PENATA_ERR_VALIDATION (field = the JSON path, e.g.
 *         "competencies[3].type"; rule "competency.*" or "ruleset.*", e.g.
 *         "competency.code_duplicate", "ruleset.unknown_key"); PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_competency_framework_from_json(penata_context *ctx, const char *json, size_t len,
                                                     penata_competency_framework **out);

/** The framework as JSON (indented by 2); penata_competency_framework_from_json() of it gives an
 * equal framework.
 * \param ctx the context.
 * \param fw the framework.
 * \param json_out receives a NUL-terminated buffer that the caller frees with penata_free(). Set
 *        only on success.
 * \param len_out receives its length in bytes without the NUL, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_competency_framework_to_json(penata_context *ctx, const penata_competency_framework *fw,
                                                   char **json_out, size_t *len_out);

/** Parses a framework from CSV (RFC 4180, UTF-8, a BOM and CRLF or LF accepted): a header with
 * the columns code, name, type (required) and level_1 .. level_5 (optional descriptions) in any
 * order, then one competency per row in framework order.
 * \param ctx the context.
 * \param data the CSV text (need not be NUL-terminated).
 * \param len its length in bytes.
 * \param out receives the framework; free with penata_competency_framework_destroy(). Set only
 *        on success.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_FORMAT for text
 *         that is not CSV or has no header; PENATA_ERR_VALIDATION with every bad row (row = the
 *         data row, 1 = the first after the header, or 0 for the header; field = the column;
 *         rules "competency.code", "competency.code_duplicate", "competency.name",
 *         "competency.type", "competency.column_unknown", "competency.column_missing",
 *         "competency.column_duplicate", "row.field_count"); PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_competency_framework_from_csv(penata_context *ctx, const char *data, size_t len,
                                                    penata_competency_framework **out);

/** The framework as CSV (header code,name,type,level_1,..,level_5; CRLF line ends);
 * penata_competency_framework_from_csv() of it gives an equal framework.
 * \param ctx the context.
 * \param fw the framework.
 * \param csv_out receives a NUL-terminated buffer that the caller frees with penata_free(). Set
 *        only on success.
 * \param len_out receives its length in bytes without the NUL, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_competency_framework_to_csv(penata_context *ctx, const penata_competency_framework *fw,
                                                  char **csv_out, size_t *len_out);

/** Destroys a framework. Strings borrowed from it become invalid. Standards and assessments made
 * over it keep their own copies.
 * \param fw the framework, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_competency_framework_destroy(penata_competency_framework *fw);

/** Appends a competency.
 * \param ctx the context.
 * \param fw the framework.
 * \param code the code: 1..32 bytes without spaces, commas or control characters, not used yet
 *        (rules "competency.code", "competency.code_duplicate").
 * \param name the name, 1..200 bytes ("competency.name").
 * \param type a penata_competency_type code.
 * \param levels five descriptions of levels 1..5 (each may be ""), or NULL for five empty ones.
 * \param index_out receives the new competency's index, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument (also a NULL entry of
 *         levels) or an unknown type; PENATA_ERR_VALIDATION (framework unchanged).
 * \since 0.1 */
PENATA_API int penata_competency_framework_add(penata_context *ctx, penata_competency_framework *fw,
                                               const char *code, const char *name, int type,
                                               const char *const *levels, size_t *index_out);

/** Number of competencies (k).
 * \param ctx the context.
 * \param fw the framework.
 * \param out receives the count.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_competency_framework_size(penata_context *ctx, const penata_competency_framework *fw,
                                                size_t *out);

/** Code of a competency, e.g. "M.01".
 * \param ctx the context.
 * \param fw the framework.
 * \param index 0 .. size - 1.
 * \param out receives a borrowed string, valid until the framework is changed or destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND when
 *         index is out of range.
 * \since 0.1 */
PENATA_API int penata_competency_framework_code(penata_context *ctx, const penata_competency_framework *fw,
                                                size_t index, const char **out);

/** Name of a competency, e.g. "Integritas".
 * \param ctx the context.
 * \param fw the framework.
 * \param index 0 .. size - 1.
 * \param out receives a borrowed string, valid until the framework is changed or destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND when
 *         index is out of range.
 * \since 0.1 */
PENATA_API int penata_competency_framework_name(penata_context *ctx, const penata_competency_framework *fw,
                                                size_t index, const char **out);

/** Type of a competency.
 * \param ctx the context.
 * \param fw the framework.
 * \param index 0 .. size - 1.
 * \param out receives a penata_competency_type code.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND when
 *         index is out of range.
 * \since 0.1 */
PENATA_API int penata_competency_framework_type(penata_context *ctx, const penata_competency_framework *fw,
                                                size_t index, int *out);

/** Description of one level of a competency.
 * \param ctx the context.
 * \param fw the framework.
 * \param index 0 .. size - 1.
 * \param level 1 .. 5.
 * \param out receives a borrowed string (possibly ""), valid until the framework is changed or
 *        destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND when
 *         index or level is out of range.
 * \since 0.1 */
PENATA_API int penata_competency_framework_level_text(penata_context *ctx, const penata_competency_framework *fw,
                                                      size_t index, int level, const char **out);

/** Index of the competency with this code.
 * \param ctx the context.
 * \param fw the framework.
 * \param code the code, e.g. "M.03".
 * \param out receives the index.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND when
 *         no competency has this code.
 * \since 0.1 */
PENATA_API int penata_competency_framework_find(penata_context *ctx, const penata_competency_framework *fw,
                                                const char *code, size_t *out);

/* --- position standards (standar kompetensi jabatan) --------------------------------------- */

/** Creates standards over a copy of a framework with the built-in defaults: by position, for
 * manajerial and sosial kultural competencies, JPT Utama 5, JPT Madya 5, JPT Pratama 4,
 * Administrator 3, Pengawas 2, Pelaksana 1; JF Ahli Utama 4, Ahli Madya 3, Ahli Muda 2, Ahli
 * Pertama 1, Pemula 1, Terampil 1, Mahir 2, Penyelia 2 (a common practice, not the regulation's
 * text: the figures are noted MEMORY/UNCERTAIN in the JSON); teknis 0 (set per position with
 * penata_position_standards_set_override()).
 * \param ctx the context.
 * \param fw the framework (copied).
 * \param out receives the standards; free with penata_position_standards_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_position_standards_create(penata_context *ctx, const penata_competency_framework *fw,
                                                penata_position_standards **out);

/** Parses standards over a copy of a framework from JSON: {"penata_standards": 1, "name": "..",
 * "notes": {..}, "defaults": {"manajerial": {"jpt_utama": 5, .. all 14 position kinds},
 * "sosial_kultural": {..}, "teknis": {..}}, "overrides": {"<position name>": {"<code>": level}}}
 * ("name", "notes" and "overrides" optional; penata_position_standards_to_json() of created
 * standards is a complete example).
 * \param ctx the context.
 * \param fw the framework (copied).
 * \param json the JSON text (need not be NUL-terminated).
 * \param len its length in bytes.
 * \param out receives the standards; free with penata_position_standards_destroy(). Set only on
 *        success.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_FORMAT when the
 *         text is not JSON; PENATA_ERR_VALIDATION (field = the JSON path; rules
 *         "standards.level", "standards.unknown_competency", "ruleset.*");
 *         PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_position_standards_from_json(penata_context *ctx, const penata_competency_framework *fw,
                                                   const char *json, size_t len, penata_position_standards **out);

/** The standards as JSON (indented by 2).
 * \param ctx the context.
 * \param st the standards.
 * \param json_out receives a NUL-terminated buffer that the caller frees with penata_free(). Set
 *        only on success.
 * \param len_out receives its length in bytes without the NUL, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_position_standards_to_json(penata_context *ctx, const penata_position_standards *st,
                                                 char **json_out, size_t *len_out);

/** Destroys standards.
 * \param st the standards, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_position_standards_destroy(penata_position_standards *st);

/** Sets the default level of every competency of one type for one position kind.
 * \param ctx the context.
 * \param st the standards.
 * \param type a penata_competency_type code.
 * \param position_class a penata_position_class code.
 * \param position_level a penata_position_level code: a jenjang for PENATA_POSITION_FUNGSIONAL,
 *        PENATA_LEVEL_NONE otherwise.
 * \param level 0 (not required) .. 5.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or an unknown type;
 *         PENATA_ERR_VALIDATION (standards unchanged): "standards.position" for a class/level
 *         pair that is not a position, "standards.level" for a level outside 0..5.
 * \since 0.1 */
PENATA_API int penata_position_standards_set_default(penata_context *ctx, penata_position_standards *st, int type,
                                                     int position_class, int position_level, int level);

/** Sets the required level of one competency for the positions with this name
 * (PENATA_FIELD_POSITION_NAME), over the defaults of their kind.
 * \param ctx the context.
 * \param st the standards.
 * \param position_name the position name, as in the workforce.
 * \param code the competency code.
 * \param level 0 (not required) .. 5.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_VALIDATION
 *         (standards unchanged): "standards.unknown_competency", "standards.level".
 * \since 0.1 */
PENATA_API int penata_position_standards_set_override(penata_context *ctx, penata_position_standards *st,
                                                      const char *position_name, const char *code, int level);

/** Sets the overrides listed in a CSV text (columns position_name, competency (a code), level
 * 0..5, in any order), all or none; a listed override replaces one set before.
 * \param ctx the context.
 * \param st the standards.
 * \param data the CSV text (need not be NUL-terminated).
 * \param len its length in bytes.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_FORMAT for text
 *         that is not CSV or has no header; PENATA_ERR_VALIDATION (standards unchanged) with
 *         every bad row (row = the data row, 0 for the header; field = the column; rules
 *         "standards.position_name", "standards.unknown_competency", "standards.level",
 *         "standards.override_duplicate", "standards.column_*", "row.field_count").
 * \since 0.1 */
PENATA_API int penata_position_standards_add_overrides_csv(penata_context *ctx, penata_position_standards *st,
                                                           const char *data, size_t len);

/** The required level of every competency (framework order) for a position.
 * \param ctx the context.
 * \param st the standards.
 * \param position_class a penata_position_class code.
 * \param position_level a penata_position_level code (a jenjang only for fungsional).
 * \param position_name the position's name for the overrides, or NULL (or "") for the defaults.
 * \param out receives k levels 0..5.
 * \param capacity number of elements out can hold.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument (out may be NULL only when k
 *         is 0); PENATA_ERR_VALIDATION "standards.position" for a class/level pair that is not a
 *         position; PENATA_ERR_BUFFER_TOO_SMALL (nothing copied) when capacity < k.
 * \since 0.1 */
PENATA_API int penata_position_standards_required(penata_context *ctx, const penata_position_standards *st,
                                                  int position_class, int position_level,
                                                  const char *position_name, uint8_t *out, size_t capacity);

/* --- assessments ---------------------------------------------------------------------------- */

/** Creates an empty assessment history over a copy of a framework.
 * \param ctx the context.
 * \param fw the framework (copied).
 * \param out receives the history; free with penata_assessments_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_assessments_create(penata_context *ctx, const penata_competency_framework *fw,
                                         penata_assessments **out);

/** SYNTHETIC assessments (no real person is described) for every employee of a workforce, over
 * the built-in framework: every competency the employee's position requires under the built-in
 * standards, at a level centred on the required one (higher with education, golongan, service and
 * training hours, lower after a disciplinary sanction); about a quarter of employees also have an
 * earlier assessment. Dates between 1 January of reference_year - 3 and 30 June of reference_year;
 * the same workforce and seed give the same records on any machine.
 * \param ctx the context.
 * \param wf the workforce.
 * \param seed the random seed.
 * \param reference_year the year of the assessment round (2025 for the sample workforce).
 * \param out receives the history; free with penata_assessments_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_sample_assessments(penata_context *ctx, const penata_workforce *wf, uint64_t seed,
                                         int reference_year, penata_assessments **out);

/** Destroys an assessment history.
 * \param as the history, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_assessments_destroy(penata_assessments *as);

/** Number of assessment records.
 * \param ctx the context.
 * \param as the history.
 * \param out receives the count.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_assessments_size(penata_context *ctx, const penata_assessments *as, size_t *out);

/** Appends n assessment records, all or none. The history is never overwritten: analyses use the
 * latest record on or before their date.
 * \param ctx the context.
 * \param as the history.
 * \param n number of records.
 * \param nip n NIPs (1 .. 18 digits, "assessment.nip"; NIPs not in a workforce are kept and
 *        ignored by its analyses).
 * \param competency n framework indices ("assessment.competency" when out of range).
 * \param level n levels 1..5 ("assessment.level").
 * \param date n dates, days since 1970-01-01, not after today ("assessment.date_future").
 * \param method n penata_assessment_method codes ("assessment.method"), or NULL for
 *        PENATA_METHOD_ASSESSMENT_CENTRE.
 * \param today the latest allowed date (penata reads no clock).
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument (arrays may be NULL only
 *         when n is 0); PENATA_ERR_VALIDATION with one issue per bad record and field (row =
 *         index + 1, field "nip", "competency", "level", "date" or "method"), also
 *         "assessment.duplicate" for a second record of the same NIP, competency and date (in the
 *         history or earlier in the batch), at most 1000 then one "assessment.more_issues";
 *         nothing is added then.
 * \since 0.1 */
PENATA_API int penata_assessments_add(penata_context *ctx, penata_assessments *as, size_t n, const uint64_t *nip,
                                      const uint16_t *competency, const uint8_t *level, const int32_t *date,
                                      const uint8_t *method, int32_t today);

/** Appends the records of a CSV text, all or none: a header with the columns nip (18 digits),
 * competency (a code), level (1..5), date (YYYY-MM-DD) and method (assessment_centre,
 * uji_kompetensi, self, supervisor) in any order, then one record per row.
 * \param ctx the context.
 * \param as the history.
 * \param data the CSV text (need not be NUL-terminated).
 * \param len its length in bytes.
 * \param today the latest allowed date, days since 1970-01-01.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_FORMAT for text
 *         that is not CSV or has no header; PENATA_ERR_VALIDATION with every bad cell (row = the
 *         data row, 0 for the header; field = the column; the rules of penata_assessments_add(),
 *         "assessment.date" for a date that does not parse, "assessment.column_*",
 *         "row.field_count"); nothing is added then.
 * \since 0.1 */
PENATA_API int penata_assessments_add_csv(penata_context *ctx, penata_assessments *as, const char *data, size_t len,
                                          int32_t today);

/** Every record in the order added, as CSV (header nip,competency,level,date,method; CRLF line
 * ends); penata_assessments_add_csv() of it into an empty history over the same framework gives
 * the same columns.
 * \param ctx the context.
 * \param as the history.
 * \param csv_out receives a NUL-terminated buffer that the caller frees with penata_free(). Set
 *        only on success.
 * \param len_out receives its length in bytes without the NUL, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_assessments_to_csv(penata_context *ctx, const penata_assessments *as, char **csv_out,
                                         size_t *len_out);

/** Copies the history's columns, one element per record in the order added. Every output may be
 * NULL.
 * \param ctx the context.
 * \param as the history.
 * \param nip_out receives the NIPs, or NULL.
 * \param competency_out receives the framework indices, or NULL.
 * \param level_out receives the levels, or NULL.
 * \param date_out receives the dates, or NULL.
 * \param method_out receives the penata_assessment_method codes, or NULL.
 * \param capacity number of elements each non-NULL output can hold.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or as is NULL;
 *         PENATA_ERR_BUFFER_TOO_SMALL (nothing copied) when an output is given and capacity is
 *         smaller than the number of records.
 * \since 0.1 */
PENATA_API int penata_assessments_columns(penata_context *ctx, const penata_assessments *as, uint64_t *nip_out,
                                          uint16_t *competency_out, uint8_t *level_out, int32_t *date_out,
                                          uint8_t *method_out, size_t capacity);

/** The latest assessed level of employees on every competency, on or before a date: a row-major
 * nrows x k matrix (all employees when rows is NULL), 0 where there is none.
 * \param ctx the context.
 * \param as the history.
 * \param wf the workforce whose NIPs select the records.
 * \param as_of the date, days since 1970-01-01.
 * \param rows workforce rows, or NULL for every row in order (a non-NULL rows with nrows 0
 *        selects nobody).
 * \param nrows number of rows (ignored when rows is NULL).
 * \param out receives the matrix (may be NULL when it is empty).
 * \param capacity number of elements out can hold.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND for a
 *         row out of range; PENATA_ERR_BUFFER_TOO_SMALL (nothing
 *         copied) when capacity < nrows x k.
 * \since 0.1 */
PENATA_API int penata_assessments_latest(penata_context *ctx, const penata_assessments *as,
                                         const penata_workforce *wf, int32_t as_of, const uint32_t *rows,
                                         size_t nrows, uint8_t *out, size_t capacity);

/* --- gap rules ------------------------------------------------------------------------------- */

/** The built-in gap rules: mapping scheme, JPM not capped at the standard, missing assessments
 * exclude, teknis weights 60% / 50% / 40% for ahli pertama / muda / madya (JFKK 2020), 20 JP,
 * eligible golongan by position (PP 13/2002; JF jenjang ranges), potential rendah < 78 <=
 * menengah < 90 <= tinggi (penata's choice, noted UNCERTAIN).
 * \param ctx the context.
 * \param out receives the rules; free with penata_gap_rules_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_gap_rules_builtin(penata_context *ctx, penata_gap_rules **out);

/** Parses and validates gap rules from JSON (format 1, see penata/gaps.hpp;
 * penata_gap_rules_to_json() of the built-in rules is a complete example).
 * \param ctx the context.
 * \param json the JSON text (need not be NUL-terminated).
 * \param len its length in bytes.
 * \param out receives the rules; free with penata_gap_rules_destroy(). Set only on success.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_FORMAT when the
 *         text is not JSON; PENATA_ERR_VALIDATION for bad rules (field = the JSON path, e.g.
 *         "mapping.bands[1].from"; rule "ruleset.*", e.g. "ruleset.band_gap",
 *         "ruleset.weight_positive", "ruleset.missing_key"); PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_gap_rules_from_json(penata_context *ctx, const char *json, size_t len,
                                          penata_gap_rules **out);

/** The rules as JSON (indented by 2); penata_gap_rules_from_json() of it gives equal rules.
 * \param ctx the context.
 * \param rules the rules.
 * \param json_out receives a NUL-terminated buffer that the caller frees with penata_free(). Set
 *        only on success.
 * \param len_out receives its length in bytes without the NUL, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_gap_rules_to_json(penata_context *ctx, const penata_gap_rules *rules, char **json_out,
                                        size_t *len_out);

/** Destroys gap rules.
 * \param rules the rules, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_gap_rules_destroy(penata_gap_rules *rules);

/** Chooses whether each competency counts at most its required level in the JPM (some
 * implementations cap JPM at 100%). Gaps are never capped.
 * \param ctx the context.
 * \param rules the rules.
 * \param cap 0 (the built-in default): achieved levels count in full; non-zero: capped.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_gap_rules_set_cap_at_standard(penata_context *ctx, penata_gap_rules *rules, int cap);

/** Chooses the category scheme of the JPM.
 * \param ctx the context.
 * \param rules the rules.
 * \param scheme PENATA_JPM_SCHEME_MAPPING or PENATA_JPM_SCHEME_SELECTION.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or another value.
 * \since 0.1 */
PENATA_API int penata_gap_rules_set_scheme(penata_context *ctx, penata_gap_rules *rules, int scheme);

/** Chooses what a missing assessment of a required competency does in penata_gap_analysis().
 * \param ctx the context.
 * \param rules the rules.
 * \param policy PENATA_MISSING_EXCLUDE or PENATA_MISSING_REFUSE.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or another value.
 * \since 0.1 */
PENATA_API int penata_gap_rules_set_missing(penata_context *ctx, penata_gap_rules *rules, int policy);

/** Sets the training hours a year that count as compliant in penata_training_needs() (20 JP:
 * PP 11/2017 Pasal 203 ayat (4), kept by PP 17/2020).
 * \param ctx the context.
 * \param rules the rules.
 * \param hours finite, >= 0.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_VALIDATION
 *         (rule "ruleset.non_negative", rules unchanged) for a negative or non-finite value.
 * \since 0.1 */
PENATA_API int penata_gap_rules_set_training_min_hours(penata_context *ctx, penata_gap_rules *rules,
                                                       double hours);

/** Category and potential of n JPM values under the rules' active scheme and potential bands.
 * \param ctx the context.
 * \param rules the rules.
 * \param n number of values.
 * \param jpm n JPM values in percent; NaN (an excluded employee) gives PENATA_NO_CODE.
 * \param category_out receives n penata_jpm_category codes, or NULL.
 * \param potential_out receives n penata_potential codes, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument (jpm may be NULL only when
 *         n is 0); PENATA_ERR_VALIDATION ("jpm.range", row = index + 1) for a value that no band
 *         of the rules covers (e.g. negative).
 * \since 0.1 */
PENATA_API int penata_jpm_categories(penata_context *ctx, const penata_gap_rules *rules, size_t n,
                                     const double *jpm, uint8_t *category_out, uint8_t *potential_out);

/* --- gaps and Job Person Match ----------------------------------------------------------------- */

/** The bulk kernel over caller matrices: gaps, JPM and the count of missing assessments of n
 * employees on k competencies, with the rules' cap and teknis weights. JPM = sum of achieved
 * levels / sum of required levels x 100 over the required competencies (each achieved level
 * counted at most up to the required one when the rules cap); with a teknis weight w for the
 * employee's jenjang and both groups required, w x JPM(teknis) + (1 - w) x JPM(the others).
 * \param ctx the context.
 * \param rules the rules (cap and teknis weights).
 * \param n number of employees.
 * \param k number of competencies.
 * \param achieved n x k levels 0..5, row-major ("achieved.range"); 0 = not assessed.
 * \param required n x k levels 0..5, row-major ("required.range"); 0 = not required.
 * \param teknis k 0/1 flags, 1 for a teknis competency ("teknis.known"), or NULL for none.
 * \param position_level n penata_position_level codes ("position_level.known") selecting the
 *        teknis weight, or NULL for no weighting.
 * \param gaps_out receives n x k gaps achieved - required (-4..4), PENATA_NO_GAP where the
 *        competency is not required or not assessed; or NULL.
 * \param jpm_out receives n JPM in percent (may exceed 100 without the cap); NaN when a
 *        required competency is not assessed or nothing is required; or NULL.
 * \param missing_out receives n counts of required competencies not assessed (at most 255), or
 *        NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or when n x k overflows;
 *         PENATA_ERR_VALIDATION with one issue per bad value (row = employee index + 1 for the
 *         matrices and position_level, competency index + 1 for teknis; at most 1000, then one
 *         "input.more_issues"); nothing is written then.
 * \since 0.1 */
PENATA_API int penata_gap_jpm(penata_context *ctx, const penata_gap_rules *rules, size_t n, size_t k,
                              const uint8_t *achieved, const uint8_t *required, const uint8_t *teknis,
                              const uint8_t *position_level, int8_t *gaps_out, double *jpm_out,
                              uint8_t *missing_out);

/** Gap analysis of employees against the standards of their own positions (class, jenjang and
 * position name), with their latest assessments on or before a date.
 * \param ctx the context.
 * \param wf the workforce.
 * \param as the assessment history.
 * \param st the standards (over a framework with the same codes as the history's).
 * \param rules the rules.
 * \param as_of the date, days since 1970-01-01.
 * \param rows workforce rows to analyse, or NULL for every row in order (a non-NULL rows with
 *        nrows 0 analyses nobody; a row given twice is analysed, and counted by
 *        penata_training_needs(), twice).
 * \param nrows number of rows (ignored when rows is NULL).
 * \param out receives the result; free with penata_gap_result_destroy(). Set only on success.
 * \return PENATA_OK (also when employees were excluded: see penata_gap_result_missing_count());
 *         PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND for a row out of
 *         range; PENATA_ERR_VALIDATION:
 *         "gaps.framework_mismatch", and under PENATA_MISSING_REFUSE "gaps.missing_assessment"
 *         with one issue per missing cell (row = workforce row + 1, field "competency", value
 *         the code).
 * \since 0.1 */
PENATA_API int penata_gap_analysis(penata_context *ctx, const penata_workforce *wf, const penata_assessments *as,
                                   const penata_position_standards *st, const penata_gap_rules *rules,
                                   int32_t as_of, const uint32_t *rows, size_t nrows, penata_gap_result **out);

/** Destroys a gap result. Pointers borrowed from it become invalid.
 * \param result the result, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_gap_result_destroy(penata_gap_result *result);

/** Size of a gap result.
 * \param ctx the context.
 * \param result the result.
 * \param n_out receives the number of analysed employees (n), or NULL.
 * \param k_out receives the number of competencies (k), or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or result is NULL.
 * \since 0.1 */
PENATA_API int penata_gap_result_size(penata_context *ctx, const penata_gap_result *result, size_t *n_out,
                                      size_t *k_out);

/** Copies the per-employee columns of a gap result, in the order of the analysed rows. Every
 * output may be NULL.
 * \param ctx the context.
 * \param result the result.
 * \param rows_out receives n workforce rows, or NULL.
 * \param nip_out receives n NIPs, or NULL.
 * \param jpm_out receives n JPM in percent (NaN for an excluded employee), or NULL.
 * \param category_out receives n penata_jpm_category codes (PENATA_NO_CODE when excluded), or
 *        NULL.
 * \param potential_out receives n penata_potential codes from the JPM by the rules' potential
 *        bands (PENATA_NO_CODE when excluded), or NULL.
 * \param capacity number of elements each non-NULL output can hold.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or result is NULL;
 *         PENATA_ERR_BUFFER_TOO_SMALL (nothing copied) when an output is given and capacity < n.
 * \since 0.1 */
PENATA_API int penata_gap_result_columns(penata_context *ctx, const penata_gap_result *result, uint32_t *rows_out,
                                         uint64_t *nip_out, double *jpm_out, uint8_t *category_out,
                                         uint8_t *potential_out, size_t capacity);

/** Copies the n x k matrices of a gap result (row-major, rows in the order analysed, columns in
 * framework order). Every output may be NULL.
 * \param ctx the context.
 * \param result the result.
 * \param achieved_out receives the latest levels as of the date (0 = not assessed), or NULL.
 * \param required_out receives the standard levels (0 = not required), or NULL.
 * \param gaps_out receives achieved - required, or PENATA_NO_GAP; or NULL.
 * \param capacity number of elements each non-NULL output can hold.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or result is NULL;
 *         PENATA_ERR_BUFFER_TOO_SMALL (nothing copied) when an output is given and capacity is
 *         smaller than n x k.
 * \since 0.1 */
PENATA_API int penata_gap_result_matrices(penata_context *ctx, const penata_gap_result *result,
                                          uint8_t *achieved_out, uint8_t *required_out, int8_t *gaps_out,
                                          size_t capacity);

/** Number of employees left out of the JPM (PENATA_MISSING_EXCLUDE), including those whose
 * position requires nothing.
 * \param ctx the context.
 * \param result the result.
 * \param out receives the count.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_gap_result_missing_count(penata_context *ctx, const penata_gap_result *result, size_t *out);

/** One employee left out of the JPM.
 * \param ctx the context.
 * \param result the result.
 * \param index 0 .. missing count - 1 (in the order analysed).
 * \param out receives the entry; its pointers are borrowed, valid until the result is destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND when
 *         index is out of range.
 * \since 0.1 */
PENATA_API int penata_gap_result_missing(penata_context *ctx, const penata_gap_result *result, size_t index,
                                         penata_missing_assessment *out);

/* --- training needs ---------------------------------------------------------------------------- */

/** Training needs per unit (each unit counting its sub-units) and competency from a gap analysis,
 * and the 20 JP rule per unit.
 * \param ctx the context.
 * \param wf the workforce the analysis was made on, unchanged since.
 * \param result the gap result.
 * \param rules the rules (training_min_hours).
 * \param out receives the table; free with penata_tna_destroy(). Set only on success.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or when the result's rows
 *         and NIPs are not those of wf (another workforce, or it changed since).
 * \since 0.1 */
PENATA_API int penata_training_needs(penata_context *ctx, const penata_workforce *wf,
                                     const penata_gap_result *result, const penata_gap_rules *rules,
                                     penata_tna **out);

/** Destroys a training-needs table.
 * \param tna the table, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_tna_destroy(penata_tna *tna);

/** Sizes of a training-needs table.
 * \param ctx the context.
 * \param tna the table.
 * \param needs_out receives the number of needs rows (unit x competency cells that some analysed
 *        employee requires), or NULL.
 * \param training_out receives the number of 20 JP rows (units with an analysed employee), or
 *        NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or tna is NULL.
 * \since 0.1 */
PENATA_API int penata_tna_counts(penata_context *ctx, const penata_tna *tna, size_t *needs_out,
                                 size_t *training_out);

/** Copies the needs table, by unit index then competency index. Every output may be NULL.
 * Only the employees assessed on a competency count in assessed, mean_gap, share_below and
 * need1..3; the others are in required only.
 * \param ctx the context.
 * \param tna the table.
 * \param unit_out receives unit indices (as PENATA_FIELD_UNIT_CODE), or NULL.
 * \param competency_out receives framework indices, or NULL.
 * \param required_out receives the number of analysed employees whose position requires the
 *        competency, or NULL.
 * \param assessed_out receives how many of them are assessed on it, or NULL.
 * \param mean_gap_out receives the mean of achieved - required over the assessed (NaN when none
 *        is), or NULL.
 * \param share_below_out receives the share of the assessed below the standard (NaN when none
 *        is), or NULL.
 * \param need1_out receives the number of assessed employees 1 level below, or NULL.
 * \param need2_out receives the number 2 levels below, or NULL.
 * \param need3_out receives the number 3 or more levels below, or NULL.
 * \param capacity number of elements each non-NULL output can hold.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or tna is NULL;
 *         PENATA_ERR_BUFFER_TOO_SMALL (nothing copied) when an output is given and capacity is
 *         smaller than the number of needs rows.
 * \since 0.1 */
PENATA_API int penata_tna_needs(penata_context *ctx, const penata_tna *tna, uint32_t *unit_out,
                                uint16_t *competency_out, uint32_t *required_out, uint32_t *assessed_out,
                                double *mean_gap_out, double *share_below_out, uint32_t *need1_out,
                                uint32_t *need2_out, uint32_t *need3_out, size_t capacity);

/** Copies the 20 JP table: per unit (with its sub-units) the analysed employees and those with
 * training_hours >= the rules' minimum, by unit index. Every output may be NULL.
 * \param ctx the context.
 * \param tna the table.
 * \param unit_out receives unit indices, or NULL.
 * \param employees_out receives the number of analysed employees, or NULL.
 * \param compliant_out receives the number meeting the minimum, or NULL.
 * \param share_out receives compliant / employees, or NULL.
 * \param capacity number of elements each non-NULL output can hold.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or tna is NULL;
 *         PENATA_ERR_BUFFER_TOO_SMALL (nothing copied) when an output is given and capacity is
 *         smaller than the number of 20 JP rows.
 * \since 0.1 */
PENATA_API int penata_tna_training(penata_context *ctx, const penata_tna *tna, uint32_t *unit_out,
                                   uint32_t *employees_out, uint32_t *compliant_out, double *share_out,
                                   size_t capacity);

/** The competencies with the most negative mean gap in one unit (ties in framework order);
 * competencies without a gap (mean >= 0, or nobody assessed) are left out.
 * \param ctx the context.
 * \param tna the table.
 * \param unit a unit index.
 * \param max the most entries wanted: the capacity of the outputs.
 * \param competency_out receives up to max framework indices, or NULL.
 * \param mean_gap_out receives their mean gaps, or NULL.
 * \param count_out receives the number written (at most max).
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND when
 *         unit is not a unit index of the workforce analysed.
 * \since 0.1 */
PENATA_API int penata_tna_largest_gaps(penata_context *ctx, const penata_tna *tna, size_t unit, size_t max,
                                       uint16_t *competency_out, double *mean_gap_out, size_t *count_out);

/* --- candidate ranking ------------------------------------------------------------------------ */

/** Creates ranking options with the defaults: every unit, sub-units included, PNS and PPPK,
 * golongan checked (PNS only).
 * \param ctx the context.
 * \param out receives the options; free with penata_rank_options_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.1 */
PENATA_API int penata_rank_options_create(penata_context *ctx, penata_rank_options **out);

/** Destroys ranking options.
 * \param opts the options, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_rank_options_destroy(penata_rank_options *opts);

/** Limits the candidates to one unit (checked when ranking: PENATA_ERR_NOT_FOUND if unknown).
 * \param ctx the context.
 * \param opts the options.
 * \param unit_code a unit code, or NULL (or "") for every unit.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or opts is NULL.
 * \since 0.1 */
PENATA_API int penata_rank_options_set_unit(penata_context *ctx, penata_rank_options *opts, const char *unit_code);

/** Chooses whether the unit's sub-units are included.
 * \param ctx the context.
 * \param opts the options.
 * \param include non-zero (the default): with sub-units; 0: the unit alone.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_rank_options_set_include_subunits(penata_context *ctx, penata_rank_options *opts,
                                                        int include);

/** Chooses the eligible employment types; the others are listed as ineligible
 * ("rank.employment_type").
 * \param ctx the context.
 * \param opts the options.
 * \param mask PENATA_EMPLOYMENT_MASK_PNS, PENATA_EMPLOYMENT_MASK_PPPK, both (the default) or 0.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or another bit.
 * \since 0.1 */
PENATA_API int penata_rank_options_set_employment_types(penata_context *ctx, penata_rank_options *opts,
                                                        unsigned mask);

/** Chooses whether a PNS must hold a golongan in the rules' range for the target position
 * ("rank.golongan"; PP 13/2002 for structural posts, the jenjang ranges for JF).
 * \param ctx the context.
 * \param opts the options.
 * \param check non-zero (the default): checked; 0: not checked.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.1 */
PENATA_API int penata_rank_options_set_check_golongan(penata_context *ctx, penata_rank_options *opts, int check);

/** Ranks employees for a target position by their JPM against its standard (the rules' cap and
 * the teknis weight of the target jenjang), with their latest assessments on or before a date.
 * An employee not assessed on a required competency, of an employment type not chosen or (PNS)
 * outside the golongan range is ineligible, with the reason.
 * \param ctx the context.
 * \param wf the workforce.
 * \param as the assessment history.
 * \param st the standards (over a framework with the same codes as the history's).
 * \param rules the rules.
 * \param position_class the target's penata_position_class code.
 * \param position_level the target's penata_position_level code (a jenjang only for fungsional).
 * \param position_name the target's position name for the overrides, or NULL (or "").
 * \param as_of the date, days since 1970-01-01.
 * \param opts the options, or NULL for the defaults.
 * \param out receives the ranking; free with penata_ranking_destroy(). Set only on success.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND for
 *         an unknown unit code in opts; PENATA_ERR_VALIDATION: "standards.position" (a class /
 *         level pair that is not a position), "rank.no_standard" (the target requires no
 *         competency), "gaps.framework_mismatch".
 * \since 0.1 */
PENATA_API int penata_rank_candidates(penata_context *ctx, const penata_workforce *wf, const penata_assessments *as,
                                      const penata_position_standards *st, const penata_gap_rules *rules,
                                      int position_class, int position_level, const char *position_name,
                                      int32_t as_of, const penata_rank_options *opts, penata_ranking **out);

/** Destroys a ranking. Strings borrowed from it become invalid.
 * \param ranking the ranking, or NULL (then nothing happens).
 * \since 0.1 */
PENATA_API void penata_ranking_destroy(penata_ranking *ranking);

/** Number of candidates. Candidates are indexed 0 .. eligible + ineligible - 1: first the
 * eligible in rank order, then the ineligible by NIP.
 * \param ctx the context.
 * \param ranking the ranking.
 * \param eligible_out receives the number of eligible candidates, or NULL.
 * \param ineligible_out receives the number of ineligible ones, or NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or ranking is NULL.
 * \since 0.1 */
PENATA_API int penata_ranking_counts(penata_context *ctx, const penata_ranking *ranking, size_t *eligible_out,
                                     size_t *ineligible_out);

/** One candidate.
 * \param ctx the context.
 * \param ranking the ranking.
 * \param index 0 .. eligible + ineligible - 1.
 * \param out receives the candidate; its strings are borrowed, valid until the ranking is
 *        destroyed.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_NOT_FOUND when
 *         index is out of range.
 * \since 0.1 */
PENATA_API int penata_ranking_candidate(penata_context *ctx, const penata_ranking *ranking, size_t index,
                                        penata_candidate *out);

/** Copies the candidates' numbers, in candidate order (eligible first). Every output may be NULL.
 * \param ctx the context.
 * \param ranking the ranking.
 * \param rows_out receives workforce rows, or NULL.
 * \param nip_out receives NIPs, or NULL.
 * \param jpm_out receives JPM values, or NULL.
 * \param shortfall_out receives shortfalls, or NULL.
 * \param rank_out receives ranks (0 for the ineligible), or NULL.
 * \param capacity number of elements each non-NULL output can hold.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or ranking is NULL;
 *         PENATA_ERR_BUFFER_TOO_SMALL (nothing copied) when an output is given and capacity is
 *         smaller than the number of candidates.
 * \since 0.1 */
PENATA_API int penata_ranking_columns(penata_context *ctx, const penata_ranking *ranking, uint32_t *rows_out,
                                      uint64_t *nip_out, double *jpm_out, uint32_t *shortfall_out,
                                      uint32_t *rank_out, size_t capacity);

#ifdef __cplusplus
} /* extern "C" */
#endif

/* The concepts added since 0.2 have a header each (libgit2's layout); this header includes them
 * all, so `#include <penata/penata.h>` stays the one include a user writes. Each of them starts
 * by including this file. */
#include "penata/c/privacy.h"

#endif /* PENATA_H */
