-- relations.test:6
-- revenue, purchases by plan
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
  )
SELECT d0 AS "plan", x0_c0 AS "revenue", x0_c1 AS "purchases"
FROM joined
ORDER BY d0 NULLS LAST;

-- relations.test:15
-- revenue by plan
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
  )
SELECT d0 AS "plan", x0_c0 AS "revenue"
FROM joined
ORDER BY d0 NULLS LAST;

-- relations.test:26
-- revenue by month where plan = "pro"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-01' AS lo, DATE '2024-01-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
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
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "month", x0_c0 AS "revenue"
FROM joined
ORDER BY pos NULLS LAST;

-- relations.test:34
-- revenue by customers.region, plan
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."region" AS d0, r0."plan" AS d1
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT
      r0."region" AS d0,
      r0."plan" AS d1,
      s.slot AS slot,
      SUM(t."amount") AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY r0."region", r0."plan", s.slot
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      k.d1 AS d1,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.slot = s.slot AND g0.d0 IS NOT DISTINCT FROM k.d0 AND g0.d1 IS NOT DISTINCT FROM k.d1
  ),
  shown AS (
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT
      sh.pos AS pos,
      sh.label AS label,
      k.d0 AS d0,
      k.d1 AS d1,
      x0.c0 AS x0_c0
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0 AND x0.d1 IS NOT DISTINCT FROM k.d1
  )
SELECT d0 AS "region", d1 AS "plan", x0_c0 AS "revenue"
FROM joined
ORDER BY d0 NULLS LAST, d1 NULLS LAST;

-- relations.test:46
-- count(customers) by plan
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-15' AS lo, DATE '2024-04-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."plan" AS d0
    FROM "customers" AS t
  ),
  g0 AS (
    SELECT t."plan" AS d0, s.slot AS slot, COUNT(*) AS c0
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" >= s.lo AND t."signup_date" < s.hi
    GROUP BY t."plan", s.slot
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
  )
SELECT d0 AS "plan", x0_c0 AS "count(customers)"
FROM joined
ORDER BY d0 NULLS LAST;

-- relations.test:56
-- revenue by plan since 2024-04-01
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-04-01' AS lo, DATE '2024-04-03' AS hi
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
  )
SELECT d0 AS "plan", x0_c0 AS "revenue"
FROM joined
ORDER BY d0 NULLS LAST;

-- relations.test:66
-- sum(spend.amount), count(leads) by channel
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-21' AS hi
  ),
  combos AS (
    SELECT t."channel" AS d0
    FROM "spend" AS t
    UNION
    SELECT t."channel" AS d0
    FROM "leads" AS t
  ),
  g0 AS (
    SELECT t."channel" AS d0, s.slot AS slot, SUM(t."amount") AS c0
    FROM "spend" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY t."channel", s.slot
  ),
  g1 AS (
    SELECT t."channel" AS d0, s.slot AS slot, COUNT(*) AS c1
    FROM "leads" AS t
    JOIN slots AS s ON t."created_date" >= s.lo AND t."created_date" < s.hi
    GROUP BY t."channel", s.slot
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g1.c1, 0) AS c1
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
      x0.c1 AS x0_c1
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "channel",
  x0_c0 AS "sum(spend.amount)",
  x0_c1 AS "count(leads)"
FROM joined
ORDER BY d0 NULLS LAST;

