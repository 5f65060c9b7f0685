#!/usr/bin/env bash
# Writes Sources/tally/link-order.txt: the functions a release build of tally runs for the bench's
# questions (read from CSV, from the column cache and from gzip, and `describe`), as callgrind finds
# them, by name. The release link places them together, so a question maps the pages of the code it runs
# rather than of the whole binary: the kernel maps up to 64 KiB around every page a process first
# touches, and the functions a question runs were spread over 11 MiB of the binary's 24 MiB of code.
# Run it again when the binary's code has changed much; names it no longer has are skipped at the link.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null 2>&1 || { echo "needs valgrind: apt-get install valgrind" >&2; exit 1; }
bench/generate.sh 1m
swift build -c release --static-swift-stdlib --scratch-path .build-release --product tally
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Valgrind cannot read the toolchain's debug information; the symbol table is enough.
cp .build-release/release/tally "$work/tally"
cp -r .build-release/release/Tally_Tally.resources "$work/"
strip -g "$work/tally"

data=bench/data/1m
run() { valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$1.out" "$work/tally" "${@:2}" >/dev/null 2>&1; }
n=0
while IFS= read -r question; do
  n=$((n + 1))
  TALLY_CACHE=off run "parse$n" --data "$data" --format csv -e "$question"
  XDG_CACHE_HOME="$work/cache" "$work/tally" --data "$data" --format csv -e "$question" >/dev/null
  XDG_CACHE_HOME="$work/cache" run "cache$n" --data "$data" --format csv -e "$question"
done < <(bench/.venv/bin/python -c 'import sys; sys.path.insert(0, "bench"); import peers; print("\n".join(peers.QUESTIONS.values()))' 2>/dev/null ||
  printf '%s\n' 'revenue by month' 'revenue by month where plan = "pro"' 'churn by month' 'paying_customers by month, plan' 'nps by month')
TALLY_CACHE=off run gzip --format csv -e "load \"$data-gz/orders.csv.gz\"" -e 'sum(orders.amount) by month'
TALLY_CACHE=off run describe --data "$data" -e 'describe orders'

# Every function callgrind names (fn= and cfn= lines) that the binary defines in its code, sorted:
# what matters is that they sit together, and sorted the list changes only where the code did.
nm --defined-only "$work/tally" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | LC_ALL=C sort -u > "$work/defined"
for f in "$work"/*.out; do sed -n 's/^c\{0,1\}fn=([0-9]*) //p' "$f"; done | LC_ALL=C sort -u |
  LC_ALL=C comm -12 "$work/defined" - > Sources/tally/link-order.txt
echo "$(wc -l < Sources/tally/link-order.txt) functions in Sources/tally/link-order.txt"
# The build does not watch the list: link again with it.
rm -f .build-release/release/tally
swift build -c release --static-swift-stdlib --scratch-path .build-release --product tally
