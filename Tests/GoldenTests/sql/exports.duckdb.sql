-- exports.test:22
-- avg(hours(support.first_response_at - support.opened_at)) as response by day
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-03-15' AS lo, DATE '2024-03-16' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-03-16' AS lo, DATE '2024-03-17' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-17' AS lo, DATE '2024-03-18' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      SUM(date_diff('microsecond', t."opened_at", t."first_response_at")) AS c0,
      COUNT(date_diff('microsecond', t."opened_at", t."first_response_at")) AS c1
    FROM "support" AS t
    JOIN slots AS s ON t."opened_at" >= s.lo AND t."opened_at" < s.hi
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
    SELECT 0 AS pos, '2024-03-15' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-03-16' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-03-17' AS label, 2 AS s0
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
  label AS "day",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) / NULLIF(3600000000, 0) AS "response"
FROM joined
ORDER BY pos NULLS LAST;

-- exports.test:46
-- sum(deals_export.amount on created) as total by month
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
    SELECT s.slot AS slot, SUM(t."amount") AS c0
    FROM "deals_export" AS t
    JOIN slots AS s ON t."created" >= s.lo AND t."created" < s.hi
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
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "month", x0_c0 AS "total"
FROM joined
ORDER BY pos NULLS LAST;

-- exports.test:56
-- count(deals_export on closed) as closed by day since 2024-01-05 until 2024-01-06
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-05' AS lo, DATE '2024-01-06' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-06' AS lo, DATE '2024-01-07' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "deals_export" AS t
    JOIN slots AS s ON t."closed" >= s.lo AND t."closed" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, COALESCE(g0.c0, 0) AS c0
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT 0 AS pos, '2024-01-05' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-01-06' AS label, 1 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "day", x0_c0 AS "closed"
FROM joined
ORDER BY pos NULLS LAST;

-- exports.test:56
-- count(deals_export on closed) as closed by month since 2024-01-01 until 2024-04-30
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2024-04-01' AS lo, DATE '2024-05-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "deals_export" AS t
    JOIN slots AS s ON t."closed" >= s.lo AND t."closed" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, COALESCE(g0.c0, 0) AS c0
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT 0 AS pos, '2024-01' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-02' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-03' AS label, 2 AS s0
    UNION ALL
    SELECT 3 AS pos, '2024-04' AS label, 3 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "month", x0_c0 AS "closed"
FROM joined
ORDER BY pos NULLS LAST;

-- exports.test:56
-- count(deals_export on created where closed is null) as open
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-03-05' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."closed" IS NULL) AS c0
    FROM "deals_export" AS t
    JOIN slots AS s ON t."created" >= s.lo AND t."created" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
SELECT x0_c0 AS "open"
FROM joined;

-- exports.test:77
-- sum(ventes.amount) as total, count_distinct(ventes.Kunde) as customers
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT SUM(t."amount") AS c0, COUNT(DISTINCT t."Kunde") AS c1
    FROM "ventes" AS t
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
    FROM slots AS s
    CROSS JOIN g0
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
SELECT x0_c0 AS "total", x0_c1 AS "customers"
FROM joined;

-- exports.test:77
-- sum(ventes.amount on date) as total by month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c0
    FROM "ventes" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
SELECT label AS "month", x0_c0 AS "total"
FROM joined
ORDER BY pos NULLS LAST;

-- exports.test:91
-- sum(report.amount) by plan
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."plan" AS d0
    FROM "report" AS t
  ),
  g0 AS (
    SELECT t."plan" AS d0, SUM(t."amount") AS c0
    FROM "report" AS t
    GROUP BY t."plan"
  ),
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.d0 IS NOT DISTINCT FROM k.d0
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
  )
SELECT d0 AS "plan", x0_c0 AS "sum(report.amount)"
FROM joined
ORDER BY d0 NULLS LAST;

-- exports.test:115
-- revenue, purchases by month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
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
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
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
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "month", x0_c0 AS "revenue", x0_c1 AS "purchases"
FROM joined
ORDER BY pos NULLS LAST;

