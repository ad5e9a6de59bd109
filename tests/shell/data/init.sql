-- Read by shell-init.sql through -init (not a test of its own).
.mode csv
.headers on
select 'from init' as src;
