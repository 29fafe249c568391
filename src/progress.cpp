#include "penata/progress.hpp"

#include <string>

namespace penata {

void Progress::step(std::uint64_t done, std::uint64_t total, const char* what) const {
    if (cancelled() || (callback && !callback(done, total))) throw CancelledError(std::string(what) + " cancelled");
}

}  // namespace penata
