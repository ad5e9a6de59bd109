-- exit: 1
.load dist/extensions/stats.wasm
-- stats_seq as sqlean's stats extension (0.28.2, on Debian's sqlite3
-- 3.40.1) answers: its docs/stats.md examples, its test/stats.sql cases,
-- and its argument handling. Made by gen.sh; under sqlink, errors the
-- extension raises read "stats: " after "error near line N: ".
-- docs/stats.md
select count(*), min(value), max(value), sum(value) from stats_seq(1, 99);
-- => 99|1|99|4950
select * from stats_seq(5, 100, 5);
-- => 5
-- => 10
-- => 15
-- => 20
-- => 25
-- => 30
-- => 35
-- => 40
-- => 45
-- => 50
-- => 55
-- => 60
-- => 65
-- => 70
-- => 75
-- => 80
-- => 85
-- => 90
-- => 95
-- => 100
select count(random()) from stats_seq(1, 20);
-- => 20
select stats_median(value) from stats_seq(1, 99);
-- => 50.0
-- test/stats.sql
select stats_perc(value, 25), stats_p25(value), stats_perc(value, 50), stats_perc(value, 75), stats_p75(value) from stats_seq(1, 99);
-- => 25.5|25.5|50.0|74.5|74.5
select stats_perc(value, 90), stats_p90(value), stats_perc(value, 99), stats_p99(value) from stats_seq(1, 99);
-- => 89.2|89.2|98.02|98.02
select stats_perc(value, 95), stats_p95(value) from stats_seq(1, 100);
-- => 95.05|95.05
select round(stats_stddev(value), 1), round(stats_stddev_samp(value), 1), round(stats_stddev_pop(value), 1) from stats_seq(1, 99);
-- => 28.7|28.7|28.6
select stats_var(value), stats_var_samp(value), round(stats_var_pop(value), 0) from stats_seq(1, 99);
-- => 825.0|825.0|817.0
select count(*), min(value), max(value) from stats_seq(0, 99, 5);
-- => 20|0|95
with tmp as (select * from stats_seq(20) limit 10)
select count(*), min(value), max(value) from tmp;
-- => 10|20|29
-- The alias, defaults, hidden columns, rowids and plans.
select * from generate_series(1, 3);
-- => 1
-- => 2
-- => 3
select value, start, stop, step, rowid from stats_seq(4294967294);
-- => 4294967294|4294967294|4294967295|1|1
-- => 4294967295|4294967294|4294967295|1|2
select value, start, stop, step, rowid from stats_seq(1, 10, -3);
-- => 10|1|10|3|1
-- => 7|1|10|3|2
-- => 4|1|10|3|3
-- => 1|1|10|3|4
select * from stats_seq(1, 3, 0);
-- => 1
-- => 2
-- => 3
select * from stats_seq(NULL, 3);
select * from stats_seq('3', 5.9);
-- => 3
-- => 4
-- => 5
select value, rowid from stats_seq(1, 10, 3) order by value desc;
-- => 10|1
-- => 7|2
-- => 4|3
-- => 1|4
explain query plan select * from stats_seq(1, 10) order by value;
-- => QUERY PLAN
-- => `--SCAN stats_seq VIRTUAL TABLE INDEX 19:
-- start is required; the message names generate_series() either way.
select * from stats_seq;
-- !! Parse error near line 82: first argument to "generate_series()" missing or unusable
select * from generate_series where stop = 3;
-- !! Parse error near line 84: first argument to "generate_series()" missing or unusable
