-- exit: 1
-- libsqlink_loader in Debian's stock sqlite3 3.40 shell: virtual tables,
-- hooks and the authorizer work as in sqlink.
.load dist/lib/libsqlink_loader
-- The shell has its own generate_series: sqlink's stays qualified.
select sqlink_load('dist/extensions/series.wasm');
-- => loaded series 0.1.0: 1 virtual table module (prefix series__; memory 256 MiB, timeout 5000 ms)
-- => warning: module generate_series already exists in SQLite: call series__generate_series instead, or load with sqlink_load(path, grants, 'pin=generate_series') to take the bare name
select value from series__generate_series(1, 10, 3);
-- => 1
-- => 4
-- => 7
-- => 10
select * from generate_series(1, 10, 3);
-- => 1
-- => 4
-- => 7
-- => 10
-- sqlean's stats_seq, from its documentation.
select sqlink_load('dist/extensions/stats.wasm');
-- => loaded stats 0.1.0: 26 aggregates, 2 virtual table modules (prefix stats__; memory 256 MiB, timeout 5000 ms)
-- => warning: module generate_series is provided by series and stats: call series__generate_series or stats__generate_series, or load one with sqlink_load(path, grants, 'pin=generate_series')
select * from stats_seq(1, 5);
-- => 1
-- => 2
-- => 3
-- => 4
-- => 5
select * from stats_seq(1, 10, 3);
-- => 1
-- => 4
-- => 7
-- => 10
-- Hooks: the connection's row changes, committed or rolled back.
select sqlink_load('dist/extensions/history.wasm');
-- => loaded history 0.1.0: 3 functions, 1 virtual table module (prefix history__; memory 256 MiB, timeout 5000 ms)
create table t(x);
begin; insert into t values (1); update t set x = 2; commit;
begin; delete from t where x = 2; rollback;
select op, tbl, row, state from history;
-- => INSERT|t|1|committed
-- => UPDATE|t|1|committed
-- => DELETE|t|1|rolled back
-- The authorizer: a hidden column reads NULL, a denied table fails.
select sqlink_load('dist/extensions/guard.wasm');
-- => loaded guard 0.1.0: 6 functions, 1 virtual table module (prefix guard__; memory 256 MiB, timeout 5000 ms)
create table users(name, secret);
insert into users values ('ann', 's3');
select guard_hide('users', 'secret');
-- => 1
select name, secret from users;
-- => ann|
select guard_deny('users');
-- => 1
select name from users;
-- !! Parse error near line 55: access to users.name is prohibited (23)
select guard_clear();
-- => 2
select secret from users;
-- => s3
-- Shadow tables: kvstore keeps its rows in kv_data through spi, which a
-- defensive connection's own SQL cannot write.
select sqlink_load('dist/test-extensions/kvstore.wasm', 'spi');
-- => loaded kvstore 0.1.0: 1 virtual table module (prefix kvstore__; memory 256 MiB, timeout 5000 ms; granted spi)
create virtual table kv using kvstore;
insert into kv values ('a', 1), ('b', 2);
.dbconfig defensive on
-- =>           defensive on
insert into kv_data values ('c', 3);
-- !! Parse error near line 69: table kv_data may not be modified
update kv set value = 20 where key = 'b';
select key, value from kv_data order by key;
-- => a|1
-- => b|20
drop table kv;
select count(*) from sqlite_schema where name like 'kv%';
-- => 0
