-- filters.test:5
-- purchases where plan = "pro"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-03-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE r0."plan" = 'pro'
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
SELECT x0_c0 AS "purchases"
FROM joined;

-- filters.test:11
-- purchases where plan != "pro"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE r0."plan" IS DISTINCT FROM 'pro'
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
SELECT x0_c0 AS "purchases"
FROM joined;

-- filters.test:17
-- purchases where plan in ("pro", "basic")
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE r0."plan" IN ('pro', 'basic')
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
SELECT x0_c0 AS "purchases"
FROM joined;

-- filters.test:23
-- purchases where plan not in ("pro", "basic")
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-10' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE NOT COALESCE(r0."plan" IN ('pro', 'basic'), FALSE)
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
SELECT x0_c0 AS "purchases"
FROM joined;

-- filters.test:29
-- purchases where plan is null
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-03-15' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE r0."plan" IS NULL
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
SELECT x0_c0 AS "purchases"
FROM joined;

-- filters.test:35
-- purchases where not (plan = "pro")
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE NOT COALESCE(r0."plan" = 'pro', FALSE)
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
SELECT x0_c0 AS "purchases"
FROM joined;

-- filters.test:41
-- purchases where amount between 10 and 100 and (kind = "new" or kind = "upsell")
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE t."amount" >= 10
      AND t."amount" <= 100
      AND (t."kind" = 'new' OR t."kind" = 'upsell')
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
SELECT x0_c0 AS "purchases"
FROM joined;

-- filters.test:47
-- purchases where amount not between 10 and 100
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE NOT COALESCE(t."amount" >= 10 AND t."amount" <= 100, FALSE)
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
SELECT x0_c0 AS "purchases"
FROM joined;

-- filters.test:53
-- purchases where date >= 2024-02-01 and date < 2024-03-01
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-10' AS lo, DATE '2024-03-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE t."date" >= DATE '2024-02-01' AND t."date" < DATE '2024-03-01'
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
SELECT x0_c0 AS "purchases"
FROM joined;

-- filters.test:60
-- count(orders where amount = 0.1), count(orders where amount > 0.1), count(orders where amount = 0.10)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."amount" = 0.1) AS c0,
      COUNT(*) FILTER (WHERE t."amount" > 0.1) AS c1,
      COUNT(*) FILTER (WHERE t."amount" = 0.10) AS c2
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
    SELECT 0 AS pos, '' AS label, 0 AS s0
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
  x0_c0 AS "count(orders where amount = 0.1)",
  x0_c1 AS "count(orders where amount > 0.1)",
  x0_c2 AS "count(orders where amount = 0.10)"
FROM joined;

-- filters.test:67
-- count(carts where checked_out = false), count(carts where checked_out), count(carts where created_at >= 2024-02-01)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-02' AS lo, DATE '2024-02-06' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."checked_out" = FALSE) AS c0,
      COUNT(*) FILTER (WHERE t."checked_out" = TRUE) AS c1,
      COUNT(*) FILTER (WHERE t."created_at" >= DATE '2024-02-01') AS c2
    FROM "carts" AS t
    JOIN slots AS s ON t."created_at" >= s.lo AND t."created_at" < s.hi
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
    SELECT 0 AS pos, '' AS label, 0 AS s0
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
  x0_c0 AS "count(carts where checked_out = false)",
  x0_c1 AS "count(carts where checked_out)",
  x0_c2 AS "count(carts where created_at >= 2024-02-01)"
FROM joined;

-- filters.test:74
-- revenue, nps, tickets by month where region = "europe"
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
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE r0."region" = 'europe'
    GROUP BY s.slot
  ),
  g1 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" >= 9) AS c1,
      COUNT(*) FILTER (WHERE t."kind" = 'nps' AND t."score" <= 6) AS c2,
      COUNT(*) FILTER (WHERE t."kind" = 'nps') AS c3
    FROM "surveys" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE r0."region" = 'europe'
    GROUP BY s.slot
  ),
  g2 AS (
    SELECT s.slot AS slot, COUNT(*) AS c4
    FROM "tickets" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."opened_at" >= s.lo AND t."opened_at" < s.hi
    WHERE r0."region" = 'europe'
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g1.c1, 0) AS c1,
      COALESCE(g1.c2, 0) AS c2,
      COALESCE(g1.c3, 0) AS c3,
      COALESCE(g2.c4, 0) AS c4
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
    LEFT JOIN g1 ON g1.slot = s.slot
    LEFT JOIN g2 ON g2.slot = s.slot
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
  label AS "month",
  x0_c0 AS "revenue",
  CAST(100 * (x0_c1 - x0_c2) AS DOUBLE) / NULLIF(CAST(x0_c3 AS DOUBLE), 0) AS "nps",
  x0_c4 AS "tickets"
FROM joined
ORDER BY pos NULLS LAST;

