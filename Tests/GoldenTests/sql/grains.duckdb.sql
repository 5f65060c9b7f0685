-- grains.test:4
-- purchases by day since 2024-02-28 until 2024-03-01
WITH
  bounds AS (
    SELECT DATE '2024-02-28' AS since, DATE '2024-03-01' AS until
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day AS DATE) + 1, b.until + 1) AS hi,
      strftime(s.day, '%Y-%m-%d') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('day', CAST(b.since AS TIMESTAMP)), date_trunc('day', CAST(b.until AS TIMESTAMP)), INTERVAL '1 day') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, p.label AS label, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "day", a0 AS "purchases"
FROM cells
ORDER BY idx NULLS LAST;

-- grains.test:12
-- purchases by week
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('week', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('week', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '7 days' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '7 days' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%G-W%V') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('week', CAST(b.since AS TIMESTAMP)), date_trunc('week', CAST(b.until AS TIMESTAMP)), INTERVAL '7 days') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, p.label AS label, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "week", a0 AS "purchases"
FROM cells
ORDER BY idx NULLS LAST;

-- grains.test:32
-- revenue by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)), date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, SUM(t."amount") AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, p.label AS label, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "month", a0 AS "revenue"
FROM cells
ORDER BY idx NULLS LAST;

-- grains.test:42
-- revenue by quarter
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('quarter', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('quarter', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '3 months' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '3 months' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y') || '-Q' || CAST(quarter(s.day) AS VARCHAR) AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('quarter', CAST(b.since AS TIMESTAMP)), date_trunc('quarter', CAST(b.until AS TIMESTAMP)), INTERVAL '3 months') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, SUM(t."amount") AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, p.label AS label, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "quarter", a0 AS "revenue"
FROM cells
ORDER BY idx NULLS LAST;

-- grains.test:50
-- revenue by year
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('year', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('year', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 year' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '1 year' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('year', CAST(b.since AS TIMESTAMP)), date_trunc('year', CAST(b.until AS TIMESTAMP)), INTERVAL '1 year') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, SUM(t."amount") AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, p.label AS label, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "year", a0 AS "revenue"
FROM cells
ORDER BY idx NULLS LAST;

-- grains.test:58
-- purchases by week between 2024-12-23 and 2025-01-12
WITH
  bounds AS (
    SELECT DATE '2024-12-23' AS since, DATE '2025-01-12' AS until
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '7 days' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%G-W%V') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('week', CAST(b.since AS TIMESTAMP)), date_trunc('week', CAST(b.until AS TIMESTAMP)), INTERVAL '7 days') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, p.label AS label, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "week", a0 AS "purchases"
FROM cells
ORDER BY idx NULLS LAST;

-- grains.test:67
-- purchases by week between 2020-12-30 and 2021-01-04
WITH
  bounds AS (
    SELECT DATE '2020-12-30' AS since, DATE '2021-01-04' AS until
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '7 days' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%G-W%V') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('week', CAST(b.since AS TIMESTAMP)), date_trunc('week', CAST(b.until AS TIMESTAMP)), INTERVAL '7 days') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, p.label AS label, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "week", a0 AS "purchases"
FROM cells
ORDER BY idx NULLS LAST;

-- grains.test:75
-- tickets by day
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('day', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('day', CAST(MAX(hi) AS TIMESTAMP)) AS DATE) + 1 - 1 AS until
    FROM (
      SELECT
        MIN(CAST(t."opened_at" AS DATE)) AS lo,
        MAX(CAST(t."opened_at" AS DATE)) AS hi
      FROM "tickets" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day AS DATE) + 1, b.until + 1) AS hi,
      strftime(s.day, '%Y-%m-%d') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('day', CAST(b.since AS TIMESTAMP)), date_trunc('day', CAST(b.until AS TIMESTAMP)), INTERVAL '1 day') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "tickets" AS t
    JOIN periods AS p ON t."opened_at" >= p.lo AND t."opened_at" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, p.label AS label, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "day", a0 AS "tickets"
FROM cells
ORDER BY idx NULLS LAST;

