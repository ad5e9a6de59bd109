-- args: -line -nullvalue (null)
select 1 as a, null as longer_name, 'v' as c;
select 2 as x union all select 3;
-- =>           a = 1
-- => longer_name = (null)
-- =>           c = v
-- =>     x = 2
-- =>
-- =>     x = 3
