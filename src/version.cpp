#include "penata/penata.hpp"

namespace penata {
const char* version() noexcept { return PENATA_VERSION_STRING; }
}  // namespace penata
