-- aggregates-edges.test:8
-- sum(cents.x) as s, avg(cents.x) as a
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT SUM(t."x") AS c0, COUNT(t."x") AS c1
    FROM "cents" AS t
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
  x0_c0 AS "s",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "a"
FROM joined;

-- aggregates-edges.test:15
-- sum(signed.x)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT SUM(t."x") AS c0
    FROM "signed" AS t
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
SELECT x0_c0 AS "sum(signed.x)"
FROM joined;

-- aggregates-edges.test:22
-- sum(pair.x where x > 5) as s, avg(pair.x where x > 5) as a, avg(pair.x) as b
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      SUM(t."x") FILTER (WHERE t."x" > 5) AS c0,
      COUNT(t."x") FILTER (WHERE t."x" > 5) AS c1,
      SUM(t."x") AS c2,
      COUNT(t."x") AS c3
    FROM "pair" AS t
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
  x0_c0 AS "s",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "a",
  CAST(x0_c2 AS DOUBLE) / NULLIF(CAST(x0_c3 AS DOUBLE), 0) AS "b"
FROM joined;

-- aggregates-edges.test:31
-- count_distinct(mixed.word) as w, count_distinct(mixed.num) as i, count_distinct(mixed.day) as d,
--   count_distinct(mixed.price) as p, count_distinct(mixed.flag) as b
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      COUNT(DISTINCT t."word") AS c0,
      COUNT(DISTINCT t."num") AS c1,
      COUNT(DISTINCT t."day") AS c2,
      COUNT(DISTINCT t."price") AS c3,
      COUNT(DISTINCT t."flag") AS c4
    FROM "mixed" AS t
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2,
      COALESCE(g0.c3, 0) AS c3,
      COALESCE(g0.c4, 0) AS c4
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
      x0.c4 AS x0_c4
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  x0_c0 AS "w",
  x0_c1 AS "i",
  x0_c2 AS "d",
  x0_c3 AS "p",
  x0_c4 AS "b"
FROM joined;

-- aggregates-edges.test:40
-- count_distinct(visits.customer_id) as c by month
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-01' AS lo, DATE '2024-02-01' AS hi
    UNION ALL
    SELECT 1 AS slot, DATE '2024-02-01' AS lo, DATE '2024-03-01' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(DISTINCT t."customer_id") AS c0
    FROM "visits" AS t
    JOIN slots AS s ON t."date" >= s.lo AND t."date" < s.hi
    GROUP BY s.slot
  ),
  cells AS (
    SELECT s.slot AS slot, COALESCE(g0.c0, 0) AS c0
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
SELECT label AS "month", x0_c0 AS "c"
FROM joined
ORDER BY pos NULLS LAST;

-- aggregates-edges.test:47
-- count_distinct(visits.customer_id)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '2024-01-03' AS lo, DATE '2024-02-06' AS hi
  ),
  g0 AS (
    SELECT s.slot AS slot, COUNT(DISTINCT t."customer_id") AS c0
    FROM "visits" AS t
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
SELECT x0_c0 AS "count_distinct(visits.customer_id)"
FROM joined;

-- aggregates-edges.test:55
-- count_distinct(tagged.word where x > 1)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(DISTINCT t."word") FILTER (WHERE t."x" > 1) AS c0
    FROM "tagged" AS t
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
SELECT x0_c0 AS "count_distinct(tagged.word where x > 1)"
FROM joined;

-- aggregates-edges.test:64
-- median(series.x where g = "odd") as odd, median(series.x where g = "even") as even,
--   median(series.x where g = "nulls") as nulls, median(series.x where g = "one") as one,
--   median(series.x where g = "signed") as signed, median(series.x where g = "none") as none
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      quantile_cont(CAST(t."x" AS DOUBLE), 0.5) FILTER (WHERE t."g" = 'odd') AS c0,
      quantile_cont(CAST(t."x" AS DOUBLE), 0.5) FILTER (WHERE t."g" = 'even') AS c1,
      quantile_cont(CAST(t."x" AS DOUBLE), 0.5) FILTER (WHERE t."g" = 'nulls') AS c2,
      quantile_cont(CAST(t."x" AS DOUBLE), 0.5) FILTER (WHERE t."g" = 'one') AS c3,
      quantile_cont(CAST(t."x" AS DOUBLE), 0.5) FILTER (WHERE t."g" = 'signed') AS c4,
      quantile_cont(CAST(t."x" AS DOUBLE), 0.5) FILTER (WHERE t."g" = 'none') AS c5
    FROM "series" AS t
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(g0.c0 AS DOUBLE) AS c0,
      CAST(g0.c1 AS DOUBLE) AS c1,
      CAST(g0.c2 AS DOUBLE) AS c2,
      CAST(g0.c3 AS DOUBLE) AS c3,
      CAST(g0.c4 AS DOUBLE) AS c4,
      CAST(g0.c5 AS DOUBLE) AS c5
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
      x0.c5 AS x0_c5
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  x0_c0 AS "odd",
  x0_c1 AS "even",
  x0_c2 AS "nulls",
  x0_c3 AS "one",
  x0_c4 AS "signed",
  x0_c5 AS "none"
FROM joined;

-- aggregates-edges.test:75
-- percentile(quarters.x, 0) as p0, percentile(quarters.x, 1) as p100, percentile(quarters.x, 0.5) as p50,
--   percentile(quarters.x, 0.25) as p25, percentile(quarters.x, 0.75) as p75
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      quantile_cont(CAST(t."x" AS DOUBLE), 0) AS c0,
      quantile_cont(CAST(t."x" AS DOUBLE), 1) AS c1,
      quantile_cont(CAST(t."x" AS DOUBLE), 0.5) AS c2,
      quantile_cont(CAST(t."x" AS DOUBLE), 0.25) AS c3,
      quantile_cont(CAST(t."x" AS DOUBLE), 0.75) AS c4
    FROM "quarters" AS t
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      CAST(g0.c0 AS DOUBLE) AS c0,
      CAST(g0.c1 AS DOUBLE) AS c1,
      CAST(g0.c2 AS DOUBLE) AS c2,
      CAST(g0.c3 AS DOUBLE) AS c3,
      CAST(g0.c4 AS DOUBLE) AS c4
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
      x0.c4 AS x0_c4
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  x0_c0 AS "p0",
  x0_c1 AS "p100",
  x0_c2 AS "p50",
  x0_c3 AS "p25",
  x0_c4 AS "p75"
FROM joined;

-- aggregates-edges.test:83
-- median(dimes.x)
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT quantile_cont(CAST(t."x" AS DOUBLE), 0.5) AS c0
    FROM "dimes" AS t
  ),
  cells AS (
    SELECT s.slot AS slot, CAST(g0.c0 AS DOUBLE) AS c0
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
SELECT x0_c0 AS "median(dimes.x)"
FROM joined;

-- aggregates-edges.test:90
-- median(cells.x) as med by g
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."g" AS d0
    FROM "cells" AS t
  ),
  g0 AS (
    SELECT t."g" AS d0, quantile_cont(CAST(t."x" AS DOUBLE), 0.5) AS c0
    FROM "cells" AS t
    GROUP BY t."g"
  ),
  cells AS (
    SELECT k.d0 AS d0, s.slot AS slot, CAST(g0.c0 AS DOUBLE) AS c0
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
SELECT d0 AS "g", x0_c0 AS "med"
FROM joined
ORDER BY d0 NULLS LAST;

-- aggregates-edges.test:110
-- min(extremes.i) as a, max(extremes.i) as b, min(extremes.p) as c, max(extremes.p) as d
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      MIN(t."i") AS c0,
      MAX(t."i") AS c1,
      MIN(t."p") AS c2,
      MAX(t."p") AS c3
    FROM "extremes" AS t
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      g0.c0 AS c0,
      g0.c1 AS c1,
      g0.c2 AS c2,
      g0.c3 AS c3
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

-- aggregates-edges.test:117
-- min(pair.x where x > 2) as a, max(pair.x where x > 2) as b
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      MIN(t."x") FILTER (WHERE t."x" > 2) AS c0,
      MAX(t."x") FILTER (WHERE t."x" > 2) AS c1
    FROM "pair" AS t
  ),
  cells AS (
    SELECT s.slot AS slot, g0.c0 AS c0, g0.c1 AS c1
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
SELECT x0_c0 AS "a", x0_c1 AS "b"
FROM joined;

-- aggregates-edges.test:125
-- 100 * count(arith where x > 1) / count(arith) as half, 100 * count(arith where x = 1) / count(arith where x > 0) as third,
--   1 + 2 * count(arith) as nine, (1 + 2) * count(arith) as twelve, -sum(arith.x) + 10 as four
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      COUNT(*) FILTER (WHERE t."x" > 1) AS c0,
      COUNT(*) AS c1,
      COUNT(*) FILTER (WHERE t."x" = 1) AS c2,
      COUNT(*) FILTER (WHERE t."x" > 0) AS c3,
      SUM(t."x") AS c4
    FROM "arith" AS t
  ),
  cells AS (
    SELECT
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2,
      COALESCE(g0.c3, 0) AS c3,
      COALESCE(g0.c4, 0) AS c4
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
      x0.c4 AS x0_c4
    FROM shown AS sh
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0
  )
SELECT
  CAST(100 * x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "half",
  CAST(100 * x0_c2 AS DOUBLE) / NULLIF(CAST(x0_c3 AS DOUBLE), 0) AS "third",
  1 + 2 * x0_c1 AS "nine",
  (1 + 2) * x0_c1 AS "twelve",
  -x0_c4 + 10 AS "four"
FROM joined;

-- aggregates-edges.test:134
-- sum(arith.x) / count(arith where x > 0) as r, count(arith) / sum(arith.x) as q by g
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  combos AS (
    SELECT DISTINCT t."g" AS d0
    FROM "arith" AS t
  ),
  g0 AS (
    SELECT
      t."g" AS d0,
      SUM(t."x") AS c0,
      COUNT(*) FILTER (WHERE t."x" > 0) AS c1,
      COUNT(*) AS c2
    FROM "arith" AS t
    GROUP BY t."g"
  ),
  cells AS (
    SELECT
      k.d0 AS d0,
      s.slot AS slot,
      COALESCE(g0.c0, 0) AS c0,
      COALESCE(g0.c1, 0) AS c1,
      COALESCE(g0.c2, 0) AS c2
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
      x0.c1 AS x0_c1,
      x0.c2 AS x0_c2
    FROM shown AS sh
    CROSS JOIN combos AS k
    LEFT JOIN cells AS x0 ON x0.slot = sh.s0 AND x0.d0 IS NOT DISTINCT FROM k.d0
  )
SELECT
  d0 AS "g",
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) AS "r",
  CAST(x0_c2 AS DOUBLE) / NULLIF(CAST(x0_c0 AS DOUBLE), 0) AS "q"
FROM joined
ORDER BY d0 NULLS LAST;

-- aggregates-edges.test:142
-- count(arith where x > 9) / count(arith where x > 9) as z
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT COUNT(*) FILTER (WHERE t."x" > 9) AS c0
    FROM "arith" AS t
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
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c0 AS DOUBLE), 0) AS "z"
FROM joined;

-- aggregates-edges.test:150
-- -sum(arith.x where x > 9) as negated
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT SUM(t."x") FILTER (WHERE t."x" > 9) AS c0
    FROM "arith" AS t
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
SELECT -x0_c0 AS "negated"
FROM joined;

-- aggregates-edges.test:157
-- avg(arith.x where x > 9) + 1 as plus_one
WITH
  slots AS (
    SELECT 0 AS slot, DATE '1970-01-01' AS lo, DATE '1970-01-01' AS hi
  ),
  g0 AS (
    SELECT
      SUM(t."x") FILTER (WHERE t."x" > 9) AS c0,
      COUNT(t."x") FILTER (WHERE t."x" > 9) AS c1
    FROM "arith" AS t
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
  CAST(x0_c0 AS DOUBLE) / NULLIF(CAST(x0_c1 AS DOUBLE), 0) + 1 AS "plus_one"
FROM joined;

