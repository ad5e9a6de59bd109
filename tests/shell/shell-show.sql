-- .show reports the settings sqlink has (a subset of sqlite3's list).
.show
-- =>         echo: off
-- =>      headers: off
-- =>         mode: list
-- =>    nullvalue: ""
-- =>       output: stdout
-- => colseparator: "|"
-- => rowseparator: "\n"
-- =>     filename: :memory:
.echo on
.headers on
.mode csv
.nullvalue N
.output stderr
.show
.output stdout
.echo off
-- => .headers on
-- => .mode csv
-- => .nullvalue N
-- => .output stderr
-- => .echo off
-- !! .show
-- !!         echo: on
-- !!      headers: on
-- !!         mode: csv
-- !!    nullvalue: "N"
-- !!       output: stderr
-- !! colseparator: ","
-- !! rowseparator: "\r\n"
-- !!     filename: :memory:
-- !! .output stdout
.mode column --wrap 10 --ww --quote
.separator "\t" "\r\n"
.show
-- =>         echo: off
-- =>      headers: on
-- =>         mode: column --wrap 10 --wordwrap on --quote
-- =>    nullvalue: "N"
-- =>       output: stdout
-- => colseparator: "\t"
-- => rowseparator: "\r\n"
-- =>     filename: :memory:
