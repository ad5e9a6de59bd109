-- runners: native wasm (the extension needs a directory granted; the composed build has no zipfile)
-- exit: 1
.load dist/extensions/zipfile.wasm --grant fs:/tmp
-- The zipfile() aggregate as Debian's sqlite3 3.40.1 (SQLite's zipfile.c,
-- built into its shell) answers: the archives' bytes, and errors. Made by
-- components/extensions/zipfile/testdata/gen.sh from aggregate.in.sql.
select hex(zipfile('a.txt', 420, 1000000000, 'hello'));
-- @
with t(name, mode, mtime, data) as (values ('d', NULL, 1500000000, NULL), ('d/a', '-rw-------', 1500000001, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'))
select hex(zipfile(name, mode, mtime, data)) from t;
-- @
select hex(zipfile(column1, column2, column3, column4, column5)) from (values ('s', NULL, 0, 'hello', 8), ('t', 'lrwxrwxrwx', 4294967295, 'target', 0));
-- @
-- No rows: NULL.
select quote(zipfile('a', 'b')) from (select 1 where 0);
-- @
select typeof(zipfile('a', NULL, 0, 'b'));
-- @
-- Read back: modes, times, sizes, methods, the data.
select name, mode, mtime, sz, method, quote(data) from zipfile((select zipfile(column1, column2, column3, column4) from (values ('dir', NULL, 1600000000, NULL), ('dir/f.txt', '-rw-r-----', 1600000001, 'some text some text some text some text'), ('dir/e', NULL, 1600000002, x''))));
-- @
-- Two arguments: default mode, and the time is now.
select name, mode, mtime > 1700000000, sz from zipfile((select zipfile('n.txt', 'now')));
-- @
select name, mode from zipfile((select zipfile('d', NULL)));
-- @
-- Errors.
select zipfile('a', 'bad', 0, 'x');
-- @
select zipfile('a', 'drwxr-xr-x', 0, 'x');
-- @
select zipfile('a', 420, 0, NULL);
-- @
select zipfile('a/', 420, 0, 'x');
-- @
select zipfile('a', 420, 0, 'x', 7);
-- @
select zipfile(NULL, 420, 0, 'x');
-- @
select zipfile('a', 420, 0);
-- @
select zipfile();
-- @
with t(name) as (values ('a'), ('b/')) select zipfile(name, NULL, 0, 'x') from t;
-- @
