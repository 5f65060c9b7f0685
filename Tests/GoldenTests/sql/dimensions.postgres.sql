-- dimensions.test:9
-- count(sales) as n by kind, channel, month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."kind" AS d0, t."channel" AS d1
    FROM "sales" AS t
  ),
  g0 AS (
    SELECT
      t."kind" AS d0,
      t."channel" AS d1,
      s.slot AS slot,
      COUNT(*) AS c0
    FROM "sales" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY t."kind", t."channel", s.slot
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      k.d1 AS d1,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.slot = s.slot AND g0.d0 IS NOT DISTINCT FROM k.d0 AND g0.d1 IS NOT DISTINCT FROM k.d1
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
      k.d0 AS d0,
      k.d1 AS d1,
      x0.c0 AS x0_c0
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0 AND x0.d1 IS NOT DISTINCT FROM k.d1
  )
SELECT
  d0 AS "kind",
  d1 AS "channel",
  label AS "month",
  x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST, d1 COLLATE "C" NULLS LAST, pos NULLS LAST;

-- dimensions.test:24
-- sum(sales.amount) as s by month, kind
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
    UNION ALL
    SELECT 2 AS slot, DATE '2024-03-01' AS lo, DATE '2024-04-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."kind" AS d0
    FROM "sales" AS t
  ),
  g0 AS (
    SELECT t."kind" AS d0, s.slot AS slot, SUM(t."amount") AS c0
    FROM "sales" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY t."kind", s.slot
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
      k.d0 AS d0,
      x0.c0 AS x0_c0
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT label AS "month", d0 AS "kind", x0_c0 AS "s"
FROM joined
ORDER BY pos NULLS LAST, d0 COLLATE "C" NULLS LAST;

-- dimensions.test:37
-- count(sales) as n by kind since 2024-03-01
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-03-01' AS lo, DATE '2024-03-02' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."kind" AS d0
    FROM "sales" AS t
  ),
  g0 AS (
    SELECT t."kind" AS d0, s.slot AS slot, COUNT(*) AS c0
    FROM "sales" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY t."kind", s.slot
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
SELECT d0 AS "kind", x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:46
-- count(sales) as n by kind where channel = "store"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-06' AS lo, DATE '2024-01-07' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."kind" AS d0
    FROM "sales" AS t
    WHERE t."channel" = 'store'
  ),
  g0 AS (
    SELECT t."kind" AS d0, s.slot AS slot, COUNT(*) AS c0
    FROM "sales" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE t."channel" = 'store'
    GROUP BY t."kind", s.slot
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
SELECT d0 AS "kind", x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:52
-- count(sales) as n by kind where channel = "web"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-05' AS lo, DATE '2024-03-02' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."kind" AS d0
    FROM "sales" AS t
    WHERE t."channel" = 'web'
  ),
  g0 AS (
    SELECT t."kind" AS d0, s.slot AS slot, COUNT(*) AS c0
    FROM "sales" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE t."channel" = 'web'
    GROUP BY t."kind", s.slot
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
SELECT d0 AS "kind", x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:59
-- count(sales where kind = "new") as n by kind
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-05' AS lo, DATE '2024-03-02' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."kind" AS d0
    FROM "sales" AS t
  ),
  g0 AS (
    SELECT
      t."kind" AS d0,
      s.slot AS slot,
      COUNT(*) FILTER (WHERE t."kind" = 'new') AS c0
    FROM "sales" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY t."kind", s.slot
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
SELECT d0 AS "kind", x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:67
-- count(sales) as n by kind where channel = "phone"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."kind" AS d0
    FROM "sales" AS t
    WHERE t."channel" = 'phone'
  ),
  g0 AS (
    SELECT t."kind" AS d0, s.slot AS slot, COUNT(*) AS c0
    FROM "sales" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE t."channel" = 'phone'
    GROUP BY t."kind", s.slot
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
SELECT d0 AS "kind", x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:75
-- count(ints) as x, count(decs) as y by k
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT t."k" AS d0
    FROM "ints" AS t
    UNION
    SELECT t."k" AS d0
    FROM "decs" AS t
  ),
  g0 AS (
    SELECT t."k" AS d0, COUNT(*) AS c0
    FROM "ints" AS t
    GROUP BY t."k"
  ),
  g1 AS (
    SELECT t."k" AS d0, COUNT(*) AS c1
    FROM "decs" AS t
    GROUP BY t."k"
  ),
  kinds0 AS (
    SELECT s.v AS v, MIN(s.src) AS first
    FROM (
      SELECT DISTINCT t."k" AS v, 0 AS src
      FROM "ints" AS t
      UNION ALL
      SELECT DISTINCT t."k" AS v, 1 AS src
      FROM "decs" AS t
    ) AS s
    GROUP BY s.v
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1,
      COALESCE(kinds0.first IN (0), FALSE) AS d0_integer
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.d0 IS NOT DISTINCT FROM k.d0
    LEFT JOIN g1 ON g1.d0 IS NOT DISTINCT FROM k.d0
    LEFT JOIN kinds0 ON kinds0.v IS NOT DISTINCT FROM k.d0
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
  d0 AS "k",
  x0_c0 AS "x",
  x0_c1 AS "y",
  COALESCE(kinds0.first IN (0), FALSE) AS d0_integer
FROM joined
LEFT JOIN kinds0 ON kinds0.v IS NOT DISTINCT FROM joined.d0
ORDER BY d0 NULLS LAST;

-- dimensions.test:84
-- count(shop) as x, count(calls) as y by channel
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT t."channel" AS d0
    FROM "shop" AS t
    UNION
    SELECT t."channel" AS d0
    FROM "calls" AS t
  ),
  g0 AS (
    SELECT t."channel" AS d0, COUNT(*) AS c0
    FROM "shop" AS t
    GROUP BY t."channel"
  ),
  g1 AS (
    SELECT t."channel" AS d0, COUNT(*) AS c1
    FROM "calls" AS t
    GROUP BY t."channel"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.d0 IS NOT DISTINCT FROM k.d0
    LEFT JOIN g1 ON g1.d0 IS NOT DISTINCT FROM k.d0
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
SELECT d0 AS "channel", x0_c0 AS "x", x0_c1 AS "y"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:98
-- count(orders) as n, sum(orders.amount) as s by plan
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT r0."plan" AS d0, COUNT(*) AS c0, SUM(t."amount") AS c1
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    GROUP BY r0."plan"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g0.c1, 0) AS NUMERIC) AS c1
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
      x0.c0 AS x0_c0,
      x0.c1 AS x0_c1
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "plan", x0_c0 AS "n", x0_c1 AS "s"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:107
-- count(orders)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "orders" AS t
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    CROSS JOIN g0
  ),
  shown AS (
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT x0_c0 AS "count(orders)"
FROM joined;

-- dimensions.test:114
-- count(orders) as n by customers.plan
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT r0."plan" AS d0, COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    GROUP BY r0."plan"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
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
SELECT d0 AS "plan", x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:125
-- count(orders) as eq_pro where plan = "pro"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    WHERE r0."plan" = 'pro'
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    CROSS JOIN g0
  ),
  shown AS (
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT x0_c0 AS "eq_pro"
FROM joined;

-- dimensions.test:125
-- count(orders) as ne_pro where plan != "pro"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    WHERE r0."plan" IS DISTINCT FROM 'pro'
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    CROSS JOIN g0
  ),
  shown AS (
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT x0_c0 AS "ne_pro"
FROM joined;

-- dimensions.test:125
-- count(orders) as no_plan where plan is null
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    WHERE r0."plan" IS NULL
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    CROSS JOIN g0
  ),
  shown AS (
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT x0_c0 AS "no_plan"
FROM joined;

-- dimensions.test:125
-- count(orders where plan = "pro") as own_pro
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) FILTER (WHERE r0."plan" = 'pro') AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    CROSS JOIN g0
  ),
  shown AS (
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT x0_c0 AS "own_pro"
FROM joined;

-- dimensions.test:125
-- sum(orders.amount) as eu where region = "eu"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT SUM(t."amount") AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    WHERE r0."region" = 'eu'
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    CROSS JOIN g0
  ),
  shown AS (
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT x0_c0 AS "eu"
FROM joined;

-- dimensions.test:144
-- count(orders) as n by plan, region
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."plan" AS d0, r0."region" AS d1
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT r0."plan" AS d0, r0."region" AS d1, COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    GROUP BY r0."plan", r0."region"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      k.d1 AS d1,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.d0 IS NOT DISTINCT FROM k.d0 AND g0.d1 IS NOT DISTINCT FROM k.d1
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
SELECT d0 AS "plan", d1 AS "region", x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST, d1 COLLATE "C" NULLS LAST;

-- dimensions.test:155
-- count(orders) as o, count(tickets) as k by plan
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    UNION
    SELECT r0."plan" AS d0
    FROM "tickets" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT r0."plan" AS d0, COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    GROUP BY r0."plan"
  ),
  g1 AS (
    SELECT r0."plan" AS d0, COUNT(*) AS c1
    FROM "tickets" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    GROUP BY r0."plan"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1
    FROM slots AS s
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.d0 IS NOT DISTINCT FROM k.d0
    LEFT JOIN g1 ON g1.d0 IS NOT DISTINCT FROM k.d0
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
SELECT d0 AS "plan", x0_c0 AS "o", x0_c1 AS "k"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:165
-- count(orders) as o, count(tickets) as k where plan = "enterprise"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    WHERE r0."plan" = 'enterprise'
  ),
  g1 AS (
    SELECT COUNT(*) AS c1
    FROM "tickets" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    WHERE r0."plan" = 'enterprise'
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0,
      CAST(COALESCE(g1.c1, 0) AS NUMERIC) AS c1
    FROM slots AS s
    CROSS JOIN g0
    CROSS JOIN g1
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
SELECT x0_c0 AS "o", x0_c1 AS "k"
FROM joined;

-- dimensions.test:206
-- count(dup_orders)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "dup_orders" AS t
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    CROSS JOIN g0
  ),
  shown AS (
    SELECT 0 AS pos, '' AS label, 0 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT x0_c0 AS "count(dup_orders)"
FROM joined;

-- dimensions.test:213
-- count(null_key_orders) as n by plan
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "null_key_orders" AS t
    LEFT JOIN "null_key_customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT r0."plan" AS d0, COUNT(*) AS c0
    FROM "null_key_orders" AS t
    LEFT JOIN "null_key_customers" AS r0 ON r0."id" = t."customer_id"
    GROUP BY r0."plan"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
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
SELECT d0 AS "plan", x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:222
-- count(events) as n by tier
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."tier" AS d0
    FROM "events" AS t
    LEFT JOIN "accounts" AS r0 ON r0."code" = t."account"
  ),
  g0 AS (
    SELECT r0."tier" AS d0, COUNT(*) AS c0
    FROM "events" AS t
    LEFT JOIN "accounts" AS r0 ON r0."code" = t."account"
    GROUP BY r0."tier"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
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
SELECT d0 AS "tier", x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:244
-- count(refs) as n by tier
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."tier" AS d0
    FROM "refs" AS t
    LEFT JOIN "tiers" AS r0 ON CAST(r0."code" AS TEXT) = CAST(t."code" AS TEXT)
  ),
  g0 AS (
    SELECT r0."tier" AS d0, COUNT(*) AS c0
    FROM "refs" AS t
    LEFT JOIN "tiers" AS r0 ON CAST(r0."code" AS TEXT) = CAST(t."code" AS TEXT)
    GROUP BY r0."tier"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
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
SELECT d0 AS "tier", x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:251
-- count(amounts) as n by tier
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."tier" AS d0
    FROM "amounts" AS t
    LEFT JOIN "ids" AS r0 ON CAST(r0."id" AS TEXT) = CAST(t."id" AS TEXT)
  ),
  g0 AS (
    SELECT r0."tier" AS d0, COUNT(*) AS c0
    FROM "amounts" AS t
    LEFT JOIN "ids" AS r0 ON CAST(r0."id" AS TEXT) = CAST(t."id" AS TEXT)
    GROUP BY r0."tier"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
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
SELECT d0 AS "tier", x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- dimensions.test:259
-- count(accent_events) as n by tier
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT r0."tier" AS d0
    FROM "accent_events" AS t
    LEFT JOIN "accent_accounts" AS r0 ON r0."code" = t."account"
  ),
  g0 AS (
    SELECT r0."tier" AS d0, COUNT(*) AS c0
    FROM "accent_events" AS t
    LEFT JOIN "accent_accounts" AS r0 ON r0."code" = t."account"
    GROUP BY r0."tier"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
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
SELECT d0 AS "tier", x0_c0 AS "n"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

