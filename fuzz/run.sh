#!/usr/bin/env bash
# Runs one harness for a number of seconds, single process, from the package root (the query
# harness reads a fixture and the standard library by relative path). A crash fails the run
# and leaves its input in OUT_DIR/artifacts; reproduce with `OUT_DIR/fuzz-NAME FILE`.
#
# usage: fuzz/run.sh OUT_DIR query|csv SECONDS
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1" name="$2" seconds="$3"
corpus="$out/corpus/$name"
log="$out/$name.log"
mkdir -p "$corpus" "$out/artifacts"
dict=()
[ -f "fuzz/$name.dict" ] && dict=(-dict="fuzz/$name.dict")
# With -jobs, libFuzzer writes the worker's output to fuzz-0.log in the working directory.
status=0
# Leak checks are off: the query harness keeps its catalog for the whole run on purpose.
ASAN_OPTIONS=detect_leaks=0 "$out/fuzz-$name" "$corpus" "$out/seeds/$name" "${dict[@]}" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -jobs=1 -workers=1 -artifact_prefix="$out/artifacts/$name-" -print_final_stats=1 || status=$?
mv fuzz-0.log "$log"
grep -E '^(==|#[0-9]+ +DONE|Done|stat::|SUMMARY|.*ERROR)' "$log" | tail -12
exit "$status"
