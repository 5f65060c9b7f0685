-- aggregates.test:5
-- sum(orders.amount), count(orders), avg(orders.amount), min(orders.amount), max(orders.amount)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      SUM(t."amount") AS c0,
      COUNT(*) AS c1,
      COUNT(t."amount") AS c2,
      MIN(t."amount") AS c3,
      MAX(t."amount") AS c4
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g0.c2, 0) AS NUMERIC) AS c2,
      CAST(g0.c3 AS NUMERIC) AS c3,
      CAST(g0.c4 AS NUMERIC) AS c4
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
      x0.c3 AS x0_c3,
      x0.c4 AS x0_c4
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  x0_c0 AS "sum(orders.amount)",
  x0_c1 AS "count(orders)",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c2 AS DOUBLE PRECISION), 0) AS "avg(orders.amount)",
  x0_c3 AS "min(orders.amount)",
  x0_c4 AS "max(orders.amount)"
FROM joined;

-- aggregates.test:12
-- median(orders.amount), percentile(orders.amount, 0.9), percentile(orders.amount, 0), percentile(orders.amount, 1)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t."amount") AS c0,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY t."amount") AS c1,
      percentile_cont(0) WITHIN GROUP (ORDER BY t."amount") AS c2,
      percentile_cont(1) WITHIN GROUP (ORDER BY t."amount") AS c3
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(g0.c0 AS DOUBLE PRECISION) AS c0,
      CAST(g0.c1 AS DOUBLE PRECISION) AS c1,
      CAST(g0.c2 AS DOUBLE PRECISION) AS c2,
      CAST(g0.c3 AS DOUBLE PRECISION) AS c3
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
  x0_c0 AS "median(orders.amount)",
  x0_c1 AS "percentile(orders.amount, 0.9)",
  x0_c2 AS "percentile(orders.amount, 0)",
  x0_c3 AS "percentile(orders.amount, 1)"
FROM joined;

-- aggregates.test:19
-- count_distinct(orders.customer_id), count(orders.customer_id)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      COUNT(DISTINCT t."customer_id") AS c0,
      COUNT(t."customer_id") AS c1
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
SELECT
  x0_c0 AS "count_distinct(orders.customer_id)",
  x0_c1 AS "count(orders.customer_id)"
FROM joined;

-- aggregates.test:26
-- count(orders where kind = "new"), sum(orders.amount where kind = "new"), count(deals on closed_date where stage = "won") by month
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
      COUNT(*) FILTER (WHERE t."kind" = 'new') AS c0,
      SUM(t."amount") FILTER (WHERE t."kind" = 'new') AS c1
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  g1 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."stage" = 'won') AS c2
    FROM "deals" AS t
    JOIN slots AS s ON t."closed_date" >= s.lo AND t."closed_date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g1.c2, 0) AS NUMERIC) AS c2
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
    LEFT JOIN g1 ON g1.slot = s.slot
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
  x0_c0 AS "count(orders where kind = ""new"")",
  x0_c1 AS "sum(orders.amount where kind = ""new"")",
  x0_c2 AS "count(deals on closed_date where stage = ""won"")"
FROM joined
ORDER BY pos NULLS LAST;

-- aggregates.test:37
-- sum(orders.amount where id in (4, 5))
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      SUM(t."amount") FILTER (WHERE t."id" IN (4, 5)) AS c0
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
SELECT x0_c0 AS "sum(orders.amount where id in (4, 5))"
FROM joined;

-- aggregates.test:44
-- avg(hours(tickets.first_response_at - tickets.opened_at)), avg(days(deals.closed_date - deals.created_date))
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-05' AS lo, DATE '2024-03-16' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      SUM(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) AS c0,
      COUNT(EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000) AS c1
    FROM "tickets" AS t
    JOIN slots AS s ON t."opened_at" >= s.lo AND t."opened_at" < s.hi
    GROUP BY s.slot
  ),
  g1 AS (
    SELECT
      s.slot AS slot,
      SUM(EXTRACT(EPOCH FROM CAST(t."closed_date" AS TIMESTAMP) - CAST(t."created_date" AS TIMESTAMP)) * 1000000) AS c2,
      COUNT(EXTRACT(EPOCH FROM CAST(t."closed_date" AS TIMESTAMP) - CAST(t."created_date" AS TIMESTAMP)) * 1000000) AS c3
    FROM "deals" AS t
    JOIN slots AS s ON t."created_date" >= s.lo AND t."created_date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g1.c2, 0) AS NUMERIC) AS c2,
      CAST(COALESCE(g1.c3, 0) AS NUMERIC) AS c3
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
    LEFT JOIN g1 ON g1.slot = s.slot
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
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c1 AS DOUBLE PRECISION), 0) / NULLIF(3600000000, 0) AS "avg(hours(tickets.first_response_at - tickets.opened_at))",
  CAST(x0_c2 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c3 AS DOUBLE PRECISION), 0) / NULLIF(86400000000, 0) AS "avg(days(deals.closed_date - deals.created_date))"
FROM joined;

-- aggregates.test:51
-- sum(orders.amount where amount > 1000), count(orders where amount > 1000), avg(orders.amount where amount > 1000), median(orders.amount where amount > 1000)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      SUM(t."amount") FILTER (WHERE t."amount" > 1000) AS c0,
      COUNT(*) FILTER (WHERE t."amount" > 1000) AS c1,
      COUNT(t."amount") FILTER (WHERE t."amount" > 1000) AS c2,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t."amount") FILTER (WHERE t."amount" > 1000) AS c3
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1,
      CAST(COALESCE(g0.c2, 0) AS NUMERIC) AS c2,
      CAST(g0.c3 AS DOUBLE PRECISION) AS c3
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
  x0_c0 AS "sum(orders.amount where amount > 1000)",
  x0_c1 AS "count(orders where amount > 1000)",
  CAST(x0_c0 AS DOUBLE PRECISION) / NULLIF(CAST(x0_c2 AS DOUBLE PRECISION), 0) AS "avg(orders.amount where amount > 1000)",
  x0_c3 AS "median(orders.amount where amount > 1000)"
FROM joined;

