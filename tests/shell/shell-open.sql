-- .open switches databases; --new empties a file; --readonly refuses writes;
-- a file that cannot be opened falls back to an in-memory database.
-- exit: 1
.open --new /tmp/sqlink-shell-test-open.db
create table t(a); insert into t values (42);
.open :memory:
select count(*) from sqlite_schema;
-- => 0
.open /tmp/sqlink-shell-test-open.db
select a from t;
-- => 42
.open --readonly /tmp/sqlink-shell-test-open.db
select a from t;
insert into t values (1);
-- => 42
-- !! Runtime error near line 14: attempt to write a readonly database (8)
.open --new /tmp/sqlink-shell-test-open.db
select count(*) from sqlite_schema;
-- => 0
.open /nonexistent-dir/x.db
select 'fell back';
-- => fell back
-- !! Error: unable to open database "/nonexistent-dir/x.db": unable to open database file
.open --bogus x
-- !! unknown option: --bogus
.open a b
-- !! extra argument: "b"
