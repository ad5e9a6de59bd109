-- runners: native (the authorizer is served by the native host only, so far)
-- exit: 1
-- guard: denied tables and columns fail with SQLite's authorization error,
-- hidden columns read NULL (components/extensions/guard).
.load dist/extensions/guard.wasm
create table users(id integer primary key, name, email, password);
insert into users values (1, 'ann', 'ann@example.com', 'hunter2');
create table payroll(who, salary);
insert into payroll values ('ann', 100);
create view salaries as select who, salary from payroll;
-- A denied table: every statement that reads or changes it fails.
select guard_deny('payroll');
-- => 1
select * from payroll;
-- !! Parse error near line 14: access to payroll.who is prohibited (23)
select count(*) from payroll;
-- !! Parse error near line 16: not authorized (23)
insert into payroll values ('bob', 1);
-- !! Parse error near line 18: not authorized (23)
update payroll set salary = 2;
-- !! Parse error near line 20: not authorized (23)
delete from payroll;
-- !! Parse error near line 22: not authorized (23)
drop table payroll;
-- !! Parse error near line 24: not authorized (23)
alter table payroll add column bonus;
-- !! Parse error near line 26: not authorized (23)
create index payroll_who on payroll(who);
-- !! Parse error near line 28: not authorized (23)
create trigger payroll_audit after insert on payroll begin select 1; end;
-- !! Parse error near line 30: not authorized (23)
-- Views and other databases do not get around it.
select * from salaries;
-- !! Parse error near line 33: access to payroll.who is prohibited (23)
create table copy as select * from payroll;
-- !! Parse error near line 35: access to payroll.who is prohibited (23)
attach ':memory:' as aux;
create table aux.payroll(who);
select * from aux.payroll;
-- !! Parse error near line 39: access to aux.payroll.who is prohibited (23)
create temp table payroll(who);
select * from temp.payroll;
-- !! Parse error near line 42: access to temp.payroll.who is prohibited (23)
-- A denied column: reading or updating it fails, the rest works.
select guard_deny('users', 'password');
-- => 1
select id, name from users;
-- => 1|ann
select * from users;
-- !! Parse error near line 49: access to main.users.password is prohibited (23)
select name from users where password = 'hunter2';
-- !! Parse error near line 51: access to main.users.password is prohibited (23)
update users set password = 'x';
-- !! Parse error near line 53: not authorized (23)
update users set name = 'Ann';
-- INSERT and DELETE are table-wide to the authorizer: a column rule
-- cannot stop them.
insert into users(id, name, password) values (2, 'bob', 'secret');
delete from users where id = 2;
select count(*) from users;
-- => 1
-- A hidden column reads NULL wherever it is read.
select guard_hide('users', 'email');
-- => 1
select id, name, email, email is null from users;
-- => 1|Ann||1
select count(*) from users where email = 'ann@example.com';
-- => 0
select name from users order by email;
-- => Ann
-- The rowid of a table with an INTEGER PRIMARY KEY is that column.
select guard_hide('users', 'id');
-- => 1
select rowid, id, name from users;
-- => ||Ann
-- Deny wins over hide; names ignore ASCII case.
select guard_deny('USERS', 'Email');
-- => 1
select email from users;
-- !! Parse error near line 79: access to main.users.email is prohibited (23)
.nullvalue NULL
select * from guard_rules;
-- => deny|payroll|NULL
-- => deny|USERS|Email
-- => hide|users|email
-- => hide|users|id
-- => deny|users|password
-- VACUUM copies tables with SQL the authorizer sees, which would store the
-- hidden column as NULL: while rules name a table, it fails instead.
vacuum;
-- !! Runtime error near line 90: not authorized (23)
select guard_clear();
-- => 5
select id, email from users;
-- => 1|ann@example.com
vacuum;
select id, email from users;
-- => 1|ann@example.com
