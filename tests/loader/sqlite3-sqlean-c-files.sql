-- exit: 1
-- sqlean's fileio and vsv, compiled unchanged with the sqlite3ext.h
-- compatibility layer (make c-sqlean), through libsqlink_loader in Debian's
-- stock sqlite3 3.40, with a directory granted: docs/fileio.md's and
-- docs/vsv.md's examples, with absolute paths in a scratch directory; the
-- same sources compiled natively give the same (modes by file type: the
-- sandbox has no permission bits). Without the grant, the load is refused.
.load dist/lib/libsqlink_loader
.shell rm -rf /tmp/sqlink-loader-test-sqlean-files && mkdir -p /tmp/sqlink-loader-test-sqlean-files && cd /tmp/sqlink-loader-test-sqlean-files && echo 11,Diane,London > people.csv && echo 22,Grace,Berlin >> people.csv && echo 33,Alice,Paris >> people.csv
select sqlink_load('dist/extensions-c/sqlean-fileio.wasm');
-- !! Runtime error near line 10: refusing to load extension sqlean-fileio: it imports wasi:filesystem/types@0.2.6 but no directory was granted: load it with sqlink_load(path, 'fs:DIR') (or fs:DIR:ro); it imports wasi:filesystem/preopens@0.2.6 but no directory was granted: load it with sqlink_load(path, 'fs:DIR') (or fs:DIR:ro)
select sqlink_load('dist/extensions-c/sqlean-fileio.wasm', 'fs:/tmp/sqlink-loader-test-sqlean-files');
-- => loaded sqlean_fileio 0.27.4: 11 functions, 4 virtual table modules (prefix sqlean_fileio__; memory 256 MiB, timeout 5000 ms; granted fs:/tmp/sqlink-loader-test-sqlean-files)
-- => warning: lsmode(1) already exists in SQLite: call sqlean_fileio__lsmode instead, or load with sqlink_load(path, grants, 'pin=lsmode') to take the bare name
-- => warning: readfile(...) already exists in SQLite: call sqlean_fileio__readfile instead, or load with sqlink_load(path, grants, 'pin=readfile') to take the bare name
-- => warning: writefile(...) already exists in SQLite: call sqlean_fileio__writefile instead, or load with sqlink_load(path, grants, 'pin=writefile') to take the bare name
select fileio_write('/tmp/sqlink-loader-test-sqlean-files/hello.txt', 'hello world'), fileio_write('/tmp/sqlink-loader-test-sqlean-files/hello.txt', 'hello world', 436);
select typeof(fileio_read('/tmp/sqlink-loader-test-sqlean-files/hello.txt')), length(fileio_read('/tmp/sqlink-loader-test-sqlean-files/hello.txt'));
create table hello(value text);
insert into hello(value) values ('one'), ('two'), ('three');
select sum(fileio_append('/tmp/sqlink-loader-test-sqlean-files/new/lines.txt', value||char(10))) from hello;
select rowid, value, name from fileio_scan('/tmp/sqlink-loader-test-sqlean-files/new/lines.txt');
select fileio_mkdir('/tmp/sqlink-loader-test-sqlean-files/hellodir') is null, fileio_symlink('hello.txt', '/tmp/sqlink-loader-test-sqlean-files/hello.lnk') is null, length(fileio_read('/tmp/sqlink-loader-test-sqlean-files/hello.lnk'));
select fileio_write('/tmp/sqlink-loader-test-sqlean-files/old.txt', 'hello world', 420, 1639516692);
select name, mode & 61440, mtime, size from fileio_ls('/tmp/sqlink-loader-test-sqlean-files/old.txt');
select name, fileio_mode(mode & 61440) from fileio_ls('/tmp/sqlink-loader-test-sqlean-files', true) order by name;
-- => 11|11
-- => blob|11
-- => 14
-- => 1|one|/tmp/sqlink-loader-test-sqlean-files/new/lines.txt
-- => 2|two|/tmp/sqlink-loader-test-sqlean-files/new/lines.txt
-- => 3|three|/tmp/sqlink-loader-test-sqlean-files/new/lines.txt
-- => 1|1|11
-- => 11
-- => /tmp/sqlink-loader-test-sqlean-files/old.txt|32768|1639516692|11
-- => /tmp/sqlink-loader-test-sqlean-files|d---------
-- => /tmp/sqlink-loader-test-sqlean-files/hello.lnk|l---------
-- => /tmp/sqlink-loader-test-sqlean-files/hello.txt|----------
-- => /tmp/sqlink-loader-test-sqlean-files/hellodir|d---------
-- => /tmp/sqlink-loader-test-sqlean-files/new|d---------
-- => /tmp/sqlink-loader-test-sqlean-files/new/lines.txt|----------
-- => /tmp/sqlink-loader-test-sqlean-files/old.txt|----------
-- => /tmp/sqlink-loader-test-sqlean-files/people.csv|----------
select sqlink_load('dist/extensions-c/sqlean-vsv.wasm', 'fs:/tmp/sqlink-loader-test-sqlean-files');
-- => loaded sqlean_vsv 0.27.4: 1 virtual table module (prefix sqlean_vsv__; memory 256 MiB, timeout 5000 ms; granted fs:/tmp/sqlink-loader-test-sqlean-files)
create virtual table people using vsv(
    filename=/tmp/sqlink-loader-test-sqlean-files/people.csv,
    schema="create table people(id integer, name text, city text)",
    columns=3,
    affinity=integer
);
select * from people;
select typeof(id), typeof(name) from people limit 1;
-- => 11|Diane|London
-- => 22|Grace|Berlin
-- => 33|Alice|Paris
-- => integer|text
