-- model.test:6
-- revenue, big_revenue by month, plan
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT
      r0."plan" AS d0,
      s.slot AS slot,
      SUM(t."amount") AS c0,
      SUM(t."amount") FILTER (WHERE t."amount" >= 100) AS c1
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY r0."plan", s.slot
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
  x0_c0 AS "revenue",
  x0_c1 AS "big_revenue"
FROM joined
ORDER BY pos NULLS LAST, d0 COLLATE "C" NULLS LAST;

