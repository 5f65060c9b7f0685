# Thin one-verb targets; each installs missing system packages first.

.PHONY: deps build release test asan tsan demo demo-postgres golden demo-data fmt bench fuzz

deps:
	@scripts/deps.sh

build: deps
	swift build

# The Swift runtime and Foundation linked into the binary: each process maps and touches 6 MiB less
# than with the shared libraries, and starts without resolving their symbols.
RELEASE_FLAGS := -c release --static-swift-stdlib

release: deps
	swift build $(RELEASE_FLAGS)

# The whole suite, with a throwaway PostgreSQL server and DuckDB's Python package for the parity tests.
test: deps
	scripts/with-duckdb.sh scripts/with-postgres.sh swift test

# The whole suite under AddressSanitizer (leaks included; the toolchain's own are listed in
# scripts/lsan-suppressions.txt) and under ThreadSanitizer, each in its own build folder.
asan: deps
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt:print_suppressions=0 \
		scripts/with-duckdb.sh scripts/with-postgres.sh swift test --sanitize=address --scratch-path .build-asan

tsan: deps
	scripts/with-duckdb.sh scripts/with-postgres.sh swift test --sanitize=thread --scratch-path .build-tsan

# An interactive session over the bundled demo CRM data.
demo: build
	.build/debug/tally --data examples/crm

# An interactive session on a throwaway PostgreSQL server holding the demo data.
demo-postgres: build
	scripts/with-postgres.sh sh -c '.build/debug/tally export --to "$$TALLY_TEST_PG" examples/crm && .build/debug/tally --db "$$TALLY_TEST_PG"'

# Rewrite golden expectations from the current output; review the diff like code.
golden: deps
	UPDATE_GOLDEN=1 swift test --filter GoldenTests

# Regenerate the bundled demo data (deterministic).
demo-data:
	swift run -c release crmgen --out examples/crm

fmt:
	swift format --in-place --recursive Sources Tests

# Tally against DuckDB and Polars on generated data (1M and 10M orders; BENCH_SIZES="1m 10m 100m" for more, 300m too).
BENCH_SIZES ?= 1m 10m
bench: deps
	swift build $(RELEASE_FLAGS) --scratch-path .build-release
	bench/generate.sh $(BENCH_SIZES)
	bench/setup.sh
	bench/.venv/bin/python bench/run.py $(BENCH_SIZES)

# Fuzz each harness for FUZZ_SECONDS (one process at a time); crashes land in .build-fuzz/artifacts.
FUZZ_SECONDS ?= 60
FUZZ_DIR := .build-fuzz

fuzz: deps
	fuzz/build.sh $(FUZZ_DIR)
	fuzz/seeds.py $(FUZZ_DIR)/seeds
	fuzz/run.sh $(FUZZ_DIR) query $(FUZZ_SECONDS)
	fuzz/run.sh $(FUZZ_DIR) csv $(FUZZ_SECONDS)
