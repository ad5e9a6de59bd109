-- runners: native wasm (needs an fs grant, and .shell to make the files)
-- exit: 1
.shell sh tests/shell/data/lines-fixtures.sh /tmp/sqlink-shell-test-lines
.load dist/extensions/lines.wasm --grant fs:/tmp/sqlink-shell-test-lines:ro
-- Every table and function of lines, as sqlite-lines v0.2.2 (built from
-- commit 7d21410, loaded into Debian's sqlite3 3.40.1) answers:
-- components/extensions/lines/testdata/lines.sql, made by gen.sh there.
-- tests/shell/lines.sql is the same run through sqlink, whose errors from
-- an extension read "lines: " after "error near line N: ".
select lines_version(), substr(lines_debug(), 1, instr(lines_debug(), char(10)) - 1), length(lines_debug()) - length(replace(lines_debug(), char(10), ''));
-- @
--
-- lines(document[, delimiter])
select rowid, line, quote(document), hex(delimiter) from lines('a' || char(10) || 'b' || char(10) || 'c');
-- @
select rowid, line from lines('a
b
');
-- @
select rowid, quote(line) from lines(char(10));
-- @
select a.rowid, a.line, b.rowid, quote(b.line) from lines('a,b,', ',') as a, lines(',', ',') as b;
-- @
select line from lines(12.5, '.');
-- @
select line from lines('a,b', 1);
-- @
select count(*) from lines(''), lines(null);
-- @
select rowid, hex(line) from lines('a' || char(13) || char(10) || 'b' || char(13));
-- @
select rowid, hex(line) from lines('a' || char(13) || char(13) || char(10) || char(13) || char(10) || char(10));
-- @
select rowid, hex(line) from lines('a' || char(13) || ',b', ',');
-- @
select rowid, hex(line) from lines('a' || char(13) || 'b' || char(13) || char(10), char(13));
-- @
select rowid, hex(line), typeof(line) from lines(x'ff0a00fe');
-- @
select hex(line), length(line) from lines(x'610062');
-- @
select line from lines('a,b') where delimiter = ',';
-- @
select line, json_extract(line, '$.id') from lines('{"id": 1}' || char(10) || '{"id": 2}');
-- @
--
-- rowid = N reads up to line N (a C int; below 1 is line 1).
select rowid, line from lines('a
b
c') where rowid = 2;
-- @
select rowid, line from lines('a
b
c') where rowid = 0;
-- @
select line from lines('a
b
c') where rowid = '3';
-- @
select line from lines('a
b
c') where rowid = 4294967298;
-- @
-- Past the end: sqlite-lines fails only when line is read (here 5), sqlink
-- always (see the lines crate's doc).
select rowid from lines('a
b
c') where rowid = 5;
-- @
select rowid, line from lines('a
b
c') where rowid = 5;
-- @
select rowid, line from lines('a
b') where rowid > 1;
-- @
explain query plan select line from lines('a') where rowid = 1;
-- @
explain query plan select line from lines('a', ',') where rowid = 1;
-- @
explain query plan select line from lines('a');
-- @
--
-- Errors.
select * from lines;
-- @
select * from lines where delimiter = ',';
-- @
select * from lines('a,b', null);
-- @
select * from lines('aébé', 'é');
-- @
select * from lines('axxb', 'xx');
-- @
select * from lines('a,b') where delimiter > ',';
-- @
--
-- lines_read(path[, delimiter]), streamed.
select rowid, path, hex(delimiter), line from lines_read('/tmp/sqlink-shell-test-lines/test.txt');
-- @
select rowid, line from lines_read('/tmp/sqlink-shell-test-lines/crlf.txt');
-- @
select rowid, line from lines_read('/tmp/sqlink-shell-test-lines/pipe.txt', '|');
-- @
select line from lines_read('/tmp/sqlink-shell-test-lines/with space.txt');
-- @
select rowid, hex(line), length(line) from lines_read('/tmp/sqlink-shell-test-lines/bytes.txt');
-- @
select count(*) from lines_read('/tmp/sqlink-shell-test-lines/empty.txt'), lines_read('/tmp/sqlink-shell-test-lines/dir');
-- @
select count(*), sum(line), max(rowid) from lines_read('/tmp/sqlink-shell-test-lines/big.txt');
-- @
select rowid, line from lines_read('/tmp/sqlink-shell-test-lines/big.txt') where rowid = 199999;
-- @
select line from lines_read(cast('/tmp/sqlink-shell-test-lines/test.txt' as blob)) where rowid = 3;
-- @
select rowid, line from lines_read('/tmp/sqlink-shell-test-lines/test.txt') where rowid = 9;
-- @
explain query plan select line from lines_read('/tmp/sqlink-shell-test-lines/test.txt');
-- @
select * from lines_read('/tmp/sqlink-shell-test-lines/nope.txt');
-- @
select * from lines_read('');
-- @
select * from lines_read(null);
-- @
select * from lines_read('/tmp/sqlink-shell-test-lines/test.txt', 'xx');
-- @
select * from lines_read;
-- @
