-- Large values and many rows.
select length(zeroblob(10000000)), length(randomblob(10000000));
select length(printf('%.*c', 10000000, 'y'));
with recursive c(x) as (select 1 union all select x + 1 from c where x < 20000)
select x, x * 2, 'row ' || x from c;
select printf('%.*c', 5000, 'w') as wide;
