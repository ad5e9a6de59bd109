-- NULL in every mode (the null text applies where sqlite3 applies it).
.nullvalue <null>
.headers on
.mode list
select null as n, 1 as one;
-- => n|one
-- => <null>|1
.mode csv
select null as n, 1 as one;
-- ~> n,one\r
-- ~> <null>,1\r
.mode line
select null as n, 1 as one;
-- =>     n = <null>
-- =>   one = 1
.mode column
select null as n, 1 as one;
-- => n       one
-- => ------  ---
-- => <null>  1  
.mode json
select null as n, 1 as one;
-- => [{"n":null,"one":1}]
.mode quote
select null as n, 1 as one;
-- => 'n','one'
-- => NULL,1
.mode insert t
select null as n, 1 as one;
-- => INSERT INTO t(n,one) VALUES(NULL,1);
.mode table --quote
select null as n, 1 as one;
-- => +------+-----+
-- => |  n   | one |
-- => +------+-----+
-- => | NULL | 1   |
-- => +------+-----+
