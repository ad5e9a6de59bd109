-- runners: wasm wasmtime (the native engine has shared memory: WAL just works there)
-- exit: 1
-- WASI has neither file locks nor shared memory, so SQLite on WASI locks
-- exclusively by default, which keeps WAL's index in the connection's own
-- memory: WAL works. With normal locking, asking for WAL fails clearly
-- instead of quietly keeping the old mode (engine-wal-open.sql: reading a
-- WAL file with normal locking).
.open --new /tmp/sqlink-wal-test.db
pragma locking_mode;
-- => exclusive
pragma journal_mode=WAL;
-- => wal
create table t(a);
insert into t values(42);
.open /tmp/sqlink-wal-test.db
select * from t;
-- => 42
pragma journal_mode;
-- => wal
.open --new /tmp/sqlink-wal-test.db
pragma locking_mode=normal;
-- => normal
pragma journal_mode=WAL;
-- !! Runtime error near line 23: cannot switch to WAL (the journal mode stays delete): WASI has no shared memory for WAL's index: run PRAGMA locking_mode=EXCLUSIVE first (then only this connection uses the file), or use another journal mode
pragma journal_mode;
-- => delete
