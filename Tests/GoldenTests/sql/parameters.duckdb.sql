-- parameters.test:13
-- purchases by plan where plan = $plan
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."plan" = 'pro'
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    WHERE r0."plan" = 'pro'
  ),
  g0 AS (
    SELECT r0."plan" AS d0, p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."plan" = 'pro'
    GROUP BY r0."plan", p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, k.d0 AS d0, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "plan", a0 AS "purchases"
FROM cells
ORDER BY d0 NULLS LAST;

-- parameters.test:21
-- purchases where plan = $plan and amount > $amount since $start
WITH
  bounds AS (
    SELECT DATE '2024-01-15' AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."plan" = 'pro' AND t."amount" > 40
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."plan" = 'pro' AND t."amount" > 40
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- parameters.test:27
-- revenue by month for $month
WITH
  bounds AS (
    SELECT DATE '2024-02-01' AS since, DATE '2024-02-29' AS until
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
    SELECT p.idx AS idx, SUM(t."amount") AS a0
    FROM "orders" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, p.label AS label, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT label AS "month", a0 AS "revenue"
FROM cells
ORDER BY idx NULLS LAST;

-- parameters.test:33
-- purchases where plan in ($plan, "basic") and date between $start and 2024-02-29
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."plan" IN ('pro', 'basic')
        AND t."date" >= DATE '2024-01-15'
        AND t."date" <= DATE '2024-02-29'
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."plan" IN ('pro', 'basic')
      AND t."date" >= DATE '2024-01-15'
      AND t."date" <= DATE '2024-02-29'
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- parameters.test:39
-- purchases where plan = $nobody
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."plan" = 'x" or plan != "'
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  g0 AS (
    SELECT p.idx AS idx, COUNT(*) AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."plan" = 'x" or plan != "'
    GROUP BY p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    LEFT JOIN g0 ON g0.idx = p.idx
  )
SELECT a0 AS "purchases"
FROM cells;

-- parameters.test:61
-- pro_purchases, purchases by plan where plan != $plan
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."plan" IS DISTINCT FROM 'basic'
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    WHERE r0."plan" IS DISTINCT FROM 'basic'
  ),
  g0 AS (
    SELECT
      r0."plan" AS d0,
      p.idx AS idx,
      COUNT(*) FILTER (WHERE r0."plan" = 'pro') AS a0,
      COUNT(*) AS a1
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."plan" IS DISTINCT FROM 'basic'
    GROUP BY r0."plan", p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g0.a1, 0) AS a1
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "plan", a0 AS "pro_purchases", a1 AS "purchases"
FROM cells
ORDER BY d0 NULLS LAST;

