-- .exit CODE ends the program with CODE.
select 'before';
.exit 7
select 'not reached';
