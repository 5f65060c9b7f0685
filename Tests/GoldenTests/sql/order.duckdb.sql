-- order.test:6
-- count(words) as n by w
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."w" AS d0
    FROM "words" AS t
  ),
  g0 AS (
    SELECT t."w" AS d0, COUNT(*) AS c0
    FROM "words" AS t
    GROUP BY t."w"
  ),
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
SELECT d0 AS "w", x0_c0 AS "n"
FROM joined
ORDER BY d0 NULLS LAST;

-- order.test:20
-- count(wide) as n by w
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."w" AS d0
    FROM "wide" AS t
  ),
  g0 AS (
    SELECT t."w" AS d0, COUNT(*) AS c0
    FROM "wide" AS t
    GROUP BY t."w"
  ),
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
SELECT d0 AS "w", x0_c0 AS "n"
FROM joined
ORDER BY d0 NULLS LAST;

-- order.test:28
-- count(keys) as n by k
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."k" AS d0
    FROM "keys" AS t
  ),
  g0 AS (
    SELECT t."k" AS d0, COUNT(*) AS c0
    FROM "keys" AS t
    GROUP BY t."k"
  ),
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
SELECT d0 AS "k", x0_c0 AS "n"
FROM joined
ORDER BY d0 NULLS LAST;

-- order.test:39
-- count(prices) as n by k
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."k" AS d0
    FROM "prices" AS t
  ),
  g0 AS (
    SELECT t."k" AS d0, COUNT(*) AS c0
    FROM "prices" AS t
    GROUP BY t."k"
  ),
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
SELECT d0 AS "k", x0_c0 AS "n"
FROM joined
ORDER BY d0 NULLS LAST;

-- order.test:48
-- count(flags) as n by b
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."b" AS d0
    FROM "flags" AS t
  ),
  g0 AS (
    SELECT t."b" AS d0, COUNT(*) AS c0
    FROM "flags" AS t
    GROUP BY t."b"
  ),
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
SELECT d0 AS "b", x0_c0 AS "n"
FROM joined
ORDER BY d0 NULLS LAST;

-- order.test:56
-- count(flags) as n by d
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."d" AS d0
    FROM "flags" AS t
  ),
  g0 AS (
    SELECT t."d" AS d0, COUNT(*) AS c0
    FROM "flags" AS t
    GROUP BY t."d"
  ),
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
SELECT d0 AS "d", x0_c0 AS "n"
FROM joined
ORDER BY d0 NULLS LAST;

-- order.test:72
-- count(pairs) as n by g, h
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."g" AS d0, t."h" AS d1
    FROM "pairs" AS t
  ),
  g0 AS (
    SELECT t."g" AS d0, t."h" AS d1, COUNT(*) AS c0
    FROM "pairs" AS t
    GROUP BY t."g", t."h"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      k.d1 AS d1,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0
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
SELECT d0 AS "g", d1 AS "h", x0_c0 AS "n"
FROM joined
ORDER BY d0 NULLS LAST, d1 NULLS LAST;

-- order.test:85
-- avg(scores.x) as v by g order by v desc
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."g" AS d0
    FROM "scores" AS t
  ),
  g0 AS (
    SELECT t."g" AS d0, SUM(t."x") AS c0, COUNT(t."x") AS c1
    FROM "scores" AS t
    GROUP BY t."g"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
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
  d0 AS "g",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "v"
FROM joined
ORDER BY 2 DESC NULLS LAST, d0 NULLS LAST;

-- order.test:96
-- avg(scores.x) as v by g order by v
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."g" AS d0
    FROM "scores" AS t
  ),
  g0 AS (
    SELECT t."g" AS d0, SUM(t."x") AS c0, COUNT(t."x") AS c1
    FROM "scores" AS t
    GROUP BY t."g"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
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
  d0 AS "g",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "v"
FROM joined
ORDER BY 2 NULLS LAST, d0 NULLS LAST;

-- order.test:107
-- avg(scores.x) as v by g order by v asc
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."g" AS d0
    FROM "scores" AS t
  ),
  g0 AS (
    SELECT t."g" AS d0, SUM(t."x") AS c0, COUNT(t."x") AS c1
    FROM "scores" AS t
    GROUP BY t."g"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
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
  d0 AS "g",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "v"
FROM joined
ORDER BY 2 NULLS LAST, d0 NULLS LAST;

-- order.test:119
-- avg(scores.x) as v by g order by g desc
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."g" AS d0
    FROM "scores" AS t
  ),
  g0 AS (
    SELECT t."g" AS d0, SUM(t."x") AS c0, COUNT(t."x") AS c1
    FROM "scores" AS t
    GROUP BY t."g"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
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
  d0 AS "g",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "v"
FROM joined
ORDER BY d0 DESC NULLS LAST, d0 NULLS LAST;

-- order.test:131
-- avg(scores.x) as v by g order by v desc, g desc
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."g" AS d0
    FROM "scores" AS t
  ),
  g0 AS (
    SELECT t."g" AS d0, SUM(t."x") AS c0, COUNT(t."x") AS c1
    FROM "scores" AS t
    GROUP BY t."g"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
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
  d0 AS "g",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "v"
FROM joined
ORDER BY 2 DESC NULLS LAST, d0 DESC NULLS LAST, d0 NULLS LAST;

-- order.test:143
-- avg(scores.x) as v by g order by v desc limit 3
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."g" AS d0
    FROM "scores" AS t
  ),
  g0 AS (
    SELECT t."g" AS d0, SUM(t."x") AS c0, COUNT(t."x") AS c1
    FROM "scores" AS t
    GROUP BY t."g"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
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
  d0 AS "g",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "v"
FROM joined
ORDER BY 2 DESC NULLS LAST, d0 NULLS LAST
LIMIT 3;

-- order.test:152
-- avg(scores.x) as v by g limit 0
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."g" AS d0
    FROM "scores" AS t
  ),
  g0 AS (
    SELECT t."g" AS d0, SUM(t."x") AS c0, COUNT(t."x") AS c1
    FROM "scores" AS t
    GROUP BY t."g"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
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
  d0 AS "g",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "v"
FROM joined
ORDER BY d0 NULLS LAST
LIMIT 0;

-- order.test:157
-- avg(scores.x) as v by g limit 2
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."g" AS d0
    FROM "scores" AS t
  ),
  g0 AS (
    SELECT t."g" AS d0, SUM(t."x") AS c0, COUNT(t."x") AS c1
    FROM "scores" AS t
    GROUP BY t."g"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
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
  d0 AS "g",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "v"
FROM joined
ORDER BY d0 NULLS LAST
LIMIT 2;

-- order.test:164
-- avg(scores.x) as v by g limit 100
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."g" AS d0
    FROM "scores" AS t
  ),
  g0 AS (
    SELECT t."g" AS d0, SUM(t."x") AS c0, COUNT(t."x") AS c1
    FROM "scores" AS t
    GROUP BY t."g"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1
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
  d0 AS "g",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "v"
FROM joined
ORDER BY d0 NULLS LAST
LIMIT 100;

-- order.test:190
-- count(accents) as n by w
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."w" AS d0
    FROM "accents" AS t
  ),
  g0 AS (
    SELECT t."w" AS d0, COUNT(*) AS c0
    FROM "accents" AS t
    GROUP BY t."w"
  ),
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
SELECT d0 AS "w", x0_c0 AS "n"
FROM joined
ORDER BY d0 NULLS LAST;

-- order.test:197
-- count(accents where w = "é") as n
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) FILTER (WHERE t."w" = 'é') AS c0
    FROM "accents" AS t
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
SELECT x0_c0 AS "n"
FROM joined;

