#include <gtest/gtest.h>

#include "penata/units.hpp"
#include "penata/error.hpp"

using namespace penata;

namespace {
Units tree() {
    Units u;
    u.add("PROV", "Pemerintah Provinsi Bengkulu");
    u.add("SETDA", "Sekretariat Daerah", "PROV");
    u.add("SETDA-HUKUM", "Biro Hukum", "SETDA");
    u.add("BKD", "Badan Kepegawaian Daerah", "PROV");
    u.add("OTHER", "Top level without parent");
    return u;
}
}  // namespace

TEST(Units, FindsByCodeAndWalksSubtrees) {
    const Units u = tree();
    EXPECT_EQ(u.size(), 5u);
    EXPECT_EQ(*u.find("BKD"), 3u);
    EXPECT_FALSE(u.find("NOPE"));
    EXPECT_THROW(u.at("NOPE"), NotFoundError);
    EXPECT_EQ(u.subtree(u.at("PROV")), (std::vector<std::uint32_t>{0, 1, 2, 3}));
    EXPECT_EQ(u.subtree(u.at("SETDA")), (std::vector<std::uint32_t>{1, 2}));
    EXPECT_EQ(u.subtree(u.at("OTHER")), (std::vector<std::uint32_t>{4}));
    EXPECT_EQ(u.depth(u.at("SETDA-HUKUM")), 2);
    EXPECT_EQ(u.parent_code(u.at("SETDA-HUKUM")), "SETDA");
    EXPECT_EQ(u.parent_code(u.at("PROV")), "");
}

TEST(Units, RefusesBadUnits) {
    Units u = tree();
    auto rule = [&](std::string code, std::string parent) {
        try {
            u.add(code, "x", parent);
        } catch (const ValidationError& e) {
            return e.first().rule;
        }
        return std::string("added");
    };
    EXPECT_EQ(rule("BKD", ""), "unit.code_unique");
    EXPECT_EQ(rule("", ""), "unit.code_required");
    EXPECT_EQ(rule("A B", ""), "unit.code_chars");
    EXPECT_EQ(rule("A,B", ""), "unit.code_chars");
    EXPECT_EQ(rule(std::string(65, 'X'), ""), "unit.code_length");
    EXPECT_EQ(rule("CHILD", "MISSING"), "unit.parent_known");
    EXPECT_EQ(u.size(), 5u);
}
