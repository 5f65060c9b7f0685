-- aggregates.test:5
-- sum(orders.amount), count(orders), avg(orders.amount), min(orders.amount), max(orders.amount)
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      SUM(t."amount") AS a0,
      COUNT(*) AS a1,
      COUNT(t."amount") AS a2,
      MIN(t."amount") AS a3,
      MAX(t."amount") AS a4
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g0.a2, 0) AS NUMERIC) AS a2,
      CAST(g0.a3 AS NUMERIC) AS a3,
      CAST(g0.a4 AS NUMERIC) AS a4
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  a0 AS "sum(orders.amount)",
  a1 AS "count(orders)",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a2 AS DOUBLE PRECISION), 0) AS "avg(orders.amount)",
  a3 AS "min(orders.amount)",
  a4 AS "max(orders.amount)"
FROM cells;

-- aggregates.test:12
-- median(orders.amount), percentile(orders.amount, 0.9), percentile(orders.amount, 0), percentile(orders.amount, 1)
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t."amount") AS a0,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY t."amount") AS a1,
      percentile_cont(0) WITHIN GROUP (ORDER BY t."amount") AS a2,
      percentile_cont(1) WITHIN GROUP (ORDER BY t."amount") AS a3
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(g0.a0 AS DOUBLE PRECISION) AS a0,
      CAST(g0.a1 AS DOUBLE PRECISION) AS a1,
      CAST(g0.a2 AS DOUBLE PRECISION) AS a2,
      CAST(g0.a3 AS DOUBLE PRECISION) AS a3
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  a0 AS "median(orders.amount)",
  a1 AS "percentile(orders.amount, 0.9)",
  a2 AS "percentile(orders.amount, 0)",
  a3 AS "percentile(orders.amount, 1)"
FROM cells;

-- aggregates.test:19
-- count_distinct(orders.customer_id), count(orders.customer_id)
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      COUNT(DISTINCT t."customer_id") AS a0,
      COUNT(t."customer_id") AS a1
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  a0 AS "count_distinct(orders.customer_id)",
  a1 AS "count(orders.customer_id)"
FROM cells;

-- aggregates.test:26
-- count(orders where kind = "new"), sum(orders.amount where kind = "new"), count(deals on closed_date where stage = "won") by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      UNION ALL
      SELECT MIN(t."closed_date") AS lo, MAX(t."closed_date") AS hi
      FROM "deals" AS t
      UNION ALL
      SELECT MIN(t."created_date") AS lo, MAX(t."created_date") AS hi
      FROM "deals" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      to_char(s.day, 'YYYY-MM') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)), date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) FILTER (WHERE t."kind" = 'new') AS a0,
      SUM(t."amount") FILTER (WHERE t."kind" = 'new') AS a1
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  g1 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) FILTER (WHERE t."stage" = 'won') AS a2
    FROM "deals" AS t
    JOIN periods AS p ON t."closed_date" >= p.lo AND t."closed_date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g1.a2, 0) AS NUMERIC) AS a2
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
  )
SELECT
  label AS "month",
  a0 AS "count(orders where kind = ""new"")",
  a1 AS "sum(orders.amount where kind = ""new"")",
  a2 AS "count(deals on closed_date where stage = ""won"")"
FROM cells
ORDER BY idx NULLS LAST;

-- aggregates.test:37
-- sum(orders.amount where id in (4, 5))
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      SUM(t."amount") FILTER (WHERE t."id" IN (4, 5)) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "sum(orders.amount where id in (4, 5))"
FROM cells;

-- aggregates.test:44
-- avg(hours(tickets.first_response_at - tickets.opened_at)), avg(days(deals.closed_date - deals.created_date))
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT
        MIN(CAST(t."opened_at" AS DATE)) AS lo,
        MAX(CAST(t."opened_at" AS DATE)) AS hi
      FROM "tickets" AS t
      UNION ALL
      SELECT MIN(t."created_date") AS lo, MAX(t."created_date") AS hi
      FROM "deals" AS t
      UNION ALL
      SELECT MIN(t."closed_date") AS lo, MAX(t."closed_date") AS hi
      FROM "deals" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      SUM(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) AS a0,
      COUNT(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) AS a1
    FROM "tickets" AS t
    JOIN periods AS p ON t."opened_at" >= p.lo AND t."opened_at" < p.hi
    GROUP BY p.idx
  ),
  g1 AS (
    SELECT
      p.idx AS idx,
      SUM(EXTRACT(EPOCH FROM CAST(t."closed_date" AS TIMESTAMP) - CAST(t."created_date" AS TIMESTAMP)) * 1000000) AS a2,
      COUNT(EXTRACT(EPOCH FROM CAST(t."closed_date" AS TIMESTAMP) - CAST(t."created_date" AS TIMESTAMP)) * 1000000) AS a3
    FROM "deals" AS t
    JOIN periods AS p ON t."created_date" >= p.lo AND t."created_date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g1.a2, 0) AS NUMERIC) AS a2,
      CAST(COALESCE(g1.a3, 0) AS NUMERIC) AS a3
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
  )
SELECT
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) / NULLIF(3600000000, 0) AS "avg(hours(tickets.first_response_at - tickets.opened_at))",
  CAST(a2 AS DOUBLE PRECISION) / NULLIF(CAST(a3 AS DOUBLE PRECISION), 0) / NULLIF(86400000000, 0) AS "avg(days(deals.closed_date - deals.created_date))"
FROM cells;

-- aggregates.test:51
-- sum(orders.amount where amount > 1000), count(orders where amount > 1000), avg(orders.amount where amount > 1000), median(orders.amount where amount > 1000)
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      SUM(t."amount") FILTER (WHERE t."amount" > 1000) AS a0,
      COUNT(*) FILTER (WHERE t."amount" > 1000) AS a1,
      COUNT(t."amount") FILTER (WHERE t."amount" > 1000) AS a2,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t."amount") FILTER (WHERE t."amount" > 1000) AS a3
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g0.a2, 0) AS NUMERIC) AS a2,
      CAST(g0.a3 AS DOUBLE PRECISION) AS a3
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  a0 AS "sum(orders.amount where amount > 1000)",
  a1 AS "count(orders where amount > 1000)",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a2 AS DOUBLE PRECISION), 0) AS "avg(orders.amount where amount > 1000)",
  a3 AS "median(orders.amount where amount > 1000)"
FROM cells;

