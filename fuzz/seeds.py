#!/usr/bin/env python3
"""Writes the seed corpora: every statement block of the golden cases and every example script
for the query harness, every CSV fixture and a few exports (semicolons, tabs, declared layouts,
gzip) for the CSV harness. One file per seed.

usage: fuzz/seeds.py OUT_DIR   (creates OUT_DIR/query and OUT_DIR/csv)
"""
import glob
import gzip
import hashlib
import os
import sys


def golden_inputs(path):
    """The statements of each case: the lines after a directive, up to '----' or a blank line."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not (line == "statement" or line == "error" or line.startswith("query ")):
            continue
        block = []
        while i < len(lines) and lines[i] != "----" and not (line == "statement" and lines[i] == ""):
            block.append(lines[i])
            i += 1
        yield "\n".join(block)


def write(folder, data):
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def option_seed(delimiter, chunk, kinds, text):
    """Three option bytes as fuzz-csv.swift reads them, then the file: byte 0 holds the delimiter choice
    in bits 0-1 (0 none, 1 ';', 2 tab, 3 a .tsv name) and a chunk size in bytes in bits 3-7 (0: the
    default); the next two hold four bits for each of the first four columns, its declared format
    (see `format` in fuzz-csv.swift)."""
    packed = sum(kind << (4 * i) for i, kind in enumerate(kinds))
    return bytes([delimiter | chunk << 3, packed & 0xFF, packed >> 8]) + text.encode("utf-8")


# Exports as spreadsheets and billing systems write them, with the options that read them.
EXPORTS = [
    option_seed(1, 0, [0, 13, 5, 15], "id;amount;when;note\n1;1.234,56 €;05.03.24;\"x;y\"\n2;-0,5;;z\n"),
    option_seed(3, 0, [0, 10, 12], "id\tt\tn\n1\t2024-03-05T10:20:30.5+01:00\t\"1,234.5\"\n2\t\t(3)\n"),
    option_seed(0, 5, [4, 9, 12, 15],
                "d,t,amount,zip\n3/5/2024,3/5/2024 12:00 AM,\"$1,234.56\",02134\n2/30/2024,,(12.00),\n"),
    option_seed(0, 0, [8], "t\n2024-03-05 10:20\n2024-03-05 10:20:30 UTC\n2024-03-01 00:30+02\n"),
    option_seed(2, 1, [6, 7, 14], "d\tm\tn\n5 Mar 2024\tMarch 5, 2024\t1'234.50 CHF\n"),
]


def main():
    out = sys.argv[1]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    for case in sorted(glob.glob(os.path.join(root, "Tests/GoldenTests/cases/*.test"))):
        for text in golden_inputs(case):
            write(os.path.join(out, "query"), text.encode("utf-8"))
    for script in sorted(glob.glob(os.path.join(root, "examples/**/*.tally"), recursive=True)):
        write(os.path.join(out, "query"), open(script, "rb").read())
    for csv in sorted(glob.glob(os.path.join(root, "Tests/GoldenTests/fixtures/**/*.csv"), recursive=True)):
        data = open(csv, "rb").read()
        # Long files slow every run; their first rows carry the same shapes.
        write(os.path.join(out, "csv"), data[:4096])
    for export in EXPORTS:
        write(os.path.join(out, "csv"), export)
    # Gzip files as they are on disk: one member, and two (as `cat a.gz b.gz` leaves them).
    plain = b"id,amount,when\n1,2.50,2024-03-05\n2,,2024-03-06 10:20\n"
    write(os.path.join(out, "csv"), gzip.compress(plain, mtime=0))
    write(os.path.join(out, "csv"), gzip.compress(plain[:20], mtime=0) + gzip.compress(plain[20:], mtime=0))


if __name__ == "__main__":
    main()
