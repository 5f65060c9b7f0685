-- declare-help.test:10
-- purchases, paying_customers by kind
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."kind" AS d0
    FROM "orders" AS t
  ),
  g0 AS (
    SELECT
      t."kind" AS d0,
      COUNT(*) AS c0,
      COUNT(DISTINCT t."customer_id") AS c1
    FROM "orders" AS t
    GROUP BY t."kind"
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
SELECT
  d0 AS "kind",
  x0_c0 AS "purchases",
  x0_c1 AS "paying_customers"
FROM joined
ORDER BY d0 COLLATE "C" NULLS LAST;

-- declare-help.test:17
-- new_customers by month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(*) AS c0
    FROM "customers" AS t
    JOIN slots AS s ON t."signup_date" >= s.lo AND t."signup_date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(COALESCE(g0.c0, 0) AS NUMERIC) AS c0
    FROM slots AS s
    LEFT JOIN g0 ON g0.slot = s.slot
  ),
  shown AS (
    SELECT 0 AS pos, '2024-01' AS label, 0 AS s0
    UNION ALL
    SELECT 1 AS pos, '2024-02' AS label, 1 AS s0
  ),
  joined AS (
    SELECT sh.pos AS pos, sh.label AS label, x0.c0 AS x0_c0
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT label AS "month", x0_c0 AS "new_customers"
FROM joined
ORDER BY pos NULLS LAST;

