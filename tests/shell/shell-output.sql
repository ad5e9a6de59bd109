-- exit: 1
-- .output and .once write to a file: here they write SQL that .read then
-- runs, which shows what went into the file.
.once /tmp/sqlink-shell-test-once.sql
select 'select ''once went to the file'';';
select 'this goes to stdout again';
-- => this goes to stdout again
.read /tmp/sqlink-shell-test-once.sql
-- => once went to the file
.output /tmp/sqlink-shell-test-output.sql
select 'select ''first'';';
.print "select 'printed';"
select 'select ''second'';';
.output
select 'back on stdout';
-- => back on stdout
.read /tmp/sqlink-shell-test-output.sql
-- => first
-- => printed
-- => second
.output stdout
.show
-- =>         echo: off
-- =>          eqp: off
-- =>      explain: auto
-- =>      headers: off
-- =>         mode: list
-- =>    nullvalue: ""
-- =>       output: stdout
-- => colseparator: "|"
-- => rowseparator: "\n"
-- =>        width: 
-- =>     filename: :memory:
.output /nonexistent-dir/x.txt
select 'a failed .output leaves stdout';
-- => a failed .output leaves stdout
-- !! Error: cannot open "/nonexistent-dir/x.txt"
-- !! Error: cannot write to "/nonexistent-dir/x.txt"
.output a b
-- => ERROR: extra parameter: "b".  Usage:
-- => .output ?FILE?           Send output to FILE or stdout if FILE is omitted
-- =>    FILE may be "stdout", "stderr" or "off".
