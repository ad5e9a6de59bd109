-- args: -box -nullvalue ∅
select 1 as a, 'x' as b, null as c union all select 22, 'yy', 3;
-- => ┌────┬────┬───┐
-- => │ a  │ b  │ c │
-- => ├────┼────┼───┤
-- => │ 1  │ x  │ ∅ │
-- => │ 22 │ yy │ 3 │
-- => └────┴────┴───┘
