-- args: -init tests/shell/data/init.sql -list
-- -init runs its file first; options on the command line then override
-- what it set: -list replaces .mode csv but, as in sqlite3, keeps its
-- separators; .headers on stays.
select 1 as a, 2 as b;
-- ~> src\r
-- ~> "from init"\r
-- ~> a,b\r
-- ~> 1,2\r
