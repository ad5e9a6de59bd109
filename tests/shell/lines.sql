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
-- => v0.2.2|Version: v0.2.2|2
--
-- lines(document[, delimiter])
select rowid, line, quote(document), hex(delimiter) from lines('a' || char(10) || 'b' || char(10) || 'c');
-- => 1|a|''|0A
-- => 2|b|''|0A
-- => 3|c|''|0A
select rowid, line from lines('a
b
');
-- => 1|a
-- => 2|b
select rowid, quote(line) from lines(char(10));
-- => 1|''
select a.rowid, a.line, b.rowid, quote(b.line) from lines('a,b,', ',') as a, lines(',', ',') as b;
-- => 1|a|1|''
-- => 2|b|1|''
select line from lines(12.5, '.');
-- => 12
-- => 5
select line from lines('a,b', 1);
-- => a,b
select count(*) from lines(''), lines(null);
-- => 0
select rowid, hex(line) from lines('a' || char(13) || char(10) || 'b' || char(13));
-- => 1|61
-- => 2|620D
select rowid, hex(line) from lines('a' || char(13) || char(13) || char(10) || char(13) || char(10) || char(10));
-- => 1|610D
-- => 2|
-- => 3|
select rowid, hex(line) from lines('a' || char(13) || ',b', ',');
-- => 1|610D
-- => 2|62
select rowid, hex(line) from lines('a' || char(13) || 'b' || char(13) || char(10), char(13));
-- => 1|61
-- => 2|62
-- => 3|0A
select rowid, hex(line), typeof(line) from lines(x'ff0a00fe');
-- => 1|FF|text
-- => 2|00FE|text
select hex(line), length(line) from lines(x'610062');
-- => 610062|1
select line from lines('a,b') where delimiter = ',';
-- => a
-- => b
select line, json_extract(line, '$.id') from lines('{"id": 1}' || char(10) || '{"id": 2}');
-- => {"id": 1}|1
-- => {"id": 2}|2
--
-- rowid = N reads up to line N (a C int; below 1 is line 1).
select rowid, line from lines('a
b
c') where rowid = 2;
-- => 2|b
select rowid, line from lines('a
b
c') where rowid = 0;
-- => 1|a
select line from lines('a
b
c') where rowid = '3';
-- => c
select line from lines('a
b
c') where rowid = 4294967298;
-- => b
-- Past the end: sqlite-lines fails only when line is read (here 5), sqlink
-- always (see the lines crate's doc).
select rowid from lines('a
b
c') where rowid = 5;
-- !! Runtime error near line 80: line 5 has a size of -1 bytes, but SQLITE_LIMIT_LENGTH is 1000000000
select rowid, line from lines('a
b
c') where rowid = 5;
-- !! Runtime error near line 84: line 5 has a size of -1 bytes, but SQLITE_LIMIT_LENGTH is 1000000000
select rowid, line from lines('a
b') where rowid > 1;
-- => 2|b
explain query plan select line from lines('a') where rowid = 1;
-- => QUERY PLAN
-- => `--SCAN lines VIRTUAL TABLE INDEX 2:RP0
explain query plan select line from lines('a', ',') where rowid = 1;
-- => QUERY PLAN
-- => `--SCAN lines VIRTUAL TABLE INDEX 2:RPD
explain query plan select line from lines('a');
-- => QUERY PLAN
-- => `--SCAN lines VIRTUAL TABLE INDEX 1:P00
--
-- Errors.
select * from lines;
-- !! Parse error near line 102: path argument is required
select * from lines where delimiter = ',';
-- !! Parse error near line 104: path argument is required
select * from lines('a,b', null);
-- !! Runtime error near line 106: Delimiter must be 1 character long, got 0 characters
select * from lines('aébé', 'é');
-- !! Runtime error near line 108: Delimiter must be 1 character long, got 2 characters
select * from lines('axxb', 'xx');
-- !! Runtime error near line 110: Delimiter must be 1 character long, got 2 characters
select * from lines('a,b') where delimiter > ',';
-- !! Parse error near line 112: no query solution
--
-- lines_read(path[, delimiter]), streamed.
select rowid, path, hex(delimiter), line from lines_read('/tmp/sqlink-shell-test-lines/test.txt');
-- => 1|/tmp/sqlink-shell-test-lines/test.txt|0A|line1
-- => 2|/tmp/sqlink-shell-test-lines/test.txt|0A|line numba 2
-- => 3|/tmp/sqlink-shell-test-lines/test.txt|0A|line 3 baby
select rowid, line from lines_read('/tmp/sqlink-shell-test-lines/crlf.txt');
-- => 1|aaa
-- => 2|bbb
-- => 3|ccc
select rowid, line from lines_read('/tmp/sqlink-shell-test-lines/pipe.txt', '|');
-- => 1|a
-- => 2|b
-- => 3|c
-- => 4|d
-- => 5|yo
select line from lines_read('/tmp/sqlink-shell-test-lines/with space.txt');
-- => x1!
select rowid, hex(line), length(line) from lines_read('/tmp/sqlink-shell-test-lines/bytes.txt');
-- => 1|6F6E650074776F|3
-- => 2|FFFE|2
-- => 3||0
select count(*) from lines_read('/tmp/sqlink-shell-test-lines/empty.txt'), lines_read('/tmp/sqlink-shell-test-lines/dir');
-- => 0
select count(*), sum(line), max(rowid) from lines_read('/tmp/sqlink-shell-test-lines/big.txt');
-- => 200000|20000100000|200000
select rowid, line from lines_read('/tmp/sqlink-shell-test-lines/big.txt') where rowid = 199999;
-- => 199999|199999
select line from lines_read(cast('/tmp/sqlink-shell-test-lines/test.txt' as blob)) where rowid = 3;
-- => line 3 baby
select rowid, line from lines_read('/tmp/sqlink-shell-test-lines/test.txt') where rowid = 9;
-- !! Runtime error near line 144: line 9 has a size of -1 bytes, but SQLITE_LIMIT_LENGTH is 1000000000
explain query plan select line from lines_read('/tmp/sqlink-shell-test-lines/test.txt');
-- => QUERY PLAN
-- => `--SCAN lines_read VIRTUAL TABLE INDEX 1:P00
select * from lines_read('/tmp/sqlink-shell-test-lines/nope.txt');
-- !! Runtime error near line 149: Error reading /tmp/sqlink-shell-test-lines/nope.txt: No such file or directory
select * from lines_read('');
-- !! Runtime error near line 151: Error reading : No such file or directory
select * from lines_read(null);
-- !! Runtime error near line 153: path is null
select * from lines_read('/tmp/sqlink-shell-test-lines/test.txt', 'xx');
-- !! Runtime error near line 155: Delimiter must be 1 character long, got 2 characters
select * from lines_read;
-- !! Parse error near line 157: path argument is required
