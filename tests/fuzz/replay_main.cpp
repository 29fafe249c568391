// Replays a fuzz target's seed corpus as a plain test (any compiler, no libFuzzer): every file
// in DIR goes through LLVMFuzzerTestOneInput once. A crash, an escaped exception or a sanitizer
// report fails the test; an empty or missing corpus fails it too.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " CORPUS_DIR\n";
        return 2;
    }
    std::size_t count = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(argv[1], ec)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ++count;
    }
    if (ec || count == 0) {
        std::cerr << "no corpus files in " << argv[1] << (ec ? ": " + ec.message() : std::string()) << "\n";
        return 1;
    }
    std::cout << count << " corpus files replayed\n";
    return 0;
}
