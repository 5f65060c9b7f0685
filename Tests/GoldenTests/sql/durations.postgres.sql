-- durations.test:8
-- avg(seconds((tickets.resolved_at - tickets.opened_at) / 3000000000))
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT
        MIN(CAST(t."opened_at" AS DATE)) AS lo,
        MAX(CAST(t."opened_at" AS DATE)) AS hi
      FROM "tickets" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      AVG(CAST(SIGN(CAST(EXTRACT(EPOCH FROM t."resolved_at" - t."opened_at") * 1000000 AS DOUBLE PRECISION) / NULLIF(3000000000, 0)) * FLOOR(ABS(CAST(EXTRACT(EPOCH FROM t."resolved_at" - t."opened_at") * 1000000 AS DOUBLE PRECISION) / NULLIF(3000000000, 0)) + 0.5) AS DOUBLE PRECISION) / 1000000) AS a0
    FROM "tickets" AS t
    JOIN periods AS p ON t."opened_at" >= p.lo AND t."opened_at" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, CAST(g0.a0 AS DOUBLE PRECISION) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  a0 AS "avg(seconds((tickets.resolved_at - tickets.opened_at) / 3000000000))"
FROM cells;

-- durations.test:15
-- avg(hours((tickets.resolved_at - tickets.opened_at) * 1.5)), sum(minutes((tickets.resolved_at - tickets.opened_at) - (tickets.first_response_at - tickets.opened_at)))
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT
        MIN(CAST(t."opened_at" AS DATE)) AS lo,
        MAX(CAST(t."opened_at" AS DATE)) AS hi
      FROM "tickets" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT
      p.idx AS idx,
      AVG(CAST(SIGN(CAST(EXTRACT(EPOCH FROM t."resolved_at" - t."opened_at") * 1000000 AS DOUBLE PRECISION) * 1.5) * FLOOR(ABS(CAST(EXTRACT(EPOCH FROM t."resolved_at" - t."opened_at") * 1000000 AS DOUBLE PRECISION) * 1.5) + 0.5) AS DOUBLE PRECISION) / 3600000000) AS a0,
      SUM(CAST(CAST(EXTRACT(EPOCH FROM t."resolved_at" - t."opened_at") * 1000000 AS DOUBLE PRECISION) - EXTRACT(EPOCH FROM t."first_response_at" - t."opened_at") * 1000000 AS DOUBLE PRECISION) / 60000000) AS a1
    FROM "tickets" AS t
    JOIN periods AS p ON t."opened_at" >= p.lo AND t."opened_at" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      CAST(g0.a0 AS DOUBLE PRECISION) AS a0,
      CAST(COALESCE(g0.a1, 0) AS DOUBLE PRECISION) AS a1
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT
  a0 AS "avg(hours((tickets.resolved_at - tickets.opened_at) * 1.5))",
  a1 AS "sum(minutes((tickets.resolved_at - tickets.opened_at) - (tickets.first_response_at - tickets.opened_at)))"
FROM cells;

