-- guides.test:7
-- customers_start, lost_customers, churn by month between 2024-01-01 and 2024-03-31
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo)
    GROUP BY s.slot
  ),
  g1 AS (
    SELECT s.slot AS slot, COUNT(*) AS c1
    FROM "customers" AS t
    JOIN slots AS s ON t."churn_date" >= s.lo AND t."churn_date" < s.hi
    GROUP BY s.slot
  ),
  g2 AS (
    SELECT s.slot AS slot, COUNT(*) AS c2
    FROM "customers" AS t
    JOIN slots AS s ON t."churn_date" >= s.lo AND t."churn_date" < s.hi AND (t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo))
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g2.c2, 0) AS NUMERIC) AS c2
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
    LEFT JOIN g1 ON g1.slot = s.slot
    LEFT JOIN g2 ON g2.slot = s.slot
  ),
  shown AS (
    SELECT 0 AS pos, '2024-01' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-02' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-03' AS label, 2 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  label AS "month",
  x0_c0 AS "customers_start",
  x0_c1 AS "lost_customers",
  CAST(x0_c2 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c0 AS DOUBLE PRECISION), 0) AS "churn"
FROM joined
ORDER BY pos NULLS LAST;

-- guides.test:15
-- churn by month between 2024-01-01 and 2024-03-31
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "customers" AS t
    JOIN slots AS s ON t."churn_date" >= s.lo AND t."churn_date" < s.hi AND (t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo))
    GROUP BY s.slot
  ),
  g1 AS (
    SELECT s.slot AS slot, COUNT(*) AS c1
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo)
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
    LEFT JOIN g1 ON g1.slot = s.slot
  ),
  shown AS (
    SELECT 0 AS pos, '2024-01' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-02' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-03' AS label, 2 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  label AS "month",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "churn"
FROM joined
ORDER BY pos NULLS LAST;

-- guides.test:26
-- cac, marketing_spend, new_customers for 2024-04
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-04-01' AS lo, DATE '2024-05-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c0
    FROM "spend" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  g1 AS (
    SELECT s.slot AS slot, COUNT(*) AS c1
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" >= s.lo AND t."signup_date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
    LEFT JOIN g1 ON g1.slot = s.slot
  ),
  shown AS (
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "cac",
  x0_c0 AS "marketing_spend",
  x0_c1 AS "new_customers"
FROM joined;

