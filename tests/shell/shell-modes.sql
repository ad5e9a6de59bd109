-- Every output mode through .mode, with headers on and off, NULLs,
-- integers, reals, text with quotes and newlines, and blobs.
-- (Expected output checked against sqlite3 3.40; json and quote reals use
-- the shortest round-trip text, see host/shell/src/format.rs.)
create table t(i, r, s, b);
insert into t values (1, 2.5, 'plain', x'414243');
insert into t values (-7, 1.0, 'it''s "quoted", with, commas', NULL);
insert into t values (NULL, 1e100, 'two
lines', x'00ff');
insert into t values (9223372036854775807, 0.1, '', x'');
.headers on
.mode list
select * from t;
-- => i|r|s|b
-- => 1|2.5|plain|ABC
-- => -7|1.0|it's "quoted", with, commas|
-- => |1.0e+100|two
-- => lines|
-- => 9223372036854775807|0.1||
.mode csv
select * from t;
-- ~> i,r,s,b\r
-- ~> 1,2\.5,plain,ABC\r
-- ~> \-7,1\.0,"it's\ ""quoted"",\ with,\ commas",\r
-- => ,1.0e+100,"two
-- ~> lines",""\r
-- ~> 9223372036854775807,0\.1,"",""\r
.mode tabs
select * from t;
-- ~> i\	r\	s\	b\r
-- ~> 1\	2\.5\	plain\	ABC\r
-- ~> \-7\	1\.0\	it's\ "quoted",\ with,\ commas\	\r
-- => 	1.0e+100	two
-- ~> lines\	\r
-- ~> 9223372036854775807\	0\.1\	\	\r
.mode line
select * from t;
-- =>     i = 1
-- =>     r = 2.5
-- =>     s = plain
-- =>     b = ABC
-- =>
-- =>     i = -7
-- =>     r = 1.0
-- =>     s = it's "quoted", with, commas
-- =>     b = 
-- =>
-- =>     i = 
-- =>     r = 1.0e+100
-- =>     s = two
-- => lines
-- =>     b = 
-- =>
-- =>     i = 9223372036854775807
-- =>     r = 0.1
-- =>     s = 
-- =>     b = 
.mode column
select * from t;
-- => i                    r         s                            b  
-- => -------------------  --------  ---------------------------  ---
-- => 1                    2.5       plain                        ABC
-- =>
-- => -7                   1.0       it's "quoted", with, commas     
-- =>
-- =>                      1.0e+100  two                             
-- =>                                lines                           
-- =>
-- => 9223372036854775807  0.1                                       
.mode table
select * from t;
-- => +---------------------+----------+-----------------------------+-----+
-- => |          i          |    r     |              s              |  b  |
-- => +---------------------+----------+-----------------------------+-----+
-- => | 1                   | 2.5      | plain                       | ABC |
-- => +---------------------+----------+-----------------------------+-----+
-- => | -7                  | 1.0      | it's "quoted", with, commas |     |
-- => +---------------------+----------+-----------------------------+-----+
-- => |                     | 1.0e+100 | two                         |     |
-- => |                     |          | lines                       |     |
-- => +---------------------+----------+-----------------------------+-----+
-- => | 9223372036854775807 | 0.1      |                             |     |
-- => +---------------------+----------+-----------------------------+-----+
.mode box
select * from t;
-- => ┌─────────────────────┬──────────┬─────────────────────────────┬─────┐
-- => │          i          │    r     │              s              │  b  │
-- => ├─────────────────────┼──────────┼─────────────────────────────┼─────┤
-- => │ 1                   │ 2.5      │ plain                       │ ABC │
-- => ├─────────────────────┼──────────┼─────────────────────────────┼─────┤
-- => │ -7                  │ 1.0      │ it's "quoted", with, commas │     │
-- => ├─────────────────────┼──────────┼─────────────────────────────┼─────┤
-- => │                     │ 1.0e+100 │ two                         │     │
-- => │                     │          │ lines                       │     │
-- => ├─────────────────────┼──────────┼─────────────────────────────┼─────┤
-- => │ 9223372036854775807 │ 0.1      │                             │     │
-- => └─────────────────────┴──────────┴─────────────────────────────┴─────┘
.mode markdown
select * from t;
-- => |          i          |    r     |              s              |  b  |
-- => |---------------------|----------|-----------------------------|-----|
-- => | 1                   | 2.5      | plain                       | ABC |
-- => | -7                  | 1.0      | it's "quoted", with, commas |     |
-- => |                     | 1.0e+100 | two                         |     |
-- => |                     |          | lines                       |     |
-- => | 9223372036854775807 | 0.1      |                             |     |
.mode json
select i, s from t;
-- => [{"i":1,"s":"plain"},
-- => {"i":-7,"s":"it's \"quoted\", with, commas"},
-- => {"i":null,"s":"two\nlines"},
-- => {"i":9223372036854775807,"s":""}]
.mode quote
select i, s, b from t;
-- => 'i','s','b'
-- => 1,'plain',X'414243'
-- => -7,'it''s "quoted", with, commas',NULL
-- => NULL,'two
-- => lines',X'00ff'
-- => 9223372036854775807,'',X''
.mode html
select i, s from t where i = 1;
-- => <TR><TH>i</TH>
-- => <TH>s</TH>
-- => </TR>
-- => <TR><TD>1</TD>
-- => <TD>plain</TD>
-- => </TR>
.mode tcl
select i, s from t where i = -7;
-- => "i" "s"
-- => "-7" "it's \"quoted\", with, commas"
.mode insert items
select i, s, b from t;
-- => INSERT INTO items(i,s,b) VALUES(1,'plain',X'414243');
-- => INSERT INTO items(i,s,b) VALUES(-7,'it''s "quoted", with, commas',NULL);
-- => INSERT INTO items(i,s,b) VALUES(NULL,replace('two\nlines','\n',char(10)),X'00ff');
-- => INSERT INTO items(i,s,b) VALUES(9223372036854775807,'',X'');
.mode ascii
select i, s from t where i = 1;
.mode list
select 'after ascii';
-- => is1plain'after ascii'
-- => after ascii
.mode count
select * from t;
-- => 4 rows
.mode off
select * from t;
.headers off
.mode list
select * from t where i = 1;
-- => 1|2.5|plain|ABC
.mode csv
select * from t where i = 1;
-- ~> 1,2\.5,plain,ABC\r
.mode column
select * from t where i = 1;
-- => 1  2.5  plain  ABC
.mode
-- => current output mode: column --wrap 60 --wordwrap off --noquote
