-- exit: 1
.load dist/extensions/series.wasm
-- generate_series as Debian's sqlite3 3.40.1 (SQLite's ext/misc/series.c,
-- built into its shell) answers. Made by gen.sh; under sqlink, errors the
-- extension raises read "series: " after "error near line N: ".
select * from generate_series(1,10,3);
-- => 1
-- => 4
-- => 7
-- => 10
select * from generate_series(10,1,-2);
select * from generate_series(4294967293);
-- => 4294967293
-- => 4294967294
-- => 4294967295
select count(*) from generate_series(4294967200);
-- => 96
select * from generate_series(1,10,-3);
-- => 10
-- => 7
-- => 4
-- => 1
select * from generate_series(1,3,0);
-- => 1
-- => 2
-- => 3
select * from generate_series(-5,5,3);
-- => -5
-- => -2
-- => 1
-- => 4
select * from generate_series(5,1);
select * from generate_series(1,1);
-- => 1
-- Any NULL argument: no rows.
select * from generate_series(NULL,3);
select * from generate_series(1,NULL);
select * from generate_series(1,3,NULL);
-- Arguments read as sqlite3_value_int64 reads them.
select * from generate_series('3', 5.9);
-- => 3
-- => 4
-- => 5
select * from generate_series(' 7abc', '9.99', '1e5');
-- => 7
-- => 8
-- => 9
select * from generate_series(x'3132', 14);
-- => 12
-- => 13
-- => 14
select * from generate_series('abc', 2);
-- => 0
-- => 1
-- => 2
-- The 64-bit range: saturated arguments, wrapping steps.
select * from generate_series(9223372036854775800, 9223372036854775807, 3) limit 5;
-- => 9223372036854775800
-- => 9223372036854775803
-- => 9223372036854775806
-- => -9223372036854775807
-- => -9223372036854775804
select * from generate_series(-9223372036854775808, -9223372036854775806);
-- => -9223372036854775808
-- => -9223372036854775807
-- => -9223372036854775806
select * from generate_series(9223372036854775806, 9223372036854775807) limit 4;
-- => 9223372036854775806
-- => 9223372036854775807
-- => -9223372036854775808
-- => -9223372036854775807
select * from generate_series('99999999999999999999', 1) limit 2;
select * from generate_series(-1e300, -9223372036854775807);
-- => -9223372036854775808
-- => -9223372036854775807
select value, step from generate_series(0, 10, -9223372036854775808) limit 3;
-- => 10|-9223372036854775808
-- Hidden columns and rowids.
select value, start, stop, step, rowid from generate_series(2,8,2);
-- => 2|2|8|2|1
-- => 4|2|8|2|2
-- => 6|2|8|2|3
-- => 8|2|8|2|4
select value, start, stop, step, rowid from generate_series(1,10,-3);
-- => 10|1|10|3|1
-- => 7|1|10|3|2
-- => 4|1|10|3|3
-- => 1|1|10|3|4
select value, start, stop, step from generate_series(5) limit 2;
-- => 5|5|4294967295|1
-- => 6|5|4294967295|1
-- ORDER BY value is served by the table when start and stop are given.
select value, rowid from generate_series(1,10,3) order by value desc;
-- => 10|1
-- => 7|2
-- => 4|3
-- => 1|4
select value, rowid from generate_series(1,10,-3) order by value asc;
-- => 1|1
-- => 4|2
-- => 7|3
-- => 10|4
select * from generate_series(3,10,4) order by value desc;
-- => 7
-- => 3
select * from generate_series(1,5) order by value desc limit 2;
-- => 5
-- => 4
explain query plan select * from generate_series(1,10);
-- => QUERY PLAN
-- => `--SCAN generate_series VIRTUAL TABLE INDEX 3:
explain query plan select * from generate_series(1,10,2);
-- => QUERY PLAN
-- => `--SCAN generate_series VIRTUAL TABLE INDEX 7:
explain query plan select * from generate_series(1,10) order by value desc;
-- => QUERY PLAN
-- => `--SCAN generate_series VIRTUAL TABLE INDEX 11:
explain query plan select * from generate_series(1,10) order by value;
-- => QUERY PLAN
-- => `--SCAN generate_series VIRTUAL TABLE INDEX 19:
explain query plan select * from generate_series(1) order by value;
-- => QUERY PLAN
-- => |--SCAN generate_series VIRTUAL TABLE INDEX 1:
-- => `--USE TEMP B-TREE FOR ORDER BY
-- Constraints on the hidden columns are the arguments.
select * from generate_series where start = 2 and stop = 4;
-- => 2
-- => 3
-- => 4
select * from generate_series(1,10) where value > 7;
-- => 8
-- => 9
-- => 10
select a.value, b.value from generate_series(1,2) a, generate_series(a.value, 3) b;
-- => 1|1
-- => 1|2
-- => 1|3
-- => 2|2
-- => 2|3
-- start is required.
select * from generate_series;
-- !! Parse error near line 141: first argument to "generate_series()" missing or unusable
select * from generate_series where stop = 3;
-- !! Parse error near line 143: first argument to "generate_series()" missing or unusable
