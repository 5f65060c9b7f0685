-- bad-input.test:85
-- purchases where amount > 99999999999999999999999999999999999999999
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      WHERE t."amount" > 1e+41
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE t."amount" > 1e+41
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- bad-input.test:895
-- count(orders) / 0, sum(orders.amount) / (count(orders) - count(orders)), avg(orders.amount where amount > 1000000)
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) AS a0,
      SUM(t."amount") AS a1,
      SUM(t."amount") FILTER (WHERE t."amount" > 1000000) AS a2,
      COUNT(t."amount") FILTER (WHERE t."amount" > 1000000) AS a3
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1,
      CAST(COALESCE(g0.a2, 0) AS NUMERIC) AS a2,
      CAST(COALESCE(g0.a3, 0) AS NUMERIC) AS a3
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  CAST(a0 AS DOUBLE PRECISION) / NULLIF(0, 0) AS "count(orders) / 0",
  CAST(a1 AS DOUBLE PRECISION) / NULLIF(CAST(a0 - a0 AS DOUBLE PRECISION), 0) AS "sum(orders.amount) / (count(orders) - count(orders))",
  CAST(a2 AS DOUBLE PRECISION) / NULLIF(CAST(a3 AS DOUBLE PRECISION), 0) AS "avg(orders.amount where amount > 1000000)"
FROM cells;

-- bad-input.test:1032
-- purchases
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- bad-input.test:1043
-- count(partial), sum(partial.amount)
WITH
  bounds AS (
    SELECT CAST(NULL AS DATE) AS since, CAST(NULL AS DATE) AS until
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT COUNT(*) AS a0, SUM(t."amount") AS a1
    FROM "partial" AS t
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    CROSS JOIN g0
  )
SELECT a0 AS "count(partial)", a1 AS "sum(partial.amount)"
FROM cells;

-- bad-input.test:1221
-- count_distinct(wide.id), count(wide)
WITH
  bounds AS (
    SELECT CAST(NULL AS DATE) AS since, CAST(NULL AS DATE) AS until
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT COUNT(DISTINCT t."id") AS a0, COUNT(*) AS a1
    FROM "wide" AS t
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    CROSS JOIN g0
  )
SELECT a0 AS "count_distinct(wide.id)", a1 AS "count(wide)"
FROM cells;

-- bad-input.test:1230
-- sum(bom.amount), count(bom where amount is null)
WITH
  bounds AS (
    SELECT CAST(NULL AS DATE) AS since, CAST(NULL AS DATE) AS until
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      SUM(t."amount") AS a0,
      COUNT(*) FILTER (WHERE t."amount" IS NULL) AS a1
    FROM "bom" AS t
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0,
      CAST(COALESCE(g0.a1, 0) AS NUMERIC) AS a1
    FROM periods AS p
    CROSS JOIN g0
  )
SELECT
  a0 AS "sum(bom.amount)",
  a1 AS "count(bom where amount is null)"
FROM cells;

-- bad-input.test:1241
-- sum(large.n) * 4, -sum(large.n) * 4
WITH
  bounds AS (
    SELECT CAST(NULL AS DATE) AS since, CAST(NULL AS DATE) AS until
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT SUM(t."n") AS a0
    FROM "large" AS t
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    CROSS JOIN g0
  )
SELECT a0 * 4 AS "sum(large.n) * 4", -a0 * 4 AS "-sum(large.n) * 4"
FROM cells;

