-- .eqp full and EXPLAIN show bytecode in sqlite3's layout (loop bodies
-- indented); sqlink's SQLite is newer than the reference sqlite3, so its
-- bytecode is checked here rather than against sqlite3.
create table t(a);
.eqp full
select a from t;
-- => QUERY PLAN
-- => `--SCAN t
-- => addr  opcode         p1    p2    p3    p4             p5  comment      
-- => ----  -------------  ----  ----  ----  -------------  --  -------------
-- => 0     Init           0     7     0                    0   
-- => 1     OpenRead       0     2     0     1              0   
-- => 2     Rewind         0     6     0                    0   
-- => 3       Column         0     0     1                    0   
-- => 4       ResultRow      1     1     0                    0   
-- => 5     Next           0     3     0                    1   
-- => 6     Halt           0     0     0                    0   
-- => 7     Transaction    0     0     1     0              1   
-- => 8     Goto           0     1     0                    0   
.eqp off
explain select a from t;
-- => addr  opcode         p1    p2    p3    p4             p5  comment      
-- => ----  -------------  ----  ----  ----  -------------  --  -------------
-- => 0     Init           0     7     0                    0   
-- => 1     OpenRead       0     2     0     1              0   
-- => 2     Rewind         0     6     0                    0   
-- => 3       Column         0     0     1                    0   
-- => 4       ResultRow      1     1     0                    0   
-- => 5     Next           0     3     0                    1   
-- => 6     Halt           0     0     0                    0   
-- => 7     Transaction    0     0     1     0              1   
-- => 8     Goto           0     1     0                    0   
/* a comment first: the output mode's layout, as in sqlite3 */ explain select a from t;
-- => 0|Init|0|7|0||0|
-- => 1|OpenRead|0|2|0|1|0|
-- => 2|Rewind|0|6|0||0|
-- => 3|Column|0|0|1||0|
-- => 4|ResultRow|1|1|0||0|
-- => 5|Next|0|3|0||1|
-- => 6|Halt|0|0|0||0|
-- => 7|Transaction|0|0|1|0|1|
-- => 8|Goto|0|1|0||0|
.explain off
explain select 1;
-- => 0|Init|0|4|0||0|
-- => 1|Integer|1|1|0||0|
-- => 2|ResultRow|1|1|0||0|
-- => 3|Halt|0|0|0||0|
-- => 4|Goto|0|1|0||0|
.show
-- =>         echo: off
-- =>          eqp: off
-- =>      explain: off
-- =>      headers: off
-- =>         mode: list
-- =>    nullvalue: ""
-- =>       output: stdout
-- => colseparator: "|"
-- => rowseparator: "\n"
-- =>        width: 
-- =>     filename: :memory:
