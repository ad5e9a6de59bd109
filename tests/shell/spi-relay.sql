-- runners: native wasm (SQL an extension runs from inside a call: the native connection runs it directly; SQLite in wasm serves it through the relay)
-- exit: 1
-- An extension's SQL from inside the statement that called it sees the
-- connection as the statement does, in both engines of the sqlink host.
.load dist/test-extensions/spisql.wasm --grant spi
create table t(x);
select spi_run('insert into t values (1)');
-- => 0
-- Once per row: each call suspends and resumes on its own.
with recursive n(i) as (select 2 union all select i + 1 from n where i < 50)
select count(*), sum(spi_run('insert into t values (' || i || ')')) from n;
-- => 49|0
select count(*), sum(x) from t;
-- => 50|1275
-- Rows come back; a script runs whole.
select spi_run('select x from t where x > 48; select 1 where 0; select 2');
-- => 2
-- Inside a transaction, and rolled back with it.
begin;
select spi_run('delete from t where x > 10');
-- => 0
select count(*) from t;
-- => 10
rollback;
select count(*) from t;
-- => 50
-- Errors of its SQL are the call's errors, named after the extension.
select spi_run('select * from nosuch');
-- !! Runtime error near line 28: no such table: nosuch
select spi_run('insert into t values (1, 2)');
-- !! Runtime error near line 30: table t has 1 columns but 2 values were supplied
-- The spi guard holds inside a call too.
select spi_run('attach ''/tmp/sqlink-shell-test-spi-relay.db'' as other');
-- !! Runtime error near line 33: an extension may not open another database file (ATTACH or VACUUM INTO '/tmp/sqlink-shell-test-spi-relay.db'): only the operator attaches files (23)
select spi_run('pragma trusted_schema = on');
-- !! Runtime error near line 35: an extension may not set PRAGMA trusted_schema: it weakens the connection's defences (23)
-- SQL that calls the extension again while it runs is refused.
select spi_run('select spi_run(''select 1'')');
-- !! Runtime error near line 38: spisql: the extension is already running a call on this connection (SQL it runs through SPI cannot call its own functions)
-- The extension goes on working, and so does the database.
select spi_run('insert into t values (100)');
-- => 0
select max(x) from t;
-- => 100
pragma integrity_check;
-- => ok
