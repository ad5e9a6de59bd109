-- Errors of every kind keep the shell going; the exit status is 1.
select 1;
selec 2;
select
  nosuch(1);
select abs(-9223372036854775808);
create table t(a unique, b not null, c check (c > 0));
insert into t values (1, 1, 1);
insert into t values (1, 1, 1);
insert into t values (2, null, 1);
insert into t values (3, 1, 0);
select 'a much longer statement so that the error is far to the right of the start', nosuchcolumn from t;
select 1; select 2; selec 3; select 4;
select 2; selec
4;
select * from t where a = 'unterminated;
select 'after';
