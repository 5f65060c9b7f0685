-- examples.test:4
-- revenue by month where plan = "pro" since 2024-01-01 until 2024-12-31
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
    SELECT 4 AS slot, DATE '2024-05-01' AS lo, DATE '2024-06-01' AS hi
    UNION ALL
    SELECT 5 AS slot, DATE '2024-06-01' AS lo, DATE '2024-07-01' AS hi
    UNION ALL
    SELECT 6 AS slot, DATE '2024-07-01' AS lo, DATE '2024-08-01' AS hi
    UNION ALL
    SELECT 7 AS slot, DATE '2024-08-01' AS lo, DATE '2024-09-01' AS hi
    UNION ALL
    SELECT 8 AS slot, DATE '2024-09-01' AS lo, DATE '2024-10-01' AS hi
    UNION ALL
    SELECT 9 AS slot, DATE '2024-10-01' AS lo, DATE '2024-11-01' AS hi
    UNION ALL
    SELECT 10 AS slot, DATE '2024-11-01' AS lo, DATE '2024-12-01' AS hi
    UNION ALL
    SELECT 11 AS slot, DATE '2024-12-01' AS lo, DATE '2025-01-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, SUM(t."amount") AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
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
    UNION ALL
    SELECT 3 AS pos, '2024-04' AS label, 3 AS s0
    UNION ALL
    SELECT 4 AS pos, '2024-05' AS label, 4 AS s0
    UNION ALL
    SELECT 5 AS pos, '2024-06' AS label, 5 AS s0
    UNION ALL
    SELECT 6 AS pos, '2024-07' AS label, 6 AS s0
    UNION ALL
    SELECT 7 AS pos, '2024-08' AS label, 7 AS s0
    UNION ALL
    SELECT 8 AS pos, '2024-09' AS label, 8 AS s0
    UNION ALL
    SELECT 9 AS pos, '2024-10' AS label, 9 AS s0
    UNION ALL
    SELECT 10 AS pos, '2024-11' AS label, 10 AS s0
    UNION ALL
    SELECT 11 AS pos, '2024-12' AS label, 11 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "month", x0_c0 AS "revenue"
FROM joined
ORDER BY pos NULLS LAST;

-- examples.test:21
-- revenue, purchases, avg_order_value by quarter since 2024-01-01 until 2024-12-31
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-04-01' AS lo, DATE '2024-07-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-07-01' AS lo, DATE '2024-10-01' AS hi
    UNION ALL
    SELECT 3 AS slot, DATE '2024-10-01' AS lo, DATE '2025-01-01' AS hi
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
    SELECT 0 AS pos, '2024-Q1' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-Q2' AS label, 1 AS s0
    UNION ALL
    SELECT 2 AS pos, '2024-Q3' AS label, 2 AS s0
    UNION ALL
    SELECT 3 AS pos, '2024-Q4' AS label, 3 AS s0
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
  x0_c0 AS "revenue",
  x0_c1 AS "purchases",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "avg_order_value"
FROM joined
ORDER BY pos NULLS LAST;

-- examples.test:32
-- nps, csat, response_time by region since 2025-01-01
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2025-01-01' AS lo, DATE '2025-07-01' AS hi
  ),
  combos AS (
    SELECT r0."region" AS d0
    FROM "surveys" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    UNION
    SELECT r0."region" AS d0
    FROM "tickets" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT
      r0."region" AS d0,
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" >= 9) AS c0,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" <= 6) AS c1,
      COUNT(*) FILTER (WHERE t."kind" = 'nps') AS c2,
      COUNT(*) FILTER (WHERE t."kind" = 'csat' AND t."score" >= 4) AS c3,
      COUNT(*) FILTER (WHERE t."kind" = 'csat') AS c4
    FROM "surveys" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY r0."region", s.slot
  ),
  g1 AS (
    SELECT
      r0."region" AS d0,
      s.slot AS slot,
      SUM(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) FILTER (WHERE t."first_response_at" IS NOT NULL) AS c5,
      COUNT(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) FILTER (WHERE t."first_response_at" IS NOT NULL) AS c6
    FROM "tickets" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."opened_at" >= s.lo AND t."opened_at" < s.hi
    GROUP BY r0."region", s.slot
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g0.c2, 0) AS NUMERIC) AS c2,
      CAST(COALESCE(g0.c3, 0) AS NUMERIC) AS c3,
      CAST(COALESCE(g0.c4, 0) AS NUMERIC) AS c4,
      CAST(COALESCE(g1.c5, 0) AS NUMERIC) AS c5,
      CAST(COALESCE(g1.c6, 0) AS NUMERIC) AS c6
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3,
      x0.c4 AS x0_c4,
      x0.c5 AS x0_c5,
      x0.c6 AS x0_c6
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "region",
  CAST(100 * (x0_c0 - x0_c1) AS DOUBLE PRECISION) / NULLIF(CAST(x0_c2 AS DOUBLE PRECISION), 0) AS "nps",
  CAST(x0_c3 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c4 AS DOUBLE PRECISION), 0) AS "csat",
  CAST(x0_c5 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c6 AS DOUBLE PRECISION), 0) / NULLIF(3600000000, 0) AS "response_time"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

