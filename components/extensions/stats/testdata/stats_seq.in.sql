-- exit: 1
.load dist/extensions/stats.wasm
-- stats_seq as sqlean's stats extension (0.28.2, on Debian's sqlite3
-- 3.40.1) answers: its docs/stats.md examples, its test/stats.sql cases,
-- and its argument handling. Made by gen.sh; under sqlink, errors the
-- extension raises read "stats: " after "error near line N: ".
-- docs/stats.md
select count(*), min(value), max(value), sum(value) from stats_seq(1, 99);
-- @
select * from stats_seq(5, 100, 5);
-- @
select count(random()) from stats_seq(1, 20);
-- @
select stats_median(value) from stats_seq(1, 99);
-- @
-- test/stats.sql
select stats_perc(value, 25), stats_p25(value), stats_perc(value, 50), stats_perc(value, 75), stats_p75(value) from stats_seq(1, 99);
-- @
select stats_perc(value, 90), stats_p90(value), stats_perc(value, 99), stats_p99(value) from stats_seq(1, 99);
-- @
select stats_perc(value, 95), stats_p95(value) from stats_seq(1, 100);
-- @
select round(stats_stddev(value), 1), round(stats_stddev_samp(value), 1), round(stats_stddev_pop(value), 1) from stats_seq(1, 99);
-- @
select stats_var(value), stats_var_samp(value), round(stats_var_pop(value), 0) from stats_seq(1, 99);
-- @
select count(*), min(value), max(value) from stats_seq(0, 99, 5);
-- @
with tmp as (select * from stats_seq(20) limit 10)
select count(*), min(value), max(value) from tmp;
-- @
-- The alias, defaults, hidden columns, rowids and plans.
select * from generate_series(1, 3);
-- @
select value, start, stop, step, rowid from stats_seq(4294967294);
-- @
select value, start, stop, step, rowid from stats_seq(1, 10, -3);
-- @
select * from stats_seq(1, 3, 0);
-- @
select * from stats_seq(NULL, 3);
-- @
select * from stats_seq('3', 5.9);
-- @
select value, rowid from stats_seq(1, 10, 3) order by value desc;
-- @
explain query plan select * from stats_seq(1, 10) order by value;
-- @
-- start is required; the message names generate_series() either way.
select * from stats_seq;
-- @
select * from generate_series where stop = 3;
-- @
