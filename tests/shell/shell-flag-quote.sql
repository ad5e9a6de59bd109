-- args: -quote -header
select 1 as a, 'it''s' as b, null as c, x'ff00' as d;
-- => 'a','b','c','d'
-- => 1,'it''s',NULL,X'ff00'
