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
-- => 0
insert into z(name, mode, mtime, data) values('a.txt', 420, 1000000000, 'hello');
insert into z(name, mode, mtime, data) values('dir', NULL, 1000000001, NULL);
insert into z(name, mode, mtime, data) values('big.txt', '-rw-------', 1000000002, 'abcabcabcabcabcabcabcabcabcabcabcabcabcabc');
select name, mode, mtime, sz, method, quote(rawdata), quote(data) from z;
-- => a.txt|420|1000000000|5|0|X'68656C6C6F'|X'68656C6C6F'
-- => dir/|16877|1000000001|0|0|NULL|NULL
-- => big.txt|33152|1000000002|42|8|X'4B4C4A4E240E0100'|X'616263616263616263616263616263616263616263616263616263616263616263616263616263616263'
-- The file, read by the table-valued function.
select name, sz from zipfile('/tmp/sqlink-shell-test-zipfile.zip');
-- => a.txt|5
-- => dir/|0
-- => big.txt|42
update z set name = 'b.txt' where name = 'a.txt';
update z set data = 'changed', mtime = 1000000005 where name = 'big.txt';
delete from z where name = 'dir/';
select name, mtime, sz, method, quote(data) from z;
-- => b.txt|1000000000|5|0|X'68656C6C6F'
-- => big.txt|1000000005|7|8|X'6368616E676564'
-- zipfile.c's rollback writes what the transaction did.
begin;
insert into z(name, mode, mtime, data) values('kept', NULL, 1000000006, 'kept');
rollback;
select name from z;
-- => b.txt
-- => big.txt
-- => kept
begin;
insert into z(name, mode, mtime, data) values('t1', NULL, 1000000007, 'one');
select name from z;
delete from z where name = 't1';
commit;
select name from z;
-- => b.txt
-- => big.txt
-- => kept
-- => t1
-- => b.txt
-- => big.txt
-- => kept
-- Refused writes.
insert into z(name, mode, mtime, data) values('b.txt', NULL, 0, 'again');
-- !! Runtime error near line 53: duplicate name: "b.txt" (19)
insert into z(name, mode, mtime, data, sz) values('c', NULL, 0, 'x', 1);
-- !! Runtime error near line 55: sz must be NULL (19)
insert into z(name, mode, mtime, data, rawdata) values('c', NULL, 0, 'x', x'00');
-- !! Runtime error near line 57: rawdata must be NULL (19)
insert into z(name, mode, mtime, data, method) values('c', NULL, 0, 'x', 3);
-- !! Runtime error near line 59: unknown compression method: 3 (19)
insert into z(name, mode, mtime, data) values('c', 'drwxr-xr-x', 0, 'x');
-- !! Runtime error near line 61: zipfile: mode does not match data (19)
insert into z(name, mode, mtime, data) values('c', '-rw-rw-rw', 0, 'x');
-- !! Runtime error near line 63: zipfile: parse error in mode: -rw-rw-rw
update z set name = 'kept' where name = 'b.txt';
-- !! Runtime error near line 65: duplicate name: "kept" (19)
update z set sz = 99 where name = 'b.txt';
-- !! Runtime error near line 67: sz must be NULL (19)
select name from z;
-- => b.txt
-- => big.txt
-- => kept
-- Tables without an archive.
create virtual table t using zipfile();
-- !! Runtime error near line 74: zipfile constructor requires one argument
create virtual table t using zipfile('a', 'b');
-- !! Runtime error near line 76: zipfile constructor requires one argument
create virtual table zipfile using zipfile();
insert into zipfile(name, data) values('a', 'b');
-- !! Runtime error near line 79: zipfile: missing filename
create virtual table nowhere using zipfile('');
insert into nowhere(name, data) values('a', 'b');
-- !! Runtime error near line 82: zipfile: missing filename
drop table z;
select count(*) from zipfile('/tmp/sqlink-shell-test-zipfile.zip');
-- => 3
