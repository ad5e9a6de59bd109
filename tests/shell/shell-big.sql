-- 10 MB values go in and come out whole.
select length(zeroblob(10000000)), length(randomblob(10000000)), typeof(randomblob(10000000));
-- => 10000000|10000000|blob
create table big(x);
insert into big values (randomblob(10000000)), (zeroblob(10000000)), (printf('%.*c', 10000000, 'y'));
select length(x), typeof(x) from big;
-- => 10000000|blob
-- => 10000000|blob
-- => 10000000|text
select length(hex(x)), substr(hex(x), 1, 8) from big where rowid = 2;
-- => 20000000|00000000
create table copy as select x from big;
select count(*) from big join copy using (x);
-- => 3
select length(x), substr(x, 9999995) from big where rowid = 3;
-- => 10000000|yyyyyy
