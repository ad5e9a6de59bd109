-- exit: 1
-- runners: native wasm (it needs --grant spi, which a composed shell cannot give)
-- SQLite 3.46.1's ext/misc/closure.c, compiled unchanged with the
-- sqlite3ext.h compatibility layer and --spi (components/extensions-c/closure):
-- the transitive_closure virtual table reads the tree's table with SQL on
-- the connection, so it loads only with --grant spi. Cases: every
-- do_execsql_test, do_timed_execsql_test and catchsql of SQLite 3.46.1's
-- test/closure01.test (its `db eval` setup included), then the header
-- comment's hidden columns (tablename, idcolumn, parentcolumn given in the
-- WHERE clause), NULL/odd roots and bad arguments. Expected output: the same
-- SQL through Debian's sqlite3 with closure.c compiled natively (gcc -shared, .load), but for the refusal line, which is sqlink's.
.load dist/extensions/closure.wasm
-- !! Error: refusing to load extension closure: it imports sqlink:extension/spi@0.2.0 and sqlink:extension/blob@0.2.0: load it with --grant spi
.load dist/extensions/closure.wasm --grant spi
BEGIN;
CREATE TABLE t1(x INTEGER PRIMARY KEY, y INTEGER);
WITH RECURSIVE
  cnt(i) AS (VALUES(1) UNION ALL SELECT i+1 FROM cnt LIMIT 131072)
INSERT INTO t1(x, y) SELECT i, nullif(i,1)/2 FROM cnt;
CREATE INDEX t1y ON t1(y);
COMMIT;
CREATE VIRTUAL TABLE cx
 USING transitive_closure(tablename=t1, idcolumn=x, parentcolumn=y);
SELECT count(*), depth FROM cx WHERE root=1 GROUP BY depth ORDER BY 1;
-- => 1|0
-- => 1|17
-- => 2|1
-- => 4|2
-- => 8|3
-- => 16|4
-- => 32|5
-- => 64|6
-- => 128|7
-- => 256|8
-- => 512|9
-- => 1024|10
-- => 2048|11
-- => 4096|12
-- => 8192|13
-- => 16384|14
-- => 32768|15
-- => 65536|16
WITH RECURSIVE
  below(id,depth) AS (
    VALUES(1,0)
     UNION ALL
    SELECT t1.x, below.depth+1
      FROM t1 JOIN below on t1.y=below.id
  )
SELECT count(*), depth FROM below GROUP BY depth ORDER BY 1;
-- => 1|0
-- => 1|17
-- => 2|1
-- => 4|2
-- => 8|3
-- => 16|4
-- => 32|5
-- => 64|6
-- => 128|7
-- => 256|8
-- => 512|9
-- => 1024|10
-- => 2048|11
-- => 4096|12
-- => 8192|13
-- => 16384|14
-- => 32768|15
-- => 65536|16
SELECT * FROM cx WHERE root=32768 ORDER BY id;
-- => 32768|0
-- => 65536|1
-- => 65537|1
-- => 131072|2
WITH RECURSIVE
  below(id,depth) AS (
    VALUES(32768,0)
     UNION ALL
    SELECT t1.x, below.depth+1
      FROM t1 JOIN below on t1.y=below.id
     WHERE below.depth<2
  )
SELECT id, depth FROM below ORDER BY id;
-- => 32768|0
-- => 65536|1
-- => 65537|1
-- => 131072|2
SELECT * FROM cx WHERE root=16384 AND depth<=2 ORDER BY id;
-- => 16384|0
-- => 32768|1
-- => 32769|1
-- => 65536|2
-- => 65537|2
-- => 65538|2
-- => 65539|2
WITH RECURSIVE
  below(id,depth) AS (
    VALUES(16384,0)
     UNION ALL
    SELECT t1.x, below.depth+1
      FROM t1 JOIN below on t1.y=below.id
     WHERE below.depth<2
  )
SELECT id, depth FROM below ORDER BY id;
-- => 16384|0
-- => 32768|1
-- => 32769|1
-- => 65536|2
-- => 65537|2
-- => 65538|2
-- => 65539|2
SELECT id, depth, root, tablename, idcolumn, parentcolumn FROM cx
 WHERE root=16384
   AND depth=1
 ORDER BY id;
-- => 32768|1||t1|x|y
-- => 32769|1||t1|x|y
SELECT id, depth, root, tablename, idcolumn, parentcolumn FROM cx
 WHERE root=16384
   AND depth=3
   AND idcolumn='Y'
   AND parentcolumn='X';
-- => 2048|3||t1|Y|X
WITH RECURSIVE
  above(id,depth) AS (
    VALUES(16384,0)
    UNION ALL
    SELECT t1.y, above.depth+1
      FROM t1 JOIN above ON t1.x=above.id
     WHERE above.depth<3
  )
SELECT id FROM above WHERE depth=3;
-- => 2048
SELECT count(*), depth FROM cx WHERE root=1 AND depth<5
 GROUP BY depth ORDER BY 1;
-- => 1|0
-- => 2|1
-- => 4|2
-- => 8|3
-- => 16|4
WITH RECURSIVE
  below(id,depth) AS (
    VALUES(1,0)
    UNION ALL
    SELECT t1.x, below.depth+1
      FROM t1 JOIN below ON t1.y=below.id
     WHERE below.depth<4
  )
SELECT count(*), depth FROM below GROUP BY depth ORDER BY 1;
-- => 1|0
-- => 2|1
-- => 4|2
-- => 8|3
-- => 16|4
SELECT count(*), depth FROM cx WHERE root=1 AND depth<=5
 GROUP BY depth ORDER BY 1;
-- => 1|0
-- => 2|1
-- => 4|2
-- => 8|3
-- => 16|4
-- => 32|5
SELECT count(*), depth FROM cx WHERE root=1 AND depth=5
 GROUP BY depth ORDER BY 1;
-- => 32|5
SELECT count(*), depth FROM cx WHERE root=1 AND depth BETWEEN 3 AND 5
 GROUP BY depth ORDER BY 1;
-- => 8|3
-- => 16|4
-- => 32|5
SELECT count(*), min(id), max(id) FROM cx WHERE root=1 AND depth=5;
-- => 32|32|63
WITH RECURSIVE
  below(id,depth) AS (
    VALUES(1,0)
    UNION ALL
    SELECT t1.x, below.depth+1
      FROM t1 JOIN below ON t1.y=below.id
     WHERE below.depth<5
  )
SELECT count(*), min(id), max(id) FROM below WHERE depth=5;
-- => 32|32|63
CREATE TABLE t2(x INTEGER PRIMARY KEY, y INTEGER);
INSERT INTO t2 SELECT x, y FROM t1 WHERE x<32;
CREATE INDEX t2y ON t2(y);
CREATE VIRTUAL TABLE c2
 USING transitive_closure(tablename=t2, idcolumn=x, parentcolumn=y);
SELECT count(*), min(id), max(id) FROM c2 WHERE root=1;
-- => 31|1|31
SELECT id FROM c2 WHERE root=10;
-- => 10
-- => 20
-- => 21
SELECT id FROM c2 WHERE root=12;
-- => 12
-- => 24
-- => 25
SELECT id FROM c2 WHERE root IN (10,12) ORDER BY id;
-- => 10
-- => 12
-- => 20
-- => 21
-- => 24
-- => 25
SELECT id FROM c2 WHERE root IN (10,12) ORDER BY +id;
-- => 10
-- => 12
-- => 20
-- => 21
-- => 24
-- => 25
CREATE VIRTUAL TABLE c2up USING transitive_closure(
  tablename = t2,
  idcolumn = y,
  parentcolumn = x
);
SELECT id FROM c2up WHERE root=20;
-- => 1
-- => 2
-- => 5
-- => 10
-- => 20
SELECT id FROM cx
 WHERE root=20
   AND tablename='t2'
   AND idcolumn='y'
   AND parentcolumn='x';
-- => 1
-- => 2
-- => 5
-- => 10
-- => 20
SELECT DISTINCT id FROM c2
 WHERE root IN (SELECT id FROM c2up
                 WHERE root=20 AND depth<=2)
 ORDER BY id;
-- => 5
-- => 10
-- => 11
-- => 20
-- => 21
-- => 22
-- => 23
SELECT id FROM c2
 WHERE root=(SELECT id FROM c2up
             WHERE root=20 AND depth=2)
   AND depth=2
EXCEPT
SELECT id FROM c2
 WHERE root=(SELECT id FROM c2up
             WHERE root=20 AND depth=1)
   AND depth<=1
 ORDER BY id;
-- => 22
-- => 23
SELECT id FROM cx
 WHERE root=20
   AND tablename='t3'
   AND idcolumn='y'
   AND parentcolumn='x';
-- !! Runtime error near line 255: no such table: t3
SELECT id FROM cx
 WHERE root=20
   AND tablename='t2'
   AND idcolumn='xyz'
   AND parentcolumn='x';
-- !! Runtime error near line 261: no such column: t2.xyz
SELECT id FROM cx
 WHERE root=20
   AND tablename='t2'
   AND idcolumn='x'
   AND parentcolumn='pqr';
-- !! Runtime error near line 267: no such column: t2.pqr
CREATE VIRTUAL TABLE temp.closure USING transitive_closure;
SELECT id FROM closure
 WHERE root=1
   AND depth=3
   AND tablename='t1'
   AND idcolumn='x'
   AND parentcolumn='y'
ORDER BY id;
-- => 8
-- => 9
-- => 10
-- => 11
-- => 12
-- => 13
-- => 14
-- => 15
CREATE TABLE t4 (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  parent_id INTEGER
);
CREATE VIRTUAL TABLE vt4 USING transitive_closure (
  idcolumn=id, parentcolumn=parent_id, tablename=t4
);
SELECT * FROM t4, vt4 WHERE t4.id = vt4.root AND vt4.id=4 AND vt4.depth=2;
-- header comment: the hidden columns as constraints; NULL and odd roots
SELECT id, depth FROM transitive_closure WHERE root=2 AND depth<=1 AND tablename='t2' AND idcolumn='x' AND parentcolumn='y' ORDER BY id;
-- => 2|0
-- => 4|1
-- => 5|1
SELECT count(*) FROM c2 WHERE root=NULL;
-- => 1
SELECT count(*) FROM c2 WHERE root='abc';
-- => 1
SELECT count(*) FROM c2 WHERE root=99999;
-- => 1
SELECT count(*) FROM c2;
-- => 0
SELECT id FROM c2 WHERE root=cast(x'ff' as text);
-- => 0
SELECT tablename, idcolumn, parentcolumn FROM c2 WHERE root=16;
-- => t2|x|y
CREATE VIRTUAL TABLE bad1 USING transitive_closure(tablename=t2, nosuch=1);
-- !! Runtime error near line 315: unrecognized argument: [nosuch=1]
-- !!
CREATE VIRTUAL TABLE bad2 USING transitive_closure(tablename=nosuchtable, idcolumn=x, parentcolumn=y);
SELECT id FROM bad2 WHERE root=1;
-- !! Runtime error near line 319: no such table: nosuchtable
INSERT INTO c2(id) VALUES (1);
-- !! Parse error near line 321: table c2 may not be modified
