#!/usr/bin/env bash
# Generates the benchmark datasets with the project's deterministic generator (same seed every time).
#   1m:  50,000 customers,  1,000,000 orders  (~58 MB)
#   10m: 500,000 customers, 10,000,000 orders (~630 MB)
#   30m: 1,500,000 customers, 30,000,000 orders (~1.9 GB), only when asked: generate.sh 30m
#   100m: 5,000,000 customers, 100,000,000 orders (~4 GB of orders), only when asked: generate.sh 100m
#   300m: 15,000,000 customers, 300,000,000 orders (~12 GB of orders), only when asked: generate.sh 300m
# The two largest take minutes to write and need about 5 and 15 GB of disk (twice that with -gz).
# Each size also gets SIZE-gz/orders.csv.gz.
set -euo pipefail
cd "$(dirname "$0")/.."
crmgen=.build-release/release/crmgen
[ -x "$crmgen" ] || swift build -c release --scratch-path .build-release --product crmgen
for size in "${@:-1m 10m}"; do
  for s in $size; do
    case "$s" in
      1m) customers=50000; orders=1000000 ;;
      10m) customers=500000; orders=10000000 ;;
      30m) customers=1500000; orders=30000000 ;;
      100m) customers=5000000; orders=100000000 ;;
      300m) customers=15000000; orders=300000000 ;;
      *) echo "unknown size '$s' (1m, 10m, 30m, 100m or 300m)" >&2; exit 2 ;;
    esac
    [ -f "bench/data/$s/orders.csv" ] || "$crmgen" --out "bench/data/$s" --customers "$customers" --orders "$orders"
    # The same orders gzip-compressed, for reading compressed exports (a folder of their own: beside
    # orders.csv it would name the same dataset).
    mkdir -p "bench/data/$s-gz"
    [ -f "bench/data/$s-gz/orders.csv.gz" ] || gzip -6 -c "bench/data/$s/orders.csv" > "bench/data/$s-gz/orders.csv.gz"
  done
done
