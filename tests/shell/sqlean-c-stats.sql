-- runners: native wasm (the C builds are not baked into the composed build)
-- exit: 1
-- sqlean's stats module with its full init (stats_init: the aggregates and
-- generate_series, alias stats_seq, a virtual table run by the module's own
-- xBestIndex/xFilter through the compatibility layer), compiled unchanged
-- by `make c-sqlean`. The queries are sqlean.py's README example and
-- sqlean's docs/stats.md examples; the values are those of the same source
-- compiled natively and loaded into Debian's sqlite3, and Python's
-- statistics module agrees (stdev, pstdev, variance, median).
.load dist/extensions-c/sqlean-stats.wasm
select median(value) from generate_series(1, 99);
-- => 50.0
select count(*), min(value), max(value), sum(value) from generate_series(1, 99);
-- => 99|1|99|4950
select * from generate_series(5, 100, 5);
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
select count(random()), count(distinct typeof(random())) from generate_series(1, 20);
-- => 20|1
select value from generate_series(1) limit 3;
-- => 1
-- => 2
-- => 3
select value from stats_seq(1, 10, 3);
-- => 1
-- => 4
-- => 7
-- => 10
select start, stop, step from generate_series(1, 3) limit 1;
-- => 1|3|1
select stddev(value), stddev_pop(value), variance(value), var_pop(value) from generate_series(1, 10);
-- => 3.02765035409749|2.87228132326901|9.16666666666667|8.25
select percentile(value, 25), percentile_25(value), percentile_75(value), percentile_90(value), percentile_95(value), percentile_99(value) from generate_series(1, 99);
-- => 25.5|25.5|74.5|89.2|94.1|98.02
select median(x) from (select 3 as x union all select null union all select 1 union all select 2 union all select 10);
-- => 2.5
select median(x) is null, stddev(x) is null from (select 1 as x where 0);
-- => 1|0
select n, median(v) from (select value % 3 as n, value as v from generate_series(1, 20)) group by n order by n;
-- => 0|10.5
-- => 1|10.0
-- => 2|11.0
select percentile(value, 150) from generate_series(1, 3);
-- !! Runtime error near line 61: 2nd argument to percentile() should be a number between 0.0 and 100.0
