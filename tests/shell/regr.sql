-- exit: 1
-- PostgreSQL's statistical aggregates of pairs (Y, X). First the vectors of
-- its regression test (src/test/regress/expected/aggregates.out, printed
-- there with 15 significant digits as SQLite prints): aggtest's b is a
-- float4 column, so its values are those floats.
.load dist/extensions/regr.wasm
create table aggtest(a integer, b real);
insert into aggtest values (56, 7.800000190734863), (100, 99.09700012207031), (0, 0.09561000019311905), (42, 324.7799987792969);
select regr_count(b, a) from aggtest;
-- => 4
select regr_sxx(b, a) from aggtest;
-- => 5099.0
select regr_syy(b, a) from aggtest;
-- => 68756.2156939293
select regr_sxy(b, a) from aggtest;
-- => 2614.51582155004
select regr_avgx(b, a), regr_avgy(b, a) from aggtest;
-- => 49.5|107.943152273074
select regr_r2(b, a) from aggtest;
-- => 0.0194977982031803
select regr_slope(b, a), regr_intercept(b, a) from aggtest;
-- => 0.512750700441271|82.5619926012309
select covar_pop(b, a), covar_samp(b, a) from aggtest;
-- => 653.62895538751|871.505273850014
select corr(b, a) from aggtest;
-- => 0.139634516517873
create table regr_test(x real, y real);
insert into regr_test values (10, 150), (20, 250), (30, 350), (80, 540), (100, 200);
select count(*), sum(x), regr_sxx(y, x), sum(y), regr_syy(y, x), regr_sxy(y, x) from regr_test where x in (10, 20, 30, 80);
-- => 4|140.0|2900.0|1290.0|83075.0|15050.0
select count(*), sum(x), regr_sxx(y, x), sum(y), regr_syy(y, x), regr_sxy(y, x) from regr_test;
-- => 5|240.0|6280.0|1490.0|95080.0|8680.0
select count(*), sum(x), regr_sxx(y, x), sum(y), regr_syy(y, x), regr_sxy(y, x) from regr_test where x in (10, 20, 30);
-- => 3|60.0|200.0|750.0|20000.0|2000.0
select count(*), sum(x), regr_sxx(y, x), sum(y), regr_syy(y, x), regr_sxy(y, x) from regr_test where x in (80, 100);
-- => 2|180.0|200.0|740.0|57800.0|-3400.0

-- No rows: NULL, but regr_count is 0; one row: covar_samp needs two
select regr_count(y, x), corr(y, x), covar_pop(y, x), covar_samp(y, x), regr_slope(y, x), regr_avgx(y, x), regr_sxx(y, x) from regr_test where x < 0;
-- => 0||||||
select regr_count(y, x), covar_pop(y, x), covar_samp(y, x), regr_sxx(y, x), regr_avgy(y, x), regr_r2(y, x) from regr_test where x = 10;
-- => 1|0.0||0.0|150.0|
-- A vertical line (X constant): no slope, intercept, r2 or corr; a horizontal one (Y constant): r2 is 1, corr NULL
select regr_slope(y, 5), regr_intercept(y, 5), regr_r2(y, 5), corr(y, 5), regr_r2(5, x), corr(5, x), regr_slope(5, x), regr_intercept(5, x) from regr_test;
-- => ||||1.0||0.0|5.0
-- A pair with NULL in either is skipped
select regr_count(y, x), regr_avgx(y, x), regr_avgy(y, x), regr_slope(y, x) from (select * from regr_test union all select null, 1 union all select 1, null);
-- => 5|48.0|298.0|1.38216560509554

-- Window functions: the frame's pairs are summed from its start whenever
-- it moves, as PostgreSQL does (its values, read from PostgreSQL 15)
select x, regr_count(y, x) over w, round(regr_slope(y, x) over w, 10), round(corr(y, x) over w, 10), covar_samp(y, x) over w from regr_test window w as (order by x rows between 1 preceding and 1 following);
-- => 10.0|2|10.0|1.0|500.0
-- => 20.0|3|10.0|1.0|1000.0
-- => 30.0|3|4.5|0.9819805061|4650.0
-- => 80.0|3|-1.0|-0.2116036848|-1300.0
-- => 100.0|2|-17.0|-1.0|-3400.0
select x, regr_sxx(y, x) over (order by x), regr_intercept(y, x) over (order by x rows between current row and unbounded following) from regr_test;
-- => 10.0|0.0|231.656050955414
-- => 20.0|50.0|313.798882681564
-- => 30.0|200.0|433.333333333333
-- => 80.0|2900.0|1900.0
-- => 100.0|6280.0|

-- Errors: PostgreSQL's overflow, and arguments that are not numbers
select covar_pop(y, x) from (select 1e308 as y, 1 as x union all select -1e308, 2);
-- !! Runtime error near line 66: value out of range: overflow
select corr('a', 1);
-- !! Runtime error near line 68: corr(): argument 1 must be a number, got text 'a' (20)

-- Text holding numbers is read as a number; a blob is an error
select regr_count(y, x), regr_slope(y, x) from (select '1' as y, '2.5' as x union all select '3', '4.5');
-- => 2|1.0
select regr_slope(y, x) from (select x'01' as y, 1 as x);
-- !! Runtime error near line 74: regr_slope(): argument 1 must be a number, got blob of 1 bytes (20)
