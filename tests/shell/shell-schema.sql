-- .tables, .indexes, .schema and .databases.
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
.tables
-- => a           b           c           odd "name"  temp.tt     v         
.tables a%
-- => a
.tables nosuch
.indexes
-- => ia                    ib                    sqlite_autoindex_a_1
.indexes a
-- => ia                    sqlite_autoindex_a_1
.schema a
-- => CREATE TABLE a(y integer primary key, z unique);
-- => CREATE INDEX ia on a(z);
.schema
-- => CREATE TABLE b(x);
-- => CREATE TABLE a(y integer primary key, z unique);
-- => CREATE INDEX ia on a(z);
-- => CREATE VIEW v as select 1, y as "weird name" from a
-- => /* v("1","weird name") */;
-- => CREATE INDEX ib on b(x);
-- => CREATE TABLE IF NOT EXISTS "odd ""name"""(c);
-- => CREATE TRIGGER tr after insert on b begin select 1; end;
-- => CREATE TABLE c(x);
-- => CREATE TABLE temp.tt(q);
.schema --nosys b
-- => CREATE TABLE b(x);
-- => CREATE INDEX ib on b(x);
-- => CREATE TRIGGER tr after insert on b begin select 1; end;
.schema sqlite_schema
-- => CREATE TABLE sqlite_schema (
-- =>   type text,
-- =>   name text,
-- =>   tbl_name text,
-- =>   rootpage integer,
-- =>   sql text
-- => );
.databases
-- => main: "" r/w
-- => temp: "" r/w
attach ':memory:' as aux;
create table aux.t3(x);
create view aux.v3 as select x from t3;
.tables
-- => a           aux.v3      c           temp.tt   
-- => aux.t3      b           odd "name"  v         
.schema t3
-- => CREATE TABLE aux.t3(x);
.schema aux.*
-- => CREATE TABLE aux.t3(x);
-- => CREATE VIEW aux.v3 as select x from t3
-- => /* aux.v3(x) */;
.databases
-- => main: "" r/w
-- => temp: "" r/w
-- => aux: "" r/w
begin;
insert into b values(1);
.databases
-- => main: "" r/w write-txn
-- => temp: "" r/w
-- => aux: "" r/w
commit;
