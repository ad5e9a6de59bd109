-- runners: native wasm (the C builds are not baked into the composed build)
-- exit: 1
-- sqlean's stats module without generate_series (a virtual table, outside
-- the compatibility layer: its init is stats_scalar_init), compiled
-- unchanged by `make c-sqlean`; generate_series comes from series.wasm.
-- The first query is sqlean.py's README example; the values are those of
-- the same source compiled natively and loaded into Debian's sqlite3, and
-- Python's statistics module agrees (stdev, pstdev, variance, median).
.load dist/extensions/series.wasm
.load dist/extensions-c/sqlean-stats.wasm
select median(value) from generate_series(1, 99);
-- => 50.0
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
-- !! Runtime error near line 25: sqlean_stats: 2nd argument to percentile() should be a number between 0.0 and 100.0
