-- runners: native wasm (needs an fs grant, and .shell to make the directory)
-- exit: 1
-- sqlean's fileio module (sqlite/sqlean-fileio.c of sqlean.py 3.50.4.5),
-- compiled unchanged by `make c-sqlean` (with fileio-wasi.h: chmod, which
-- WASI lacks, ignores permission bits; the directories above the granted
-- one are directories to stat, so missing parents are made): the examples
-- of sqlean's docs/fileio.md, with absolute paths in a scratch directory,
-- give the results of the same source compiled natively and loaded into
-- Debian's sqlite3 (up to the last section, sqlink's sandbox).
.load dist/extensions-c/sqlean-fileio.wasm
-- !! Error: refusing to load extension sqlean-fileio: it imports wasi:filesystem/types@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro); it imports wasi:filesystem/preopens@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro)
.shell rm -rf /tmp/sqlink-shell-test-sqlean-fileio && mkdir -p /tmp/sqlink-shell-test-sqlean-fileio
.load dist/extensions-c/sqlean-fileio.wasm --grant fs:/tmp/sqlink-shell-test-sqlean-fileio
-- fileio_read(path), fileio_write(path, data [,perm [,mtime]])
select fileio_write('/tmp/sqlink-shell-test-sqlean-fileio/hello.txt', 'hello world');
-- => 11
select typeof(fileio_read('/tmp/sqlink-shell-test-sqlean-fileio/hello.txt'));
select length(fileio_read('/tmp/sqlink-shell-test-sqlean-fileio/hello.txt'));
-- => blob
-- => 11
select fileio_write('/tmp/sqlink-shell-test-sqlean-fileio/hello.txt', 'hello world', 436);
-- => 11
select fileio_write('/tmp/sqlink-shell-test-sqlean-fileio/old.txt', 'hello world', 420, 1639516692);
select name, mtime, size from fileio_ls('/tmp/sqlink-shell-test-sqlean-fileio/old.txt');
-- => 11
-- => /tmp/sqlink-shell-test-sqlean-fileio/old.txt|1639516692|11
select fileio_read('/tmp/sqlink-shell-test-sqlean-fileio/missing.txt') is null, fileio_write(null, 'x') is null;
-- => 1|1
-- fileio_append(path, str): 14 bytes, three lines; fileio_scan(path)
create table hello(value text);
insert into hello(value) values ('one'), ('two'), ('three');
select sum(fileio_append('/tmp/sqlink-shell-test-sqlean-fileio/lines.txt', value||char(10))) from hello;
-- => 14
select cast(fileio_read('/tmp/sqlink-shell-test-sqlean-fileio/lines.txt') as text) = 'one'||char(10)||'two'||char(10)||'three'||char(10);
-- => 1
select rowid, value, name from fileio_scan('/tmp/sqlink-shell-test-sqlean-fileio/lines.txt');
-- => 1|one|/tmp/sqlink-shell-test-sqlean-fileio/lines.txt
-- => 2|two|/tmp/sqlink-shell-test-sqlean-fileio/lines.txt
-- => 3|three|/tmp/sqlink-shell-test-sqlean-fileio/lines.txt
-- fileio_mkdir(path [,perm]): NULL when made, or already there
select fileio_mkdir('/tmp/sqlink-shell-test-sqlean-fileio/hellodir') is null, fileio_mkdir('/tmp/sqlink-shell-test-sqlean-fileio/hellodir') is null, fileio_mkdir('/tmp/sqlink-shell-test-sqlean-fileio/hellodir/sub', 493) is null;
-- => 1|1|1
select fileio_write('/tmp/sqlink-shell-test-sqlean-fileio/hellodir/sub/deep/file.txt', 'abc');
-- => 3
-- fileio_symlink(src, dst): a link to hello.txt beside it
select fileio_symlink('hello.txt', '/tmp/sqlink-shell-test-sqlean-fileio/hello.lnk') is null;
select length(fileio_read('/tmp/sqlink-shell-test-sqlean-fileio/hello.lnk'));
-- => 1
-- => 11
-- fileio_ls(path [,recursive]): modes by file type (mode & 61440; the
-- permission bits depend on the system, and WASI has none), directories
-- without their size (the file system's).
select name, mode & 61440, mtime, size from fileio_ls('/tmp/sqlink-shell-test-sqlean-fileio/old.txt');
-- => /tmp/sqlink-shell-test-sqlean-fileio/old.txt|32768|1639516692|11
select name, mode & 61440, case when mode & 61440 = 16384 then null else size end from fileio_ls('/tmp/sqlink-shell-test-sqlean-fileio') order by name;
-- => /tmp/sqlink-shell-test-sqlean-fileio|16384|
-- => /tmp/sqlink-shell-test-sqlean-fileio/hello.lnk|40960|9
-- => /tmp/sqlink-shell-test-sqlean-fileio/hello.txt|32768|11
-- => /tmp/sqlink-shell-test-sqlean-fileio/hellodir|16384|
-- => /tmp/sqlink-shell-test-sqlean-fileio/lines.txt|32768|14
-- => /tmp/sqlink-shell-test-sqlean-fileio/old.txt|32768|11
select name, mode & 61440 from fileio_ls('/tmp/sqlink-shell-test-sqlean-fileio/hellodir', true) order by name;
-- => /tmp/sqlink-shell-test-sqlean-fileio/hellodir|16384
-- => /tmp/sqlink-shell-test-sqlean-fileio/hellodir/sub|16384
-- => /tmp/sqlink-shell-test-sqlean-fileio/hellodir/sub/deep|16384
-- => /tmp/sqlink-shell-test-sqlean-fileio/hellodir/sub/deep/file.txt|32768
select count(*) from fileio_ls('/tmp/sqlink-shell-test-sqlean-fileio/missing.txt');
-- => 0
select fileio_mode(33206), fileio_mode(33188), fileio_mode(16877), fileio_mode(41471), fileio_mode(mode & 61440) from fileio_ls('/tmp/sqlink-shell-test-sqlean-fileio/old.txt');
-- => -rw-rw-rw-|-rw-r--r--|drwxr-xr-x|lrwxrwxrwx|----------
-- The aliases
select length(readfile('/tmp/sqlink-shell-test-sqlean-fileio/hello.txt')), writefile('/tmp/sqlink-shell-test-sqlean-fileio/w.txt', 'abc'), mkdir('/tmp/sqlink-shell-test-sqlean-fileio/d2') is null, symlink('w.txt', '/tmp/sqlink-shell-test-sqlean-fileio/w.lnk') is null, lsmode(16877);
select name from lsdir('/tmp/sqlink-shell-test-sqlean-fileio/d2');
-- => 11|3|1|1|drwxr-xr-x
-- => /tmp/sqlink-shell-test-sqlean-fileio/d2
-- What the sandbox changes (sqlink only): outside the granted directory a
-- file is not there (NULL, no rows, or sqlean's own error), relative paths
-- start at / (use absolute ones), and links may not lead out.
select fileio_read('/etc/hostname') is null, fileio_read('hello.txt') is null, count(*) from fileio_ls('/etc');
-- => 1|1|0
select fileio_write('/tmp/sqlink-shell-test-sqlean-fileio-outside.txt', 'x') is null;
-- => 1
select fileio_write('/tmp/sqlink-shell-test-sqlean-fileio-outside.txt', 'x', 420);
-- !! Runtime error near line 83: failed to write file: /tmp/sqlink-shell-test-sqlean-fileio-outside.txt
select * from fileio_scan('/etc/hostname');
-- !! Runtime error near line 85: cannot open '/etc/hostname' for reading
select fileio_symlink('/etc/hostname', '/tmp/sqlink-shell-test-sqlean-fileio/out.lnk') is null, fileio_read('/tmp/sqlink-shell-test-sqlean-fileio/out.lnk') is null;
-- => 1|1
select fileio_mkdir('/tmp');
-- !! Runtime error near line 89: failed to create directory: /tmp
