-- conditions.test:29
-- count(items where plan = "pro") as eq_pro, count(items where plan = "Pro") as eq_Pro,
--   count(items where plan != "pro") as ne_pro,
--   count(items where plan in ("pro", "basic")) as in_list,
--   count(items where plan not in ("pro", "basic")) as not_in_list,
--   count(items where plan is null) as is_null, count(items where plan is not null) as is_not_null,
--   count(items where not (plan = "pro")) as not_eq_pro, count(items where plan < "pro") as lt_pro,
--   count(items where plan > "Pro") as gt_Pro, count(items where plan >= "basic") as ge_basic
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      COUNT(*) FILTER (WHERE t."plan" = 'pro') AS c0,
      COUNT(*) FILTER (WHERE t."plan" = 'Pro') AS c1,
      COUNT(*) FILTER (WHERE t."plan" IS DISTINCT FROM 'pro') AS c2,
      COUNT(*) FILTER (WHERE t."plan" IN ('pro', 'basic')) AS c3,
      COUNT(*) FILTER (WHERE NOT COALESCE(t."plan" IN ('pro', 'basic'), FALSE)) AS c4,
      COUNT(*) FILTER (WHERE t."plan" IS NULL) AS c5,
      COUNT(*) FILTER (WHERE t."plan" IS NOT NULL) AS c6,
      COUNT(*) FILTER (WHERE NOT COALESCE(t."plan" = 'pro', FALSE)) AS c7,
      COUNT(*) FILTER (WHERE t."plan" < 'pro') AS c8,
      COUNT(*) FILTER (WHERE t."plan" > 'Pro') AS c9,
      COUNT(*) FILTER (WHERE t."plan" >= 'basic') AS c10
    FROM "items" AS t
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2,
      COALESCE(g0.c3, 0) AS c3,
      COALESCE(g0.c4, 0) AS c4,
      COALESCE(g0.c5, 0) AS c5,
      COALESCE(g0.c6, 0) AS c6,
      COALESCE(g0.c7, 0) AS c7,
      COALESCE(g0.c8, 0) AS c8,
      COALESCE(g0.c9, 0) AS c9,
      COALESCE(g0.c10, 0) AS c10
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3,
      x0.c4 AS x0_c4,
      x0.c5 AS x0_c5,
      x0.c6 AS x0_c6,
      x0.c7 AS x0_c7,
      x0.c8 AS x0_c8,
      x0.c9 AS x0_c9,
      x0.c10 AS x0_c10
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  x0_c0 AS "eq_pro",
  x0_c1 AS "eq_Pro",
  x0_c2 AS "ne_pro",
  x0_c3 AS "in_list",
  x0_c4 AS "not_in_list",
  x0_c5 AS "is_null",
  x0_c6 AS "is_not_null",
  x0_c7 AS "not_eq_pro",
  x0_c8 AS "lt_pro",
  x0_c9 AS "gt_Pro",
  x0_c10 AS "ge_basic"
FROM joined;

-- conditions.test:42
-- count(items) as eq_pro where plan = "pro"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."plan" = 'pro'
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
SELECT x0_c0 AS "eq_pro"
FROM joined;

-- conditions.test:42
-- count(items) as eq_Pro where plan = "Pro"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."plan" = 'Pro'
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
SELECT x0_c0 AS "eq_Pro"
FROM joined;

-- conditions.test:42
-- count(items) as ne_pro where plan != "pro"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."plan" IS DISTINCT FROM 'pro'
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
SELECT x0_c0 AS "ne_pro"
FROM joined;

-- conditions.test:42
-- count(items) as in_list where plan in ("pro", "basic")
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."plan" IN ('pro', 'basic')
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
SELECT x0_c0 AS "in_list"
FROM joined;

-- conditions.test:42
-- count(items) as not_in_list where plan not in ("pro", "basic")
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE NOT COALESCE(t."plan" IN ('pro', 'basic'), FALSE)
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
SELECT x0_c0 AS "not_in_list"
FROM joined;

-- conditions.test:42
-- count(items) as is_null where plan is null
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."plan" IS NULL
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
SELECT x0_c0 AS "is_null"
FROM joined;

-- conditions.test:42
-- count(items) as is_not_null where plan is not null
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."plan" IS NOT NULL
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
SELECT x0_c0 AS "is_not_null"
FROM joined;

-- conditions.test:42
-- count(items) as not_eq_pro where not (plan = "pro")
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE NOT COALESCE(t."plan" = 'pro', FALSE)
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
SELECT x0_c0 AS "not_eq_pro"
FROM joined;

-- conditions.test:42
-- count(items) as lt_pro where plan < "pro"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."plan" < 'pro'
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
SELECT x0_c0 AS "lt_pro"
FROM joined;

-- conditions.test:42
-- count(items) as gt_Pro where plan > "Pro"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."plan" > 'Pro'
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
SELECT x0_c0 AS "gt_Pro"
FROM joined;

-- conditions.test:42
-- count(items) as ge_basic where plan >= "basic"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."plan" >= 'basic'
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
SELECT x0_c0 AS "ge_basic"
FROM joined;

-- conditions.test:93
-- count(items where n < 12) as lt_12, count(items where n >= 12) as ge_12,
--   count(items where n = 10) as eq_10, count(items where n != 5) as ne_5,
--   count(items where n in (5, 20)) as in_5_20, count(items where n not in (5, 20)) as not_in_5_20,
--   count(items where not (n < 12)) as not_lt_12, count(items where n between 10 and 15) as in_10_15,
--   count(items where n between 15 and 10) as between_reversed,
--   count(items where n not between 10 and 15 and n is not null) as not_between_known,
--   count(items where n + 1 = 11) as plus_one, count(items where n * 2 > 25) as times_two,
--   count(items where n is null) as n_is_null,
--   count(items where not (plan = "pro" or n > 12)) as not_or
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      COUNT(*) FILTER (WHERE t."n" < 12) AS c0,
      COUNT(*) FILTER (WHERE t."n" >= 12) AS c1,
      COUNT(*) FILTER (WHERE t."n" = 10) AS c2,
      COUNT(*) FILTER (WHERE t."n" IS DISTINCT FROM 5) AS c3,
      COUNT(*) FILTER (WHERE t."n" IN (5, 20)) AS c4,
      COUNT(*) FILTER (WHERE NOT COALESCE(t."n" IN (5, 20), FALSE)) AS c5,
      COUNT(*) FILTER (WHERE NOT COALESCE(t."n" < 12, FALSE)) AS c6,
      COUNT(*) FILTER (WHERE t."n" >= 10 AND t."n" <= 15) AS c7,
      COUNT(*) FILTER (WHERE t."n" >= 15 AND t."n" <= 10) AS c8,
      COUNT(*) FILTER (WHERE NOT COALESCE(t."n" >= 10 AND t."n" <= 15, FALSE) AND t."n" IS NOT NULL) AS c9,
      COUNT(*) FILTER (WHERE CAST(t."n" AS DOUBLE) + 1 = 11) AS c10,
      COUNT(*) FILTER (WHERE CAST(t."n" AS DOUBLE) * 2 > 25) AS c11,
      COUNT(*) FILTER (WHERE t."n" IS NULL) AS c12,
      COUNT(*) FILTER (WHERE NOT COALESCE(t."plan" = 'pro' OR t."n" > 12, FALSE)) AS c13
    FROM "items" AS t
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2,
      COALESCE(g0.c3, 0) AS c3,
      COALESCE(g0.c4, 0) AS c4,
      COALESCE(g0.c5, 0) AS c5,
      COALESCE(g0.c6, 0) AS c6,
      COALESCE(g0.c7, 0) AS c7,
      COALESCE(g0.c8, 0) AS c8,
      COALESCE(g0.c9, 0) AS c9,
      COALESCE(g0.c10, 0) AS c10,
      COALESCE(g0.c11, 0) AS c11,
      COALESCE(g0.c12, 0) AS c12,
      COALESCE(g0.c13, 0) AS c13
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3,
      x0.c4 AS x0_c4,
      x0.c5 AS x0_c5,
      x0.c6 AS x0_c6,
      x0.c7 AS x0_c7,
      x0.c8 AS x0_c8,
      x0.c9 AS x0_c9,
      x0.c10 AS x0_c10,
      x0.c11 AS x0_c11,
      x0.c12 AS x0_c12,
      x0.c13 AS x0_c13
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  x0_c0 AS "lt_12",
  x0_c1 AS "ge_12",
  x0_c2 AS "eq_10",
  x0_c3 AS "ne_5",
  x0_c4 AS "in_5_20",
  x0_c5 AS "not_in_5_20",
  x0_c6 AS "not_lt_12",
  x0_c7 AS "in_10_15",
  x0_c8 AS "between_reversed",
  x0_c9 AS "not_between_known",
  x0_c10 AS "plus_one",
  x0_c11 AS "times_two",
  x0_c12 AS "n_is_null",
  x0_c13 AS "not_or"
FROM joined;

-- conditions.test:108
-- count(items) as lt_12 where n < 12
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."n" < 12
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
SELECT x0_c0 AS "lt_12"
FROM joined;

-- conditions.test:108
-- count(items) as ge_12 where n >= 12
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."n" >= 12
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
SELECT x0_c0 AS "ge_12"
FROM joined;

-- conditions.test:108
-- count(items) as eq_10 where n = 10
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."n" = 10
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
SELECT x0_c0 AS "eq_10"
FROM joined;

-- conditions.test:108
-- count(items) as ne_5 where n != 5
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."n" IS DISTINCT FROM 5
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
SELECT x0_c0 AS "ne_5"
FROM joined;

-- conditions.test:108
-- count(items) as in_5_20 where n in (5, 20)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."n" IN (5, 20)
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
SELECT x0_c0 AS "in_5_20"
FROM joined;

-- conditions.test:108
-- count(items) as not_in_5_20 where n not in (5, 20)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE NOT COALESCE(t."n" IN (5, 20), FALSE)
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
SELECT x0_c0 AS "not_in_5_20"
FROM joined;

-- conditions.test:108
-- count(items) as not_lt_12 where not (n < 12)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE NOT COALESCE(t."n" < 12, FALSE)
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
SELECT x0_c0 AS "not_lt_12"
FROM joined;

-- conditions.test:108
-- count(items) as in_10_15 where n between 10 and 15
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."n" >= 10 AND t."n" <= 15
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
SELECT x0_c0 AS "in_10_15"
FROM joined;

-- conditions.test:108
-- count(items) as between_reversed where n between 15 and 10
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."n" >= 15 AND t."n" <= 10
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
SELECT x0_c0 AS "between_reversed"
FROM joined;

-- conditions.test:108
-- count(items) as not_between_known where n not between 10 and 15 and n is not null
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE NOT COALESCE(t."n" >= 10 AND t."n" <= 15, FALSE) AND t."n" IS NOT NULL
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
SELECT x0_c0 AS "not_between_known"
FROM joined;

-- conditions.test:108
-- count(items) as plus_one where n + 1 = 11
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE CAST(t."n" AS DOUBLE) + 1 = 11
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
SELECT x0_c0 AS "plus_one"
FROM joined;

-- conditions.test:108
-- count(items) as times_two where n * 2 > 25
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE CAST(t."n" AS DOUBLE) * 2 > 25
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
SELECT x0_c0 AS "times_two"
FROM joined;

-- conditions.test:108
-- count(items) as n_is_null where n is null
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."n" IS NULL
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
SELECT x0_c0 AS "n_is_null"
FROM joined;

-- conditions.test:108
-- count(items) as not_or where not (plan = "pro" or n > 12)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE NOT COALESCE(t."plan" = 'pro' OR t."n" > 12, FALSE)
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
SELECT x0_c0 AS "not_or"
FROM joined;

-- conditions.test:169
-- count(items where price = 1.5) as eq_1_5, count(items where price = 1.50) as eq_1_50,
--   count(items where price = 1.500) as eq_1_500, count(items where price = 1.499) as eq_1_499,
--   count(items where price > 1.25) as gt_1_25, count(items where price >= 1.25) as ge_1_25,
--   count(items where price < 2) as lt_2, count(items where price = 10) as eq_10,
--   count(items where price != 1.5) as ne_1_5, count(items where price in (1.5, 2)) as in_1_5_2,
--   count(items where price = cost) as eq_cost, count(items where price != cost) as ne_cost,
--   count(items where price > cost) as gt_cost,
--   count(items where price = 1.5000000000) as eq_ten_digits,
--   count(items where price = 15e-1) as eq_exponent
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      COUNT(*) FILTER (WHERE t."price" = 1.5) AS c0,
      COUNT(*) FILTER (WHERE t."price" = 1.50) AS c1,
      COUNT(*) FILTER (WHERE t."price" = 1.500) AS c2,
      COUNT(*) FILTER (WHERE t."price" = 1.499) AS c3,
      COUNT(*) FILTER (WHERE t."price" > 1.25) AS c4,
      COUNT(*) FILTER (WHERE t."price" >= 1.25) AS c5,
      COUNT(*) FILTER (WHERE t."price" < 2) AS c6,
      COUNT(*) FILTER (WHERE t."price" = 10) AS c7,
      COUNT(*) FILTER (WHERE t."price" IS DISTINCT FROM 1.5) AS c8,
      COUNT(*) FILTER (WHERE t."price" IN (1.5, 2)) AS c9,
      COUNT(*) FILTER (WHERE t."price" = t."cost") AS c10,
      COUNT(*) FILTER (WHERE t."price" IS DISTINCT FROM t."cost") AS c11,
      COUNT(*) FILTER (WHERE t."price" > t."cost") AS c12,
      COUNT(*) FILTER (WHERE t."price" = 1.5) AS c13
    FROM "items" AS t
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2,
      COALESCE(g0.c3, 0) AS c3,
      COALESCE(g0.c4, 0) AS c4,
      COALESCE(g0.c5, 0) AS c5,
      COALESCE(g0.c6, 0) AS c6,
      COALESCE(g0.c7, 0) AS c7,
      COALESCE(g0.c8, 0) AS c8,
      COALESCE(g0.c9, 0) AS c9,
      COALESCE(g0.c10, 0) AS c10,
      COALESCE(g0.c11, 0) AS c11,
      COALESCE(g0.c12, 0) AS c12,
      COALESCE(g0.c13, 0) AS c13
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3,
      x0.c4 AS x0_c4,
      x0.c5 AS x0_c5,
      x0.c6 AS x0_c6,
      x0.c7 AS x0_c7,
      x0.c8 AS x0_c8,
      x0.c9 AS x0_c9,
      x0.c10 AS x0_c10,
      x0.c11 AS x0_c11,
      x0.c12 AS x0_c12,
      x0.c13 AS x0_c13
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  x0_c0 AS "eq_1_5",
  x0_c1 AS "eq_1_50",
  x0_c2 AS "eq_1_500",
  x0_c3 AS "eq_1_499",
  x0_c4 AS "gt_1_25",
  x0_c5 AS "ge_1_25",
  x0_c6 AS "lt_2",
  x0_c7 AS "eq_10",
  x0_c8 AS "ne_1_5",
  x0_c9 AS "in_1_5_2",
  x0_c10 AS "eq_cost",
  x0_c11 AS "ne_cost",
  x0_c12 AS "gt_cost",
  x0_c13 AS "eq_ten_digits",
  x0_c13 AS "eq_exponent"
FROM joined;

-- conditions.test:184
-- count(items) as eq_1_5 where price = 1.5
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" = 1.5
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
SELECT x0_c0 AS "eq_1_5"
FROM joined;

-- conditions.test:184
-- count(items) as eq_1_50 where price = 1.50
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" = 1.50
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
SELECT x0_c0 AS "eq_1_50"
FROM joined;

-- conditions.test:184
-- count(items) as eq_1_500 where price = 1.500
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" = 1.500
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
SELECT x0_c0 AS "eq_1_500"
FROM joined;

-- conditions.test:184
-- count(items) as eq_1_499 where price = 1.499
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" = 1.499
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
SELECT x0_c0 AS "eq_1_499"
FROM joined;

-- conditions.test:184
-- count(items) as gt_1_25 where price > 1.25
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" > 1.25
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
SELECT x0_c0 AS "gt_1_25"
FROM joined;

-- conditions.test:184
-- count(items) as ge_1_25 where price >= 1.25
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" >= 1.25
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
SELECT x0_c0 AS "ge_1_25"
FROM joined;

-- conditions.test:184
-- count(items) as lt_2 where price < 2
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" < 2
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
SELECT x0_c0 AS "lt_2"
FROM joined;

-- conditions.test:184
-- count(items) as eq_10 where price = 10
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" = 10
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
SELECT x0_c0 AS "eq_10"
FROM joined;

-- conditions.test:184
-- count(items) as ne_1_5 where price != 1.5
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" IS DISTINCT FROM 1.5
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
SELECT x0_c0 AS "ne_1_5"
FROM joined;

-- conditions.test:184
-- count(items) as in_1_5_2 where price in (1.5, 2)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" IN (1.5, 2)
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
SELECT x0_c0 AS "in_1_5_2"
FROM joined;

-- conditions.test:184
-- count(items) as eq_cost where price = cost
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" = t."cost"
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
SELECT x0_c0 AS "eq_cost"
FROM joined;

-- conditions.test:184
-- count(items) as ne_cost where price != cost
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" IS DISTINCT FROM t."cost"
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
SELECT x0_c0 AS "ne_cost"
FROM joined;

-- conditions.test:184
-- count(items) as gt_cost where price > cost
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" > t."cost"
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
SELECT x0_c0 AS "gt_cost"
FROM joined;

-- conditions.test:184
-- count(items) as eq_ten_digits where price = 1.5000000000
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" = 1.5
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
SELECT x0_c0 AS "eq_ten_digits"
FROM joined;

-- conditions.test:184
-- count(items) as eq_exponent where price = 15e-1
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."price" = 1.5
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
SELECT x0_c0 AS "eq_exponent"
FROM joined;

-- conditions.test:241
-- count(items where flag) as flag, count(items where flag = true) as eq_true,
--   count(items where flag = false) as eq_false, count(items where flag != true) as ne_true,
--   count(items where not flag) as not_flag, count(items where flag is null) as flag_is_null,
--   count(items where flag and plan = "pro") as flag_and_pro,
--   count(items where flag or n > 12) as flag_or_n
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      COUNT(*) FILTER (WHERE t."flag" = TRUE) AS c0,
      COUNT(*) FILTER (WHERE t."flag" = TRUE) AS c1,
      COUNT(*) FILTER (WHERE t."flag" = FALSE) AS c2,
      COUNT(*) FILTER (WHERE t."flag" IS DISTINCT FROM TRUE) AS c3,
      COUNT(*) FILTER (WHERE NOT COALESCE(t."flag" = TRUE, FALSE)) AS c4,
      COUNT(*) FILTER (WHERE t."flag" IS NULL) AS c5,
      COUNT(*) FILTER (WHERE t."flag" = TRUE AND t."plan" = 'pro') AS c6,
      COUNT(*) FILTER (WHERE t."flag" = TRUE OR t."n" > 12) AS c7
    FROM "items" AS t
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2,
      COALESCE(g0.c3, 0) AS c3,
      COALESCE(g0.c4, 0) AS c4,
      COALESCE(g0.c5, 0) AS c5,
      COALESCE(g0.c6, 0) AS c6,
      COALESCE(g0.c7, 0) AS c7
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3,
      x0.c4 AS x0_c4,
      x0.c5 AS x0_c5,
      x0.c6 AS x0_c6,
      x0.c7 AS x0_c7
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  x0_c0 AS "flag",
  x0_c1 AS "eq_true",
  x0_c2 AS "eq_false",
  x0_c3 AS "ne_true",
  x0_c4 AS "not_flag",
  x0_c5 AS "flag_is_null",
  x0_c6 AS "flag_and_pro",
  x0_c7 AS "flag_or_n"
FROM joined;

-- conditions.test:252
-- count(items) as flag where flag
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."flag" = TRUE
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
SELECT x0_c0 AS "flag"
FROM joined;

-- conditions.test:252
-- count(items) as eq_true where flag = true
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."flag" = TRUE
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
SELECT x0_c0 AS "eq_true"
FROM joined;

-- conditions.test:252
-- count(items) as eq_false where flag = false
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."flag" = FALSE
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
SELECT x0_c0 AS "eq_false"
FROM joined;

-- conditions.test:252
-- count(items) as ne_true where flag != true
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."flag" IS DISTINCT FROM TRUE
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
SELECT x0_c0 AS "ne_true"
FROM joined;

-- conditions.test:252
-- count(items) as not_flag where not flag
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE NOT COALESCE(t."flag" = TRUE, FALSE)
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
SELECT x0_c0 AS "not_flag"
FROM joined;

-- conditions.test:252
-- count(items) as flag_is_null where flag is null
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."flag" IS NULL
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
SELECT x0_c0 AS "flag_is_null"
FROM joined;

-- conditions.test:252
-- count(items) as flag_and_pro where flag and plan = "pro"
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE t."flag" = TRUE AND t."plan" = 'pro'
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
SELECT x0_c0 AS "flag_and_pro"
FROM joined;

-- conditions.test:252
-- count(items) as flag_or_n where flag or n > 12
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) AS c0
    FROM "items" AS t
    WHERE (t."flag" = TRUE OR t."n" > 12)
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
SELECT x0_c0 AS "flag_or_n"
FROM joined;

-- conditions.test:281
-- count(items where n not between 10 and 15) as not_between, count(items where not (n between 10 and 15)) as not_of_between
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      COUNT(*) FILTER (WHERE NOT COALESCE(t."n" >= 10 AND t."n" <= 15, FALSE)) AS c0
    FROM "items" AS t
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
SELECT x0_c0 AS "not_between", x0_c0 AS "not_of_between"
FROM joined;

-- conditions.test:288
-- count(items.flag) as a, count(items.plan) as b, count(items.n) as c, count(items) as d
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      COUNT(t."flag") AS c0,
      COUNT(t."plan") AS c1,
      COUNT(t."n") AS c2,
      COUNT(*) AS c3
    FROM "items" AS t
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2,
      COALESCE(g0.c3, 0) AS c3
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2,
      x0.c3 AS x0_c3
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  x0_c0 AS "a",
  x0_c1 AS "b",
  x0_c2 AS "c",
  x0_c3 AS "d"
FROM joined;

