/* C API: NIP parsing (Peraturan Kepala BKN 22/2007 and 43/2007; NI PPPK) and NIP rules. */
#include "check.h"

/* Parses a NIP that must be refused and checks the rule and that the message names the part. */
static void expect_bad(penata_context *ctx, const penata_nip_rules *rules, const char *nip, int type,
                       const char *rule, const char *part, int line) {
    penata_nip_parts parts;
    int s = penata_nip_parse(ctx, rules, nip, type, &parts);
    if (s != PENATA_ERR_VALIDATION || strcmp(penata_context_last_error_rule(ctx), rule) != 0 ||
        strcmp(penata_context_last_error_field(ctx), "nip") != 0 ||
        !CONTAINS(penata_context_last_error(ctx), part) || penata_context_issue_count(ctx) != 1) {
        ++check_failed;
        fprintf(stderr, "%s:%d: NIP %s: status %d, rule '%s' (expected %s, message with '%s')\n  last error: %s\n",
                __FILE__, line, nip, s, penata_context_last_error_rule(ctx), rule, part,
                penata_context_last_error(ctx));
    } else {
        ++check_passed;
    }
}
#define EXPECT_BAD(nip, type, rule, part) expect_bad(ctx, NULL, nip, type, rule, part, __LINE__)

static void test_parse_good(penata_context *ctx) {
    penata_nip_parts p;
    /* The worked example of the regulation's format: YYYYMMDD YYYYMM G NNN. */
    CHECK_OK(ctx, penata_nip_parse(ctx, NULL, "198609262015051001", PENATA_PNS, &p));
    CHECK(p.employment_type == PENATA_PNS);
    CHECK(p.birth_year == 1986 && p.birth_month == 9 && p.birth_day == 26);
    CHECK(p.birth_date == 6112); /* 1986-09-26 in days since 1970-01-01 */
    CHECK(p.tmt_year == 2015 && p.tmt_month == 5);
    CHECK(p.pppk_code == 0);
    CHECK(p.gender == PENATA_GENDER_L);
    CHECK(p.sequence == 1);

    /* NI PPPK paruh waktu (code 24): birth date, year of appointment, code, gender, sequence. */
    CHECK_OK(ctx, penata_nip_parse(ctx, NULL, "199009132025242014", PENATA_PPPK, &p));
    CHECK(p.employment_type == PENATA_PPPK);
    CHECK(p.birth_year == 1990 && p.birth_month == 9 && p.birth_day == 13);
    CHECK(p.tmt_year == 2025 && p.tmt_month == 0);
    CHECK(p.pppk_code == 24);
    CHECK(p.gender == PENATA_GENDER_P);
    CHECK(p.sequence == 14);

    /* Leap day, woman, sequence 999. */
    CHECK_OK(ctx, penata_nip_parse(ctx, NULL, "198802292010012999", PENATA_PNS, &p));
    CHECK(p.birth_month == 2 && p.birth_day == 29 && p.gender == PENATA_GENDER_P && p.sequence == 999);
}

static void test_parse_bad(penata_context *ctx) {
    penata_nip_parts p;
    memset(&p, 0x5a, sizeof p);
    /* 30 February does not exist. */
    EXPECT_BAD("198602302015051001", PENATA_PNS, "nip.birth_date", "19860230");
    /* 1987 is not a leap year. */
    EXPECT_BAD("198702292015051001", PENATA_PNS, "nip.birth_date", "birth date");
    /* TMT month 13. */
    EXPECT_BAD("198609262015131001", PENATA_PNS, "nip.tmt_month", "13");
    EXPECT_BAD("198609262015001001", PENATA_PNS, "nip.tmt_month", "00");
    /* Gender digit must be 1 or 2. */
    EXPECT_BAD("198609262015053001", PENATA_PNS, "nip.gender", "digit 15");
    /* Sequence starts at 001. */
    EXPECT_BAD("198609262015051000", PENATA_PNS, "nip.sequence", "000");
    /* Length and characters. */
    EXPECT_BAD("19860926201505100", PENATA_PNS, "nip.length", "17");
    EXPECT_BAD("1986092620150510011", PENATA_PNS, "nip.length", "19");
    EXPECT_BAD("19860926201505100A", PENATA_PNS, "nip.digits", "'A'");
    EXPECT_BAD("1986 09262015051001", PENATA_PNS, "nip.digits", "digits only");
    EXPECT_BAD("", PENATA_PNS, "nip.required", "empty");
    /* Appointed at 16: before the minimum age of 18. */
    EXPECT_BAD("198609262003051001", PENATA_PNS, "nip.tmt_age", "18");
    /* NI PPPK digits 13-14 are a code from the configured set, not a month. */
    EXPECT_BAD("199009132025052014", PENATA_PPPK, "nip.pppk_code", "05");
    /* The same digits as a PNS NIP are a month 24: refused as a month. */
    EXPECT_BAD("199009132025242014", PENATA_PNS, "nip.tmt_month", "24");
    /* The value is reported as given. */
    CHECK(penata_nip_parse(ctx, NULL, "198602302015051001", PENATA_PNS, &p) == PENATA_ERR_VALIDATION);
    {
        penata_issue issue;
        CHECK_OK(ctx, penata_context_issue(ctx, 0, &issue));
        CHECK(strcmp(issue.value, "198602302015051001") == 0);
        CHECK(strcmp(issue.field, "nip") == 0);
        CHECK(issue.row == -1);
        CHECK(CONTAINS(issue.description, "nip.birth_date"));
    }
    CHECK(p.sequence == 0x5a5a5a5a); /* untouched on failure */

    /* Bad arguments. */
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_parse(ctx, NULL, NULL, PENATA_PNS, &p));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_parse(ctx, NULL, "198609262015051001", PENATA_PNS, NULL));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_parse(ctx, NULL, "198609262015051001", 2, &p));
    CHECK(CONTAINS(penata_context_last_error(ctx), "employment_type"));
}

static void test_rules(penata_context *ctx) {
    penata_nip_rules *rules = NULL;
    penata_nip_parts p;
    const int codes[] = {21, 24, 13};
    const int bad_codes[] = {21, 100};

    REQUIRE_OK(ctx, penata_nip_rules_create(ctx, &rules));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_rules_create(ctx, NULL));

    /* Code 13 is refused by default and accepted once configured. */
    expect_bad(ctx, rules, "199009132025132014", PENATA_PPPK, "nip.pppk_code", "13", __LINE__);
    CHECK_OK(ctx, penata_nip_rules_set_pppk_codes(ctx, rules, codes, 3));
    CHECK_OK(ctx, penata_nip_parse(ctx, rules, "199009132025132014", PENATA_PPPK, &p));
    CHECK(p.pppk_code == 13);
    /* A code that is not two digits is refused and the rules keep their codes. */
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_nip_rules_set_pppk_codes(ctx, rules, bad_codes, 2));
    CHECK(strcmp(penata_context_last_error_field(ctx), "pppk_codes") == 0);
    CHECK_OK(ctx, penata_nip_parse(ctx, rules, "199009132025132014", PENATA_PPPK, &p));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_rules_set_pppk_codes(ctx, rules, NULL, 2));
    /* An empty set refuses every NI PPPK. */
    CHECK_OK(ctx, penata_nip_rules_set_pppk_codes(ctx, rules, NULL, 0));
    expect_bad(ctx, rules, "199009132025242014", PENATA_PPPK, "nip.pppk_code", "24", __LINE__);
    CHECK_OK(ctx, penata_nip_rules_set_pppk_codes(ctx, rules, codes, 2));

    /* Minimum age: appointed at 16 passes with a minimum of 16. */
    CHECK_OK(ctx, penata_nip_rules_set_min_age(ctx, rules, 16));
    CHECK_OK(ctx, penata_nip_parse(ctx, rules, "198609262003051001", PENATA_PNS, &p));
    CHECK_OK(ctx, penata_nip_rules_set_min_age(ctx, rules, 30));
    expect_bad(ctx, rules, "198609262015051001", PENATA_PNS, "nip.tmt_age", "30", __LINE__);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_nip_rules_set_min_age(ctx, rules, -1));
    CHECK(strcmp(penata_context_last_error_field(ctx), "min_age_at_tmt") == 0);
    expect_bad(ctx, rules, "198609262015051001", PENATA_PNS, "nip.tmt_age", "30", __LINE__); /* unchanged */

    /* Birth years. */
    CHECK_OK(ctx, penata_nip_rules_set_min_age(ctx, rules, 18));
    CHECK_OK(ctx, penata_nip_rules_set_birth_years(ctx, rules, 1950, 1980));
    expect_bad(ctx, rules, "198609262015051001", PENATA_PNS, "nip.birth_year", "1986", __LINE__);
    CHECK_STATUS(ctx, PENATA_ERR_VALIDATION, penata_nip_rules_set_birth_years(ctx, rules, 1990, 1980));
    CHECK_STATUS(ctx, PENATA_ERR_INVALID_ARGUMENT, penata_nip_rules_set_birth_years(ctx, NULL, 1950, 1980));

    penata_nip_rules_destroy(rules);
}

int main(int argc, char **argv) {
    penata_context *ctx = NULL;
    (void)argc;
    (void)argv;
    REQUIRE_OK(ctx, penata_context_create(&ctx));
    test_parse_good(ctx);
    test_parse_bad(ctx);
    test_rules(ctx);
    penata_context_destroy(ctx);
    return check_summary("nip");
}
