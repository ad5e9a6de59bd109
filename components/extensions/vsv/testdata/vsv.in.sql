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
-- @
select '01', count(*) = 3 from people;
-- @
select '02', (id, name, city) = (22, 'Grace', 'Berlin') from people where id = 22;
-- @
select '03', typeof(id) = 'integer' from people where id = 22;
-- @
-- Without options: text columns c0, c1, ...
create virtual table temp.plain using vsv(filename='/tmp/sqlink-shell-test-vsv/people.csv');
select rowid, c0, typeof(c0), c2 from plain;
-- @
select name, type from pragma_table_info('plain');
-- @
-- A header, a BOM, quoted fields, short records, nulls.
create virtual table temp.q using vsv(filename='/tmp/sqlink-shell-test-vsv/quoted.csv', header, nulls);
select name from pragma_table_info('q');
-- @
select rowid, id, "name, full", quote(note) from q;
-- @
-- Separators, a decimal comma, skip=. (vsv.c reads amount twice here and
-- rewrites the decimal comma in its buffer on the first read, so its
-- typeof(amount) is 'text' on the first row; sqlink makes each value once.)
create virtual table temp.s using vsv(
    filename='/tmp/sqlink-shell-test-vsv/semicolons.csv',
    header, skip=2, fsep=';', dsep=',', affinity=numeric, nulls
);
select rowid, "when", amount, typeof(amount), quote(who) from s;
-- @
create virtual table temp.tabs using vsv(data='a	b|1	2.5|x	', fsep='\t', rsep='|', affinity=real);
select rowid, c0, typeof(c0), c1, typeof(c1) from tabs;
-- @
-- Affinities.
create virtual table temp.a using vsv(data='1, 2 ,1.0,1.5,1e3,x,', affinity=numeric);
select quote(c0), quote(c1), quote(c2), quote(c3), quote(c4), quote(c5), quote(c6) from a;
-- @
create virtual table temp.b using vsv(data='1,x,', affinity=blob);
select quote(c0), quote(c1), quote(c2) from b;
-- @
-- validatetext: invalid UTF-8 is an error for affinity=none, in the
-- queries that read it...
create virtual table temp.v using vsv(filename='/tmp/sqlink-shell-test-vsv/latin.csv', validatetext);
select count(*) from v;
-- @
select c0 from v;
-- @
select c1 from v;
-- @
-- ...and a blob for affinity=text.
create virtual table temp.vt using vsv(filename='/tmp/sqlink-shell-test-vsv/latin.csv', validatetext, affinity=text);
select c0, typeof(c1), hex(c1) from vt;
-- @
-- Malformed input, and many blocks of a file.
create virtual table temp.m using vsv(filename='/tmp/sqlink-shell-test-vsv/malformed.csv');
select rowid, quote(c0), quote(c1), quote(c2) from m;
-- @
create virtual table temp.big using vsv(filename='/tmp/sqlink-shell-test-vsv/big.csv', affinity=integer);
select count(*), max(rowid), sum(c0), typeof(sum(c0)) from big;
-- @
-- Bad arguments.
create virtual table temp.e1 using vsv(header);
-- @
create virtual table temp.e2 using vsv(data='1', skip=0);
-- @
create virtual table temp.e3 using vsv(data='1', affinity=int);
-- @
create virtual table temp.e4 using vsv(data='1', fsep='ab');
-- @
create virtual table temp.e5 using vsv(data='1', separator=';');
-- @
create virtual table temp.e6 using vsv(data='1
2', skip=5);
-- @
create virtual table temp.e7 using vsv(filename='/tmp/sqlink-shell-test-vsv/none.csv');
-- @
-- Outside the granted directory (the reference, unsandboxed, reads it).
create virtual table temp.e8 using vsv(filename='/etc/hostname');
-- @
-- Read-only, and not eponymous.
insert into people values(44, 'Eve', 'Rome');
-- @
select * from vsv;
-- @
