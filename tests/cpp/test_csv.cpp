#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "fixtures.hpp"
#include "penata/csv.hpp"
#include "penata/date.hpp"

using namespace penata;
using penata::testing::pns;
using penata::testing::pppk;
using penata::testing::small_units;

namespace {
const std::string kHeader =
    "nip,name,employment_type,gender,birth_date,tmt,golongan,position_class,position_level,"
    "position_name,unit_code,education,training_hours,discipline\n";
const std::string kRow1 =
    "198609262015051001,Ahmad Fauzi,PNS,L,1986-09-26,2015-05,III/a,fungsional,ahli_pertama,"
    "Analis SDM Aparatur,BKD-MUTASI,S1,24,none\n";
const std::string kRow2 =
    "199009132025242014,\"Rahmawati, Siti\",PPPK,P,1990-09-13,2025-03,IX,fungsional,ahli_pertama,"
    "Guru Ahli Pertama,DIKBUD,S1,12.5,none\n";

ImportReport load(const std::string& text, Workforce& wf, OnError mode = OnError::raise) {
    CsvOptions o;
    o.on_error = mode;
    return read_csv_text(text, wf, o);
}

std::string first_rule(const std::string& text) {
    Workforce wf(small_units());
    try {
        load(text, wf);
    } catch (const ValidationError& e) {
        EXPECT_EQ(wf.size(), 0u) << "raise mode must leave the workforce unchanged";
        return e.first().rule;
    }
    return "loaded";
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    s.replace(s.find(from), from.size(), to);
    return s;
}
}  // namespace

TEST(Csv, LoadsValidRowsWithQuotedCommas) {
    Workforce wf(small_units());
    const auto rep = load(kHeader + kRow1 + kRow2, wf);
    EXPECT_EQ(rep.rows_read, 2u);
    EXPECT_EQ(rep.rows_loaded, 2u);
    EXPECT_EQ(rep.rows_rejected, 0u);
    EXPECT_EQ(wf[1].name(), "Rahmawati, Siti");
    EXPECT_EQ(wf[1].training_hours(), 12.5);
}

TEST(Csv, AcceptsBomCrlfAndColumnsInAnyOrder) {
    std::string text = "\xEF\xBB\xBF";
    for (char c : kHeader + kRow1) text += c == '\n' ? std::string("\r\n") : std::string(1, c);
    Workforce wf(small_units());
    EXPECT_EQ(load(text, wf).rows_loaded, 1u);

    // Reverse the column order of header and row.
    auto split = [](const std::string& line) {
        std::vector<std::string> v;
        std::stringstream ss(line.substr(0, line.size() - 1));
        for (std::string f; std::getline(ss, f, ',');) v.push_back(f);
        return v;
    };
    auto h = split(kHeader), r = split(kRow1);
    std::string rh, rr;
    for (std::size_t i = h.size(); i-- > 0;) {
        rh += h[i] + (i ? "," : "\n");
        rr += r[i] + (i ? "," : "\n");
    }
    Workforce wf2(small_units());
    EXPECT_EQ(load(rh + rr, wf2).rows_loaded, 1u);
    EXPECT_EQ(wf2[0].name(), "Ahmad Fauzi");
}

TEST(Csv, QuotedNewlineInANameIsReadAndRefused) {
    const std::string row = replace(kRow1, "Ahmad Fauzi", "\"Ahmad\nFauzi\"");
    EXPECT_EQ(first_rule(kHeader + row), "name.chars");
}

TEST(Csv, EveryBadFieldIsNamed) {
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "198609262015051001", "198602302015051001")), "nip.birth_date");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "198609262015051001", "198609262015053001")), "nip.gender");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "198609262015051001", "198609262015051000")), "nip.sequence");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "198609262015051001", "19860926201505100")), "nip.length");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "198609262015051001", "1986092620150510011")), "nip.length");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "198609262015051001", "19860926201505100X")), "nip.digits");
    EXPECT_EQ(first_rule(kHeader + replace(replace(kRow1, "198609262015051001", "198609262004081001"), "2015-05", "2004-08")), "nip.tmt_age");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, ",PNS,", ",ASN,")), "employment_type.known");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, ",L,", ",X,")), "gender.known");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, ",L,", ",P,")), "gender.matches_nip");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "1986-09-26", "1986-09-31")), "birth_date.format");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "1986-09-26", "1986-09-25")), "birth_date.matches_nip");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "2015-05", "2015-5")), "tmt.format");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "2015-05", "2015-06")), "tmt.matches_nip");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "III/a", "V/a")), "golongan.known");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "fungsional", "direktur")), "position_class.known");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "ahli_pertama", "")), "position_level.required");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "ahli_pertama", "senior")), "position_level.known");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "Analis SDM Aparatur", "")), "position_name.required");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "BKD-MUTASI", "BKD-NOPE")), "unit_code.known");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, ",S1,", ",S4,")), "education.known");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, ",24,", ",-1,")), "training_hours.non_negative");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, ",24,", ",24jp,")), "training_hours.number");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, ",24,", ",,")), "training_hours.number");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, ",none", ",fired")), "discipline.known");
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, ",none", ",none,extra")), "row.field_count");
    EXPECT_EQ(first_rule(kHeader + kRow1 + kRow1), "nip.unique");
    EXPECT_EQ(first_rule(kHeader + kRow1 + kRow2), "loaded");
}

TEST(Csv, CollectModeKeepsGoodRowsAndReportsEveryBadField) {
    Workforce wf(small_units());
    const std::string bad = replace(replace(kRow1, "198609262015051001", "198609262015051002"), ",24,", ",-5,");
    const std::string worse = replace(replace(kRow2, "IX,", "XX,"), "DIKBUD", "NOPE");
    const auto rep = load(kHeader + kRow1 + bad + kRow1 + worse + kRow2, wf, OnError::collect);
    EXPECT_EQ(rep.rows_read, 5u);
    EXPECT_EQ(rep.rows_loaded, 2u);
    EXPECT_EQ(rep.rows_rejected, 3u);
    ASSERT_EQ(rep.issues.size(), 4u);
    EXPECT_EQ(rep.issues[0].row, 2);
    EXPECT_EQ(rep.issues[0].field, "training_hours");
    EXPECT_EQ(rep.issues[0].value, "-5");
    EXPECT_EQ(rep.issues[1].row, 3);
    EXPECT_EQ(rep.issues[1].rule, "nip.unique");
    EXPECT_EQ(rep.issues[2].row, 4);
    EXPECT_EQ(rep.issues[2].rule, "golongan.known");
    EXPECT_EQ(rep.issues[3].row, 4);
    EXPECT_EQ(rep.issues[3].rule, "unit_code.known");
    EXPECT_EQ(wf.size(), 2u);
}

TEST(Csv, StructuralProblemsAreFormatErrors) {
    Workforce wf(small_units());
    EXPECT_THROW(load("", wf), FormatError);
    EXPECT_THROW(load("\xEF\xBB\xBF", wf), FormatError);
    try {
        load(replace(kHeader, ",discipline", "") + kRow1, wf);
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("'discipline'"), std::string::npos) << e.what();
    }
    EXPECT_THROW(load(replace(kHeader, "name,", "name,name,") + kRow1, wf), FormatError);
    EXPECT_THROW(load("nip;name;employment_type\n1;2;3\n", wf), FormatError);
    EXPECT_THROW(load(kHeader + replace(kRow1, "Ahmad Fauzi", "\"Ahmad Fauzi"), wf), FormatError);
    EXPECT_THROW(load(kHeader + replace(kRow1, "Ahmad Fauzi", "Ahmad \"Fauzi\""), wf), FormatError);
    EXPECT_EQ(wf.size(), 0u);
}

TEST(Csv, UnknownColumnsAreReportedNotLost) {
    Workforce wf(small_units());
    const auto rep = load(replace(kHeader, "\n", ",remarks\n") + replace(kRow1, "\n", ",hello\n"), wf);
    EXPECT_EQ(rep.rows_loaded, 1u);
    EXPECT_EQ(rep.unknown_columns, std::vector<std::string>{"remarks"});
}

TEST(Csv, HugeFieldGivesAnErrorNotACrash) {
    const std::string big(10u << 20, 'x');
    EXPECT_EQ(first_rule(kHeader + replace(kRow1, "Ahmad Fauzi", big)), "name.length");
}

TEST(Csv, MissingUnitsCanBeCreatedExplicitly) {
    Workforce wf{Units()};
    CsvOptions o;
    o.create_missing_units = true;
    const auto rep = read_csv_text(kHeader + kRow1 + kRow2, wf, o);
    EXPECT_EQ(rep.rows_loaded, 2u);
    EXPECT_EQ(rep.created_units, (std::vector<std::string>{"BKD-MUTASI", "DIKBUD"}));
    EXPECT_EQ(wf.units().size(), 2u);
    // In raise mode a failure rolls back the rows and the units it created.
    Workforce wf2{Units()};
    EXPECT_THROW(read_csv_text(kHeader + kRow1 + replace(kRow2, ",IX,", ",XX,"), wf2, o), ValidationError);
    EXPECT_EQ(wf2.size(), 0u);
    EXPECT_EQ(wf2.units().size(), 0u);
}

TEST(Csv, WriteThenReadRoundTrips) {
    Workforce wf(small_units());
    Employee e = pppk();
    e.name = "Siti \"Ida\" Rahmawati, S.Pd.";
    wf.add(pns());
    wf.add(e);
    std::ostringstream out;
    write_csv(out, wf);
    Workforce back(small_units());
    EXPECT_EQ(load(out.str(), back).rows_loaded, 2u);
    for (std::size_t r = 0; r < 2; ++r)
        for (std::size_t f = 0; f < kFieldCount; ++f)
            EXPECT_EQ(field_text(wf[r].get(), Field(f)), field_text(back[r].get(), Field(f))) << kFieldNames[f];

    const std::string path = ::testing::TempDir() + "penata_roundtrip.csv";
    write_csv_file(path, wf);
    Workforce fromfile(small_units());
    EXPECT_EQ(read_csv_file(path, fromfile).rows_loaded, 2u);
    std::remove(path.c_str());
    EXPECT_THROW(read_csv_file("/nonexistent/dir/x.csv", fromfile), IoError);
    EXPECT_THROW(write_csv_file("/nonexistent/dir/x.csv", wf), IoError);
}

TEST(Csv, UnitsRoundTripAndRefuseBadRows) {
    std::ostringstream out;
    write_units_csv(out, small_units());
    std::istringstream in(out.str());
    const Units u = read_units_csv(in);
    ASSERT_EQ(u.size(), 4u);
    EXPECT_EQ(u.parent_code(u.at("BKD-MUTASI")), "BKD");

    std::istringstream child_first("code,name,parent_code\nA,Child,B\nB,Parent,\n");
    try {
        read_units_csv(child_first);
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.first().row, 1);
        EXPECT_EQ(e.first().rule, "unit.parent_known");
    }
    std::istringstream missing("code,name\nA,x\n");
    EXPECT_THROW(read_units_csv(missing), FormatError);
    std::istringstream empty("");
    EXPECT_THROW(read_units_csv(empty), FormatError);
}

namespace {
// n valid PNS rows with distinct NIPs (birth dates from 1980-01-01 on, sequences 001-999).
std::string many_rows(std::size_t n) {
    std::string text = kHeader;
    char line[256];
    for (std::size_t i = 0; i < n; ++i) {
        const CivilDate b = civil_from_days(days_from_civil(1980, 1, 1) + static_cast<std::int32_t>(i / 999));
        std::snprintf(line, sizeof line,
                      "%04d%02d%02d201505%d%03zu,Pegawai %zu,PNS,%s,%04d-%02d-%02d,2015-05,III/b,pelaksana,,"
                      "Pengadministrasi Umum,BKD,S1,%zu,none\n",
                      b.year, b.month, b.day, i % 2 ? 2 : 1, i % 999 + 1, i, i % 2 ? "P" : "L", b.year, b.month,
                      b.day, i % 40);
        text += line;
    }
    return text;
}
}  // namespace

TEST(Csv, PipelinedAndSingleThreadedGiveTheSameResult) {
    std::string text = many_rows(30000);
    // Two bad rows far apart, in different batches.
    text.replace(text.find(",17,none\n") + 1, 2, "-1");
    text.replace(text.rfind(",III/b,") + 1, 5, "III/x");
    for (OnError mode : {OnError::collect, OnError::raise}) {
        CsvOptions one, two;
        one.threads = 1;
        two.threads = 0;
        one.on_error = two.on_error = mode;
        Workforce a(small_units()), b(small_units());
        if (mode == OnError::raise) {
            EXPECT_THROW(read_csv_text(text, a, one), ValidationError);
            EXPECT_THROW(read_csv_text(text, b, two), ValidationError);
            EXPECT_EQ(a.size(), 0u);
            EXPECT_EQ(b.size(), 0u);
            continue;
        }
        const auto ra = read_csv_text(text, a, one), rb = read_csv_text(text, b, two);
        EXPECT_EQ(ra.rows_loaded, 29998u);
        EXPECT_EQ(rb.rows_loaded, 29998u);
        ASSERT_EQ(ra.issues.size(), 2u);
        ASSERT_EQ(rb.issues.size(), 2u);
        EXPECT_EQ(ra.issues[0].row, rb.issues[0].row);
        EXPECT_EQ(ra.issues[1].row, 30000);
        EXPECT_EQ(rb.issues[1].rule, "golongan.known");
        EXPECT_EQ(a.nip(), b.nip());
    }
}

TEST(Csv, MalformedQuoteLateInALargeFileRollsBack) {
    std::string text = many_rows(20000) + "198001012015051999,\"unterminated,PNS\n";
    Workforce wf(small_units());
    EXPECT_THROW(read_csv_text(text, wf), FormatError);
    EXPECT_EQ(wf.size(), 0u);
    CsvOptions collect;
    collect.on_error = OnError::collect;
    EXPECT_THROW(read_csv_text(text, wf, collect), FormatError);
    EXPECT_EQ(wf.size(), 0u);
}

#include <random>

#include "../../src/csv_records.hpp"

// Lines without quotes are split directly, the rest by libcsv: on random text over the characters
// that matter (commas, quotes, CR, LF, spaces, a BOM), both ways give the same records or both
// refuse the text.
TEST(Csv, DirectSplittingAgreesWithLibcsvOnRandomText) {
    std::mt19937 gen(20261127);
    const std::string alphabet[] = {"a", "b", ",", ",", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\xEF\xBB\xBF", "é"};
    std::size_t agreed = 0, refused = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        const int len = static_cast<int>(gen() % 40);
        for (int k = 0; k < len; ++k) text += alphabet[gen() % (sizeof alphabet / sizeof alphabet[0])];
        std::vector<std::vector<std::string>> fast, slow;
        bool fast_ok = true, slow_ok = true;
        try { fast = detail::csv_records(text, true); } catch (const FormatError&) { fast_ok = false; }
        try { slow = detail::csv_records(text, false); } catch (const FormatError&) { slow_ok = false; }
        ASSERT_EQ(fast_ok, slow_ok) << "text: " << ::testing::PrintToString(text);
        if (fast_ok) {
            ASSERT_EQ(fast, slow) << "text: " << ::testing::PrintToString(text);
            ++agreed;
        } else {
            ++refused;
        }
    }
    EXPECT_GT(agreed, 1000u);
    EXPECT_GT(refused, 1000u);
}
