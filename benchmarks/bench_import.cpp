// bench_import — times the synthetic sample generation and the CSV import + validation.
//
//   bench_import [--n N] [--seed S] [--repeat R] [--csv PATH] [--reuse] [--json PATH]
//
// Generates bengkulu_sample(N) (default 4,300,000: the national civil service, BKN June 2023),
// writes it to PATH (default build/bench/asn_<N>.csv; with --reuse an existing file is kept),
// then times penata::read_csv_file of that file into a fresh Workforce, best of R runs (default
// 3) with a warm file cache. Prints the figures, and with --json also writes them as JSON.
// A benchmark program, not a test: see docs/benchmarks.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "penata/csv.hpp"
#include "penata/sample.hpp"
#include "penata/version.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Process CPU time: on a machine shared with other work it varies less than wall time.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr,
                 "bench_import: %s\n"
                 "usage: bench_import [--n N] [--seed S] [--repeat R] [--csv PATH] [--reuse] [--json PATH]\n",
                 why);
    std::exit(2);
}

// Reads the whole file once so that the timed runs see a warm page cache.
std::uintmax_t warm(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> buf(1 << 20);
    std::uintmax_t total = 0;
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0)
        total += static_cast<std::uintmax_t>(in.gcount());
    return total;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t n = 4300000;
    std::uint64_t seed = 0;
    int repeat = 3;
    bool reuse = false;
    std::string csv, json;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(("missing value after " + a).c_str());
            return argv[++i];
        };
        if (a == "--n") n = std::stoull(value());
        else if (a == "--seed") seed = std::stoull(value());
        else if (a == "--repeat") repeat = std::max(1, std::stoi(value()));
        else if (a == "--csv") csv = value();
        else if (a == "--json") json = value();
        else if (a == "--reuse") reuse = true;
        else if (a == "--help" || a == "-h") usage("help");
        else usage(("unknown argument " + a).c_str());
    }
    if (csv.empty()) csv = "build/bench/asn_" + std::to_string(n) + ".csv";
    if (auto dir = std::filesystem::path(csv).parent_path(); !dir.empty()) std::filesystem::create_directories(dir);

    std::printf("penata %s bench_import: n=%zu seed=%llu repeat=%d csv=%s\n", PENATA_VERSION_STRING, n,
                static_cast<unsigned long long>(seed), repeat, csv.c_str());

    double t_generate = -1, t_write = -1, cpu_generate = -1;
    if (!(reuse && std::filesystem::exists(csv))) {
        penata::SampleOptions o;
        o.n = n;
        o.seed = seed;
        auto t0 = Clock::now();
        const double c0 = cpu_seconds();
        const penata::Workforce wf = penata::bengkulu_sample(o);
        t_generate = seconds_since(t0);
        cpu_generate = cpu_seconds() - c0;
        t0 = Clock::now();
        penata::write_csv_file(csv, wf);
        t_write = seconds_since(t0);
        std::printf("generate  bengkulu_sample(%zu)            %8.3f s wall %8.3f s cpu  (%.0f employees/s)\n", n,
                    t_generate, cpu_generate, static_cast<double>(n) / t_generate);
        std::printf("write     write_csv_file                     %8.3f s\n", t_write);
    }
    const std::uintmax_t bytes = warm(csv);

    double best = 1e300, best_cpu = 1e300;
    std::size_t rows = 0, memory_no_names = 0, memory_all = 0;
    for (int r = 0; r < repeat; ++r) {
        penata::Workforce wf(penata::bengkulu_units());
        const auto t0 = Clock::now();
        const double c0 = cpu_seconds();
        const penata::ImportReport rep = penata::read_csv_file(csv, wf);
        const double t = seconds_since(t0), c = cpu_seconds() - c0;
        best = std::min(best, t);
        best_cpu = std::min(best_cpu, c);
        rows = rep.rows_loaded;
        memory_no_names = wf.memory_bytes(false);
        memory_all = wf.memory_bytes(true);
        std::printf("import    read_csv_file run %d               %8.3f s wall %8.3f s cpu\n", r + 1, t, c);
    }
    const double per_employee = rows ? static_cast<double>(memory_no_names) / static_cast<double>(rows) : 0;
    const double per_employee_all = rows ? static_cast<double>(memory_all) / static_cast<double>(rows) : 0;
    std::printf("import    best of %d (%zu rows, %.1f MB)  %8.3f s wall %8.3f s cpu  (%.0f rows/s, %.0f MB/s)\n",
                repeat, rows, static_cast<double>(bytes) / 1e6, best, best_cpu, static_cast<double>(rows) / best,
                static_cast<double>(bytes) / 1e6 / best);
    std::printf("memory    %.1f bytes/employee apart from names (%.1f with names)\n", per_employee, per_employee_all);

    if (!json.empty()) {
        std::ofstream out(json);
        out << "{\"n\": " << n << ", \"seed\": " << seed << ", \"csv_bytes\": " << bytes << ", \"rows\": " << rows
            << ", \"generate_s\": " << t_generate << ", \"generate_cpu_s\": " << cpu_generate << ", \"write_s\": " << t_write << ", \"import_best_s\": " << best << ", \"import_best_cpu_s\": " << best_cpu
            << ", \"repeat\": " << repeat << ", \"bytes_per_employee_no_names\": " << per_employee
            << ", \"bytes_per_employee_with_names\": " << per_employee_all << "}\n";
    }
    return 0;
}
