-- runners: native wasm (writes a file in a granted directory; the composed build has no zipfile)
-- exit: 1
.load dist/extensions/zipfile.wasm --grant fs:/tmp
-- CREATE VIRTUAL TABLE ... USING zipfile(FILE), written to, as Debian's
-- sqlite3 3.40.1 (SQLite's zipfile.c, built into its shell) answers. Made
-- by components/extensions/zipfile/testdata/gen.sh from write.in.sql.
-- An empty file to start from (an empty file is an archive without entries).
.output /tmp/sqlink-shell-test-zipfile.zip
.output
create virtual table z using zipfile('/tmp/sqlink-shell-test-zipfile.zip');
select count(*) from z;
-- @
insert into z(name, mode, mtime, data) values('a.txt', 420, 1000000000, 'hello');
insert into z(name, mode, mtime, data) values('dir', NULL, 1000000001, NULL);
insert into z(name, mode, mtime, data) values('big.txt', '-rw-------', 1000000002, 'abcabcabcabcabcabcabcabcabcabcabcabcabcabc');
select name, mode, mtime, sz, method, quote(rawdata), quote(data) from z;
-- @
-- The file, read by the table-valued function.
select name, sz from zipfile('/tmp/sqlink-shell-test-zipfile.zip');
-- @
update z set name = 'b.txt' where name = 'a.txt';
update z set data = 'changed', mtime = 1000000005 where name = 'big.txt';
delete from z where name = 'dir/';
select name, mtime, sz, method, quote(data) from z;
-- @
-- zipfile.c's rollback writes what the transaction did.
begin;
insert into z(name, mode, mtime, data) values('kept', NULL, 1000000006, 'kept');
rollback;
select name from z;
-- @
begin;
insert into z(name, mode, mtime, data) values('t1', NULL, 1000000007, 'one');
select name from z;
delete from z where name = 't1';
commit;
select name from z;
-- @
-- Refused writes.
insert into z(name, mode, mtime, data) values('b.txt', NULL, 0, 'again');
-- @
insert into z(name, mode, mtime, data, sz) values('c', NULL, 0, 'x', 1);
-- @
insert into z(name, mode, mtime, data, rawdata) values('c', NULL, 0, 'x', x'00');
-- @
insert into z(name, mode, mtime, data, method) values('c', NULL, 0, 'x', 3);
-- @
insert into z(name, mode, mtime, data) values('c', 'drwxr-xr-x', 0, 'x');
-- @
insert into z(name, mode, mtime, data) values('c', '-rw-rw-rw', 0, 'x');
-- @
update z set name = 'kept' where name = 'b.txt';
-- @
update z set sz = 99 where name = 'b.txt';
-- @
select name from z;
-- @
-- Tables without an archive.
create virtual table t using zipfile();
-- @
create virtual table t using zipfile('a', 'b');
-- @
create virtual table zipfile using zipfile();
insert into zipfile(name, data) values('a', 'b');
-- @
create virtual table nowhere using zipfile('');
insert into nowhere(name, data) values('a', 'b');
-- @
drop table z;
select count(*) from zipfile('/tmp/sqlink-shell-test-zipfile.zip');
-- @
