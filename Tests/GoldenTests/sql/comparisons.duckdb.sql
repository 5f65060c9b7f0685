-- comparisons.test:7
-- revenue by month vs previous
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
      CASE WHEN CAST(s.day AS DATE) < CAST(date_trunc('month', CAST(b.since AS TIMESTAMP)) AS DATE) THEN CAST(s.day AS DATE) ELSE GREATEST(CAST(s.day AS DATE), b.since) END AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)) - INTERVAL '1 month', date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
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
  ),
  w1 AS (
    SELECT cells.*, LAG(a0) OVER (ORDER BY idx) AS w1
    FROM cells
  )
SELECT
  label AS "month",
  a0 AS "revenue",
  w1 AS "revenue_previous",
  a0 - w1 AS "revenue_change",
  CAST(a0 - w1 AS DOUBLE) / NULLIF(CAST(w1 AS DOUBLE), 0) AS "revenue_growth"
FROM w1
WHERE idx >= 1
ORDER BY idx NULLS LAST;

-- comparisons.test:17
-- revenue by month vs previous
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
      CASE WHEN CAST(s.day AS DATE) < CAST(date_trunc('month', CAST(b.since AS TIMESTAMP)) AS DATE) THEN CAST(s.day AS DATE) ELSE GREATEST(CAST(s.day AS DATE), b.since) END AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)) - INTERVAL '1 month', date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
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
  ),
  w1 AS (
    SELECT cells.*, LAG(a0) OVER (ORDER BY idx) AS w1
    FROM cells
  )
SELECT
  label AS "month",
  a0 AS "revenue",
  w1 AS "revenue_previous",
  a0 - w1 AS "revenue_change",
  CAST(a0 - w1 AS DOUBLE) / NULLIF(CAST(w1 AS DOUBLE), 0) AS "revenue_growth"
FROM w1
WHERE idx >= 1
ORDER BY idx NULLS LAST;

-- comparisons.test:32
-- revenue, previous(revenue), change(revenue), growth(revenue), rolling(revenue, 2), cumulative(revenue) by month since 2024-01-15
WITH
  bounds AS (
    SELECT
      DATE '2024-01-15' AS since,
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
      CASE WHEN CAST(s.day AS DATE) < CAST(date_trunc('month', CAST(b.since AS TIMESTAMP)) AS DATE) THEN CAST(s.day AS DATE) ELSE GREATEST(CAST(s.day AS DATE), b.since) END AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)) - INTERVAL '1 month', date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
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
  ),
  w1 AS (
    SELECT cells.*, LAG(a0) OVER (ORDER BY idx) AS w1
    FROM cells
  ),
  w2 AS (
    SELECT
      w1.*,
      CASE WHEN idx >= 1 THEN AVG(CAST(a0 AS DOUBLE)) OVER (ORDER BY idx ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) END AS w2
    FROM w1
  ),
  w3 AS (
    SELECT
      w2.*,
      CASE WHEN idx >= 1 THEN SUM(CASE WHEN idx >= 1 THEN a0 END) OVER (ORDER BY idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) END AS w3
    FROM w2
  )
SELECT
  label AS "month",
  a0 AS "revenue",
  w1 AS "previous(revenue)",
  a0 - w1 AS "change(revenue)",
  CAST(a0 - w1 AS DOUBLE) / NULLIF(CAST(w1 AS DOUBLE), 0) AS "growth(revenue)",
  w2 AS "rolling(revenue, 2)",
  w3 AS "cumulative(revenue)"
FROM w3
WHERE idx >= 1
ORDER BY idx NULLS LAST;

-- comparisons.test:42
-- revenue, previous(revenue) by month, plan where plan = "pro" between 2024-01-01 and 2024-04-30
WITH
  bounds AS (
    SELECT DATE '2024-01-01' AS since, DATE '2024-04-30' AS until
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      CASE WHEN CAST(s.day AS DATE) < CAST(date_trunc('month', CAST(b.since AS TIMESTAMP)) AS DATE) THEN CAST(s.day AS DATE) ELSE GREATEST(CAST(s.day AS DATE), b.since) END AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)) - INTERVAL '1 month', date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    WHERE r0."plan" = 'pro'
  ),
  g0 AS (
    SELECT r0."plan" AS d0, p.idx AS idx, SUM(t."amount") AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."plan" = 'pro'
    GROUP BY r0."plan", p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      k.d0 AS d0,
      COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  ),
  w1 AS (
    SELECT cells.*, LAG(a0) OVER (PARTITION BY d0 ORDER BY idx) AS w1
    FROM cells
  )
SELECT
  label AS "month",
  d0 AS "plan",
  a0 AS "revenue",
  w1 AS "previous(revenue)"
FROM w1
WHERE idx >= 1
ORDER BY idx NULLS LAST, d0 NULLS LAST;

-- comparisons.test:52
-- revenue, share(revenue) by quarter, plan
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
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT r0."plan" AS d0, p.idx AS idx, SUM(t."amount") AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY r0."plan", p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      k.d0 AS d0,
      COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  ),
  w1 AS (
    SELECT
      cells.*,
      CAST(a0 AS DOUBLE) / NULLIF(SUM(CAST(a0 AS DOUBLE)) OVER (PARTITION BY idx), 0) AS w1
    FROM cells
  )
SELECT
  label AS "quarter",
  d0 AS "plan",
  a0 AS "revenue",
  w1 AS "share(revenue)"
FROM w1
ORDER BY idx NULLS LAST, d0 NULLS LAST;

-- comparisons.test:69
-- share(revenue) as revenue_share by plan
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
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT r0."plan" AS d0, p.idx AS idx, SUM(t."amount") AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY r0."plan", p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, k.d0 AS d0, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  ),
  w1 AS (
    SELECT
      cells.*,
      CAST(a0 AS DOUBLE) / NULLIF(SUM(CAST(a0 AS DOUBLE)) OVER (PARTITION BY idx), 0) AS w1
    FROM cells
  )
SELECT d0 AS "plan", w1 AS "revenue_share"
FROM w1
ORDER BY d0 NULLS LAST;

-- comparisons.test:79
-- purchases by quarter vs last year between 2024-01-01 and 2024-06-30
WITH
  bounds AS (
    SELECT DATE '2024-01-01' AS since, DATE '2024-06-30' AS until
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      CASE WHEN CAST(s.day AS DATE) < CAST(date_trunc('quarter', CAST(b.since AS TIMESTAMP)) AS DATE) THEN CAST(s.day AS DATE) ELSE GREATEST(CAST(s.day AS DATE), b.since) END AS lo,
      LEAST(CAST(s.day + INTERVAL '3 months' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y') || '-Q' || CAST(quarter(s.day) AS VARCHAR) AS label,
      (year(s.day) * 10 + quarter(s.day)) AS year_key
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('quarter', CAST(b.since AS TIMESTAMP)) - INTERVAL '12 months', date_trunc('quarter', CAST(b.until AS TIMESTAMP)), INTERVAL '3 months') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      p.year_key AS year_key,
      COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  ),
  w1 AS (
    SELECT
      cells.*,
      FIRST_VALUE(a0) OVER (ORDER BY year_key RANGE BETWEEN 10 PRECEDING AND 10 PRECEDING) AS w1
    FROM cells
  )
SELECT
  label AS "quarter",
  a0 AS "purchases",
  w1 AS "purchases_last_year",
  a0 - w1 AS "purchases_change",
  CAST(a0 - w1 AS DOUBLE) / NULLIF(CAST(w1 AS DOUBLE), 0) AS "purchases_growth"
FROM w1
WHERE idx >= 4
ORDER BY idx NULLS LAST;

-- comparisons.test:87
-- purchases by week vs last year between 2024-01-01 and 2024-01-14
WITH
  bounds AS (
    SELECT DATE '2024-01-01' AS since, DATE '2024-01-14' AS until
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      CASE WHEN CAST(s.day AS DATE) < CAST(date_trunc('week', CAST(b.since AS TIMESTAMP)) AS DATE) THEN CAST(s.day AS DATE) ELSE GREATEST(CAST(s.day AS DATE), b.since) END AS lo,
      LEAST(CAST(s.day + INTERVAL '7 days' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%G-W%V') AS label,
      (isoyear(s.day) * 100 + week(s.day)) AS year_key
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('week', CAST(b.since AS TIMESTAMP)) - INTERVAL '371 days', date_trunc('week', CAST(b.until AS TIMESTAMP)), INTERVAL '7 days') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      p.year_key AS year_key,
      COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  ),
  w1 AS (
    SELECT
      cells.*,
      FIRST_VALUE(a0) OVER (ORDER BY year_key RANGE BETWEEN 100 PRECEDING AND 100 PRECEDING) AS w1
    FROM cells
  )
SELECT
  label AS "week",
  a0 AS "purchases",
  w1 AS "purchases_last_year",
  a0 - w1 AS "purchases_change",
  CAST(a0 - w1 AS DOUBLE) / NULLIF(CAST(w1 AS DOUBLE), 0) AS "purchases_growth"
FROM w1
WHERE idx >= 53
ORDER BY idx NULLS LAST;

-- comparisons.test:95
-- avg_order_value, change(avg_order_value), growth(avg_order_value) by quarter
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
      CASE WHEN CAST(s.day AS DATE) < CAST(date_trunc('quarter', CAST(b.since AS TIMESTAMP)) AS DATE) THEN CAST(s.day AS DATE) ELSE GREATEST(CAST(s.day AS DATE), b.since) END AS lo,
      LEAST(CAST(s.day + INTERVAL '3 months' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y') || '-Q' || CAST(quarter(s.day) AS VARCHAR) AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('quarter', CAST(b.since AS TIMESTAMP)) - INTERVAL '3 months', date_trunc('quarter', CAST(b.until AS TIMESTAMP)), INTERVAL '3 months') AS s(day)
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
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g0.a1, 0) AS a1
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  ),
  w1 AS (
    SELECT
      cells.*,
      LAG(CAST(a0 AS DOUBLE) / NULLIF(CAST(a1 AS DOUBLE), 0)) OVER (ORDER BY idx) AS w1
    FROM cells
  )
SELECT
  label AS "quarter",
  CAST(a0 AS DOUBLE) / NULLIF(CAST(a1 AS DOUBLE), 0) AS "avg_order_value",
  CAST(a0 AS DOUBLE) / NULLIF(CAST(a1 AS DOUBLE), 0) - w1 AS "change(avg_order_value)",
  (CAST(a0 AS DOUBLE) / NULLIF(CAST(a1 AS DOUBLE), 0) - w1) / NULLIF(w1, 0) AS "growth(avg_order_value)"
FROM w1
WHERE idx >= 1
ORDER BY idx NULLS LAST;

