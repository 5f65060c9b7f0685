-- ranges.test:5
-- revenue by month since 2024-01-15 until 2024-02-29
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-15' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
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
    SELECT 0 AS pos, '2024-01' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-02' AS label, 1 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "month", x0_c0 AS "revenue"
FROM joined
ORDER BY pos NULLS LAST;

-- ranges.test:12
-- revenue by month between 2024-02-01 and 2024-05-31
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-04-01' AS lo, DATE '2024-05-01' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2024-05-01' AS lo, DATE '2024-06-01' AS hi
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
    SELECT 0 AS pos, '2024-02' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-03' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-04' AS label, 2 AS s0
    UNION ALL
    SELECT 3 AS pos, '2024-05' AS label, 3 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "month", x0_c0 AS "revenue"
FROM joined
ORDER BY pos NULLS LAST;

-- ranges.test:21
-- revenue since 2024-02-01
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-01' AS lo, DATE '2024-04-03' AS hi
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
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT x0_c0 AS "revenue"
FROM joined;

-- ranges.test:27
-- revenue until 2023-12-31
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-01-01' AS hi
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
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT x0_c0 AS "revenue"
FROM joined;

-- ranges.test:34
-- revenue by month last 2 months
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-03-01' AS lo, DATE '2024-03-21' AS hi
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
    SELECT 0 AS pos, '2024-02' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-03' AS label, 1 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "month", x0_c0 AS "revenue"
FROM joined
ORDER BY pos NULLS LAST;

-- ranges.test:41
-- revenue, purchases for 2024-Q1
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-01' AS hi
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
SELECT x0_c0 AS "revenue", x0_c1 AS "purchases"
FROM joined;

-- ranges.test:47
-- purchases by day for 2024-W09
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-26' AS lo, DATE '2024-02-27' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-27' AS lo, DATE '2024-02-28' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-02-28' AS lo, DATE '2024-02-29' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2024-02-29' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 4 AS slot, DATE '2024-03-01' AS lo, DATE '2024-03-02' AS hi
    UNION ALL
    SELECT 5 AS slot, DATE '2024-03-02' AS lo, DATE '2024-03-03' AS hi
    UNION ALL
    SELECT 6 AS slot, DATE '2024-03-03' AS lo, DATE '2024-03-04' AS hi
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
    SELECT 0 AS pos, '2024-02-26' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-02-27' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-02-28' AS label, 2 AS s0
    UNION ALL
    SELECT 3 AS pos, '2024-02-29' AS label, 3 AS s0
    UNION ALL
    SELECT 4 AS pos, '2024-03-01' AS label, 4 AS s0
    UNION ALL
    SELECT 5 AS pos, '2024-03-02' AS label, 5 AS s0
    UNION ALL
    SELECT 6 AS pos, '2024-03-03' AS label, 6 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "day", x0_c0 AS "purchases"
FROM joined
ORDER BY pos NULLS LAST;

-- ranges.test:59
-- revenue for 2024-02-29
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-29' AS lo, DATE '2024-03-01' AS hi
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
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT x0_c0 AS "revenue"
FROM joined;

-- ranges.test:66
-- revenue by quarter between 2022-01-01 and 2022-12-31
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2022-01-01' AS lo, DATE '2022-04-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2022-04-01' AS lo, DATE '2022-07-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2022-07-01' AS lo, DATE '2022-10-01' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2022-10-01' AS lo, DATE '2023-01-01' AS hi
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
    SELECT 0 AS pos, '2022-Q1' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2022-Q2' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2022-Q3' AS label, 2 AS s0
    UNION ALL
    SELECT 3 AS pos, '2022-Q4' AS label, 3 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "quarter", x0_c0 AS "revenue"
FROM joined
ORDER BY pos NULLS LAST;

