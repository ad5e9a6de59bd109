-- args: -csv -header
-- -csv sets the comma but keeps the \n row separator (.mode csv uses \r\n).
select 1 as a, 'b c' as "b", null as c, 'x"y' as d;
-- => a,b,c,d
-- => 1,"b c",,"x""y"
.mode csv
select 1, 2;
-- ~> 1,2\r
-- ~> 1,2\r
