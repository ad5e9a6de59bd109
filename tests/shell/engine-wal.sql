-- runners: wasm wasmtime (the native engine has shared memory: WAL just works there)
-- exit: 1
-- WASI has neither file locks nor shared memory, so SQLite on WASI locks
-- exclusively by default, which keeps WAL's index in the connection's own
-- memory: WAL works. With normal locking, asking for WAL fails clearly
-- instead of quietly keeping the old mode, and so does reading a WAL file.
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
.open /tmp/sqlink-wal-test.db
pragma locking_mode=normal;
-- => normal
select * from t;
-- !! Parse error near line 22: unable to open database file: the database is in WAL mode, whose index needs shared memory WASI does not have: run PRAGMA locking_mode=EXCLUSIVE first (then only this connection uses the file), or switch the file to another journal mode with a native SQLite (14)
.open --new /tmp/sqlink-wal-test.db
pragma locking_mode=normal;
-- => normal
pragma journal_mode=WAL;
-- !! Runtime error near line 27: cannot switch to WAL (the journal mode stays delete): WASI has no shared memory for WAL's index: run PRAGMA locking_mode=EXCLUSIVE first (then only this connection uses the file), or use another journal mode
pragma journal_mode;
-- => delete
