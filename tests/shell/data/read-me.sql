-- Read by shell-read.sql (not a test of its own).
select 'in data/read-me.sql';
selec 2;
.read tests/shell/data/read-nested.sql
select 'back in read-me';
