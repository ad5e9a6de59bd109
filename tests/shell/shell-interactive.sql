-- args: -interactive
-- exit: 1
-- -interactive with piped input: banner, prompts, each input line echoed
-- after its prompt as readline does, errors without "near line N". The
-- expectations follow .quit, so the shell never reads (or echoes) them.
select 1;
selec 2;
select
3;
.print done
.quit
-- ~> sqlink \d+\.\d+\.\d+ \(SQLite 3\.\d+\.\d+\)
-- => Enter ".help" for usage hints.
-- => sqlink> -- args: -interactive
-- => sqlink> -- exit: 1
-- => sqlink> -- -interactive with piped input: banner, prompts, each input line echoed
-- => sqlink> -- after its prompt as readline does, errors without "near line N". The
-- => sqlink> -- expectations follow .quit, so the shell never reads (or echoes) them.
-- => sqlink> select 1;
-- => 1
-- => sqlink> selec 2;
-- => sqlink> select
-- =>    ...> 3;
-- => 3
-- => sqlink> .print done
-- => done
-- => sqlink> .quit
-- !! Parse error: near "selec": syntax error
-- !!   selec 2;
-- !!   ^--- error here
