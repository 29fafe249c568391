#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "fixtures.hpp"
#include "penata/archive.hpp"
#include "penata/csv.hpp"
#include "penata/sample.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

using namespace penata;

namespace {
Workforce small() {
    Workforce wf(penata::testing::small_units());
    wf.add(penata::testing::pns());
    Employee e = penata::testing::pppk();
    e.name = "Siti \"Ida\" Rahmawati\u00e9, S.Pd.";
    wf.add(e);
    return wf;
}

void expect_same(const Workforce& a, const Workforce& b) {
    ASSERT_EQ(a.size(), b.size());
    ASSERT_EQ(a.units().size(), b.units().size());
    for (std::size_t r = 0; r < a.size(); ++r)
        for (std::size_t f = 0; f < kFieldCount; ++f)
            ASSERT_EQ(field_text(a[r].get(), Field(f)), field_text(b[r].get(), Field(f))) << kFieldNames[f];
    for (std::size_t r = 0; r < a.size(); ++r) ASSERT_EQ(*b.find(a.nip()[r]), r);
}

// Changes one payload byte and recomputes the checksum, so that the damage reaches the loader.
std::string reseal_with(std::string a, std::size_t at, char c) {
    a[at] = c;
    std::uint64_t sum = XXH64(a.data() + 32, a.size() - 32, 0);
    for (int i = 0; i < 8; ++i) a[24 + static_cast<std::size_t>(i)] = static_cast<char>((sum >> (8 * i)) & 0xFF);
    return a;
}

std::string format_error(std::string_view bytes) {
    try {
        load_from_bytes(bytes);
    } catch (const FormatError& e) {
        return e.what();
    }
    return "loaded";
}
}  // namespace

TEST(Archive, RoundTripsInBothEncodings) {
    const Workforce wf = bengkulu_sample({3000, 7});
    NipRules rules;
    rules.pppk_codes = {21, 24, 25};
    for (Encoding enc : {Encoding::portable, Encoding::binary}) {
        Snapshot s;
        s.objects.emplace_back("bengkulu", wf);
        s.objects.emplace_back("units", wf.units());
        s.objects.emplace_back("rules", rules);
        const Snapshot back = load_from_bytes(save_to_bytes(s, enc));
        ASSERT_EQ(back.objects.size(), 3u);
        expect_same(wf, back.get<Workforce>("bengkulu"));
        EXPECT_EQ(back.get<Units>("units").size(), wf.units().size());
        EXPECT_EQ(back.get<NipRules>("rules").pppk_codes, rules.pppk_codes);
        EXPECT_THROW(back.get<Units>("bengkulu"), FormatError);
        EXPECT_THROW(back.get<Units>("nope"), NotFoundError);
        EXPECT_EQ(inspect(save_to_bytes(s, enc)).encoding, enc);
    }
}

TEST(Archive, RuleSetsAndCompetencyObjectsRoundTrip) {
    const RuleSet rules = RuleSet::builtin("perban-8-2019");
    const CompetencyFramework framework = CompetencyFramework::builtin();
    const PositionStandards standards(framework);
    for (Encoding enc : {Encoding::portable, Encoding::binary}) {
        Snapshot s;
        s.objects.emplace_back("rules", rules);
        s.objects.emplace_back("framework", framework);
        s.objects.emplace_back("standards", standards);
        const Snapshot back = load_from_bytes(save_to_bytes(s, enc));
        EXPECT_EQ(back.get<RuleSet>("rules").to_json(), rules.to_json());
        EXPECT_EQ(back.get<CompetencyFramework>("framework").to_json(), framework.to_json());
        EXPECT_EQ(back.get<PositionStandards>("standards").to_json(), standards.to_json());
    }
}

TEST(Archive, UpdatedAndRemovedRowsSurvive) {
    Workforce wf = small();
    Employee e = penata::testing::pns();
    e.name = "Renamed";
    wf.update(e);
    Snapshot s;
    s.objects.emplace_back("w", wf);
    const Workforce back = load_from_bytes(save_to_bytes(s, Encoding::binary)).get<Workforce>("w");
    expect_same(wf, back);
    EXPECT_EQ(back[0].name(), "Renamed");
}

TEST(Archive, FilesSaveAtomicallyAndLoad) {
    const std::string path = ::testing::TempDir() + "penata_archive_test.pnt";
    const Workforce wf = small();
    save_object(path, wf, {Encoding::binary, {}});
    expect_same(wf, load_object<Workforce>(path));
    EXPECT_THROW(load_object<Units>(path), FormatError);
    EXPECT_THROW(load("/nonexistent/x.pnt"), IoError);
    EXPECT_THROW(save_object("/nonexistent/dir/x.pnt", wf), IoError);
    std::remove(path.c_str());
}

TEST(Archive, FailureDuringSaveLeavesTheOldFileIntact) {
    const std::string dir = ::testing::TempDir();
    const std::string path = dir + "penata_atomic.pnt";
    const Workforce old = small();
    save_object(path, old);
    const Workforce big = bengkulu_sample({20000, 1});
    SaveOptions o;
    o.encoding = Encoding::portable;
    o.progress = [](std::uint64_t written, std::uint64_t total) {
        if (written < total) throw IoError("injected failure: disk full");
    };
    EXPECT_THROW(save_object(path, big, o), IoError);
    expect_same(old, load_object<Workforce>(path));
    // No temporary file is left behind.
    FILE* ls = popen(("ls " + dir + " | grep -c 'penata_atomic.pnt.tmp' || true").c_str(), "r");
    char buf[32] = {0};
    ASSERT_NE(fgets(buf, sizeof buf, ls), nullptr);
    pclose(ls);
    EXPECT_EQ(std::string(buf), "0\n");
    std::remove(path.c_str());
}

TEST(Archive, DamagedFilesGiveClearErrors) {
    Snapshot s;
    s.objects.emplace_back("w", small());
    const std::string good = save_to_bytes(s, Encoding::binary);
    EXPECT_EQ(format_error(good), "loaded");
    EXPECT_NE(format_error("").find("not a penata archive"), std::string::npos);
    EXPECT_NE(format_error("nip,name\n1,2\n").find("not a penata archive"), std::string::npos);
    EXPECT_NE(format_error(good.substr(0, 20)).find("truncated"), std::string::npos);
    EXPECT_NE(format_error(good.substr(0, good.size() - 1)).find("truncated"), std::string::npos);
    std::string flipped = good;
    flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x40);
    EXPECT_NE(format_error(flipped).find("checksum"), std::string::npos);
    std::string newer = good;
    newer[8] = 9;
    EXPECT_NE(format_error(newer).find("newer"), std::string::npos);
    std::string other_platform = good;
    other_platform[11] = static_cast<char>(other_platform[11] ^ 1);
    EXPECT_NE(format_error(other_platform).find("another platform"), std::string::npos);
    // A payload whose Boost signature was damaged is refused before Boost reads it.
    EXPECT_NE(format_error(reseal_with(good, 40, 'X')).find("signature"), std::string::npos);
    // A duplicated NIP (the second row's NIP overwritten with the first's) is refused.
    {
        const Workforce w = s.get<Workforce>("w");
        std::string dup = good;
        const std::uint64_t a = w.nip()[0], b = w.nip()[1];
        const std::string from(reinterpret_cast<const char*>(&b), 8), to(reinterpret_cast<const char*>(&a), 8);
        const auto at = dup.find(from, 32);
        ASSERT_NE(at, std::string::npos);
        dup.replace(at, 8, to);
        EXPECT_NE(format_error(reseal_with(dup, at, dup[at])).find("more than one row"), std::string::npos);
    }
    // Every truncation point gives an error, never a crash.
    for (std::size_t cut = 0; cut < good.size(); cut += 7) EXPECT_NE(format_error(good.substr(0, cut)), "loaded");
}

#include <filesystem>

namespace fs = std::filesystem;

// Golden files written by every released version (tests/data/archives/<version>/) keep loading.
TEST(Archive, GoldenFilesOfEveryVersionLoad) {
    const fs::path root = fs::path(PENATA_TEST_DATA) / "archives";
    std::size_t versions = 0;
    for (const auto& entry : fs::directory_iterator(root)) {
        if (!entry.is_directory()) continue;
        ++versions;
        const fs::path d = entry.path();
        Workforce expected(read_units_csv_file((d / "units.csv").string()));
        read_csv_file((d / "workforce.csv").string(), expected);
        for (const char* file : {"workforce-portable.pnt", "workforce-binary.pnt"}) {
            SCOPED_TRACE(d.filename().string() + "/" + file);
            const Snapshot s = load((d / file).string());
            expect_same(expected, s.get<Workforce>("workforce"));
            EXPECT_EQ(s.get<Units>("units").size(), expected.units().size());
            EXPECT_EQ(s.get<NipRules>("nip_rules").pppk_codes, (std::vector<int>{21, 24, 25}));
        }
        if (!fs::exists(d / "competency-portable.pnt")) continue;  // versions before the competency objects
        auto text = [&](const char* name) {
            std::ifstream in(d / name, std::ios::binary);
            return std::string(std::istreambuf_iterator<char>(in), {});
        };
        const CompetencyFramework framework = CompetencyFramework::from_json(text("framework.json"));
        for (const char* file : {"competency-portable.pnt", "competency-binary.pnt"}) {
            SCOPED_TRACE(d.filename().string() + "/" + file);
            const Snapshot s = load((d / file).string());
            EXPECT_TRUE(s.get<CompetencyFramework>("framework") == framework);
            EXPECT_EQ(s.get<PositionStandards>("standards").to_json(), text("standards.json"));
            const auto& a = s.get<Assessments>("assessments");
            EXPECT_GT(a.size(), 0u);
            EXPECT_EQ(a.to_csv(), text("assessments.csv"));
            EXPECT_EQ(s.get<RuleSet>("rules").to_json(), text("rules.json"));
        }
    }
    EXPECT_GE(versions, 1u);
}

// The fuzz corpus replays as plain test cases: each input loads or throws penata::Error.
TEST(Archive, FuzzCorpusReplays) {
    std::size_t n = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(PENATA_TEST_DATA) / "fuzz" / "archive")) {
        const std::string bytes = [&] {
            std::ifstream in(entry.path(), std::ios::binary);
            return std::string(std::istreambuf_iterator<char>(in), {});
        }();
        try {
            load_from_bytes(bytes);
        } catch (const Error&) {
        }
        ++n;
    }
    EXPECT_GE(n, 10u);
}

// ---- assessment histories (tag 7) ------------------------------------------------------------

namespace {
void expect_same(const Assessments& a, const Assessments& b) {
    EXPECT_TRUE(a.framework() == b.framework());
    EXPECT_EQ(a.nip(), b.nip());
    EXPECT_EQ(a.competency(), b.competency());
    EXPECT_EQ(a.level(), b.level());
    EXPECT_EQ(a.date(), b.date());
    EXPECT_EQ(a.method(), b.method());
}
std::string bytes_of(std::uint64_t v, std::size_t n) { return std::string(reinterpret_cast<const char*>(&v), n); }
// Fixes the header's payload length and checksum after the payload was changed.
std::string reseal(std::string a) {
    a.replace(16, 8, bytes_of(a.size() - 32, 8));
    return reseal_with(a, 32, a[32]);
}
}  // namespace

TEST(Archive, AssessmentsRoundTripAndKeepTheirIndex) {
    const Workforce wf = bengkulu_sample({3000, 2});
    const Assessments as = sample_assessments(wf, 9);
    CompetencyFramework teknis = CompetencyFramework::builtin();
    teknis.add({"T.01", "Analisis \"Kebutuhan\", Diklat", CompetencyType::teknis, {"a", "b", "c", "d", "e"}});
    Assessments small(teknis);
    small.add(AssessmentRecord{penata::testing::pns().nip, "T.01", 2, 19000, AssessmentMethod::self}, 20000);
    const std::int32_t today = days_from_civil(2025, 6, 30);
    for (Encoding enc : {Encoding::portable, Encoding::binary}) {
        Snapshot s;
        s.objects.emplace_back("workforce", wf);
        s.objects.emplace_back("assessments", as);
        s.objects.emplace_back("small", small);
        s.objects.emplace_back("empty", Assessments(CompetencyFramework::builtin()));
        const Snapshot back = load_from_bytes(save_to_bytes(s, enc));
        ASSERT_EQ(back.objects.size(), 4u);
        const auto& got = back.get<Assessments>("assessments");
        expect_same(as, got);
        expect_same(small, back.get<Assessments>("small"));
        EXPECT_EQ(back.get<Assessments>("empty").size(), 0u);
        EXPECT_EQ(back.get<Assessments>("small").framework()[9].name, "Analisis \"Kebutuhan\", Diklat");
        EXPECT_EQ(got.latest(wf, today), as.latest(wf, today));
        EXPECT_EQ(got.latest(wf, today - 700), as.latest(wf, today - 700));
        // The index was rebuilt: a record of the history is still a duplicate.
        Assessments again = got;
        EXPECT_THROW(again.add(as.record(5), today), ValidationError);
        EXPECT_THROW(back.get<Workforce>("assessments"), FormatError);
    }
    const std::string path = ::testing::TempDir() + "penata_assessments.pnt";
    save_object(path, small, {Encoding::binary, {}});
    expect_same(small, load_object<Assessments>(path));
    std::remove(path.c_str());
}

TEST(Archive, DamagedAssessmentsGiveClearErrors) {
    // Two records that differ only in the NIP; levels 3 and 4.
    const std::uint64_t a = 198609262015051001ULL, b = 199009132025242014ULL;
    Assessments as(CompetencyFramework::builtin());
    as.add(std::vector<AssessmentRecord>{{a, "M.02", 3, 19500, AssessmentMethod::self}, {b, "M.02", 4, 19500, AssessmentMethod::self}},
           20000);
    Snapshot s;
    s.objects.emplace_back("as", as);
    const std::string good = save_to_bytes(s, Encoding::binary);
    EXPECT_EQ(format_error(good), "loaded");
    // A level out of 1..5.
    const auto lv = good.find(bytes_of(2, 8) + "\x03\x04", 32);
    ASSERT_NE(lv, std::string::npos);
    std::string msg = format_error(reseal_with(good, lv + 9, '\x09'));
    EXPECT_NE(msg.find("invalid assessments"), std::string::npos) << msg;
    EXPECT_NE(msg.find("assessment.level"), std::string::npos) << msg;
    // The second NIP made equal to the first: a duplicate record.
    const auto at = good.find(bytes_of(b, 8), 32);
    ASSERT_NE(at, std::string::npos);
    std::string dup = good;
    dup.replace(at, 8, bytes_of(a, 8));
    msg = format_error(reseal_with(dup, at, dup[at]));
    EXPECT_NE(msg.find("assessment.duplicate"), std::string::npos) << msg;
    // A column count far beyond the payload.
    std::string huge = good;
    huge.replace(lv, 8, bytes_of(1ULL << 40, 8));
    msg = format_error(reseal_with(huge, lv, huge[lv]));
    EXPECT_NE(msg.find("more than the payload can hold"), std::string::npos) << msg;
    // Columns of different lengths (the level column claims one record).
    std::string shorter = good;
    shorter.replace(lv, 10, bytes_of(1, 8) + "\x03");
    msg = format_error(reseal(shorter));
    EXPECT_NE(msg.find("assessment"), std::string::npos) << msg;
    // A framework that is not valid JSON.
    const auto fw = good.find("{\"penata_competencies\"", 32);
    ASSERT_NE(fw, std::string::npos);
    msg = format_error(reseal_with(good, fw, '['));
    EXPECT_NE(msg, "loaded");
    // An unknown tag (a newer penata).
    const auto tag = good.find(std::string("as", 2) + "\x07", 32);
    ASSERT_NE(tag, std::string::npos);
    msg = format_error(reseal_with(good, tag + 2, '\x08'));
    EXPECT_NE(msg.find("unknown type 8"), std::string::npos) << msg;
    // Every truncation of the payload (resealed, so that it reaches the loader) is an error, never a crash.
    for (std::size_t cut = 32; cut < good.size(); ++cut) EXPECT_NE(format_error(reseal(good.substr(0, cut))), "loaded") << cut;
    const std::string text = save_to_bytes(s, Encoding::portable);
    ASSERT_EQ(text.back(), '\n');  // only the final line end of a text archive may go
    for (std::size_t cut = 32; cut + 1 < text.size(); ++cut) EXPECT_NE(format_error(reseal(text.substr(0, cut))), "loaded") << cut;
}
