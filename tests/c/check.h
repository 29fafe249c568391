/* Tiny checks for the C API tests: no framework, strict C99.
 *
 *   CHECK(cond)                    count a failure (with file:line) and go on
 *   CHECK_STATUS(ctx, want, call)  call must return `want`; prints the last error otherwise
 *   CHECK_OK(ctx, call)            CHECK_STATUS with PENATA_OK
 *   REQUIRE_OK(ctx, call)          as CHECK_OK, but stop the program on failure
 *   return check_summary("name");  prints "C API name: N passed, M failed", returns exit code
 */
#ifndef PENATA_TEST_CHECK_H
#define PENATA_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "penata/penata.h"

static int check_passed = 0;
static int check_failed = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (cond) {                                                                  \
            ++check_passed;                                                          \
        } else {                                                                     \
            ++check_failed;                                                          \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define CHECK_STATUS(ctx, want, call)                                                       \
    do {                                                                                    \
        int check_s_ = (call);                                                              \
        if (check_s_ == (want)) {                                                           \
            ++check_passed;                                                                 \
        } else {                                                                            \
            ++check_failed;                                                                 \
            fprintf(stderr, "%s:%d: %s\n  returned %d (%s), expected %d (%s)\n  last error: %s\n", \
                    __FILE__, __LINE__, #call, check_s_, penata_status_string(check_s_),    \
                    (want), penata_status_string(want), penata_context_last_error(ctx));    \
        }                                                                                   \
    } while (0)

#define CHECK_OK(ctx, call) CHECK_STATUS(ctx, PENATA_OK, call)

#define REQUIRE_OK(ctx, call)                                                      \
    do {                                                                           \
        int check_r_ = (call);                                                     \
        if (check_r_ != PENATA_OK) {                                               \
            fprintf(stderr, "%s:%d: %s\n  returned %d (%s); stopping\n  last error: %s\n", \
                    __FILE__, __LINE__, #call, check_r_, penata_status_string(check_r_), \
                    penata_context_last_error(ctx));                               \
            exit(1);                                                               \
        }                                                                          \
        ++check_passed;                                                            \
    } while (0)

/* True when `text` contains `part`. */
#define CONTAINS(text, part) (strstr((text), (part)) != NULL)

static inline int check_summary(const char *name) {
    printf("C API %s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed == 0 ? 0 : 1;
}

/* Writes `text` to dir/name and returns the path in `path` (capacity `cap`). Stops on failure. */
static inline void write_file(const char *dir, const char *name, const char *text, char *path, size_t cap) {
    FILE *f;
    if ((size_t)snprintf(path, cap, "%s/%s", dir, name) >= cap) {
        fprintf(stderr, "path too long: %s/%s\n", dir, name);
        exit(1);
    }
    f = fopen(path, "wb");
    if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(1);
    }
}

/* The canonical CSV header. */
#define CSV_HEADER                                                                              \
    "nip,name,employment_type,gender,birth_date,tmt,golongan,position_class,position_level,"   \
    "position_name,unit_code,education,training_hours,discipline\n"

#endif
