-- exports.test:22
-- avg(hours(support.first_response_at - support.opened_at)) as response by day
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('day', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('day', CAST(MAX(hi) AS TIMESTAMP)) AS DATE) + 1 - 1 AS until
    FROM (
      SELECT
        MIN(CAST(t."opened_at" AS DATE)) AS lo,
        MAX(CAST(t."opened_at" AS DATE)) AS hi
      FROM "support" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day AS DATE) + 1, b.until + 1) AS hi,
      to_char(s.day, 'YYYY-MM-DD') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('day', CAST(b.since AS TIMESTAMP)), date_trunc('day', CAST(b.until AS TIMESTAMP)), INTERVAL '1 day') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      SUM(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) AS a0,
      COUNT(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) AS a1
    FROM "support" AS t
    JOIN periods AS p ON t."opened_at" >= p.lo AND t."opened_at" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  label AS "day",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) / NULLIF(3600000000, 0) AS "response"
FROM cells
ORDER BY idx NULLS LAST;

-- exports.test:46
-- sum(deals_export.amount on created) as total by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."created") AS lo, MAX(t."created") AS hi
      FROM "deals_export" AS t
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
    SELECT p.idx AS idx, SUM(t."amount") AS a0
    FROM "deals_export" AS t
    JOIN periods AS p ON t."created" >= p.lo AND t."created" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "month", a0 AS "total"
FROM cells
ORDER BY idx NULLS LAST;

-- exports.test:56
-- count(deals_export on closed) as closed by day since 2024-01-05 until 2024-01-06
WITH
  bounds AS (
    SELECT DATE '2024-01-05' AS since, DATE '2024-01-06' AS until
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day AS DATE) + 1, b.until + 1) AS hi,
      to_char(s.day, 'YYYY-MM-DD') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('day', CAST(b.since AS TIMESTAMP)), date_trunc('day', CAST(b.until AS TIMESTAMP)), INTERVAL '1 day') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "deals_export" AS t
    JOIN periods AS p ON t."closed" >= p.lo AND t."closed" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "day", a0 AS "closed"
FROM cells
ORDER BY idx NULLS LAST;

-- exports.test:56
-- count(deals_export on closed) as closed by month since 2024-01-01 until 2024-04-30
WITH
  bounds AS (
    SELECT DATE '2024-01-01' AS since, DATE '2024-04-30' AS until
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
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "deals_export" AS t
    JOIN periods AS p ON t."closed" >= p.lo AND t."closed" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "month", a0 AS "closed"
FROM cells
ORDER BY idx NULLS LAST;

-- exports.test:56
-- count(deals_export on created where closed is null) as open
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."created") AS lo, MAX(t."created") AS hi
      FROM "deals_export" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) FILTER (WHERE t."closed" IS NULL) AS a0
    FROM "deals_export" AS t
    JOIN periods AS p ON t."created" >= p.lo AND t."created" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "open"
FROM cells;

-- exports.test:77
-- sum(ventes.amount) as total, count_distinct(ventes.Kunde) as customers
WITH
  bounds AS (
    SELECT CAST(NULL AS DATE) AS since, CAST(NULL AS DATE) AS until
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT SUM(t."amount") AS a0, COUNT(DISTINCT t."Kunde") AS a1
    FROM "ventes" AS t
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    CROSS JOIN g0
  )
SELECT a0 AS "total", a1 AS "customers"
FROM cells;

-- exports.test:77
-- sum(ventes.amount on date) as total by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "ventes" AS t
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
    SELECT p.idx AS idx, SUM(t."amount") AS a0
    FROM "ventes" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "month", a0 AS "total"
FROM cells
ORDER BY idx NULLS LAST;

-- exports.test:91
-- sum(report.amount) by plan
WITH
  bounds AS (
    SELECT CAST(NULL AS DATE) AS since, CAST(NULL AS DATE) AS until
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  combos AS (
    SELECT DISTINCT t."plan" AS d0
    FROM "report" AS t
  ),
  g0 AS (
    SELECT t."plan" AS d0, SUM(t."amount") AS a0
    FROM "report" AS t
    GROUP BY t."plan"
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "plan", a0 AS "sum(report.amount)"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST;

-- exports.test:115
-- revenue, purchases by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT
        MIN(CAST(t."date" AS DATE)) AS lo,
        MAX(CAST(t."date" AS DATE)) AS hi
      FROM "orders" AS t
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
    SELECT p.idx AS idx, SUM(t."amount") AS a0, COUNT(*) AS a1
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "month", a0 AS "revenue", a1 AS "purchases"
FROM cells
ORDER BY idx NULLS LAST;

