-- exit: 3
-- .exit CODE leaves at once with CODE.
select 'before';
.exit 3
select 'not reached';
-- => before
