-- args: -cmd ".system echo first"
-- skip-runners: wasmtime (WASI cannot start programs; shell/wasmtime-system.sql shows its error)
-- .shell and .system: the command line as sqlite3 builds it (words with
-- spaces quoted), its output after what the shell printed before it, and
-- the wait status of a failing command.
select 'before';
.system echo hi there
.shell "echo a b" c
.system false
.system exit 3
.system
.sh echo abbreviated
.sy echo also
select 'after';
.once /tmp/sqlink-differential-system.txt
.system echo not into the once file
select 'into the once file';
.read /tmp/sqlink-differential-system.txt
