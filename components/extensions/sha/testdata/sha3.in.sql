-- runners: native (sha3_query and .sha3sum run SQL through SPI)
-- exit: 1
.load dist/extensions/sha.wasm --grant spi
-- sha3, sha3_query and .sha3sum as Debian's sqlite3 3.40.1 (SQLite's
-- shathree.c and shell, built in) answers. Made by gen.sh; under sqlink,
-- errors the extension raises read "sha: " after "error near line N: ".
-- FIPS 202 example messages.
select hex(sha3('abc')), hex(sha3('abc', 224)), hex(sha3('abc', 384));
-- @
select hex(sha3('abc', 512));
-- @
select hex(sha3('')), hex(sha3(x''));
-- @
select hex(sha3('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'));
-- @
-- Blobs as they are, everything else as its text.
select sha3(1) = sha3('1'), sha3(-7) = sha3('-7'), sha3('hello') = sha3(x'68656c6c6f');
-- @
select sha3(2.5) = sha3('2.5'), sha3(1e100) = sha3('1.0e+100'), sha3(0.1 + 0.2) = sha3('0.3'), sha3(1.0/3) = sha3('0.333333333333333');
-- @
select hex(sha3(12345)), hex(sha3(-0.5, 224));
-- @
select hex(sha3('The quick brown 🦊 jumps over 13 lazy 🐶.'));
-- @
select hex(sha3(cast(x'ff00fe' as text)));
-- @
-- NULL gives NULL; the size is checked first.
select sha3(NULL) is null, sha3(NULL, 512) is null;
-- @
select sha3(NULL, 100);
-- @
select sha3('abc', 128);
-- @
select sha3('abc', NULL);
-- @
-- The size is read as sqlite3_value_int reads it.
select sha3('abc', '384') = sha3('abc', 384), sha3('abc', 256.9) = sha3('abc'), sha3('abc', ' 224x') = sha3('abc', 224), sha3('abc', 4294967552) = sha3('abc');
-- @
select sha3('abc', '2.24e2');
-- @
select typeof(sha3('abc')), length(sha3('abc', 224)), length(sha3('abc', 256)), length(sha3('abc', 384)), length(sha3('abc', 512));
-- @
-- sha3_query: each statement and its rows, values tagged with their types.
create table t(a, b);
insert into t values (1, 'x'), (2.5, x'00ff'), (NULL, 'y'), (-9223372036854775808, ''), (0x123456, 1e300);
select hex(sha3_query('select 1; select 2'));
-- @
select sha3_query('select 1; select 2') = sha3('S9:select 1;R' || x'490000000000000001' || 'S9: select 2R' || x'490000000000000002');
-- @
select sha3_query('select * from t') = sha3('S15:select * from t' || 'R' || x'490000000000000001' || 'T1:x'
  || 'R' || x'464004000000000000' || 'B2:' || x'00ff' || 'RNT1:y' || 'R' || x'498000000000000000' || 'T0:'
  || 'R' || x'490000000000123456' || x'467e37e43c8800759c');
-- @
select hex(sha3_query('select * from t order by rowid')), hex(sha3_query('select * from t', 224));
-- @
select hex(sha3_query('select * from t; select count(*) from t;', 384));
-- @
select hex(sha3_query('select * from t', 512));
-- @
select hex(sha3_query('select 1;')), hex(sha3_query('select 1;  -- trailing'));
-- @
select hex(sha3_query('')), hex(sha3_query('  ')), hex(sha3_query(';;'));
-- @
select hex(sha3_query(';select 1')), hex(sha3_query('/* c */ select 1 ; ; select 2'));
-- @
select hex(sha3_query('select ?1, :x, @y'));
-- @
select hex(sha3_query('create trigger if not exists nope after insert on t begin select 1; end'));
-- @
select hex(sha3_query('select abs(-9223372036854775808)'));
-- @
select typeof(sha3_query('explain select 1')), length(sha3_query('explain query plan select * from t', 384));
-- @
select hex(sha3_query('pragma table_info(t)')), hex(sha3_query('begin'));
-- @
select sha3_query(NULL) is null, sha3_query(NULL, 224) is null;
-- @
select sha3_query(NULL, 100);
-- @
select sha3_query('select 1', 0);
-- @
-- Statements that fail to compile, and writes, are errors.
select sha3_query('selec 1');
-- @
select sha3_query('select 1; selec 1; select 2');
-- @
select sha3_query('select * from nosuch; select 1');
-- @
select sha3_query('select 1; @');
-- @
select sha3_query('select ''abc');
-- @
select sha3_query('select (1');
-- @
select sha3_query('insert into t values (1, 2)');
-- @
select sha3_query('select 1; delete from t');
-- @
select sha3_query('explain insert into t values(1,2)');
-- @
select sha3_query('explain query plan delete from t');
-- @
select sha3_query('pragma user_version = 3');
-- @
select sha3_query('create table u(x)');
-- @
select count(*) from t;
-- @
-- .sha3sum: the tables' content (SHA3-224 by default in 3.40.1).
create table "Odd ""Name"""(z);
insert into "Odd ""Name""" values ('q'), (NULL);
create table s(id integer primary key autoincrement, v);
insert into s(v) values (1), ('two');
create table w(k primary key, v) without rowid;
insert into w values ('k', 2);
create table sqlitefoo(x);
insert into sqlitefoo values (1);
create index ti on t(a);
.sha3sum
-- @
.sha3sum --debug
-- @
.sha3sum --sha3-256
-- @
.sha3sum -sha3-384 --schema
-- @
.sha3sum --sha3-512 --debug --schema
-- @
.sha3sum t
-- @
.sha3sum ODD%
-- @
.sha3sum --debug o%
-- @
.sha3sum --sha3-256 _
-- @
.sha3sum sqlite_%
-- @
.sha3sum sqlite%
-- @
.sha3sum --debug nothing
-- @
analyze;
-- (sqlink's SQLite has STAT4, Debian's has not.)
drop table if exists sqlite_stat4;
.sha3sum --schema
-- @
.sha3sum sqlite_stat%
-- @
