-- edges.test:12
-- customers_start, customers_end, new_customers, lost_customers, churn, retention by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."signup_date") AS lo, MAX(t."signup_date") AS hi
      FROM "customers" AS t
      UNION ALL
      SELECT MIN(t."churn_date") AS lo, MAX(t."churn_date") AS hi
      FROM "customers" AS t
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
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo)
    GROUP BY p.idx
  ),
  g1 AS (
    SELECT p.idx AS idx, COUNT(*) AS a1
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.hi AND (t."churn_date" IS NULL OR t."churn_date" >= p.hi)
    GROUP BY p.idx
  ),
  g2 AS (
    SELECT p.idx AS idx, COUNT(*) AS a2
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" >= p.lo AND t."signup_date" < p.hi
    GROUP BY p.idx
  ),
  g3 AS (
    SELECT p.idx AS idx, COUNT(*) AS a3
    FROM "customers" AS t
    JOIN periods AS p ON t."churn_date" >= p.lo AND t."churn_date" < p.hi
    GROUP BY p.idx
  ),
  g4 AS (
    SELECT p.idx AS idx, COUNT(*) AS a4
    FROM "customers" AS t
    JOIN periods AS p ON t."churn_date" >= p.lo AND t."churn_date" < p.hi AND (t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo))
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g1.a1, 0) AS a1,
      COALESCE(g2.a2, 0) AS a2,
      COALESCE(g3.a3, 0) AS a3,
      COALESCE(g4.a4, 0) AS a4
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
    LEFT JOIN g2 ON g2.idx = p.idx
    LEFT JOIN g3 ON g3.idx = p.idx
    LEFT JOIN g4 ON g4.idx = p.idx
  )
SELECT
  label AS "month",
  a0 AS "customers_start",
  a1 AS "customers_end",
  a2 AS "new_customers",
  a3 AS "lost_customers",
  CAST(a4 AS DOUBLE) / NULLIF(CAST(a0 AS DOUBLE), 0) AS "churn",
  CAST(a1 - a2 AS DOUBLE) / NULLIF(CAST(a0 AS DOUBLE), 0) AS "retention"
FROM cells
ORDER BY idx NULLS LAST;

-- edges.test:22
-- customers_start, customers_end, new_customers, lost_customers, churn for 2024
WITH
  bounds AS (
    SELECT DATE '2024-01-01' AS since, DATE '2024-12-31' AS until
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo)
    GROUP BY p.idx
  ),
  g1 AS (
    SELECT p.idx AS idx, COUNT(*) AS a1
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.hi AND (t."churn_date" IS NULL OR t."churn_date" >= p.hi)
    GROUP BY p.idx
  ),
  g2 AS (
    SELECT p.idx AS idx, COUNT(*) AS a2
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" >= p.lo AND t."signup_date" < p.hi
    GROUP BY p.idx
  ),
  g3 AS (
    SELECT p.idx AS idx, COUNT(*) AS a3
    FROM "customers" AS t
    JOIN periods AS p ON t."churn_date" >= p.lo AND t."churn_date" < p.hi
    GROUP BY p.idx
  ),
  g4 AS (
    SELECT p.idx AS idx, COUNT(*) AS a4
    FROM "customers" AS t
    JOIN periods AS p ON t."churn_date" >= p.lo AND t."churn_date" < p.hi AND (t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo))
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g1.a1, 0) AS a1,
      COALESCE(g2.a2, 0) AS a2,
      COALESCE(g3.a3, 0) AS a3,
      COALESCE(g4.a4, 0) AS a4
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
    LEFT JOIN g2 ON g2.idx = p.idx
    LEFT JOIN g3 ON g3.idx = p.idx
    LEFT JOIN g4 ON g4.idx = p.idx
  )
SELECT
  a0 AS "customers_start",
  a1 AS "customers_end",
  a2 AS "new_customers",
  a3 AS "lost_customers",
  CAST(a4 AS DOUBLE) / NULLIF(CAST(a0 AS DOUBLE), 0) AS "churn"
FROM cells;

-- edges.test:30
-- pipeline_value, count(deals active at end) as open_deals by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."created_date") AS lo, MAX(t."created_date") AS hi
      FROM "deals" AS t
      UNION ALL
      SELECT MIN(t."closed_date") AS lo, MAX(t."closed_date") AS hi
      FROM "deals" AS t
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
    SELECT p.idx AS idx, SUM(t."amount") AS a0, COUNT(*) AS a1
    FROM "deals" AS t
    JOIN periods AS p ON t."created_date" < p.hi AND (t."closed_date" IS NULL OR t."closed_date" >= p.hi)
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
  )
SELECT label AS "month", a0 AS "pipeline_value", a1 AS "open_deals"
FROM cells
ORDER BY idx NULLS LAST;

-- edges.test:39
-- pipeline_value by month where plan = "pro"
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."created_date") AS lo, MAX(t."created_date") AS hi
      FROM "deals" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."plan" = 'pro'
      UNION ALL
      SELECT MIN(t."closed_date") AS lo, MAX(t."closed_date") AS hi
      FROM "deals" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."plan" = 'pro'
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
    FROM "deals" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."created_date" < p.hi AND (t."closed_date" IS NULL OR t."closed_date" >= p.hi)
    WHERE r0."plan" = 'pro'
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, p.label AS label, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "month", a0 AS "pipeline_value"
FROM cells
ORDER BY idx NULLS LAST;

-- edges.test:52
-- net_adds, cumulative(net_adds) as running, churn_change by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."signup_date") AS lo, MAX(t."signup_date") AS hi
      FROM "customers" AS t
      UNION ALL
      SELECT MIN(t."churn_date") AS lo, MAX(t."churn_date") AS hi
      FROM "customers" AS t
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
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" >= p.lo AND t."signup_date" < p.hi
    GROUP BY p.idx
  ),
  g1 AS (
    SELECT p.idx AS idx, COUNT(*) AS a1
    FROM "customers" AS t
    JOIN periods AS p ON t."churn_date" >= p.lo AND t."churn_date" < p.hi
    GROUP BY p.idx
  ),
  g2 AS (
    SELECT p.idx AS idx, COUNT(*) AS a2
    FROM "customers" AS t
    JOIN periods AS p ON t."churn_date" >= p.lo AND t."churn_date" < p.hi AND (t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo))
    GROUP BY p.idx
  ),
  g3 AS (
    SELECT p.idx AS idx, COUNT(*) AS a3
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo)
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g1.a1, 0) AS a1,
      COALESCE(g2.a2, 0) AS a2,
      COALESCE(g3.a3, 0) AS a3
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
    LEFT JOIN g2 ON g2.idx = p.idx
    LEFT JOIN g3 ON g3.idx = p.idx
  ),
  w1 AS (
    SELECT
      cells.*,
      CASE WHEN idx >= 1 THEN SUM(CASE WHEN idx >= 1 THEN a0 - a1 END) OVER (ORDER BY idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) END AS w1
    FROM cells
  ),
  w2 AS (
    SELECT
      w1.*,
      LAG(CAST(a2 AS DOUBLE) / NULLIF(CAST(a3 AS DOUBLE), 0)) OVER (ORDER BY idx) AS w2
    FROM w1
  )
SELECT
  label AS "month",
  a0 - a1 AS "net_adds",
  w1 AS "running",
  CAST(a2 AS DOUBLE) / NULLIF(CAST(a3 AS DOUBLE), 0) - w2 AS "churn_change"
FROM w2
WHERE idx >= 1
ORDER BY idx NULLS LAST;

