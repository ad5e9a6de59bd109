-- .dump when a table's rows cannot be read (a temp view shadows it and
-- fails): the dump ends with ROLLBACK.
create table t(a);
insert into t values (1);
create temp view t(a) as select abs(-9223372036854775808);
.dump
drop view temp.t;
.dump
