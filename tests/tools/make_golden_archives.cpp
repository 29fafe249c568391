// Writes the golden archives for this version into tests/data/archives/<version>/:
//   workforce.csv + units.csv  the content, in the exchange format (independent of the archive code)
//   workforce-portable.pnt     a snapshot {"workforce", "units", "nip_rules"} in the portable encoding
//   workforce-binary.pnt       the same in the binary encoding
// Run: build/cmake/tests/make_golden_archives tests/data/archives
// The tests load every version's files found there, so files written once keep loading forever.
#include <filesystem>
#include <iostream>

#include "penata/archive.hpp"
#include "penata/csv.hpp"
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
    std::cout << "wrote " << dir.string() << "\n";
    return 0;
}
