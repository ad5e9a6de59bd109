-- args: -echo -batch
-- -echo prints each statement group and dot command before running it
-- (the expectations follow .quit, so they are not echoed themselves).
select 1;
.print hello
select 2; select 3;
.quit
-- => -- args: -echo -batch
-- => -- -echo prints each statement group and dot command before running it
-- => -- (the expectations follow .quit, so they are not echoed themselves).
-- => select 1;
-- => 1
-- => .print hello
-- => hello
-- => select 2; select 3;
-- => 2
-- => 3
-- => .quit
