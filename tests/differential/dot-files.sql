-- .read, .output, .once, .open.
.read tests/shell/data/read-me.sql
.read tests/shell/data/no-such-file.sql
.read
.once /tmp/sqlink-differential-once.sql
select 'select ''from the once file'';';
select 'stdout again';
.read /tmp/sqlink-differential-once.sql
.output /tmp/sqlink-differential-output.sql
select 'select 1;';
.print "select 'printed';"
.output
.read /tmp/sqlink-differential-output.sql
.output /nonexistent-dir/x
select 'still stdout';
.output off
select 'after off';
.output stdout
.open --new /tmp/sqlink-differential.db
create table t(a); insert into t values (42);
.open :memory:
select count(*) from sqlite_schema;
.open --readonly /tmp/sqlink-differential.db
select * from t;
insert into t values (1);
.open /nonexistent-dir/x.db
select 'fell back';
.open --bogus
.open a b
