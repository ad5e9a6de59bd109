-- .dump: every kind of value, object and name, the options and patterns,
-- errors, and a dump read back into a new database that dumps the same.
create table t(a integer primary key autoincrement, b text, c real, d blob);
insert into t(b, c, d) values ('it''s', 1.5, x'00ff'), ('two
lines', -0.1, null), ('cr' || char(13) || 'x\n', 1e300, x''), (null, 1e308 * 10, 'txt');
insert into t(b, c) values ('small', 2.5e-300), ('ints', 42.0), ('neg inf', -1e308 * 10), ('big', 9223372036854775808.0);
insert into t(b, c) values ('thirds', 1.0 / 3), ('amount', 42.25), ('cents', 12.99), ('exp', 123456789012345678901234.0);
create table "select"("from" int, "a b" text, [weird"name] blob);
insert into "select" values (1, 'x', null), (-9223372036854775808, '', x'41');
create index ti on t(b);
create unique index "select idx" on "select"("from" desc);
create view v as select a from t -- trailing comment
;
create view v2(x) as select b from t where b like '%--%';
create trigger tr after insert on t begin select 1; end;
create table w(k text primary key, v) without rowid;
insert into w values ('k', 2), ('j', null);
create table r(x);
insert into r(rowid, x) values (5, 'five'), (9, 'nine');
create table ipk(id integer primary key desc, y);
insert into ipk values (3, 'three');
create table hasrowid(rowid text, oid, v);
insert into hasrowid values ('a', 'b', 'c');
.dump
.dump --preserve-rowids r
.dump --preserve-rowids ipk
.dump --preserve-rowids hasrowid
.dump --preserve-rowids w
.dump --data-only t
.dump --nosys
.dump --newlines t
.dump nosuch
.dump --bogus
.dump -data-only r
.dump v%
.dump r w
.dump sel%
.once /tmp/sqlink-differential-dump.sql
.dump
.open --new /tmp/sqlink-differential-dump.db
.read /tmp/sqlink-differential-dump.sql
.dump
select count(*), sum(c is null), typeof(c) from t group by typeof(c) order by 3;
.open :memory:
.dump
create table p(a);
insert into p values (1);
.eqp on
.dump p
.eqp off
