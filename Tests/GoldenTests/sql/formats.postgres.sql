-- formats.test:4
-- revenue, purchases, avg_order_value, purchase_frequency by plan
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
      COUNT(*) AS c1,
      COUNT(DISTINCT t."customer_id") AS c2
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
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g0.c2, 0) AS NUMERIC) AS c2
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "plan",
  x0_c0 AS "revenue",
  x0_c1 AS "purchases",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "avg_order_value",
  CAST(x0_c1 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c2 AS DOUBLE PRECISION), 0) AS "purchase_frequency"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- formats.test:15
-- revenue, purchases, avg_order_value, purchase_frequency by plan
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
      COUNT(*) AS c1,
      COUNT(DISTINCT t."customer_id") AS c2
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
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g0.c2, 0) AS NUMERIC) AS c2
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "plan",
  x0_c0 AS "revenue",
  x0_c1 AS "purchases",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "avg_order_value",
  CAST(x0_c1 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c2 AS DOUBLE PRECISION), 0) AS "purchase_frequency"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- formats.test:24
-- revenue, purchases, avg_order_value, purchase_frequency by plan
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
      COUNT(*) AS c1,
      COUNT(DISTINCT t."customer_id") AS c2
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
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g0.c2, 0) AS NUMERIC) AS c2
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "plan",
  x0_c0 AS "revenue",
  x0_c1 AS "purchases",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "avg_order_value",
  CAST(x0_c1 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c2 AS DOUBLE PRECISION), 0) AS "purchase_frequency"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- formats.test:34
-- revenue, purchases, avg_order_value, purchase_frequency by plan
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
      COUNT(*) AS c1,
      COUNT(DISTINCT t."customer_id") AS c2
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
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g0.c2, 0) AS NUMERIC) AS c2
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "plan",
  x0_c0 AS "revenue",
  x0_c1 AS "purchases",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "avg_order_value",
  CAST(x0_c1 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c2 AS DOUBLE PRECISION), 0) AS "purchase_frequency"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- formats.test:44
-- win_rate, sales_cycle, nps, response_time by month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."stage" = 'won') AS c0,
      COUNT(*) FILTER (WHERE t."stage" IN ('won', 'lost')) AS c1,
      SUM(EXTRACT(EPOCH FROM CAST(t."closed_date" AS TIMESTAMP) - CAST(t."created_date" AS TIMESTAMP)) * 1000000) FILTER (WHERE t."stage" = 'won') AS c2,
      COUNT(EXTRACT(EPOCH FROM CAST(t."closed_date" AS TIMESTAMP) - CAST(t."created_date" AS TIMESTAMP)) * 1000000) FILTER (WHERE t."stage" = 'won') AS c3
    FROM "deals" AS t
    JOIN slots AS s ON t."closed_date" >= s.lo AND t."closed_date" < s.hi
    GROUP BY s.slot
  ),
  g1 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" >= 9) AS c4,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" <= 6) AS c5,
      COUNT(*) FILTER (WHERE t."kind" = 'nps') AS c6
    FROM "surveys" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  g2 AS (
    SELECT
      s.slot AS slot,
      SUM(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) FILTER (WHERE t."first_response_at" IS NOT NULL) AS c7,
      COUNT(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) FILTER (WHERE t."first_response_at" IS NOT NULL) AS c8
    FROM "tickets" AS t
    JOIN slots AS s ON t."opened_at" >= s.lo AND t."opened_at" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g0.c2, 0) AS NUMERIC) AS c2,
      CAST(COALESCE(g0.c3, 0) AS NUMERIC) AS c3,
      CAST(COALESCE(g1.c4, 0) AS NUMERIC) AS c4,
      CAST(COALESCE(g1.c5, 0) AS NUMERIC) AS c5,
      CAST(COALESCE(g1.c6, 0) AS NUMERIC) AS c6,
      CAST(COALESCE(g2.c7, 0) AS NUMERIC) AS c7,
      CAST(COALESCE(g2.c8, 0) AS NUMERIC) AS c8
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
    LEFT JOIN g1 ON g1.slot = s.slot
    LEFT JOIN g2 ON g2.slot = s.slot
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
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "win_rate",
  CAST(x0_c2 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c3 AS DOUBLE PRECISION), 0) / NULLIF(86400000000, 0) AS "sales_cycle",
  CAST(100 * (x0_c4 - x0_c5) AS DOUBLE PRECISION) / NULLIF(CAST(x0_c6 AS DOUBLE PRECISION), 0) AS "nps",
  CAST(x0_c7 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c8 AS DOUBLE PRECISION), 0) / NULLIF(3600000000, 0) AS "response_time"
FROM joined
ORDER BY pos NULLS LAST;

-- formats.test:55
-- nps by month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" >= 9) AS c0,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" <= 6) AS c1,
      COUNT(*) FILTER (WHERE t."kind" = 'nps') AS c2
    FROM "surveys" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g0.c2, 0) AS NUMERIC) AS c2
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  label AS "month",
  CAST(100 * (x0_c0 - x0_c1) AS DOUBLE PRECISION) / NULLIF(CAST(x0_c2 AS DOUBLE PRECISION), 0) AS "nps"
FROM joined
ORDER BY pos NULLS LAST;

-- formats.test:65
-- revenue as total, revenue / purchases, sum(orders.amount) * 2 as doubled by year
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-01-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2025-01-01' AS hi
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
    SELECT 0 AS pos, '2023' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024' AS label, 1 AS s0
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
  label AS "year",
  x0_c0 AS "total",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "revenue / purchases",
  x0_c0 * 2 AS "doubled"
FROM joined
ORDER BY pos NULLS LAST;

-- formats.test:72
-- revenue by plan order by revenue desc limit 2
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
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
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
  )
SELECT d0 AS "plan", x0_c0 AS "revenue"
FROM joined
ORDER BY 2 DESC NULLS LAST, d0 COLLATE "C" NULLS LAST
LIMIT 2;

-- formats.test:79
-- revenue by month order by month desc
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
ORDER BY pos DESC NULLS LAST, pos NULLS LAST;

-- formats.test:90
-- sum(orders.amount) /
--     count(orders) by year
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-01-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2025-01-01' AS hi
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
    SELECT 0 AS pos, '2023' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024' AS label, 1 AS s0
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
  label AS "year",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "sum(orders.amount) / count(orders)"
FROM joined
ORDER BY pos NULLS LAST;

-- formats.test:100
-- sum( -- the total
--   orders.amount
-- ) / count(orders) as aov, max(orders.amount) -
--   min(orders.amount)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      SUM(t."amount") AS c0,
      COUNT(*) AS c1,
      MAX(t."amount") AS c2,
      MIN(t."amount") AS c3
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1,
      CAST(g0.c2 AS NUMERIC) AS c2,
      CAST(g0.c3 AS NUMERIC) AS c3
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) AS "aov",
  x0_c2 - x0_c3 AS "max(orders.amount) - min(orders.amount)"
FROM joined;

