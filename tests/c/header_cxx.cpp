// penata.h compiles as C++ too, on its own (without the C++ core's headers), and links.
#include "penata/penata.h"

#include <cstdio>
#include <cstring>

int main() {
    penata_context* ctx = nullptr;
    if (penata_context_create(&ctx) != PENATA_OK) return 1;
    penata_nip_parts parts{};
    const int s = penata_nip_parse(ctx, nullptr, "198609262015051001", PENATA_PNS, &parts);
    const bool ok = s == PENATA_OK && parts.tmt_year == 2015 &&
                    std::strcmp(penata_version(), PENATA_VERSION_STRING) == 0;
    std::printf("C API header as C++: %s\n", ok ? "ok" : penata_context_last_error(ctx));
    penata_context_destroy(ctx);
    return ok ? 0 : 1;
}
