-- Column names: expressions, aliases, duplicates, odd characters.
select 1, 1+1, 'x' as "quoted ""name""", 2 as "ünï", 3 as "a,b";
select 1 as a, 2 as a, 3 as A;
select * from (select 1 as x, 2 as y) join (select 3 as x, 4 as z);
create table "weird table"("col 1", "col""2", [col3]);
insert into "weird table" values (1, 2, 3);
select * from "weird table";
select count(*), sum("col 1"), avg([col3]) from "weird table";
