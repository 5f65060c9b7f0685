-- library.test:5
-- revenue, purchases, paying_customers, avg_order_value, purchase_frequency, arppu by month
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
    SELECT
      s.slot AS slot,
      SUM(t."amount") AS c0,
      COUNT(*) AS c1,
      COUNT(DISTINCT t."customer_id") AS c2
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2
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
  x0_c0 AS "revenue",
  x0_c1 AS "purchases",
  x0_c2 AS "paying_customers",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "avg_order_value",
  CAST(x0_c1 AS DOUBLE) / NULLIF(CAST(x0_c2 AS DOUBLE), 0) AS "purchase_frequency",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c2 AS DOUBLE), 0) AS "arppu"
FROM joined
ORDER BY pos NULLS LAST;

-- library.test:15
-- new_revenue, recurring_revenue, upsell_rate by month
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
    SELECT
      s.slot AS slot,
      SUM(t."amount") FILTER (WHERE t."kind" = 'new') AS c0,
      SUM(t."amount") FILTER (WHERE t."kind" = 'recurring') AS c1,
      COUNT(DISTINCT t."customer_id") FILTER (WHERE t."kind" IN ('upsell', 'cross_sell')) AS c2,
      COUNT(DISTINCT t."customer_id") AS c3
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2,
      COALESCE(g0.c3, 0) AS c3
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
  label AS "month",
  x0_c0 AS "new_revenue",
  x0_c1 AS "recurring_revenue",
  CAST(x0_c2 AS DOUBLE) / NULLIF(CAST(x0_c3 AS DOUBLE), 0) AS "upsell_rate"
FROM joined
ORDER BY pos NULLS LAST;

-- library.test:26
-- leads, lead_conversion by month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) AS c0,
      COUNT(*) FILTER (WHERE t."converted_date" IS NOT NULL) AS c1
    FROM "leads" AS t
    JOIN slots AS s ON t."created_date" >= s.lo AND t."created_date" < s.hi
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
SELECT
  label AS "month",
  x0_c0 AS "leads",
  CAST(x0_c1 AS DOUBLE) / NULLIF(CAST(x0_c0 AS DOUBLE), 0) AS "lead_conversion"
FROM joined
ORDER BY pos NULLS LAST;

-- library.test:35
-- win_rate, avg_deal_size, sales_cycle, competitive_wins by month
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
      SUM(t."amount") FILTER (WHERE t."stage" = 'won') AS c2,
      COUNT(t."amount") FILTER (WHERE t."stage" = 'won') AS c3,
      SUM(date_diff('microsecond', CAST(t."created_date" AS TIMESTAMP), CAST(t."closed_date" AS TIMESTAMP))) FILTER (WHERE t."stage" = 'won') AS c4,
      COUNT(date_diff('microsecond', CAST(t."created_date" AS TIMESTAMP), CAST(t."closed_date" AS TIMESTAMP))) FILTER (WHERE t."stage" = 'won') AS c5,
      COUNT(*) FILTER (WHERE t."stage" = 'won' AND t."competitor" IS NOT NULL) AS c6
    FROM "deals" AS t
    JOIN slots AS s ON t."closed_date" >= s.lo AND t."closed_date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2,
      COALESCE(g0.c3, 0) AS c3,
      COALESCE(g0.c4, 0) AS c4,
      COALESCE(g0.c5, 0) AS c5,
      COALESCE(g0.c6, 0) AS c6
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
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3,
      x0.c4 AS x0_c4,
      x0.c5 AS x0_c5,
      x0.c6 AS x0_c6
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  label AS "month",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "win_rate",
  CAST(x0_c2 AS DOUBLE) / NULLIF(CAST(x0_c3 AS DOUBLE), 0) AS "avg_deal_size",
  CAST(x0_c4 AS DOUBLE) / NULLIF(CAST(x0_c5 AS DOUBLE), 0) / NULLIF(86400000000, 0) AS "sales_cycle",
  x0_c6 AS "competitive_wins"
FROM joined
ORDER BY pos NULLS LAST;

-- library.test:44
-- calls_per_deal by month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, SUM(t."calls") AS c0, COUNT(t."calls") AS c1
    FROM "deals" AS t
    JOIN slots AS s ON t."created_date" >= s.lo AND t."created_date" < s.hi
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
    UNION ALL
    SELECT 2 AS pos, '2024-03' AS label, 2 AS s0
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
  label AS "month",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "calls_per_deal"
FROM joined
ORDER BY pos NULLS LAST;

-- library.test:55
-- tickets, response_time, resolution_time, first_contact_resolution, same_day_resolution by month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) AS c0,
      SUM(date_diff('microsecond', t."opened_at", t."first_response_at")) FILTER (WHERE t."first_response_at" IS NOT NULL) AS c1,
      COUNT(date_diff('microsecond', t."opened_at", t."first_response_at")) FILTER (WHERE t."first_response_at" IS NOT NULL) AS c2,
      SUM(date_diff('microsecond', t."opened_at", t."resolved_at")) FILTER (WHERE t."resolved_at" IS NOT NULL) AS c3,
      COUNT(date_diff('microsecond', t."opened_at", t."resolved_at")) FILTER (WHERE t."resolved_at" IS NOT NULL) AS c4,
      COUNT(*) FILTER (WHERE t."resolved_at" IS NOT NULL AND t."contacts" = 1) AS c5,
      COUNT(*) FILTER (WHERE t."resolved_at" IS NOT NULL) AS c6,
      COUNT(*) FILTER (WHERE CAST(t."resolved_at" AS DATE) = CAST(t."opened_at" AS DATE)) AS c7
    FROM "tickets" AS t
    JOIN slots AS s ON t."opened_at" >= s.lo AND t."opened_at" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2,
      COALESCE(g0.c3, 0) AS c3,
      COALESCE(g0.c4, 0) AS c4,
      COALESCE(g0.c5, 0) AS c5,
      COALESCE(g0.c6, 0) AS c6,
      COALESCE(g0.c7, 0) AS c7
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT 0 AS pos, '2024-02' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-03' AS label, 1 AS s0
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
      x0.c7 AS x0_c7
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  label AS "month",
  x0_c0 AS "tickets",
  CAST(x0_c1 AS DOUBLE) / NULLIF(CAST(x0_c2 AS DOUBLE), 0) / NULLIF(3600000000, 0) AS "response_time",
  CAST(x0_c3 AS DOUBLE) / NULLIF(CAST(x0_c4 AS DOUBLE), 0) / NULLIF(3600000000, 0) AS "resolution_time",
  CAST(x0_c5 AS DOUBLE) / NULLIF(CAST(x0_c6 AS DOUBLE), 0) AS "first_contact_resolution",
  CAST(x0_c7 AS DOUBLE) / NULLIF(CAST(x0_c0 AS DOUBLE), 0) AS "same_day_resolution"
FROM joined
ORDER BY pos NULLS LAST;

-- library.test:64
-- nps, csat, ces by month
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
      COUNT(*) FILTER (WHERE t."kind" = 'nps') AS c2,
      COUNT(*) FILTER (WHERE t."kind" = 'csat' AND t."score" >= 4) AS c3,
      COUNT(*) FILTER (WHERE t."kind" = 'csat') AS c4,
      SUM(t."score") FILTER (WHERE t."kind" = 'ces') AS c5,
      COUNT(t."score") FILTER (WHERE t."kind" = 'ces') AS c6
    FROM "surveys" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2,
      COALESCE(g0.c3, 0) AS c3,
      COALESCE(g0.c4, 0) AS c4,
      COALESCE(g0.c5, 0) AS c5,
      COALESCE(g0.c6, 0) AS c6
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
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3,
      x0.c4 AS x0_c4,
      x0.c5 AS x0_c5,
      x0.c6 AS x0_c6
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  label AS "month",
  CAST(100 * (x0_c0 - x0_c1) AS DOUBLE) / NULLIF(CAST(x0_c2 AS DOUBLE), 0) AS "nps",
  CAST(x0_c3 AS DOUBLE) / NULLIF(CAST(x0_c4 AS DOUBLE), 0) AS "csat",
  CAST(x0_c5 AS DOUBLE) / NULLIF(CAST(x0_c6 AS DOUBLE), 0) AS "ces"
FROM joined
ORDER BY pos NULLS LAST;

-- library.test:73
-- abandoned_cart_rate by month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."checked_out" = FALSE) AS c0,
      COUNT(*) AS c1
    FROM "carts" AS t
    JOIN slots AS s ON t."created_at" >= s.lo AND t."created_at" < s.hi
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
SELECT
  label AS "month",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "abandoned_cart_rate"
FROM joined
ORDER BY pos NULLS LAST;

