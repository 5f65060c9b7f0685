#!/usr/bin/env bash
# Builds the libFuzzer harnesses: each library module the harness needs is compiled with
# coverage instrumentation and AddressSanitizer, then linked with the harness and libFuzzer.
# A SwiftPM target cannot hold them: without -sanitize=fuzzer a harness has no main to link.
#
# usage: fuzz/build.sh OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build-fuzz}"
mkdir -p "$out"
# Sources/CZlib holds the module map through which TallyData (and the CSV harness) reach zlib;
# Sources/CByteMasks the CSV scanner's byte compares (a header only).
flags=(-O -parse-as-library -sanitize=fuzzer,address -swift-version 6 -I "$out" -I Sources/CZlib -I Sources/CByteMasks)

# Modules are listed in dependency order; once one is rebuilt, every later one is too, since it
# may have been compiled against the old interface.
rebuilt=0
module() {
  local name="$1"
  # Rebuild only when a source is newer than the module's object file.
  if [ "$rebuilt" = 0 ] && [ -f "$out/$name.o" ] && [ -z "$(find "Sources/$name" -name '*.swift' -newer "$out/$name.o")" ]; then return; fi
  rebuilt=1
  echo "compiling $name" >&2
  swiftc "${flags[@]}" -wmo -module-name "$name" -emit-module -emit-module-path "$out/$name.swiftmodule" \
    -c "Sources/$name"/*.swift -o "$out/$name.o"
}

harness() {
  local name="$1"; shift
  echo "linking $name" >&2
  swiftc "${flags[@]}" "fuzz/$name.swift" "${@/#/$out/}" -lz -o "$out/$name"
}

module TallyDiagnostics
module TallySyntax
module TallyData
module TallySemantics
module TallyPlan
module TallyEngine
module TallyRender
harness fuzz-query TallyDiagnostics.o TallySyntax.o TallyData.o TallySemantics.o TallyPlan.o TallyEngine.o TallyRender.o
harness fuzz-csv TallyDiagnostics.o TallyData.o
