-- args: -cmd "selec" -cmd ".mode csv" -cmd ".headers on" -nullvalue NIL
-- -cmd commands run before standard input; their errors do not stop the
-- shell without -bail.
select 1 as a, null as b;
-- ~> a,b\r
-- ~> 1,NIL\r
-- !! Error: in prepare, near "selec": syntax error
-- !!   selec
-- !!   ^--- error here
