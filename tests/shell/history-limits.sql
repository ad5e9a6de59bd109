-- runners: native (connection hooks are served by the native host only, so far)
-- exit: 1
-- history: what SQLite's hooks do not report, history_clear() and
-- history_limit() (components/extensions/history).
.load dist/extensions/history.wasm
create table t(x);
insert into t values (1), (2), (3);
-- The update hook is silent for WITHOUT ROWID tables...
create table w(k primary key, v) without rowid;
insert into w values (1, 'a');
-- ...for DELETE without WHERE (the truncate optimization)...
delete from t;
-- ...and for the rows REPLACE deletes: only the new row is heard.
create table r(k integer primary key, v unique);
insert into r values (1, 'a');
insert or replace into r values (2, 'a');
select txn, op, tbl, row, state from history;
-- => 1|INSERT|t|1|committed
-- => 1|INSERT|t|2|committed
-- => 1|INSERT|t|3|committed
-- => 2|INSERT|r|1|committed
-- => 3|INSERT|r|2|committed
-- ROLLBACK TO a savepoint does not call the rollback hook: the undone
-- insert commits with its transaction.
begin;
insert into t values (7);
savepoint s;
insert into t values (8);
rollback to s;
commit;
select op, row, state from history where tbl = 't' and txn > 1;
-- => INSERT|1|committed
-- => INSERT|2|committed
select x from t;
-- => 7
-- history_clear() forgets everything and says how much; ids go on.
select history_clear();
-- => 7
select history_clear();
-- => 0
insert into t values (9);
select id, txn, op, row from history;
-- => 8|5|INSERT|2
-- history_limit(n) keeps the last n entries and returns the previous
-- limit; without an argument it returns the limit.
select history_limit();
-- => 100000
insert into t values (10), (11), (12);
select history_limit(2);
-- => 100000
select history_limit();
-- => 2
select id, row from history;
-- => 10|4
-- => 11|5
insert into t values (13);
select id, row from history;
-- => 11|5
-- => 12|6
-- 0 keeps nothing (ids still count); a whole real is an integer.
select history_limit(0);
-- => 2
insert into t values (14);
select count(*) from history;
-- => 0
select history_limit(1e3);
-- => 0
insert into t values (15);
select id, row from history;
-- => 14|8
-- Limits must be non-negative integers.
select history_limit(null);
-- !! Runtime error near line 72: history_limit(): the limit must be a non-negative integer, got NULL (20)
select history_limit(-1);
-- !! Runtime error near line 74: history_limit(): the limit must be a non-negative integer, got -1 (25)
select history_limit(2.5);
-- !! Runtime error near line 76: history_limit(): the limit must be a non-negative integer, got real 2.5 (20)
select history_limit('10');
-- !! Runtime error near line 78: history_limit(): the limit must be a non-negative integer, got text '10' (20)
select history_limit();
-- => 1000
-- A table of the database named history hides the eponymous one; the
-- qualified name always reaches it.
create table history(a);
select count(*) from history;
-- => 0
select row from history__history;
-- => 8
