"""Runs Tally, DuckDB and Polars on the same data and questions, checks that the answers agree, and
prints a table of times, peak memory and ratios. Usage: bench/.venv/bin/python bench/run.py [1m 10m ...]

- load: orders + customers parsed from CSV in one process (Tally: two `load` statements, eager); the
  median of 3 runs, each in a fresh process or connection, as is the gzip load (one sample swings by a
  fifth on a busy machine).
- warm: each question in a session that has the data loaded; median of 5 runs after one warm-up.
- one-shot: the whole process (`tally --data DIR -e QUESTION`, a Python process for the peers), reading
  only what the question needs; median wall time of 3 runs and the largest peak RSS. Tally parses the
  CSV files every time here (TALLY_CACHE=off).
- re-open: the same one-shot run once Tally's column cache holds the columns (bench/.cache).
- touched: the bytes of the columns a question reads, as Tally stores them, for the memory ratio.
- larger than memory (10m and up): the one-shot run under `ulimit -v` of STREAM_LIMIT_MIB, less than the
  touched columns' size, so Tally answers by streaming the file in blocks; the answer must not change.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import time

import peers

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
TALLY = os.path.join(ROOT, ".build-release", "release", "tally")
PYTHON = sys.executable
RUNS = 5
LOADS = 3
NO_CACHE = dict(os.environ, TALLY_CACHE="off")
STREAM_LIMIT_MIB = 320
CACHED = dict(os.environ, XDG_CACHE_HOME=os.path.join(BENCH, ".cache"))
# Bytes per row of each column as Tally stores it: dates 4, text codes 4, integers and cents 4 (every
# value of these columns fits in 32 bits; a column with one that does not is held in 8).
WIDTH = {"date": 4, "signup_date": 4, "churn_date": 4, "amount": 4, "customer_id": 4, "id": 4, "plan": 4,
         "kind": 4, "score": 4}


def tally_warm(folder):
    loads = [f'load "{folder}/{n}.csv"' for n in ("orders", "customers", "surveys")]
    script = loads + [q for q in peers.QUESTIONS.values() for _ in range(RUNS + 1)]
    done = subprocess.run([TALLY, "--format", "csv", "--timing"], input="\n".join(script) + "\n",
                          capture_output=True, text=True, check=True, env=NO_CACHE)
    times = timings(done.stderr)
    load = median_load(times[0] + times[1], lambda: tally_load(f"{folder}/orders.csv", f"{folder}/customers.csv"))
    warm = {}
    for i, question in enumerate(peers.QUESTIONS):
        runs = times[3 + i * (RUNS + 1):3 + (i + 1) * (RUNS + 1)]
        warm[question] = statistics.median(runs[1:])
    return load, warm


def tally_load(*files):
    """Seconds to load `files` in one fresh process (the sum of the `load` statements' times)."""
    done = subprocess.run([TALLY, "--timing"] + [a for f in files for a in ("-e", f'load "{f}"')],
                          capture_output=True, text=True, check=True, env=NO_CACHE)
    return sum(timings(done.stderr))


def timings(stderr):
    """The seconds of each statement that `--timing` printed."""
    return [float(x) / 1000 for x in re.findall(r"^time: ([0-9.]+) ms$", stderr, re.M)]


def median_load(first, again):
    """The median of `first` (a load already timed) and LOADS - 1 more runs of `again`."""
    return statistics.median([first] + [again() for _ in range(LOADS - 1)])


def tally_load_gz(folder):
    """Seconds to load the gzip-compressed orders (decompressed as a stream, parsed on every core)."""
    return statistics.median(tally_load(f"{folder}-gz/orders.csv.gz") for _ in range(LOADS))


def duckdb_load_gz(folder):
    def once():
        con = peers.duckdb_connect()
        return timed(lambda: con.execute(f"CREATE TABLE orders AS SELECT * FROM read_csv('{folder}-gz/orders.csv.gz')"))[0]
    return statistics.median(once() for _ in range(LOADS))


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def duckdb_warm(folder):
    con = peers.duckdb_connect()
    load, _ = timed(lambda: peers.duckdb_load(con, folder, ["orders", "customers"]))
    load = median_load(load, lambda: timed(lambda: peers.duckdb_load(peers.duckdb_connect(), folder, ["orders", "customers"]))[0])
    peers.duckdb_load(con, folder, ["surveys"])
    warm = {}
    for question in peers.QUESTIONS:
        runs = [timed(lambda: peers.duckdb_answer(con, question))[0] for _ in range(RUNS + 1)]
        warm[question] = statistics.median(runs[1:])
    return load, warm


def polars_warm(folder):
    load, frames = timed(lambda: peers.polars_load(folder, ["orders", "customers"]))
    load = median_load(load, lambda: timed(lambda: peers.polars_load(folder, ["orders", "customers"]))[0])
    frames.update(peers.polars_load(folder, ["surveys"]))
    warm = {}
    for question in peers.QUESTIONS:
        runs = [timed(lambda: peers.polars_answer(frames, question))[0] for _ in range(RUNS + 1)]
        warm[question] = statistics.median(runs[1:])
    return load, warm


def whole_process(command, env=None):
    """Median wall seconds of 3 runs and the largest peak RSS in MiB, from GNU time."""
    walls, peaks, out = [], [], ""
    for _ in range(3):
        done = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + command, capture_output=True, text=True, check=True,
                              env=env)
        wall, peak = done.stderr.strip().splitlines()[-1].split()
        walls.append(float(wall))
        peaks.append(int(peak) / 1024)
        out = done.stdout
    return statistics.median(walls), max(peaks), out


def parse_tally_csv(text):
    lines = text.strip().splitlines()[1:]
    answer = {}
    for line in lines:
        cells = line.split(",")
        answer[tuple(c if c != "" else None for c in cells[:-1])] = float(cells[-1]) if cells[-1] != "" else None
    return answer


def agree(a, b):
    if a.keys() != b.keys():
        return f"rows differ: {sorted(set(a) ^ set(b), key=str)[:5]}"
    for key, x in a.items():
        y = b[key]
        if (x is None) != (y is None):
            return f"{key}: {x} vs {y}"
        if x is not None and abs(x - y) > 1e-9 * max(abs(x), abs(y), 1e-300):
            return f"{key}: {x} vs {y}"
    return None


def answers_of_peers(folder):
    con = peers.duckdb_connect()
    peers.duckdb_load(con, folder, ["orders", "customers", "surveys"])
    frames = peers.polars_load(folder, ["orders", "customers", "surveys"])
    return ({q: peers.duckdb_answer(con, q) for q in peers.QUESTIONS},
            {q: peers.polars_answer(frames, q) for q in peers.QUESTIONS})


def rows_of(folder, name):
    with open(os.path.join(folder, name + ".csv"), "rb") as f:
        return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 24), b"")) - 1


def touched_mib(folder, question):
    return sum(rows_of(folder, name) * sum(WIDTH[c] for c in columns)
               for name, columns in peers.COLUMNS[question].items()) / (1 << 20)


def fmt_time(seconds):
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def ratio(tally, others):
    best = min(o for o in others if o is not None)
    return f"{tally / best:.2f}×" if best > 0 else "—"


def bench(size):
    folder = os.path.join(BENCH, "data", size)
    print(f"\n## {size}: {folder}\n", flush=True)
    rows = []
    t_load, t_warm = tally_warm(folder)
    d_load, d_warm = duckdb_warm(folder)
    p_load, p_warm = polars_warm(folder)
    rows.append(("load orders + customers", t_load, d_load, p_load))
    # Polars reads no compressed CSV without first holding it decompressed, so it sits this one out.
    rows.append(("load orders.csv.gz", tally_load_gz(folder), duckdb_load_gz(folder), None))
    for q, text in peers.QUESTIONS.items():
        rows.append((f"warm: {text}", t_warm[q], d_warm[q], p_warm[q]))

    duck_answers, polars_answers = answers_of_peers(folder)
    problems = []
    oneshots = []
    reopened = []
    for q, text in peers.QUESTIONS.items():
        t = whole_process([TALLY, "--data", folder, "--format", "csv", "-e", text], NO_CACHE)
        subprocess.run([TALLY, "--data", folder, "--format", "csv", "-e", text], capture_output=True, env=CACHED, check=True)
        reopened.append((text, whole_process([TALLY, "--data", folder, "--format", "csv", "-e", text], CACHED),
                         touched_mib(folder, q), t))
        d = whole_process([PYTHON, os.path.join(BENCH, "peers.py"), "duckdb", q, folder])
        p = whole_process([PYTHON, os.path.join(BENCH, "peers.py"), "polars", q, folder])
        oneshots.append((text, t, d, p))
        mine = parse_tally_csv(t[2])
        for peer, theirs in (("DuckDB", duck_answers[q]), ("Polars", polars_answers[q])):
            problem = agree(mine, theirs)
            if problem:
                problems.append(f"{text}: Tally and {peer} disagree: {problem}")

    print("| work | Tally | DuckDB | Polars | Tally ÷ best peer |")
    print("|---|---|---|---|---|")
    for name, t, d, p in rows:
        print(f"| {name} | {fmt_time(t)} | {fmt_time(d)} | {fmt_time(p)} | {ratio(t, [d, p])} |")
    for text, t, d, p in oneshots:
        print(f"| one-shot: {text} | {fmt_time(t[0])}, {t[1]:.0f} MiB | {fmt_time(d[0])}, {d[1]:.0f} MiB"
              f" | {fmt_time(p[0])}, {p[1]:.0f} MiB | {ratio(t[0], [d[0], p[0]])} time, {ratio(t[1], [d[1], p[1]])} memory |")
    print()
    print("| re-open with the column cache | load + query | peak | touched columns | peak ÷ touched (parse / cache) |")
    print("|---|---|---|---|---|")
    for text, c, touched, t in reopened:
        print(f"| {text} | {fmt_time(c[0])} | {c[1]:.0f} MiB | {touched:.0f} MiB | {t[1] / touched:.2f} / {c[1] / touched:.2f} |")
        if parse_tally_csv(c[2]) != parse_tally_csv(t[2]):
            problems.append(f"{text}: the cached run's answer differs from the parsed one")
    print()
    if rows_of(folder, "orders") >= 10_000_000:
        print(f"| larger than memory: one-shot under ulimit -v {STREAM_LIMIT_MIB} MiB | Tally (streaming) | DuckDB (no limit)"
              f" | Tally ÷ DuckDB |")
        print("|---|---|---|---|")
        for text, t, d, _ in oneshots:
            limited = f"ulimit -v {STREAM_LIMIT_MIB * 1024}; exec \"$0\" \"$@\""
            s = whole_process(["bash", "-c", limited, TALLY, "--data", folder, "--format", "csv", "-e", text], NO_CACHE)
            print(f"| {text} | {fmt_time(s[0])}, {s[1]:.0f} MiB | {fmt_time(d[0])}, {d[1]:.0f} MiB"
                  f" | {s[0] / d[0]:.2f}× time, {s[1] / d[1]:.2f}× memory |")
            if parse_tally_csv(s[2]) != parse_tally_csv(t[2]):
                problems.append(f"{text}: the streamed answer differs from the in-memory one")
        print()
    if problems:
        print("ANSWERS DISAGREE:\n" + "\n".join(problems))
        return None
    print(f"answers agree: {len(peers.QUESTIONS)} questions, Tally = DuckDB = Polars (1e-9 relative)")
    return {name: t for name, t, _, _ in rows} | {f"one-shot: {text}": t[0] for text, t, _, _ in oneshots}


def main():
    sizes = sys.argv[1:] or ["1m", "10m"]
    print(f"cores: {os.cpu_count()}; runs: median of {LOADS} loads, {RUNS} warm, 3 one-shot")
    shutil.rmtree(os.path.join(BENCH, ".cache"), ignore_errors=True)
    results = [bench(size) for size in sizes]
    if None not in results and len(sizes) > 1:
        # Orders grow with the size's name; time should grow in proportion (linear scaling).
        first, last = results[0], results[-1]
        print(f"\n## Scaling: Tally's time at {sizes[-1]} ÷ at {sizes[0]}\n")
        print("| work | ratio |")
        print("|---|---|")
        for name in first:
            print(f"| {name} | {last[name] / first[name]:.1f}× |" if first[name] > 0 else f"| {name} | — |")
    sys.exit(0 if None not in results else 1)


if __name__ == "__main__":
    main()
