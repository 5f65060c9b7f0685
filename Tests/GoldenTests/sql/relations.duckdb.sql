-- relations.test:6
-- revenue, purchases by plan
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
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT
      r0."plan" AS d0,
      p.idx AS idx,
      SUM(t."amount") AS a0,
      COUNT(*) AS a1
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
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
SELECT d0 AS "plan", a0 AS "revenue", a1 AS "purchases"
FROM cells
ORDER BY d0 NULLS LAST;

-- relations.test:15
-- revenue by plan
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
  combos AS (
    SELECT DISTINCT r0."plan" AS d0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT r0."plan" AS d0, p.idx AS idx, SUM(t."amount") AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY r0."plan", p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, k.d0 AS d0, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "plan", a0 AS "revenue"
FROM cells
ORDER BY d0 NULLS LAST;

-- relations.test:26
-- revenue by month where plan = "pro"
WITH
  bounds AS (
    SELECT
      CAST(date_trunc('month', CAST(MIN(lo) AS TIMESTAMP)) AS DATE) AS since,
      CAST(date_trunc('month', CAST(MAX(hi) AS TIMESTAMP)) + INTERVAL '1 month' AS DATE) - 1 AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
      LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
      WHERE r0."plan" = 'pro'
    ) AS days
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
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    WHERE r0."plan" = 'pro'
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

-- relations.test:34
-- revenue by customers.region, plan
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
  combos AS (
    SELECT DISTINCT r0."region" AS d0, r0."plan" AS d1
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
  ),
  g0 AS (
    SELECT
      r0."region" AS d0,
      r0."plan" AS d1,
      p.idx AS idx,
      SUM(t."amount") AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY r0."region", r0."plan", p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      k.d1 AS d1,
      COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0 AND g0.d1 IS NOT DISTINCT FROM k.d1
  )
SELECT d0 AS "region", d1 AS "plan", a0 AS "revenue"
FROM cells
ORDER BY d0 NULLS LAST, d1 NULLS LAST;

-- relations.test:46
-- count(customers) by plan
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."signup_date") AS lo, MAX(t."signup_date") AS hi
      FROM "customers" AS t
      UNION ALL
      SELECT MIN(t."churn_date") AS lo, MAX(t."churn_date") AS hi
      FROM "customers" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  combos AS (
    SELECT DISTINCT t."plan" AS d0
    FROM "customers" AS t
  ),
  g0 AS (
    SELECT t."plan" AS d0, p.idx AS idx, COUNT(*) AS a0
    FROM "customers" AS t
    JOIN periods AS p ON t."signup_date" >= p.lo AND t."signup_date" < p.hi
    GROUP BY t."plan", p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, k.d0 AS d0, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "plan", a0 AS "count(customers)"
FROM cells
ORDER BY d0 NULLS LAST;

-- relations.test:56
-- revenue by plan since 2024-04-01
WITH
  bounds AS (
    SELECT DATE '2024-04-01' AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "orders" AS t
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
  ),
  g0 AS (
    SELECT r0."plan" AS d0, p.idx AS idx, SUM(t."amount") AS a0
    FROM "orders" AS t
    LEFT JOIN "customers" AS r0 ON r0."id" = t."customer_id"
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY r0."plan", p.idx
  ),
  cells AS (
    SELECT p.idx AS idx, k.d0 AS d0, COALESCE(g0.a0, 0) AS a0
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT d0 AS "plan", a0 AS "revenue"
FROM cells
ORDER BY d0 NULLS LAST;

-- relations.test:66
-- sum(spend.amount), count(leads) by channel
WITH
  bounds AS (
    SELECT MIN(lo) AS since, MAX(hi) AS until
    FROM (
      SELECT MIN(t."date") AS lo, MAX(t."date") AS hi
      FROM "spend" AS t
      UNION ALL
      SELECT MIN(t."created_date") AS lo, MAX(t."created_date") AS hi
      FROM "leads" AS t
    ) AS days
  ),
  periods AS (
    SELECT 0 AS idx, b.since AS lo, b.until + 1 AS hi
    FROM bounds AS b
  ),
  combos AS (
    SELECT t."channel" AS d0
    FROM "spend" AS t
    UNION
    SELECT t."channel" AS d0
    FROM "leads" AS t
  ),
  g0 AS (
    SELECT t."channel" AS d0, p.idx AS idx, SUM(t."amount") AS a0
    FROM "spend" AS t
    JOIN periods AS p ON t."date" >= p.lo AND t."date" < p.hi
    GROUP BY t."channel", p.idx
  ),
  g1 AS (
    SELECT t."channel" AS d0, p.idx AS idx, COUNT(*) AS a1
    FROM "leads" AS t
    JOIN periods AS p ON t."created_date" >= p.lo AND t."created_date" < p.hi
    GROUP BY t."channel", p.idx
  ),
  cells AS (
    SELECT
      p.idx AS idx,
      k.d0 AS d0,
      COALESCE(g0.a0, 0) AS a0,
      COALESCE(g1.a1, 0) AS a1
    FROM periods AS p
    CROSS JOIN combos AS k
    LEFT JOIN g0 ON g0.idx = p.idx AND g0.d0 IS NOT DISTINCT FROM k.d0
    LEFT JOIN g1 ON g1.idx = p.idx AND g1.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "channel",
  a0 AS "sum(spend.amount)",
  a1 AS "count(leads)"
FROM cells
ORDER BY d0 NULLS LAST;

