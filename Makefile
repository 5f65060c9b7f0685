# Thin one-verb targets; each installs missing system packages first.

.PHONY: deps build release test demo golden demo-data fmt

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
