-- runners: native wasm (a dot command reaching SQL, a table, hooks and the authorizer, in both engines of the sqlink host)
-- exit: 1
.load dist/extensions/sha.wasm --grant spi
create table t(x);
insert into t values (1);
.sha3sum
-- => 536463bbf637986bfae5f52d889404ad048865c19215ef0c578cf8d3
.load dist/extensions/series.wasm
select * from generate_series(1, 10, 3);
-- => 1
-- => 4
-- => 7
-- => 10
.load dist/extensions/history.wasm
begin;
insert into t values (2);
update t set x = 3 where x = 2;
commit;
begin;
delete from t where x = 1;
rollback;
select op, tbl, row, state from history;
-- => INSERT|t|2|committed
-- => UPDATE|t|2|committed
-- => DELETE|t|1|rolled back
.load dist/extensions/guard.wasm
select guard_deny('t', 'x');
-- => 1
select count(*) from t;
-- => 2
select x from t;
-- !! Parse error near line 31: access to t.x is prohibited (23)
select guard_clear();
-- => 1
select sum(x) from t;
-- => 4
