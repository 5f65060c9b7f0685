-- declare-help.test:10
-- purchases, paying_customers by kind
WITH
  bounds AS (
    SELECT CAST(NULL AS DATE) AS since, CAST(NULL AS DATE) AS until
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  combos AS (
    SELECT DISTINCT t."kind" AS d0
    FROM "orders" AS t
  ),
  g0 AS (
    SELECT
      t."kind" AS d0,
      COUNT(*) AS a0,
      COUNT(DISTINCT t."customer_id") AS a1
    FROM "orders" AS t
    GROUP BY t."kind"
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "kind", a0 AS "purchases", a1 AS "paying_customers"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST;

-- declare-help.test:17
-- new_customers by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."signup_date") AS lo, MAX(t."signup_date") AS hi
      FROM "customers" AS t
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
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" >= p.lo AND t."signup_date" < p.hi
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
SELECT label AS "month", a0 AS "new_customers"
FROM cells
ORDER BY idx NULLS LAST;

