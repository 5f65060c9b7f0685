"""Runs SQL that Tally printed for DuckDB, for the DuckDB parity tests.

Reads a plan (JSON) naming tables to create and fill from CSV files, and statements with their
bound values; prints one JSON object: for each statement, its column types and rows, or its error.
One process runs a whole plan, so the tests pay for starting Python and DuckDB once per plan.

    python duckdb-run.py PLAN.json > RESULTS.json

Plan:    {"tables": [{"name", "columns": [[name, type]], "csv"}],
          "statements": [{"sql", "parameters": [{"type": "text|integer|decimal|double|bool|date", "value"}]}]}
Results: {"results": [{"types": [...], "rows": [[cell]]} | {"error": "..."}]}
Cells are JSON null, booleans, integers, numbers, or text (dates and timestamps in ISO form,
decimals as exact text); non-finite numbers are null, as Tally shows them.
"""

import datetime
import decimal
import json
import math
import sys

import duckdb


def parameter(p):
    kind, value = p["type"], p["value"]
    if kind == "date":
        return datetime.date.fromisoformat(value)
    if kind == "decimal":
        return decimal.Decimal(value)
    return value


def cell(v):
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    return str(v)


def quote(identifier):
    return '"' + identifier.replace('"', '""') + '"'


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        plan = json.load(f)
    con = duckdb.connect()
    for t in plan["tables"]:
        columns = ", ".join(f"{quote(n)} {ty}" for n, ty in t["columns"])
        con.execute(f"CREATE TABLE {quote(t['name'])} ({columns})")
        path = t["csv"].replace("'", "''")
        # An unquoted empty field is null; a quoted one ("") is the empty text, as in Tally's CSV.
        con.execute(
            f"COPY {quote(t['name'])} FROM '{path}' "
            "(FORMAT csv, HEADER false, NULL '', ALLOW_QUOTED_NULLS false)"
        )
    results = []
    for s in plan["statements"]:
        try:
            cursor = con.execute(s["sql"], [parameter(p) for p in s["parameters"]])
            types = [str(d[1]) for d in cursor.description]
            rows = [[cell(v) for v in row] for row in cursor.fetchall()]
            results.append({"types": types, "rows": rows})
        except duckdb.Error as e:
            results.append({"error": str(e)})
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
