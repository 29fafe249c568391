// penata C API — the synthetic Bengkulu sample.
#include "handles.hpp"

using namespace penata::capi;

extern "C" int penata_sample_bengkulu(penata_context* ctx, size_t n, uint64_t seed, penata_workforce** out) {
    return guard(ctx, [&] {
        need(out, "out");
        penata::SampleOptions options;
        options.n = n;
        options.seed = seed;
        make(out, penata::bengkulu_sample(options));
    });
}
