-- runners: native wasm (the blob import: in place on the native connection, and through the relay to SQLite in wasm)
-- exit: 1
-- An extension granted spi reads and overwrites part of a value in place
-- (the contract's `blob` interface, sqlite3_blob_* in a host).
.load dist/test-extensions/spisql.wasm --grant spi
create table t(id integer primary key, b blob, s text, n, k integer unique);
insert into t values (1, x'00112233445566778899', 'héllo', null, 7);
insert into t values (2, zeroblob(100000), '', 1.5, 8);
select spi_blob_size('t', 'b', 1), spi_blob_size('t', 's', 1), spi_blob_size('t', 'b', 2), spi_blob_size('t', 's', 2);
-- => 10|6|100000|0
select hex(spi_blob_read('t', 'b', 1, 2, 3)), hex(spi_blob_read('t', 's', 1, 1, 2));
-- => 223344|C3A9
select length(spi_blob_read('t', 'b', 2, 0, 100000)), hex(spi_blob_read('t', 'b', 2, 99998, 2));
-- => 100000|0000
-- A write changes the bytes in place; the value keeps its size and type.
select spi_blob_write('t', 'b', 2, 99990, x'cafe');
-- => 100000
select hex(substr(b, 99990, 4)), length(b), typeof(b) from t where id = 2;
-- => 00CAFE00|100000|blob
select spi_blob_write('t', 's', 1, 0, cast('J' as blob)), s from t where id = 1;
-- => 6|Jéllo
-- Inside a transaction, and rolled back with it.
begin;
select spi_blob_write('t', 'b', 1, 0, x'ffff');
-- => 10
select hex(b) from t where id = 1;
-- => FFFF2233445566778899
rollback;
select hex(b) from t where id = 1;
-- => 00112233445566778899
-- Errors are sqlite3_blob_open's.
select spi_blob_size('t', 'b', 9);
-- !! Runtime error near line 32: no such rowid: 9
select spi_blob_size('t', 'n', 1);
-- !! Runtime error near line 34: cannot open value of type null
select spi_blob_size('t', 'n', 2);
-- !! Runtime error near line 36: cannot open value of type real
select spi_blob_size('nosuch', 'b', 1);
-- !! Runtime error near line 38: no such table: main.nosuch
select spi_blob_size('t', 'nosuch', 1);
-- !! Runtime error near line 40: no such column: "nosuch"
select spi_blob_read('t', 'b', 1, 8, 3);
-- !! Runtime error near line 42: 3 bytes at offset 8 lie past the end of a value of 10 bytes
select spi_blob_write('t', 'b', 1, 9, x'0102');
-- !! Runtime error near line 44: 2 bytes at offset 9 lie past the end of a value of 10 bytes
select spi_blob_write('t', 'k', 1, 0, x'01');
-- !! Runtime error near line 46: cannot open indexed column for writing
select hex(b), k from t where id = 1;
-- => 00112233445566778899|7
