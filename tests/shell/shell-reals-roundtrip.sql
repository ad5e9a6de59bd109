-- json and quote print reals as the shortest of %!.15g, %!.16g and %!.17g
-- that reads back as the same double (sqlite3 3.40 prints %!.20g there).
.mode json
select 0.1 as a, 1.0/3 as b, 123456789012345678.0 as c, 100.0 as d, 1e100 as e, 0.1+0.2 as f, 9e999 as g, -9e999 as h;
-- => [{"a":0.1,"b":0.3333333333333333,"c":1.2345678901234568e+17,"d":100.0,"e":1.0e+100,"f":0.30000000000000004,"g":1e999,"h":-1e999}]
.mode quote
select 0.1, 1.0/3, 123456789012345678.0, 100.0, 1e100, 0.1+0.2;
-- => 0.1,0.3333333333333333,1.2345678901234568e+17,100.0,1.0e+100,0.30000000000000004
.mode insert t
select 2.5, 3.0, 1.0/3, 9e999;
-- => INSERT INTO t VALUES(2.5,3.0,0.3333333333333333,1e999);
