-- exit: 1
.load dist/extensions/series.wasm
-- generate_series as Debian's sqlite3 3.40.1 (SQLite's ext/misc/series.c,
-- built into its shell) answers. Made by gen.sh; under sqlink, errors the
-- extension raises read "series: " after "error near line N: ".
select * from generate_series(1,10,3);
-- @
select * from generate_series(10,1,-2);
-- @
select * from generate_series(4294967293);
-- @
select count(*) from generate_series(4294967200);
-- @
select * from generate_series(1,10,-3);
-- @
select * from generate_series(1,3,0);
-- @
select * from generate_series(-5,5,3);
-- @
select * from generate_series(5,1);
-- @
select * from generate_series(1,1);
-- @
-- Any NULL argument: no rows.
select * from generate_series(NULL,3);
-- @
select * from generate_series(1,NULL);
-- @
select * from generate_series(1,3,NULL);
-- @
-- Arguments read as sqlite3_value_int64 reads them.
select * from generate_series('3', 5.9);
-- @
select * from generate_series(' 7abc', '9.99', '1e5');
-- @
select * from generate_series(x'3132', 14);
-- @
select * from generate_series('abc', 2);
-- @
-- The 64-bit range: saturated arguments, wrapping steps.
select * from generate_series(9223372036854775800, 9223372036854775807, 3) limit 5;
-- @
select * from generate_series(-9223372036854775808, -9223372036854775806);
-- @
select * from generate_series(9223372036854775806, 9223372036854775807) limit 4;
-- @
select * from generate_series('99999999999999999999', 1) limit 2;
-- @
select * from generate_series(-1e300, -9223372036854775807);
-- @
select value, step from generate_series(0, 10, -9223372036854775808) limit 3;
-- @
-- Hidden columns and rowids.
select value, start, stop, step, rowid from generate_series(2,8,2);
-- @
select value, start, stop, step, rowid from generate_series(1,10,-3);
-- @
select value, start, stop, step from generate_series(5) limit 2;
-- @
-- ORDER BY value is served by the table when start and stop are given.
select value, rowid from generate_series(1,10,3) order by value desc;
-- @
select value, rowid from generate_series(1,10,-3) order by value asc;
-- @
select * from generate_series(3,10,4) order by value desc;
-- @
select * from generate_series(1,5) order by value desc limit 2;
-- @
explain query plan select * from generate_series(1,10);
-- @
explain query plan select * from generate_series(1,10,2);
-- @
explain query plan select * from generate_series(1,10) order by value desc;
-- @
explain query plan select * from generate_series(1,10) order by value;
-- @
explain query plan select * from generate_series(1) order by value;
-- @
-- Constraints on the hidden columns are the arguments.
select * from generate_series where start = 2 and stop = 4;
-- @
select * from generate_series(1,10) where value > 7;
-- @
select a.value, b.value from generate_series(1,2) a, generate_series(a.value, 3) b;
-- @
-- start is required.
select * from generate_series;
-- @
select * from generate_series where stop = 3;
-- @
