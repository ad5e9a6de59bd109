-- runners: native wasm (needs an fs grant, and .shell to make the files)
-- exit: 1
.shell sh tests/shell/data/fileio-fixtures.sh /tmp/sqlink-shell-test-fileio
.load dist/extensions/fileio.wasm --grant fs:/tmp/sqlink-shell-test-fileio
-- Every function, alias and table of fileio, as sqlean 0.27.4's fileio
-- (built from source, loaded into Debian's sqlite3 3.40.1) answers:
-- components/extensions/fileio/testdata/fileio.sql, made by gen.sh there.
-- tests/shell/fileio.sql is the same run through sqlink, whose errors from
-- an extension read "fileio: " after "error near line N: ". Modes show
-- their file type only (mode & 61440), and directories no size: the rest
-- depends on the system (and WASI has no permission bits).
--
-- fileio_read
select typeof(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt')), length(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt'));
-- @
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt') as text), cast(readfile('/tmp/sqlink-shell-test-fileio/hello.txt') as text);
-- @
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 6) as text);
-- @
select quote(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 11)), quote(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 12));
-- @
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 0, 5) as text), cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 6, 0) as text), cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 6, 1) as text), cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 6, 10) as text);
-- @
-- Offsets and limits read as a C int.
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 'abc') as text), cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 1.9) as text), cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 4294967297) as text);
-- @
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', null, 3) as text), cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 2, 3, 4) as text);
-- @
select fileio_read(null) is null, fileio_read('/tmp/sqlink-shell-test-fileio/whatever') is null;
-- @
select fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', -1);
-- @
select fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 0, -1);
-- @
select fileio_read('/tmp/sqlink-shell-test-fileio/t');
-- @
--
-- fileio_write: missing directories are made.
select fileio_write('/tmp/sqlink-shell-test-fileio/w/w1.txt', 'abc'), cast(fileio_read('/tmp/sqlink-shell-test-fileio/w/w1.txt') as text);
-- @
select fileio_write('/tmp/sqlink-shell-test-fileio/w/w2.txt', 123), fileio_write('/tmp/sqlink-shell-test-fileio/w/w3.txt', 1.5), fileio_write('/tmp/sqlink-shell-test-fileio/w/w4.txt', null), fileio_write('/tmp/sqlink-shell-test-fileio/w/w5.txt', x'00ff01');
-- @
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/w/w2.txt') as text), quote(fileio_read('/tmp/sqlink-shell-test-fileio/w/w4.txt')), hex(fileio_read('/tmp/sqlink-shell-test-fileio/w/w5.txt'));
-- @
select writefile('/tmp/sqlink-shell-test-fileio/w/w12.txt', 'é'), fileio_write('/tmp/sqlink-shell-test-fileio/w/deep/er/w6.txt', 'x');
-- @
select fileio_write('/tmp/sqlink-shell-test-fileio/w/w8.txt', 'x', 0, 1000000000);
-- @
select name, mtime, size from fileio_ls('/tmp/sqlink-shell-test-fileio/w/w8.txt');
-- @
select fileio_write('/tmp/sqlink-shell-test-fileio/w/w1.txt', 'z'), cast(fileio_read('/tmp/sqlink-shell-test-fileio/w/w1.txt') as text);
-- @
-- NULL paths give NULL; failures give NULL with two arguments, an error with more.
select fileio_write(null, 'x') is null, fileio_write('/tmp/sqlink-shell-test-fileio/t', 'x') is null, fileio_write('/tmp/sqlink-shell-test-fileio/hello.txt/x', 'x') is null;
-- @
select fileio_write('/tmp/sqlink-shell-test-fileio/t', 'x', 0);
-- @
select fileio_write('/tmp/sqlink-shell-test-fileio/hello.txt/x', 'x', 0, 5);
-- @
select fileio_write('/tmp/sqlink-shell-test-fileio/w/x');
-- @
select writefile('/tmp/sqlink-shell-test-fileio/w/x', 'a', 1, 2, 3);
-- @
--
-- fileio_append
-- (One call per statement: sqlean buffers each call site's writes until
-- the statement ends, so several in one statement land in reverse order.)
select fileio_append('/tmp/sqlink-shell-test-fileio/w/a1.txt', 'one');
select fileio_append('/tmp/sqlink-shell-test-fileio/w/a1.txt', 12);
select fileio_append('/tmp/sqlink-shell-test-fileio/w/a1.txt', x'41004243');
select fileio_append('/tmp/sqlink-shell-test-fileio/w/a1.txt', 'é');
-- @
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/w/a1.txt') as text);
-- @
create table hello(value text);
insert into hello(value) values ('one'), ('two'), ('three');
select sum(fileio_append('/tmp/sqlink-shell-test-fileio/w/new/hello.txt', value || char(10))) from hello;
-- @
select rowid, value from fileio_scan('/tmp/sqlink-shell-test-fileio/w/new/hello.txt');
-- @
select fileio_append('/tmp/sqlink-shell-test-fileio/t', 'x');
-- @
select fileio_append(null, 'x');
-- @
--
-- fileio_mkdir
select fileio_mkdir('/tmp/sqlink-shell-test-fileio/m1') is null, fileio_mkdir('/tmp/sqlink-shell-test-fileio/m1') is null, mkdir(null) is null;
-- @
select name, mode & 61440 from fileio_ls('/tmp/sqlink-shell-test-fileio/m1');
-- @
select fileio_mkdir('/tmp/sqlink-shell-test-fileio/hello.txt');
-- @
select fileio_mkdir('/tmp/sqlink-shell-test-fileio/x/y');
-- @
select fileio_mkdir();
-- @
select mkdir('a', 'b', 'c');
-- @
--
-- fileio_symlink
select fileio_symlink('hello.txt', '/tmp/sqlink-shell-test-fileio/hello.lnk') is null, cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.lnk') as text);
-- @
select name, mode & 61440, size from fileio_ls('/tmp/sqlink-shell-test-fileio/hello.lnk');
-- @
select symlink(null, '/tmp/sqlink-shell-test-fileio/h2.lnk') is null, fileio_symlink('hello.txt', null) is null, (select count(*) from fileio_ls('/tmp/sqlink-shell-test-fileio/h2.lnk'));
-- @
--
-- fileio_mode
select fileio_mode(16877), fileio_mode(33206), fileio_mode(33188), fileio_mode(41471), fileio_mode(384), fileio_mode(511);
-- @
select fileio_mode(-1), fileio_mode('abc'), fileio_mode(null), fileio_mode(2.9), lsmode(4294967295 + 16877 + 1), lsmode(33279 + 2048);
-- @
--
-- fileio_ls
select name, mode & 61440, case when mode & 61440 = 16384 then 'dir' else size end from fileio_ls('/tmp/sqlink-shell-test-fileio/t') order by name;
-- @
select name from fileio_ls('/tmp/sqlink-shell-test-fileio/t', 1) order by name;
-- @
select count(*) from fileio_ls('/tmp/sqlink-shell-test-fileio/t', '1');
-- @
select count(*) from fileio_ls('/tmp/sqlink-shell-test-fileio/t', 4294967296);
-- @
select rowid, name, mode & 61440, mtime, size, quote(path), quote(dir) from fileio_ls('/tmp/sqlink-shell-test-fileio/t/a.txt', 1);
-- @
select name, mode & 61440 from lsdir('/tmp/sqlink-shell-test-fileio/t/link');
-- @
select name from fileio_ls('/tmp/sqlink-shell-test-fileio/t/') order by name;
-- @
select count(*) from fileio_ls('/tmp/sqlink-shell-test-fileio/nope');
-- @
select name from fileio_ls where path = '/tmp/sqlink-shell-test-fileio/t/a.txt';
-- @
select * from fileio_ls(null);
-- @
select * from fileio_ls;
-- @
--
-- fileio_scan
select rowid, value, name from fileio_scan('/tmp/sqlink-shell-test-fileio/s1.txt');
-- @
select rowid, value from fileio_scan('/tmp/sqlink-shell-test-fileio/s2.txt');
-- @
select rowid, quote(value) from fileio_scan('/tmp/sqlink-shell-test-fileio/s3.txt');
-- @
select rowid, value from fileio_scan('/tmp/sqlink-shell-test-fileio/s4.txt');
-- @
select rowid, hex(value), typeof(value) from fileio_scan('/tmp/sqlink-shell-test-fileio/s5.txt');
-- @
select count(*) from fileio_scan('/tmp/sqlink-shell-test-fileio/s6.txt');
-- @
select rowid, hex(value) from fileio_scan('/tmp/sqlink-shell-test-fileio/s7.txt');
-- @
select value from scanfile('/tmp/sqlink-shell-test-fileio/s1.txt');
-- @
select count(*) from fileio_scan('/tmp/sqlink-shell-test-fileio/t');
-- @
select * from fileio_scan('/tmp/sqlink-shell-test-fileio/nope');
-- @
select * from fileio_scan(null);
-- @
select * from fileio_scan;
-- @
select * from fileio_scan where value = 'one';
-- @
