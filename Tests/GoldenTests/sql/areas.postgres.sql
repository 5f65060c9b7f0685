-- areas.test:64
-- big_orders for 2024
WITH
  bounds AS (
    SELECT DATE '2024-01-01' AS since, DATE '2024-12-31' AS until
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      COUNT(*) FILTER (WHERE t."amount" >= 100) AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(COALESCE(g0.a0, 0) AS NUMERIC) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "big_orders"
FROM cells;

