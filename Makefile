# Thin one-verb targets; each installs missing system packages first.

.PHONY: deps build release test demo golden demo-data fmt fuzz

deps:
	@scripts/deps.sh

build: deps
	swift build

release: deps
	swift build -c release

test: deps
	swift test

# An interactive session over the bundled demo CRM data.
demo: build
	.build/debug/tally --data examples/crm

# Rewrite golden expectations from the current output; review the diff like code.
golden: deps
	UPDATE_GOLDEN=1 swift test --filter GoldenTests

# Regenerate the bundled demo data (deterministic).
demo-data:
	swift run -c release crmgen --out examples/crm

fmt:
	swift format --in-place --recursive Sources Tests

# Fuzz each harness for FUZZ_SECONDS (one process at a time); crashes land in .build-fuzz/artifacts.
FUZZ_SECONDS ?= 60
FUZZ_DIR := .build-fuzz

fuzz: deps
	fuzz/build.sh $(FUZZ_DIR)
	fuzz/seeds.py $(FUZZ_DIR)/seeds
	fuzz/run.sh $(FUZZ_DIR) query $(FUZZ_SECONDS)
	fuzz/run.sh $(FUZZ_DIR) csv $(FUZZ_SECONDS)
