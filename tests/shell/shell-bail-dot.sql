-- exit: 1
-- .bail on stops at the next error, also one from a dot command.
.bail on
select 1;
.nullvalue
select 'not reached';
-- => 1
-- !! Usage: .nullvalue STRING
