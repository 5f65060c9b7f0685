-- grains.test:4
-- purchases by day since 2024-02-28 until 2024-03-01
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-28' AS lo, DATE '2024-02-29' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-29' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-03-02' AS hi
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
    SELECT 0 AS pos, '2024-02-28' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-02-29' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-03-01' AS label, 2 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "day", x0_c0 AS "purchases"
FROM joined
ORDER BY pos NULLS LAST;

-- grains.test:12
-- purchases by week
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-25' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-01-08' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-01-08' AS lo, DATE '2024-01-15' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2024-01-15' AS lo, DATE '2024-01-22' AS hi
    UNION ALL
    SELECT 4 AS slot, DATE '2024-01-22' AS lo, DATE '2024-01-29' AS hi
    UNION ALL
    SELECT 5 AS slot, DATE '2024-01-29' AS lo, DATE '2024-02-05' AS hi
    UNION ALL
    SELECT 6 AS slot, DATE '2024-02-05' AS lo, DATE '2024-02-12' AS hi
    UNION ALL
    SELECT 7 AS slot, DATE '2024-02-12' AS lo, DATE '2024-02-19' AS hi
    UNION ALL
    SELECT 8 AS slot, DATE '2024-02-19' AS lo, DATE '2024-02-26' AS hi
    UNION ALL
    SELECT 9 AS slot, DATE '2024-02-26' AS lo, DATE '2024-03-04' AS hi
    UNION ALL
    SELECT 10 AS slot, DATE '2024-03-04' AS lo, DATE '2024-03-11' AS hi
    UNION ALL
    SELECT 11 AS slot, DATE '2024-03-11' AS lo, DATE '2024-03-18' AS hi
    UNION ALL
    SELECT 12 AS slot, DATE '2024-03-18' AS lo, DATE '2024-03-25' AS hi
    UNION ALL
    SELECT 13 AS slot, DATE '2024-03-25' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 14 AS slot, DATE '2024-04-01' AS lo, DATE '2024-04-08' AS hi
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
    SELECT 0 AS pos, '2023-W52' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-W01' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-W02' AS label, 2 AS s0
    UNION ALL
    SELECT 3 AS pos, '2024-W03' AS label, 3 AS s0
    UNION ALL
    SELECT 4 AS pos, '2024-W04' AS label, 4 AS s0
    UNION ALL
    SELECT 5 AS pos, '2024-W05' AS label, 5 AS s0
    UNION ALL
    SELECT 6 AS pos, '2024-W06' AS label, 6 AS s0
    UNION ALL
    SELECT 7 AS pos, '2024-W07' AS label, 7 AS s0
    UNION ALL
    SELECT 8 AS pos, '2024-W08' AS label, 8 AS s0
    UNION ALL
    SELECT 9 AS pos, '2024-W09' AS label, 9 AS s0
    UNION ALL
    SELECT 10 AS pos, '2024-W10' AS label, 10 AS s0
    UNION ALL
    SELECT 11 AS pos, '2024-W11' AS label, 11 AS s0
    UNION ALL
    SELECT 12 AS pos, '2024-W12' AS label, 12 AS s0
    UNION ALL
    SELECT 13 AS pos, '2024-W13' AS label, 13 AS s0
    UNION ALL
    SELECT 14 AS pos, '2024-W14' AS label, 14 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "week", x0_c0 AS "purchases"
FROM joined
ORDER BY pos NULLS LAST;

-- grains.test:32
-- revenue by month
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
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
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
  )
SELECT label AS "month", x0_c0 AS "revenue"
FROM joined
ORDER BY pos NULLS LAST;

-- grains.test:42
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

-- grains.test:50
-- revenue by year
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-01-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2025-01-01' AS hi
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
    SELECT 0 AS pos, '2023' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024' AS label, 1 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "year", x0_c0 AS "revenue"
FROM joined
ORDER BY pos NULLS LAST;

-- grains.test:58
-- purchases by week between 2024-12-23 and 2025-01-12
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-12-23' AS lo, DATE '2024-12-30' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-12-30' AS lo, DATE '2025-01-06' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2025-01-06' AS lo, DATE '2025-01-13' AS hi
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
    SELECT 0 AS pos, '2024-W52' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2025-W01' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2025-W02' AS label, 2 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "week", x0_c0 AS "purchases"
FROM joined
ORDER BY pos NULLS LAST;

-- grains.test:67
-- purchases by week between 2020-12-30 and 2021-01-04
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2020-12-30' AS lo, DATE '2021-01-04' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2021-01-04' AS lo, DATE '2021-01-05' AS hi
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
    SELECT 0 AS pos, '2020-W53' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2021-W01' AS label, 1 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "week", x0_c0 AS "purchases"
FROM joined
ORDER BY pos NULLS LAST;

-- grains.test:75
-- tickets by day
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-29' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-03-01' AS lo, DATE '2024-03-02' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-02' AS lo, DATE '2024-03-03' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2024-03-03' AS lo, DATE '2024-03-04' AS hi
    UNION ALL
    SELECT 4 AS slot, DATE '2024-03-04' AS lo, DATE '2024-03-05' AS hi
    UNION ALL
    SELECT 5 AS slot, DATE '2024-03-05' AS lo, DATE '2024-03-06' AS hi
    UNION ALL
    SELECT 6 AS slot, DATE '2024-03-06' AS lo, DATE '2024-03-07' AS hi
    UNION ALL
    SELECT 7 AS slot, DATE '2024-03-07' AS lo, DATE '2024-03-08' AS hi
    UNION ALL
    SELECT 8 AS slot, DATE '2024-03-08' AS lo, DATE '2024-03-09' AS hi
    UNION ALL
    SELECT 9 AS slot, DATE '2024-03-09' AS lo, DATE '2024-03-10' AS hi
    UNION ALL
    SELECT 10 AS slot, DATE '2024-03-10' AS lo, DATE '2024-03-11' AS hi
    UNION ALL
    SELECT 11 AS slot, DATE '2024-03-11' AS lo, DATE '2024-03-12' AS hi
    UNION ALL
    SELECT 12 AS slot, DATE '2024-03-12' AS lo, DATE '2024-03-13' AS hi
    UNION ALL
    SELECT 13 AS slot, DATE '2024-03-13' AS lo, DATE '2024-03-14' AS hi
    UNION ALL
    SELECT 14 AS slot, DATE '2024-03-14' AS lo, DATE '2024-03-15' AS hi
    UNION ALL
    SELECT 15 AS slot, DATE '2024-03-15' AS lo, DATE '2024-03-16' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "tickets" AS t
    JOIN slots AS s ON t."opened_at" >= s.lo AND t."opened_at" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT 0 AS pos, '2024-02-29' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-03-01' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-03-02' AS label, 2 AS s0
    UNION ALL
    SELECT 3 AS pos, '2024-03-03' AS label, 3 AS s0
    UNION ALL
    SELECT 4 AS pos, '2024-03-04' AS label, 4 AS s0
    UNION ALL
    SELECT 5 AS pos, '2024-03-05' AS label, 5 AS s0
    UNION ALL
    SELECT 6 AS pos, '2024-03-06' AS label, 6 AS s0
    UNION ALL
    SELECT 7 AS pos, '2024-03-07' AS label, 7 AS s0
    UNION ALL
    SELECT 8 AS pos, '2024-03-08' AS label, 8 AS s0
    UNION ALL
    SELECT 9 AS pos, '2024-03-09' AS label, 9 AS s0
    UNION ALL
    SELECT 10 AS pos, '2024-03-10' AS label, 10 AS s0
    UNION ALL
    SELECT 11 AS pos, '2024-03-11' AS label, 11 AS s0
    UNION ALL
    SELECT 12 AS pos, '2024-03-12' AS label, 12 AS s0
    UNION ALL
    SELECT 13 AS pos, '2024-03-13' AS label, 13 AS s0
    UNION ALL
    SELECT 14 AS pos, '2024-03-14' AS label, 14 AS s0
    UNION ALL
    SELECT 15 AS pos, '2024-03-15' AS label, 15 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "day", x0_c0 AS "tickets"
FROM joined
ORDER BY pos NULLS LAST;

