-- guides.test:7
-- customers_start, lost_customers, churn by month between 2024-01-01 and 2024-03-31
WITH
  bounds AS (
    SELECT DATE '2024-01-01' AS since, DATE '2024-03-31' AS until
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
    JOIN periods AS p ON t."churn_date" >= p.lo AND t."churn_date" < p.hi
    GROUP BY p.idx
  ),
  g2 AS (
    SELECT p.idx AS idx, COUNT(*) AS a2
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
      COALESCE(g2.a2, 0) AS a2
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
    LEFT JOIN g2 ON g2.idx = p.idx
  )
SELECT
  label AS "month",
  a0 AS "customers_start",
  a1 AS "lost_customers",
  CAST(a2 AS DOUBLE) / NULLIF(CAST(a0 AS DOUBLE), 0) AS "churn"
FROM cells
ORDER BY idx NULLS LAST;

-- guides.test:15
-- churn by month between 2024-01-01 and 2024-03-31
WITH
  bounds AS (
    SELECT DATE '2024-01-01' AS since, DATE '2024-03-31' AS until
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
    JOIN periods AS p ON t."churn_date" >= p.lo AND t."churn_date" < p.hi AND (t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo))
    GROUP BY p.idx
  ),
  g1 AS (
    SELECT p.idx AS idx, COUNT(*) AS a1
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo)
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g1.a1, 0) AS a1
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
  )
SELECT
  label AS "month",
  CAST(a0 AS DOUBLE) / NULLIF(CAST(a1 AS DOUBLE), 0) AS "churn"
FROM cells
ORDER BY idx NULLS LAST;

-- guides.test:26
-- cac, marketing_spend, new_customers for 2024-04
WITH
  bounds AS (
    SELECT DATE '2024-04-01' AS since, DATE '2024-04-30' AS until
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, SUM(t."amount") AS a0
    FROM "spend" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  g1 AS (
    SELECT p.idx AS idx, COUNT(*) AS a1
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" >= p.lo AND t."signup_date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g1.a1, 0) AS a1
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
  )
SELECT
  CAST(a0 AS DOUBLE) / NULLIF(CAST(a1 AS DOUBLE), 0) AS "cac",
  a0 AS "marketing_spend",
  a1 AS "new_customers"
FROM cells;

