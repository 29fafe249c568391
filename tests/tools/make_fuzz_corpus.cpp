// Writes the seed corpus of the archive fuzz target into DIR: small valid archives of each
// object type and encoding, and damaged ones — truncated, bytes flipped, and payload damage
// re-sealed with a correct checksum so that it reaches the deserialiser.
// Run: build/cmake/tests/make_fuzz_corpus tests/data/fuzz/archive
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "penata/archive.hpp"
#include "penata/sample.hpp"

namespace {
void write(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}
std::string reseal(std::string a) {  // recompute the XXH64 of the payload (container offset 24)
    const std::uint64_t sum = XXH64(a.data() + 32, a.size() - 32, 0);
    for (int i = 0; i < 8; ++i) a[24 + static_cast<std::size_t>(i)] = static_cast<char>((sum >> (8 * i)) & 0xFF);
    return a;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_fuzz_corpus DIR\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);
    const penata::Workforce wf = penata::bengkulu_sample({5, 1});
    for (auto enc : {penata::Encoding::portable, penata::Encoding::binary}) {
        const std::string tag = enc == penata::Encoding::binary ? "bin" : "txt";
        penata::Snapshot all, units, rules, empty, competency;
        all.objects.emplace_back("workforce", wf);
        competency.objects.emplace_back("assessments", penata::sample_assessments(wf, 1));
        competency.objects.emplace_back("standards", penata::PositionStandards(penata::CompetencyFramework::builtin()));
        units.objects.emplace_back("units", wf.units());
        rules.objects.emplace_back("rules", penata::NipRules{});
        for (auto& [name, s] : {std::pair<std::string, penata::Snapshot*>{"workforce", &all}, {"units", &units},
                                {"rules", &rules}, {"empty", &empty}, {"competency", &competency}}) {
            const std::string good = penata::save_to_bytes(*s, enc);
            write(dir / (name + "-" + tag + ".pnt"), good);
            write(dir / (name + "-" + tag + "-truncated.pnt"), good.substr(0, good.size() * 2 / 3));
            std::string flipped = good;
            flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x20);
            write(dir / (name + "-" + tag + "-flipped.pnt"), flipped);
            for (std::size_t at : {33u, 40u, 60u, 100u, 200u}) {
                if (at >= good.size()) continue;
                std::string d = good;
                d[at] = static_cast<char>(d[at] ^ 0x7F);
                write(dir / (name + "-" + tag + "-resealed-" + std::to_string(at) + ".pnt"), reseal(d));
            }
        }
    }
    std::cout << "wrote the seed corpus to " << dir.string() << "\n";
    return 0;
}
