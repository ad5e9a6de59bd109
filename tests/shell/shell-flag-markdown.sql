-- args: -markdown
select 1 as a, 'x|y' as b;
-- => | a |  b  |
-- => |---|-----|
-- => | 1 | x|y |
