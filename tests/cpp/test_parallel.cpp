// The shared machinery of the models over time: blocks over threads, progress and cancel,
// counter-based random numbers.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <numeric>
#include <set>
#include <vector>

#include "parallel.hpp"
#include "random.hpp"

using penata::CancelledError;
using penata::Progress;
using penata::detail::Draws;
using penata::detail::parallel_blocks;

namespace {

// A reduction kept per block and summed in block order: the same bits on any thread count.
double blocked_sum(std::size_t n, unsigned threads) {
    const std::size_t block = 1000;
    std::vector<double> partial(penata::detail::block_count(n, block));
    parallel_blocks(n, block, threads, penata::no_progress(), "sum", [&](std::size_t b, std::size_t e, std::size_t k) {
        const Draws d(42, 0, 3, 7);
        double s = 0;
        for (std::size_t i = b; i < e; ++i) s += d.uniform(i) * 1e-3;
        partial[k] = s;
    });
    return std::accumulate(partial.begin(), partial.end(), 0.0);
}

}  // namespace

TEST(Parallel, SameBitsOnAnyThreadCount) {
    const double one = blocked_sum(123457, 1);
    EXPECT_EQ(one, blocked_sum(123457, 2));
    EXPECT_EQ(one, blocked_sum(123457, 7));
}

TEST(Parallel, EveryItemOnceAndEmptyInput) {
    std::vector<std::atomic<int>> seen(10001);
    parallel_blocks(seen.size(), 64, 3, penata::no_progress(), "mark", [&](std::size_t b, std::size_t e, std::size_t) {
        for (std::size_t i = b; i < e; ++i) ++seen[i];
    });
    for (const auto& s : seen) ASSERT_EQ(s.load(), 1);
    int calls = 0;
    parallel_blocks(0, 64, 3, penata::no_progress(), "none", [&](std::size_t, std::size_t, std::size_t) { ++calls; });
    EXPECT_EQ(calls, 0);
}

TEST(Parallel, ProgressReachesTotalOnTheCallingThread) {
    Progress p;
    std::uint64_t last = 0, total = 0;
    p.callback = [&](std::uint64_t done, std::uint64_t t) {
        EXPECT_GE(done, last);
        last = done;
        total = t;
        return true;
    };
    parallel_blocks(5000, 100, 1, p, "count", [](std::size_t, std::size_t, std::size_t) {});
    EXPECT_EQ(last, 5000u);
    EXPECT_EQ(total, 5000u);
}

TEST(Parallel, CallbackAndFlagCancel) {
    Progress p;
    p.callback = [](std::uint64_t done, std::uint64_t) { return done < 300; };
    EXPECT_THROW(parallel_blocks(5000, 100, 1, p, "plan", [](std::size_t, std::size_t, std::size_t) {}), CancelledError);
    // With two threads the caller reports after its own blocks and once at the end.
    std::atomic<int> blocks{0};
    EXPECT_THROW(parallel_blocks(5000, 100, 2, p, "plan",
                                 [&](std::size_t, std::size_t, std::size_t) {
                                     ++blocks;
                                     std::this_thread::sleep_for(std::chrono::milliseconds(1));
                                 }),
                 CancelledError);
    EXPECT_LT(blocks.load(), 50);  // the other thread stopped early too
    std::uint64_t last = 0;
    Progress q;
    q.callback = [&](std::uint64_t done, std::uint64_t) { return (last = done), true; };
    parallel_blocks(5000, 100, 2, q, "plan", [](std::size_t, std::size_t, std::size_t) {});
    EXPECT_EQ(last, 5000u);
    std::atomic<bool> flag{true};
    Progress r;
    r.cancel = &flag;
    try {
        parallel_blocks(5000, 100, 2, r, "projection", [](std::size_t, std::size_t, std::size_t) {});
        FAIL() << "not cancelled";
    } catch (const CancelledError& e) {
        EXPECT_STREQ(e.what(), "projection cancelled");
    }
}

TEST(Parallel, FirstErrorIsRethrownAfterAllStop) {
    EXPECT_THROW(parallel_blocks(100000, 10, 2, penata::no_progress(), "x",
                                 [](std::size_t b, std::size_t, std::size_t) {
                                     if (b == 5000) throw penata::FormatError("bad block");
                                 }),
                 penata::FormatError);
}

TEST(Random, PureFunctionOfItsInputs) {
    const Draws a(7, 1, 2025, 3), b(7, 1, 2025, 3);
    EXPECT_EQ(a.words(12345, 0), b.words(12345, 0));
    // Each input changes the draw.
    EXPECT_NE(a.words(12345, 0), a.words(12346, 0));
    EXPECT_NE(a.words(12345, 0), a.words(12345, 1));
    EXPECT_NE(a.words(12345, 0), Draws(8, 1, 2025, 3).words(12345, 0));
    EXPECT_NE(a.words(12345, 0), Draws(7, 2, 2025, 3).words(12345, 0));
    EXPECT_NE(a.words(12345, 0), Draws(7, 1, 2026, 3).words(12345, 0));
    EXPECT_NE(a.words(12345, 0), Draws(7, 1, 2025, 4).words(12345, 0));
}

TEST(Random, UniformIsOpenAndRoughlyFlat) {
    EXPECT_GT(Draws::to_unit(0), 0.0);
    EXPECT_LT(Draws::to_unit(0xFFFFFFFFu), 1.0);
    const Draws d(1, 0, 0, 0);
    const int n = 200000;
    std::vector<int> bins(10);
    double sum = 0;
    for (int i = 0; i < n; ++i) {
        const double u = d.uniform(static_cast<std::uint64_t>(i));
        sum += u;
        ++bins[static_cast<std::size_t>(u * 10)];
    }
    EXPECT_NEAR(sum / n, 0.5, 0.005);
    for (int c : bins) EXPECT_NEAR(c, n / 10, 700);  // about 5 standard deviations
}
