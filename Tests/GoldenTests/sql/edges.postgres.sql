-- edges.test:12
-- customers_start, customers_end, new_customers, lost_customers, churn, retention by month
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
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo)
    GROUP BY s.slot
  ),
  g1 AS (
    SELECT s.slot AS slot, COUNT(*) AS c1
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.hi AND (t."churn_date" IS NULL OR t."churn_date" >= s.hi)
    GROUP BY s.slot
  ),
  g2 AS (
    SELECT s.slot AS slot, COUNT(*) AS c2
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" >= s.lo AND t."signup_date" < s.hi
    GROUP BY s.slot
  ),
  g3 AS (
    SELECT s.slot AS slot, COUNT(*) AS c3
    FROM "customers" AS t
    JOIN slots AS s ON t."churn_date" >= s.lo AND t."churn_date" < s.hi
    GROUP BY s.slot
  ),
  g4 AS (
    SELECT s.slot AS slot, COUNT(*) AS c4
    FROM "customers" AS t
    JOIN slots AS s ON t."churn_date" >= s.lo AND t."churn_date" < s.hi AND (t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo))
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g2.c2, 0) AS NUMERIC) AS c2,
      CAST(COALESCE(g3.c3, 0) AS NUMERIC) AS c3,
      CAST(COALESCE(g4.c4, 0) AS NUMERIC) AS c4
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
    LEFT JOIN g1 ON g1.slot = s.slot
    LEFT JOIN g2 ON g2.slot = s.slot
    LEFT JOIN g3 ON g3.slot = s.slot
    LEFT JOIN g4 ON g4.slot = s.slot
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
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3,
      x0.c4 AS x0_c4
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  label AS "month",
  x0_c0 AS "customers_start",
  x0_c1 AS "customers_end",
  x0_c2 AS "new_customers",
  x0_c3 AS "lost_customers",
  CAST(x0_c4 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c0 AS DOUBLE PRECISION), 0) AS "churn",
  CAST(x0_c1 - x0_c2 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c0 AS DOUBLE PRECISION), 0) AS "retention"
FROM joined
ORDER BY pos NULLS LAST;

-- edges.test:22
-- customers_start, customers_end, new_customers, lost_customers, churn for 2024
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2025-01-01' AS hi
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
    JOIN slots AS s ON t."signup_date" < s.hi AND (t."churn_date" IS NULL OR t."churn_date" >= s.hi)
    GROUP BY s.slot
  ),
  g2 AS (
    SELECT s.slot AS slot, COUNT(*) AS c2
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" >= s.lo AND t."signup_date" < s.hi
    GROUP BY s.slot
  ),
  g3 AS (
    SELECT s.slot AS slot, COUNT(*) AS c3
    FROM "customers" AS t
    JOIN slots AS s ON t."churn_date" >= s.lo AND t."churn_date" < s.hi
    GROUP BY s.slot
  ),
  g4 AS (
    SELECT s.slot AS slot, COUNT(*) AS c4
    FROM "customers" AS t
    JOIN slots AS s ON t."churn_date" >= s.lo AND t."churn_date" < s.hi AND (t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo))
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g2.c2, 0) AS NUMERIC) AS c2,
      CAST(COALESCE(g3.c3, 0) AS NUMERIC) AS c3,
      CAST(COALESCE(g4.c4, 0) AS NUMERIC) AS c4
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
    LEFT JOIN g1 ON g1.slot = s.slot
    LEFT JOIN g2 ON g2.slot = s.slot
    LEFT JOIN g3 ON g3.slot = s.slot
    LEFT JOIN g4 ON g4.slot = s.slot
  ),
  shown AS (
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3,
      x0.c4 AS x0_c4
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  x0_c0 AS "customers_start",
  x0_c1 AS "customers_end",
  x0_c2 AS "new_customers",
  x0_c3 AS "lost_customers",
  CAST(x0_c4 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c0 AS DOUBLE PRECISION), 0) AS "churn"
FROM joined;

-- edges.test:30
-- pipeline_value, count(deals active at end) as open_deals by month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c0, COUNT(*) AS c1
    FROM "deals" AS t
    JOIN slots AS s ON t."created_date" < s.hi AND (t."closed_date" IS NULL OR t."closed_date" >= s.hi)
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
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
  x0_c0 AS "pipeline_value",
  x0_c1 AS "open_deals"
FROM joined
ORDER BY pos NULLS LAST;

-- edges.test:39
-- pipeline_value by month where plan = "pro"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c0
    FROM "deals" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."created_date" < s.hi AND (t."closed_date" IS NULL OR t."closed_date" >= s.hi)
    WHERE r0."plan" = 'pro'
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT 0 AS pos, '2024-01' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-02' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-03' AS label, 2 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "month", x0_c0 AS "pipeline_value"
FROM joined
ORDER BY pos NULLS LAST;

-- edges.test:52
-- net_adds, cumulative(net_adds) as running, churn_change by month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 4 AS slot, DATE '2023-11-01' AS lo, DATE '2023-12-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" >= s.lo AND t."signup_date" < s.hi
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
  g3 AS (
    SELECT s.slot AS slot, COUNT(*) AS c3
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo)
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g2.c2, 0) AS NUMERIC) AS c2,
      CAST(COALESCE(g3.c3, 0) AS NUMERIC) AS c3
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
    LEFT JOIN g1 ON g1.slot = s.slot
    LEFT JOIN g2 ON g2.slot = s.slot
    LEFT JOIN g3 ON g3.slot = s.slot
  ),
  shown AS (
    SELECT
      0 AS pos,
      '2023-12' AS label,
      0 AS s0,
      4 AS s1
    UNION ALL
    SELECT
      1 AS pos,
      '2024-01' AS label,
      1 AS s0,
      0 AS s1
    UNION ALL
    SELECT
      2 AS pos,
      '2024-02' AS label,
      2 AS s0,
      1 AS s1
    UNION ALL
    SELECT
      3 AS pos,
      '2024-03' AS label,
      3 AS s0,
      2 AS s1
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3,
      x1.c0 AS x1_c0,
      x1.c1 AS x1_c1,
      x1.c2 AS x1_c2,
      x1.c3 AS x1_c3
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
    LEFT JOIN cells AS x1 ON x1.slot = sh.s1
  ),
  r1 AS (
    SELECT
      joined.*,
      SUM(x0_c0 - x0_c1) OVER (ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r1
    FROM joined
  )
SELECT
  label AS "month",
  x0_c0 - x0_c1 AS "net_adds",
  r1 AS "running",
  CAST(x0_c2 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c3 AS DOUBLE PRECISION), 0) - CAST(x1_c2 AS DOUBLE PRECISION) / NULLIF(CAST(x1_c3 AS DOUBLE PRECISION), 0) AS "churn_change"
FROM r1
ORDER BY pos NULLS LAST;

