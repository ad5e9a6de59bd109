-- runners: native wasm (reads files under an fs grant, made by .shell)
-- exit: 1
.shell sh tests/shell/data/csv-fixtures.sh /tmp/sqlink-shell-test-csv
.load dist/extensions/csv.wasm --grant fs:/tmp/sqlink-shell-test-csv:ro
-- The csv virtual table as SQLite's ext/misc/csv.c (3.52.0, built with
-- SQLITE_TEST and loaded into Debian's sqlite3 3.40.1) answers:
-- components/extensions/csv/testdata/csv.sql, made by gen.sh there.
-- tests/shell/csv.sql is the same run through sqlink, whose errors from
-- the extension read "csv: " after "error near line N: ".
--
-- csv01.test 1.*: data=, columns=, header, schema=.
CREATE VIRTUAL TABLE temp.t1 USING csv(
    data=
'1,2,3,4
5,6,7,8
9,10,11,12
13,14,15,16
',
    columns=4
  );
SELECT * FROM t1 WHERE c1=10;
-- => 9|10|11|12
SELECT * FROM t1 WHERE c1='10';
-- => 9|10|11|12
SELECT rowid FROM t1;
-- => 1
-- => 2
-- => 3
-- => 4
DROP TABLE temp.t1;
CREATE VIRTUAL TABLE temp.t1 USING csv(
    data=
'a,b,"mix-bloom-eel","soft opinion"
1,2,3,4
5,6,7,8
9,10,11,12
13,14,15,16
',
    header=1
  );
SELECT * FROM t1 WHERE "soft opinion"=12;
-- => 9|10|11|12
SELECT name FROM pragma_table_xinfo('t1');
-- => a
-- => b
-- => mix-bloom-eel
-- => soft opinion
DROP TABLE temp.t1;
CREATE VIRTUAL TABLE temp.t1 USING csv(
    data=
'a,b,"mix-bloom-eel","soft opinion"
1,2,3,4
',
    header=false
  );
SELECT * FROM t1 WHERE c1='b';
-- => a|b|mix-bloom-eel|soft opinion
SELECT name FROM pragma_table_xinfo('t1');
-- => c0
-- => c1
-- => c2
-- => c3
DROP TABLE temp.t1;
CREATE VIRTUAL TABLE temp.t1 USING csv(
    data=
'a,b,"mix-bloom-eel","soft opinion"
1,2,3,4
5,6,7,8
',
    header,
    schema='CREATE TABLE x(x0,x1,x2,x3,x4)',
    columns=5
  );
SELECT * FROM t1 WHERE x1='6';
-- => 5|6|7|8|
SELECT quote(x4), rowid FROM t1;
-- => NULL|1
-- => NULL|2
-- => NULL|3
SELECT name FROM pragma_table_xinfo('t1');
-- => x0
-- => x1
-- => x2
-- => x3
-- => x4
-- csv01.test 2.*: a declared schema gives the columns their affinities.
DROP TABLE t1;
CREATE VIRTUAL TABLE temp.t2 USING csv(
    data=
'1,2,3,4
5,6,7,8
9,10,11,12
13,14,15,16
',
    columns=4,
    schema='CREATE TABLE t2(a INT, b TEXT, c REAL, d BLOB)'
  );
SELECT * FROM t2 WHERE a=9;
-- => 9|10|11|12
SELECT * FROM t2 WHERE b=10;
-- => 9|10|11|12
SELECT * FROM t2 WHERE c=11;
-- => 9|10|11|12
SELECT * FROM t2 WHERE d=12;
SELECT * FROM t2 WHERE d='12';
-- => 9|10|11|12
SELECT * FROM t2 WHERE a='9';
-- => 9|10|11|12
SELECT typeof(a), typeof(c) FROM t2 LIMIT 1;
-- => text|text
-- csv01.test 3.*: testflags=1 and a WITHOUT ROWID schema.
DROP TABLE t2;
CREATE VIRTUAL TABLE temp.t3 USING csv(
    data=
'1,2,3,4
5,6,7,8
9,10,11,12
13,14,15,16
',
    columns=4,
    schema=
      'CREATE TABLE t3(a PRIMARY KEY,b TEXT,c TEXT,d TEXT) WITHOUT ROWID',
    testflags=1
  );
SELECT a FROM t3 WHERE b=6 OR c=7 OR d=12 ORDER BY +a;
-- => 5
-- => 9
SELECT a FROM t3 WHERE +b=6 OR c=7 OR d=12 ORDER BY +a;
-- => 5
-- => 9
SELECT rowid, a FROM t3;
-- !! Parse error near line 131: no such column: rowid
-- !!   SELECT rowid, a FROM t3;
-- !!          ^--- error here
-- csv01.test 4.3, 4.4: a missing file; a single column.
CREATE VIRTUAL TABLE IF NOT EXISTS temp.t1
USING csv(filename='/tmp/sqlink-shell-test-csv/FileDoesNotExist.csv');
-- !! Runtime error near line 136: cannot open '/tmp/sqlink-shell-test-csv/FileDoesNotExist.csv' for reading
CREATE VIRTUAL TABLE temp.trent USING csv(data='1');
SELECT * FROM trent;
-- => 1
-- csv01.test 5.*: a file of CR LF records.
CREATE VIRTUAL TABLE t5_1 USING csv(filename='/tmp/sqlink-shell-test-csv/csv01.csv');
SELECT name FROM temp.pragma_table_info('t5_1');
-- => c0
-- => c1
-- => c2
-- => c3
SELECT *, '|' FROM t5_1;
-- => a|b|c|d||
-- => 1|2|3|4||
-- => one|two|three|four||
-- => 5|6|7|8||
DROP TABLE t5_1;
CREATE VIRTUAL TABLE t5_1 USING csv(filename='/tmp/sqlink-shell-test-csv/csv01.csv', header);
SELECT name FROM temp.pragma_table_info('t5_1');
-- => a
-- => b
-- => c
-- => d
SELECT *, '|' FROM t5_1;
-- => 1|2|3|4||
-- => one|two|three|four||
-- => 5|6|7|8||
-- The example at the top of csv.c.
CREATE VIRTUAL TABLE temp.csv2 USING csv(
   filename = '/tmp/sqlink-shell-test-csv/people.csv',
   schema = 'CREATE TABLE x(date,ipaddr,url,referrer,userAgent)'
);
SELECT * FROM csv2;
-- => 11|Diane|London||
-- => 22|Grace|Berlin||
-- => 33|Alice|Paris||
-- Quoting, a BOM, short records.
CREATE VIRTUAL TABLE temp.q USING csv(filename='/tmp/sqlink-shell-test-csv/quoted.csv', header);
SELECT name FROM pragma_table_info('q');
-- => id
-- => name, full
-- => note
SELECT rowid, id, "name, full", quote(note) FROM q;
-- => 1|1|Ada "the first"|'line one
-- => line two'
-- => 2|2|Grace|''
-- => 3|3||NULL
CREATE VIRTUAL TABLE temp.m USING csv(filename='/tmp/sqlink-shell-test-csv/malformed.csv');
SELECT rowid, quote(c0), quote(c1), quote(c2) FROM m;
-- => 1|'a'|'b"'|''
-- => 2|'open,d
-- => e,f
-- => '|NULL|NULL
-- Many blocks of a file.
CREATE VIRTUAL TABLE temp.big USING csv(filename='/tmp/sqlink-shell-test-csv/big.csv');
SELECT count(*), max(rowid), sum(c0) FROM big;
-- => 2000|2000|2001000
SELECT * FROM big WHERE c0 = '1999';
-- => 1999|row 1999
-- More columns than SQLite allows.
CREATE VIRTUAL TABLE temp.wide USING csv(filename='/tmp/sqlink-shell-test-csv/wide.csv', header);
-- !! Runtime error near line 198: bad schema: 'CREATE TABLE x("0" TEXT,"1" TEXT,"2" TEXT,"3" TEXT,"4" TEXT,"5" TEXT,"6" TEXT,"7" TEXT,"8" TEXT,"9" TEXT,"10" TEXT,"11" TEXT,"12" TEXT,"13" TEXT,"14" TEXT,"15" TEXT,"16" TEXT,"17" TEXT,"
-- Bad arguments.
CREATE VIRTUAL TABLE temp.e1 USING csv(data='1', columns=32768);
-- !! Runtime error near line 201: column= value too big, max 2000
CREATE VIRTUAL TABLE temp.e2 USING csv(header);
-- !! Runtime error near line 203: must specify either filename= or data= but not both
CREATE VIRTUAL TABLE temp.e3 USING csv(data='1', filename='/tmp/x');
-- !! Runtime error near line 205: must specify either filename= or data= but not both
CREATE VIRTUAL TABLE temp.e4 USING csv(data='1', delimiter=';');
-- !! Runtime error near line 207: bad parameter: 'delimiter=';''
CREATE VIRTUAL TABLE temp.e5 USING csv(data='1', data='2');
-- !! Runtime error near line 209: more than one 'data' parameter
CREATE VIRTUAL TABLE temp.e6 USING csv(data='1', columns=0);
-- !! Runtime error near line 211: column= value must be positive
CREATE VIRTUAL TABLE temp.e7 USING csv(data='1', header=maybe);
-- !! Runtime error near line 213: bad parameter: 'header=maybe'
-- Read-only, and not eponymous.
INSERT INTO trent VALUES('2');
-- !! Parse error near line 216: table trent may not be modified
SELECT * FROM csv;
-- !! Parse error near line 218: no such table: csv
-- DIRECTONLY: not usable from a view of the main schema.
CREATE VIRTUAL TABLE main.direct USING csv(data='1');
CREATE VIEW main.v AS SELECT * FROM direct;
SELECT * FROM direct;
-- => 1
SELECT * FROM v;
-- !! Parse error near line 225: unsafe use of virtual table "direct"
