-- exit: 1
-- sqlean's regexp module (sqlite/sqlean-regexp.c of sqlean.py 3.50.4.5, PCRE2
-- included), compiled unchanged by `make c-catalog` (components/extensions-c/regexp/extension.mk): the examples of sqlean's
-- docs/regexp.md, with the results of the same source compiled natively
-- into Debian's sqlite3 (which prints its errors without the prefix). It
-- keeps compiled patterns in auxiliary data, which lasts one call here.
.load dist/extensions/regexp.wasm --pin regexp
select regexp_like('the year is 2021', '[0-9]+'), regexp_like('the year is 2021', '2k21'), 'the year is 2021' regexp '[0-9]+';
-- => 1|0|1
select regexp_substr('the year is 2021', '[0-9]+'), regexp_substr('the year is 2021', '2k21') is null;
-- => 2021|1
select regexp_capture('years is 2021', '\d\d(\d\d)'), regexp_capture('years is 2021', '\d\d(\d\d)', 1), regexp_capture('the year is 2021', '2k21') is null;
-- => 2021|21|1
select regexp_replace('the year is 2021', '[0-9]+', '2050'), regexp_replace('the year is 2021', '2k21', '2050'), regexp_replace('the year is 2021', '([0-9]+)', '$1 or 2050');
-- => the year is 2050|the year is 2021|the year is 2021 or 2050
select regexp_like('Hello, Wörld', '(?i)wörld'), regexp_substr('καλημέρα κόσμε', '\w+$'), regexp_replace('a1b22c333', '\d+', '-');
-- => 1|κόσμε|a-b-c-
with recursive n(value) as (select 1 union all select value + 1 from n where value < 1000)
select count(*) from n where regexp_like(value, '^1+$');
-- => 3
select regexp_like('abc', '(');
-- !! Runtime error near line 21: missing closing parenthesis (offset 1)
select regexp_like(null, 'a') is null, regexp_substr('abc', null) is null;
-- !! Runtime error near line 23: missing regexp pattern
