-- formats.test:4
-- revenue, purchases, avg_order_value, purchase_frequency by plan
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
    SELECT
      r0."plan" AS d0,
      p.idx AS idx,
      SUM(t."amount") AS a0,
      COUNT(*) AS a1,
      COUNT(DISTINCT t."customer_id") AS a2
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY r0."plan", p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g0.a2, 0) AS NUMERIC) AS a2
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "plan",
  a0 AS "revenue",
  a1 AS "purchases",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "avg_order_value",
  CAST(a1 AS DOUBLE PRECISION) / NULLIF(CAST(a2 AS DOUBLE PRECISION), 0) AS "purchase_frequency"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST;

-- formats.test:15
-- revenue, purchases, avg_order_value, purchase_frequency by plan
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
    SELECT
      r0."plan" AS d0,
      p.idx AS idx,
      SUM(t."amount") AS a0,
      COUNT(*) AS a1,
      COUNT(DISTINCT t."customer_id") AS a2
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY r0."plan", p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g0.a2, 0) AS NUMERIC) AS a2
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "plan",
  a0 AS "revenue",
  a1 AS "purchases",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "avg_order_value",
  CAST(a1 AS DOUBLE PRECISION) / NULLIF(CAST(a2 AS DOUBLE PRECISION), 0) AS "purchase_frequency"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST;

-- formats.test:24
-- revenue, purchases, avg_order_value, purchase_frequency by plan
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
    SELECT
      r0."plan" AS d0,
      p.idx AS idx,
      SUM(t."amount") AS a0,
      COUNT(*) AS a1,
      COUNT(DISTINCT t."customer_id") AS a2
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY r0."plan", p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g0.a2, 0) AS NUMERIC) AS a2
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "plan",
  a0 AS "revenue",
  a1 AS "purchases",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "avg_order_value",
  CAST(a1 AS DOUBLE PRECISION) / NULLIF(CAST(a2 AS DOUBLE PRECISION), 0) AS "purchase_frequency"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST;

-- formats.test:34
-- revenue, purchases, avg_order_value, purchase_frequency by plan
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
    SELECT
      r0."plan" AS d0,
      p.idx AS idx,
      SUM(t."amount") AS a0,
      COUNT(*) AS a1,
      COUNT(DISTINCT t."customer_id") AS a2
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY r0."plan", p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g0.a2, 0) AS NUMERIC) AS a2
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "plan",
  a0 AS "revenue",
  a1 AS "purchases",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "avg_order_value",
  CAST(a1 AS DOUBLE PRECISION) / NULLIF(CAST(a2 AS DOUBLE PRECISION), 0) AS "purchase_frequency"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST;

-- formats.test:44
-- win_rate, sales_cycle, nps, response_time by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."closed_date") AS lo, MAX(t."closed_date") AS hi
      FROM "deals" AS t
      UNION ALL
      SELECT MIN(t."created_date") AS lo, MAX(t."created_date") AS hi
      FROM "deals" AS t
      UNION ALL
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
      COUNT(*) FILTER (WHERE t."stage" = 'won') AS a0,
      COUNT(*) FILTER (WHERE t."stage" IN ('won', 'lost')) AS a1,
      SUM(EXTRACT(EPOCH FROM CAST(t."closed_date" AS TIMESTAMP) - CAST(t."created_date" AS TIMESTAMP)) * 1000000) FILTER (WHERE t."stage" = 'won') AS a2,
      COUNT(EXTRACT(EPOCH FROM CAST(t."closed_date" AS TIMESTAMP) - CAST(t."created_date" AS TIMESTAMP)) * 1000000) FILTER (WHERE t."stage" = 'won') AS a3
    FROM "deals" AS t
    JOIN periods AS p ON t."closed_date" >= p.lo AND t."closed_date" < p.hi
    GROUP BY p.idx
  ),
  g1 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" >= 9) AS a4,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" <= 6) AS a5,
      COUNT(*) FILTER (WHERE t."kind" = 'nps') AS a6
    FROM "surveys" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  g2 AS (
    SELECT
      p.idx AS idx,
      SUM(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) FILTER (WHERE t."first_response_at" IS NOT NULL) AS a7,
      COUNT(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) FILTER (WHERE t."first_response_at" IS NOT NULL) AS a8
    FROM "tickets" AS t
    JOIN periods AS p ON t."opened_at" >= p.lo AND t."opened_at" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g0.a2, 0) AS NUMERIC) AS a2,
      CAST(COALESCE(g0.a3, 0) AS NUMERIC) AS a3,
      CAST(COALESCE(g1.a4, 0) AS NUMERIC) AS a4,
      CAST(COALESCE(g1.a5, 0) AS NUMERIC) AS a5,
      CAST(COALESCE(g1.a6, 0) AS NUMERIC) AS a6,
      CAST(COALESCE(g2.a7, 0) AS NUMERIC) AS a7,
      CAST(COALESCE(g2.a8, 0) AS NUMERIC) AS a8
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
    LEFT JOIN g2 ON g2.idx = p.idx
  )
SELECT
  label AS "month",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "win_rate",
  CAST(a2 AS DOUBLE PRECISION) / NULLIF(CAST(a3 AS DOUBLE PRECISION), 0) / NULLIF(86400000000, 0) AS "sales_cycle",
  CAST(100 * (a4 - a5) AS DOUBLE PRECISION) / NULLIF(CAST(a6 AS DOUBLE PRECISION), 0) AS "nps",
  CAST(a7 AS DOUBLE PRECISION) / NULLIF(CAST(a8 AS DOUBLE PRECISION), 0) / NULLIF(3600000000, 0) AS "response_time"
FROM cells
ORDER BY idx NULLS LAST;

-- formats.test:55
-- nps by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "surveys" AS t
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
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" >= 9) AS a0,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" <= 6) AS a1,
      COUNT(*) FILTER (WHERE t."kind" = 'nps') AS a2
    FROM "surveys" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g0.a2, 0) AS NUMERIC) AS a2
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  label AS "month",
  CAST(100 * (a0 - a1) AS DOUBLE PRECISION) / NULLIF(CAST(a2 AS DOUBLE PRECISION), 0) AS "nps"
FROM cells
ORDER BY idx NULLS LAST;

-- formats.test:65
-- revenue as total, revenue / purchases, sum(orders.amount) * 2 as doubled by year
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
      to_char(s.day, 'YYYY') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('year', CAST(b.since AS TIMESTAMP)), date_trunc('year', CAST(b.until AS TIMESTAMP)), INTERVAL '1 year') AS s(day)
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
  label AS "year",
  a0 AS "total",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "revenue / purchases",
  a0 * 2 AS "doubled"
FROM cells
ORDER BY idx NULLS LAST;

-- formats.test:72
-- revenue by plan order by revenue desc limit 2
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
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "plan", a0 AS "revenue"
FROM cells
ORDER BY 2 DESC NULLS LAST, d0 COLLATE "C" NULLS LAST
LIMIT 2;

-- formats.test:79
-- revenue by month order by month desc
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
      to_char(s.day, 'YYYY-MM') AS label
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
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "month", a0 AS "revenue"
FROM cells
ORDER BY idx DESC NULLS LAST, idx NULLS LAST;

-- formats.test:90
-- sum(orders.amount) /
--     count(orders) by year
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
      to_char(s.day, 'YYYY') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('year', CAST(b.since AS TIMESTAMP)), date_trunc('year', CAST(b.until AS TIMESTAMP)), INTERVAL '1 year') AS s(day)
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
  label AS "year",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "sum(orders.amount) / count(orders)"
FROM cells
ORDER BY idx NULLS LAST;

-- formats.test:100
-- sum( -- the total
--   orders.amount
-- ) / count(orders) as aov, max(orders.amount) -
--   min(orders.amount)
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
      MAX(t."amount") AS a2,
      MIN(t."amount") AS a3
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(g0.a2 AS NUMERIC) AS a2,
      CAST(g0.a3 AS NUMERIC) AS a3
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "aov",
  a2 - a3 AS "max(orders.amount) - min(orders.amount)"
FROM cells;

