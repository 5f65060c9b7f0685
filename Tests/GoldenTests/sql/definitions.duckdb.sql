-- definitions.test:9
-- big_orders, big_orders / purchases as share by quarter
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-10-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-04-01' AS lo, DATE '2024-07-01' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."amount" >= 100) AS c0,
      COUNT(*) AS c1
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
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
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  label AS "quarter",
  x0_c0 AS "big_orders",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "share"
FROM joined
ORDER BY pos NULLS LAST;

-- definitions.test:21
-- revenue by quarter
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-10-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-04-01' AS lo, DATE '2024-07-01' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      SUM(t."amount") FILTER (WHERE t."kind" IS DISTINCT FROM 'upsell') AS c0
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
    SELECT 0 AS pos, '2023-Q4' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-Q1' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-Q2' AS label, 2 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "quarter", x0_c0 AS "revenue"
FROM joined
ORDER BY pos NULLS LAST;

-- definitions.test:71
-- sum(sales.amount) by month, plan
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "sales" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT r0."plan" AS d0, s.slot AS slot, SUM(t."amount") AS c0
    FROM "sales" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY r0."plan", s.slot
  ),
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.slot = s.slot AND g0.d0 IS NOT DISTINCT FROM k.d0
  ),
  shown AS (
    SELECT 0 AS pos, '2024-01' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-02' AS label, 1 AS s0
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
SELECT label AS "month", d0 AS "plan", x0_c0 AS "sum(sales.amount)"
FROM joined
ORDER BY pos NULLS LAST, d0 NULLS LAST;

