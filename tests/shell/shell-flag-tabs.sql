-- args: -tabs -header
select 1 as a, 'b' as b, null as c;
-- => a	b	c
-- => 1	b	
