-- The corpus of testdata/vectors.txt: every path of up to 5 bytes from
-- '/', '.', 'a' and 'b' through each one-argument function, path_at from
-- -3 to 3 and path_parts; every pair of up to 3 bytes through path_join and
-- path_intersection; every triple of up to 2 bytes through path_join.
-- One line per call: the function, its arguments and the result, quoted.
.mode tabs
.headers off
create temp table s as with recursive s(p) as (select '' union all select p || c from s, (select '/' as c union all select '.' union all select 'a' union all select 'b') where length(p) < 5) select p from s;
create temp table short as select p from s where length(p) <= 3;
create temp table tiny as select p from s where length(p) <= 2;
select 'absolute', quote(p), quote(path_absolute(p)) from s;
select 'relative', quote(p), quote(path_relative(p)) from s;
select 'basename', quote(p), quote(path_basename(p)) from s;
select 'dirname', quote(p), quote(path_dirname(p)) from s;
select 'extension', quote(p), quote(path_extension(p)) from s;
select 'name', quote(p), quote(path_name(p)) from s;
select 'normalize', quote(p), quote(path_normalize(p)) from s;
select 'root', quote(p), quote(path_root(p)) from s;
select 'length', quote(p), quote(path_length(p)) from s;
select 'parts', quote(p), quote((select group_concat(rowid || ':' || type || ':' || part, ',') from path_parts(p))) from s;
select 'at', quote(p), n.value, quote(path_at(p, n.value)) from s, (select -3 as value union all select -2 union all select -1 union all select 0 union all select 1 union all select 2 union all select 3) as n;
select 'join', quote(a.p), quote(b.p), quote(path_join(a.p, b.p)) from short as a, short as b;
select 'intersection', quote(a.p), quote(b.p), quote(path_intersection(a.p, b.p)) from short as a, short as b;
select 'join', quote(a.p), quote(b.p), quote(c.p), quote(path_join(a.p, b.p, c.p)) from tiny as a, tiny as b, tiny as c;
