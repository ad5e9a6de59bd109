-- .cd: relative names then resolve in the new directory, for the shell's
-- own files (.read, .import) and the engine's (.backup, ATTACH).
.cd
.cd a b
.cd /nonexistent-dir
.cd tests/differential/data
.import --csv people.csv people
select count(*) from people;
.cd /tmp
.backup sqlink-differential-cd.db
attach 'sqlink-differential-cd.db' as copy;
select count(*) from copy.people;
.output sqlink-differential-cd.sql
.print "select 'read from /tmp';"
.output
.read sqlink-differential-cd.sql
