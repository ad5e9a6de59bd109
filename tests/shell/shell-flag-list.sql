-- args: -csv -list -separator ; -newline ~ -noheader
select 1, 2;
select 3;
-- => 1;2~3~
