-- .tables, .indexes, .schema, .databases.
create table b(x);
create table a(y integer primary key, z unique);
create index ia on a(z);
create view v as select 1, y as "weird name" from a;
create temp table tt(q);
create index ib on b(x);
create table "odd ""name"""(c);
create trigger tr after insert on b begin select 1; end;
create table c(x) -- trailing comment
;
create table d(x integer primary key autoincrement);
.tables
.tables a%
.tables nosuch
.indexes
.indexes a
.indexes a b
.schema a
.schema
.schema --nosys
.schema sqlite_schema
.schema --bogus
.databases
attach ':memory:' as aux;
create table aux.t3(x);
create view aux.v3 as select x from t3;
.tables
.schema t3
.schema aux.*
.databases
begin;
insert into b values (1);
.databases
commit;
