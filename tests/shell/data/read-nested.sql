-- Read by data/read-me.sql.

select 'nested';
.quit
select 'not reached: .quit ends only this file';
