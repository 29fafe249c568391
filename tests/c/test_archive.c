/* C API: saving and loading workforces and NIP rules as snapshots, to files and to buffers, in
 * both encodings; damaged, foreign and wrong-type input; NULL and out-of-range arguments.
 * Scratch files go to the directory given as argv[1]. */
#include "check.h"

#define N 300
#define HEADER_SIZE 32

static const char *dir = ".";
static const int encodings[2] = {PENATA_ENCODING_PORTABLE, PENATA_ENCODING_BINARY};

static void path_in(const char *name, char *path, size_t cap) {
    if ((size_t)snprintf(path, cap, "%s/%s", dir, name) >= cap) {
        fprintf(stderr, "path too long: %s/%s\n", dir, name);
        exit(1);
    }
}

/* The whole file as a malloc'ed buffer (NULL when it cannot be read); its size in *size. */
static unsigned char *read_whole(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    long len;
    *size = 0;
    if (f == NULL) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        data = (unsigned char *)malloc((size_t)len + 1);
        if (data != NULL && fread(data, 1, (size_t)len, f) == (size_t)len) {
            *size = (size_t)len;
        } else {
            free(data);
            data = NULL;
        }
    }
    fclose(f);
    return data;
}

static int file_exists(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return 0;
    fclose(f);
    return 1;
}

/* True when a and b hold the same employees, units and position names: compared through the
 * size, a few columns, a few cells, and finally the whole CSV text. */
static int same_workforce(penata_context *ctx, const penata_workforce *a, const penata_workforce *b) {
    static uint64_t nip_a[N], nip_b[N];
    static uint8_t gol_a[N], gol_b[N];
    static int32_t birth_a[N], birth_b[N];
    static uint32_t unit_a[N], unit_b[N], pos_a[N], pos_b[N];
    static double hours_a[N], hours_b[N];
    char cell_a[256], cell_b[256];
    char *csv_a = NULL, *csv_b = NULL;
    size_t na = 0, nb = 0, ua = 0, ub = 0, pa = 0, pb = 0, rows[3], i;
    int same = 1;

    if (penata_workforce_size(ctx, a, &na) != PENATA_OK || penata_workforce_size(ctx, b, &nb) != PENATA_OK) return 0;
    if (na != nb || na > N) return 0;
    same = same && penata_workforce_unit_count(ctx, a, &ua) == PENATA_OK &&
           penata_workforce_unit_count(ctx, b, &ub) == PENATA_OK && ua == ub;
    same = same && penata_workforce_position_name_count(ctx, a, &pa) == PENATA_OK &&
           penata_workforce_position_name_count(ctx, b, &pb) == PENATA_OK && pa == pb;
    same = same && penata_workforce_column_u64(ctx, a, PENATA_FIELD_NIP, nip_a, N) == PENATA_OK &&
           penata_workforce_column_u64(ctx, b, PENATA_FIELD_NIP, nip_b, N) == PENATA_OK &&
           memcmp(nip_a, nip_b, na * sizeof nip_a[0]) == 0;
    same = same && penata_workforce_column_u8(ctx, a, PENATA_FIELD_GOLONGAN, gol_a, N) == PENATA_OK &&
           penata_workforce_column_u8(ctx, b, PENATA_FIELD_GOLONGAN, gol_b, N) == PENATA_OK &&
           memcmp(gol_a, gol_b, na) == 0;
    same = same && penata_workforce_column_i32(ctx, a, PENATA_FIELD_BIRTH_DATE, birth_a, N) == PENATA_OK &&
           penata_workforce_column_i32(ctx, b, PENATA_FIELD_BIRTH_DATE, birth_b, N) == PENATA_OK &&
           memcmp(birth_a, birth_b, na * sizeof birth_a[0]) == 0;
    same = same && penata_workforce_column_u32(ctx, a, PENATA_FIELD_UNIT_CODE, unit_a, N) == PENATA_OK &&
           penata_workforce_column_u32(ctx, b, PENATA_FIELD_UNIT_CODE, unit_b, N) == PENATA_OK &&
           memcmp(unit_a, unit_b, na * sizeof unit_a[0]) == 0;
    same = same && penata_workforce_column_u32(ctx, a, PENATA_FIELD_POSITION_NAME, pos_a, N) == PENATA_OK &&
           penata_workforce_column_u32(ctx, b, PENATA_FIELD_POSITION_NAME, pos_b, N) == PENATA_OK &&
           memcmp(pos_a, pos_b, na * sizeof pos_a[0]) == 0;
    same = same && penata_workforce_column_f64(ctx, a, PENATA_FIELD_TRAINING_HOURS, hours_a, N) == PENATA_OK &&
           penata_workforce_column_f64(ctx, b, PENATA_FIELD_TRAINING_HOURS, hours_b, N) == PENATA_OK;
    for (i = 0; same && i < na; ++i) same = hours_a[i] == hours_b[i]; /* exact: binary and text archives */

    /* A few cells as text: the name (not a column), the golongan and the unit code. */
    rows[0] = 0;
    rows[1] = na / 2;
    rows[2] = na > 0 ? na - 1 : 0;
    for (i = 0; same && na > 0 && i < 3; ++i) {
        same = penata_workforce_get_text(ctx, a, rows[i], PENATA_FIELD_NAME, cell_a, sizeof cell_a, NULL) == PENATA_OK &&
               penata_workforce_get_text(ctx, b, rows[i], PENATA_FIELD_NAME, cell_b, sizeof cell_b, NULL) == PENATA_OK &&
               strcmp(cell_a, cell_b) == 0 && cell_a[0] != '\0';
        same = same &&
               penata_workforce_get_text(ctx, a, rows[i], PENATA_FIELD_GOLONGAN, cell_a, sizeof cell_a, NULL) == PENATA_OK &&
               penata_workforce_get_text(ctx, b, rows[i], PENATA_FIELD_GOLONGAN, cell_b, sizeof cell_b, NULL) == PENATA_OK &&
               strcmp(cell_a, cell_b) == 0;
        same = same &&
               penata_workforce_get_text(ctx, a, rows[i], PENATA_FIELD_UNIT_CODE, cell_a, sizeof cell_a, NULL) == PENATA_OK &&
               penata_workforce_get_text(ctx, b, rows[i], PENATA_FIELD_UNIT_CODE, cell_b, sizeof cell_b, NULL) == PENATA_OK &&
               strcmp(cell_a, cell_b) == 0;
    }

    /* Everything else: the CSV text of both. */
    same = same && penata_workforce_to_csv(ctx, a, &csv_a, NULL) == PENATA_OK &&
           penata_workforce_to_csv(ctx, b, &csv_b, NULL) == PENATA_OK && strcmp(csv_a, csv_b) == 0;
    penata_free(csv_a);
    penata_free(csv_b);
    return same;
}

static void test_round_trips(penata_context *ctx, const penata_workforce *wf) {
    char path[512], nip[32];
    penata_workforce *loaded = NULL, *from_buffer = NULL, *found = NULL;
    void *data = NULL;
    unsigned char *bytes, *file;
    size_t size = 0, file_size = 0, row = 0, sizes[2] = {0, 0};
    int e;

    for (e = 0; e < 2; ++e) {
        const int enc = encodings[e];
        /* Through a file. */
        path_in(enc == PENATA_ENCODING_BINARY ? "wf_binary.pnt" : "wf_portable.pnt", path, sizeof path);
        CHECK_OK(ctx, penata_workforce_save(ctx, wf, path, enc));
        CHECK(strcmp(penata_context_last_error(ctx), "") == 0);
        loaded = NULL;
        CHECK_OK(ctx, penata_workforce_load(ctx, path, &loaded));
        CHECK(loaded != NULL && same_workforce(ctx, wf, loaded));
        /* The loaded workforce is complete: its NIP index works. */
        CHECK_OK(ctx, penata_workforce_get_text(ctx, wf, N / 3, PENATA_FIELD_NIP, nip, sizeof nip, NULL));
        CHECK_OK(ctx, penata_workforce_find(ctx, loaded, nip, &row));
        CHECK(row == N / 3);

        /* Through a buffer: the same bytes as the file, which start with the container header. */
        CHECK_OK(ctx, penata_workforce_save_to_buffer(ctx, wf, enc, &data, &size));
        bytes = (unsigned char *)data;
        CHECK(bytes != NULL && size > HEADER_SIZE);
        CHECK(bytes != NULL && memcmp(bytes, "\x89PNATA\r\n", 8) == 0 && bytes[10] == enc);
        file = read_whole(path, &file_size);
        CHECK(file != NULL && file_size == size && memcmp(file, bytes, size) == 0);
        free(file);
        sizes[e] = size;
        from_buffer = NULL;
        CHECK_OK(ctx, penata_workforce_load_from_buffer(ctx, data, size, &from_buffer));
        CHECK(from_buffer != NULL && same_workforce(ctx, wf, from_buffer));

        /* Loaded objects work like any other: a loaded workforce saves and loads again. */
        CHECK_OK(ctx, penata_workforce_save(ctx, from_buffer, path, enc));
        CHECK_OK(ctx, penata_workforce_load(ctx, path, &found));
        CHECK(found != NULL && same_workforce(ctx, wf, found));

        penata_workforce_destroy(found);
        found = NULL;
        penata_workforce_destroy(from_buffer);
        penata_workforce_destroy(loaded);
        penata_free(data);
        data = NULL;
    }
    /* The binary encoding is the smaller one for this data. */
    CHECK(sizes[1] > 0 && sizes[1] < sizes[0]);
}

/* An empty workforce (no employees, no units) round-trips, and a save replaces the old file. */
static void test_empty_and_replace(penata_context *ctx, const penata_workforce *wf) {
    char path[512];
    penata_workforce *empty = NULL, *loaded = NULL;
    void *data = NULL;
    size_t size = 0, n = 99;

    REQUIRE_OK(ctx, penata_workforce_create(ctx, NULL, &empty));
    CHECK_OK(ctx, penata_workforce_save_to_buffer(ctx, empty, PENATA_ENCODING_BINARY, &data, &size));
    CHECK_OK(ctx, penata_workforce_load_from_buffer(ctx, data, size, &loaded));
    CHECK_OK(ctx, penata_workforce_size(ctx, loaded, &n));
    CHECK(n == 0);
    penata_workforce_destroy(loaded);
    loaded = NULL;
    penata_free(data);

    path_in("replace.pnt", path, sizeof path);
    CHECK_OK(ctx, penata_workforce_save(ctx, wf, path, PENATA_ENCODING_PORTABLE));
    CHECK_OK(ctx, penata_workforce_save(ctx, empty, path, PENATA_ENCODING_BINARY));
    CHECK_OK(ctx, penata_workforce_load(ctx, path, &loaded));
    CHECK_OK(ctx, penata_workforce_size(ctx, loaded, &n));
    CHECK(n == 0);
    penata_workforce_destroy(loaded);
    penata_workforce_destroy(empty);
}

/* Damaged and foreign input: PENATA_ERR_FORMAT naming what is wrong, and *out untouched. */
static void test_bad_input(penata_context *ctx, const penata_workforce *wf) {
    static const char not_archive[] = "nip,name,employment_type\n198609262015051001,Budi,PNS\n";
    char path[512], csv_path[512], bad_path[512];
    penata_workforce *const sentinel = (penata_workforce *)&dir; /* never dereferenced */
    penata_workforce *out = sentinel;
    unsigned char *copy;
    void *data = NULL;
    size_t size = 0;
    int e;

    for (e = 0; e < 2; ++e) {
        REQUIRE_OK(ctx, penata_workforce_save_to_buffer(ctx, wf, encodings[e], &data, &size));
        copy = (unsigned char *)malloc(size);
        if (copy == NULL) exit(1);

        /* Truncated: one byte short, and cut inside the header. */
        CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load_from_buffer(ctx, data, size - 1, &out));
        CHECK(CONTAINS(penata_context_last_error(ctx), "truncated"));
        CHECK(out == sentinel);
        CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load_from_buffer(ctx, data, 20, &out));
        CHECK(CONTAINS(penata_context_last_error(ctx), "truncated"));
        CHECK(out == sentinel);

        /* One flipped byte in the payload: the checksum catches it. */
        memcpy(copy, data, size);
        copy[HEADER_SIZE + (size - HEADER_SIZE) / 2] ^= 0x01;
        CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load_from_buffer(ctx, copy, size, &out));
        CHECK(CONTAINS(penata_context_last_error(ctx), "checksum"));
        CHECK(out == sentinel);
        /* ... and its last byte. */
        memcpy(copy, data, size);
        copy[size - 1] ^= 0x80;
        CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load_from_buffer(ctx, copy, size, &out));
        CHECK(CONTAINS(penata_context_last_error(ctx), "checksum"));

        /* A newer container version is refused, naming the version. */
        memcpy(copy, data, size);
        copy[8] = 2;
        copy[9] = 0;
        CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load_from_buffer(ctx, copy, size, &out));
        CHECK(CONTAINS(penata_context_last_error(ctx), "newer"));
        CHECK(out == sentinel);

        /* A damaged magic byte: not a penata archive. */
        memcpy(copy, data, size);
        copy[1] = 'X';
        CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load_from_buffer(ctx, copy, size, &out));
        CHECK(CONTAINS(penata_context_last_error(ctx), "not a penata archive"));

        /* A binary archive written on another platform (here: a different size_t width). */
        if (encodings[e] == PENATA_ENCODING_BINARY) {
            memcpy(copy, data, size);
            copy[11] = (unsigned char)(copy[11] ^ 0x02);
            CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load_from_buffer(ctx, copy, size, &out));
            CHECK(CONTAINS(penata_context_last_error(ctx), "another platform"));
            CHECK(out == sentinel);
        }

        /* The truncated bytes in a file: the same error through the path functions. */
        path_in("truncated.pnt", path, sizeof path);
        {
            FILE *f = fopen(path, "wb");
            if (f == NULL || fwrite(data, 1, size / 2, f) != size / 2 || fclose(f) != 0) exit(1);
        }
        CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load(ctx, path, &out));
        CHECK(CONTAINS(penata_context_last_error(ctx), "truncated"));
        CHECK(out == sentinel);

        free(copy);
        penata_free(data);
        data = NULL;
    }

    /* Not an archive at all: a CSV text, an empty buffer, a CSV file. */
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT,
                 penata_workforce_load_from_buffer(ctx, not_archive, sizeof not_archive - 1, &out));
    CHECK(CONTAINS(penata_context_last_error(ctx), "not a penata archive"));
    CHECK(out == sentinel);
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load_from_buffer(ctx, NULL, 0, &out));
    CHECK(CONTAINS(penata_context_last_error(ctx), "not a penata archive"));
    write_file(dir, "not_archive.csv", not_archive, csv_path, sizeof csv_path);
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load(ctx, csv_path, &out));
    CHECK(CONTAINS(penata_context_last_error(ctx), "not a penata archive"));
    CHECK(out == sentinel);

    /* A missing file: an I/O error naming the path. */
    path_in("no_such_file.pnt", path, sizeof path);
    CHECK_STATUS(ctx, PENATA_ERR_IO, penata_workforce_load(ctx, path, &out));
    CHECK(CONTAINS(penata_context_last_error(ctx), "no_such_file.pnt"));
    CHECK(out == sentinel);

    /* Saving into a folder that does not exist: an I/O error, and no file appears. */
    path_in("no_such_folder/wf.pnt", bad_path, sizeof bad_path);
    CHECK_STATUS(ctx, PENATA_ERR_IO, penata_workforce_save(ctx, wf, bad_path, PENATA_ENCODING_BINARY));
    CHECK(CONTAINS(penata_context_last_error(ctx), "no_such_folder"));
    CHECK(!file_exists(bad_path));
    CHECK_STATUS(ctx, PENATA_ERR_IO, penata_workforce_load(ctx, bad_path, &out));
    /* A refused save leaves an existing file as it was. */
    path_in("kept.pnt", path, sizeof path);
    CHECK_OK(ctx, penata_workforce_save(ctx, wf, path, PENATA_ENCODING_BINARY));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_save(ctx, wf, path, 7));
    out = NULL;
    CHECK_OK(ctx, penata_workforce_load(ctx, path, &out));
    CHECK(out != NULL && same_workforce(ctx, wf, out));
    penata_workforce_destroy(out);
}

/* A snapshot holding another kind of object is refused with PENATA_ERR_FORMAT. */
static void test_wrong_type(penata_context *ctx, const penata_workforce *wf) {
    char wf_path[512], rules_path[512];
    penata_nip_rules *rules = NULL, *rules_out = NULL;
    penata_workforce *wf_out = NULL;
    void *wf_data = NULL, *rules_data = NULL;
    size_t wf_size = 0, rules_size = 0;

    REQUIRE_OK(ctx, penata_nip_rules_create(ctx, &rules));
    path_in("type_wf.pnt", wf_path, sizeof wf_path);
    path_in("type_rules.pnt", rules_path, sizeof rules_path);
    CHECK_OK(ctx, penata_workforce_save(ctx, wf, wf_path, PENATA_ENCODING_PORTABLE));
    CHECK_OK(ctx, penata_nip_rules_save(ctx, rules, rules_path, PENATA_ENCODING_PORTABLE));
    CHECK_OK(ctx, penata_workforce_save_to_buffer(ctx, wf, PENATA_ENCODING_BINARY, &wf_data, &wf_size));
    CHECK_OK(ctx, penata_nip_rules_save_to_buffer(ctx, rules, PENATA_ENCODING_BINARY, &rules_data, &rules_size));

    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load(ctx, rules_path, &wf_out));
    CHECK(CONTAINS(penata_context_last_error(ctx), "another type"));
    CHECK(wf_out == NULL);
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_nip_rules_load(ctx, wf_path, &rules_out));
    CHECK(CONTAINS(penata_context_last_error(ctx), "another type"));
    CHECK(rules_out == NULL);
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_workforce_load_from_buffer(ctx, rules_data, rules_size, &wf_out));
    CHECK(CONTAINS(penata_context_last_error(ctx), "another type"));
    CHECK(wf_out == NULL);
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_nip_rules_load_from_buffer(ctx, wf_data, wf_size, &rules_out));
    CHECK(CONTAINS(penata_context_last_error(ctx), "another type"));
    CHECK(rules_out == NULL);

    penata_free(rules_data);
    penata_free(wf_data);
    penata_nip_rules_destroy(rules);
}

/* NIP rules keep their settings through a file and a buffer, in both encodings. */
static void test_nip_rules(penata_context *ctx) {
    /* Born 1990-09-13, TMT 2010-01 (age 19): valid by default, refused at a minimum age of 25. */
    static const char young[] = "199009132010011001";
    /* NI PPPK with code 24: valid by default, refused when only 21 is accepted. */
    static const char pppk24[] = "199009132025242014";
    static const int only21[] = {21};
    char path[512];
    penata_nip_rules *rules = NULL, *loaded = NULL;
    penata_nip_parts parts;
    void *data = NULL;
    unsigned char *bytes;
    size_t size = 0;
    int e;

    REQUIRE_OK(ctx, penata_nip_rules_create(ctx, &rules));
    CHECK_OK(ctx, penata_nip_parse(ctx, rules, young, PENATA_PNS, &parts));
    CHECK_OK(ctx, penata_nip_parse(ctx, rules, pppk24, PENATA_PPPK, &parts));
    REQUIRE_OK(ctx, penata_nip_rules_set_min_age(ctx, rules, 25));
    REQUIRE_OK(ctx, penata_nip_rules_set_pppk_codes(ctx, rules, only21, 1));

    for (e = 0; e < 2; ++e) {
        path_in(encodings[e] == PENATA_ENCODING_BINARY ? "rules_binary.pnt" : "rules_portable.pnt", path, sizeof path);
        CHECK_OK(ctx, penata_nip_rules_save(ctx, rules, path, encodings[e]));
        loaded = NULL;
        CHECK_OK(ctx, penata_nip_rules_load(ctx, path, &loaded));
        CHECK(loaded != NULL);
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_nip_parse(ctx, loaded, young, PENATA_PNS, &parts));
        CHECK(strcmp(penata_context_last_error_rule(ctx), "nip.tmt_age") == 0);
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_nip_parse(ctx, loaded, pppk24, PENATA_PPPK, &parts));
        penata_nip_rules_destroy(loaded);

        CHECK_OK(ctx, penata_nip_rules_save_to_buffer(ctx, rules, encodings[e], &data, &size));
        bytes = (unsigned char *)data;
        CHECK(bytes != NULL && size > HEADER_SIZE && bytes[10] == encodings[e]);
        loaded = NULL;
        CHECK_OK(ctx, penata_nip_rules_load_from_buffer(ctx, data, size, &loaded));
        CHECK(loaded != NULL);
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_nip_parse(ctx, loaded, young, PENATA_PNS, &parts));
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_nip_parse(ctx, loaded, pppk24, PENATA_PPPK, &parts));
        penata_nip_rules_destroy(loaded);

        /* Damage is caught for rules as for workforces. */
        loaded = NULL;
        CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_nip_rules_load_from_buffer(ctx, data, size - 1, &loaded));
        CHECK(CONTAINS(penata_context_last_error(ctx), "truncated"));
        bytes[size - 1] ^= 0x01;
        CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_nip_rules_load_from_buffer(ctx, data, size, &loaded));
        CHECK(CONTAINS(penata_context_last_error(ctx), "checksum"));
        CHECK(loaded == NULL);
        penata_free(data);
        data = NULL;
    }

    /* A workforce keeps its own NIP rules through a save. */
    {
        penata_workforce *wf = NULL, *back = NULL;
        penata_record *rec = NULL;
        REQUIRE_OK(ctx, penata_workforce_create(ctx, rules, &wf));
        REQUIRE_OK(ctx, penata_workforce_add_unit(ctx, wf, "BKD", "Badan Kepegawaian Daerah", NULL, NULL));
        CHECK_OK(ctx, penata_workforce_save_to_buffer(ctx, wf, PENATA_ENCODING_PORTABLE, &data, &size));
        CHECK_OK(ctx, penata_workforce_load_from_buffer(ctx, data, size, &back));
        REQUIRE_OK(ctx, penata_record_create(ctx, &rec));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "nip", young));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "name", "Rina Young"));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "employment_type", "PNS"));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "gender", "L"));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "birth_date", "1990-09-13"));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "tmt", "2010-01"));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "golongan", "II/a"));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "position_class", "pelaksana"));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "position_name", "Staf"));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "unit_code", "BKD"));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "education", "SLTA"));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "training_hours", "0"));
        CHECK_OK(ctx, penata_record_set(ctx, rec, "discipline", "none"));
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_workforce_add(ctx, back, rec, NULL));
        CHECK(strcmp(penata_context_last_error_rule(ctx), "nip.tmt_age") == 0);
        penata_record_destroy(rec);
        penata_workforce_destroy(back);
        penata_workforce_destroy(wf);
        penata_free(data);
        data = NULL;
    }
    penata_nip_rules_destroy(rules);
}

static void test_arguments(penata_context *ctx, const penata_workforce *wf) {
    static const char bytes[] = "x";
    char path[512];
    penata_nip_rules *rules = NULL, *rules_out = NULL;
    penata_workforce *wf_out = NULL;
    void *data = NULL;
    size_t size = 12345;

    REQUIRE_OK(ctx, penata_nip_rules_create(ctx, &rules));
    path_in("args.pnt", path, sizeof path);

    /* A NULL context: INVALID_ARGUMENT and no message anywhere. */
    CHECK(penata_workforce_save(NULL, wf, path, PENATA_ENCODING_BINARY) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_workforce_load(NULL, path, &wf_out) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_workforce_save_to_buffer(NULL, wf, PENATA_ENCODING_BINARY, &data, &size) ==
          PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_workforce_load_from_buffer(NULL, bytes, 1, &wf_out) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_nip_rules_save(NULL, rules, path, PENATA_ENCODING_BINARY) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_nip_rules_load(NULL, path, &rules_out) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_nip_rules_save_to_buffer(NULL, rules, PENATA_ENCODING_BINARY, &data, &size) ==
          PENATA_ERR_INVALID_ARGUMENT);
    CHECK(penata_nip_rules_load_from_buffer(NULL, bytes, 1, &rules_out) == PENATA_ERR_INVALID_ARGUMENT);
    CHECK(!file_exists(path));

    /* Other NULL pointers: INVALID_ARGUMENT with a message naming the parameter. */
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_save(ctx, NULL, path, PENATA_ENCODING_BINARY));
    CHECK(CONTAINS(penata_context_last_error(ctx), "'wf'"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_save(ctx, wf, NULL, PENATA_ENCODING_BINARY));
    CHECK(CONTAINS(penata_context_last_error(ctx), "'path'"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_load(ctx, NULL, &wf_out));
    CHECK(CONTAINS(penata_context_last_error(ctx), "'path'"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_load(ctx, path, NULL));
    CHECK(CONTAINS(penata_context_last_error(ctx), "'out'"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_workforce_save_to_buffer(ctx, NULL, PENATA_ENCODING_BINARY, &data, &size));
    CHECK(CONTAINS(penata_context_last_error(ctx), "'wf'"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_workforce_save_to_buffer(ctx, wf, PENATA_ENCODING_BINARY, NULL, &size));
    CHECK(CONTAINS(penata_context_last_error(ctx), "'data_out'"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_workforce_save_to_buffer(ctx, wf, PENATA_ENCODING_BINARY, &data, NULL));
    CHECK(CONTAINS(penata_context_last_error(ctx), "'size_out'"));
    CHECK(data == NULL && size == 12345);
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_load_from_buffer(ctx, NULL, 10, &wf_out));
    CHECK(CONTAINS(penata_context_last_error(ctx), "'data'"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_load_from_buffer(ctx, bytes, 1, NULL));
    CHECK(CONTAINS(penata_context_last_error(ctx), "'out'"));
    CHECK(wf_out == NULL);

    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_rules_save(ctx, NULL, path, PENATA_ENCODING_BINARY));
    CHECK(CONTAINS(penata_context_last_error(ctx), "'rules'"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_rules_save(ctx, rules, NULL, PENATA_ENCODING_BINARY));
    CHECK(CONTAINS(penata_context_last_error(ctx), "'path'"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_rules_load(ctx, NULL, &rules_out));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_rules_load(ctx, path, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_nip_rules_save_to_buffer(ctx, NULL, PENATA_ENCODING_BINARY, &data, &size));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_nip_rules_save_to_buffer(ctx, rules, PENATA_ENCODING_BINARY, NULL, &size));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_nip_rules_save_to_buffer(ctx, rules, PENATA_ENCODING_BINARY, &data, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_rules_load_from_buffer(ctx, NULL, 10, &rules_out));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_rules_load_from_buffer(ctx, bytes, 1, NULL));
    CHECK(rules_out == NULL && data == NULL && size == 12345);

    /* An encoding that does not exist. */
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_save(ctx, wf, path, 7));
    CHECK(CONTAINS(penata_context_last_error(ctx), "encoding") && CONTAINS(penata_context_last_error(ctx), "7"));
    CHECK(!file_exists(path));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_save(ctx, wf, path, -1));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_workforce_save_to_buffer(ctx, wf, 7, &data, &size));
    CHECK(CONTAINS(penata_context_last_error(ctx), "encoding"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_rules_save(ctx, rules, path, 7));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_rules_save_to_buffer(ctx, rules, 7, &data, &size));
    CHECK(data == NULL && size == 12345);
    CHECK(!file_exists(path));

    /* A successful call clears the last error. */
    CHECK_OK(ctx, penata_nip_rules_save_to_buffer(ctx, rules, PENATA_ENCODING_PORTABLE, &data, &size));
    CHECK(penata_context_last_status(ctx) == PENATA_OK && strcmp(penata_context_last_error(ctx), "") == 0);
    penata_free(data);

    /* Destroying NULL and freeing NULL do nothing. */
    penata_workforce_destroy(NULL);
    penata_nip_rules_destroy(NULL);
    penata_free(NULL);
    penata_nip_rules_destroy(rules);
}

int main(int argc, char **argv) {
    penata_context *ctx = NULL;
    penata_workforce *wf = NULL;
    if (argc > 1) dir = argv[1];

    REQUIRE_OK(ctx, penata_context_create(&ctx));
    REQUIRE_OK(ctx, penata_sample_bengkulu(ctx, N, 7, &wf));
    test_round_trips(ctx, wf);
    test_empty_and_replace(ctx, wf);
    test_bad_input(ctx, wf);
    test_wrong_type(ctx, wf);
    test_nip_rules(ctx);
    test_arguments(ctx, wf);
    penata_workforce_destroy(wf);
    penata_context_destroy(ctx);
    return check_summary("archive");
}
