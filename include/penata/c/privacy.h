/*
 * penata/c/privacy.h — the C API of pseudonymisation and disclosure checks (docs/privacy.md).
 * Included by penata/penata.h; the conventions of that header apply.
 *
 * Data shared with researchers must not identify anyone (UU 27/2022): NIPs become keyed tokens
 * (HMAC-SHA-256 under a secret key the caller supplies, at least 32 bytes), names are dropped,
 * birth dates and TMT coarsened, and a disclosure check finds groups smaller than k over chosen
 * quasi-identifiers. penata never stores, prints or writes the key. Pseudonymised data is still
 * personal data (pseudonymised, not anonymised).
 */
#ifndef PENATA_C_PRIVACY_H
#define PENATA_C_PRIVACY_H

#include "penata/penata.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A pseudonymisation key (a copy of the caller's bytes, wiped when destroyed). */
typedef struct penata_pseudonym_key penata_pseudonym_key;
/** Options of a workforce pseudonymisation (token length, date detail, position names). */
typedef struct penata_pseudonym_options penata_pseudonym_options;
/** The outcome of a disclosure check: group counts and every group below k. */
typedef struct penata_disclosure penata_disclosure;

/** How much of a date a release keeps (equal to penata::DateDetail). */
enum penata_date_detail {
    PENATA_DATE_YEAR = 0,     /**< the calendar year only */
    PENATA_DATE_AGE_BAND = 1, /**< birth dates only: the age band as of a date */
    PENATA_DATE_DROP = 2      /**< not released */
};

/** Quasi-identifiers of a disclosure check (equal to penata::QuasiIdentifier). */
enum penata_quasi_identifier {
    PENATA_QI_UNIT = 0,            /**< group value: the unit index */
    PENATA_QI_GOLONGAN = 1,        /**< golongan code (PNS), 32 + code (PPPK) */
    PENATA_QI_GENDER = 2,          /**< PENATA_GENDER_* */
    PENATA_QI_AGE_BAND = 3,        /**< lower age of the band */
    PENATA_QI_EDUCATION = 4,       /**< PENATA_EDUCATION_* */
    PENATA_QI_EMPLOYMENT_TYPE = 5, /**< PENATA_PNS / PENATA_PPPK */
    PENATA_QI_POSITION_CLASS = 6,  /**< PENATA_POSITION_CLASS_* */
    PENATA_QI_POSITION_LEVEL = 7,  /**< PENATA_POSITION_LEVEL_* */
    PENATA_QI_BIRTH_YEAR = 8       /**< the year */
};

/** Makes a key from the caller's secret bytes (copied).
 * \param ctx the context.
 * \param key the secret, at least 32 bytes (e.g. 32 bytes from a cryptographic random source).
 * \param key_length its length in bytes.
 * \param out receives the key; free with penata_pseudonym_key_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL ctx, out or (with key_length > 0)
 *         key; PENATA_ERR_VALIDATION "privacy.key_empty" (length 0), "privacy.key_short"
 *         (fewer than 32 bytes; the message quotes the length, never the key);
 *         PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.2 */
PENATA_API int penata_pseudonym_key_create(penata_context *ctx, const void *key, size_t key_length,
                                           penata_pseudonym_key **out);

/** Wipes and frees a key.
 * \param key the key, or NULL (then nothing happens).
 * \since 0.2 */
PENATA_API void penata_pseudonym_key_destroy(penata_pseudonym_key *key);

/** Tokens of n NIPs: token i is the first token_bits / 4 lower-case hex digits of
 * HMAC-SHA-256(key, "penata:nip:v1:" + the 18-digit NIP), written at out + i * token_bits / 4,
 * back to back, with no separator and no terminator.
 * \param ctx the context.
 * \param key the key.
 * \param nips n NIPs (any 18-digit number; NULL when n is 0).
 * \param n the number of NIPs.
 * \param token_bits 64, 96, ..., 256 (128 is the usual choice).
 * \param out the caller's buffer of `capacity` chars.
 * \param capacity its size; at least n * token_bits / 4.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument;
 *         PENATA_ERR_VALIDATION "privacy.token_bits"; PENATA_ERR_BUFFER_TOO_SMALL (the message
 *         names the size needed; nothing written).
 * \since 0.2 */
PENATA_API int penata_nip_tokens(penata_context *ctx, const penata_pseudonym_key *key, const uint64_t *nips,
                                 size_t n, unsigned token_bits, char *out, size_t capacity);

/** Creates pseudonymisation options with the defaults: 128-bit tokens, birth and TMT as years,
 * no position names, age bands of 5 years.
 * \param ctx the context.
 * \param out receives the options; free with penata_pseudonym_options_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.2 */
PENATA_API int penata_pseudonym_options_create(penata_context *ctx, penata_pseudonym_options **out);

/** Destroys options.
 * \param opts the options, or NULL (then nothing happens).
 * \since 0.2 */
PENATA_API void penata_pseudonym_options_destroy(penata_pseudonym_options *opts);

/** Sets the token length (checked when used: PENATA_ERR_VALIDATION "privacy.token_bits").
 * \param ctx the context.
 * \param opts the options.
 * \param token_bits 64, 96, ..., 256.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.2 */
PENATA_API int penata_pseudonym_options_set_token_bits(penata_context *ctx, penata_pseudonym_options *opts,
                                                       unsigned token_bits);

/** Sets how birth dates are released.
 * \param ctx the context.
 * \param opts the options.
 * \param detail PENATA_DATE_YEAR, PENATA_DATE_AGE_BAND (then set the date with
 *        penata_pseudonym_options_set_age_band()) or PENATA_DATE_DROP.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or another value.
 * \since 0.2 */
PENATA_API int penata_pseudonym_options_set_birth(penata_context *ctx, penata_pseudonym_options *opts, int detail);

/** Sets how TMT (first appointment) is released.
 * \param ctx the context.
 * \param opts the options.
 * \param detail PENATA_DATE_YEAR or PENATA_DATE_DROP.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or another value.
 * \since 0.2 */
PENATA_API int penata_pseudonym_options_set_tmt(penata_context *ctx, penata_pseudonym_options *opts, int detail);

/** Sets the reference date and width of age bands.
 * \param ctx the context.
 * \param opts the options.
 * \param as_of days since 1970-01-01 at which ages are taken.
 * \param band_years the band width, 1..20 (checked when used: "privacy.band_years").
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.2 */
PENATA_API int penata_pseudonym_options_set_age_band(penata_context *ctx, penata_pseudonym_options *opts,
                                                     int32_t as_of, unsigned band_years);

/** Keeps (non-zero) or drops (0, the default) position names. A unique post (Kepala Dinas)
 * names its holder: keep them only after a disclosure check.
 * \param ctx the context.
 * \param opts the options.
 * \param keep non-zero to keep.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument.
 * \since 0.2 */
PENATA_API int penata_pseudonym_options_set_keep_position_name(penata_context *ctx, penata_pseudonym_options *opts,
                                                               int keep);

/** A workforce pseudonymised as CSV text: header `token,employment_type,gender,birth_year` (or
 * `age_band`, or no birth column), `tmt_year` (unless dropped), `golongan,position_class,
 * position_level`, `position_name` (when kept), `unit_code,education,training_hours,discipline`.
 * No NIP, name or birth date is in it.
 * \param ctx the context.
 * \param wf the workforce.
 * \param key the key.
 * \param opts the options, or NULL for the defaults.
 * \param out receives the text (NUL-terminated); free with penata_free().
 * \param size receives its length without the terminator; may be NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument; PENATA_ERR_VALIDATION
 *         "privacy.token_bits", "privacy.band_years", "privacy.as_of" (an age band without a
 *         date); PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.2 */
PENATA_API int penata_pseudonymise_workforce_csv(penata_context *ctx, const penata_workforce *wf,
                                                 const penata_pseudonym_key *key,
                                                 const penata_pseudonym_options *opts, char **out, size_t *size);

/** Checks a workforce before release: the records grouped by the given quasi-identifiers.
 * \param ctx the context.
 * \param wf the workforce.
 * \param quasi_identifiers n_qi values of enum penata_quasi_identifier, 1 to 16 of them.
 * \param n_qi their number.
 * \param k groups of fewer than k records are listed (k >= 1; 5 is usual).
 * \param as_of days since 1970-01-01 at which ages are taken (for PENATA_QI_AGE_BAND).
 * \param band_years age band width, 1..20.
 * \param out receives the result; free with penata_disclosure_destroy().
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or an unknown
 *         quasi-identifier; PENATA_ERR_VALIDATION "privacy.k", "privacy.columns" (none or more
 *         than 16), "privacy.as_of", "privacy.band_years"; PENATA_ERR_OUT_OF_MEMORY.
 * \since 0.2 */
PENATA_API int penata_disclosure_check(penata_context *ctx, const penata_workforce *wf, const int *quasi_identifiers,
                                       size_t n_qi, uint64_t k, int32_t as_of, unsigned band_years,
                                       penata_disclosure **out);

/** Destroys a disclosure result.
 * \param d the result, or NULL (then nothing happens).
 * \since 0.2 */
PENATA_API void penata_disclosure_destroy(penata_disclosure *d);

/** The counts of a disclosure check. Any output pointer may be NULL.
 * \param ctx the context.
 * \param d the result.
 * \param records receives the number of records.
 * \param groups receives the number of distinct groups.
 * \param smallest receives the size of the smallest group (0 for no records).
 * \param below_k receives the number of groups with fewer than k records.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT when ctx or d is NULL.
 * \since 0.2 */
PENATA_API int penata_disclosure_counts(penata_context *ctx, const penata_disclosure *d, uint64_t *records,
                                        uint64_t *groups, uint64_t *smallest, size_t *below_k);

/** One group below k: its quasi-identifier values (in the order given) and its size.
 * \param ctx the context.
 * \param d the result.
 * \param index 0 .. below_k - 1 (groups in ascending order of their values).
 * \param values receives one value per quasi-identifier.
 * \param capacity the length of values; at least the number of quasi-identifiers.
 * \param count receives the group size; may be NULL.
 * \return PENATA_OK; PENATA_ERR_INVALID_ARGUMENT for a NULL argument or an index out of range;
 *         PENATA_ERR_BUFFER_TOO_SMALL (nothing written).
 * \since 0.2 */
PENATA_API int penata_disclosure_group(penata_context *ctx, const penata_disclosure *d, size_t index,
                                       uint32_t *values, size_t capacity, uint64_t *count);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* PENATA_C_PRIVACY_H */
