-- runners: native wasm (reads files under an fs grant, made by .shell)
-- exit: 1
.shell sh tests/shell/data/csv-fixtures.sh /tmp/sqlink-shell-test-vsv
.load dist/extensions/vsv.wasm --grant fs:/tmp/sqlink-shell-test-vsv:ro
-- The vsv virtual table as sqlean 0.27.4's vsv (src/vsv/extension.c,
-- built from source and loaded into Debian's sqlite3 3.40.1) answers:
-- components/extensions/vsv/testdata/vsv.sql, made by gen.sh there (the
-- same cases as sqlean.py 3.50.4.5 in testdata/vsv.tsv agree).
-- tests/shell/vsv.sql is the same run through sqlink, whose errors from
-- the extension read "vsv: " after "error near line N: ".
--
-- sqlean's docs/vsv.md and test/vsv.sql.
create virtual table people using vsv(
    filename=/tmp/sqlink-shell-test-vsv/people.csv,
    schema="create table people(id integer, name text, city text)",
    columns=3,
    affinity=integer
);
select * from people;
-- => 11|Diane|London
-- => 22|Grace|Berlin
-- => 33|Alice|Paris
select '01', count(*) = 3 from people;
-- => 01|1
select '02', (id, name, city) = (22, 'Grace', 'Berlin') from people where id = 22;
-- => 02|1
select '03', typeof(id) = 'integer' from people where id = 22;
-- => 03|1
-- Without options: text columns c0, c1, ...
create virtual table temp.plain using vsv(filename='/tmp/sqlink-shell-test-vsv/people.csv');
select rowid, c0, typeof(c0), c2 from plain;
-- => 1|11|text|London
-- => 2|22|text|Berlin
-- => 3|33|text|Paris
select name, type from pragma_table_info('plain');
-- => c0|
-- => c1|
-- => c2|
-- A header, a BOM, quoted fields, short records, nulls.
create virtual table temp.q using vsv(filename='/tmp/sqlink-shell-test-vsv/quoted.csv', header, nulls);
select name from pragma_table_info('q');
-- => id
-- => name, full
-- => note
select rowid, id, "name, full", quote(note) from q;
-- => 1|1|Ada "the first"|'line one
-- => line two'
-- => 2|2|Grace|NULL
-- => 3|3||NULL
-- Separators, a decimal comma, skip=. (vsv.c reads amount twice here and
-- rewrites the decimal comma in its buffer on the first read, so its
-- typeof(amount) is 'text' on the first row; sqlink makes each value once.)
create virtual table temp.s using vsv(
    filename='/tmp/sqlink-shell-test-vsv/semicolons.csv',
    header, skip=2, fsep=';', dsep=',', affinity=numeric, nulls
);
select rowid, "when", amount, typeof(amount), quote(who) from s;
-- => 1|2024-01-02|12.5|real|'ann'
-- => 2|2024-01-03|-3|integer|'bob'
-- => 3|2024-01-04||null|NULL
create virtual table temp.tabs using vsv(data='a	b|1	2.5|x	', fsep='\t', rsep='|', affinity=real);
select rowid, c0, typeof(c0), c1, typeof(c1) from tabs;
-- => 1|a|text|b|text
-- => 2|1.0|real|2.5|real
-- => 3|x|text||null
-- Affinities.
create virtual table temp.a using vsv(data='1, 2 ,1.0,1.5,1e3,x,', affinity=numeric);
select quote(c0), quote(c1), quote(c2), quote(c3), quote(c4), quote(c5), quote(c6) from a;
-- => 1|2|1|1.5|1000|'x'|NULL
create virtual table temp.b using vsv(data='1,x,', affinity=blob);
select quote(c0), quote(c1), quote(c2) from b;
-- => X'31'|X'78'|NULL
-- validatetext: invalid UTF-8 is an error for affinity=none, in the
-- queries that read it...
create virtual table temp.v using vsv(filename='/tmp/sqlink-shell-test-vsv/latin.csv', validatetext);
select count(*) from v;
-- => 2
select c0 from v;
-- => ok
-- => fine
select c1 from v;
-- !! Runtime error near line 81: Invalid UTF8 Data
-- ...and a blob for affinity=text.
create virtual table temp.vt using vsv(filename='/tmp/sqlink-shell-test-vsv/latin.csv', validatetext, affinity=text);
select c0, typeof(c1), hex(c1) from vt;
-- => ok|blob|C328
-- => fine|text|C3A9
-- Malformed input, and many blocks of a file.
create virtual table temp.m using vsv(filename='/tmp/sqlink-shell-test-vsv/malformed.csv');
select rowid, quote(c0), quote(c1), quote(c2) from m;
-- => 1|'a'|'b"'|''
-- => 2|'open,d
-- => e,f
-- => '|NULL|NULL
create virtual table temp.big using vsv(filename='/tmp/sqlink-shell-test-vsv/big.csv', affinity=integer);
select count(*), max(rowid), sum(c0), typeof(sum(c0)) from big;
-- => 2000|2000|2001000|integer
-- Bad arguments.
create virtual table temp.e1 using vsv(header);
-- !! Runtime error near line 99: must specify either filename= or data= but not both
create virtual table temp.e2 using vsv(data='1', skip=0);
-- !! Runtime error near line 101: skip= value must be positive
create virtual table temp.e3 using vsv(data='1', affinity=int);
-- !! Runtime error near line 103: unknown affinity: 'int'
create virtual table temp.e4 using vsv(data='1', fsep='ab');
-- !! Runtime error near line 105: cannot parse fsep: 'ab'
create virtual table temp.e5 using vsv(data='1', separator=';');
-- !! Runtime error near line 107: bad parameter: 'separator=';''
create virtual table temp.e6 using vsv(data='1
2', skip=5);
-- !! Runtime error near line 109: premature end of file during skip
create virtual table temp.e7 using vsv(filename='/tmp/sqlink-shell-test-vsv/none.csv');
-- !! Runtime error near line 112: cannot open '/tmp/sqlink-shell-test-vsv/none.csv' for reading
-- Outside the granted directory (the reference, unsandboxed, reads it).
create virtual table temp.e8 using vsv(filename='/etc/hostname');
-- !! Runtime error near line 115: cannot open '/etc/hostname' for reading
-- Read-only, and not eponymous.
insert into people values(44, 'Eve', 'Rome');
-- !! Parse error near line 118: table people may not be modified
select * from vsv;
-- !! Parse error near line 120: no such table: vsv
