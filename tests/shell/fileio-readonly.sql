-- runners: native wasm (needs fs grants, and .shell to make the files)
-- exit: 1
-- fileio under a read-only grant (sqlink-only behaviour): reading and
-- listing work, every change fails saying why. Without a grant the
-- extension does not load.
.shell sh tests/shell/data/fileio-fixtures.sh /tmp/sqlink-shell-test-fileio-readonly
.load dist/extensions/fileio.wasm
-- !! Error: refusing to load extension fileio: it imports wasi:filesystem/types@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro); it imports wasi:filesystem/preopens@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro)
.load dist/extensions/fileio.wasm --grant fs:/tmp/sqlink-shell-test-fileio-readonly:ro
select cast(fileio_read('/tmp/sqlink-shell-test-fileio-readonly/hello.txt') as text), (select count(*) from fileio_ls('/tmp/sqlink-shell-test-fileio-readonly/t', 1));
-- => hello world|6
select value from fileio_scan('/tmp/sqlink-shell-test-fileio-readonly/s1.txt');
-- => one
-- => two
-- => thr
select fileio_write('/tmp/sqlink-shell-test-fileio-readonly/hello.txt', 'x');
-- !! Runtime error near line 16: failed to write file: /tmp/sqlink-shell-test-fileio-readonly/hello.txt (not permitted in the sandbox: the directory is granted read-only)
select fileio_write('/tmp/sqlink-shell-test-fileio-readonly/new.txt', 'x', 0);
-- !! Runtime error near line 18: failed to write file: /tmp/sqlink-shell-test-fileio-readonly/new.txt (not permitted in the sandbox: the directory is granted read-only)
select fileio_write('/tmp/sqlink-shell-test-fileio-readonly/new/dir/x.txt', 'x');
-- !! Runtime error near line 20: failed to write file: /tmp/sqlink-shell-test-fileio-readonly/new/dir/x.txt (not permitted in the sandbox: the directory is granted read-only)
select fileio_append('/tmp/sqlink-shell-test-fileio-readonly/hello.txt', 'x');
-- !! Runtime error near line 22: failed to open file: /tmp/sqlink-shell-test-fileio-readonly/hello.txt (not permitted in the sandbox: the directory is granted read-only)
select fileio_mkdir('/tmp/sqlink-shell-test-fileio-readonly/d');
-- !! Runtime error near line 24: failed to create directory: /tmp/sqlink-shell-test-fileio-readonly/d (not permitted in the sandbox: the directory is granted read-only)
select fileio_symlink('hello.txt', '/tmp/sqlink-shell-test-fileio-readonly/l');
-- !! Runtime error near line 26: failed to create symlink to: hello.txt (not permitted in the sandbox: the directory is granted read-only)
select cast(fileio_read('/tmp/sqlink-shell-test-fileio-readonly/hello.txt') as text), (select count(*) from fileio_ls('/tmp/sqlink-shell-test-fileio-readonly', 1));
-- => hello world|17
