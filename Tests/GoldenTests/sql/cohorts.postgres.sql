-- cohorts.test:9
-- cohort_retention, customers_end, count(customers started before end) as signed_up by cohort, month
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
    SELECT DISTINCT to_char(t."signup_date", 'YYYY-MM') AS d0
    FROM "customers" AS t
  ),
  g0 AS (
    SELECT
      to_char(t."signup_date", 'YYYY-MM') AS d0,
      p.idx AS idx,
      COUNT(*) AS a0
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.hi AND (t."churn_date" IS NULL OR t."churn_date" >= p.hi)
    GROUP BY to_char(t."signup_date", 'YYYY-MM'), p.idx
  ),
  g1 AS (
    SELECT
      to_char(t."signup_date", 'YYYY-MM') AS d0,
      p.idx AS idx,
      COUNT(*) AS a1
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.hi
    GROUP BY to_char(t."signup_date", 'YYYY-MM'), p.idx
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
  d0 AS "cohort",
  label AS "month",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "cohort_retention",
  a0 AS "customers_end",
  a1 AS "signed_up"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST, idx NULLS LAST;

-- cohorts.test:30
-- cohort_retention by cohort, month pivot
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
    SELECT DISTINCT to_char(t."signup_date", 'YYYY-MM') AS d0
    FROM "customers" AS t
  ),
  g0 AS (
    SELECT
      to_char(t."signup_date", 'YYYY-MM') AS d0,
      p.idx AS idx,
      COUNT(*) AS a0
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.hi AND (t."churn_date" IS NULL OR t."churn_date" >= p.hi)
    GROUP BY to_char(t."signup_date", 'YYYY-MM'), p.idx
  ),
  g1 AS (
    SELECT
      to_char(t."signup_date", 'YYYY-MM') AS d0,
      p.idx AS idx,
      COUNT(*) AS a1
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.hi
    GROUP BY to_char(t."signup_date", 'YYYY-MM'), p.idx
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
  d0 AS "cohort",
  label AS "month",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "cohort_retention"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST, idx NULLS LAST;

-- cohorts.test:41
-- cohort_retention by cohort, month pivot
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
    SELECT DISTINCT to_char(t."signup_date", 'YYYY-MM') AS d0
    FROM "customers" AS t
  ),
  g0 AS (
    SELECT
      to_char(t."signup_date", 'YYYY-MM') AS d0,
      p.idx AS idx,
      COUNT(*) AS a0
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.hi AND (t."churn_date" IS NULL OR t."churn_date" >= p.hi)
    GROUP BY to_char(t."signup_date", 'YYYY-MM'), p.idx
  ),
  g1 AS (
    SELECT
      to_char(t."signup_date", 'YYYY-MM') AS d0,
      p.idx AS idx,
      COUNT(*) AS a1
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" < p.hi
    GROUP BY to_char(t."signup_date", 'YYYY-MM'), p.idx
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
  d0 AS "cohort",
  label AS "month",
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(CAST(a1 AS DOUBLE PRECISION), 0) AS "cohort_retention"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST, idx NULLS LAST;

-- cohorts.test:51
-- revenue, purchases by cohort
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
    SELECT DISTINCT to_char(r0."signup_date", 'YYYY-MM') AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT
      to_char(r0."signup_date", 'YYYY-MM') AS d0,
      p.idx AS idx,
      SUM(t."amount") AS a0,
      COUNT(*) AS a1
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY to_char(r0."signup_date", 'YYYY-MM'), p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "cohort", a0 AS "revenue", a1 AS "purchases"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST;

-- cohorts.test:66
-- revenue by signup_quarter, big
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
    SELECT DISTINCT
      to_char(r0."signup_date", 'YYYY-"Q"Q') AS d0,
      COALESCE(t."amount" >= 100, FALSE) AS d1
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT
      to_char(r0."signup_date", 'YYYY-"Q"Q') AS d0,
      COALESCE(t."amount" >= 100, FALSE) AS d1,
      p.idx AS idx,
      SUM(t."amount") AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY to_char(r0."signup_date", 'YYYY-"Q"Q'), COALESCE(t."amount" >= 100, FALSE), p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      k.d1 AS d1,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0 AND g0.d1 IS NOT DISTINCT FROM k.d1
  )
SELECT d0 AS "signup_quarter", d1 AS "big", a0 AS "revenue"
FROM cells
ORDER BY d0 COLLATE "C" NULLS LAST, d1 NULLS LAST;

-- cohorts.test:76
-- purchases by big, quarter pivot
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
      to_char(s.day, 'YYYY-"Q"Q') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('quarter', CAST(b.since AS TIMESTAMP)), date_trunc('quarter', CAST(b.until AS TIMESTAMP)), INTERVAL '3 months') AS s(day)
    WHERE b.since <= b.until
  ),
  combos AS (
    SELECT DISTINCT COALESCE(t."amount" >= 100, FALSE) AS d0
    FROM "orders" AS t
  ),
  g0 AS (
    SELECT
      COALESCE(t."amount" >= 100, FALSE) AS d0,
      p.idx AS idx,
      COUNT(*) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY COALESCE(t."amount" >= 100, FALSE), p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      k.d0 AS d0,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "big", label AS "quarter", a0 AS "purchases"
FROM cells
ORDER BY d0 NULLS LAST, idx NULLS LAST;

