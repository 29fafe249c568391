# penata — the two commands: `make demo` and `make test`. Both work on a fresh Debian/Ubuntu
# machine as root: they install missing system packages with apt-get, create .venv, build, and
# are safe to run again.
SHELL := /bin/bash
.DEFAULT_GOAL := help

APT_PACKAGES := g++ make cmake pkg-config python3-venv python3-dev \
  libeigen3-dev libboost-serialization-dev libgtest-dev libgmock-dev nlohmann-json3-dev \
  libcsv-dev libxxhash-dev librandom123-dev clang libclang-rt-14-dev
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BUILD := build/cmake
GENERATOR := $(if $(shell command -v ninja 2>/dev/null),-G Ninja,)
# ccache, where installed, makes rebuilds in several checkouts cheap (CCACHE_BASEDIR shares them).
LAUNCHER := $(if $(shell command -v ccache 2>/dev/null),-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache,)
JOBS ?= 2

.PHONY: help demo test deps venv build python test-cpp test-python fuzz sanitize bench clean

help:
	@echo "make demo   generate the Bengkulu sample, validate it and print the report"
	@echo "make test   run every test: C++ (GoogleTest), C API, examples, install, Python"
	@echo "make bench  run the benchmarks (see docs/benchmarks.md)"

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages:" $$missing; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	fi

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

venv: deps $(PY)
	$(PY) -m pip install -q "scikit-build-core>=0.10" "pybind11>=2.12" "numpy>=1.23" "pandas>=1.5" "pytest>=7" "matplotlib>=3.6" pyarrow tqdm

# The Python package, installed into .venv exactly as a user's `pip install .` would.
python: venv
	$(PY) -m pip install -q --no-build-isolation --no-deps .

build: deps
	cmake -S . -B $(BUILD) $(GENERATOR) $(LAUNCHER) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

test-cpp: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-python: python
	$(PY) -m pytest -q tests/python

test: test-cpp test-python fuzz

# The archive load path under libFuzzer (clang, ASan, UBSan) from the seed corpus: FUZZ_RUNS inputs
# with a fixed seed and a fresh working corpus, so that a run here and in CI does the same work
# (FUZZ_SECONDS bounds it in time as well; FUZZ_SEED=0 picks a random seed).
FUZZ_RUNS ?= 400000
FUZZ_SECONDS ?= 300
FUZZ_SEED ?= 1
fuzz: deps
	@if command -v clang++ >/dev/null; then \
	  CC=clang CXX=clang++ cmake -S . -B build/fuzz $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPENATA_BUILD_FUZZ=ON \
	    -DPENATA_BUILD_C_API=OFF -DPENATA_BUILD_EXAMPLES=OFF -DPENATA_BUILD_BENCHMARKS=OFF -DPENATA_INSTALL=OFF >/dev/null && \
	  cmake --build build/fuzz -j $(JOBS) --target fuzz_archive && \
	  rm -rf build/fuzz/corpus && mkdir -p build/fuzz/corpus && \
	  build/fuzz/tests/fuzz_archive -seed=$(FUZZ_SEED) -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS) \
	    -rss_limit_mb=4096 -print_final_stats=1 build/fuzz/corpus tests/data/fuzz/archive 2>&1 | tail -n 15; \
	  test $${PIPESTATUS[0]} -eq 0; \
	else echo "fuzz: clang++ not found, skipped (the corpus still replays in the C++ tests)"; fi

demo: python
	$(VENV)/bin/penata demo

# The C++ and C tests once more under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: deps
	cmake -S . -B build/sanitize $(GENERATOR) -DCMAKE_BUILD_TYPE=Debug -DPENATA_SANITIZE=ON -DPENATA_INSTALL=OFF
	cmake --build build/sanitize -j $(JOBS)
	ctest --test-dir build/sanitize --output-on-failure -j $(JOBS)

bench: build python
	$(PY) benchmarks/run_all.py

clean:
	rm -rf build out
