-- library.test:5
-- revenue, purchases, paying_customers, avg_order_value, purchase_frequency, arppu by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)), date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      SUM(t."amount") AS a0,
      COUNT(*) AS a1,
      COUNT(DISTINCT t."customer_id") AS a2
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g0.a1, 0) AS a1,
      COALESCE(g0.a2, 0) AS a2
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  label AS "month",
  a0 AS "revenue",
  a1 AS "purchases",
  a2 AS "paying_customers",
  CAST(a0 AS DOUBLE) / NULLIF(CAST(a1 AS DOUBLE), 0) AS "avg_order_value",
  CAST(a1 AS DOUBLE) / NULLIF(CAST(a2 AS DOUBLE), 0) AS "purchase_frequency",
  CAST(a0 AS DOUBLE) / NULLIF(CAST(a2 AS DOUBLE), 0) AS "arppu"
FROM cells
ORDER BY idx NULLS LAST;

-- library.test:15
-- new_revenue, recurring_revenue, upsell_rate by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)), date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      SUM(t."amount") FILTER (WHERE t."kind" = 'new') AS a0,
      SUM(t."amount") FILTER (WHERE t."kind" = 'recurring') AS a1,
      COUNT(DISTINCT t."customer_id") FILTER (WHERE t."kind" IN ('upsell', 'cross_sell')) AS a2,
      COUNT(DISTINCT t."customer_id") AS a3
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g0.a1, 0) AS a1,
      COALESCE(g0.a2, 0) AS a2,
      COALESCE(g0.a3, 0) AS a3
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  label AS "month",
  a0 AS "new_revenue",
  a1 AS "recurring_revenue",
  CAST(a2 AS DOUBLE) / NULLIF(CAST(a3 AS DOUBLE), 0) AS "upsell_rate"
FROM cells
ORDER BY idx NULLS LAST;

-- library.test:26
-- leads, lead_conversion by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."created_date") AS lo, MAX(t."created_date") AS hi
      FROM "leads" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)), date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) AS a0,
      COUNT(*) FILTER (WHERE t."converted_date" IS NOT NULL) AS a1
    FROM "leads" AS t
    JOIN periods AS p ON t."created_date" >= p.lo AND t."created_date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g0.a1, 0) AS a1
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  label AS "month",
  a0 AS "leads",
  CAST(a1 AS DOUBLE) / NULLIF(CAST(a0 AS DOUBLE), 0) AS "lead_conversion"
FROM cells
ORDER BY idx NULLS LAST;

-- library.test:35
-- win_rate, avg_deal_size, sales_cycle, competitive_wins by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."closed_date") AS lo, MAX(t."closed_date") AS hi
      FROM "deals" AS t
      UNION ALL
      SELECT MIN(t."created_date") AS lo, MAX(t."created_date") AS hi
      FROM "deals" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)), date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) FILTER (WHERE t."stage" = 'won') AS a0,
      COUNT(*) FILTER (WHERE t."stage" IN ('won', 'lost')) AS a1,
      SUM(t."amount") FILTER (WHERE t."stage" = 'won') AS a2,
      COUNT(t."amount") FILTER (WHERE t."stage" = 'won') AS a3,
      SUM(date_diff('microsecond', CAST(t."created_date" AS TIMESTAMP), CAST(t."closed_date" AS TIMESTAMP))) FILTER (WHERE t."stage" = 'won') AS a4,
      COUNT(date_diff('microsecond', CAST(t."created_date" AS TIMESTAMP), CAST(t."closed_date" AS TIMESTAMP))) FILTER (WHERE t."stage" = 'won') AS a5,
      COUNT(*) FILTER (WHERE t."stage" = 'won' AND t."competitor" IS NOT NULL) AS a6
    FROM "deals" AS t
    JOIN periods AS p ON t."closed_date" >= p.lo AND t."closed_date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g0.a1, 0) AS a1,
      COALESCE(g0.a2, 0) AS a2,
      COALESCE(g0.a3, 0) AS a3,
      COALESCE(g0.a4, 0) AS a4,
      COALESCE(g0.a5, 0) AS a5,
      COALESCE(g0.a6, 0) AS a6
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  label AS "month",
  CAST(a0 AS DOUBLE) / NULLIF(CAST(a1 AS DOUBLE), 0) AS "win_rate",
  CAST(a2 AS DOUBLE) / NULLIF(CAST(a3 AS DOUBLE), 0) AS "avg_deal_size",
  CAST(a4 AS DOUBLE) / NULLIF(CAST(a5 AS DOUBLE), 0) / NULLIF(86400000000, 0) AS "sales_cycle",
  a6 AS "competitive_wins"
FROM cells
ORDER BY idx NULLS LAST;

-- library.test:44
-- calls_per_deal by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."created_date") AS lo, MAX(t."created_date") AS hi
      FROM "deals" AS t
      UNION ALL
      SELECT MIN(t."closed_date") AS lo, MAX(t."closed_date") AS hi
      FROM "deals" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)), date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT p.idx AS idx, SUM(t."calls") AS a0, COUNT(t."calls") AS a1
    FROM "deals" AS t
    JOIN periods AS p ON t."created_date" >= p.lo AND t."created_date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g0.a1, 0) AS a1
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  label AS "month",
  CAST(a0 AS DOUBLE) / NULLIF(CAST(a1 AS DOUBLE), 0) AS "calls_per_deal"
FROM cells
ORDER BY idx NULLS LAST;

-- library.test:55
-- tickets, response_time, resolution_time, first_contact_resolution, same_day_resolution by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT
        MIN(CAST(t."opened_at" AS DATE)) AS lo,
        MAX(CAST(t."opened_at" AS DATE)) AS hi
      FROM "tickets" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)), date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) AS a0,
      SUM(date_diff('microsecond', t."opened_at", t."first_response_at")) FILTER (WHERE t."first_response_at" IS NOT NULL) AS a1,
      COUNT(date_diff('microsecond', t."opened_at", t."first_response_at")) FILTER (WHERE t."first_response_at" IS NOT NULL) AS a2,
      SUM(date_diff('microsecond', t."opened_at", t."resolved_at")) FILTER (WHERE t."resolved_at" IS NOT NULL) AS a3,
      COUNT(date_diff('microsecond', t."opened_at", t."resolved_at")) FILTER (WHERE t."resolved_at" IS NOT NULL) AS a4,
      COUNT(*) FILTER (WHERE t."resolved_at" IS NOT NULL AND t."contacts" = 1) AS a5,
      COUNT(*) FILTER (WHERE t."resolved_at" IS NOT NULL) AS a6,
      COUNT(*) FILTER (WHERE CAST(t."resolved_at" AS DATE) = CAST(t."opened_at" AS DATE)) AS a7
    FROM "tickets" AS t
    JOIN periods AS p ON t."opened_at" >= p.lo AND t."opened_at" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g0.a1, 0) AS a1,
      COALESCE(g0.a2, 0) AS a2,
      COALESCE(g0.a3, 0) AS a3,
      COALESCE(g0.a4, 0) AS a4,
      COALESCE(g0.a5, 0) AS a5,
      COALESCE(g0.a6, 0) AS a6,
      COALESCE(g0.a7, 0) AS a7
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  label AS "month",
  a0 AS "tickets",
  CAST(a1 AS DOUBLE) / NULLIF(CAST(a2 AS DOUBLE), 0) / NULLIF(3600000000, 0) AS "response_time",
  CAST(a3 AS DOUBLE) / NULLIF(CAST(a4 AS DOUBLE), 0) / NULLIF(3600000000, 0) AS "resolution_time",
  CAST(a5 AS DOUBLE) / NULLIF(CAST(a6 AS DOUBLE), 0) AS "first_contact_resolution",
  CAST(a7 AS DOUBLE) / NULLIF(CAST(a0 AS DOUBLE), 0) AS "same_day_resolution"
FROM cells
ORDER BY idx NULLS LAST;

-- library.test:64
-- nps, csat, ces by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "surveys" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)), date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" >= 9) AS a0,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" <= 6) AS a1,
      COUNT(*) FILTER (WHERE t."kind" = 'nps') AS a2,
      COUNT(*) FILTER (WHERE t."kind" = 'csat' AND t."score" >= 4) AS a3,
      COUNT(*) FILTER (WHERE t."kind" = 'csat') AS a4,
      SUM(t."score") FILTER (WHERE t."kind" = 'ces') AS a5,
      COUNT(t."score") FILTER (WHERE t."kind" = 'ces') AS a6
    FROM "surveys" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g0.a1, 0) AS a1,
      COALESCE(g0.a2, 0) AS a2,
      COALESCE(g0.a3, 0) AS a3,
      COALESCE(g0.a4, 0) AS a4,
      COALESCE(g0.a5, 0) AS a5,
      COALESCE(g0.a6, 0) AS a6
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  label AS "month",
  CAST(100 * (a0 - a1) AS DOUBLE) / NULLIF(CAST(a2 AS DOUBLE), 0) AS "nps",
  CAST(a3 AS DOUBLE) / NULLIF(CAST(a4 AS DOUBLE), 0) AS "csat",
  CAST(a5 AS DOUBLE) / NULLIF(CAST(a6 AS DOUBLE), 0) AS "ces"
FROM cells
ORDER BY idx NULLS LAST;

-- library.test:73
-- abandoned_cart_rate by month
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT
        MIN(CAST(t."created_at" AS DATE)) AS lo,
        MAX(CAST(t."created_at" AS DATE)) AS hi
      FROM "carts" AS t
    ) AS days
  ),
  periods AS (
    SELECT
      ROW_NUMBER() OVER (ORDER BY s.day) - 1 AS idx,
      CAST(s.day AS DATE) AS period_start,
      GREATEST(CAST(s.day AS DATE), b.since) AS lo,
      LEAST(CAST(s.day + INTERVAL '1 month' AS DATE), b.until + 1) AS hi,
      strftime(s.day, '%Y-%m') AS label
    FROM bounds AS b
    CROSS JOIN generate_series(date_trunc('month', CAST(b.since AS TIMESTAMP)), date_trunc('month', CAST(b.until AS TIMESTAMP)), INTERVAL '1 month') AS s(day)
    WHERE b.since <= b.until
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) FILTER (WHERE t."checked_out" = FALSE) AS a0,
      COUNT(*) AS a1
    FROM "carts" AS t
    JOIN periods AS p ON t."created_at" >= p.lo AND t."created_at" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      p.label AS label,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g0.a1, 0) AS a1
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  label AS "month",
  CAST(a0 AS DOUBLE) / NULLIF(CAST(a1 AS DOUBLE), 0) AS "abandoned_cart_rate"
FROM cells
ORDER BY idx NULLS LAST;

