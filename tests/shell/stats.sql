.load dist/extensions/stats.wasm --pin median --pin percentile
-- t: x = 1..100 (sqlean tests use stats_seq(1, 99); here i <= 99).
create table t(i integer primary key, x);
with recursive s(i) as (select 1 union all select i + 1 from s where i < 100)
insert into t select i, i from s;
-- w: two groups, duplicates, a NULL.
create table w(i integer primary key, g text, x);
insert into w values (1, 'a', 7), (2, 'a', 1), (3, 'a', 3), (4, 'a', 10), (5, 'b', 2), (6, 'b', 2), (7, 'b', 8), (8, 'b', null);

-- Plain aggregates: sqlean's documented results (test/stats.sql).
select stats_median(x), stats_p25(x), stats_p75(x), stats_p90(x), stats_p95(x), stats_p99(x) from t where i <= 99;
-- => 50.0|25.5|74.5|89.2|94.1|98.02
select stats_perc(x, 25), stats_perc(x, 50), stats_perc(x, 10), stats_perc(x, 0), stats_perc(x, 100), stats_perc(x, 12.5), stats_perc(x, '90') from t where i <= 99;
-- => 25.5|50.0|10.8|1.0|99.0|13.25|89.2
select stats_p95(x), stats_median(x), stats_perc(x, 33) from t;
-- => 95.05|50.5|33.67
select stats_var(x), stats_var_samp(x), stats_var_pop(x), stats_stddev(x), stats_stddev_samp(x), stats_stddev_pop(x) from t where i <= 99;
-- => 825.0|825.0|816.666666666667|28.7228132326901|28.7228132326901|28.5773803324704
select round(stats_stddev(x), 1), round(stats_stddev_pop(x), 1), round(stats_var_pop(x), 0) from t where i <= 99;
-- => 28.7|28.6|817.0
-- sqlean's unprefixed names.
select median(x), percentile(x, 90), percentile_25(x), percentile_75(x), percentile_90(x), percentile_95(x), percentile_99(x) from t where i <= 99;
-- => 50.0|89.2|25.5|74.5|89.2|94.1|98.02
select stddev(x), stddev_samp(x), stddev_pop(x), variance(x), var_samp(x), var_pop(x) from t where i <= 99;
-- => 28.7228132326901|28.7228132326901|28.5773803324704|825.0|825.0|816.666666666667

-- No rows: percentiles are NULL, spreads 0.0 (as in sqlean). One row: spreads 0.0.
select stats_median(x), stats_perc(x, 50), stats_p99(x), stats_var(x), stats_var_pop(x), stats_stddev(x), stats_stddev_pop(x) from t where 0;
-- => |||0.0|0.0|0.0|0.0
select stats_median(x), stats_p25(x), stats_var(x), stats_stddev_pop(x) from t where i = 42;
-- => 42.0|42.0|0.0|0.0
-- NULLs are skipped; results are reals; spreads read text as numbers.
select stats_median(x), stats_p90(x), stats_var(x), typeof(stats_median(x)), typeof(stats_var(x)) from w;
-- => 3.0|8.8|12.5714285714286|real|real
select stats_var(cast(x as text)), stats_var_pop(x * 0.5), stats_stddev(x * 0.25) from t where i <= 99;
-- => 825.0|204.166666666667|7.18070330817254

-- GROUP BY.
select i % 4 as k, stats_median(x), stats_p90(x), stats_var(x), stats_stddev_pop(x) from t group by k order by k;
-- => 0|52.0|90.4|866.666666666667|28.8444102037119
-- => 1|49.0|87.4|866.666666666667|28.8444102037119
-- => 2|50.0|88.4|866.666666666667|28.8444102037119
-- => 3|51.0|89.4|866.666666666667|28.8444102037119
select g, count(x), stats_median(x), stats_p25(x), stats_p75(x), stats_perc(x, 40), stats_var(x), stats_var_pop(x), stats_stddev(x), stats_stddev_pop(x) from w group by g order by g;
-- => a|4|5.0|2.5|7.75|3.8|16.25|12.1875|4.03112887414927|3.49106001094224
-- => b|3|2.0|2.0|5.0|2.0|12.0|8.0|3.46410161513775|2.82842712474619

-- Window functions: sliding frames (rows enter with step, leave with inverse).
select i, stats_median(x) over win, stats_p75(x) over win, stats_var(x) over win, stats_stddev_pop(x) over win from w
window win as (order by i rows between 2 preceding and current row);
-- => 1|7.0|7.0|0.0|0.0
-- => 2|4.0|5.5|18.0|3.0
-- => 3|3.0|5.0|9.33333333333333|2.49443825784929
-- => 4|3.0|6.5|22.3333333333333|3.85861230093008
-- => 5|3.0|6.5|19.0|3.55902608401044
-- => 6|2.0|6.0|21.3333333333333|3.77123616632825
-- => 7|2.0|5.0|12.0|2.82842712474619
-- => 8|5.0|6.5|18.0|3.0
select g, i, stats_median(x) over win, stats_perc(x, 40) over win, stats_var_pop(x) over win from w
window win as (partition by g order by i rows between 1 preceding and 1 following) order by i;
-- => a|1|4.0|3.4|9.0
-- => a|2|3.0|2.6|6.22222222222222
-- => a|3|3.0|2.6|14.8888888888889
-- => a|4|6.5|5.8|12.25
-- => b|5|2.0|2.0|0.0
-- => b|6|2.0|2.0|8.0
-- => b|7|5.0|4.4|9.0
-- => b|8|8.0|8.0|0.0
-- The default frame (running aggregate, never inverted).
select i, stats_median(x) over (order by i), stats_p25(x) over (order by i), stats_var_pop(x) over (order by i), stats_stddev(x) over (order by i) from w;
-- => 1|7.0|7.0|0.0|0.0
-- => 2|4.0|2.5|9.0|4.24264068711928
-- => 3|3.0|2.0|6.22222222222222|3.05505046330389
-- => 4|5.0|2.5|12.1875|4.03112887414927
-- => 5|3.0|2.0|11.44|3.78153408023781
-- => 6|2.5|2.0|10.4722222222222|3.54494945897211
-- => 7|3.0|2.0|10.7755102040816|3.54562104171167
-- => 8|3.0|2.0|10.7755102040816|3.54562104171167
-- Frames that hold no non-NULL row.
select i, stats_median(x) over (order by i rows between 1 following and 1 following), stats_var(x) over (order by i rows between 1 following and 2 following) from w;
-- => 1|1.0|2.0
-- => 2|3.0|24.5
-- => 3|10.0|32.0
-- => 4|2.0|0.0
-- => 5|2.0|18.0
-- => 6|8.0|0.0
-- => 7||0.0
-- => 8||0.0
-- A RANGE frame over duplicate values (the NULL row frames only itself).
select i, x, stats_median(x) over (order by x range between 1 preceding and 1 following) from w order by i;
-- => 1|7|7.5
-- => 2|1|2.0
-- => 3|3|2.0
-- => 4|10|10.0
-- => 5|2|2.0
-- => 6|2|2.0
-- => 7|8|7.5
-- => 8||
-- Longer frames over 1..100, including non-integer values (rounded: the last
-- digits of a running spread over reals depend on the order of updates).
select i, m, p, v, s from (
  select i, stats_median(x) over win as m, stats_p90(x) over win as p, stats_var(x) over win as v,
    round(stats_stddev_pop(x * 0.1) over win, 12) as s
  from t window win as (order by i rows between 9 preceding and current row)
) where i % 20 = 0 or i < 3;
-- => 1|1.0|1.0|0.0|0.0
-- => 2|1.5|1.9|0.5|0.05
-- => 20|15.5|19.1|9.16666666666667|0.287228132327
-- => 40|35.5|39.1|9.16666666666667|0.287228132327
-- => 60|55.5|59.1|9.16666666666667|0.287228132327
-- => 80|75.5|79.1|9.16666666666667|0.287228132327
-- => 100|95.5|99.1|9.16666666666667|0.287228132327
-- sqlean's unprefixed names work as window functions too.
select i, median(x) over win, variance(x) over win, percentile(x, 50) over win from w
window win as (order by i rows between 2 preceding and current row) limit 4;
-- => 1|7.0|0.0|7.0
-- => 2|4.0|18.0|4.0
-- => 3|3.0|9.33333333333333|3.0
-- => 4|3.0|22.3333333333333|3.0
