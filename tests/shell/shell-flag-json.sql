-- args: --json
select 1 as n, 'x' as s, null as z, x'0a41' as b, 'tab	q"' as t;
select 1 where 0;
select 2 as n union all select 3;
-- => [{"n":1,"s":"x","z":null,"b":"\nA","t":"tab\tq\""}]
-- => [{"n":2},
-- => {"n":3}]
