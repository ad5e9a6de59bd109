-- runners: wasm (the composed shell reads the database as it opens it, and a connection that has read a WAL database keeps exclusive locking)
-- exit: 1
-- A WAL database read with normal locking fails with the reason and the fix.
.open --new /tmp/sqlink-wal-open-test.db
pragma journal_mode=WAL;
-- => wal
create table t(a);
insert into t values(42);
.open /tmp/sqlink-wal-open-test.db
pragma locking_mode=normal;
-- => normal
select * from t;
-- !! Parse error near line 12: unable to open database file: the database is in WAL mode, whose index needs shared memory WASI does not have: run PRAGMA locking_mode=EXCLUSIVE first (then only this connection uses the file), or switch the file to another journal mode with a native SQLite (14)
pragma locking_mode=exclusive;
-- => exclusive
select * from t;
-- => 42
