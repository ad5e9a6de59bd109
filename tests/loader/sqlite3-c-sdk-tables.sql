-- exit: 1
-- Virtual tables written with the C SDK (struct sqlink_module): the fixture
-- components/sdk-c/testing/tables.c, built by `make c-examples` into
-- dist/test-extensions/c-tables.wasm, through libsqlink_loader in Debian's
-- stock sqlite3 3.40 (as tests/shell/c-sdk-tables.sql). c_series is table-valued (HIDDEN
-- start/stop/step, passed to filter at the argv positions best_index
-- chose; ORDER BY value consumed both ways); c_pairs is created with
-- CREATE VIRTUAL TABLE from its arguments; c_wide has 70 columns (those
-- past 63 ride on bit 63 of the columns mask). Rows cross in batches: 10000
-- rows, texts longer than a short value, blobs, errors from best_index,
-- filter, a column, and create.
.load dist/lib/libsqlink_loader
select sqlink_load('dist/test-extensions/c-tables.wasm');
-- => loaded c_tables 0.1.0: 3 virtual table modules (prefix c_tables__; memory 256 MiB, timeout 5000 ms)
select * from c_series(1, 5);
-- => 1|0.5|#1 of a series long enough to need the heap
-- => 2|1.0|#2 of a series long enough to need the heap
-- => 3|1.5|#3 of a series long enough to need the heap
-- => 4|2.0|#4 of a series long enough to need the heap
-- => 5|2.5|#5 of a series long enough to need the heap
select value, half, label from c_series(1, 10, 3) order by value desc;
-- => 10|5.0|#10 of a series long enough to need the heap
-- => 7|3.5|#7 of a series long enough to need the heap
-- => 4|2.0|#4 of a series long enough to need the heap
-- => 1|0.5|#1 of a series long enough to need the heap
select value from c_series(1, 10, 3) order by value;
-- => 1
-- => 4
-- => 7
-- => 10
select rowid, value from c_series where start = 2 and stop = 4;
-- => 1|2
-- => 2|3
-- => 3|4
select count(*), sum(value), sum(half), max(length(label)) from c_series(1, 10000);
-- => 10000|50005000|25002500.0|47
-- A column's error fails the scan, even at a row the WHERE clause drops
-- (rows are read ahead, a batch at a time).
select value, label from c_series(-14, -10) where value > -12;
-- !! Runtime error near line 39: c_series: -13 has no label
select value, label from c_series(-14, -10);
-- !! Runtime error near line 41: c_series: -13 has no label
select a.value, b.value from c_series(1, 2) a, c_series(a.value, 3) b;
-- => 1|1
-- => 1|2
-- => 1|3
-- => 2|2
-- => 2|3
select value from c_series(5, 1);
select * from c_series(1, 3, 0);
-- !! Runtime error near line 50: c_series(): step must be positive
select * from c_series;
-- !! Parse error near line 52: c_series(start, stop[, step]): start and stop are required
select rowid, c0, c62, c63, c64, c69 from c_wide;
-- => 100|0|62|63|64|69
-- => 101|100|162|163|164|169
-- => 102|200|262|263|264|269
select c65 from c_wide where c66 = 166;
-- => 165
select sum(c1 + c68) from c_wide;
-- => 807
create virtual table p using c_pairs(a=1, bee=two, c=);
select rowid, key, value, typeof(key), typeof(value) from p;
-- => 100|a|1|text|blob
-- => 101|bee|two|text|blob
-- => 102|c||text|blob
select key from p where value = cast('two' as blob);
-- => bee
create virtual table q using c_pairs(a=1, oops);
-- !! Runtime error near line 69: c_pairs: argument 'oops' of main.q is not KEY=VALUE
insert into p values ('x', 'y');
-- !! Parse error near line 71: table p may not be modified
drop table p;
select * from p;
-- !! Parse error near line 74: no such table: p
