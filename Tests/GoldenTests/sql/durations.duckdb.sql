-- durations.test:8
-- avg(seconds((tickets.resolved_at - tickets.opened_at) / 3000000000))
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-29' AS lo, DATE '2024-03-16' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      AVG(CAST(SIGN(CAST(date_diff('microsecond', t."opened_at", t."resolved_at") AS DOUBLE) / NULLIF(3000000000, 0)) * FLOOR(ABS(CAST(date_diff('microsecond', t."opened_at", t."resolved_at") AS DOUBLE) / NULLIF(3000000000, 0)) + 0.5) AS DOUBLE) / 1000000) AS c0
    FROM "tickets" AS t
    JOIN slots AS s ON t."opened_at" >= s.lo AND t."opened_at" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(g0.c0 AS DOUBLE) AS c0
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
SELECT
  x0_c0 AS "avg(seconds((tickets.resolved_at - tickets.opened_at) / 3000000000))"
FROM joined;

-- durations.test:15
-- avg(hours((tickets.resolved_at - tickets.opened_at) * 1.5)), sum(minutes((tickets.resolved_at - tickets.opened_at) - (tickets.first_response_at - tickets.opened_at)))
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-02-29' AS lo, DATE '2024-03-16' AS hi
  ),
  g0 AS (
    SELECT
      s.slot AS slot,
      AVG(CAST(SIGN(CAST(date_diff('microsecond', t."opened_at", t."resolved_at") AS DOUBLE) * 1.5) * FLOOR(ABS(CAST(date_diff('microsecond', t."opened_at", t."resolved_at") AS DOUBLE) * 1.5) + 0.5) AS DOUBLE) / 3600000000) AS c0,
      SUM(CAST(CAST(date_diff('microsecond', t."opened_at", t."resolved_at") AS DOUBLE) - date_diff('microsecond', t."opened_at", t."first_response_at") AS DOUBLE) / 60000000) AS c1
    FROM "tickets" AS t
    JOIN slots AS s ON t."opened_at" >= s.lo AND t."opened_at" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(g0.c0 AS DOUBLE) AS c0,
      CAST(COALESCE(g0.c1, 0) AS DOUBLE) AS c1
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
  x0_c0 AS "avg(hours((tickets.resolved_at - tickets.opened_at) * 1.5))",
  x0_c1 AS "sum(minutes((tickets.resolved_at - tickets.opened_at) - (tickets.first_response_at - tickets.opened_at)))"
FROM joined;

