/* C API: competency framework, position standards, assessments, gap rules, the gap/JPM kernel,
 * gap analysis, training needs and candidate ranking. */
#include <math.h>

#include "employees.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

/* Days since 1970-01-01. */
#define DAY_2024_12_31 20088
#define DAY_2025_01_15 20103
#define DAY_2025_06_30 20269

#define NIP_BUDI 198609262015051001ULL
#define NIP_SITI 199009132025242014ULL
#define NIP_AHMAD 197503121999031002ULL

/* True when the last call's issues include `rule` at `row` (row -2: any row). */
static int has_issue(penata_context *ctx, const char *rule, int64_t row) {
    size_t i, n = penata_context_issue_count(ctx);
    penata_issue issue;
    for (i = 0; i < n; ++i)
        if (penata_context_issue(ctx, i, &issue) == PENATA_OK && strcmp(issue.rule, rule) == 0 &&
            (row == -2 || issue.row == row))
            return 1;
    return 0;
}

static int rule_is(penata_context *ctx, const char *rule) {
    return strcmp(penata_context_last_error_rule(ctx), rule) == 0;
}

static void test_code_text(void) {
    CHECK(strcmp(penata_competency_code_text(PENATA_COMPETENCY_KIND_TYPE, PENATA_COMPETENCY_SOSIAL_KULTURAL),
                 "sosial_kultural") == 0);
    CHECK(strcmp(penata_competency_code_text(PENATA_COMPETENCY_KIND_METHOD, PENATA_METHOD_UJI_KOMPETENSI),
                 "uji_kompetensi") == 0);
    CHECK(strcmp(penata_competency_code_text(PENATA_COMPETENCY_KIND_JPM_SCHEME, PENATA_JPM_SCHEME_SELECTION),
                 "selection") == 0);
    CHECK(strcmp(penata_competency_code_text(PENATA_COMPETENCY_KIND_JPM_CATEGORY, PENATA_JPM_CUKUP_OPTIMAL),
                 "cukup_optimal") == 0);
    CHECK(strcmp(penata_competency_code_text(PENATA_COMPETENCY_KIND_JPM_CATEGORY, PENATA_JPM_KMS), "kms") == 0);
    CHECK(strcmp(penata_competency_code_text(PENATA_COMPETENCY_KIND_MISSING_POLICY, PENATA_MISSING_REFUSE),
                 "refuse") == 0);
    CHECK(penata_competency_code_text(PENATA_COMPETENCY_KIND_JPM_CATEGORY, 6) == NULL);
    CHECK(penata_competency_code_text(PENATA_COMPETENCY_KIND_TYPE, -1) == NULL);
    CHECK(penata_competency_code_text(99, 0) == NULL);
}

static void test_framework(penata_context *ctx) {
    penata_competency_framework *fw = NULL, *copy = NULL, *empty = NULL;
    const char *s = NULL;
    const char *const levels[5] = {"tahu", "paham", "mampu", "mahir", "ahli"};
    const char *const bad_levels[5] = {"a", "b", NULL, "d", "e"};
    char *json = NULL, *json2 = NULL, *csv = NULL;
    size_t n = 0, index = 0, len = 0;
    int type = -1;

    REQUIRE_OK(ctx, penata_competency_framework_builtin(ctx, &fw));
    CHECK_OK(ctx, penata_competency_framework_size(ctx, fw, &n));
    CHECK(n == 9);
    CHECK_OK(ctx, penata_competency_framework_code(ctx, fw, 0, &s));
    CHECK(s && strcmp(s, "M.01") == 0);
    CHECK_OK(ctx, penata_competency_framework_name(ctx, fw, 0, &s));
    CHECK(s && strcmp(s, "Integritas") == 0);
    CHECK_OK(ctx, penata_competency_framework_type(ctx, fw, 0, &type));
    CHECK(type == PENATA_COMPETENCY_MANAJERIAL);
    CHECK_OK(ctx, penata_competency_framework_code(ctx, fw, 8, &s));
    CHECK(s && strcmp(s, "SK.01") == 0);
    CHECK_OK(ctx, penata_competency_framework_type(ctx, fw, 8, &type));
    CHECK(type == PENATA_COMPETENCY_SOSIAL_KULTURAL);
    CHECK_OK(ctx, penata_competency_framework_level_text(ctx, fw, 0, 5, &s));
    CHECK(s && strlen(s) > 0);
    CHECK_OK(ctx, penata_competency_framework_find(ctx, fw, "M.03", &index));
    CHECK(index == 2);
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_competency_framework_find(ctx, fw, "X.99", &index));
    CHECK(CONTAINS(penata_context_last_error(ctx), "X.99"));
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_competency_framework_code(ctx, fw, 9, &s));
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_competency_framework_level_text(ctx, fw, 0, 0, &s));
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_competency_framework_level_text(ctx, fw, 0, 6, &s));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_competency_framework_find(ctx, fw, NULL, &index));
    CHECK(CONTAINS(penata_context_last_error(ctx), "code"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_competency_framework_size(ctx, NULL, &n));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_competency_framework_size(NULL, fw, &n));

    /* Adding: a teknis competency with level texts; refusals leave the framework as it was. */
    CHECK_OK(ctx, penata_competency_framework_add(ctx, fw, "T.01", "Analisis Jabatan", PENATA_COMPETENCY_TEKNIS,
                                                  levels, &index));
    CHECK(index == 9);
    CHECK_OK(ctx, penata_competency_framework_level_text(ctx, fw, 9, 3, &s));
    CHECK(s && strcmp(s, "mampu") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_competency_framework_add(ctx, fw, "M.01", "Lagi", PENATA_COMPETENCY_TEKNIS, NULL, NULL));
    CHECK(rule_is(ctx, "competency.code_duplicate"));
    CHECK(strcmp(penata_context_last_error_field(ctx), "code") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_competency_framework_add(ctx, fw, "T 02", "Spasi", PENATA_COMPETENCY_TEKNIS, NULL, NULL));
    CHECK(rule_is(ctx, "competency.code"));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_competency_framework_add(ctx, fw, "T.02", "", PENATA_COMPETENCY_TEKNIS, NULL, NULL));
    CHECK(rule_is(ctx, "competency.name"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_competency_framework_add(ctx, fw, "T.02", "Tipe", 3, NULL, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_competency_framework_add(ctx, fw, "T.02", "Level", PENATA_COMPETENCY_TEKNIS, bad_levels, NULL));
    CHECK(CONTAINS(penata_context_last_error(ctx), "levels[2]"));
    CHECK_OK(ctx, penata_competency_framework_size(ctx, fw, &n));
    CHECK(n == 10);

    /* JSON round trip, then bad JSON. */
    CHECK_OK(ctx, penata_competency_framework_to_json(ctx, fw, &json, &len));
    CHECK(json && strlen(json) == len && CONTAINS(json, "\"T.01\""));
    CHECK_OK(ctx, penata_competency_framework_from_json(ctx, json, len, &copy));
    CHECK_OK(ctx, penata_competency_framework_to_json(ctx, copy, &json2, NULL));
    CHECK(json2 && strcmp(json, json2) == 0);
    penata_competency_framework_destroy(copy);
    copy = NULL;
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_competency_framework_from_json(ctx, "{\"competencies\": [", 18, &copy));
    CHECK(copy == NULL);
    {
        const char *t = "{\"penata_competencies\": 1, \"competencies\": [{\"code\": \"K.01\", \"name\": \"Kode\", "
                        "\"type\": \"teknikal\"}]}";
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_competency_framework_from_json(ctx, t, strlen(t), &copy));
        CHECK(rule_is(ctx, "competency.type"));
        CHECK(strcmp(penata_context_last_error_field(ctx), "competencies[0].type") == 0);
        CHECK(copy == NULL);
    }
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_competency_framework_from_json(ctx, NULL, 5, &copy));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_competency_framework_to_json(ctx, fw, NULL, NULL));

    /* CSV round trip, then a bad row. */
    CHECK_OK(ctx, penata_competency_framework_to_csv(ctx, fw, &csv, &len));
    CHECK(csv && strlen(csv) == len && strncmp(csv, "code,name,type", 14) == 0);
    CHECK_OK(ctx, penata_competency_framework_from_csv(ctx, csv, len, &copy));
    CHECK_OK(ctx, penata_competency_framework_size(ctx, copy, &n));
    CHECK(n == 10);
    CHECK_OK(ctx, penata_competency_framework_find(ctx, copy, "T.01", &index));
    CHECK(index == 9);
    penata_competency_framework_destroy(copy);
    copy = NULL;
    {
        const char *t = "code,name,type\nK.01,Kode,teknis\nK.02,Lain,teknikal\n";
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_competency_framework_from_csv(ctx, t, strlen(t), &copy));
        CHECK(rule_is(ctx, "competency.type"));
        CHECK(has_issue(ctx, "competency.type", 2));
        CHECK(copy == NULL);
        t = "code,name\nK.01,Kode\n";
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_competency_framework_from_csv(ctx, t, strlen(t), &copy));
        CHECK(rule_is(ctx, "competency.column_missing"));
    }

    /* An empty framework. */
    CHECK_OK(ctx, penata_competency_framework_create(ctx, &empty));
    CHECK_OK(ctx, penata_competency_framework_size(ctx, empty, &n));
    CHECK(n == 0);

    penata_free(json);
    penata_free(json2);
    penata_free(csv);
    penata_competency_framework_destroy(empty);
    penata_competency_framework_destroy(fw);
    penata_competency_framework_destroy(NULL);
}

static void test_standards(penata_context *ctx, const penata_competency_framework *fw) {
    penata_position_standards *st = NULL, *copy = NULL;
    uint8_t req[9], small[5];
    char *json = NULL, *json2 = NULL;
    size_t len = 0, i;
    int all = 1;

    REQUIRE_OK(ctx, penata_position_standards_create(ctx, fw, &st));
    /* Built-in defaults (ASN-RULES.md 3.1, MEMORY): administrator 3, JF ahli muda 2. */
    CHECK_OK(ctx, penata_position_standards_required(ctx, st, PENATA_POSITION_ADMINISTRATOR, PENATA_LEVEL_NONE, NULL,
                                                     req, 9));
    for (i = 0; i < 9; ++i) all &= req[i] == 3;
    CHECK(all);
    CHECK_OK(ctx, penata_position_standards_required(ctx, st, PENATA_POSITION_FUNGSIONAL, PENATA_LEVEL_AHLI_MUDA, "",
                                                     req, 9));
    CHECK(req[0] == 2 && req[8] == 2);
    CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL,
                 penata_position_standards_required(ctx, st, PENATA_POSITION_PENGAWAS, PENATA_LEVEL_NONE, NULL, small,
                                                    5));
    CHECK(CONTAINS(penata_context_last_error(ctx), "9"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_position_standards_required(ctx, st, PENATA_POSITION_PENGAWAS, PENATA_LEVEL_NONE, NULL, NULL,
                                                    9));
    /* A fungsional needs a jenjang, nobody else has one; codes out of range are refused too. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_position_standards_required(ctx, st, PENATA_POSITION_FUNGSIONAL, PENATA_LEVEL_NONE, NULL, req,
                                                    9));
    CHECK(rule_is(ctx, "standards.position"));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_position_standards_required(ctx, st, PENATA_POSITION_PELAKSANA, PENATA_LEVEL_AHLI_MUDA, NULL,
                                                    req, 9));
    CHECK(rule_is(ctx, "standards.position"));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_position_standards_required(ctx, st, 262, PENATA_LEVEL_AHLI_MUDA, NULL, req, 9));
    CHECK(rule_is(ctx, "standards.position"));
    CHECK(strcmp(penata_context_last_error_field(ctx), "position_class") == 0);

    /* Overrides by position name. */
    CHECK_OK(ctx, penata_position_standards_set_override(ctx, st, "Analis Kebijakan", "M.01", 4));
    CHECK_OK(ctx, penata_position_standards_required(ctx, st, PENATA_POSITION_FUNGSIONAL, PENATA_LEVEL_AHLI_PERTAMA,
                                                     "Analis Kebijakan", req, 9));
    CHECK(req[0] == 4 && req[1] == 1);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_position_standards_set_override(ctx, st, "Analis", "X.99", 3));
    CHECK(rule_is(ctx, "standards.unknown_competency"));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_position_standards_set_override(ctx, st, "Analis", "M.01", 6));
    CHECK(rule_is(ctx, "standards.level"));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_position_standards_set_override(ctx, st, "Analis", "M.01", -1));
    CHECK(rule_is(ctx, "standards.level"));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_position_standards_set_override(ctx, st, "Analis", "M.01", 260));
    CHECK(rule_is(ctx, "standards.level"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_position_standards_set_override(ctx, st, NULL, "M.01", 1));

    /* Defaults by type and position kind. */
    CHECK_OK(ctx, penata_position_standards_set_default(ctx, st, PENATA_COMPETENCY_MANAJERIAL,
                                                        PENATA_POSITION_PENGAWAS, PENATA_LEVEL_NONE, 3));
    CHECK_OK(ctx, penata_position_standards_required(ctx, st, PENATA_POSITION_PENGAWAS, PENATA_LEVEL_NONE, NULL, req,
                                                     9));
    CHECK(req[0] == 3 && req[7] == 3 && req[8] == 2); /* SK.01 is sosial kultural: still 2 */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_position_standards_set_default(ctx, st, PENATA_COMPETENCY_MANAJERIAL, PENATA_POSITION_PENGAWAS,
                                                       PENATA_LEVEL_NONE, 6));
    CHECK(rule_is(ctx, "standards.level"));
    CHECK(strcmp(penata_context_last_error_field(ctx), "defaults.manajerial.pengawas") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_position_standards_set_default(ctx, st, PENATA_COMPETENCY_MANAJERIAL,
                                                       PENATA_POSITION_FUNGSIONAL, PENATA_LEVEL_NONE, 2));
    CHECK(rule_is(ctx, "standards.position"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_position_standards_set_default(ctx, st, 5, PENATA_POSITION_PENGAWAS, PENATA_LEVEL_NONE, 2));
    CHECK_OK(ctx, penata_position_standards_required(ctx, st, PENATA_POSITION_PENGAWAS, PENATA_LEVEL_NONE, NULL, req,
                                                     9));
    CHECK(req[0] == 3);

    /* Overrides from CSV, all or none. */
    {
        const char *good = "position_name,competency,level\r\nAnalis Kebijakan,M.02,5\r\n";
        const char *bad = "position_name,competency,level\nAnalis Kebijakan,M.03,5\nAnalis Kebijakan,X.99,2\n";
        CHECK_OK(ctx, penata_position_standards_add_overrides_csv(ctx, st, good, strlen(good)));
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_position_standards_add_overrides_csv(ctx, st, bad,
                                                                                             strlen(bad)));
        CHECK(rule_is(ctx, "standards.unknown_competency") && has_issue(ctx, "standards.unknown_competency", 2));
        CHECK_OK(ctx, penata_position_standards_required(ctx, st, PENATA_POSITION_FUNGSIONAL,
                                                         PENATA_LEVEL_AHLI_PERTAMA, "Analis Kebijakan", req, 9));
        CHECK(req[0] == 4 && req[1] == 5 && req[2] == 1); /* M.03 of the refused file not set */
    }

    /* JSON round trip, then bad JSON. */
    CHECK_OK(ctx, penata_position_standards_to_json(ctx, st, &json, &len));
    CHECK(json && CONTAINS(json, "\"Analis Kebijakan\""));
    CHECK_OK(ctx, penata_position_standards_from_json(ctx, fw, json, len, &copy));
    CHECK_OK(ctx, penata_position_standards_to_json(ctx, copy, &json2, NULL));
    CHECK(json2 && strcmp(json, json2) == 0);
    penata_position_standards_destroy(copy);
    copy = NULL;
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_position_standards_from_json(ctx, fw, "not json", 8, &copy));
    {
        const char *t = "{\"penata_standards\": 1, \"defaults\": {\"manajerial\": {}}}";
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_position_standards_from_json(ctx, fw, t, strlen(t), &copy));
        CHECK(strncmp(penata_context_last_error_rule(ctx), "ruleset.", 8) == 0);
    }
    CHECK(copy == NULL);

    penata_free(json);
    penata_free(json2);
    penata_position_standards_destroy(st);
    penata_position_standards_destroy(NULL);
}

static void test_assessments(penata_context *ctx, const penata_competency_framework *fw) {
    penata_assessments *as = NULL, *copy = NULL;
    const uint64_t nip[3] = {NIP_BUDI, NIP_BUDI, NIP_SITI};
    const uint16_t comp[3] = {0, 8, 2};
    const uint8_t level[3] = {3, 4, 2};
    const int32_t date[3] = {DAY_2025_01_15, DAY_2025_01_15, DAY_2024_12_31};
    const uint8_t method[3] = {PENATA_METHOD_ASSESSMENT_CENTRE, PENATA_METHOD_SELF, PENATA_METHOD_SUPERVISOR};
    uint64_t nip_out[3];
    uint16_t comp_out[3];
    uint8_t level_out[3], method_out[4];
    int32_t date_out[3];
    char *csv = NULL;
    size_t n = 0, len = 0;

    REQUIRE_OK(ctx, penata_assessments_create(ctx, fw, &as));
    CHECK_OK(ctx, penata_assessments_add(ctx, as, 3, nip, comp, level, date, method, DAY_2025_06_30));
    CHECK_OK(ctx, penata_assessments_size(ctx, as, &n));
    CHECK(n == 3);
    CHECK_OK(ctx, penata_assessments_columns(ctx, as, nip_out, comp_out, level_out, date_out, method_out, 3));
    CHECK(nip_out[2] == NIP_SITI && comp_out[1] == 8 && level_out[0] == 3 && date_out[2] == DAY_2024_12_31 &&
          method_out[1] == PENATA_METHOD_SELF);
    CHECK_OK(ctx, penata_assessments_columns(ctx, as, NULL, NULL, level_out, NULL, NULL, 3));
    CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL, penata_assessments_columns(ctx, as, nip_out, NULL, NULL, NULL, NULL,
                                                                              2));
    CHECK_OK(ctx, penata_assessments_columns(ctx, as, NULL, NULL, NULL, NULL, NULL, 0));
    CHECK_OK(ctx, penata_assessments_add(ctx, as, 0, NULL, NULL, NULL, NULL, NULL, DAY_2025_06_30));

    /* Method NULL: assessment centre. */
    {
        const uint64_t one_nip[1] = {NIP_AHMAD};
        const uint16_t one_comp[1] = {1};
        const uint8_t one_level[1] = {5};
        const int32_t one_date[1] = {DAY_2025_01_15};
        CHECK_OK(ctx, penata_assessments_add(ctx, as, 1, one_nip, one_comp, one_level, one_date, NULL, DAY_2025_06_30));
        CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL,
                     penata_assessments_columns(ctx, as, NULL, NULL, NULL, NULL, method_out, 3));
        CHECK_OK(ctx, penata_assessments_columns(ctx, as, NULL, NULL, NULL, NULL, method_out, 4));
        CHECK(method_out[3] == PENATA_METHOD_ASSESSMENT_CENTRE);
    }

    /* Every bad record is an issue, and nothing is added: level 0 and 6, an unknown competency
     * index, a date after today, NIP 0, method 9, a duplicate of a record in the history. */
    {
        const uint64_t bn[7] = {NIP_AHMAD, NIP_AHMAD, NIP_AHMAD, NIP_AHMAD, 0, NIP_AHMAD, NIP_BUDI};
        const uint16_t bc[7] = {3, 4, 99, 5, 6, 7, 0};
        const uint8_t bl[7] = {0, 6, 3, 3, 3, 3, 3};
        const int32_t bd[7] = {DAY_2025_01_15, DAY_2025_01_15, DAY_2025_01_15, DAY_2025_06_30 + 1,
                               DAY_2025_01_15, DAY_2025_01_15, DAY_2025_01_15};
        const uint8_t bm[7] = {0, 0, 0, 0, 0, 9, 0};
        penata_issue issue;
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_assessments_add(ctx, as, 7, bn, bc, bl, bd, bm,
                                                                        DAY_2025_06_30));
        CHECK(penata_context_issue_count(ctx) == 7);
        CHECK(rule_is(ctx, "assessment.level"));
        CHECK(strcmp(penata_context_last_error_field(ctx), "level") == 0);
        CHECK(has_issue(ctx, "assessment.level", 1) && has_issue(ctx, "assessment.level", 2));
        CHECK(has_issue(ctx, "assessment.competency", 3));
        CHECK(has_issue(ctx, "assessment.date_future", 4));
        CHECK(has_issue(ctx, "assessment.nip", 5));
        CHECK(has_issue(ctx, "assessment.method", 6));
        CHECK(has_issue(ctx, "assessment.duplicate", 7));
        CHECK_OK(ctx, penata_context_issue(ctx, 1, &issue));
        CHECK(issue.row == 2 && strcmp(issue.value, "6") == 0);
        CHECK_OK(ctx, penata_assessments_size(ctx, as, &n));
        CHECK(n == 4);
    }
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_assessments_add(ctx, as, 3, nip, NULL, level, date, method, DAY_2025_06_30));
    CHECK(CONTAINS(penata_context_last_error(ctx), "competency"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_assessments_add(ctx, NULL, 3, nip, comp, level, date, method, DAY_2025_06_30));

    /* CSV out and in. */
    CHECK_OK(ctx, penata_assessments_to_csv(ctx, as, &csv, &len));
    CHECK(csv && strncmp(csv, "nip,competency,level,date,method", 32) == 0 && CONTAINS(csv, "2024-12-31"));
    CHECK_OK(ctx, penata_assessments_create(ctx, fw, &copy));
    CHECK_OK(ctx, penata_assessments_add_csv(ctx, copy, csv, len, DAY_2025_06_30));
    CHECK_OK(ctx, penata_assessments_size(ctx, copy, &n));
    CHECK(n == 4);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_assessments_add_csv(ctx, copy, csv, len, DAY_2025_06_30));
    CHECK(rule_is(ctx, "assessment.duplicate"));
    {
        const char *t = "nip,competency,level,date,method\n197503121999031002,X.99,3,2025-01-15,self\n"
                        "197503121999031002,M.05,3,2025-02-30,self\n";
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_assessments_add_csv(ctx, copy, t, strlen(t), DAY_2025_06_30));
        CHECK(rule_is(ctx, "assessment.competency") && has_issue(ctx, "assessment.date", 2));
    }
    CHECK_OK(ctx, penata_assessments_size(ctx, copy, &n));
    CHECK(n == 4);

    penata_free(csv);
    penata_assessments_destroy(copy);
    penata_assessments_destroy(as);
    penata_assessments_destroy(NULL);
}

static void test_rules(penata_context *ctx) {
    penata_gap_rules *rules = NULL, *copy = NULL;
    char *json = NULL, *json2 = NULL, *edited = NULL, *at = NULL;
    size_t len = 0;
    const double jpm[5] = {95, 85, 50, NAN, 90};
    uint8_t cat[5], pot[5];

    REQUIRE_OK(ctx, penata_gap_rules_builtin(ctx, &rules));
    CHECK_OK(ctx, penata_gap_rules_to_json(ctx, rules, &json, &len));
    CHECK(json && CONTAINS(json, "\"penata_gap_rules\""));
    CHECK_OK(ctx, penata_gap_rules_from_json(ctx, json, len, &copy));
    CHECK_OK(ctx, penata_gap_rules_to_json(ctx, copy, &json2, NULL));
    CHECK(json2 && strcmp(json, json2) == 0);
    penata_gap_rules_destroy(copy);
    copy = NULL;

    /* A gap between the mapping bands: the second band starts at 79 instead of 78. */
    edited = (char *)malloc(len + 1);
    memcpy(edited, json, len + 1);
    at = strstr(edited, "\"from\": 78.0");
    CHECK(at != NULL);
    if (at) {
        at[9] = '9';
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_gap_rules_from_json(ctx, edited, len, &copy));
        CHECK(rule_is(ctx, "ruleset.band_gap"));
        CHECK(strcmp(penata_context_last_error_field(ctx), "mapping.bands[1].from") == 0);
    }
    CHECK_STATUS(ctx, PENATA_ERR_FORMAT, penata_gap_rules_from_json(ctx, "{", 1, &copy));
    CHECK(copy == NULL);

    /* Categories and potential (mapping 90 / 78; potential the same cut-offs, UNCERTAIN). */
    CHECK_OK(ctx, penata_jpm_categories(ctx, rules, 5, jpm, cat, pot));
    CHECK(cat[0] == PENATA_JPM_OPTIMAL && cat[1] == PENATA_JPM_CUKUP_OPTIMAL && cat[2] == PENATA_JPM_KURANG_OPTIMAL &&
          cat[3] == PENATA_NO_CODE && cat[4] == PENATA_JPM_OPTIMAL);
    CHECK(pot[0] == PENATA_POTENTIAL_TINGGI && pot[1] == PENATA_POTENTIAL_MENENGAH &&
          pot[2] == PENATA_POTENTIAL_RENDAH && pot[3] == PENATA_NO_CODE);
    CHECK_OK(ctx, penata_gap_rules_set_scheme(ctx, rules, PENATA_JPM_SCHEME_SELECTION));
    {
        const double sel[3] = {80, 79.99, 67.99};
        CHECK_OK(ctx, penata_jpm_categories(ctx, rules, 3, sel, cat, NULL));
        CHECK(cat[0] == PENATA_JPM_MS && cat[1] == PENATA_JPM_MMS && cat[2] == PENATA_JPM_KMS);
    }
    {
        const double neg[2] = {50, -1};
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_jpm_categories(ctx, rules, 2, neg, cat, pot));
        CHECK(rule_is(ctx, "jpm.range") && has_issue(ctx, "jpm.range", 2));
    }
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_jpm_categories(ctx, rules, 2, NULL, cat, pot));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_gap_rules_set_scheme(ctx, rules, 2));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_gap_rules_set_missing(ctx, rules, -1));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_gap_rules_set_training_min_hours(ctx, rules, -1));
    CHECK(rule_is(ctx, "ruleset.non_negative"));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_gap_rules_set_training_min_hours(ctx, rules, NAN));
    CHECK_OK(ctx, penata_gap_rules_set_training_min_hours(ctx, rules, 24));
    CHECK_OK(ctx, penata_gap_rules_set_cap_at_standard(ctx, rules, 1));
    CHECK_OK(ctx, penata_gap_rules_set_missing(ctx, rules, PENATA_MISSING_REFUSE));
    penata_free(json2);
    CHECK_OK(ctx, penata_gap_rules_to_json(ctx, rules, &json2, NULL));
    CHECK(json2 && CONTAINS(json2, "\"cap_at_standard\": true") && CONTAINS(json2, "\"scheme\": \"selection\"") &&
          CONTAINS(json2, "\"missing\": \"refuse\"") && CONTAINS(json2, "\"training_min_hours\": 24"));

    free(edited);
    penata_free(json);
    penata_free(json2);
    penata_gap_rules_destroy(rules);
    penata_gap_rules_destroy(NULL);
}

static void test_kernel(penata_context *ctx, const penata_gap_rules *rules) {
    penata_gap_rules *capped = NULL;
    int8_t gaps[6];
    double jpm[2];
    uint8_t missing[2];

    /* JPM = sum achieved / sum required x 100: achieved 3,2 vs required 3,3 = 5/6 = 83.33%. */
    {
        const uint8_t a[2] = {3, 2}, r[2] = {3, 3};
        CHECK_OK(ctx, penata_gap_jpm(ctx, rules, 1, 2, a, r, NULL, NULL, gaps, jpm, missing));
        CHECK(NEAR(jpm[0], 500.0 / 6.0));
        CHECK(gaps[0] == 0 && gaps[1] == -1 && missing[0] == 0);
    }
    /* Above the standard: achieved 4,2 vs 3,3 is 6/6 = 100% without the cap, 5/6 with it. */
    {
        const uint8_t a[2] = {4, 2}, r[2] = {3, 3};
        CHECK_OK(ctx, penata_gap_jpm(ctx, rules, 1, 2, a, r, NULL, NULL, gaps, jpm, NULL));
        CHECK(NEAR(jpm[0], 100.0) && gaps[0] == 1);
        REQUIRE_OK(ctx, penata_gap_rules_builtin(ctx, &capped));
        CHECK_OK(ctx, penata_gap_rules_set_cap_at_standard(ctx, capped, 1));
        CHECK_OK(ctx, penata_gap_jpm(ctx, capped, 1, 2, a, r, NULL, NULL, gaps, jpm, NULL));
        CHECK(NEAR(jpm[0], 500.0 / 6.0) && gaps[0] == 1); /* the gap itself is not capped */
    }
    /* Two employees x 3 competencies: the second lacks a required level (never counted as 0);
     * a competency not required has no gap. */
    {
        const uint8_t a[6] = {3, 1, 4, 2, 0, 2}, r[6] = {2, 2, 4, 2, 2, 0};
        CHECK_OK(ctx, penata_gap_jpm(ctx, rules, 2, 3, a, r, NULL, NULL, gaps, jpm, missing));
        CHECK(NEAR(jpm[0], 100.0) && isnan(jpm[1]));
        CHECK(gaps[1] == -1 && gaps[4] == PENATA_NO_GAP && gaps[5] == PENATA_NO_GAP);
        CHECK(missing[0] == 0 && missing[1] == 1);
        CHECK_OK(ctx, penata_gap_jpm(ctx, rules, 2, 3, a, r, NULL, NULL, NULL, NULL, NULL));
    }
    /* Teknis weight by jenjang (JFKK 2020, ahli muda 50/50): M 2,1 of 2,2 = 75%, T 2 of 3 = 66.67%;
     * weighted 0.5 x 66.67 + 0.5 x 75 = 70.83; unweighted 5/7 = 71.43. */
    {
        const uint8_t a[3] = {2, 1, 2}, r[3] = {2, 2, 3}, teknis[3] = {0, 0, 1};
        const uint8_t muda[1] = {PENATA_LEVEL_AHLI_MUDA}, none[1] = {PENATA_LEVEL_NONE};
        CHECK_OK(ctx, penata_gap_jpm(ctx, rules, 1, 3, a, r, teknis, muda, NULL, jpm, NULL));
        CHECK(NEAR(jpm[0], 0.5 * 200.0 / 3.0 + 0.5 * 75.0));
        CHECK_OK(ctx, penata_gap_jpm(ctx, rules, 1, 3, a, r, teknis, none, NULL, jpm, NULL));
        CHECK(NEAR(jpm[0], 500.0 / 7.0));
        CHECK_OK(ctx, penata_gap_jpm(ctx, rules, 1, 3, a, r, teknis, NULL, NULL, jpm, NULL));
        CHECK(NEAR(jpm[0], 500.0 / 7.0));
    }
    /* Bad values: levels 6 and 7, teknis flag 2, an unknown jenjang; nothing is written. */
    {
        const uint8_t a[4] = {6, 2, 3, 3}, r[4] = {3, 3, 3, 7}, teknis[2] = {0, 2}, lvl[2] = {0, 9};
        jpm[0] = jpm[1] = -1;
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_gap_jpm(ctx, rules, 2, 2, a, r, teknis, lvl, NULL, jpm, NULL));
        CHECK(penata_context_issue_count(ctx) == 4);
        CHECK(rule_is(ctx, "achieved.range"));
        CHECK(has_issue(ctx, "achieved.range", 1) && has_issue(ctx, "required.range", 2));
        CHECK(has_issue(ctx, "teknis.known", 2) && has_issue(ctx, "position_level.known", 2));
        CHECK(jpm[0] == -1 && jpm[1] == -1);
    }
    {
        const uint8_t a[2] = {3, 2};
        CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_gap_jpm(ctx, rules, 1, 2, a, NULL, NULL, NULL, NULL, jpm,
                                                                      NULL));
        CHECK(CONTAINS(penata_context_last_error(ctx), "required"));
        CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_gap_jpm(ctx, NULL, 1, 2, a, a, NULL, NULL, NULL, jpm,
                                                                      NULL));
        CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                     penata_gap_jpm(ctx, rules, (size_t)-1, 2, a, a, NULL, NULL, NULL, NULL, NULL));
        CHECK_OK(ctx, penata_gap_jpm(ctx, rules, 0, 9, NULL, NULL, NULL, NULL, NULL, NULL, NULL));
    }
    penata_gap_rules_destroy(capped);
}

/* BKD with sub-unit BKD.MUTASI; Budi (JF ahli pertama, III/a, 24.5 JP) and Ahmad (administrator,
 * IV/a, 40 JP) in BKD, Siti (PPPK pelaksana, 0 JP) in BKD.MUTASI. */
static penata_workforce *small_workforce(penata_context *ctx) {
    penata_workforce *wf = NULL;
    penata_record *rec = NULL;
    REQUIRE_OK(ctx, penata_workforce_create(ctx, NULL, &wf));
    REQUIRE_OK(ctx, penata_workforce_add_unit(ctx, wf, "BKD", "Badan Kepegawaian Daerah", NULL, NULL));
    REQUIRE_OK(ctx, penata_workforce_add_unit(ctx, wf, "BKD.MUTASI", "Bidang Mutasi", "BKD", NULL));
    REQUIRE_OK(ctx, penata_record_create(ctx, &rec));
    REQUIRE_OK(ctx, set_record(ctx, rec, EMP_BUDI));
    REQUIRE_OK(ctx, penata_workforce_add(ctx, wf, rec, NULL));
    REQUIRE_OK(ctx, set_record(ctx, rec, EMP_SITI));
    REQUIRE_OK(ctx, penata_workforce_add(ctx, wf, rec, NULL));
    REQUIRE_OK(ctx, set_record(ctx, rec, EMP_AHMAD));
    REQUIRE_OK(ctx, penata_workforce_add(ctx, wf, rec, NULL));
    penata_record_destroy(rec);
    return wf;
}

/* Budi: every competency at 1 (his standard). Siti: 1 on all but M.03 and SK.01. Ahmad: the
 * administrator worked example 4,4,3,3,3,2,2,3,3 against 3 x 9 = 27: 27/27 = 100%, capped 25/27. */
static penata_assessments *small_history(penata_context *ctx, const penata_competency_framework *fw) {
    penata_assessments *as = NULL;
    uint64_t nip[25];
    uint16_t comp[25];
    uint8_t level[25];
    int32_t date[25];
    const uint8_t ahmad[9] = {4, 4, 3, 3, 3, 2, 2, 3, 3};
    size_t n = 0, j;
    for (j = 0; j < 9; ++j) {
        nip[n] = NIP_BUDI, comp[n] = (uint16_t)j, level[n] = 1, date[n++] = DAY_2025_01_15;
        if (j != 2 && j != 8) nip[n] = NIP_SITI, comp[n] = (uint16_t)j, level[n] = 1, date[n++] = DAY_2025_01_15;
        nip[n] = NIP_AHMAD, comp[n] = (uint16_t)j, level[n] = ahmad[j], date[n++] = DAY_2025_01_15;
    }
    REQUIRE_OK(ctx, penata_assessments_create(ctx, fw, &as));
    REQUIRE_OK(ctx, penata_assessments_add(ctx, as, n, nip, comp, level, date, NULL, DAY_2025_06_30));
    return as;
}

static void test_analysis(penata_context *ctx, const penata_competency_framework *fw) {
    penata_workforce *wf = small_workforce(ctx);
    penata_assessments *as = small_history(ctx, fw);
    penata_position_standards *st = NULL;
    penata_gap_rules *rules = NULL;
    penata_gap_result *result = NULL, *other = NULL;
    penata_missing_assessment m;
    uint32_t rows[3];
    uint64_t nips[3];
    double jpm[3];
    uint8_t cat[3], pot[3], achieved[27], required[27], latest[18];
    int8_t gaps[27];
    size_t n = 0, k = 0;

    REQUIRE_OK(ctx, penata_position_standards_create(ctx, fw, &st));
    REQUIRE_OK(ctx, penata_gap_rules_builtin(ctx, &rules));

    REQUIRE_OK(ctx, penata_gap_analysis(ctx, wf, as, st, rules, DAY_2025_06_30, NULL, 0, &result));
    CHECK_OK(ctx, penata_gap_result_size(ctx, result, &n, &k));
    CHECK(n == 3 && k == 9);
    CHECK_OK(ctx, penata_gap_result_columns(ctx, result, rows, nips, jpm, cat, pot, 3));
    CHECK(rows[0] == 0 && rows[2] == 2 && nips[1] == NIP_SITI);
    CHECK(NEAR(jpm[0], 100.0) && isnan(jpm[1]) && NEAR(jpm[2], 100.0));
    CHECK(cat[0] == PENATA_JPM_OPTIMAL && cat[1] == PENATA_NO_CODE && cat[2] == PENATA_JPM_OPTIMAL);
    CHECK(pot[0] == PENATA_POTENTIAL_TINGGI && pot[1] == PENATA_NO_CODE && pot[2] == PENATA_POTENTIAL_TINGGI);
    CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL, penata_gap_result_columns(ctx, result, NULL, NULL, jpm, NULL, NULL,
                                                                             2));
    CHECK_OK(ctx, penata_gap_result_matrices(ctx, result, achieved, required, gaps, 27));
    CHECK(achieved[18] == 4 && required[18] == 3 && gaps[18] == 1);  /* Ahmad, M.01 */
    CHECK(gaps[18 + 5] == -1 && gaps[18 + 8] == 0);                   /* M.06, SK.01 */
    CHECK(achieved[9 + 2] == 0 && gaps[9 + 2] == PENATA_NO_GAP);      /* Siti, M.03 */
    CHECK(required[0] == 1 && gaps[0] == 0);                           /* Budi, ahli pertama: 1 */
    CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL, penata_gap_result_matrices(ctx, result, NULL, NULL, gaps, 26));

    /* Siti is left out of the JPM, with the reason. */
    CHECK_OK(ctx, penata_gap_result_missing_count(ctx, result, &n));
    CHECK(n == 1);
    CHECK_OK(ctx, penata_gap_result_missing(ctx, result, 0, &m));
    CHECK(m.row == 1 && m.nip == NIP_SITI && m.competency_count == 2);
    CHECK(m.competencies && m.competencies[0] == 2 && m.competencies[1] == 8);
    CHECK(strcmp(m.reason, "not assessed on M.03, SK.01 as of 2025-06-30") == 0);
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_gap_result_missing(ctx, result, 1, &m));

    /* A selection of rows; an empty selection is nobody; a row out of range. */
    rows[0] = 2;
    CHECK_OK(ctx, penata_gap_analysis(ctx, wf, as, st, rules, DAY_2025_06_30, rows, 1, &other));
    CHECK_OK(ctx, penata_gap_result_size(ctx, other, &n, NULL));
    CHECK_OK(ctx, penata_gap_result_columns(ctx, other, NULL, nips, jpm, NULL, NULL, 1));
    CHECK(n == 1 && nips[0] == NIP_AHMAD && NEAR(jpm[0], 100.0));
    penata_gap_result_destroy(other);
    other = NULL;
    CHECK_OK(ctx, penata_gap_analysis(ctx, wf, as, st, rules, DAY_2025_06_30, rows, 0, &other));
    CHECK_OK(ctx, penata_gap_result_size(ctx, other, &n, &k));
    CHECK(n == 0 && k == 9);
    CHECK_OK(ctx, penata_gap_result_columns(ctx, other, NULL, NULL, NULL, NULL, NULL, 0));
    penata_gap_result_destroy(other);
    other = NULL;
    rows[0] = 3;
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_gap_analysis(ctx, wf, as, st, rules, DAY_2025_06_30, rows, 1,
                                                                &other));
    CHECK(other == NULL);

    /* Before the assessments nobody has a JPM. */
    CHECK_OK(ctx, penata_gap_analysis(ctx, wf, as, st, rules, DAY_2024_12_31, NULL, 0, &other));
    CHECK_OK(ctx, penata_gap_result_missing_count(ctx, other, &n));
    CHECK(n == 3);
    penata_gap_result_destroy(other);
    other = NULL;

    /* Capped at the standard: Ahmad 25/27 = 92.59%. */
    CHECK_OK(ctx, penata_gap_rules_set_cap_at_standard(ctx, rules, 1));
    CHECK_OK(ctx, penata_gap_analysis(ctx, wf, as, st, rules, DAY_2025_06_30, NULL, 0, &other));
    CHECK_OK(ctx, penata_gap_result_columns(ctx, other, NULL, NULL, jpm, cat, NULL, 3));
    CHECK(NEAR(jpm[2], 2500.0 / 27.0) && cat[2] == PENATA_JPM_OPTIMAL);
    penata_gap_result_destroy(other);
    other = NULL;
    CHECK_OK(ctx, penata_gap_rules_set_cap_at_standard(ctx, rules, 0));

    /* Policy refuse: one issue per missing cell, row = workforce row + 1. */
    CHECK_OK(ctx, penata_gap_rules_set_missing(ctx, rules, PENATA_MISSING_REFUSE));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_gap_analysis(ctx, wf, as, st, rules, DAY_2025_06_30, NULL, 0,
                                                                 &other));
    CHECK(other == NULL);
    CHECK(rule_is(ctx, "gaps.missing_assessment"));
    CHECK(penata_context_issue_count(ctx) == 2);
    {
        penata_issue issue;
        CHECK_OK(ctx, penata_context_issue(ctx, 0, &issue));
        CHECK(issue.row == 2 && strcmp(issue.field, "competency") == 0 && strcmp(issue.value, "M.03") == 0);
    }
    CHECK_OK(ctx, penata_gap_rules_set_missing(ctx, rules, PENATA_MISSING_EXCLUDE));

    /* Standards over another framework cannot be combined with this history. */
    {
        penata_competency_framework *fw2 = NULL;
        penata_position_standards *st2 = NULL;
        REQUIRE_OK(ctx, penata_competency_framework_builtin(ctx, &fw2));
        REQUIRE_OK(ctx, penata_competency_framework_add(ctx, fw2, "T.01", "Analisis Jabatan", PENATA_COMPETENCY_TEKNIS,
                                                        NULL, NULL));
        REQUIRE_OK(ctx, penata_position_standards_create(ctx, fw2, &st2));
        CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                     penata_gap_analysis(ctx, wf, as, st2, rules, DAY_2025_06_30, NULL, 0, &other));
        CHECK(rule_is(ctx, "gaps.framework_mismatch"));
        penata_position_standards_destroy(st2);
        penata_competency_framework_destroy(fw2);
    }
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_gap_analysis(ctx, wf, as, st, NULL, DAY_2025_06_30, NULL, 0,
                                                                       &other));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_gap_analysis(ctx, wf, as, st, rules, DAY_2025_06_30, NULL, 0,
                                                                       NULL));

    /* The latest levels of rows 2 and 0. */
    rows[0] = 2;
    rows[1] = 0;
    CHECK_OK(ctx, penata_assessments_latest(ctx, as, wf, DAY_2025_06_30, rows, 2, latest, 18));
    CHECK(latest[0] == 4 && latest[5] == 2 && latest[9] == 1);
    CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL, penata_assessments_latest(ctx, as, wf, DAY_2025_06_30, rows, 2,
                                                                             latest, 17));
    CHECK_OK(ctx, penata_assessments_latest(ctx, as, wf, DAY_2025_06_30, rows, 0, NULL, 0));

    /* Training needs per unit (BKD = 0 counts BKD.MUTASI = 1). */
    {
        penata_tna *tna = NULL;
        size_t needs = 0, units = 0, count = 0, i;
        uint32_t unit[18], req[18], assessed[18], n1[18], n2[18], n3[18];
        uint16_t comp[18];
        double mean[18], below[18], share[2], top_gap[5];
        uint32_t t_unit[2], t_emp[2], t_ok[2];
        uint16_t top[5];

        REQUIRE_OK(ctx, penata_training_needs(ctx, wf, result, rules, &tna));
        CHECK_OK(ctx, penata_tna_counts(ctx, tna, &needs, &units));
        CHECK(needs == 18 && units == 2);
        CHECK_OK(ctx, penata_tna_needs(ctx, tna, unit, comp, req, assessed, mean, below, n1, n2, n3, 18));
        /* BKD, M.06: required by 3, assessed 3 (gaps 0, 0, -1): mean -1/3, share below 1/3. */
        CHECK(unit[5] == 0 && comp[5] == 5 && req[5] == 3 && assessed[5] == 3);
        CHECK(NEAR(mean[5], -1.0 / 3.0) && NEAR(below[5], 1.0 / 3.0) && n1[5] == 1 && n2[5] == 0 && n3[5] == 0);
        /* BKD, M.03: Siti not assessed, so 2 of 3. */
        CHECK(comp[2] == 2 && req[2] == 3 && assessed[2] == 2 && NEAR(mean[2], 0.0));
        /* BKD.MUTASI, M.03: nobody assessed, no mean. */
        CHECK(unit[11] == 1 && comp[11] == 2 && req[11] == 1 && assessed[11] == 0 && isnan(mean[11]) &&
              isnan(below[11]));
        CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL,
                     penata_tna_needs(ctx, tna, NULL, NULL, NULL, NULL, mean, NULL, NULL, NULL, NULL, 17));
        CHECK_OK(ctx, penata_tna_needs(ctx, tna, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0));

        /* 20 JP: BKD 2 of 3 (Budi 24.5, Ahmad 40, Siti 0), BKD.MUTASI 0 of 1. */
        CHECK_OK(ctx, penata_tna_training(ctx, tna, t_unit, t_emp, t_ok, share, 2));
        CHECK(t_unit[0] == 0 && t_emp[0] == 3 && t_ok[0] == 2 && NEAR(share[0], 2.0 / 3.0));
        CHECK(t_unit[1] == 1 && t_emp[1] == 1 && t_ok[1] == 0 && NEAR(share[1], 0.0));
        CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL, penata_tna_training(ctx, tna, t_unit, NULL, NULL, NULL, 1));

        /* Largest gaps of BKD: M.06 and M.07 (-1/3 each, framework order); none in BKD.MUTASI. */
        CHECK_OK(ctx, penata_tna_largest_gaps(ctx, tna, 0, 5, top, top_gap, &count));
        CHECK(count == 2 && top[0] == 5 && top[1] == 6 && NEAR(top_gap[0], -1.0 / 3.0));
        CHECK_OK(ctx, penata_tna_largest_gaps(ctx, tna, 0, 1, top, NULL, &count));
        CHECK(count == 1 && top[0] == 5);
        CHECK_OK(ctx, penata_tna_largest_gaps(ctx, tna, 1, 5, top, top_gap, &count));
        CHECK(count == 0);
        CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_tna_largest_gaps(ctx, tna, 2, 5, top, top_gap, &count));
        CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_tna_largest_gaps(ctx, tna, 0, 5, top, top_gap, NULL));
        for (i = 0; i < 2; ++i) CHECK(t_emp[i] >= t_ok[i]);
        penata_tna_destroy(tna);
        penata_tna_destroy(NULL);

        /* A stricter 20 JP rule: 30 JP leaves only Ahmad. */
        CHECK_OK(ctx, penata_gap_rules_set_training_min_hours(ctx, rules, 30));
        REQUIRE_OK(ctx, penata_training_needs(ctx, wf, result, rules, &tna));
        CHECK_OK(ctx, penata_tna_training(ctx, tna, NULL, NULL, t_ok, NULL, 2));
        CHECK(t_ok[0] == 1);
        penata_tna_destroy(tna);
        tna = NULL;

        /* The result no longer matches a changed workforce. */
        CHECK_OK(ctx, penata_workforce_remove(ctx, wf, NIP_BUDI));
        CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_training_needs(ctx, wf, result, rules, &tna));
        CHECK(tna == NULL && CONTAINS(penata_context_last_error(ctx), "analyse it again"));
    }

    penata_gap_result_destroy(result);
    penata_gap_result_destroy(NULL);
    penata_gap_rules_destroy(rules);
    penata_position_standards_destroy(st);
    penata_assessments_destroy(as);
    penata_workforce_destroy(wf);
}

static void test_ranking(penata_context *ctx, const penata_competency_framework *fw) {
    penata_workforce *wf = small_workforce(ctx);
    penata_assessments *as = small_history(ctx, fw);
    penata_position_standards *st = NULL;
    penata_gap_rules *rules = NULL;
    penata_rank_options *opts = NULL;
    penata_ranking *ranking = NULL;
    penata_candidate c;
    size_t eligible = 0, ineligible = 0;
    uint32_t rows[3], shortfall[3], rank[3];
    uint64_t nips[3];
    double jpm[3];

    REQUIRE_OK(ctx, penata_position_standards_create(ctx, fw, &st));
    REQUIRE_OK(ctx, penata_gap_rules_builtin(ctx, &rules));

    /* Administrator (standard 3 x 9; golongan III/d .. IV/b): Ahmad (IV/a, 100%) is the one eligible;
     * Budi is III/a, Siti is not assessed on M.03 and SK.01. */
    REQUIRE_OK(ctx, penata_rank_candidates(ctx, wf, as, st, rules, PENATA_POSITION_ADMINISTRATOR, PENATA_LEVEL_NONE,
                                           NULL, DAY_2025_06_30, NULL, &ranking));
    CHECK_OK(ctx, penata_ranking_counts(ctx, ranking, &eligible, &ineligible));
    CHECK(eligible == 1 && ineligible == 2);
    CHECK_OK(ctx, penata_ranking_candidate(ctx, ranking, 0, &c));
    CHECK(c.nip == NIP_AHMAD && c.row == 2 && c.rank == 1 && NEAR(c.jpm, 100.0) && c.shortfall == 2);
    CHECK(strcmp(c.rule, "") == 0 && strcmp(c.reason, "") == 0);
    CHECK_OK(ctx, penata_ranking_candidate(ctx, ranking, 1, &c)); /* ineligible, by NIP: Budi, Siti */
    CHECK(c.nip == NIP_BUDI && c.rank == 0 && strcmp(c.rule, "rank.golongan") == 0 && CONTAINS(c.reason, "III/a"));
    CHECK(NEAR(c.jpm, 900.0 / 27.0) && c.shortfall == 18);
    CHECK_OK(ctx, penata_ranking_candidate(ctx, ranking, 2, &c));
    CHECK(c.nip == NIP_SITI && strcmp(c.rule, "rank.missing_assessment") == 0 && isnan(c.jpm));
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND, penata_ranking_candidate(ctx, ranking, 3, &c));
    CHECK_OK(ctx, penata_ranking_columns(ctx, ranking, rows, nips, jpm, shortfall, rank, 3));
    CHECK(rows[0] == 2 && nips[1] == NIP_BUDI && rank[0] == 1 && rank[2] == 0 && shortfall[1] == 18);
    CHECK_STATUS(ctx, PENATA_ERR_BUFFER_TOO_SMALL, penata_ranking_columns(ctx, ranking, rows, NULL, NULL, NULL, NULL,
                                                                          2));
    penata_ranking_destroy(ranking);
    ranking = NULL;

    /* Without the golongan check Budi ranks second; PNS only makes Siti's first reason her type. */
    REQUIRE_OK(ctx, penata_rank_options_create(ctx, &opts));
    CHECK_OK(ctx, penata_rank_options_set_check_golongan(ctx, opts, 0));
    CHECK_OK(ctx, penata_rank_options_set_employment_types(ctx, opts, PENATA_EMPLOYMENT_MASK_PNS));
    REQUIRE_OK(ctx, penata_rank_candidates(ctx, wf, as, st, rules, PENATA_POSITION_ADMINISTRATOR, PENATA_LEVEL_NONE,
                                           "", DAY_2025_06_30, opts, &ranking));
    CHECK_OK(ctx, penata_ranking_counts(ctx, ranking, &eligible, &ineligible));
    CHECK(eligible == 2 && ineligible == 1);
    CHECK_OK(ctx, penata_ranking_candidate(ctx, ranking, 1, &c));
    CHECK(c.nip == NIP_BUDI && c.rank == 2);
    CHECK_OK(ctx, penata_ranking_candidate(ctx, ranking, 2, &c));
    CHECK(strcmp(c.rule, "rank.employment_type") == 0 && CONTAINS(c.reason, "; "));
    penata_ranking_destroy(ranking);
    ranking = NULL;

    /* One unit without its sub-units. */
    CHECK_OK(ctx, penata_rank_options_set_unit(ctx, opts, "BKD"));
    CHECK_OK(ctx, penata_rank_options_set_include_subunits(ctx, opts, 0));
    CHECK_OK(ctx, penata_rank_options_set_employment_types(ctx, opts,
                                                           PENATA_EMPLOYMENT_MASK_PNS | PENATA_EMPLOYMENT_MASK_PPPK));
    REQUIRE_OK(ctx, penata_rank_candidates(ctx, wf, as, st, rules, PENATA_POSITION_ADMINISTRATOR, PENATA_LEVEL_NONE,
                                           NULL, DAY_2025_06_30, opts, &ranking));
    CHECK_OK(ctx, penata_ranking_counts(ctx, ranking, &eligible, &ineligible));
    CHECK(eligible == 2 && ineligible == 0);
    penata_ranking_destroy(ranking);
    ranking = NULL;

    /* Refusals: an unknown unit, a bad mask, a target that is not a position, one with no standard. */
    CHECK_OK(ctx, penata_rank_options_set_unit(ctx, opts, "DINKES"));
    CHECK_STATUS(ctx, PENATA_ERR_NOT_FOUND,
                 penata_rank_candidates(ctx, wf, as, st, rules, PENATA_POSITION_ADMINISTRATOR, PENATA_LEVEL_NONE, NULL,
                                        DAY_2025_06_30, opts, &ranking));
    CHECK(ranking == NULL && CONTAINS(penata_context_last_error(ctx), "DINKES"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_rank_options_set_employment_types(ctx, opts, 4));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_rank_candidates(ctx, wf, as, st, rules, PENATA_POSITION_FUNGSIONAL, PENATA_LEVEL_NONE, NULL,
                                        DAY_2025_06_30, NULL, &ranking));
    CHECK(rule_is(ctx, "standards.position"));
    CHECK_OK(ctx, penata_position_standards_set_default(ctx, st, PENATA_COMPETENCY_MANAJERIAL,
                                                        PENATA_POSITION_JPT_UTAMA, PENATA_LEVEL_NONE, 0));
    CHECK_OK(ctx, penata_position_standards_set_default(ctx, st, PENATA_COMPETENCY_SOSIAL_KULTURAL,
                                                        PENATA_POSITION_JPT_UTAMA, PENATA_LEVEL_NONE, 0));
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION,
                 penata_rank_candidates(ctx, wf, as, st, rules, PENATA_POSITION_JPT_UTAMA, PENATA_LEVEL_NONE, NULL,
                                        DAY_2025_06_30, NULL, &ranking));
    CHECK(rule_is(ctx, "rank.no_standard"));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT,
                 penata_rank_candidates(ctx, wf, NULL, st, rules, PENATA_POSITION_ADMINISTRATOR, PENATA_LEVEL_NONE,
                                        NULL,
                                        DAY_2025_06_30, NULL, &ranking));
    CHECK(ranking == NULL);

    penata_rank_options_destroy(opts);
    penata_rank_options_destroy(NULL);
    penata_ranking_destroy(NULL);
    penata_gap_rules_destroy(rules);
    penata_position_standards_destroy(st);
    penata_assessments_destroy(as);
    penata_workforce_destroy(wf);
}

/* Synthetic assessments: every employee of the sample assessed, the same seed the same records. */
static void test_sample(penata_context *ctx, const penata_gap_rules *rules) {
    penata_workforce *wf = NULL;
    penata_assessments *a = NULL, *b = NULL;
    penata_position_standards *st = NULL;
    penata_competency_framework *fw = NULL;
    penata_gap_result *result = NULL;
    size_t na = 0, nb = 0, missing = 1, n = 0;
    char *csv_a = NULL, *csv_b = NULL;
    size_t len_a = 0, len_b = 0;
    REQUIRE_OK(ctx, penata_sample_bengkulu(ctx, 300, 7, &wf));
    REQUIRE_OK(ctx, penata_sample_assessments(ctx, wf, 7, 2025, &a));
    REQUIRE_OK(ctx, penata_sample_assessments(ctx, wf, 7, 2025, &b));
    CHECK_OK(ctx, penata_assessments_size(ctx, a, &na));
    CHECK_OK(ctx, penata_assessments_size(ctx, b, &nb));
    CHECK(na >= 300 * 9 && na == nb);
    CHECK_OK(ctx, penata_assessments_to_csv(ctx, a, &csv_a, &len_a));
    CHECK_OK(ctx, penata_assessments_to_csv(ctx, b, &csv_b, &len_b));
    CHECK(csv_a && csv_b && len_a == len_b && memcmp(csv_a, csv_b, len_a) == 0);
    REQUIRE_OK(ctx, penata_competency_framework_builtin(ctx, &fw));
    REQUIRE_OK(ctx, penata_position_standards_create(ctx, fw, &st));
    REQUIRE_OK(ctx, penata_gap_analysis(ctx, wf, a, st, rules, 20269 /* 2025-06-30 */, NULL, 0, &result));
    CHECK_OK(ctx, penata_gap_result_size(ctx, result, &n, NULL));
    CHECK_OK(ctx, penata_gap_result_missing_count(ctx, result, &missing));
    CHECK(n == 300 && missing == 0);
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_sample_assessments(ctx, NULL, 7, 2025, &a));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_sample_assessments(ctx, wf, 7, 2025, NULL));
    penata_free(csv_a);
    penata_free(csv_b);
    penata_gap_result_destroy(result);
    penata_position_standards_destroy(st);
    penata_competency_framework_destroy(fw);
    penata_assessments_destroy(a);
    penata_assessments_destroy(b);
    penata_workforce_destroy(wf);
}

int main(void) {
    penata_context *ctx = NULL;
    penata_competency_framework *fw = NULL;
    penata_gap_rules *rules = NULL;
    if (penata_context_create(&ctx) != PENATA_OK) return 1;
    test_code_text();
    test_framework(ctx);
    REQUIRE_OK(ctx, penata_competency_framework_builtin(ctx, &fw));
    REQUIRE_OK(ctx, penata_gap_rules_builtin(ctx, &rules));
    test_standards(ctx, fw);
    test_assessments(ctx, fw);
    test_rules(ctx);
    test_kernel(ctx, rules);
    test_analysis(ctx, fw);
    test_ranking(ctx, fw);
    test_sample(ctx, rules);
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_competency_framework_builtin(NULL, &fw));
    penata_gap_rules_destroy(rules);
    penata_competency_framework_destroy(fw);
    penata_context_destroy(ctx);
    return check_summary("competency");
}
