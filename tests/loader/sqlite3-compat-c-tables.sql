-- exit: 1
-- A classic sqlite3_module written for sqlite3_load_extension
-- (components/sdk-c/compat/testing/tables.c, built by `make c-examples`),
-- unchanged, through the compatibility layer and libsqlink_loader in
-- Debian's stock sqlite3 3.40 (as tests/shell/compat-c-tables.sql): its xBestIndex (argv
-- positions, an idxStr from sqlite3_mprintf, ORDER BY consumed,
-- sqlite3_vtab_rhs_value), xFilter, xColumn and xRowid run inside the
-- component; errors come from zErrMsg and xCreate's *pzErr. The same
-- source compiled natively into Debian's sqlite3 3.40 gives the same output,
-- but for the "compat_tables: " sqlink's errors start with, and
-- countdown(5000), whose xColumn calls what the layer lacks.
.load dist/lib/libsqlink_loader
select sqlink_load('dist/test-extensions/compat-tables.wasm');
-- => loaded compat_tables 0.1.0: 1 virtual table module (prefix compat_tables__; memory 256 MiB, timeout 5000 ms)
select rowid, value, square, plan from countdown(3);
-- => 30|3|9|n=3 desc=0
-- => 20|2|4|n=3 desc=0
-- => 10|1|1|n=3 desc=0
select value, plan from countdown(2) order by value desc;
-- => 2|n=2 desc=1
-- => 1|n=2 desc=1
select value, plan from countdown(2) order by value;
-- => 1|n=2 desc=0
-- => 2|n=2 desc=0
select value, plan from countdown where n = (select 2);
-- => 2|n=? desc=0
-- => 1|n=? desc=0
select count(*), sum(value), sum(length(square)) from countdown(1000);
-- => 1000|500500|5543
select * from countdown(-1);
-- !! Runtime error near line 30: countdown: no count (-1)
select value from countdown(5000) limit 1;
-- !! Runtime error near line 32: countdown: xColumn calls sqlite3_result_pointer, which sqlink's sqlite3ext.h compatibility layer does not provide
create virtual table c4 using countdown(4);
select value, square from c4;
-- => 4|16
-- => 3|9
-- => 2|4
-- => 1|1
create virtual table bad using countdown(zero);
-- !! Runtime error near line 40: countdown: main.bad needs a positive count, not 'zero'
drop table c4;
select * from c4;
-- !! Parse error near line 43: no such table: c4
