-- exit: 1
-- .read runs a file with its own line numbers; .quit inside it ends only
-- that file; a missing file is an error.
select 'start';
.read tests/shell/data/read-me.sql
select 'after read';
-- => start
-- => in data/read-me.sql
-- => nested
-- => back in read-me
-- => after read
-- !! Parse error near line 3: near "selec": syntax error
-- !!   selec 2;
-- !!   ^--- error here
.read tests/shell/data/no-such-file.sql
-- !! Error: cannot open "tests/shell/data/no-such-file.sql"
.read
-- !! Usage: .read FILE
