-- comparisons.test:7
-- revenue by month vs previous
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
    UNION ALL
    SELECT 5 AS slot, DATE '2023-11-01' AS lo, DATE '2023-12-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT
      0 AS pos,
      '2023-12' AS label,
      0 AS s0,
      5 AS s1
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
    UNION ALL
    SELECT
      4 AS pos,
      '2024-04' AS label,
      4 AS s0,
      3 AS s1
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x1.c0 AS x1_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
    LEFT JOIN cells AS x1 ON x1.slot = sh.s1
  )
SELECT
  label AS "month",
  x0_c0 AS "revenue",
  x1_c0 AS "revenue_previous",
  x0_c0 - x1_c0 AS "revenue_change",
  CAST(x0_c0 - x1_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x1_c0 AS DOUBLE PRECISION), 0) AS "revenue_growth"
FROM joined
ORDER BY pos NULLS LAST;

-- comparisons.test:17
-- revenue by month vs previous
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
    UNION ALL
    SELECT 5 AS slot, DATE '2023-11-01' AS lo, DATE '2023-12-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT
      0 AS pos,
      '2023-12' AS label,
      0 AS s0,
      5 AS s1
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
    UNION ALL
    SELECT
      4 AS pos,
      '2024-04' AS label,
      4 AS s0,
      3 AS s1
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x1.c0 AS x1_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
    LEFT JOIN cells AS x1 ON x1.slot = sh.s1
  )
SELECT
  label AS "month",
  x0_c0 AS "revenue",
  x1_c0 AS "revenue_previous",
  x0_c0 - x1_c0 AS "revenue_change",
  CAST(x0_c0 - x1_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x1_c0 AS DOUBLE PRECISION), 0) AS "revenue_growth"
FROM joined
ORDER BY pos NULLS LAST;

-- comparisons.test:33
-- revenue, previous(revenue), change(revenue), growth(revenue), rolling(revenue, 2), cumulative(revenue) by month since 2024-01-15
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-15' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2024-04-01' AS lo, DATE '2024-05-01' AS hi
    UNION ALL
    SELECT 4 AS slot, DATE '2023-12-15' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 5 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT
      0 AS pos,
      '2024-01' AS label,
      0 AS s0,
      4 AS s1
    UNION ALL
    SELECT
      1 AS pos,
      '2024-02' AS label,
      1 AS s0,
      5 AS s1
    UNION ALL
    SELECT
      2 AS pos,
      '2024-03' AS label,
      2 AS s0,
      1 AS s1
    UNION ALL
    SELECT
      3 AS pos,
      '2024-04' AS label,
      3 AS s0,
      2 AS s1
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x1.c0 AS x1_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
    LEFT JOIN cells AS x1 ON x1.slot = sh.s1
  ),
  r1 AS (
    SELECT
      joined.*,
      SUM(x0_c0) OVER (ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r1
    FROM joined
  )
SELECT
  label AS "month",
  x0_c0 AS "revenue",
  x1_c0 AS "previous(revenue)",
  x0_c0 - x1_c0 AS "change(revenue)",
  CAST(x0_c0 - x1_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x1_c0 AS DOUBLE PRECISION), 0) AS "growth(revenue)",
  (COALESCE(CAST(x1_c0 AS DOUBLE PRECISION), 0) + COALESCE(CAST(x0_c0 AS DOUBLE PRECISION), 0)) / NULLIF(CASE WHEN CAST(x1_c0 AS DOUBLE PRECISION) IS NOT NULL THEN 1 ELSE 0 END + CASE WHEN CAST(x0_c0 AS DOUBLE PRECISION) IS NOT NULL THEN 1 ELSE 0 END, 0) AS "rolling(revenue, 2)",
  r1 AS "cumulative(revenue)"
FROM r1
ORDER BY pos NULLS LAST;

-- comparisons.test:43
-- revenue, previous(revenue) by month, plan where plan = "pro" between 2024-01-01 and 2024-04-30
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2024-04-01' AS lo, DATE '2024-05-01' AS hi
    UNION ALL
    SELECT 4 AS slot, DATE '2023-12-01' AS lo, DATE '2024-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    WHERE r0."plan" = 'pro'
  ),
  g0 AS (
    SELECT r0."plan" AS d0, s.slot AS slot, SUM(t."amount") AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE r0."plan" = 'pro'
    GROUP BY r0."plan", s.slot
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
    SELECT
      0 AS pos,
      '2024-01' AS label,
      0 AS s0,
      4 AS s1
    UNION ALL
    SELECT
      1 AS pos,
      '2024-02' AS label,
      1 AS s0,
      0 AS s1
    UNION ALL
    SELECT
      2 AS pos,
      '2024-03' AS label,
      2 AS s0,
      1 AS s1
    UNION ALL
    SELECT
      3 AS pos,
      '2024-04' AS label,
      3 AS s0,
      2 AS s1
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      k.d0 AS d0,
      x0.c0 AS x0_c0,
      x1.c0 AS x1_c0
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
    LEFT JOIN cells AS x1 ON x1.slot = sh.s1 AND x1.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  label AS "month",
  d0 AS "plan",
  x0_c0 AS "revenue",
  x1_c0 AS "previous(revenue)"
FROM joined
ORDER BY pos NULLS LAST, d0 COLLATE "C" NULLS LAST;

-- comparisons.test:54
-- revenue, share(revenue) by quarter, plan
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-10-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-04-01' AS lo, DATE '2024-07-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT r0."plan" AS d0, s.slot AS slot, SUM(t."amount") AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY r0."plan", s.slot
  ),
  g1 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c1
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
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
    LEFT JOIN g1 ON g1.slot = s.slot
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
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  label AS "quarter",
  d0 AS "plan",
  x0_c0 AS "revenue",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "share(revenue)"
FROM joined
ORDER BY pos NULLS LAST, d0 COLLATE "C" NULLS LAST;

-- comparisons.test:71
-- share(revenue) as revenue_share by plan
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT r0."plan" AS d0, s.slot AS slot, SUM(t."amount") AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY r0."plan", s.slot
  ),
  g1 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c1
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
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
    LEFT JOIN g1 ON g1.slot = s.slot
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
  d0 AS "plan",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "revenue_share"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- comparisons.test:81
-- purchases by quarter vs last year between 2024-01-01 and 2024-06-30
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-04-01' AS lo, DATE '2024-07-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2023-01-01' AS lo, DATE '2023-04-01' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2023-04-01' AS lo, DATE '2023-07-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT
      0 AS pos,
      '2024-Q1' AS label,
      0 AS s0,
      2 AS s1
    UNION ALL
    SELECT
      1 AS pos,
      '2024-Q2' AS label,
      1 AS s0,
      3 AS s1
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x1.c0 AS x1_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
    LEFT JOIN cells AS x1 ON x1.slot = sh.s1
  )
SELECT
  label AS "quarter",
  x0_c0 AS "purchases",
  x1_c0 AS "purchases_last_year",
  x0_c0 - x1_c0 AS "purchases_change",
  CAST(x0_c0 - x1_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x1_c0 AS DOUBLE PRECISION), 0) AS "purchases_growth"
FROM joined
ORDER BY pos NULLS LAST;

-- comparisons.test:89
-- purchases by week vs last year between 2024-01-01 and 2024-01-14
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-01-08' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-08' AS lo, DATE '2024-01-15' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2023-01-02' AS lo, DATE '2023-01-09' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2023-01-09' AS lo, DATE '2023-01-16' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT
      0 AS pos,
      '2024-W01' AS label,
      0 AS s0,
      2 AS s1
    UNION ALL
    SELECT
      1 AS pos,
      '2024-W02' AS label,
      1 AS s0,
      3 AS s1
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x1.c0 AS x1_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
    LEFT JOIN cells AS x1 ON x1.slot = sh.s1
  )
SELECT
  label AS "week",
  x0_c0 AS "purchases",
  x1_c0 AS "purchases_last_year",
  x0_c0 - x1_c0 AS "purchases_change",
  CAST(x0_c0 - x1_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x1_c0 AS DOUBLE PRECISION), 0) AS "purchases_growth"
FROM joined
ORDER BY pos NULLS LAST;

-- comparisons.test:97
-- avg_order_value, change(avg_order_value), growth(avg_order_value) by quarter
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-10-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-04-01' AS lo, DATE '2024-07-01' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2023-07-01' AS lo, DATE '2023-10-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c0, COUNT(*) AS c1
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
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
    SELECT
      0 AS pos,
      '2023-Q4' AS label,
      0 AS s0,
      3 AS s1
    UNION ALL
    SELECT
      1 AS pos,
      '2024-Q1' AS label,
      1 AS s0,
      0 AS s1
    UNION ALL
    SELECT
      2 AS pos,
      '2024-Q2' AS label,
      2 AS s0,
      1 AS s1
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1,
      x1.c0 AS x1_c0,
      x1.c1 AS x1_c1
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
    LEFT JOIN cells AS x1 ON x1.slot = sh.s1
  )
SELECT
  label AS "quarter",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "avg_order_value",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) - CAST(x1_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x1_c1 AS DOUBLE PRECISION), 0) AS "change(avg_order_value)",
  (CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) - CAST(x1_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x1_c1 AS DOUBLE PRECISION), 0)) / NULLIF(CAST(x1_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x1_c1 AS DOUBLE PRECISION), 0), 0) AS "growth(avg_order_value)"
FROM joined
ORDER BY pos NULLS LAST;

