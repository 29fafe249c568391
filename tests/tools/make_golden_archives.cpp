// Writes the golden archives for this version into tests/data/archives/<version>/:
//   workforce.csv + units.csv  the content, in the exchange format (independent of the archive code)
//   workforce-portable.pnt     a snapshot {"workforce", "units", "nip_rules"} in the portable encoding
//   workforce-binary.pnt       the same in the binary encoding
//   framework.json, standards.json, assessments.csv, rules.json
//                              the competency content and a rule set, in their exchange formats
//   competency-portable.pnt    a snapshot {"framework", "standards", "assessments", "rules"}
//   competency-binary.pnt      the same in the binary encoding
// Run: build/cmake/tests/make_golden_archives tests/data/archives
// The tests load every version's files found there, so files written once keep loading forever.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "penata/archive.hpp"
#include "penata/csv.hpp"
#include "penata/date.hpp"
#include "penata/penata.hpp"
#include "penata/sample.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_golden_archives DIR\n";
        return 2;
    }
    const std::filesystem::path dir = std::filesystem::path(argv[1]) / penata::version();
    std::filesystem::create_directories(dir);
    penata::Workforce wf = penata::bengkulu_sample({300, 2024});
    penata::NipRules rules;
    rules.pppk_codes = {21, 24, 25};
    rules.min_age_at_tmt = 18;
    penata::Snapshot s;
    s.objects.emplace_back("workforce", wf);
    s.objects.emplace_back("units", wf.units());
    s.objects.emplace_back("nip_rules", rules);
    penata::write_csv_file((dir / "workforce.csv").string(), wf);
    penata::write_units_csv_file((dir / "units.csv").string(), wf.units());
    penata::save((dir / "workforce-portable.pnt").string(), s, {penata::Encoding::portable, {}});
    penata::save((dir / "workforce-binary.pnt").string(), s, {penata::Encoding::binary, {}});

    penata::CompetencyFramework framework = penata::CompetencyFramework::builtin();
    framework.add({"T.01", "Manajemen Kepegawaian", penata::CompetencyType::teknis, {"dasar", "", "", "", "ahli"}});
    penata::PositionStandards standards(framework);
    standards.set_override("Analis SDM Aparatur", "T.01", 3);
    const penata::Assessments sampled = penata::sample_assessments(wf, 2024);
    penata::Assessments assessments(framework);  // the sample's records over the larger framework
    penata::AssessmentColumns cols{sampled.nip(), sampled.competency(), sampled.level(), sampled.date(), sampled.method()};
    assessments.add(cols, penata::days_from_civil(2025, 6, 30));
    const penata::RuleSet ruleset = penata::RuleSet::builtin("default");
    penata::Snapshot c;
    c.objects.emplace_back("framework", framework);
    c.objects.emplace_back("standards", standards);
    c.objects.emplace_back("assessments", assessments);
    c.objects.emplace_back("rules", ruleset);
    auto text = [&](const char* name, const std::string& content) {
        std::ofstream((dir / name).string(), std::ios::binary) << content;
    };
    text("framework.json", framework.to_json());
    text("standards.json", standards.to_json());
    text("assessments.csv", assessments.to_csv());
    text("rules.json", ruleset.to_json());
    penata::save((dir / "competency-portable.pnt").string(), c, {penata::Encoding::portable, {}});
    penata::save((dir / "competency-binary.pnt").string(), c, {penata::Encoding::binary, {}});
    std::cout << "wrote " << dir.string() << "\n";
    return 0;
}
