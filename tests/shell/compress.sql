-- exit: 1
-- SQLite 3.46.1's ext/misc/compress.c with zlib 1.3.1, compiled unchanged
-- with the sqlite3ext.h compatibility layer
-- (components/extensions-c/compress). SQLite 3.46.1 has no .test for it:
-- the cases are its header comment (compress(X) is a blob: the size of X as
-- a varint of 7-bit groups, most significant first, 0x80 on the last, then
-- zlib's stream; uncompress(X) undoes it), round trips, NULLs, wrong
-- types, invalid UTF-8, corrupt input and the flags (compress is INNOCUOUS
-- only, uncompress DETERMINISTIC too). Expected output: the same SQL
-- through Debian's sqlite3 with compress.c compiled natively against
-- Debian's zlib 1.2.13 (-lz); both zlibs give the same bytes here.
.load dist/extensions/compress.wasm
SELECT hex(compress('hello')), hex(compress(x'')), hex(compress(''));
-- => 85789CCB48CDC9C90700062C0215|80789C030000000001|80789C030000000001
SELECT hex(compress(zeroblob(200))), hex(compress(zeroblob(20000)));
-- => 01C8789C6360181E000000C80001|011CA0789CEDC13101000000C2A0F54F6D0D0FA00000000000000000000000000000000000000078304E200001
SELECT cast(uncompress(compress('hello')) as text), typeof(compress('hello')), typeof(uncompress(compress('hello'))), length(uncompress(compress(zeroblob(100000))));
-- => hello|blob|blob|100000
SELECT hex(uncompress(compress(x'00ff10'))), hex(uncompress(compress(12345))), cast(uncompress(compress(1.5)) as text);
-- => 00FF10|3132333435|1.5
SELECT hex(substr(compress(randomblob(300)), 1, 2)), length(uncompress(compress(randomblob(300)))), length(uncompress(compress(randomblob(3000000))));
-- => 02AC|300|3000000
WITH r(b) AS (SELECT randomblob(5000)) SELECT uncompress(compress(b)) = b FROM r;
-- => 1
SELECT hex(compress(cast(x'ff' as text))), hex(uncompress(compress(cast(x'41ff42' as text))));
-- => 81789CFB0F0001000100|41FF42
SELECT quote(compress(NULL)), quote(uncompress(NULL));
-- => X'80789C030000000001'|NULL
SELECT quote(uncompress(x'')), quote(uncompress(x'05')), quote(uncompress(x'85789c'));
-- => NULL|NULL|NULL
-- The size prefix read from 'garbage' is 2084352354 bytes: natively the
-- allocation is made and inflating fails; in sqlink it is past the 256 MiB
-- memory limit, so the allocation fails (as when memory runs out) and
-- uncompress() gives NULL all the same.
SELECT quote(uncompress('garbage'));
-- => NULL
SELECT quote(uncompress(x'81789c4b040000620062')), hex(uncompress(x'80789c030000000001'));
-- => X'61'|
SELECT compress();
-- !! Parse error near line 39: wrong number of arguments to function compress()
-- !!   SELECT compress();
-- !!          ^--- error here
SELECT uncompress(1, 2);
-- !! Parse error near line 43: wrong number of arguments to function uncompress()
-- !!   SELECT uncompress(1, 2);
-- !!          ^--- error here
CREATE TABLE g(a BLOB, u AS (uncompress(a)));
INSERT INTO g(a) VALUES (compress('abc'));
SELECT cast(u as text) FROM g;
-- => abc
CREATE TABLE h(a TEXT, c AS (compress(a)));
-- !! Parse error near line 51: non-deterministic functions prohibited in generated columns
-- !!   CREATE TABLE h(a TEXT, c AS (compress(a)));
-- !!                  error here ---^
