-- exit: 1
-- SQLite 3.46.1's ext/misc/sqlar.c with zlib 1.3.1, compiled unchanged
-- with the sqlite3ext.h compatibility layer (components/extensions-c/sqlar).
-- SQLite 3.46.1 has no .test for it: the cases are its header comments
-- (sqlar_compress(X) of a blob is zlib's stream when that is smaller, else
-- X; anything else comes back as is; sqlar_uncompress(X, SZ) inflates X
-- when SZ differs from its size, else returns X), round trips, NULLs,
-- wrong types, invalid UTF-8, corrupt input and the flags (both INNOCUOUS
-- only, not deterministic). Expected output: the same SQL through Debian's
-- sqlite3 with sqlar.c compiled natively against Debian's zlib 1.2.13.
.load dist/extensions/sqlar.wasm
SELECT hex(sqlar_compress(cast('hello' as blob))), hex(sqlar_compress(zeroblob(100))), hex(sqlar_compress(x''));
-- => 68656C6C6F|789C6360A03D000000640001|
SELECT sqlar_compress('hello'), sqlar_compress(12), typeof(sqlar_compress(1.5)), quote(sqlar_compress(NULL));
-- => hello|12|real|NULL
SELECT length(sqlar_uncompress(sqlar_compress(zeroblob(100)), 100)), hex(sqlar_uncompress(sqlar_compress(zeroblob(100)), 100)) = hex(zeroblob(100));
-- => 100|1
WITH r(b) AS (SELECT randomblob(5000)) SELECT sqlar_compress(b) = b, sqlar_uncompress(sqlar_compress(b), 5000) = b FROM r;
-- => 1|1
WITH r(b) AS (SELECT cast(replace(hex(zeroblob(3000)), '00', 'ab') as blob)) SELECT length(sqlar_compress(b)) < 6000, sqlar_uncompress(sqlar_compress(b), 6000) = b FROM r;
-- => 1|1
SELECT hex(sqlar_uncompress(x'789c4b4c4a0600024d0127', 3)), hex(sqlar_uncompress(x'616263', 3)), quote(sqlar_uncompress(NULL, 3)), quote(sqlar_uncompress(x'00', NULL));
-- !! Runtime error near line 22: error in uncompress()
SELECT sqlar_uncompress(x'616263', 10);
-- !! Runtime error near line 24: error in uncompress()
SELECT hex(sqlar_uncompress(x'789c4b4c4a0600024d0127', 2));
-- !! Runtime error near line 26: error in uncompress()
SELECT sqlar_uncompress('abc', 3), sqlar_uncompress(42, 2);
-- => abc|42
SELECT hex(sqlar_compress(cast(x'ff' as text))), hex(sqlar_compress(cast(cast(x'ff' as text) as blob)));
-- => FF|FF
SELECT sqlar_compress();
-- !! Parse error near line 32: wrong number of arguments to function sqlar_compress()
-- !!   SELECT sqlar_compress();
-- !!          ^--- error here
SELECT sqlar_uncompress(x'00');
-- !! Parse error near line 36: wrong number of arguments to function sqlar_uncompress()
-- !!   SELECT sqlar_uncompress(x'00');
-- !!          ^--- error here
CREATE TABLE g(a BLOB, c AS (sqlar_compress(a)));
-- !! Parse error near line 40: non-deterministic functions prohibited in generated columns
-- !!   CREATE TABLE g(a BLOB, c AS (sqlar_compress(a)));
-- !!                  error here ---^
CREATE TABLE h(a BLOB, n INT, c AS (sqlar_uncompress(a, n)));
-- !! Parse error near line 44: non-deterministic functions prohibited in generated columns
-- !!   CREATE TABLE h(a BLOB, n INT, c AS (sqlar_uncompress(a, n)));
-- !!                         error here ---^
