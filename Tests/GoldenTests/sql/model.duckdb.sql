-- model.test:6
-- revenue, big_revenue by month, plan
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
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT
      r0."plan" AS d0,
      p.idx AS idx,
      SUM(t."amount") AS a0,
      SUM(t."amount") FILTER (WHERE t."amount" >= 100) AS a1
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
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g0.a1, 0) AS a1
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  label AS "month",
  d0 AS "plan",
  a0 AS "revenue",
  a1 AS "big_revenue"
FROM cells
ORDER BY idx NULLS LAST, d0 NULLS LAST;

