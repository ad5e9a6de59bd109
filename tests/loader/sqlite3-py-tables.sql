-- exit: 1
-- Virtual table classes written with the Python SDK (@extension.vtab): the
-- fixture components/sdk-py/testing/tables.py, built by make py-examples
-- into dist/test-extensions/py-tables.wasm, through libsqlink_loader in
-- Debian's stock sqlite3 3.40, with the output of
-- tests/shell/py-sdk-tables.sql. Values from scans and writes match the
-- same statements on ordinary tables (py_kv, py_squares) and on
-- generate_series (py_range) in the same sqlite3; py_log shows which of a
-- class's methods SQLite called.
.load dist/lib/libsqlink_loader
select sqlink_load('dist/test-extensions/py-tables.wasm');
-- => loaded pytables 0.1.0: 9 virtual table modules (prefix pytables__; memory 256 MiB, timeout 5000 ms)
-- py_kv is made with CREATE VIRTUAL TABLE (create, then the connection
-- SQLite keeps), not eponymous; it refuses arguments.
select * from py_kv;
-- !! Parse error near line 15: no such table: py_kv
create virtual table kv using py_kv(extra, args);
-- !! Runtime error near line 17: py_kv takes no arguments, got extra, args
create virtual table t using py_kv;
select * from py_log;
-- => create main.t
-- => connect py_kv main.t
-- => sync
-- => commit
-- Writes: rowids given or chosen, every kind of value, UPDATE moving a
-- row to another rowid, DELETE; each autocommit statement is a
-- transaction (begin, sync, commit).
insert into t values ('a', 1), ('b', 2.5);
insert into t(rowid, key, value) values (10, 'c', x'00ff');
insert into t values ('d', null), ('e', 'a text that is longer than twenty-four bytes'), ('f', cast(x'ff41' as text));
select last_insert_rowid();
-- => 13
update t set value = 'x' where key = 'a';
update t set rowid = 20 where rowid = 10;
delete from t where key = 'b';
select rowid, key, typeof(value), hex(value) from t;
-- => 1|a|text|78
-- => 11|d|null|
-- => 12|e|text|6120746578742074686174206973206C6F6E676572207468616E207477656E74792D666F7572206279746573
-- => 13|f|text|FF41
-- => 20|c|blob|00FF
insert into t(rowid, key) values (20, 'again');
-- !! Runtime error near line 42: UNIQUE constraint failed: t.rowid (19)
select * from py_log;
-- => begin
-- => sync
-- => commit
-- => begin
-- => sync
-- => commit
-- => begin
-- => sync
-- => commit
-- => begin
-- => sync
-- => commit
-- => begin
-- => sync
-- => commit
-- => begin
-- => sync
-- => commit
-- => begin
-- => rollback
-- best_index: rowid = ? is a lookup (passed and omitted), key = ? is
-- passed but checked again by SQLite, ORDER BY rowid is consumed either way.
explain query plan select * from t where rowid = 20;
explain query plan select * from t where key = 'c' order by rowid desc;
explain query plan select * from t order by rowid;
-- => QUERY PLAN
-- => `--SCAN t VIRTUAL TABLE INDEX 1:
-- => QUERY PLAN
-- => `--SCAN t VIRTUAL TABLE INDEX 2:desc
-- => QUERY PLAN
-- => `--SCAN t VIRTUAL TABLE INDEX 0:asc
select rowid, key from t where rowid = 20;
select rowid, key from t where key = 'e' or key = 'c' order by rowid desc;
select rowid, key from t order by rowid desc limit 2;
-- => 20|c
-- => 20|c
-- => 12|e
-- => 20|c
-- => 13|f
-- Transactions: rollback forgets, commit keeps, and a failing sync (the
-- table refuses a value) rolls the statement's transaction back.
begin;
insert into t values ('g', 7);
rollback;
begin;
insert into t values ('h', 8);
delete from t where key = 'a';
commit;
insert into t values ('p', 'poison');
-- !! Runtime error near line 93: py_kv: the value of p may not be committed
select rowid, key, value from t where typeof(value) <> 'blob';
select * from py_log;
-- => 11|d|
-- => 12|e|a text that is longer than twenty-four bytes
-- => 13|f|\xffA
-- => 21|h|8
-- => begin
-- => rollback
-- => begin
-- => sync
-- => commit
-- => begin
-- => sync
-- => rollback
-- Rename: the table may refuse; SQLite connects again under the new name,
-- and the rows follow. DROP TABLE destroys.
alter table t rename to bad_name;
-- !! Runtime error near line 111: py_kv refuses the name bad_name
alter table t rename to t2;
select count(*) from t2;
drop table t2;
select * from py_log;
-- => 5
-- => rename t to t2
-- => connect py_kv main.t2
-- => destroy t2 with 5 rows
create virtual table t2 using py_kv;
select count(*) from t2;
-- => 0
-- py_args declares its columns from its arguments (quoted names, a
-- HIDDEN one), eponymous too; read-only.
create virtual table temp.e using py_args(a, "b c", d hidden);
select * from e;
select d from e;
select * from py_args;
select module, x from py_args_too;
-- => py_args|temp|e|a|"b c"
-- => d hidden
-- => py_args|main|py_args|eponymous
-- => py_args_too|eponymous
insert into e values (1, 2, 3, 4, 5, 6);
-- !! Parse error near line 135: table e may not be modified
-- py_range: the default plan passes = on HIDDEN columns as arguments
-- (generate_series's values); rows come in batches.
select * from py_range(1, 5);
select rowid, value, start, stop from py_range where start = 2 and stop = 4;
select count(*), sum(value), max(rowid) from py_range;
select count(*), sum(value) from py_range(1, 10000);
select value from py_range(1, 100000) limit 3;
select * from py_range(null, 3);
select a.value, b.value from py_range(1, 2) a, py_range(a.value, 3) b;
-- => 1
-- => 2
-- => 3
-- => 4
-- => 5
-- => 1|2|2|4
-- => 2|3|2|4
-- => 3|4|2|4
-- => 10|55|10
-- => 10000|50005000
-- => 1
-- => 2
-- => 3
-- => 1|1
-- => 1|2
-- => 1|3
-- => 2|2
-- => 2|3
create virtual table r using py_range;
-- !! Runtime error near line 164: no such module: py_range
-- An error fails the scan, even at a row the WHERE clause drops (rows
-- are read ahead, a batch at a time).
select value from py_range(-14, -10) where value > -12;
-- !! Runtime error near line 168: py_range: -13 is unlucky
-- py_squares plans n's comparisons: argv positions in the reverse of the
-- offered order (idx_str names them), > left to SQLite, ORDER BY consumed.
explain query plan select n from py_squares where n > 2 and n <= 6 and n >= 3 order by n desc;
select n, square from py_squares where n > 2 and n <= 6 and n >= 3 order by n desc;
select n from py_squares where n = 7 or n = 9;
select count(*), sum(square) from py_squares where n < 11;
select rowid, n from py_squares where n > 97 order by rowid;
-- => QUERY PLAN
-- => `--SCAN py_squares VIRTUAL TABLE INDEX 1:ge,le,gt
-- => 6|36
-- => 5|25
-- => 4|16
-- => 3|9
-- => 7
-- => 9
-- => 10|385
-- => 98|98
-- => 99|99
-- => 100|100
-- 70 columns: those past 63 ride on bit 63 of the columns mask.
select rowid, c0, c62, c63, c64, c69 from py_wide;
select c65 from py_wide where c66 = 166;
select sum(c1 + c68) from py_wide;
-- => 100|0|62|63|64|69
-- => 101|100|162|163|164|169
-- => 102|200|262|263|264|269
-- => 165
-- => 807
-- Values: a bool is an integer, str and RawText text, bytes a blob, NaN
-- NULL, a short row is padded; a Python exception after them fails the
-- scan naming the table; a constraint's value known while planning.
select kind, typeof(value), case kind when 'raw' then hex(value) else quote(value) end from py_values;
-- => int|integer|4611686018427387904
-- => real|real|2.5
-- => bool|integer|1
-- => text|text|'héllo, a text that is longer than a short value'
-- => raw|text|FF41
-- => blob|blob|X'00FF'
-- => null|null|NULL
-- => nan|null|NULL
-- => short|null|NULL
-- !! Runtime error near line 201: py_values: KeyError: 'the end'
select kind, value from py_values where kind = 'big';
-- !! Runtime error near line 212: py_values(): the result 18446744073709551616 does not fit in a 64-bit integer (25)
select * from py_values where kind match 'x';
-- !! Parse error near line 214: best_index: argv indexes must be 1, 2, 3... each used once, got [2]
select * from py_broken;
-- !! Parse error near line 216: a virtual table's schema must be `CREATE TABLE x(columns...)`, got `CREATE TABLE x`
