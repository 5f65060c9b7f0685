-- lifespans.test:9
-- customers_start, customers_end, active_customers, new_customers, lost_customers, churn, retention by month
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
  x0_c1 AS "active_customers",
  x0_c2 AS "new_customers",
  x0_c3 AS "lost_customers",
  CAST(x0_c4 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c0 AS DOUBLE PRECISION), 0) AS "churn",
  CAST(x0_c1 - x0_c2 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c0 AS DOUBLE PRECISION), 0) AS "retention"
FROM joined
ORDER BY pos NULLS LAST;

-- lifespans.test:19
-- customers_start, churn by month, plan
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
    SELECT DISTINCT t."plan" AS d0
    FROM "customers" AS t
  ),
  g0 AS (
    SELECT t."plan" AS d0, s.slot AS slot, COUNT(*) AS c0
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo)
    GROUP BY t."plan", s.slot
  ),
  g1 AS (
    SELECT t."plan" AS d0, s.slot AS slot, COUNT(*) AS c1
    FROM "customers" AS t
    JOIN slots AS s ON t."churn_date" >= s.lo AND t."churn_date" < s.hi AND (t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo))
    GROUP BY t."plan", s.slot
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
  label AS "month",
  d0 AS "plan",
  x0_c0 AS "customers_start",
  CAST(x0_c1 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c0 AS DOUBLE PRECISION), 0) AS "churn"
FROM joined
ORDER BY pos NULLS LAST, d0 COLLATE "C" NULLS LAST;

-- lifespans.test:42
-- customers_start, customers_end, lost_customers by month since 2024-02-15 until 2024-03-15
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-15' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-03-01' AS lo, DATE '2024-03-16' AS hi
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
    JOIN slots AS s ON t."churn_date" >= s.lo AND t."churn_date" < s.hi
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
    SELECT 0 AS pos, '2024-02' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-03' AS label, 1 AS s0
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
  x0_c1 AS "customers_end",
  x0_c2 AS "lost_customers"
FROM joined
ORDER BY pos NULLS LAST;

-- lifespans.test:50
-- customers_start, customers_end, new_customers, lost_customers for 2024-Q1
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-01' AS hi
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
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  x0_c0 AS "customers_start",
  x0_c1 AS "customers_end",
  x0_c2 AS "new_customers",
  x0_c3 AS "lost_customers"
FROM joined;

-- lifespans.test:57
-- count(customers active at end where plan = "pro"), count(customers active at start on churn_date) by quarter
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-10-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-01' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."plan" = 'pro') AS c0
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.hi AND (t."churn_date" IS NULL OR t."churn_date" >= s.hi)
    GROUP BY s.slot
  ),
  g1 AS (
    SELECT s.slot AS slot, COUNT(*) AS c1
    FROM "customers" AS t
    JOIN slots AS s ON t."churn_date" >= s.lo AND t."churn_date" < s.hi AND (t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo))
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
    SELECT 0 AS pos, '2023-Q4' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-Q1' AS label, 1 AS s0
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
  label AS "quarter",
  x0_c0 AS "count(customers active at end where plan = ""pro"")",
  x0_c1 AS "count(customers active at start on churn_date)"
FROM joined
ORDER BY pos NULLS LAST;

-- lifespans.test:65
-- pipeline_value, sum(deals.amount active at start) as open_at_start by month
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
    JOIN slots AS s ON t."created_date" < s.hi AND (t."closed_date" IS NULL OR t."closed_date" >= s.hi)
    GROUP BY s.slot
  ),
  g1 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c1
    FROM "deals" AS t
    JOIN slots AS s ON t."created_date" < s.lo AND (t."closed_date" IS NULL OR t."closed_date" >= s.lo)
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
  x0_c0 AS "pipeline_value",
  x0_c1 AS "open_at_start"
FROM joined
ORDER BY pos NULLS LAST;

-- lifespans.test:74
-- arpu, clv, cac, ltv_cac, roi, referral_rate by month
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
    SELECT 4 AS slot, DATE '2024-04-01' AS lo, DATE '2024-05-01' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      SUM(t."amount") AS c0,
      COUNT(*) AS c3,
      COUNT(DISTINCT t."customer_id") AS c4
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  g1 AS (
    SELECT s.slot AS slot, COUNT(*) AS c1
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo)
    GROUP BY s.slot
  ),
  g2 AS (
    SELECT s.slot AS slot, COUNT(*) AS c2
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" < s.hi AND (t."churn_date" IS NULL OR t."churn_date" >= s.hi)
    GROUP BY s.slot
  ),
  g3 AS (
    SELECT s.slot AS slot, COUNT(*) AS c5
    FROM "customers" AS t
    JOIN slots AS s ON t."churn_date" >= s.lo AND t."churn_date" < s.hi AND (t."signup_date" < s.lo AND (t."churn_date" IS NULL OR t."churn_date" >= s.lo))
    GROUP BY s.slot
  ),
  g4 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c6
    FROM "spend" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  g5 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) AS c7,
      COUNT(*) FILTER (WHERE t."channel" = 'referral') AS c8
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" >= s.lo AND t."signup_date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g2.c2, 0) AS NUMERIC) AS c2,
      CAST(COALESCE(g0.c3, 0) AS NUMERIC) AS c3,
      CAST(COALESCE(g0.c4, 0) AS NUMERIC) AS c4,
      CAST(COALESCE(g3.c5, 0) AS NUMERIC) AS c5,
      CAST(COALESCE(g4.c6, 0) AS NUMERIC) AS c6,
      CAST(COALESCE(g5.c7, 0) AS NUMERIC) AS c7,
      CAST(COALESCE(g5.c8, 0) AS NUMERIC) AS c8
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
    LEFT JOIN g1 ON g1.slot = s.slot
    LEFT JOIN g2 ON g2.slot = s.slot
    LEFT JOIN g3 ON g3.slot = s.slot
    LEFT JOIN g4 ON g4.slot = s.slot
    LEFT JOIN g5 ON g5.slot = s.slot
  ),
  shown AS (
    SELECT 0 AS pos, '2023-12' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-01' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-02' AS label, 2 AS s0
    UNION ALL
    SELECT 3 AS pos, '2024-03' AS label, 3 AS s0
    UNION ALL
    SELECT 4 AS pos, '2024-04' AS label, 4 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3,
      x0.c4 AS x0_c4,
      x0.c5 AS x0_c5,
      x0.c6 AS x0_c6,
      x0.c7 AS x0_c7,
      x0.c8 AS x0_c8
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  label AS "month",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 + x0_c2 AS DOUBLE PRECISION) / NULLIF(2, 0), 0) AS "arpu",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c3 AS DOUBLE PRECISION), 0) * (CAST(x0_c3 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c4 AS DOUBLE PRECISION), 0)) * (1 / NULLIF(CAST(x0_c5 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0), 0)) AS "clv",
  CAST(x0_c6 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c7 AS DOUBLE PRECISION), 0) AS "cac",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c3 AS DOUBLE PRECISION), 0) * (CAST(x0_c3 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c4 AS DOUBLE PRECISION), 0)) * (1 / NULLIF(CAST(x0_c5 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0), 0)) / NULLIF(CAST(x0_c6 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c7 AS DOUBLE PRECISION), 0), 0) AS "ltv_cac",
  CAST(x0_c0 - x0_c6 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c6 AS DOUBLE PRECISION), 0) AS "roi",
  CAST(x0_c8 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c7 AS DOUBLE PRECISION), 0) AS "referral_rate"
FROM joined
ORDER BY pos NULLS LAST;

-- lifespans.test:85
-- revenue, marketing_spend, roi by channel
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
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
    SELECT r0."channel" AS d0, s.slot AS slot, SUM(t."amount") AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY r0."channel", s.slot
  ),
  g1 AS (
    SELECT t."channel" AS d0, s.slot AS slot, SUM(t."amount") AS c1
    FROM "spend" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY t."channel", s.slot
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
SELECT
  d0 AS "channel",
  x0_c0 AS "revenue",
  x0_c1 AS "marketing_spend",
  CAST(x0_c0 - x0_c1 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "roi"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

