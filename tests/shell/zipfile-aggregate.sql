-- runners: native wasm (the extension needs a directory granted; the composed build has no zipfile)
-- exit: 1
.load dist/extensions/zipfile.wasm --grant fs:/tmp
-- The zipfile() aggregate as Debian's sqlite3 3.40.1 (SQLite's zipfile.c,
-- built into its shell) answers: the archives' bytes, and errors. Made by
-- components/extensions/zipfile/testdata/gen.sh from aggregate.in.sql.
select hex(zipfile('a.txt', 420, 1000000000, 'hello'));
-- => 504B0304140000080000D40D292B86A61036050000000500000005000900612E747874555405000100CA9A3B68656C6C6F504B01021E03140000080000D40D292B86A610360500000005000000050009000000000000000000A40100000000612E747874555405000100CA9A3B504B050600000000010001003C000000310000000000
with t(name, mode, mtime, data) as (values ('d', NULL, 1500000000, NULL), ('d/a', '-rw-------', 1500000001, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'))
select hex(zipfile(name, mode, mtime, data)) from t;
-- => 504B03041400000800000015EE4A00000000000000000000000002000900642F5554050001002F6859504B03041400000808000015EE4AC27C76C4050000002400000003000900642F615554050001012F68594B4C240C00504B01021E031400000800000015EE4A000000000000000000000000020009000000000000000000ED4100000000642F5554050001002F6859504B01021E031400000808000015EE4AC27C76C40500000024000000030009000000000000000000808129000000642F615554050001012F6859504B0506000000000200020073000000580000000000
select hex(zipfile(column1, column2, column3, column4, column5)) from (values ('s', NULL, 0, 'hello', 8), ('t', 'lrwxrwxrwx', 4294967295, 'target', 0));
-- => 504B03041400000808000000000086A6103607000000050000000100090073555405000100000000CB48CDC9C90700504B0304140000080000873347FCFC2F6F46060000000600000001000900745554050001FFFFFFFF746172676574504B01021E031400000808000000000086A610360700000005000000010009000000000000000000A4810000000073555405000100000000504B01021E03140000080000873347FCFC2F6F460600000006000000010009000000000000000000FFA12F000000745554050001FFFFFFFF504B05060000000002000200700000005D0000000000
-- No rows: NULL.
select quote(zipfile('a', 'b')) from (select 1 where 0);
-- => NULL
select typeof(zipfile('a', NULL, 0, 'b'));
-- => blob
-- Read back: modes, times, sizes, methods, the data.
select name, mode, mtime, sz, method, quote(data) from zipfile((select zipfile(column1, column2, column3, column4) from (values ('dir', NULL, 1600000000, NULL), ('dir/f.txt', '-rw-r-----', 1600000001, 'some text some text some text some text'), ('dir/e', NULL, 1600000002, x''))));
-- => dir/|16877|1600000000|0|0|NULL
-- => dir/f.txt|33184|1600000001|39|8|X'736F6D65207465787420736F6D65207465787420736F6D65207465787420736F6D652074657874'
-- => dir/e|33188|1600000002|0|0|X''
-- Two arguments: default mode, and the time is now.
select name, mode, mtime > 1700000000, sz from zipfile((select zipfile('n.txt', 'now')));
-- => n.txt|33188|1|3
select name, mode from zipfile((select zipfile('d', NULL)));
-- => d/|16877
-- Errors.
select zipfile('a', 'bad', 0, 'x');
-- !! Runtime error near line 30: zipfile: parse error in mode: bad
select zipfile('a', 'drwxr-xr-x', 0, 'x');
-- !! Runtime error near line 32: zipfile: mode does not match data
select zipfile('a', 420, 0, NULL);
-- !! Runtime error near line 34: zipfile: mode does not match data
select zipfile('a/', 420, 0, 'x');
-- !! Runtime error near line 36: non-directory name must not end with /
select zipfile('a', 420, 0, 'x', 7);
-- !! Runtime error near line 38: illegal method value: 7
select zipfile(NULL, 420, 0, 'x');
-- !! Runtime error near line 40: first argument to zipfile() must be non-NULL
select zipfile('a', 420, 0);
-- !! Runtime error near line 42: wrong number of arguments to function zipfile()
select zipfile();
-- !! Runtime error near line 44: wrong number of arguments to function zipfile()
with t(name) as (values ('a'), ('b/')) select zipfile(name, NULL, 0, 'x') from t;
-- !! Runtime error near line 46: non-directory name must not end with /
