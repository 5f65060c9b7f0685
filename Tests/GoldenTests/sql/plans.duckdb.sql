-- plans.test:8
-- revenue vs previous by month since 2024-02-01 until 2024-02-10
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-01' AS lo, DATE '2024-02-11' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-01-11' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, COALESCE(g0.c0, 0) AS c0
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT
      0 AS pos,
      '2024-02' AS label,
      0 AS s0,
      1 AS s1
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
  CAST(x0_c0 - x1_c0 AS DOUBLE) / NULLIF(CAST(x1_c0 AS DOUBLE), 0) AS "revenue_growth"
FROM joined
ORDER BY pos NULLS LAST;

-- plans.test:45
-- revenue vs last year by day since 2024-02-28 until 2024-03-01
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-28' AS lo, DATE '2024-02-29' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-29' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-03-02' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2023-02-28' AS lo, DATE '2023-03-01' AS hi
    UNION ALL
    SELECT 4 AS slot, DATE '2023-03-01' AS lo, DATE '2023-03-02' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, COALESCE(g0.c0, 0) AS c0
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT
      0 AS pos,
      '2024-02-28' AS label,
      0 AS s0,
      3 AS s1
    UNION ALL
    SELECT
      1 AS pos,
      '2024-02-29' AS label,
      1 AS s0,
      CAST(NULL AS DECIMAL(38, 10)) AS s1
    UNION ALL
    SELECT
      2 AS pos,
      '2024-03-01' AS label,
      2 AS s0,
      4 AS s1
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
  label AS "day",
  x0_c0 AS "revenue",
  x1_c0 AS "revenue_last_year",
  x0_c0 - x1_c0 AS "revenue_change",
  CAST(x0_c0 - x1_c0 AS DOUBLE) / NULLIF(CAST(x1_c0 AS DOUBLE), 0) AS "revenue_growth"
FROM joined
ORDER BY pos NULLS LAST;

-- plans.test:75
-- count_distinct(orders.customer_id) as buyers, share(count_distinct(orders.customer_id)) as buyers_share by kind
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."kind" AS d0
    FROM "orders" AS t
  ),
  g0 AS (
    SELECT
      t."kind" AS d0,
      s.slot AS slot,
      COUNT(DISTINCT t."customer_id") AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY t."kind", s.slot
  ),
  g1 AS (
    SELECT s.slot AS slot, COUNT(DISTINCT t."customer_id") AS c1
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g1.c1, 0) AS c1
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
  d0 AS "kind",
  x0_c0 AS "buyers",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "buyers_share"
FROM joined
ORDER BY d0 NULLS LAST;

