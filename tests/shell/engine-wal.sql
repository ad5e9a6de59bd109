-- runners: wasm wasmtime (the native engine has shared memory: WAL just works there)
-- exit: 1
-- WASI has no shared memory for WAL's index: asking for WAL fails clearly
-- instead of quietly keeping the old mode, and exclusive locking (which
-- keeps the index in the connection's own memory) makes WAL work.
.open --new /tmp/sqlink-wal-test.db
pragma journal_mode=wal;
-- !! Runtime error near line 7: cannot switch to WAL (the journal mode stays delete): WASI has no shared memory for WAL's index: run PRAGMA locking_mode=EXCLUSIVE first (then only this connection uses the file), or use another journal mode
pragma journal_mode;
-- => delete
pragma locking_mode=exclusive;
-- => exclusive
pragma journal_mode=WAL;
-- => wal
create table t(a);
insert into t values(42);
select * from t;
-- => 42
-- The file is now a WAL database: opening it again needs exclusive locking.
.open /tmp/sqlink-wal-test.db
select * from t;
-- !! Parse error near line 21: unable to open database file: the database is in WAL mode, whose index needs shared memory WASI does not have: run PRAGMA locking_mode=EXCLUSIVE first (then only this connection uses the file), or switch the file to another journal mode with a native SQLite (14)
pragma locking_mode=exclusive;
-- => exclusive
select * from t;
-- => 42
