-- runners: native wasm (the C builds are not baked into the composed build)
-- exit: 1
-- Statements on the connection in the sqlite3ext.h compatibility layer,
-- emulated over spi (components/sdk-c/compat/spi.c, blob.c): a fixture
-- written for sqlite3_load_extension (compat/testing/spi-statements.c),
-- built with `sqlink-cc --spi`, so it loads only with --grant spi. The
-- same source compiled natively into Debian's sqlite3 3.40 gives the same
-- output, but for the "compat_spi_statements: " of errors.
.load dist/test-extensions/compat-spi-statements.wasm
-- !! Error: refusing to load extension compat-spi-statements: it imports sqlink:extension/spi@0.2.0 and sqlink:extension/blob@0.2.0: load it with --grant spi
.load dist/test-extensions/compat-spi-statements.wasm --grant spi
create table t(a integer primary key, b text, c blob);
insert into t values (1, 'x', x'00112233'), (2, null, x'');
-- prepare, bind_value, step, column_count/name/type/text, finalize.
select rows('select a, b, hex(c) as h from t order by a');
-- => a,b,h;1,x,00112233;2,~,
select rows('select ?1 + ?2, typeof(?3), hex(?3)', 40, 2, x'ff');
-- => ?1 + ?2,typeof(?3),hex(?3);42,blob,FF
select rows('select :x || @y || $z || :x', 'a', 'b', 'c');
-- => :x || @y || $z || :x;abca
select rows('select * from t where a = ?', 3);
-- =>
-- Only the first statement runs (the tail is the rest).
select rows('select 1; select 2');
-- => 1;1
-- Errors at prepare and at step, with errcode/extended_errcode/errmsg; an
-- empty statement is no statement (and stepping none is misuse, 21).
select rows('select nosuch from t');
-- !! Runtime error near line 28: 1/1: no such column: nosuch
select rows('insert into t(a, b) values (1, 2)');
-- !! Runtime error near line 30: 19/1555: UNIQUE constraint failed: t.a
select rows('  -- nothing');
-- !! Runtime error near line 32: 21/0: not an error
-- The connection's code and message after each step; a step after
-- SQLITE_DONE runs the statement again; reset returns a step's failure.
select twice('select 1 union all select 2');
-- => 100/100/another row available 100/100/another row available 101/101/no more rows available 100/100/another row available 100/100/another row available reset=0
create table u(a unique);
select twice('insert into u values (1), (1)');
-- => 19/19/UNIQUE constraint failed: u.a 19/19/UNIQUE constraint failed: u.a 19/19/UNIQUE constraint failed: u.a 19/19/UNIQUE constraint failed: u.a 19/19/UNIQUE constraint failed: u.a reset=19
-- Parameters: count, names (numbered as SQLite does), indexes, range.
select params('select ?, ?5, :a, @b, $c, :a, ?');
-- => 9 ~=0 ~=0 ~=0 ~=0 ?5=5 :a=6 @b=7 $c=8 ~=0 range=25
select params('select 1');
-- => 0 range=25
-- sqlite3_exec of a script, then changes and last_insert_rowid.
select script('insert into t(b) values (''y''); insert into t(b) values (''z''); select * from t; update t set b = b || b where a > 2');
-- => rows=4 changes=2 last=4
select script('select * from nosuch');
-- !! Runtime error near line 49: no such table: nosuch
-- Blob I/O: a write spliced into the value, a read of all of it; writes
-- past the end, missing rows and NULL values fail as in SQLite.
select hex(splice('t', 'c', 1, 1, x'AABB'));
-- => 00AABB33
select hex(c) from t where a = 1;
-- => 00AABB33
select hex(splice('t', 'c', 1, 3, x'AABB'));
-- !! Runtime error near line 57: 1/0: not an error
select hex(splice('t', 'c', 99, 0, x'00'));
-- !! Runtime error near line 59: 1/1: no such rowid: 99
select hex(splice('t', 'b', 2, 0, x'00'));
-- !! Runtime error near line 61: 1/1: cannot open value of type null
