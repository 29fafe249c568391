#include <gtest/gtest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "penata/workforce.hpp"

using namespace penata;
using penata::testing::pns;
using penata::testing::pppk;
using penata::testing::small_units;

namespace {
std::vector<std::string> rules_of(const Workforce& wf, const Employee& e) {
    std::vector<std::string> r;
    for (const auto& i : wf.check(e)) r.push_back(i.rule);
    return r;
}
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST(Workforce, AddsFindsAndReadsColumns) {
    Workforce wf(small_units());
    EXPECT_EQ(wf.add(pns()), 0u);
    EXPECT_EQ(wf.add(pppk()), 1u);
    ASSERT_EQ(wf.size(), 2u);
    EXPECT_EQ(*wf.find(198609262015051001ULL), 0u);
    EXPECT_EQ(*wf.find(199009132025242014ULL), 1u);
    EXPECT_FALSE(wf.find(123));
    EXPECT_EQ(wf[1].name(), "Siti Rahmawati, S.Pd.");
    EXPECT_EQ(wf[0].golongan_text(), "III/a");
    EXPECT_EQ(wf[1].golongan_text(), "IX");
    EXPECT_EQ(wf[0].unit_code(), "BKD-MUTASI");
    EXPECT_EQ(wf.golongan(), (std::vector<std::uint8_t>{9, 9}));
    EXPECT_EQ(wf.training_hours()[1], 12.5);
    const ColumnView c = wf.column(Field::nip);
    EXPECT_EQ(c.type, ColumnType::u64);
    EXPECT_EQ(c.size, 2u);
    EXPECT_EQ(static_cast<const std::uint64_t*>(c.data)[1], 199009132025242014ULL);
    EXPECT_THROW(wf.column(Field::name), Error);
    const Employee back = wf[0].get();
    EXPECT_EQ(back.position_name, pns().position_name);
    EXPECT_EQ(back.tmt, pns().tmt);
}

TEST(Workforce, IteratesEmployeesInRowOrder) {
    Workforce wf(small_units());
    wf.add(pns());
    wf.add(pppk());
    std::vector<std::string> names;
    for (EmployeeRef e : wf) names.emplace_back(e.name());
    EXPECT_EQ(names, (std::vector<std::string>{"Ahmad Fauzi", "Siti Rahmawati, S.Pd."}));
}

TEST(Workforce, RefusesDuplicateNip) {
    Workforce wf(small_units());
    wf.add(pns());
    try {
        wf.add(pns());
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.first().rule, "nip.unique");
        EXPECT_EQ(e.first().field, "nip");
        EXPECT_NE(std::string(e.what()).find("row 1"), std::string::npos);
    }
    EXPECT_EQ(wf.size(), 1u);
}

TEST(Workforce, CrossFieldRulesNameFieldAndRule) {
    Workforce wf(small_units());
    Employee e = pns();
    e.gender = Gender::P;
    EXPECT_TRUE(has(rules_of(wf, e), "gender.matches_nip"));
    e = pns();
    e.birth_date += 1;
    EXPECT_TRUE(has(rules_of(wf, e), "birth_date.matches_nip"));
    e = pns();
    e.tmt += 1;
    EXPECT_TRUE(has(rules_of(wf, e), "tmt.matches_nip"));
    e = pns();
    e.golongan = 18;
    EXPECT_TRUE(has(rules_of(wf, e), "golongan.known"));
    e = pns();
    e.position_level = PositionLevel::none;
    EXPECT_TRUE(has(rules_of(wf, e), "position_level.required"));
    e = pns();
    e.position_class = PositionClass::pelaksana;
    EXPECT_TRUE(has(rules_of(wf, e), "position_level.not_allowed"));
    e = pns();
    e.unit_code = "NOPE";
    EXPECT_TRUE(has(rules_of(wf, e), "unit_code.known"));
    e = pns();
    e.training_hours = -1;
    EXPECT_TRUE(has(rules_of(wf, e), "training_hours.non_negative"));
    e = pns();
    e.name = "";
    EXPECT_TRUE(has(rules_of(wf, e), "name.required"));
    e = pns();
    e.name = std::string(kMaxTextLength + 1, 'a');
    EXPECT_TRUE(has(rules_of(wf, e), "name.length"));
    e = pppk();
    e.tmt = month_index(2024, 12);  // NI PPPK says appointed in 2025
    EXPECT_TRUE(has(rules_of(wf, e), "tmt.matches_nip"));
    e = pns();
    e.employment_type = EmploymentType::PPPK;  // a PNS NIP read as NI PPPK: 05 is not a PPPK code
    EXPECT_TRUE(has(rules_of(wf, e), "nip.pppk_code"));
    // All violations at once, not only the first.
    e = pns();
    e.gender = Gender::P;
    e.unit_code = "NOPE";
    e.training_hours = -3;
    EXPECT_EQ(wf.check(e).size(), 3u);
    EXPECT_TRUE(wf.check(pns()).empty());
}

TEST(Workforce, UpdateAndRemoveKeepTheIndexRight) {
    Workforce wf(small_units());
    wf.add(pns());
    wf.add(pppk());
    Employee e = pns();
    e.name = "Ahmad Fauzi, S.H., M.H.";
    e.training_hours = 40;
    wf.update(e);
    EXPECT_EQ(wf[0].name(), "Ahmad Fauzi, S.H., M.H.");
    EXPECT_EQ(wf[0].training_hours(), 40);
    Employee ghost = pns();
    ghost.nip = 198609262015051002ULL;
    EXPECT_THROW(wf.update(ghost), NotFoundError);
    e.training_hours = -1;
    EXPECT_THROW(wf.update(e), ValidationError);
    wf.remove(198609262015051001ULL);
    EXPECT_EQ(wf.size(), 1u);
    EXPECT_EQ(*wf.find(199009132025242014ULL), 0u);
    EXPECT_FALSE(wf.find(198609262015051001ULL));
    EXPECT_EQ(wf[0].name(), "Siti Rahmawati, S.Pd.");
    EXPECT_THROW(wf.remove(198609262015051001ULL), NotFoundError);
}

TEST(Workforce, ThousandsOfEmployeesStayFindable) {
    Workforce wf(small_units());
    Employee e = pns();
    for (int i = 1; i <= 999; ++i) {
        e.nip = 198609262015051000ULL + static_cast<std::uint64_t>(i);
        wf.add(e);
    }
    for (int i = 1; i <= 999; ++i) ASSERT_EQ(*wf.find(198609262015051000ULL + static_cast<std::uint64_t>(i)), static_cast<std::size_t>(i - 1));
    std::vector<std::uint8_t> odd(wf.size());
    for (std::size_t r = 0; r < odd.size(); ++r) odd[r] = r % 2;
    EXPECT_EQ(wf.remove_rows(odd), 499u);
    EXPECT_EQ(wf.size(), 500u);
    for (std::size_t r = 0; r < wf.size(); ++r) ASSERT_EQ(*wf.find(wf.nip()[r]), r);
    EXPECT_LT(wf.memory_bytes(false) / wf.size(), 100u);
}

TEST(Workforce, SelectsByUnitWithAndWithoutSubunits) {
    Workforce wf(small_units());
    wf.add(pns());   // BKD-MUTASI
    wf.add(pppk());  // DIKBUD
    EXPECT_EQ(wf.select_unit("BKD"), (std::vector<std::uint32_t>{0}));
    EXPECT_TRUE(wf.select_unit("BKD", false).empty());
    EXPECT_EQ(wf.select_unit("PROV"), (std::vector<std::uint32_t>{0, 1}));
    EXPECT_THROW(wf.select_unit("NOPE"), NotFoundError);
    EXPECT_EQ(wf.select({0, 1}), (std::vector<std::uint32_t>{1}));
    EXPECT_THROW(wf.select({1}), Error);
}

TEST(Workforce, ParsesTextFieldsAndReportsEachBadOne) {
    std::array<std::string_view, kFieldCount> t{
        "198609262015051001", "Ahmad", "PNS", "L", "1986-09-26", "2015-05", "III/a", "fungsional",
        "ahli_pertama", "Analis", "BKD", "S1", "24", "none"};
    std::vector<Issue> issues;
    auto e = parse_employee(t, 7, issues);
    ASSERT_TRUE(e);
    EXPECT_TRUE(issues.empty());
    EXPECT_EQ(e->golongan, 9);
    t[6] = "III/f";
    t[12] = "-2";
    t[13] = "parah";
    t[2] = "PNS";
    EXPECT_FALSE(parse_employee(t, 7, issues));
    ASSERT_EQ(issues.size(), 3u);
    EXPECT_EQ(issues[0].rule, "golongan.known");
    EXPECT_EQ(issues[0].row, 7);
    EXPECT_EQ(issues[0].value, "III/f");
    EXPECT_EQ(issues[1].rule, "training_hours.non_negative");
    EXPECT_EQ(issues[2].rule, "discipline.known");
    issues.clear();
    t[6] = "IX";  // a PPPK golongan given for a PNS
    t[12] = "nan";
    t[13] = "none";
    EXPECT_FALSE(parse_employee(t, 1, issues));
    EXPECT_EQ(issues[0].rule, "golongan.known");
    EXPECT_EQ(issues[1].rule, "training_hours.number");
}
