-- runners: native wasm (the JS fixture is not baked into the composed build)
-- exit: 1
-- Virtual table modules written with the JS SDK (`modules`): the fixture
-- components/sdk-js/testing/tables.js, built by `make js-examples` into
-- dist/test-extensions/js-tables.wasm. js_series is eponymous (HIDDEN
-- start/stop/step at the argv positions its bestIndex chose, a lower bound
-- on value passed without omit, ORDER BY value consumed both ways, the
-- rhs SQLite knew in idxStr) and creatable through connect; js_memory is
-- made by CREATE VIRTUAL TABLE and writable, with transactions, rename and
-- destroy, checked against a native table given the same statements (and
-- against /usr/bin/sqlite3, whose output for the native table is the
-- same); js_wide has 70 columns (those past 63 ride on bit 63 of the
-- columns mask). Rows cross in batches: 10000 rows, texts longer than a
-- short value, blobs, text that is not UTF-8, errors from bestIndex,
-- scan, a row, create and insert.
.load dist/test-extensions/js-tables.wasm
select * from js_series(1, 5);
-- => 1|0.5|n 1
-- => 2|1.0|n 2
-- => 3|1.5|n 3
-- => 4|2.0|n 4
-- => 5|2.5|n 5
select value, half, label from js_series(1, 10, 3) order by value desc;
-- => 10|5.0|n 10
-- => 7|3.5|n 7
-- => 4|2.0|n 4
-- => 1|0.5|n 1
select value from js_series(1, 10, 3) order by value;
-- => 1
-- => 4
-- => 7
-- => 10
-- A lower bound is passed without omit: SQLite checks `>` itself.
select value from js_series(1, 10, 3) where value > 4;
-- => 7
-- => 10
select value from js_series(1, 10, 3) where value >= 4 order by value desc;
-- => 10
-- => 7
-- => 4
select value from js_series(1, 10) where value > 7.5;
-- => 8
-- => 9
-- => 10
-- idxNum 31: start, stop, step, descending, a bound; idxStr names what
-- SQLite knew of start and stop while planning (nothing of a parameter).
explain query plan select value from js_series(1, 10, 3) where value > 4 order by value desc;
-- => QUERY PLAN
-- => `--SCAN js_series VIRTUAL TABLE INDEX 31:series 1..10
explain query plan select value from js_series where start = ?1 and stop = 3;
-- => QUERY PLAN
-- => `--SCAN js_series VIRTUAL TABLE INDEX 3:series
select rowid, value from js_series where start = 2 and stop = 4;
-- => 1|2
-- => 2|3
-- => 3|4
select count(*), sum(value), sum(half), max(length(label)) from js_series(1, 10000);
-- => 10000|50005000|25002500.0|7
-- Labels are made only when the scan reads them (the columns mask): -13
-- has none, which fails a scan of labels after the rows before it.
select value from js_series(-14, -10);
-- => -14
-- => -13
-- => -12
-- => -11
-- => -10
select value, label from js_series(-14, -10) where value > -12;
-- => -11|n -11
-- => -10|n -10
select value, label from js_series(-14, -10);
-- => -14|n -14
-- !! Runtime error near line 70: js_series: -13 has no label
-- b's start comes from a: its plan is unusable until a is outer.
select a.value, b.value from js_series(1, 2) a, js_series(a.value, 3) b;
-- => 1|1
-- => 1|2
-- => 1|3
-- => 2|2
-- => 2|3
explain query plan select a.value, b.value from js_series(1, 2) a, js_series(a.value, 3) b;
-- => QUERY PLAN
-- => |--SCAN a VIRTUAL TABLE INDEX 3:series 1..2
-- => `--SCAN b VIRTUAL TABLE INDEX 3:series
select value from js_series(5, 1);
select * from js_series(1, 3, 0);
-- !! Runtime error near line 85: js_series(): step must be positive
select * from js_series;
-- !! Parse error near line 87: js_series(start, stop[, step]): start and stop are required
select * from js_series('1', 2);
-- !! Runtime error near line 89: js_series(): start, stop and step must be integers
-- An eponymous module is also created (through connect, with arguments).
create virtual table items using js_series(item, no.);
select value, label from items where start = 1 and stop = 2;
-- => 1|item no. 1
-- => 2|item no. 2
select * from items(7, 7);
-- => 7|3.5|item no. 7
insert into items values (1, 2, 3);
-- !! Parse error near line 98: table items may not be modified
insert into js_series values (1, 2, 3);
-- !! Parse error near line 100: table js_series may not be modified
drop table items;
select rowid, c0, c62, c63, c64, c69 from js_wide;
-- => 100|0|62|63|64|69
-- => 101|100|162|163|164|169
-- => 102|200|262|263|264|269
select c65 from js_wide where c66 = 166;
-- => 165
select sum(c1 + c68) from js_wide;
-- => 807
create virtual table w using js_wide;
-- !! Runtime error near line 111: no such module: js_wide
-- js_memory has create, so it is not eponymous.
select * from js_memory;
-- !! Parse error near line 114: no such table: js_memory
create virtual table bad using js_memory;
-- !! Runtime error near line 116: js_memory: main.bad needs at least one column
-- n is a native table given the same statements as m.
create virtual table m using js_memory(a, b);
create table n(a, b);
select js_tables_log();
-- => create m(a, b); sync m; commit m
insert into m values (1, 'one'), (2.0, cast(x'ff41' as text)), (null, x'00ff'), (9007199254740993, 'a text longer than twenty-four bytes');
insert into n values (1, 'one'), (2.0, cast(x'ff41' as text)), (null, x'00ff'), (9007199254740993, 'a text longer than twenty-four bytes');
select js_tables_log();
-- => begin m; sync m; commit m
-- Values are exact (the module takes `values: 'value'`): a real that is
-- whole, text that is not UTF-8, an integer past 2^53.
select rowid, a, typeof(a), typeof(b), hex(b) from m;
-- => 1|1|integer|text|6F6E65
-- => 2|2.0|real|text|FF41
-- => 3||null|blob|00FF
-- => 4|9007199254740993|integer|text|612074657874206C6F6E676572207468616E207477656E74792D666F7572206279746573
select rowid, a, typeof(a), typeof(b), hex(b) from n;
-- => 1|1|integer|text|6F6E65
-- => 2|2.0|real|text|FF41
-- => 3||null|blob|00FF
-- => 4|9007199254740993|integer|text|612074657874206C6F6E676572207468616E207477656E74792D666F7572206279746573
insert into m(rowid, a, b) values (10, 'ten', 10.5);
insert into n(rowid, a, b) values (10, 'ten', 10.5);
insert into m(rowid, a) values (10, 'again');
-- !! Runtime error near line 141: UNIQUE constraint failed: m.rowid (19)
insert into n(rowid, a) values (10, 'again');
-- !! Runtime error near line 143: UNIQUE constraint failed: n.rowid (19)
select js_tables_log();
-- => begin m; sync m; commit m; begin m; rollback m
insert into m(a) values ('eleven');
insert into n(a) values ('eleven');
select rowid, a from m where rowid = 10;
-- => 10|ten
select rowid, a from m where rowid = '10';
-- => 10|ten
select rowid, a from m where rowid = 10.0;
-- => 10|ten
select rowid, a from m where rowid = 10.5;
select rowid, a from m order by rowid desc limit 3;
-- => 11|eleven
-- => 10|ten
-- => 4|9007199254740993
explain query plan select * from m where rowid = 2;
-- => QUERY PLAN
-- => `--SCAN m VIRTUAL TABLE INDEX 1:rowid
explain query plan select * from m order by rowid desc;
-- => QUERY PLAN
-- => `--SCAN m VIRTUAL TABLE INDEX 6:
explain query plan select * from m order by a;
-- => QUERY PLAN
-- => |--SCAN m VIRTUAL TABLE INDEX 0:
-- => `--USE TEMP B-TREE FOR ORDER BY
select js_tables_log();
-- => begin m; sync m; commit m
begin;
update m set a = a * 2 where typeof(a) in ('integer', 'real');
delete from m where rowid = 3;
update m set rowid = 20 where rowid = 10;
select js_tables_log();
-- => begin m
commit;
select js_tables_log();
-- => sync m; commit m
begin;
update n set a = a * 2 where typeof(a) in ('integer', 'real');
delete from n where rowid = 3;
update n set rowid = 20 where rowid = 10;
commit;
select rowid, a, typeof(a), hex(b) from m;
-- => 1|2|integer|6F6E65
-- => 2|4.0|real|FF41
-- => 4|18014398509481986|integer|612074657874206C6F6E676572207468616E207477656E74792D666F7572206279746573
-- => 11|eleven|text|
-- => 20|ten|text|31302E35
select rowid, a, typeof(a), hex(b) from n;
-- => 1|2|integer|6F6E65
-- => 2|4.0|real|FF41
-- => 4|18014398509481986|integer|612074657874206C6F6E676572207468616E207477656E74792D666F7572206279746573
-- => 11|eleven|text|
-- => 20|ten|text|31302E35
select (select count(*) from (select rowid, * from m except select rowid, * from n)), (select count(*) from (select rowid, * from n except select rowid, * from m));
-- => 0|0
-- Rollback restores what begin saved.
begin;
delete from m;
insert into m values ('only', 'row');
select count(*) from m;
-- => 1
rollback;
select js_tables_log();
-- => begin m; rollback m
select count(*) from m;
-- => 5
update m set rowid = 1 where rowid = 2;
-- !! Runtime error near line 211: UNIQUE constraint failed: m.rowid (19)
update n set rowid = 1 where rowid = 2;
-- !! Runtime error near line 213: UNIQUE constraint failed: n.rowid (19)
select js_tables_log();
-- => begin m; rollback m
delete from m where rowid = 4;
delete from n where rowid = 4;
with recursive c(i) as (select 1 union all select i + 1 from c where i < 10000)
insert into m(a, b) select i, printf('row %d of a table long enough to cross in batches', i) from c;
with recursive c(i) as (select 1 union all select i + 1 from c where i < 10000)
insert into n(a, b) select i, printf('row %d of a table long enough to cross in batches', i) from c;
select count(*), sum(a), max(rowid), sum(length(b)) from m;
-- => 10004|50005006.0|10020|508903
select count(*), sum(a), max(rowid), sum(length(b)) from n;
-- => 10004|50005006.0|10020|508903
select (select count(*) from (select rowid, * from m except select rowid, * from n)), (select count(*) from (select rowid, * from n except select rowid, * from m));
-- => 0|0
select js_tables_log();
-- => begin m; sync m; commit m; begin m; sync m; commit m
alter table m rename to kept;
select js_tables_log();
-- => rename m to kept
select count(*) from kept where rowid > 10000;
-- => 20
select name from sqlite_schema order by name;
-- => kept
-- => n
drop table kept;
select js_tables_log();
-- => connect kept; destroy kept
select * from kept;
-- !! Parse error near line 242: no such table: kept
-- Tables keep their database: temp.m is another table than main.m was.
create virtual table temp.m using js_memory(x);
insert into temp.m values ('in temp');
select rowid, x from temp.m;
-- => 1|in temp
drop table temp.m;
select js_tables_log();
-- => create m(x); sync m; commit m; begin m; sync m; commit m; destroy m
select name from sqlite_schema;
-- => n
