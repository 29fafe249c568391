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
