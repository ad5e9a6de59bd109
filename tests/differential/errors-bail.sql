-- args: -bail
-- With -bail the first error stops everything.
select 1;
insert into nosuch values (1);
select 'not reached';
