-- runners: native wasm (needs an fs grant, and .shell to make the files)
-- exit: 1
-- sqlean's vsv module (sqlite/sqlean-vsv.c of sqlean.py 3.50.4.5), compiled
-- unchanged by `make c-sqlean` (with vsv-wasi.h: wasi-libc has no long
-- double strtold, so numeric affinity reads numbers as doubles): the
-- example of sqlean's docs/vsv.md and its parameters, with a file in a
-- scratch directory, give the results of the same source compiled natively
-- and loaded into Debian's sqlite3, whose errors lack sqlink's
-- "sqlean_vsv: " (up to the last section, sqlink's sandbox).
.load dist/extensions-c/sqlean-vsv.wasm
-- !! Error: refusing to load extension sqlean-vsv: it imports wasi:filesystem/types@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro); it imports wasi:filesystem/preopens@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro)
.shell rm -rf /tmp/sqlink-shell-test-sqlean-vsv && mkdir -p /tmp/sqlink-shell-test-sqlean-vsv && cd /tmp/sqlink-shell-test-sqlean-vsv && echo 11,Diane,London > people.csv && echo 22,Grace,Berlin >> people.csv && echo 33,Alice,Paris >> people.csv && echo name,population > cities.csv && echo Berlin,3755000 >> cities.csv && echo London,8982000 >> cities.csv
.load dist/extensions-c/sqlean-vsv.wasm --grant fs:/tmp/sqlink-shell-test-sqlean-vsv
-- docs/vsv.md's example: people.csv as a table
create virtual table people using vsv(
    filename=/tmp/sqlink-shell-test-sqlean-vsv/people.csv,
    schema="create table people(id integer, name text, city text)",
    columns=3,
    affinity=integer
);
select * from people;
-- => 11|Diane|London
-- => 22|Grace|Berlin
-- => 33|Alice|Paris
select typeof(id), typeof(name), sum(id) over () from people;
-- => integer|text|66
-- => integer|text|66
-- => integer|text|66
-- Its parameters: a header row, names from it, no affinity (text)
create virtual table temp.cities using vsv(filename='/tmp/sqlink-shell-test-sqlean-vsv/cities.csv', header=yes);
select * from cities;
-- => Berlin|3755000
-- => London|8982000
select group_concat(name), group_concat(type) from pragma_table_info('cities');
select typeof(population) from cities;
-- => name,population|,
-- => text
-- => text
select sql from sqlite_temp_master where name = 'cities';
-- => CREATE VIRTUAL TABLE cities using vsv(filename='/tmp/sqlink-shell-test-sqlean-vsv/cities.csv', header=yes)
-- data= instead of a file, skip=, fsep=, rsep=, nulls=, affinity=
create virtual table temp.t1 using vsv(data='1;x;2.5|2;;3|3;z;', fsep=';', rsep='|', nulls=yes, affinity=numeric);
select c0, quote(c1), quote(c2) from t1;
-- => 1|'x'|2.5
-- => 2|NULL|3
-- => 3|'z'|NULL
create virtual table temp.t2 using vsv(data="a;b|1;2|3;4|5;6", fsep=';', rsep='|', header=true, skip=1, affinity=integer);
select * from t2;
-- => 5|6
create virtual table temp.t3 using vsv(data='1,2', fsep='\x2c', affinity=blob);
select typeof(c0), hex(c1) from t3;
-- => blob|32
-- Errors: both filename and data, neither, a missing file, a bad parameter
create virtual table temp.e1 using vsv(filename='/tmp/sqlink-shell-test-sqlean-vsv/people.csv', data='1');
-- !! Runtime error near line 54: must specify either filename= or data= but not both
create virtual table temp.e2 using vsv(header=yes);
-- !! Runtime error near line 56: must specify either filename= or data= but not both
create virtual table temp.e3 using vsv(filename='/tmp/sqlink-shell-test-sqlean-vsv/missing.csv');
-- !! Runtime error near line 58: cannot open '/tmp/sqlink-shell-test-sqlean-vsv/missing.csv' for reading
create virtual table temp.e4 using vsv(data='1', nonsense=1);
-- !! Runtime error near line 60: bad parameter: 'nonsense=1'
-- Outside the granted directory a file is not there.
create virtual table temp.e5 using vsv(filename='/etc/hostname');
-- !! Runtime error near line 63: cannot open '/etc/hostname' for reading
