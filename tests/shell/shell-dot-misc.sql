-- exit: 1
-- Assorted dot commands: .print, .echo, .changes, .timer, .headers
-- values, abbreviations, unknown commands, GO and / terminators.
.print one "two words" 'single \t kept' back\tslash
-- => one two words single \t kept back	slash
.print
-- =>
.echo on
select 1;
.print echoed
-- a comment line is echoed too
.echo off
select 2;
-- => select 1;
-- => 1
-- => .print echoed
-- => echoed
-- => -- a comment line is echoed too
-- => .echo off
-- => 2
.changes on
create table t(a);
insert into t values(1),(2),(3);
update t set a = a + 1 where a > 1;
.changes off
-- => changes: 0   total_changes: 0
-- => changes: 3   total_changes: 3
-- => changes: 2   total_changes: 5
.timer on
select 3;
.timer off
-- => 3
-- ~> Run Time: real \d+\.\d{3}( user \d+\.\d{6} sys \d+\.\d{6})?
.headers yes
select 4 as four;
.headers 0
select 5 as five;
.headers maybe
select 6 as six;
-- => four
-- => 4
-- => 5
-- => 6
-- !! ERROR: Not a boolean value: "maybe". Assuming "no".
.h on
.he off
.sep :
select 7, 8;
-- => 7:8
.sep |
select 9
go
select 10
/
-- => 9
-- => 10
.unknowncommand with args
-- !! Error: unknown command or invalid arguments:  "unknowncommand". Enter ".help" for help
# lines starting with # are ignored
select 'done';
-- => done
