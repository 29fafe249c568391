// libFuzzer target over the archive load path: any input must load or throw penata::Error,
// never crash, hang or leak. Build with clang: cmake -DPENATA_BUILD_FUZZ=ON (see Makefile `fuzz`).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "penata/archive.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        penata::load_from_bytes(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const penata::Error&) {
    }
    return 0;
}
