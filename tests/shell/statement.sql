-- runners: native wasm (statement runs SQL through SPI from a virtual table; the composed cli cannot grant spi)
-- exit: 1
-- 0x09/sqlite-statement-vtab: the examples of its README with their
-- documented results, then NULLs, blobs, invalid UTF-8, plans with
-- parameters out of order, and every error of its statement_vtab.c.
-- Expected values come from the C reference (statement_vtab.c at 79655f3,
-- built with gcc -shared against Debian's libsqlite3) run through
-- /usr/bin/sqlite3 3.40.1, identical output.
.load dist/extensions/statement.wasm
-- !! Error: refusing to load extension statement: it imports sqlink:extension/spi@0.2.0: load it with --grant spi
.load dist/extensions/statement.wasm --grant spi
CREATE VIRTUAL TABLE split_date USING statement((
  SELECT
    strftime('%Y', :date) AS year,
    strftime('%m', :date) AS month,
    strftime('%d', :date) AS day
));
SELECT * FROM split_date('2019-11-13');
-- => 2019|11|13
SELECT * FROM split_date WHERE date = '2019-11-13';
-- => 2019|11|13
SELECT * FROM split_date WHERE date IN('2019-11-13','2020-11-13','2021-11-13');
-- => 2019|11|13
-- => 2020|11|13
-- => 2021|11|13
CREATE TABLE dates (date TEXT);
INSERT INTO dates VALUES('2019-11-13'), ('2020-11-13'), ('2021-11-13');
SELECT * FROM dates, split_date(dates.date);
-- => 2019-11-13|2019|11|13
-- => 2020-11-13|2020|11|13
-- => 2021-11-13|2021|11|13
SELECT * FROM dates INNER JOIN split_date ON split_date.date = dates.date;
-- => 2019-11-13|2019|11|13
-- => 2020-11-13|2020|11|13
-- => 2021-11-13|2021|11|13
SELECT * FROM dates NATURAL JOIN split_date;
-- => 2019-11-13|||
-- => 2020-11-13|||
-- => 2021-11-13|||
SELECT date, year, rowid FROM split_date('2019-11-13');
-- => 2019-11-13|2019|1
SELECT * FROM split_date();
-- => ||
SELECT typeof(year), year IS NULL FROM split_date(NULL);
-- => null|1
CREATE VIRTUAL TABLE abc USING statement((select 1 as a, 2 as b, 3 as c));
SELECT * FROM abc;
-- => 1|2|3
SELECT rowid, * FROM abc;
-- => 1|1|2|3
CREATE VIRTUAL TABLE arguments USING statement((SELECT ? AS a, ? AS b, ? AS c));
SELECT * FROM arguments('x','y','z');
-- => x|y|z
SELECT * from ARGUMENTS WHERE [1] = 'x' AND [2] = 'y' AND [3] = 'z';
-- => x|y|z
SELECT * from arguments WHERE [3] = 'z';
-- => ||z
SELECT * from arguments WHERE [3] = 'z' AND [1] = 'x';
-- => x||z
SELECT [1], [2], [3], * FROM arguments('x');
-- => x|||x||
CREATE VIRTUAL TABLE sumdiff USING statement((SELECT ? + ? AS sum, ?1 - ?2 AS difference));
SELECT * FROM sumdiff(1,3);
-- => 4|-2
DROP TABLE sumdiff;
CREATE VIRTUAL TABLE sumdiff USING statement((SELECT ?1 + ?2 AS sum, ?1 - ?2 AS difference));
SELECT * FROM sumdiff(1,3);
-- => 4|-2
CREATE VIRTUAL TABLE hypot USING statement((SELECT sqrt(:x * :x + :y * :y) AS hypotenuse));
SELECT * FROM hypot(3,4);
-- => 5.0
SELECT * FROM hypot WHERE x = 3 AND y = 4;
-- => 5.0
SELECT x, y, * FROM hypot(3,4);
-- => 3|4|5.0
SELECT x, y, * FROM hypot WHERE x = 3 AND y = 4;
-- => 3|4|5.0
SELECT * FROM hypot WHERE y = 4;
-- =>
CREATE VIRTUAL TABLE defaults USING statement((SELECT coalesce(:a, 'none') AS aa, ifnull(:b, 10) * 2 AS bb));
SELECT * FROM defaults;
-- => none|20
SELECT * FROM defaults('given');
-- => given|20
SELECT * FROM defaults(NULL, 4);
-- => none|8
CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL);
INSERT INTO t VALUES (1, 'ann', 1.5), (2, 'bob', 2.5), (3, 'cy', NULL);
CREATE VIRTUAL TABLE above USING statement((SELECT id, name, score FROM t WHERE score > $min ORDER BY id));
SELECT * FROM above(2);
-- => 2|bob|2.5
SELECT * FROM above(0);
-- => 1|ann|1.5
-- => 2|bob|2.5
SELECT count(*) FROM above(NULL);
-- => 0
SELECT rowid, name FROM above(0);
-- => 1|ann
-- => 2|bob
SELECT name FROM above WHERE min = 0 AND name = 'bob';
-- => bob
SELECT name FROM above WHERE min = 0 ORDER BY name DESC;
-- => bob
-- => ann
CREATE VIRTUAL TABLE many USING statement((SELECT value AS v FROM json_each(@list)));
SELECT * FROM many('[1,"two",3.5,null]');
-- => 1
-- => two
-- => 3.5
-- =>
SELECT typeof(v) FROM many('[1,"two",3.5,null,[1]]');
-- => integer
-- => text
-- => real
-- => null
-- => text
CREATE VIRTUAL TABLE blobby USING statement((SELECT :b AS v, typeof(:b) AS t, length(:b) AS n));
SELECT quote(v), t, n FROM blobby(x'0102ff');
-- => X'0102FF'|blob|3
SELECT quote(v), t, n FROM blobby(cast(x'ff' as text));
-- => '\xff'|text|1
SELECT t FROM blobby(1.5);
-- => real
CREATE VIRTUAL TABLE vals USING statement((VALUES (1, 'a'), (2, 'b')));
SELECT * FROM vals;
-- => 1|a
-- => 2|b
CREATE VIRTUAL TABLE noname USING statement((SELECT 1+1, 'x'||'y'));
SELECT * FROM noname;
-- => 2|xy
CREATE VIRTUAL TABLE quoted USING statement((SELECT 1 AS "it's", 2 AS [a b]));
SELECT "it's", [a b] FROM quoted;
-- => 1|2
CREATE VIRTUAL TABLE mixed USING statement((SELECT :a AS x, ? AS y, ?5 AS z));
SELECT * FROM mixed(1, 2, 3, 4, 5);
-- => 1|2|5
SELECT a, [2], [5] FROM mixed(1, 2, 3, 4, 5);
-- => 1|2|5
.mode box
SELECT * FROM split_date('2019-11-13');
-- => ┌──────┬───────┬─────┐
-- => │ year │ month │ day │
-- => ├──────┼───────┼─────┤
-- => │ 2019 │ 11    │ 13  │
-- => └──────┴───────┴─────┘
.mode list
CREATE TABLE t2(a);
CREATE VIRTUAL TABLE e1 USING statement;
-- !! Runtime error near line 148: no statement provided (21)
CREATE VIRTUAL TABLE e2 USING statement(());
-- !! Runtime error near line 150: no statement provided (21)
CREATE VIRTUAL TABLE e3 USING statement(select 1);
-- !! Runtime error near line 152: statement must be parenthesized (21)
CREATE VIRTUAL TABLE e4 USING statement((SELECT * FROM nosuch));
-- !! Runtime error near line 154: no such table: nosuch
CREATE VIRTUAL TABLE e5 USING statement((DELETE FROM t));
-- !! Runtime error near line 156: Statement must be read only.
CREATE VIRTUAL TABLE e6 USING statement((SELECT 1 AS a, 2 AS a));
-- !! Runtime error near line 158: duplicate column name: a
CREATE VIRTUAL TABLE e7 USING statement((SELECT :a AS a));
-- !! Runtime error near line 160: duplicate column name: a
CREATE VIRTUAL TABLE e8 USING statement(( ));
-- !! Runtime error near line 162: near ")": syntax error
CREATE VIRTUAL TABLE e9 USING statement((SELEC 1));
-- !! Runtime error near line 164: near "SELEC": syntax error
CREATE VIRTUAL TABLE e10 USING statement((CREATE TABLE z(a)));
-- !! Runtime error near line 166: Statement must be read only.
SELECT * FROM statement;
-- !! Parse error near line 168: no such table: statement
CREATE VIRTUAL TABLE ok USING statement((SELECT :a AS v));
SELECT * FROM ok WHERE a > 1;
-- !! Parse error near line 171: no query solution
SELECT * FROM ok(1, 2);
-- !! Parse error near line 173: too many arguments on ok() - max 1
SELECT count(*) FROM sqlite_schema WHERE name LIKE 'e%';
-- => 0
.open --new /tmp/sqlink-shell-test-statement.db
CREATE TABLE items(id INTEGER PRIMARY KEY, label TEXT);
INSERT INTO items VALUES (1, 'one'), (2, 'two');
CREATE VIRTUAL TABLE label_of USING statement((SELECT label FROM items WHERE id = :id));
-- Reconnecting (sqlink's .open keeps loaded extensions): the table comes back.
.open /tmp/sqlink-shell-test-statement.db
SELECT * FROM label_of(2);
-- => two
SELECT id, label FROM label_of WHERE id = 1;
-- => 1|one
DROP TABLE label_of;
SELECT count(*) FROM sqlite_schema;
-- => 1
-- Declared types (sqlite3_column_decltype through spi): each result column
-- is declared with its column's type, through views and subqueries, none
-- for an expression or a PRAGMA's columns, and comparisons use that
-- affinity (t = 2 finds the TEXT '2'); the reference's output.
CREATE TABLE typed(i INTEGER, t TEXT, r REAL, n NUMERIC, b BLOB, x, d VARCHAR(10));
INSERT INTO typed VALUES (1, '1', 1.5, '1', x'01', 1, 'one'), (2, '2', 2.5, '2', x'02', 2, 'two');
CREATE VIEW typed_view AS SELECT i AS vi, t AS vt FROM typed;
CREATE VIRTUAL TABLE typed_f USING statement((SELECT i, t, r AS renamed, n, b, x, d, i + 1 AS expr, (SELECT vt FROM typed_view WHERE vi = typed.i) AS sub FROM typed WHERE i >= :min));
SELECT name, type FROM pragma_table_info('typed_f');
-- => i|INTEGER
-- => t|TEXT
-- => renamed|REAL
-- => n|NUMERIC
-- => b|BLOB
-- => x|
-- => d|VARCHAR(10)
-- => expr|
-- => sub|TEXT
SELECT i, t FROM typed_f(0) WHERE t = 2;
-- => 2|2
SELECT i, t FROM typed_f(0) WHERE i = '2';
-- => 2|2
SELECT count(*) FROM typed_f(0) WHERE expr = '3';
-- => 0
SELECT count(*) FROM typed_f(0) WHERE expr = 3;
-- => 1
CREATE VIRTUAL TABLE from_view USING statement((SELECT * FROM typed_view));
SELECT name, type FROM pragma_table_info('from_view');
-- => vi|INTEGER
-- => vt|TEXT
CREATE VIRTUAL TABLE from_pragma USING statement((PRAGMA table_info(typed)));
SELECT name, type FROM pragma_table_info('from_pragma');
-- => cid|
-- => name|
-- => type|
-- => notnull|
-- => dflt_value|
-- => pk|
