# penata — the two commands: `make demo` and `make test`. Both work on a fresh Debian/Ubuntu
# machine as root: they install missing system packages with apt-get, create .venv, build, and
# are safe to run again.
SHELL := /bin/bash
.DEFAULT_GOAL := help

APT_PACKAGES := g++ make cmake pkg-config python3-venv python3-dev \
  libeigen3-dev libboost-serialization-dev libgtest-dev libgmock-dev nlohmann-json3-dev \
  libcsv-dev libxxhash-dev librandom123-dev libssl-dev clang libclang-rt-14-dev
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

# Every libFuzzer target (tests/fuzz/fuzz_<name>.cpp; clang, ASan, UBSan) from its seed corpus
# tests/data/fuzz/<name>: a fixed number of inputs (tests/fuzz/fuzz_<name>.runs, else FUZZ_RUNS)
# with a fixed seed and a fresh working corpus, so that a run here and in CI does the same work
# (FUZZ_SECONDS bounds each target in time as well; FUZZ_SEED=0 picks a random seed;
# FUZZ_TARGETS=name1 name2 picks targets).
FUZZ_RUNS ?= 100000
FUZZ_SECONDS ?= 120
FUZZ_SEED ?= 1
FUZZ_TARGETS ?= $(patsubst tests/fuzz/fuzz_%.cpp,%,$(wildcard tests/fuzz/fuzz_*.cpp))
fuzz: deps
	@if command -v clang++ >/dev/null; then \
	  CC=clang CXX=clang++ cmake -S . -B build/fuzz $(GENERATOR) $(LAUNCHER) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPENATA_BUILD_FUZZ=ON \
	    -DPENATA_BUILD_C_API=OFF -DPENATA_BUILD_EXAMPLES=OFF -DPENATA_BUILD_BENCHMARKS=OFF -DPENATA_INSTALL=OFF >/dev/null && \
	  cmake --build build/fuzz -j $(JOBS) --target fuzz_targets && \
	  for name in $(FUZZ_TARGETS); do \
	    runs=$$(cat tests/fuzz/fuzz_$$name.runs 2>/dev/null || echo $(FUZZ_RUNS)); \
	    rm -rf build/fuzz/corpus/$$name && mkdir -p build/fuzz/corpus/$$name && \
	    echo "fuzz_$$name: $$runs inputs" && \
	    build/fuzz/tests/fuzz_$$name -seed=$(FUZZ_SEED) -runs=$$runs -max_total_time=$(FUZZ_SECONDS) \
	      -rss_limit_mb=4096 -print_final_stats=1 build/fuzz/corpus/$$name tests/data/fuzz/$$name 2>&1 | \
	      grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)' ; \
	    test $${PIPESTATUS[0]} -eq 0 || exit 1; \
	  done; \
	else echo "fuzz: clang++ not found, skipped (the corpora still replay in the C++ tests)"; fi

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
