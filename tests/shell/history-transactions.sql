-- runners: native (connection hooks are served by the native host only, so far)
-- exit: 1
-- history: the connection's row changes, pending while their transaction
-- is open, then committed or rolled back (components/extensions/history).
.load dist/extensions/history.wasm
create table t(x);
select count(*) from history;
-- => 0
-- Inside BEGIN, changes are pending; COMMIT marks them committed.
begin;
insert into t values (10), (20);
update t set x = 11 where rowid = 1;
select op, tbl, row, state from history;
-- => INSERT|t|1|pending
-- => INSERT|t|2|pending
-- => UPDATE|t|1|pending
commit;
select op, tbl, row, state from history;
-- => INSERT|t|1|committed
-- => INSERT|t|2|committed
-- => UPDATE|t|1|committed
-- ROLLBACK marks them rolled back, and they form transaction 2.
begin;
delete from t where x = 20;
insert into t values (30);
rollback;
select id, txn, op, db, tbl, row, state from history;
-- => 1|1|INSERT|main|t|1|committed
-- => 2|1|INSERT|main|t|2|committed
-- => 3|1|UPDATE|main|t|1|committed
-- => 4|2|DELETE|main|t|2|rolled back
-- => 5|2|INSERT|main|t|2|rolled back
select * from t;
-- => 11
-- => 20
-- A statement outside BEGIN is a transaction of its own, committed as it
-- returns; an UPDATE that moves a row reports its new rowid.
update t set rowid = 9 where x = 11;
select id, txn, op, row, state from history where id > 5;
-- => 6|3|UPDATE|9|committed
-- A statement that fails outside BEGIN is rolled back, with the rows it
-- had changed.
create table u(k integer primary key, v check (v > 0));
insert into u values (1, 1), (2, -1);
-- !! Runtime error near line 44: CHECK constraint failed: v > 0 (19)
select txn, op, tbl, row, state from history where tbl = 'u';
-- => 4|INSERT|u|1|rolled back
-- Changes to temp and attached databases name their database.
create temp table scratch(y);
insert into scratch values ('a');
attach ':memory:' as aux;
create table aux.z(q);
insert into aux.z values (1);
select db, tbl, row, state from history where id > 7;
-- => temp|scratch|1|committed
-- => aux|z|1|committed
-- A scan reads the log as it was when it started: the rows this insert
-- adds are not read by it.
create table copy(id, op);
insert into copy select id, op from history;
select count(*) from copy;
-- => 9
select count(*), min(txn) = max(txn) from history where tbl = 'copy';
-- => 9|1
-- Nothing is deterministic (flag 0x800), and the table is read-only.
select name, narg, flags & 0x800 from pragma_function_list where name like 'history%' order by name, narg;
-- => history__history_clear|0|0
-- => history__history_limit|0|0
-- => history__history_limit|1|0
-- => history_clear|0|0
-- => history_limit|0|0
-- => history_limit|1|0
insert into history values (1, 1, 'INSERT', 'main', 't', 1, 'committed');
-- !! Parse error near line 73: table history may not be modified
