-- args: :memory: "create table t(a); insert into t values(1),(2)" "select count(*) from t" ".mode csv" "select a, 'x y' from t"
-- SQL and dot commands given as arguments run in order, and standard
-- input (this file) is not read.
select 'not read';
-- => 2
-- ~> 1,"x\ y"\r
-- ~> 2,"x\ y"\r
