-- filters.test:5
-- purchases where plan = "pro"
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."plan" = 'pro'
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."plan" = 'pro'
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- filters.test:11
-- purchases where plan != "pro"
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."plan" IS DISTINCT FROM 'pro'
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."plan" IS DISTINCT FROM 'pro'
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- filters.test:17
-- purchases where plan in ("pro", "basic")
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."plan" IN ('pro', 'basic')
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."plan" IN ('pro', 'basic')
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- filters.test:23
-- purchases where plan not in ("pro", "basic")
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE NOT COALESCE(r0."plan" IN ('pro', 'basic'), FALSE)
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE NOT COALESCE(r0."plan" IN ('pro', 'basic'), FALSE)
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- filters.test:29
-- purchases where plan is null
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."plan" IS NULL
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."plan" IS NULL
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- filters.test:35
-- purchases where not (plan = "pro")
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE NOT COALESCE(r0."plan" = 'pro', FALSE)
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE NOT COALESCE(r0."plan" = 'pro', FALSE)
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- filters.test:41
-- purchases where amount between 10 and 100 and (kind = "new" or kind = "upsell")
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      WHERE t."amount" >= 10
        AND t."amount" <= 100
        AND (t."kind" = 'new' OR t."kind" = 'upsell')
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE t."amount" >= 10
      AND t."amount" <= 100
      AND (t."kind" = 'new' OR t."kind" = 'upsell')
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- filters.test:47
-- purchases where amount not between 10 and 100
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      WHERE NOT COALESCE(t."amount" >= 10 AND t."amount" <= 100, FALSE)
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE NOT COALESCE(t."amount" >= 10 AND t."amount" <= 100, FALSE)
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- filters.test:53
-- purchases where date >= 2024-02-01 and date < 2024-03-01
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      WHERE t."date" >= DATE '2024-02-01' AND t."date" < DATE '2024-03-01'
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE t."date" >= DATE '2024-02-01' AND t."date" < DATE '2024-03-01'
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- filters.test:60
-- count(orders where amount = 0.1), count(orders where amount > 0.1), count(orders where amount = 0.10)
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
      COUNT(*) FILTER (WHERE t."amount" = 0.1) AS a0,
      COUNT(*) FILTER (WHERE t."amount" > 0.1) AS a1,
      COUNT(*) FILTER (WHERE t."amount" = 0.10) AS a2
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g0.a2, 0) AS NUMERIC) AS a2
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  a0 AS "count(orders where amount = 0.1)",
  a1 AS "count(orders where amount > 0.1)",
  a2 AS "count(orders where amount = 0.10)"
FROM cells;

-- filters.test:67
-- count(carts where checked_out = false), count(carts where checked_out), count(carts where created_at >= 2024-02-01)
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT
        MIN(CAST(t."created_at" AS DATE)) AS lo,
        MAX(CAST(t."created_at" AS DATE)) AS hi
      FROM "carts" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) FILTER (WHERE t."checked_out" = FALSE) AS a0,
      COUNT(*) FILTER (WHERE t."checked_out" = TRUE) AS a1,
      COUNT(*) FILTER (WHERE t."created_at" >= DATE '2024-02-01') AS a2
    FROM "carts" AS t
    JOIN periods AS p ON t."created_at" >= p.lo AND t."created_at" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g0.a2, 0) AS NUMERIC) AS a2
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  a0 AS "count(carts where checked_out = false)",
  a1 AS "count(carts where checked_out)",
  a2 AS "count(carts where created_at >= 2024-02-01)"
FROM cells;

-- filters.test:74
-- revenue, nps, tickets by month where region = "europe"
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."region" = 'europe'
      UNION ALL
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "surveys" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."region" = 'europe'
      UNION ALL
      SELECT
        MIN(CAST(t."opened_at" AS DATE)) AS lo,
        MAX(CAST(t."opened_at" AS DATE)) AS hi
      FROM "tickets" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."region" = 'europe'
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
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."region" = 'europe'
    GROUP BY p.idx
  ),
  g1 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" >= 9) AS a1,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" <= 6) AS a2,
      COUNT(*) FILTER (WHERE t."kind" = 'nps') AS a3
    FROM "surveys" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."region" = 'europe'
    GROUP BY p.idx
  ),
  g2 AS (
    SELECT p.idx AS idx, COUNT(*) AS a4
    FROM "tickets" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."opened_at" >= p.lo AND t."opened_at" < p.hi
    WHERE r0."region" = 'europe'
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g1.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g1.a2, 0) AS NUMERIC) AS a2,
      CAST(COALESCE(g1.a3, 0) AS NUMERIC) AS a3,
      CAST(COALESCE(g2.a4, 0) AS NUMERIC) AS a4
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
    LEFT JOIN g2 ON g2.idx = p.idx
  )
SELECT
  label AS "month",
  a0 AS "revenue",
  CAST(100 * (a1 - a2) AS DOUBLE PRECISION) / NULLIF(CAST(a3 AS DOUBLE PRECISION), 0) AS "nps",
  a4 AS "tickets"
FROM cells
ORDER BY idx NULLS LAST;

