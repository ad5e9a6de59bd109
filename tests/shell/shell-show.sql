-- .show reports the settings sqlink has (sqlite3's list without "stats").
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
-- !!          eqp: off
-- !!      explain: auto
-- !!      headers: on
-- !!         mode: csv
-- !!    nullvalue: "N"
-- !!       output: stderr
-- !! colseparator: ","
-- !! rowseparator: "\r\n"
-- !!        width: 
-- !!     filename: :memory:
-- !! .output stdout
.mode column --wrap 10 --ww --quote
.separator "\t" "\r\n"
.show
-- =>         echo: off
-- =>          eqp: off
-- =>      explain: auto
-- =>      headers: on
-- =>         mode: column --wrap 10 --wordwrap on --quote
-- =>    nullvalue: "N"
-- =>       output: stdout
-- => colseparator: "\t"
-- => rowseparator: "\r\n"
-- =>        width: 
-- =>     filename: :memory:
