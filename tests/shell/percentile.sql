-- exit: 1
.load dist/extensions/percentile.wasm --pin median --pin percentile
-- SQLite test/percentile.test (3.54.1 wording), cases 1.x.
create table t1(x);
insert into t1 values(1),(4),(6),(7),(8),(9),(11),(11),(11);
select percentile(x,0) from t1;
-- => 1.0
select percentile(x,100), percentile(x,50), percentile(x,12.5), percentile(x,15), percentile(x,20), percentile(x,80), percentile(x,89) from t1;
-- => 11.0|8.0|4.0|4.4|5.2|11.0|11.0
select percentile_cont(x,1), percentile_cont(x,0.5), percentile_cont(x,0.125), percentile_cont(x,0.15), percentile_cont(x,0.2), percentile_cont(x,0.8), percentile_cont(x,0.89) from t1;
-- => 11.0|8.0|4.0|4.4|5.2|11.0|11.0
select percentile_disc(x,1), percentile_disc(x,0.5), percentile_disc(x,0.125), percentile_disc(x,0.15), percentile_disc(x,0.2), percentile_disc(x,0.8), percentile_disc(x,0.89) from t1;
-- => 11.0|8.0|4.0|4.0|4.0|11.0|11.0
select median(x) from t1;
-- => 8.0
insert into t1 values(null),(null);
select percentile(x,100), percentile(x,50), percentile(x,15), percentile(x,20), percentile(x,89) from t1;
-- => 11.0|8.0|4.4|5.2|11.0
select round(percentile(x, 15+0.000001*rowid),1) from t1;
-- => 4.4
select round(percentile(x, 15+0.1*rowid),1) from t1;
-- !! Runtime error near line 21: the fraction argument to percentile() is not the same for all input rows
select round(percentile_cont(x, 0.15+0.0001*rowid),1) from t1;
-- !! Runtime error near line 23: the fraction argument to percentile_cont() is not the same for all input rows
select round(percentile_disc(x, 0.15+0.01*rowid),1) from t1;
-- !! Runtime error near line 25: the fraction argument to percentile_disc() is not the same for all input rows
create table t2(x);
insert into t2 select x+0.0 from t1 order by random();
select percentile(x,100), percentile(x,50), percentile(x,12.5), percentile(x,15), percentile(x,20), percentile(x,80) from t2;
-- => 11.0|8.0|4.0|4.4|5.2|11.0
select percentile(x,0,1) from t1;
-- !! Parse error near line 31: wrong number of arguments to function percentile()
-- !!   select percentile(x,0,1) from t1;
-- !!          ^--- error here
select percentile(x) from t1;
-- !! Parse error near line 35: wrong number of arguments to function percentile()
-- !!   select percentile(x) from t1;
-- !!          ^--- error here
select median(x,1) from t1;
-- !! Parse error near line 39: wrong number of arguments to function median()
-- !!   select median(x,1) from t1;
-- !!          ^--- error here
select percentile(x,null) from t1;
-- !! Runtime error near line 43: the fraction argument to percentile() is not between 0.0 and 100.0
select percentile(x,'fifty') from t1;
-- !! Runtime error near line 45: the fraction argument to percentile() is not between 0.0 and 100.0
select percentile(x,x'3530') from t1;
-- !! Runtime error near line 47: the fraction argument to percentile() is not between 0.0 and 100.0
select percentile_cont(x,x'3530') from t1;
-- !! Runtime error near line 49: the fraction argument to percentile_cont() is not between 0.0 and 1.0
select percentile(x,'50'), percentile_cont(x, ' 0.5 ') from t1;
-- => 8.0|8.0
select percentile(x,-0.0000001) from t1;
-- !! Runtime error near line 53: the fraction argument to percentile() is not between 0.0 and 100.0
select percentile(x,100.0000001) from t1;
-- !! Runtime error near line 55: the fraction argument to percentile() is not between 0.0 and 100.0
select percentile_cont(x,1.0000001) from t1;
-- !! Runtime error near line 57: the fraction argument to percentile_cont() is not between 0.0 and 1.0
select percentile_disc(x,-1) from t1;
-- !! Runtime error near line 59: the fraction argument to percentile_disc() is not between 0.0 and 1.0
begin;
update t1 set x='50' where x is null;
select percentile(x, 50) from t1;
-- !! Runtime error near line 63: input to percentile() is not numeric
select median(x) from t1;
-- !! Runtime error near line 65: input to median() is not numeric
rollback;
begin;
update t1 set x=x'3530' where x is null;
select percentile_disc(x, 0.5) from t1;
-- !! Runtime error near line 70: input to percentile_disc() is not numeric
rollback;
select percentile(x, 50) from t1;
-- => 8.0
update t1 set x=null;
select ifnull(percentile(x, 50),'NULL'), ifnull(median(x),'NULL'), typeof(percentile_cont(x, 0.5)) from t1;
-- => NULL|NULL|null
select percentile(x, 50) from t1 where 0;
-- =>
update t1 set x=12345 where rowid=5;
select percentile(x, 0), percentile(x, 50), percentile(x,100), percentile_disc(x, 0.3) from t1;
-- => 12345.0|12345.0|12345.0|12345.0
delete from t1;
insert into t1 select x+0.0 from t2;
update t1 set x=1.0e300*1.0e300 where rowid=5;
select percentile(x,50) from t1;
-- !! Runtime error near line 86: Inf input to percentile()
update t1 set x=-1.0e300*1.0e300 where rowid=5;
select median(x) from t1;
-- !! Runtime error near line 89: Inf input to median()
select percentile_cont(x, 0.5) from t1;
-- !! Runtime error near line 91: Inf input to percentile_cont()
select median(cast(x'ff' as text));
-- !! Runtime error near line 93: input to median() is not numeric
select percentile(1, cast(x'ff' as text));
-- !! Runtime error near line 95: the fraction argument to percentile() is not between 0.0 and 100.0
-- Results are always reals; integer inputs too.
select median(v), typeof(median(v)) from (select 1 v union all select 2 union all select 4);
-- => 2.0|real
select percentile_disc(v, 0.5), percentile_disc(v, 0.99), percentile_disc(v, 1) from (select 1 v union all select 2 union all select 4);
-- => 2.0|2.0|4.0
-- Million-row inputs (percentile-2.x).
create table t3(x);
with recursive n(v) as (select 1 union all select v+1 from n where v<999999)
insert into t3 select v-1 from n where v<=500000 union all select v*10 from n where v>=500000;
select count(*) from t3;
-- => 1000000
select round(percentile(x, 0),1), round(percentile(x, 100),1), round(percentile(x, 50),1), round(percentile(x, 10),1) from t3;
-- => 0.0|9999990.0|2749999.5|99999.9
select round(percentile_cont(x, 0.5),1), round(percentile_disc(x, 0.5),1), round(median(x),1) from t3;
-- => 2749999.5|499999.0|2749999.5
-- Window functions (percentile-3.x).
drop table if exists t1;
create table t1(a integer primary key, b, c, d);
insert into t1 values (1, 'A', 'one',   8.4), (2, 'B', 'two',   7.1), (3, 'C', 'three', 5.9), (4, 'D', 'one',  11.0),
                      (5, 'E', 'two',  12.5), (6, 'F', 'three', 0.0), (7, 'G', 'one',   2.7);
select a, b, c, d, group_concat(b,'.') over w1, median(d) over w1 from t1
 window w1 as (order by c, a rows between 1 preceding and 1 following);
-- => 1|A|one|8.4|A.D|9.7
-- => 4|D|one|11.0|A.D.G|8.4
-- => 7|G|one|2.7|D.G.C|5.9
-- => 3|C|three|5.9|G.C.F|2.7
-- => 6|F|three|0.0|C.F.B|5.9
-- => 2|B|two|7.1|F.B.E|7.1
-- => 5|E|two|12.5|B.E|9.8
select a, b, c, d, group_concat(b,'.') over w1, median(d) over w1 from t1
 window w1 as (order by c, a rows between unbounded preceding and 1 following);
-- => 1|A|one|8.4|A.D|9.7
-- => 4|D|one|11.0|A.D.G|8.4
-- => 7|G|one|2.7|A.D.G.C|7.15
-- => 3|C|three|5.9|A.D.G.C.F|5.9
-- => 6|F|three|0.0|A.D.G.C.F.B|6.5
-- => 2|B|two|7.1|A.D.G.C.F.B.E|7.1
-- => 5|E|two|12.5|A.D.G.C.F.B.E|7.1
select a, b, c, d, group_concat(b,'.') over w1, median(d) over w1 from t1
 window w1 as (order by c, a rows between 1 preceding and unbounded following);
-- => 1|A|one|8.4|A.D.G.C.F.B.E|7.1
-- => 4|D|one|11.0|A.D.G.C.F.B.E|7.1
-- => 7|G|one|2.7|D.G.C.F.B.E|6.5
-- => 3|C|three|5.9|G.C.F.B.E|5.9
-- => 6|F|three|0.0|C.F.B.E|6.5
-- => 2|B|two|7.1|F.B.E|7.1
-- => 5|E|two|12.5|B.E|9.8
select a, percentile(d, 25) over w, percentile_cont(d, 0.75) over w, percentile_disc(d, 0.75) over w from t1
 window w as (order by a rows between 2 preceding and current row);
-- => 1|8.4|8.4|8.4
-- => 2|7.425|8.075|7.1
-- => 3|6.5|7.75|7.1
-- => 4|6.5|9.05|7.1
-- => 5|8.45|11.75|11.0
-- => 6|5.5|11.75|11.0
-- => 7|1.35|7.6|2.7
select c, median(d), percentile_disc(d, 0.5) from t1 group by c order by c;
-- => one|8.4|8.4
-- => three|2.95|0.0
-- => two|9.8|7.1
-- Documentation: a table of 1 to 10.
create table t4(x real);
insert into t4 values (1), (2), (3), (4), (5), (6), (7), (8), (9), (10);
select percentile(x, 50), median(x), percentile(x, 0), percentile(x, 100), percentile(x, 90) from t4;
-- => 5.5|5.5|1.0|10.0|9.1
select percentile_cont(x, 0.5), percentile_disc(x, 0.5), percentile_cont(x, 0.9), percentile_disc(x, 0.9) from t4;
-- => 5.5|5.0|9.1|9.0
-- Registered deterministic (flag 0x800).
select name, narg, flags & 0x800 != 0 as deterministic from pragma_function_list where name in ('median','percentile','percentile_cont','percentile_disc') order by name;
-- => median|1|1
-- => percentile|2|1
-- => percentile_cont|2|1
-- => percentile_disc|2|1
