-- .backup, .save and .restore: copies of main and attached databases,
-- options, and the errors for bad arguments, unknown databases and files
-- that cannot be opened.
create table t(a);
insert into t values (1), (2);
.backup
.backup --bogus /tmp/sqlink-differential-backup.db
.backup a b c
.backup /tmp/sqlink-differential-backup.db
.backup main /tmp/sqlink-differential-backup2.db
.backup nosuch /tmp/sqlink-differential-backup2.db
.backup /nonexistent-dir/x.db
.save --async /tmp/sqlink-differential-backup2.db
.save -async /tmp/sqlink-differential-backup2.db
delete from t;
.restore
.restore a b c
.restore /tmp/sqlink-differential-backup.db
select * from t;
.restore nosuch /tmp/sqlink-differential-backup.db
.restore /nonexistent-dir/x.db
attach '/tmp/sqlink-differential-backup2.db' as aux;
select count(*) from aux.t;
.restore aux /tmp/sqlink-differential-backup.db
select * from aux.t;
detach aux;
.open /tmp/sqlink-differential-backup2.db
select * from t;
.open :memory:
.restore /tmp/sqlink-differential-backup-missing.db
select count(*) from sqlite_schema;
