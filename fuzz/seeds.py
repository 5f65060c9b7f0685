#!/usr/bin/env python3
"""Writes the seed corpora: every statement block of the golden cases and every example script
for the query harness, every CSV fixture for the CSV harness. One file per seed.

usage: fuzz/seeds.py OUT_DIR   (creates OUT_DIR/query and OUT_DIR/csv)
"""
import glob
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


if __name__ == "__main__":
    main()
