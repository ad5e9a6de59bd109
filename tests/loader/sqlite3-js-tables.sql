-- exit: 1
-- Virtual table modules written with the JS SDK (the fixture
-- components/sdk-js/testing/tables.js, built by `make js-examples` into
-- dist/test-extensions/js-tables.wasm) through libsqlink_loader in
-- Debian's stock sqlite3 3.40, as tests/shell/js-sdk-tables.sql: an
-- eponymous series planned by its bestIndex, a writable table in memory
-- with transactions, rename and destroy, checked against a native table
-- given the same statements, and 70 columns.
.load dist/lib/libsqlink_loader
select sqlink_load('dist/test-extensions/js-tables.wasm');
-- => loaded js_tables 0.1.0: 1 function, 3 virtual table modules (prefix js_tables__; memory 256 MiB, timeout 5000 ms)
select value, half, label from js_series(1, 10, 3) order by value desc;
-- => 10|5.0|n 10
-- => 7|3.5|n 7
-- => 4|2.0|n 4
-- => 1|0.5|n 1
select value from js_series(1, 10, 3) where value > 4;
-- => 7
-- => 10
explain query plan select value from js_series(1, 10, 3) where value > 4 order by value desc;
-- => QUERY PLAN
-- => `--SCAN js_series VIRTUAL TABLE INDEX 31:series 1..10
select count(*), sum(value), sum(half), max(length(label)) from js_series(1, 10000);
-- => 10000|50005000|25002500.0|7
select value, label from js_series(-14, -10);
-- => -14|n -14
-- !! Runtime error near line 25: js_series: -13 has no label
select a.value, b.value from js_series(1, 2) a, js_series(a.value, 3) b;
-- => 1|1
-- => 1|2
-- => 1|3
-- => 2|2
-- => 2|3
select * from js_series;
-- !! Parse error near line 34: js_series(start, stop[, step]): start and stop are required
select rowid, c0, c62, c63, c64, c69 from js_wide;
-- => 100|0|62|63|64|69
-- => 101|100|162|163|164|169
-- => 102|200|262|263|264|269
create virtual table m using js_memory(a, b);
create table n(a, b);
insert into m values (1, 'one'), (2.0, cast(x'ff41' as text)), (null, x'00ff'), (9007199254740993, 'a text longer than twenty-four bytes');
insert into n values (1, 'one'), (2.0, cast(x'ff41' as text)), (null, x'00ff'), (9007199254740993, 'a text longer than twenty-four bytes');
select rowid, a, typeof(a), typeof(b), hex(b) from m;
-- => 1|1|integer|text|6F6E65
-- => 2|2.0|real|text|FF41
-- => 3||null|blob|00FF
-- => 4|9007199254740993|integer|text|612074657874206C6F6E676572207468616E207477656E74792D666F7572206279746573
insert into m(rowid, a) values (1, 'again');
-- !! Runtime error near line 49: UNIQUE constraint failed: m.rowid (19)
select js_tables_log();
-- => create m(a, b); sync m; commit m; begin m; sync m; commit m; begin m; rollback m
begin;
update m set a = a * 2 where typeof(a) in ('integer', 'real');
delete from m where rowid = 3;
update m set rowid = 20 where rowid = 4;
commit;
begin;
update n set a = a * 2 where typeof(a) in ('integer', 'real');
delete from n where rowid = 3;
update n set rowid = 20 where rowid = 4;
commit;
select js_tables_log();
-- => begin m; sync m; commit m
begin;
delete from m;
rollback;
select rowid, a, typeof(a) from m where rowid = 20;
-- => 20|18014398509481986|integer
insert into m(a, b) select value, printf('row %d', value) from generate_series(1, 10000);
insert into n(a, b) select value, printf('row %d', value) from generate_series(1, 10000);
select count(*), sum(length(b)), max(rowid) from m;
-- => 10003|78935|10020
select (select count(*) from (select rowid, * from m except select rowid, * from n)), (select count(*) from (select rowid, * from n except select rowid, * from m));
-- => 0|0
alter table m rename to kept;
drop table kept;
select js_tables_log();
-- => begin m; rollback m; begin m; sync m; commit m; rename m to kept; connect kept; destroy kept
