// penata — private: the one way the core splits bulk work over threads.
//
// Work over n items is cut into fixed blocks of `block` items. Threads claim blocks in any
// order, but a block's bounds never depend on the thread count, so a caller that keeps one
// partial result per block and reduces them in block order gets the same bits on 1 or 16
// threads. The calling thread works too and is the only one that reports progress.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "penata/progress.hpp"

namespace penata::detail {

/// Threads to use for `n` items: `requested` (0 = one per hardware thread), at most one per
/// `min_per_thread` items and at most 64; at least 1.
inline unsigned thread_count(unsigned requested, std::size_t n, std::size_t min_per_thread) {
    unsigned t = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t by_work = min_per_thread ? std::max<std::size_t>(1, n / min_per_thread) : t;
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>({t, by_work, 64})));
}

inline std::size_t block_count(std::size_t n, std::size_t block) { return block ? (n + block - 1) / block : 0; }

/// Runs fn(begin, end, block_index) for every block of [0, n) on `threads` threads (the caller's
/// included). After each of its blocks, and once at the end, the calling thread calls
/// progress.step(items done, n, what). The first exception (a cancel included) stops the other
/// threads at their next block and is rethrown once all have stopped.
template <class Fn>
void parallel_blocks(std::size_t n, std::size_t block, unsigned threads, const Progress& progress, const char* what,
                     Fn&& fn) {
    const std::size_t blocks = block_count(n, block);
    std::atomic<std::size_t> next{0}, done_items{0};
    std::atomic<bool> stop{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&](bool caller) {
        try {
            for (;;) {
                if (stop.load(std::memory_order_relaxed) || progress.cancelled()) break;
                const std::size_t b = next.fetch_add(1, std::memory_order_relaxed);
                if (b >= blocks) break;
                const std::size_t begin = b * block, end = std::min(n, begin + block);
                fn(begin, end, b);
                const std::size_t d = done_items.fetch_add(end - begin, std::memory_order_relaxed) + (end - begin);
                if (caller) progress.step(d, n, what);
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(error_mutex);
            if (!error) error = std::current_exception();
            stop = true;
        }
    };
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(1, blocks))));
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    try {
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, false);
    } catch (const std::system_error&) {  // no more threads to be had: those started finish the work
    }
    work(true);
    for (auto& th : pool) th.join();
    if (error) std::rethrow_exception(error);
    // Once more at the end, so that a bar reaches its total even when other threads did the last
    // blocks; it throws when the flag stopped the work early.
    progress.step(done_items.load(), n, what);
}

}  // namespace penata::detail
