-- args: -column
-- The -column flag, unlike .mode column, does not turn headers on.
select 1 as a, 'wide value' as b;
-- => 1  wide value
.headers on
select 1 as a, 'wide value' as b;
-- => a  b         
-- => -  ----------
-- => 1  wide value
