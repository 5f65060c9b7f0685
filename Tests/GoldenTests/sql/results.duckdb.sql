-- results.test:6
-- revenue by plan having revenue > 100
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
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
      x0.c0 AS x0_c0
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  ),
  evaluated AS (
    SELECT joined.*, x0_c0 AS i0
    FROM joined
  )
SELECT d0 AS "plan", i0 AS "revenue"
FROM evaluated
WHERE i0 > 100
ORDER BY d0 NULLS LAST;

-- results.test:14
-- revenue, purchases by plan having (purchases >= 2 and revenue between 50 and 500) or plan is null
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
    SELECT
      r0."plan" AS d0,
      s.slot AS slot,
      SUM(t."amount") AS c0,
      COUNT(*) AS c1
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY r0."plan", s.slot
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
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
  ),
  evaluated AS (
    SELECT joined.*, x0_c0 AS i0, x0_c1 AS i1
    FROM joined
  )
SELECT d0 AS "plan", i0 AS "revenue", i1 AS "purchases"
FROM evaluated
WHERE (i1 >= 2 AND (i0 >= 50 AND i0 <= 500) OR d0 IS NULL)
ORDER BY d0 NULLS LAST;

-- results.test:23
-- revenue by plan having plan != "pro" and not revenue in (60, 300.33)
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
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
      x0.c0 AS x0_c0
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  ),
  evaluated AS (
    SELECT joined.*, x0_c0 AS i0
    FROM joined
  )
SELECT d0 AS "plan", i0 AS "revenue"
FROM evaluated
WHERE d0 IS DISTINCT FROM 'pro'
  AND NOT COALESCE(i0 = 60 OR i0 = 300.33, FALSE)
ORDER BY d0 NULLS LAST;

-- results.test:31
-- revenue by month, plan for 2024-01 nonzero
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
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
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.slot = s.slot AND g0.d0 IS NOT DISTINCT FROM k.d0
  ),
  shown AS (
    SELECT 0 AS pos, '2024-01' AS label, 0 AS s0
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
  ),
  evaluated AS (
    SELECT joined.*, x0_c0 AS i0
    FROM joined
  )
SELECT label AS "month", d0 AS "plan", i0 AS "revenue"
FROM evaluated
WHERE NOT (i0 IS NULL OR i0 = 0)
ORDER BY pos NULLS LAST, d0 NULLS LAST;

-- results.test:38
-- revenue by month, plan for 2024-01
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
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
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.slot = s.slot AND g0.d0 IS NOT DISTINCT FROM k.d0
  ),
  shown AS (
    SELECT 0 AS pos, '2024-01' AS label, 0 AS s0
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
SELECT label AS "month", d0 AS "plan", x0_c0 AS "revenue"
FROM joined
ORDER BY pos NULLS LAST, d0 NULLS LAST;

-- results.test:48
-- revenue by month vs previous having revenue_change > 0
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
    SELECT s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
  ),
  evaluated AS (
    SELECT
      joined.*,
      x0_c0 AS i0,
      x1_c0 AS i1,
      x0_c0 - x1_c0 AS i2,
      CAST(x0_c0 - x1_c0 AS DOUBLE) / NULLIF(CAST(x1_c0 AS DOUBLE), 0) AS i3
    FROM joined
  )
SELECT
  label AS "month",
  i0 AS "revenue",
  i1 AS "revenue_previous",
  i2 AS "revenue_change",
  i3 AS "revenue_growth"
FROM evaluated
WHERE i2 > 0
ORDER BY pos NULLS LAST;

-- results.test:58
-- revenue by month having month >= "2024-02" and month < "2024-04"
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
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  ),
  evaluated AS (
    SELECT joined.*, x0_c0 AS i0
    FROM joined
  )
SELECT label AS "month", i0 AS "revenue"
FROM evaluated
WHERE label >= '2024-02' AND label < '2024-04'
ORDER BY pos NULLS LAST;

