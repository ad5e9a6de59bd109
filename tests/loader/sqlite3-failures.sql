-- exit: 1
-- In the stock sqlite3: a crash, a runaway loop and a memory hit each give
-- a SQL error; the process survives and the database is intact. SPI sees
-- the caller's uncommitted rows.
.load dist/lib/libsqlink_loader
.open --new /tmp/sqlink-loader-failures.db
.load dist/lib/libsqlink_loader
create table kept(x);
insert into kept values (1), (2), (3);
select sqlink_load('dist/test-extensions/trap.wasm') like 'loaded trap%';
-- => 1
select trap_panic('boom');
-- !!
-- !! thread '<unnamed>' (1) panicked at testing/trap/src/lib.rs:10:9:
-- !! boom
-- !! note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
-- !! Runtime error near line 12: trap: the extension crashed (wasm trap: wasm `unreachable` instruction executed); the extension was restarted
select trap_ok();
-- => 42
select sqlink_load('dist/test-extensions/spin.wasm', '', 'timeout=100') like 'loaded spin%';
-- => 1
select spin_forever();
-- !! Runtime error near line 22: spin: call exceeded the CPU time limit of 100 ms (raise it with sqlink_load(path, grants, 'timeout=MS')); the extension was restarted
select spin_for(5);
-- => 5
select sqlink_load('dist/test-extensions/hog.wasm', '', 'mem=16M') like 'loaded hog%';
-- => 1
select hog_forever();
-- !! Runtime error near line 28: hog: call exceeded the memory limit of 16 MiB (raise it with sqlink_load(path, grants, 'mem=BYTES')); the extension was restarted
select hog_alloc(1);
-- => 1048576
select sqlink_load('dist/extensions/define.wasm', 'spi') like 'loaded define%';
-- => 1
begin;
insert into kept values (10), (20);
select eval('select sum(x) from kept');
-- => 36
rollback;
select eval('select sum(x) from kept');
-- => 6
create temp table scratch(y);
insert into scratch values ('temp!');
select eval('select y from scratch');
-- => temp!
pragma integrity_check;
-- => ok
