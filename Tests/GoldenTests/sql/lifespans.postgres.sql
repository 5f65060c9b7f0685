-- lifespans.test:9
-- customers_start, customers_end, active_customers, new_customers, lost_customers, churn, retention by month
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
      to_char(s.day, 'YYYY-MM') AS label
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
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g1.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g2.a2, 0) AS NUMERIC) AS a2,
      CAST(COALESCE(g3.a3, 0) AS NUMERIC) AS a3,
      CAST(COALESCE(g4.a4, 0) AS NUMERIC) AS a4
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
  a1 AS "active_customers",
  a2 AS "new_customers",
  a3 AS "lost_customers",
  CAST(a4 AS DOUBLE PRECISION) / NULLIF(CAST(a0 AS DOUBLE PRECISION), 0) AS "churn",
  CAST(a1 - a2 AS DOUBLE PRECISION) / NULLIF(CAST(a0 AS DOUBLE PRECISION), 0) AS "retention"
FROM cells
ORDER BY idx NULLS LAST;

-- lifespans.test:19
-- customers_start, churn by month, plan
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
      to_char(s.day, 'YYYY-MM') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)), date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  combos AS (
    SELECT DISTINCT t."plan" AS d0
    FROM "customers" AS t
  ),
  g0 AS (
    SELECT t."plan" AS d0, p.idx AS idx, COUNT(*) AS a0
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo)
    GROUP BY t."plan", p.idx
  ),
  g1 AS (
    SELECT t."plan" AS d0, p.idx AS idx, COUNT(*) AS a1
    FROM "customers" AS t
    JOIN periods AS p ON t."churn_date" >= p.lo AND t."churn_date" < p.hi AND (t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo))
    GROUP BY t."plan", p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      k.d0 AS d0,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g1.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
    LEFT JOIN g1 ON g1.idx = p.idx AND g1.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  label AS "month",
  d0 AS "plan",
  a0 AS "customers_start",
  CAST(a1 AS DOUBLE PRECISION) / NULLIF(CAST(a0 AS DOUBLE PRECISION), 0) AS "churn"
FROM cells
ORDER BY idx NULLS LAST, d0 COLLATE "C" NULLS LAST;

-- lifespans.test:42
-- customers_start, customers_end, lost_customers by month since 2024-02-15 until 2024-03-15
WITH
  bounds AS (
    SELECT DATE '2024-02-15' AS since, DATE '2024-03-15' AS until
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
    JOIN periods AS p ON t."churn_date" >= p.lo AND t."churn_date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g1.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g2.a2, 0) AS NUMERIC) AS a2
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
    LEFT JOIN g2 ON g2.idx = p.idx
  )
SELECT
  label AS "month",
  a0 AS "customers_start",
  a1 AS "customers_end",
  a2 AS "lost_customers"
FROM cells
ORDER BY idx NULLS LAST;

-- lifespans.test:50
-- customers_start, customers_end, new_customers, lost_customers for 2024-Q1
WITH
  bounds AS (
    SELECT DATE '2024-01-01' AS since, DATE '2024-03-31' AS until
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
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g1.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g2.a2, 0) AS NUMERIC) AS a2,
      CAST(COALESCE(g3.a3, 0) AS NUMERIC) AS a3
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
    LEFT JOIN g2 ON g2.idx = p.idx
    LEFT JOIN g3 ON g3.idx = p.idx
  )
SELECT
  a0 AS "customers_start",
  a1 AS "customers_end",
  a2 AS "new_customers",
  a3 AS "lost_customers"
FROM cells;

-- lifespans.test:57
-- count(customers active at end where plan = "pro"), count(customers active at start on churn_date) by quarter
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('quarter', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('quarter', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '3 months' AS DATE) - 1 AS until
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
      LEAST(CAST(s.day + INTERVAL '3 months' AS DATE), b.until + 1) AS hi,
      to_char(s.day, 'YYYY-"Q"Q') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('quarter', CAST(b.since AS TIMESTAMP)), date_trunc('quarter', CAST(b.until AS TIMESTAMP)), INTERVAL '3 months') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) FILTER (WHERE t."plan" = 'pro') AS a0
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.hi AND (t."churn_date" IS NULL OR t."churn_date" >= p.hi)
    GROUP BY p.idx
  ),
  g1 AS (
    SELECT p.idx AS idx, COUNT(*) AS a1
    FROM "customers" AS t
    JOIN periods AS p ON t."churn_date" >= p.lo AND t."churn_date" < p.hi AND (t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo))
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g1.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
  )
SELECT
  label AS "quarter",
  a0 AS "count(customers active at end where plan = ""pro"")",
  a1 AS "count(customers active at start on churn_date)"
FROM cells
ORDER BY idx NULLS LAST;

-- lifespans.test:65
-- pipeline_value, sum(deals.amount active at start) as open_at_start by month
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
      to_char(s.day, 'YYYY-MM') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)), date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, SUM(t."amount") AS a0
    FROM "deals" AS t
    JOIN periods AS p ON t."created_date" < p.hi AND (t."closed_date" IS NULL OR t."closed_date" >= p.hi)
    GROUP BY p.idx
  ),
  g1 AS (
    SELECT p.idx AS idx, SUM(t."amount") AS a1
    FROM "deals" AS t
    JOIN periods AS p ON t."created_date" < p.lo AND (t."closed_date" IS NULL OR t."closed_date" >= p.lo)
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g1.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
  )
SELECT
  label AS "month",
  a0 AS "pipeline_value",
  a1 AS "open_at_start"
FROM cells
ORDER BY idx NULLS LAST;

-- lifespans.test:74
-- arpu, clv, cac, ltv_cac, roi, referral_rate by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      UNION ALL
      SELECT MIN(t."signup_date") AS lo, MAX(t."signup_date") AS hi
      FROM "customers" AS t
      UNION ALL
      SELECT MIN(t."churn_date") AS lo, MAX(t."churn_date") AS hi
      FROM "customers" AS t
      UNION ALL
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "spend" AS t
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
      SUM(t."amount") AS a0,
      COUNT(*) AS a3,
      COUNT(DISTINCT t."customer_id") AS a4
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  g1 AS (
    SELECT p.idx AS idx, COUNT(*) AS a1
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo)
    GROUP BY p.idx
  ),
  g2 AS (
    SELECT p.idx AS idx, COUNT(*) AS a2
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.hi AND (t."churn_date" IS NULL OR t."churn_date" >= p.hi)
    GROUP BY p.idx
  ),
  g3 AS (
    SELECT p.idx AS idx, COUNT(*) AS a5
    FROM "customers" AS t
    JOIN periods AS p ON t."churn_date" >= p.lo AND t."churn_date" < p.hi AND (t."signup_date" < p.lo AND (t."churn_date" IS NULL OR t."churn_date" >= p.lo))
    GROUP BY p.idx
  ),
  g4 AS (
    SELECT p.idx AS idx, SUM(t."amount") AS a6
    FROM "spend" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  g5 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) AS a7,
      COUNT(*) FILTER (WHERE t."channel" = 'referral') AS a8
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" >= p.lo AND t."signup_date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g1.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g2.a2, 0) AS NUMERIC) AS a2,
      CAST(COALESCE(g0.a3, 0) AS NUMERIC) AS a3,
      CAST(COALESCE(g0.a4, 0) AS NUMERIC) AS a4,
      CAST(COALESCE(g3.a5, 0) AS NUMERIC) AS a5,
      CAST(COALESCE(g4.a6, 0) AS NUMERIC) AS a6,
      CAST(COALESCE(g5.a7, 0) AS NUMERIC) AS a7,
      CAST(COALESCE(g5.a8, 0) AS NUMERIC) AS a8
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
    LEFT JOIN g1 ON g1.idx = p.idx
    LEFT JOIN g2 ON g2.idx = p.idx
    LEFT JOIN g3 ON g3.idx = p.idx
    LEFT JOIN g4 ON g4.idx = p.idx
    LEFT JOIN g5 ON g5.idx = p.idx
  )
SELECT
  label AS "month",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 + a2 AS DOUBLE PRECISION) / NULLIF(2, 0), 0) AS "arpu",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a3 AS DOUBLE PRECISION), 0) * (CAST(a3 AS DOUBLE PRECISION) / NULLIF(CAST(a4 AS DOUBLE PRECISION), 0)) * (1 / NULLIF(CAST(a5 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0), 0)) AS "clv",
  CAST(a6 AS DOUBLE PRECISION) / NULLIF(CAST(a7 AS DOUBLE PRECISION), 0) AS "cac",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a3 AS DOUBLE PRECISION), 0) * (CAST(a3 AS DOUBLE PRECISION) / NULLIF(CAST(a4 AS DOUBLE PRECISION), 0)) * (1 / NULLIF(CAST(a5 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0), 0)) / NULLIF(CAST(a6 AS DOUBLE PRECISION) / NULLIF(CAST(a7 AS DOUBLE PRECISION), 0), 0) AS "ltv_cac",
  CAST(a0 - a6 AS DOUBLE PRECISION) / NULLIF(CAST(a6 AS DOUBLE PRECISION), 0) AS "roi",
  CAST(a8 AS DOUBLE PRECISION) / NULLIF(CAST(a7 AS DOUBLE PRECISION), 0) AS "referral_rate"
FROM cells
ORDER BY idx NULLS LAST;

-- lifespans.test:85
-- revenue, marketing_spend, roi by channel
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      UNION ALL
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "spend" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  combos AS (
    SELECT r0."channel" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    UNION
    SELECT t."channel" AS d0
    FROM "spend" AS t
  ),
  g0 AS (
    SELECT r0."channel" AS d0, p.idx AS idx, SUM(t."amount") AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY r0."channel", p.idx
  ),
  g1 AS (
    SELECT t."channel" AS d0, p.idx AS idx, SUM(t."amount") AS a1
    FROM "spend" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY t."channel", p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g1.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
    LEFT JOIN g1 ON g1.idx = p.idx AND g1.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "channel",
  a0 AS "revenue",
  a1 AS "marketing_spend",
  CAST(a0 - a1 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "roi"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST;

