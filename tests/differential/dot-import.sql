-- .import: a table made from the header row (names numbered where they
-- repeat), rows into an existing table, --csv, --ascii, --skip, --schema,
-- -v, the output mode's separators, and every error message.
.import
.import tests/differential/data/people.csv
.import --csv tests/differential/data/people.csv
.import --bogus tests/differential/data/people.csv t
.import tests/differential/data/people.csv t extra
.import tests/differential/data/no-such-file.csv t
.import --csv tests/differential/data/people.csv people
select * from people;
.schema people
.import --csv -v tests/differential/data/duplicates.csv dups
.schema dups
.import --csv tests/differential/data/empty.csv nothing
.import --csv --skip 1 tests/differential/data/people.csv people
select count(*) from people;
.import --csv tests/differential/data/quoting.csv quoting
select * from quoting;
.import --ascii -v -v tests/differential/data/units.txt units
select * from units;
create table strict_t(x, y, z not null);
.import --csv tests/differential/data/people.csv strict_t
select count(*) from strict_t;
.import --csv --schema temp tests/differential/data/people.csv tmp
.tables
.import --csv --schema nosuch tests/differential/data/people.csv tmp
.import --csv -v tests/differential/data/people.csv "odd name"
create table one(x);
.import --csv tests/differential/data/people.csv one
select count(*) from one;
create view v as select 1 as a;
.import --csv tests/differential/data/people.csv v
.import -v tests/differential/data/people.csv bymode
select count(*) from bymode;
.separator ,,
.import tests/differential/data/people.csv t2
.separator ""
.import tests/differential/data/people.csv t2
.separator , ""
.import tests/differential/data/people.csv t2
.separator , "\r\n"
.import tests/differential/data/people.csv t2
.mode csv
.import tests/differential/data/people.csv fromcsv
.mode list
select count(*) from fromcsv;
.mode ascii
.import tests/differential/data/units.txt units
.mode list
select count(*) from units;
begin;
.import --csv tests/differential/data/people.csv people
rollback;
select count(*) from people;
.output /tmp/sqlink-differential-import.csv
.print "n,name"
.print "1,written by the script"
.output stdout
.import --csv /tmp/sqlink-differential-import.csv written
select * from written;
.import --csv tests/differential/data quoting
