"""The benchmark's questions answered by DuckDB and by Polars, written as each is best used.

Every answer is a dict from a row key (tuple of labels) to a number or None, so run.py can compare them
with Tally's. Each question mirrors the standard library's definition (see the comments); where Tally
shows a dense time axis, the peers fill the months the same way.
"""

import sys
import time

QUESTIONS = {
    "revenue": 'revenue by month',
    "revenue_pro": 'revenue by month where plan = "pro"',
    "churn": 'churn by month',
    "paying": 'paying_customers by month, plan',
    "nps": 'nps by month',
}

# Which files each question reads (the one-shot runs read only these).
FILES = {
    "revenue": ["orders"],
    "revenue_pro": ["orders", "customers"],
    "churn": ["customers"],
    "paying": ["orders", "customers"],
    "nps": ["surveys"],
}


# The columns each question reads, per file: what a one-shot run needs to parse.
COLUMNS = {
    "revenue": {"orders": ["date", "amount"]},
    "revenue_pro": {"orders": ["date", "amount", "customer_id"], "customers": ["id", "plan"]},
    "churn": {"customers": ["signup_date", "churn_date"]},
    "paying": {"orders": ["date", "customer_id"], "customers": ["id", "plan"]},
    "nps": {"surveys": ["date", "kind", "score"]},
}


# ---------------------------------------------------------------- DuckDB

def duckdb_connect():
    import duckdb
    return duckdb.connect(config={"threads": 2})


def duckdb_load(con, folder, names):
    for name in names:
        con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM read_csv('{folder}/{name}.csv')")


# Months between the first and last anchor month, as DATE values.
def _months(source, lo, hi):
    return f"""(SELECT unnest(generate_series(date_trunc('month', min({lo}))::DATE,
                                             date_trunc('month', max({hi}))::DATE,
                                             INTERVAL 1 MONTH))::DATE AS m FROM {source})"""


DUCKDB_SQL = {
    # revenue = sum(orders.amount), anchored on orders.date
    "revenue": f"""
        SELECT strftime(s.m, '%Y-%m'), coalesce(r.v, 0)
        FROM {_months('orders', 'date', 'date')} s
        LEFT JOIN (SELECT date_trunc('month', date)::DATE AS m, sum(amount) AS v FROM orders GROUP BY 1) r USING (m)
        ORDER BY s.m""",
    # the filter reaches customers.plan through orders.customer_id; the range is over the filtered rows
    "revenue_pro": f"""
        WITH o AS (SELECT o.date, o.amount FROM orders o JOIN customers c ON o.customer_id = c.id WHERE c.plan = 'pro')
        SELECT strftime(s.m, '%Y-%m'), coalesce(r.v, 0)
        FROM {_months('o', 'date', 'date')} s
        LEFT JOIN (SELECT date_trunc('month', date)::DATE AS m, sum(amount) AS v FROM o GROUP BY 1) r USING (m)
        ORDER BY s.m""",
    # churn = customers active at the month's start whose churn_date falls in the month / those active.
    # Active at the start of m: signup < m and (churn null or churn >= m), i.e. months
    # trunc(signup)+1 .. trunc(churn): counted with +1/-1 events and a running sum.
    "churn": f"""
        WITH c AS (SELECT (date_trunc('month', signup_date) + INTERVAL 1 MONTH)::DATE AS a,
                          date_trunc('month', churn_date)::DATE AS z FROM customers),
             live AS (SELECT a, z FROM c WHERE z IS NULL OR a <= z),
             ev AS (SELECT a AS m, 1 AS d FROM live
                    UNION ALL SELECT (z + INTERVAL 1 MONTH)::DATE, -1 FROM live WHERE z IS NOT NULL),
             delta AS (SELECT m, sum(d) AS d FROM ev GROUP BY m),
             churned AS (SELECT z AS m, count(*) AS n FROM live WHERE z IS NOT NULL GROUP BY z),
             s AS {_months('customers', 'signup_date', 'greatest(signup_date, coalesce(churn_date, signup_date))')},
             run AS (SELECT s.m, sum(coalesce(delta.d, 0)) OVER (ORDER BY s.m) AS active
                     FROM s LEFT JOIN delta USING (m))
        SELECT strftime(run.m, '%Y-%m'), coalesce(churned.n, 0) / nullif(run.active, 0)
        FROM run LEFT JOIN churned USING (m) ORDER BY run.m""",
    # paying_customers = count_distinct(orders.customer_id), by month and the customer's plan
    # (an order whose customer is missing or has no plan goes to the null plan)
    "paying": f"""
        WITH o AS (SELECT o.date, o.customer_id, c.plan FROM orders o LEFT JOIN customers c ON o.customer_id = c.id)
        SELECT strftime(s.m, '%Y-%m'), p.plan, coalesce(r.v, 0)
        FROM {_months('o', 'date', 'date')} s CROSS JOIN (SELECT DISTINCT plan FROM o) p
        LEFT JOIN (SELECT date_trunc('month', date)::DATE AS m, plan, count(DISTINCT customer_id) AS v
                   FROM o GROUP BY 1, 2) r ON r.m = s.m AND r.plan IS NOT DISTINCT FROM p.plan
        ORDER BY s.m, p.plan NULLS LAST""",
    # nps = 100 * (promoters - detractors) / nps surveys; the range covers every survey's date
    "nps": f"""
        SELECT strftime(s.m, '%Y-%m'), 100.0 * (r.pro - r.det) / nullif(r.n, 0)
        FROM {_months('surveys', 'date', 'date')} s
        LEFT JOIN (SELECT date_trunc('month', date)::DATE AS m,
                          count(*) FILTER (WHERE kind = 'nps' AND score >= 9) AS pro,
                          count(*) FILTER (WHERE kind = 'nps' AND score <= 6) AS det,
                          count(*) FILTER (WHERE kind = 'nps') AS n
                   FROM surveys GROUP BY 1) r USING (m)
        ORDER BY s.m""",
}


def duckdb_answer(con, question):
    rows = con.execute(DUCKDB_SQL[question]).fetchall()
    return {tuple(r[:-1]): (None if r[-1] is None else float(r[-1])) for r in rows}


# ---------------------------------------------------------------- Polars

def polars_load(folder, names, columns=None):
    import polars as pl
    return {name: pl.read_csv(f"{folder}/{name}.csv", try_parse_dates=True, columns=(columns or {}).get(name))
            for name in names}


def _polars_months(pl, lo, hi):
    return pl.DataFrame({"m": pl.date_range(lo, hi, interval="1mo", eager=True)})


def polars_answer(frames, question):
    import polars as pl
    month = lambda col: pl.col(col).dt.truncate("1mo")
    if question in ("revenue", "revenue_pro"):
        o = frames["orders"]
        if question == "revenue_pro":
            c = frames["customers"].filter(pl.col("plan") == "pro").select("id")
            o = o.join(c, left_on="customer_id", right_on="id", how="inner")
        r = o.group_by(month("date").alias("m")).agg(pl.col("amount").sum().alias("v"))
        s = _polars_months(pl, o["date"].min().replace(day=1), o["date"].max().replace(day=1))
        out = s.join(r, on="m", how="left").sort("m")
        return {(m.strftime("%Y-%m"),): (v if v is not None else 0.0) for m, v in out.iter_rows()}
    if question == "churn":
        c = frames["customers"].select(
            (month("signup_date").dt.offset_by("1mo")).alias("a"), month("churn_date").alias("z"))
        live = c.filter(pl.col("z").is_null() | (pl.col("a") <= pl.col("z")))
        ev = pl.concat([
            live.select(pl.col("a").alias("m"), pl.lit(1).alias("d")),
            live.filter(pl.col("z").is_not_null()).select(pl.col("z").dt.offset_by("1mo").alias("m"), pl.lit(-1).alias("d")),
        ])
        delta = ev.group_by("m").agg(pl.col("d").sum())
        churned = live.filter(pl.col("z").is_not_null()).group_by("z").agg(pl.len().alias("n")).rename({"z": "m"})
        cu = frames["customers"]
        hi = max(cu["signup_date"].max(), cu["churn_date"].max())
        s = _polars_months(pl, cu["signup_date"].min().replace(day=1), hi.replace(day=1))
        run = s.join(delta, on="m", how="left").sort("m").with_columns(pl.col("d").fill_null(0).cum_sum().alias("active"))
        out = run.join(churned, on="m", how="left").sort("m")
        return {(m.strftime("%Y-%m"),): (None if a == 0 else (n or 0) / a)
                for m, a, n in out.select("m", "active", "n").iter_rows()}
    if question == "paying":
        o = frames["orders"].join(frames["customers"].select("id", "plan"), left_on="customer_id", right_on="id", how="left")
        r = o.group_by(month("date").alias("m"), "plan").agg(pl.col("customer_id").n_unique().alias("v"))
        # n_unique counts a null id as a value; Tally's count_distinct does not
        nulls = o.filter(pl.col("customer_id").is_null()).group_by(month("date").alias("m"), "plan").agg(pl.len().alias("x"))
        r = r.join(nulls, on=["m", "plan"], how="left").with_columns((pl.col("v") - pl.col("x").fill_null(0).clip(0, 1)).alias("v"))
        s = _polars_months(pl, o["date"].min().replace(day=1), o["date"].max().replace(day=1))
        plans = o.select("plan").unique()
        out = s.join(plans, how="cross").join(r.select("m", "plan", "v"), on=["m", "plan"], how="left", nulls_equal=True)
        return {(m.strftime("%Y-%m"), p): float(v or 0) for m, p, v in out.iter_rows()}
    if question == "nps":
        sv = frames["surveys"]
        nps = pl.col("kind") == "nps"
        r = sv.group_by(month("date").alias("m")).agg(
            (nps & (pl.col("score") >= 9)).sum().alias("pro"),
            (nps & (pl.col("score") <= 6)).sum().alias("det"),
            nps.sum().alias("n"))
        s = _polars_months(pl, sv["date"].min().replace(day=1), sv["date"].max().replace(day=1))
        out = s.join(r, on="m", how="left").sort("m")
        return {(m.strftime("%Y-%m"),): (None if not n else 100.0 * (p - d) / n)
                for m, p, d, n in out.select("m", "pro", "det", "n").iter_rows()}
    raise KeyError(question)


# ---------------------------------------------------------------- one-shot runs

def oneshot(engine, question, folder):
    """Load what the question needs and answer it once, as a whole process (timed from outside)."""
    names = FILES[question]
    if engine == "duckdb":
        con = duckdb_connect()
        # Views over the files: DuckDB reads only the columns the query uses.
        for name in names:
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_csv('{folder}/{name}.csv')")
        answer = duckdb_answer(con, question)
    else:
        answer = polars_answer(polars_load(folder, names, COLUMNS[question]), question)
    print(len(answer))


if __name__ == "__main__":
    oneshot(sys.argv[1], sys.argv[2], sys.argv[3])
