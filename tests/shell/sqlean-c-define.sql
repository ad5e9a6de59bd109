-- runners: native wasm (the C builds are not baked into the composed build)
-- exit: 1
-- sqlean's define module (sqlite/sqlean-define.c of sqlean.py 3.50.4.5),
-- compiled unchanged by `make c-sqlean` with `sqlink-cc --spi`: the
-- examples of sqlean's docs/define.md, in a database file, give the results
-- of the same source compiled natively and loaded into Debian's sqlite3
-- (but for the section marked sqlink only; randint's are checked for their
-- range). Its init function runs SQL (it creates sqlean_define and
-- re-creates the functions saved there): the manifest comes from what init
-- registers while that SQL waits, and init runs again, with its SQL, when
-- the extension is attached to a connection; functions it or define()
-- creates then are declared on the connection (spi's declare-function,
-- calls dispatched to sqlean's C callback). Its table runs sqlite3_stmt_readonly (EXPLAIN over spi) and
-- reads column names and declared types before the first step (a LIMIT 0
-- wrapper over spi; a read-only PRAGMA, which cannot be wrapped, runs once
-- with NULL parameters for them).
-- Built without --spi (a fixture), the load fails naming sqlite3_exec; the
-- --spi build needs the grant.
.load dist/test-extensions/sqlean-define.wasm
-- !! Error: attach failed: sqlean_define: sqlite3_define_init() calls sqlite3_exec, which sqlink's sqlite3ext.h compatibility layer does not provide
.load dist/extensions-c/sqlean-define.wasm
-- !! Error: refusing to load extension sqlean-define: it imports sqlink:extension/spi@0.2.0 and sqlink:extension/blob@0.2.0: load it with --grant spi
.shell rm -f /tmp/sqlink-shell-test-sqlean-define.db
.open /tmp/sqlink-shell-test-sqlean-define.db
.load dist/extensions-c/sqlean-define.wasm --grant spi
-- Scalar functions
select define('sumn', ':n * (:n + 1) / 2');
select sumn(5);
-- =>
-- => 15
select define('subxy1', '? - ?');
select subxy1(5, 1);
select define('subxy2', '?1 - ?2');
select subxy2(5, 1);
select define('subxy3', '?2 - ?1');
select subxy3(5, 1);
select define('subxy4', ':x - :y');
select subxy4(5, 1);
-- =>
-- => 4
-- =>
-- => 4
-- =>
-- => -4
-- =>
-- => 4
select define('randint', ':a + abs(random()) % (:b - :a + 1)');
with recursive s(i) as (select 1 union all select i + 1 from s where i < 100)
select count(*), min(r) >= 10, max(r) <= 99, count(distinct r) > 10 from (select randint(10, 99) as r from s);
-- =>
-- => 100|1|1|1
select sumn(subxy1(10, 5)), sumn(sumn(2));
-- => 15|6
select name, body from sqlean_define where type = 'scalar';
-- => sumn|:n * (:n + 1) / 2
-- => subxy1|? - ?
-- => subxy2|?1 - ?2
-- => subxy3|?2 - ?1
-- => subxy4|:x - :y
-- => randint|:a + abs(random()) % (:b - :a + 1)
-- Table-valued functions
create virtual table strcut using define((
  select
    substr(:str, 1, instr(:str, :sep) - 1) as left,
    :sep as separator,
    substr(:str, instr(:str, :sep) + 1) as right
));
select * from strcut('one;two', ';');
select left, right from strcut('one;two', ';');
select left from strcut('one;two', ';');
-- => one|;|two
-- => one|two
-- => one
create table data(id integer primary key, value text);
insert into data(value) values ('one;two'), ('three;four'), ('five;six');
select * from data;
select id, left, right from data, strcut(data.value, ';');
-- => 1|one;two
-- => 2|three;four
-- => 3|five;six
-- => 1|one|two
-- => 2|three|four
-- => 3|five|six
select name from sqlean_define where type = 'table';
-- => strcut
create virtual table plus using define((select :x + 1 as value));
select max(plus.value) from data, plus(data.id);
-- => 4
create virtual table bad using define((insert into data(value) values (:v)));
-- !! Runtime error near line 89: Statement must be read only.
-- Arbitrary SQL statements
select eval('select 42');
select eval('select 10 + 32');
select eval('select abs(-42)');
select eval('select ''hello''');
select eval('select 1, 2, 3');
select eval('select 1, 2, 3', '|');
select eval('select 1; select 2; select 3;');
select eval('select 1, 2, 3; select 4, 5, 6; select 7, 8, 9;');
-- => 42
-- => 42
-- => 42
-- => hello
-- => 1 2 3
-- => 1|2|3
-- => 1 2 3
-- => 1 2 3 4 5 6 7 8 9
select eval('create table tmp(value int)');
select eval('insert into tmp(value) values (1), (2), (3)');
select count(*) from tmp;
select eval('select value from tmp');
select eval('drop table tmp');
-- =>
-- =>
-- => 3
-- => 1 2 3
-- =>
-- Saved functions come back on a new connection (sqlink keeps an extension
-- loaded across .open: attached to the new connection, its init runs
-- again there).
.open /tmp/sqlink-shell-test-sqlean-define.db
select sumn(5), subxy3(5, 1);
select * from strcut('a;b', ';');
-- => 15|-4
-- => a|;|b
-- What sqlink changes (sqlink only): SQL an extension runs cannot call the
-- extension back, so a defined function whose body calls another fails
-- (sqlean passes on only the code; the layer adds the reason), and
-- undefine() of a table-valued function fails to drop it (DROP TABLE
-- does).
select define('twice', '2 * sumn(:n)');
select twice(5);
-- =>
-- !! Runtime error near line 132: SQL logic error (sqlean_define: the extension is already running a call on this connection (SQL it runs through SPI cannot call its own functions))
select undefine('strcut');
-- !! Runtime error near line 135: SQL logic error
drop table strcut;
select name from sqlean_define where type = 'table';
-- => plus
-- undefine(), define_free(), and on a new connection the function is gone.
select undefine('subxy4');
select define_free();
-- =>
-- =>
.open /tmp/sqlink-shell-test-sqlean-define.db
select subxy4(5, 1);
-- !! Parse error near line 146: no such function: subxy4
-- !!   select subxy4(5, 1);
-- !!          ^--- error here
-- Declared types: the layer's sqlite3_column_decltype reports what spi
-- reports, so the table's columns have the query's declared types, none
-- for an expression, as sqlean's (the same source built natively).
CREATE TABLE typed(i INTEGER, t TEXT, r REAL, n NUMERIC, b BLOB, x, d VARCHAR(10));
INSERT INTO typed VALUES (1, '1', 1.5, '1', x'01', 1, 'one'), (2, '2', 2.5, '2', x'02', 2, 'two');
CREATE VIEW typed_view AS SELECT i AS vi, t AS vt FROM typed;
CREATE VIRTUAL TABLE typed_f USING define((SELECT i, t, r AS renamed, n, b, x, d, i + 1 AS expr, (SELECT vt FROM typed_view WHERE vi = typed.i) AS sub FROM typed WHERE i >= :min));
SELECT name, type FROM pragma_table_info('typed_f');
-- => i|INTEGER
-- => t|TEXT
-- => renamed|REAL
-- => n|NUMERIC
-- => b|BLOB
-- => x|
-- => d|VARCHAR(10)
-- => expr|
-- => sub|TEXT
SELECT i, t FROM typed_f(0) WHERE t = 2;
-- => 2|2
SELECT i, t FROM typed_f(0) WHERE i = '2';
-- => 2|2
SELECT count(*) FROM typed_f(0) WHERE expr = '3';
-- => 0
SELECT count(*) FROM typed_f(0) WHERE expr = 3;
-- => 1
CREATE VIRTUAL TABLE from_view USING define((SELECT * FROM typed_view));
SELECT name, type FROM pragma_table_info('from_view');
-- => vi|INTEGER
-- => vt|TEXT
CREATE VIRTUAL TABLE from_pragma USING define((PRAGMA table_info(typed)));
SELECT name, type FROM pragma_table_info('from_pragma');
-- => cid|
-- => name|
-- => type|
-- => notnull|
-- => dflt_value|
-- => pk|
