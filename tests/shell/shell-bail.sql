-- args: -bail
-- exit: 1
-- With -bail the first error stops the script.
select 1;
select nosuch();
select 'not reached';
-- => 1
-- !! Parse error near line 5: no such function: nosuch
-- !!   select nosuch();
-- !!          ^--- error here
