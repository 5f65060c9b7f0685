-- bad-input.test:85
-- purchases where amount > 99999999999999999999999999999999999999999
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    WHERE t."amount" > 1e+41
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

-- bad-input.test:935
-- count(orders) / 0, sum(orders.amount) / (count(orders) - count(orders)), avg(orders.amount where amount > 1000000)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      COUNT(*) AS c0,
      SUM(t."amount") AS c1,
      SUM(t."amount") FILTER (WHERE t."amount" > 1000000) AS c2,
      COUNT(t."amount") FILTER (WHERE t."amount" > 1000000) AS c3
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
  CAST(x0_c0 AS DOUBLE) / NULLIF(0, 0) AS "count(orders) / 0",
  CAST(x0_c1 AS DOUBLE) / NULLIF(CAST(x0_c0 - x0_c0 AS DOUBLE), 0) AS "sum(orders.amount) / (count(orders) - count(orders))",
  CAST(x0_c2 AS DOUBLE) / NULLIF(CAST(x0_c3 AS DOUBLE), 0) AS "avg(orders.amount where amount > 1000000)"
FROM joined;

-- bad-input.test:1072
-- purchases
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2023-12-31' AS lo, DATE '2024-04-03' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "orders" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
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

-- bad-input.test:1083
-- count(partial), sum(partial.amount)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0, SUM(t."amount") AS c1
    FROM "partial" AS t
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
SELECT x0_c0 AS "count(partial)", x0_c1 AS "sum(partial.amount)"
FROM joined;

-- bad-input.test:1261
-- count_distinct(wide.id), count(wide)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(DISTINCT t."id") AS c0, COUNT(*) AS c1
    FROM "wide" AS t
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
SELECT x0_c0 AS "count_distinct(wide.id)", x0_c1 AS "count(wide)"
FROM joined;

-- bad-input.test:1270
-- sum(bom.amount), count(bom where amount is null)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      SUM(t."amount") AS c0,
      COUNT(*) FILTER (WHERE t."amount" IS NULL) AS c1
    FROM "bom" AS t
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
SELECT
  x0_c0 AS "sum(bom.amount)",
  x0_c1 AS "count(bom where amount is null)"
FROM joined;

-- bad-input.test:1281
-- sum(large.n) * 4, -sum(large.n) * 4
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT SUM(t."n") AS c0
    FROM "large" AS t
  ),
  cells AS (
    SELECT s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
SELECT
  x0_c0 * 4 AS "sum(large.n) * 4",
  -x0_c0 * 4 AS "-sum(large.n) * 4"
FROM joined;

