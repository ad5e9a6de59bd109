-- runners: native wasm (needs an fs grant, and .shell to make the files)
-- exit: 1
-- What sqlink's sandbox changes in lines (sqlink-only behaviour; the
-- reference's own answers are in lines.sql). Only dir/ is granted here.
.shell sh tests/shell/data/lines-fixtures.sh /tmp/sqlink-shell-test-lines-sandbox
.load dist/extensions/lines.wasm
-- !! Error: refusing to load extension lines: it imports wasi:filesystem/types@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro); it imports wasi:filesystem/preopens@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro)
.load dist/extensions/lines.wasm --grant fs:/tmp/sqlink-shell-test-lines-sandbox/dir:ro
select rowid, line from lines('a' || char(10) || 'b');
-- => 1|a
-- => 2|b
select * from lines_read('/tmp/sqlink-shell-test-lines-sandbox/test.txt');
-- !! Runtime error near line 12: Error reading /tmp/sqlink-shell-test-lines-sandbox/test.txt: not in a directory granted to this extension
select * from lines_read('test.txt');
-- !! Runtime error near line 14: Error reading test.txt: not in a directory granted to this extension; relative paths start at /, use an absolute path
select * from lines_read('/tmp/sqlink-shell-test-lines-sandbox/dir/../test.txt');
-- !! Runtime error near line 16: Error reading /tmp/sqlink-shell-test-lines-sandbox/dir/../test.txt: not permitted in the sandbox: the path leaves the granted directory through ..
select count(*) from lines_read('/tmp/sqlink-shell-test-lines-sandbox/dir');
-- => 0
select * from lines_read('/tmp/sqlink-shell-test-lines-sandbox/dir/nope.txt');
-- !! Runtime error near line 20: Error reading /tmp/sqlink-shell-test-lines-sandbox/dir/nope.txt: No such file or directory
-- The tables are DIRECTONLY once anything is granted.
create view v as select * from lines('a');
select * from v;
-- !! Parse error near line 24: unsafe use of virtual table "lines"
