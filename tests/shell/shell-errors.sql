-- exit: 1
-- Parse and runtime errors: message shapes, line numbers (comments count),
-- the caret lines, and that the shell keeps going.
select 1;
selec 2;
-- => 1
-- !! Parse error near line 5: near "selec": syntax error
-- !!   selec 2;
-- !!   ^--- error here
select
  nosuch(1);
-- !! Parse error near line 10: no such function: nosuch
-- !!   select   nosuch(1);
-- !!            ^--- error here
select abs(-9223372036854775808);
-- !! Runtime error near line 15: integer overflow
create table t(a unique); insert into t values(1);
insert into t values(1);
-- !! Runtime error near line 18: UNIQUE constraint failed: t.a (19)
select 'still running';
select 1; select 2; selec 3;
-- => still running
-- => 1
-- => 2
-- !! Parse error near line 21: near "selec": syntax error
-- !!   selec 3;
-- !!   ^--- error here
select 2; selec
4;
-- => 2
-- !! Parse error near line 28: near "selec": syntax error
-- !!   selec 4;
-- !!   ^--- error here
select 'a much longer statement so that the error is far to the right of the start', nosuchcolumn;
-- !! Parse error near line 34: no such column: nosuchcolumn
-- !!   that the error is far to the right of the start', nosuchcolumn;
-- !!                                       error here ---^
/* a comment first */ select x from nosuch;
-- !! Parse error near line 38: no such table: nosuch
.nosuchcommand
-- !! Error: unknown command or invalid arguments:  "nosuchcommand". Enter ".help" for help
.mode nosuchmode
-- !! Error: mode should be one of: ascii box column csv html insert json line list markdown qbox quote table tabs tcl
select 'end';
-- => end
