-- cohorts.test:9
-- cohort_retention, customers_end, count(customers started before end) as signed_up by cohort, month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT to_char(t."signup_date", 'YYYY-MM') AS d0
    FROM "customers" AS t
  ),
  g0 AS (
    SELECT
      to_char(t."signup_date", 'YYYY-MM') AS d0,
      s.slot AS slot,
      COUNT(*) AS c0
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.hi AND (t."churn_date" IS NULL OR t."churn_date" >= s.hi)
    GROUP BY to_char(t."signup_date", 'YYYY-MM'), s.slot
  ),
  g1 AS (
    SELECT
      to_char(t."signup_date", 'YYYY-MM') AS d0,
      s.slot AS slot,
      COUNT(*) AS c1
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.hi
    GROUP BY to_char(t."signup_date", 'YYYY-MM'), s.slot
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.slot = s.slot AND g0.d0 IS NOT DISTINCT FROM k.d0
    LEFT JOIN g1 ON g1.slot = s.slot AND g1.d0 IS NOT DISTINCT FROM k.d0
  ),
  shown AS (
    SELECT 0 AS pos, '2023-12' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-01' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-02' AS label, 2 AS s0
    UNION ALL
    SELECT 3 AS pos, '2024-03' AS label, 3 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      k.d0 AS d0,
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "cohort",
  label AS "month",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "cohort_retention",
  x0_c0 AS "customers_end",
  x0_c1 AS "signed_up"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST, pos NULLS LAST;

-- cohorts.test:30
-- cohort_retention by cohort, month pivot
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT to_char(t."signup_date", 'YYYY-MM') AS d0
    FROM "customers" AS t
  ),
  g0 AS (
    SELECT
      to_char(t."signup_date", 'YYYY-MM') AS d0,
      s.slot AS slot,
      COUNT(*) AS c0
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.hi AND (t."churn_date" IS NULL OR t."churn_date" >= s.hi)
    GROUP BY to_char(t."signup_date", 'YYYY-MM'), s.slot
  ),
  g1 AS (
    SELECT
      to_char(t."signup_date", 'YYYY-MM') AS d0,
      s.slot AS slot,
      COUNT(*) AS c1
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.hi
    GROUP BY to_char(t."signup_date", 'YYYY-MM'), s.slot
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.slot = s.slot AND g0.d0 IS NOT DISTINCT FROM k.d0
    LEFT JOIN g1 ON g1.slot = s.slot AND g1.d0 IS NOT DISTINCT FROM k.d0
  ),
  shown AS (
    SELECT 0 AS pos, '2023-12' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-01' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-02' AS label, 2 AS s0
    UNION ALL
    SELECT 3 AS pos, '2024-03' AS label, 3 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      k.d0 AS d0,
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "cohort",
  label AS "month",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "cohort_retention"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST, pos NULLS LAST;

-- cohorts.test:41
-- cohort_retention by cohort, month pivot
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT to_char(t."signup_date", 'YYYY-MM') AS d0
    FROM "customers" AS t
  ),
  g0 AS (
    SELECT
      to_char(t."signup_date", 'YYYY-MM') AS d0,
      s.slot AS slot,
      COUNT(*) AS c0
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.hi AND (t."churn_date" IS NULL OR t."churn_date" >= s.hi)
    GROUP BY to_char(t."signup_date", 'YYYY-MM'), s.slot
  ),
  g1 AS (
    SELECT
      to_char(t."signup_date", 'YYYY-MM') AS d0,
      s.slot AS slot,
      COUNT(*) AS c1
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.hi
    GROUP BY to_char(t."signup_date", 'YYYY-MM'), s.slot
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.slot = s.slot AND g0.d0 IS NOT DISTINCT FROM k.d0
    LEFT JOIN g1 ON g1.slot = s.slot AND g1.d0 IS NOT DISTINCT FROM k.d0
  ),
  shown AS (
    SELECT 0 AS pos, '2023-12' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-01' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-02' AS label, 2 AS s0
    UNION ALL
    SELECT 3 AS pos, '2024-03' AS label, 3 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      k.d0 AS d0,
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "cohort",
  label AS "month",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "cohort_retention"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST, pos NULLS LAST;

-- cohorts.test:51
-- revenue, purchases by cohort
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  combos AS (
    SELECT DISTINCT to_char(r0."signup_date", 'YYYY-MM') AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT
      to_char(r0."signup_date", 'YYYY-MM') AS d0,
      s.slot AS slot,
      SUM(t."amount") AS c0,
      COUNT(*) AS c1
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY to_char(r0."signup_date", 'YYYY-MM'), s.slot
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.slot = s.slot AND g0.d0 IS NOT DISTINCT FROM k.d0
  ),
  shown AS (
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      k.d0 AS d0,
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "cohort", x0_c0 AS "revenue", x0_c1 AS "purchases"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- cohorts.test:66
-- revenue by signup_quarter, big
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
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
      s.slot AS slot,
      SUM(t."amount") AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY to_char(r0."signup_date", 'YYYY-"Q"Q'), COALESCE(t."amount" >= 100, FALSE), s.slot
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      k.d1 AS d1,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.slot = s.slot AND g0.d0 IS NOT DISTINCT FROM k.d0 AND g0.d1 IS NOT DISTINCT FROM k.d1
  ),
  shown AS (
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      k.d0 AS d0,
      k.d1 AS d1,
      x0.c0 AS x0_c0
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0 AND x0.d1 IS NOT DISTINCT FROM k.d1
  )
SELECT d0 AS "signup_quarter", d1 AS "big", x0_c0 AS "revenue"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST, d1 NULLS LAST;

-- cohorts.test:76
-- purchases by big, quarter pivot
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-10-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-04-01' AS lo, DATE '2024-07-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT COALESCE(t."amount" >= 100, FALSE) AS d0
    FROM "orders" AS t
  ),
  g0 AS (
    SELECT
      COALESCE(t."amount" >= 100, FALSE) AS d0,
      s.slot AS slot,
      COUNT(*) AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY COALESCE(t."amount" >= 100, FALSE), s.slot
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.slot = s.slot AND g0.d0 IS NOT DISTINCT FROM k.d0
  ),
  shown AS (
    SELECT 0 AS pos, '2023-Q4' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-Q1' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-Q2' AS label, 2 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      k.d0 AS d0,
      x0.c0 AS x0_c0
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "big", label AS "quarter", x0_c0 AS "purchases"
FROM joined
ORDER BY d0 NULLS LAST, pos NULLS LAST;

