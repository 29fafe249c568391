// penata — progress reports and cancellation for long bulk calls (training plans, projections,
// simulations, imports).
//
// A long call takes a `const Progress&` and calls step() between blocks of work, on the thread
// that made the call. The callback may stop the call by returning false; another thread may stop
// it by setting the cancel flag. Either way the call throws CancelledError and leaves every
// object it was given as it was.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include "penata/error.hpp"

namespace penata {

/// A long call was stopped by its progress callback or cancel flag.
class CancelledError : public Error {
public:
    using Error::Error;
};

/// What a long call reports as it goes, and how it is stopped. The default is silent and never
/// cancelled.
struct Progress {
    /// Called on the calling thread with the work done so far and the total, in the unit the
    /// call documents (employees, person-years, bytes, iterations). Returns false to cancel.
    std::function<bool(std::uint64_t done, std::uint64_t total)> callback;
    /// Set from any thread to cancel at the next block boundary; may be null.
    const std::atomic<bool>* cancel = nullptr;

    bool cancelled() const noexcept { return cancel && cancel->load(std::memory_order_relaxed); }
    /// Reports progress and throws CancelledError("<what> cancelled") when the flag is set or
    /// the callback returns false.
    void step(std::uint64_t done, std::uint64_t total, const char* what) const;
};

/// Silent, never cancelled.
inline const Progress& no_progress() {
    static const Progress none;
    return none;
}

}  // namespace penata
