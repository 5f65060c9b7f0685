-- examples.test:4
-- revenue by month where plan = "pro" since 2024-01-01 until 2024-12-31
WITH
  bounds AS (
    SELECT DATE '2024-01-01' AS since, DATE '2024-12-31' AS until
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
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."plan" = 'pro'
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
SELECT label AS "month", a0 AS "revenue"
FROM cells
ORDER BY idx NULLS LAST;

-- examples.test:21
-- revenue, purchases, avg_order_value by quarter since 2024-01-01 until 2024-12-31
WITH
  bounds AS (
    SELECT DATE '2024-01-01' AS since, DATE '2024-12-31' AS until
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '3 months' AS DATE), b.until + 1) AS hi,
      to_char(s.day, 'YYYY-"Q"Q') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('quarter', CAST(b.since AS TIMESTAMP)), date_trunc('quarter', CAST(b.until AS TIMESTAMP)), INTERVAL '3 months') AS s(day)
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
SELECT
  label AS "quarter",
  a0 AS "revenue",
  a1 AS "purchases",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "avg_order_value"
FROM cells
ORDER BY idx NULLS LAST;

-- examples.test:32
-- nps, csat, response_time by region since 2025-01-01
WITH
  bounds AS (
    SELECT DATE '2025-01-01' AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "surveys" AS t
      UNION ALL
      SELECT
        MIN(CAST(t."opened_at" AS DATE)) AS lo,
        MAX(CAST(t."opened_at" AS DATE)) AS hi
      FROM "tickets" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  combos AS (
    SELECT r0."region" AS d0
    FROM "surveys" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    UNION
    SELECT r0."region" AS d0
    FROM "tickets" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT
      r0."region" AS d0,
      p.idx AS idx,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" >= 9) AS a0,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" <= 6) AS a1,
      COUNT(*) FILTER (WHERE t."kind" = 'nps') AS a2,
      COUNT(*) FILTER (WHERE t."kind" = 'csat' AND t."score" >= 4) AS a3,
      COUNT(*) FILTER (WHERE t."kind" = 'csat') AS a4
    FROM "surveys" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY r0."region", p.idx
  ),
  g1 AS (
    SELECT
      r0."region" AS d0,
      p.idx AS idx,
      SUM(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) FILTER (WHERE t."first_response_at" IS NOT NULL) AS a5,
      COUNT(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) FILTER (WHERE t."first_response_at" IS NOT NULL) AS a6
    FROM "tickets" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."opened_at" >= p.lo AND t."opened_at" < p.hi
    GROUP BY r0."region", p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g0.a2, 0) AS NUMERIC) AS a2,
      CAST(COALESCE(g0.a3, 0) AS NUMERIC) AS a3,
      CAST(COALESCE(g0.a4, 0) AS NUMERIC) AS a4,
      CAST(COALESCE(g1.a5, 0) AS NUMERIC) AS a5,
      CAST(COALESCE(g1.a6, 0) AS NUMERIC) AS a6
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
    LEFT JOIN g1 ON g1.idx = p.idx AND g1.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "region",
  CAST(100 * (a0 - a1) AS DOUBLE PRECISION) / NULLIF(CAST(a2 AS DOUBLE PRECISION), 0) AS "nps",
  CAST(a3 AS DOUBLE PRECISION) / NULLIF(CAST(a4 AS DOUBLE PRECISION), 0) AS "csat",
  CAST(a5 AS DOUBLE PRECISION) / NULLIF(CAST(a6 AS DOUBLE PRECISION), 0) / NULLIF(3600000000, 0) AS "response_time"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST;

