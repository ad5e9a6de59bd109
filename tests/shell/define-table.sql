-- runners: native wasm (define runs SQL through SPI from functions and virtual tables; the composed cli cannot grant spi)
-- exit: 1
-- sqlean define's table-valued functions: the examples of its
-- docs/define.md ("Table-valued functions") with their documented results,
-- the checks of its test/define.sql, and what happens on reconnect (the
-- table lives in the schema and comes back with the extension).
.open --new /tmp/sqlink-shell-test-define-table.db
.load dist/extensions/define.wasm --grant spi
create virtual table strcut using define((
  select
    substr(:str, 1, instr(:str, :sep) - 1) as left,
    :sep as separator,
    substr(:str, instr(:str, :sep) + 1) as right
));
select * from strcut('one;two', ';');
-- => one|;|two
select left, right from strcut('one;two', ';');
-- => one|two
select left from strcut('one;two', ';');
-- => one
create table data(id integer primary key, value text);
insert into data(value) values ('one;two'), ('three;four'), ('five;six');
.mode box
select * from data;
-- => ┌────┬────────────┐
-- => │ id │   value    │
-- => ├────┼────────────┤
-- => │ 1  │ one;two    │
-- => │ 2  │ three;four │
-- => │ 3  │ five;six   │
-- => └────┴────────────┘
select id, left, right from data, strcut(data.value, ';');
-- => ┌────┬───────┬───────┐
-- => │ id │ left  │ right │
-- => ├────┼───────┼───────┤
-- => │ 1  │ one   │ two   │
-- => │ 2  │ three │ four  │
-- => │ 3  │ five  │ six   │
-- => └────┴───────┴───────┘
.mode list
-- test/define.sql 31, 42, 44, 45.
select '31', (left, right) = ('one', 'two') from strcut('one;two', ';');
-- => 31|1
select '42', type = 'table' from sqlean_define where name = 'strcut';
-- => 42|1
select '44', count(*) = 1 from sqlean_define where type = 'table';
-- => 44|1
select '45', count(*) = 1 from sqlite_master where type = 'table' and name = 'strcut';
-- => 45|1
-- The parameters are hidden columns: arguments, or = constraints.
select str, sep, rowid from strcut('a;b', ';');
-- => a;b|;|1
select * from strcut where str = 'x-y' and sep = '-';
-- => x|-|y
select quote(left), quote(separator), quote(right) from strcut;
-- => NULL|NULL|NULL
select * from strcut('x;y', ';') where str > 'a';
-- !! Parse error near line 57: no query solution
create virtual table plus using define((select :x + 1 as value));
select max(plus.value) from data, plus(data.id);
-- => 4
-- Any SELECT, several rows, parameters numbered or named.
create virtual table upto using define((
  with recursive c(value) as (select 1 union all select value + 1 from c where value < ?)
  select value from c
));
select group_concat(value) from upto(4);
-- => 1,2,3,4
create virtual table pick using define((select ?2 || ?1 as x));
select x from pick('a', 'b');
-- => ba
-- sqlean's errors.
create virtual table bad using define(select 1);
-- !! Runtime error near line 73: statement must be parenthesized (21)
create virtual table bad using define;
-- !! Runtime error near line 75: no statement provided (21)
create virtual table bad using define((insert into data values (9, 'x')));
-- !! Runtime error near line 77: Statement must be read only.
create virtual table bad using define((selec 1));
-- !! Runtime error near line 79: near "selec": syntax error
create virtual table bad using define((select :x as x));
-- !! Runtime error near line 81: duplicate column name: x
select count(*) from data;
-- => 3
-- Reconnecting: the functions come back with the extension (sqlink's
-- .open keeps loaded extensions).
.open /tmp/sqlink-shell-test-define-table.db
select * from strcut('one;two', ';');
-- => one|;|two
select name, type from sqlean_define order by name;
-- => pick|table
-- => plus|table
-- => strcut|table
-- => upto|table
-- undefine() cannot drop them in sqlink; DROP TABLE does, definition included.
select undefine('strcut');
-- !! Runtime error near line 96: undefine() cannot drop the table-valued function strcut (the drop would call back into this extension); use DROP TABLE strcut
drop table strcut;
select * from strcut('one;two', ';');
-- !! Parse error near line 99: no such table: strcut
select name from sqlean_define order by name;
-- => pick
-- => plus
-- => upto
select '54', count(*) = 0 from sqlite_master where type = 'table' and name = 'strcut';
-- => 54|1
-- Declared types (sqlite3_column_decltype through spi): the table's columns
-- have the query's declared types, none for an expression; sqlean's output.
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
