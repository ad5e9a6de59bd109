-- runners: wasmtime (the others run programs: tests/differential/dot-system.sql)
-- exit: 1
-- Under wasmtime the shell cannot start programs (WASI has no processes):
-- .system and .shell say so; .import from a command cannot open it.
.system echo hi
-- !! Error: cannot run "echo hi": operation not supported on this platform
.shell ls
-- !! Error: cannot run "ls": operation not supported on this platform
.import "|echo a,b" t
-- !! Error: cannot open "|echo a,b"
select 'still running';
-- => still running
