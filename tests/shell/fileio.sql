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
-- => blob|11
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt') as text), cast(readfile('/tmp/sqlink-shell-test-fileio/hello.txt') as text);
-- => hello world|hello world
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 6) as text);
-- => world
select quote(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 11)), quote(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 12));
-- => X''|X''
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 0, 5) as text), cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 6, 0) as text), cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 6, 1) as text), cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 6, 10) as text);
-- => hello|world|w|world
-- Offsets and limits read as a C int.
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 'abc') as text), cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 1.9) as text), cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 4294967297) as text);
-- => hello world|ello world|ello world
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', null, 3) as text), cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 2, 3, 4) as text);
-- => hel|llo world
select fileio_read(null) is null, fileio_read('/tmp/sqlink-shell-test-fileio/whatever') is null;
-- => 1|1
select fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', -1);
-- !! Runtime error near line 31: offset must be >= 0
select fileio_read('/tmp/sqlink-shell-test-fileio/hello.txt', 0, -1);
-- !! Runtime error near line 33: limit must be >= 0
select fileio_read('/tmp/sqlink-shell-test-fileio/t');
-- !! Runtime error near line 35: string or blob too big (18)
--
-- fileio_write: missing directories are made.
select fileio_write('/tmp/sqlink-shell-test-fileio/w/w1.txt', 'abc'), cast(fileio_read('/tmp/sqlink-shell-test-fileio/w/w1.txt') as text);
-- => 3|abc
select fileio_write('/tmp/sqlink-shell-test-fileio/w/w2.txt', 123), fileio_write('/tmp/sqlink-shell-test-fileio/w/w3.txt', 1.5), fileio_write('/tmp/sqlink-shell-test-fileio/w/w4.txt', null), fileio_write('/tmp/sqlink-shell-test-fileio/w/w5.txt', x'00ff01');
-- => 3|3|0|3
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/w/w2.txt') as text), quote(fileio_read('/tmp/sqlink-shell-test-fileio/w/w4.txt')), hex(fileio_read('/tmp/sqlink-shell-test-fileio/w/w5.txt'));
-- => 123|X''|00FF01
select writefile('/tmp/sqlink-shell-test-fileio/w/w12.txt', 'é'), fileio_write('/tmp/sqlink-shell-test-fileio/w/deep/er/w6.txt', 'x');
-- => 2|1
select fileio_write('/tmp/sqlink-shell-test-fileio/w/w8.txt', 'x', 0, 1000000000);
-- => 1
select name, mtime, size from fileio_ls('/tmp/sqlink-shell-test-fileio/w/w8.txt');
-- => /tmp/sqlink-shell-test-fileio/w/w8.txt|1000000000|1
select fileio_write('/tmp/sqlink-shell-test-fileio/w/w1.txt', 'z'), cast(fileio_read('/tmp/sqlink-shell-test-fileio/w/w1.txt') as text);
-- => 1|z
-- NULL paths give NULL; failures give NULL with two arguments, an error with more.
select fileio_write(null, 'x') is null, fileio_write('/tmp/sqlink-shell-test-fileio/t', 'x') is null, fileio_write('/tmp/sqlink-shell-test-fileio/hello.txt/x', 'x') is null;
-- => 1|1|1
select fileio_write('/tmp/sqlink-shell-test-fileio/t', 'x', 0);
-- !! Runtime error near line 56: failed to write file: /tmp/sqlink-shell-test-fileio/t
select fileio_write('/tmp/sqlink-shell-test-fileio/hello.txt/x', 'x', 0, 5);
-- !! Runtime error near line 58: failed to write file: /tmp/sqlink-shell-test-fileio/hello.txt/x
select fileio_write('/tmp/sqlink-shell-test-fileio/w/x');
-- !! Runtime error near line 60: wrong number of arguments to function writefile()
select writefile('/tmp/sqlink-shell-test-fileio/w/x', 'a', 1, 2, 3);
-- !! Runtime error near line 62: wrong number of arguments to function writefile()
--
-- fileio_append
-- (One call per statement: sqlean buffers each call site's writes until
-- the statement ends, so several in one statement land in reverse order.)
select fileio_append('/tmp/sqlink-shell-test-fileio/w/a1.txt', 'one');
select fileio_append('/tmp/sqlink-shell-test-fileio/w/a1.txt', 12);
select fileio_append('/tmp/sqlink-shell-test-fileio/w/a1.txt', x'41004243');
select fileio_append('/tmp/sqlink-shell-test-fileio/w/a1.txt', 'é');
-- => 3
-- => 2
-- => 1
-- => 2
select cast(fileio_read('/tmp/sqlink-shell-test-fileio/w/a1.txt') as text);
-- => one12Aé
create table hello(value text);
insert into hello(value) values ('one'), ('two'), ('three');
select sum(fileio_append('/tmp/sqlink-shell-test-fileio/w/new/hello.txt', value || char(10))) from hello;
-- => 14
select rowid, value from fileio_scan('/tmp/sqlink-shell-test-fileio/w/new/hello.txt');
-- => 1|one
-- => 2|two
-- => 3|three
select fileio_append('/tmp/sqlink-shell-test-fileio/t', 'x');
-- !! Runtime error near line 86: failed to open file
select fileio_append(null, 'x');
-- !! Runtime error near line 88: failed to open file
--
-- fileio_mkdir
select fileio_mkdir('/tmp/sqlink-shell-test-fileio/m1') is null, fileio_mkdir('/tmp/sqlink-shell-test-fileio/m1') is null, mkdir(null) is null;
-- => 1|1|1
select name, mode & 61440 from fileio_ls('/tmp/sqlink-shell-test-fileio/m1');
-- => /tmp/sqlink-shell-test-fileio/m1|16384
select fileio_mkdir('/tmp/sqlink-shell-test-fileio/hello.txt');
-- !! Runtime error near line 96: failed to create directory: /tmp/sqlink-shell-test-fileio/hello.txt
select fileio_mkdir('/tmp/sqlink-shell-test-fileio/x/y');
-- !! Runtime error near line 98: failed to create directory: /tmp/sqlink-shell-test-fileio/x/y
select fileio_mkdir();
-- !! Runtime error near line 100: wrong number of arguments to function mkdir()
select mkdir('a', 'b', 'c');
-- !! Runtime error near line 102: wrong number of arguments to function mkdir()
--
-- fileio_symlink
select fileio_symlink('hello.txt', '/tmp/sqlink-shell-test-fileio/hello.lnk') is null, cast(fileio_read('/tmp/sqlink-shell-test-fileio/hello.lnk') as text);
-- => 1|hello world
select name, mode & 61440, size from fileio_ls('/tmp/sqlink-shell-test-fileio/hello.lnk');
-- => /tmp/sqlink-shell-test-fileio/hello.lnk|40960|9
select symlink(null, '/tmp/sqlink-shell-test-fileio/h2.lnk') is null, fileio_symlink('hello.txt', null) is null, (select count(*) from fileio_ls('/tmp/sqlink-shell-test-fileio/h2.lnk'));
-- => 1|1|0
--
-- fileio_mode
select fileio_mode(16877), fileio_mode(33206), fileio_mode(33188), fileio_mode(41471), fileio_mode(384), fileio_mode(511);
-- => drwxr-xr-x|-rw-rw-rw-|-rw-r--r--|lrwxrwxrwx|?rw-------|?rwxrwxrwx
select fileio_mode(-1), fileio_mode('abc'), fileio_mode(null), fileio_mode(2.9), lsmode(4294967295 + 16877 + 1), lsmode(33279 + 2048);
-- => ?rwxrwxrwx|?---------|?---------|?-------w-|drwxr-xr-x|-rwxrwxrwx
--
-- fileio_ls
select name, mode & 61440, case when mode & 61440 = 16384 then 'dir' else size end from fileio_ls('/tmp/sqlink-shell-test-fileio/t') order by name;
-- => /tmp/sqlink-shell-test-fileio/t|16384|dir
-- => /tmp/sqlink-shell-test-fileio/t/a.txt|32768|2
-- => /tmp/sqlink-shell-test-fileio/t/link|40960|5
-- => /tmp/sqlink-shell-test-fileio/t/sub|16384|dir
select name from fileio_ls('/tmp/sqlink-shell-test-fileio/t', 1) order by name;
-- => /tmp/sqlink-shell-test-fileio/t
-- => /tmp/sqlink-shell-test-fileio/t/a.txt
-- => /tmp/sqlink-shell-test-fileio/t/link
-- => /tmp/sqlink-shell-test-fileio/t/sub
-- => /tmp/sqlink-shell-test-fileio/t/sub/b.txt
-- => /tmp/sqlink-shell-test-fileio/t/sub/deeper
select count(*) from fileio_ls('/tmp/sqlink-shell-test-fileio/t', '1');
-- => 6
select count(*) from fileio_ls('/tmp/sqlink-shell-test-fileio/t', 4294967296);
-- => 4
select rowid, name, mode & 61440, mtime, size, quote(path), quote(dir) from fileio_ls('/tmp/sqlink-shell-test-fileio/t/a.txt', 1);
-- => 1|/tmp/sqlink-shell-test-fileio/t/a.txt|32768|1000000000|2|NULL|NULL
select name, mode & 61440 from lsdir('/tmp/sqlink-shell-test-fileio/t/link');
-- => /tmp/sqlink-shell-test-fileio/t/link|40960
select name from fileio_ls('/tmp/sqlink-shell-test-fileio/t/') order by name;
-- => /tmp/sqlink-shell-test-fileio/t/
-- => /tmp/sqlink-shell-test-fileio/t//a.txt
-- => /tmp/sqlink-shell-test-fileio/t//link
-- => /tmp/sqlink-shell-test-fileio/t//sub
select count(*) from fileio_ls('/tmp/sqlink-shell-test-fileio/nope');
-- => 0
select name from fileio_ls where path = '/tmp/sqlink-shell-test-fileio/t/a.txt';
-- => /tmp/sqlink-shell-test-fileio/t/a.txt
select * from fileio_ls(null);
-- !! Runtime error near line 149: table function lsdir requires a non-NULL argument
select * from fileio_ls;
-- !! Runtime error near line 151: table function lsdir requires an argument
--
-- fileio_scan
select rowid, value, name from fileio_scan('/tmp/sqlink-shell-test-fileio/s1.txt');
-- => 1|one|/tmp/sqlink-shell-test-fileio/s1.txt
-- => 2|two|/tmp/sqlink-shell-test-fileio/s1.txt
-- => 3|thr|/tmp/sqlink-shell-test-fileio/s1.txt
select rowid, value from fileio_scan('/tmp/sqlink-shell-test-fileio/s2.txt');
-- => 1|a
select rowid, quote(value) from fileio_scan('/tmp/sqlink-shell-test-fileio/s3.txt');
-- => 1|'x'
-- => 2|''
-- => 3|''
-- => 4|'y'
select rowid, value from fileio_scan('/tmp/sqlink-shell-test-fileio/s4.txt');
-- => 1|nul
-- => 2|ok
select rowid, hex(value), typeof(value) from fileio_scan('/tmp/sqlink-shell-test-fileio/s5.txt');
-- => 1|FFFE|text
select count(*) from fileio_scan('/tmp/sqlink-shell-test-fileio/s6.txt');
-- => 0
select rowid, hex(value) from fileio_scan('/tmp/sqlink-shell-test-fileio/s7.txt');
-- => 1|610D
-- => 2|620D
select value from scanfile('/tmp/sqlink-shell-test-fileio/s1.txt');
-- => one
-- => two
-- => thr
select count(*) from fileio_scan('/tmp/sqlink-shell-test-fileio/t');
-- => 0
select * from fileio_scan('/tmp/sqlink-shell-test-fileio/nope');
-- !! Runtime error near line 182: cannot open '/tmp/sqlink-shell-test-fileio/nope' for reading
select * from fileio_scan(null);
-- !! Runtime error near line 184: cannot open '' for reading
select * from fileio_scan;
-- !! Parse error near line 186: scanfile() expects a single constraint (name)
select * from fileio_scan where value = 'one';
-- !! Parse error near line 188: scanfile() expects a name constraint)
