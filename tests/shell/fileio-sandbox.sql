-- runners: native wasm (needs fs grants, and .shell to make the files)
-- exit: 1
-- What sqlink's sandbox changes in fileio (sqlink-only behaviour; the
-- reference's own answers are in fileio.sql). Only t/ is granted here.
.shell sh tests/shell/data/fileio-fixtures.sh /tmp/sqlink-shell-test-fileio-sandbox
.load dist/extensions/fileio.wasm --grant fs:/tmp/sqlink-shell-test-fileio-sandbox/t
-- WASI has no permission bits: modes hold the file type alone, and perm
-- arguments are refused rather than ignored (fileio_write accepts 0).
select name, mode, fileio_mode(mode) from fileio_ls('/tmp/sqlink-shell-test-fileio-sandbox/t') order by name;
-- => /tmp/sqlink-shell-test-fileio-sandbox/t|16384|d---------
-- => /tmp/sqlink-shell-test-fileio-sandbox/t/a.txt|32768|----------
-- => /tmp/sqlink-shell-test-fileio-sandbox/t/link|40960|l---------
-- => /tmp/sqlink-shell-test-fileio-sandbox/t/sub|16384|d---------
select fileio_write('/tmp/sqlink-shell-test-fileio-sandbox/t/w.txt', 'x', 420);
-- !! Runtime error near line 14: failed to write file: /tmp/sqlink-shell-test-fileio-sandbox/t/w.txt (permission bits cannot be set in the sandbox: leave perm out)
select fileio_write('/tmp/sqlink-shell-test-fileio-sandbox/t/w.txt', 'x', 0), fileio_write('/tmp/sqlink-shell-test-fileio-sandbox/t/new/dir/w.txt', 'yz');
-- => 1|2
select fileio_mkdir('/tmp/sqlink-shell-test-fileio-sandbox/t/m', 493);
-- !! Runtime error near line 18: failed to create directory: /tmp/sqlink-shell-test-fileio-sandbox/t/m (permission bits cannot be set in the sandbox: leave perm out)
select fileio_mkdir('/tmp/sqlink-shell-test-fileio-sandbox/t/m') is null, fileio_mkdir('/tmp/sqlink-shell-test-fileio-sandbox/t/m') is null;
-- => 1|1
select name, size from fileio_ls('/tmp/sqlink-shell-test-fileio-sandbox/t/new', 1) where mode & 61440 = 32768;
-- => /tmp/sqlink-shell-test-fileio-sandbox/t/new/dir/w.txt|2
-- Outside the granted directory: an error saying so, where a missing
-- file would give NULL or no rows (relative paths start at /).
select fileio_read('/tmp/sqlink-shell-test-fileio-sandbox/hello.txt');
-- !! Runtime error near line 26: failed to read file: /tmp/sqlink-shell-test-fileio-sandbox/hello.txt (not in a directory granted to this extension)
select fileio_read('hello.txt');
-- !! Runtime error near line 28: failed to read file: hello.txt (not in a directory granted to this extension; relative paths start at /, use an absolute path)
select fileio_read('/tmp/sqlink-shell-test-fileio-sandbox/t/../hello.txt');
-- !! Runtime error near line 30: failed to read file: /tmp/sqlink-shell-test-fileio-sandbox/t/../hello.txt (not permitted in the sandbox: the path leaves the granted directory through ..)
select fileio_write('/tmp/sqlink-shell-test-fileio-sandbox/x.txt', 'x');
-- !! Runtime error near line 32: failed to write file: /tmp/sqlink-shell-test-fileio-sandbox/x.txt (not in a directory granted to this extension)
select fileio_append('/tmp/sqlink-shell-test-fileio-sandbox/x.txt', 'x');
-- !! Runtime error near line 34: failed to open file: /tmp/sqlink-shell-test-fileio-sandbox/x.txt (not in a directory granted to this extension)
select fileio_mkdir('/tmp/sqlink-shell-test-fileio-sandbox/x');
-- !! Runtime error near line 36: failed to create directory: /tmp/sqlink-shell-test-fileio-sandbox/x (not in a directory granted to this extension)
select fileio_symlink('hello.txt', '/tmp/sqlink-shell-test-fileio-sandbox/x.lnk');
-- !! Runtime error near line 38: failed to create symlink to: hello.txt (not in a directory granted to this extension)
select * from fileio_ls('/tmp/sqlink-shell-test-fileio-sandbox');
-- !! Runtime error near line 40: cannot list /tmp/sqlink-shell-test-fileio-sandbox: not in a directory granted to this extension
select * from fileio_scan('/tmp/sqlink-shell-test-fileio-sandbox/s1.txt');
-- !! Runtime error near line 42: cannot open '/tmp/sqlink-shell-test-fileio-sandbox/s1.txt' for reading: not in a directory granted to this extension
select * from fileio_ls('/tmp/sqlink-shell-test-fileio-sandbox/t/../ro');
-- !! Runtime error near line 44: cannot list /tmp/sqlink-shell-test-fileio-sandbox/t/../ro: not permitted in the sandbox: the path leaves the granted directory through ..
select * from fileio_scan('/tmp/sqlink-shell-test-fileio-sandbox/t/../s1.txt');
-- !! Runtime error near line 46: cannot open '/tmp/sqlink-shell-test-fileio-sandbox/t/../s1.txt' for reading: not permitted in the sandbox: the path leaves the granted directory through ..
-- Inside it, missing files are as in sqlean.
select fileio_read('/tmp/sqlink-shell-test-fileio-sandbox/t/nope') is null, (select count(*) from fileio_ls('/tmp/sqlink-shell-test-fileio-sandbox/t/nope'));
-- => 1|0
-- Links: targets must be relative; a failure is an error (sqlean ignores it).
select fileio_symlink('/tmp/sqlink-shell-test-fileio-sandbox/t/a.txt', '/tmp/sqlink-shell-test-fileio-sandbox/t/abs.lnk');
-- !! Runtime error near line 52: failed to create symlink to: /tmp/sqlink-shell-test-fileio-sandbox/t/a.txt (not permitted in the sandbox: link targets must be relative paths)
select fileio_symlink('a.txt', '/tmp/sqlink-shell-test-fileio-sandbox/t/link');
-- !! Runtime error near line 54: failed to create symlink to: a.txt
select fileio_symlink('a.txt', '/tmp/sqlink-shell-test-fileio-sandbox/t/a.lnk') is null, cast(fileio_read('/tmp/sqlink-shell-test-fileio-sandbox/t/a.lnk') as text);
-- => 1|ab
-- Nothing is deterministic, and what touches files is DIRECTONLY.
create view v as select fileio_read('/tmp/sqlink-shell-test-fileio-sandbox/t/a.txt');
select * from v;
-- !! Parse error near line 60: unsafe use of fileio_read()
