-- .echo, .changes, .bail, .quit inside .read, abbreviations, unknown commands.
.echo on
select 1;
-- echoed comment
.print echoed
.echo off
.changes on
create table t(a);
insert into t values (1), (2), (3);
update t set a = a + 1 where a > 1;
delete from t;
.changes off
.h on
.he off
.sep :
select 1, 2;
.sep |
.unknowncommand arg
# a line starting with # is ignored
.read tests/shell/data/read-nested.sql
select 'after nested .quit';
.exit 0
select 'not reached';
