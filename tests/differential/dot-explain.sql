-- .width (widths and right alignment in the columnar modes), .eqp (query
-- plans before each statement, with triggers' plans), .explain (EXPLAIN
-- QUERY PLAN drawn as a tree under the default "auto", EXPLAIN's layout
-- for every statement when on).
create table t(a, b);
create index ti on t(a);
create table log(x);
create trigger tr after insert on t begin insert into log select a from t where a = new.a; end;
insert into t values (1, 'one'), (22, 'twenty-two'), (333, 'a longer text that wraps');
.width 5 -8
select a, b from t;
.mode column
select a, b from t;
select a as first, b as second, a * 2 as third from t where a > 1;
.mode table
select a, b from t;
.mode box
select a, b from t;
.mode markdown
select a, b from t;
.width 3 -2 0x4
.mode column
select 'abcdef' as a, 'wxyz' as b, 'the third' as c;
.width
select a, b from t;
.width 4 foo -3k
.mode list
.eqp on
select * from t where a = 1;
select 1;
select * from t order by b;
insert into t values (2, 'two');
.eqp trigger
insert into t values (1, 'one again');
select * from t where a = 1;
.eqp off
.eqp
.eqp bogus
.eqp trace
select 2;
.eqp off
explain query plan select * from t, log where a = x;
explain query plan select * from t where a in (select x from log) order by b;
.explain on
select 1 as x, 'abc' as y, null as z;
select a, b from t where a < 100;
.explain
.mode
.explain off
.mode
.explain on
.mode line
.explain auto
select 1 as x;
.eqp on
select 'a;b;c;d;e;f;g;h;i;j'; insert into t values (4, 'four'); select count(*) from t;
.eqp off
