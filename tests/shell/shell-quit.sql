-- exit: 1
-- .quit stops reading; the status still reports the earlier error.
selec 1;
.quit
select 'not reached';
-- !! Parse error near line 3: near "selec": syntax error
-- !!   selec 1;
-- !!   ^--- error here
