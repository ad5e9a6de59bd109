-- runners: native wasm (bloom_filter1 keeps its bits in a shadow table through SPI; the composed cli cannot grant spi)
-- exit: 1
-- shawnw/useful_sqlite_extensions bloom_filter1: the example of its
-- docs/bloom_filter1.md with its documented results, then the shadow
-- table's exact bits (same SipHash-2-4 keys and layout), sizes for every
-- way of giving n, p and k, numbers/NULL/blobs/invalid UTF-8, 200 members
-- found and 2000 non-members, transactions, rename, drop, and every error.
-- Expected values come from the C reference (src/bloom_filter.c at
-- 24ef848, built with gcc -shared against Debian's libsqlite3) run through
-- /usr/bin/sqlite3 3.40.1; the filter bits at the end were written by the
-- reference (a filter built there answers the same here).
.load dist/extensions/bloom.wasm
-- !! Error: refusing to load extension bloom: it imports sqlink:extension/spi@0.2.0: load it with --grant spi
.load dist/extensions/bloom.wasm --grant spi
.nullvalue NULL
CREATE TABLE plants(name);
CREATE VIRTUAL TABLE vegetables USING bloom_filter1(20);
INSERT INTO plants VALUES ('apple'), ('asparagus'), ('cabbage'), ('grass');
INSERT INTO vegetables VALUES ('asparagus'), ('cabbage');
SELECT * FROM plants WHERE EXISTS (SELECT * FROM vegetables(name));
-- => asparagus
-- => cabbage
SELECT * FROM plants WHERE 1 NOT IN vegetables(name);
-- => apple
-- => grass
SELECT n, m, k, p, length(data), hex(data) FROM vegetables_storage;
-- => 20|192|7|0.01|24|910400000400000000080108408004000001000000002010
SELECT * FROM vegetables('cabbage');
-- => 1
SELECT present, word FROM vegetables('cabbage');
-- => 1|cabbage
SELECT * FROM vegetables WHERE word = 'asparagus';
-- => 1
SELECT count(*) FROM vegetables('apple');
-- => 0
SELECT count(*) FROM vegetables;
-- => 0
SELECT name, (SELECT present FROM vegetables(name)) FROM plants;
-- => apple|NULL
-- => asparagus|1
-- => cabbage|1
-- => grass|NULL
CREATE VIRTUAL TABLE nums USING bloom_filter1(100, 0.001);
INSERT INTO nums VALUES (1), (2.5), (x'00ff'), (NULL), ('');
SELECT n, m, k, p, length(data) FROM nums_storage;
-- => 100|1440|10|0.001|180
SELECT count(*) FROM nums(1);
-- => 1
SELECT count(*) FROM nums('1');
-- => 1
SELECT count(*) FROM nums(1.0);
-- => 0
SELECT count(*) FROM nums('2.5');
-- => 1
SELECT count(*) FROM nums(2.5);
-- => 1
SELECT count(*) FROM nums(x'00ff');
-- => 1
SELECT count(*) FROM nums(x'00');
-- => 0
SELECT count(*) FROM nums(NULL);
-- => 0
SELECT count(*) FROM nums('');
-- => 1
SELECT count(*) FROM nums(x'');
-- => 1
SELECT count(*) FROM nums(3);
-- => 0
SELECT hex(data) FROM nums_storage;
-- => 000000000200040010000000200000000800000008000000000000000004800000000000000002000000000000400000000020000000000010000001000000004000000080000000000000000000200000000000000000000000000001000000010001000000080000020010000040000010000080000000000004800800880000000000010000020000800001000008000000000000000080800000000000000800080000000000100000000000000000000000
CREATE VIRTUAL TABLE k3 USING bloom_filter1(10, 0.1, 3);
INSERT INTO k3 VALUES ('a'), ('b'), (cast(x'ff' as text));
SELECT n, m, k, p, hex(data) FROM k3_storage;
-- => 10|48|3|0.1|88C204804004
SELECT count(*) FROM k3(cast(x'ff' as text));
-- => 1
SELECT count(*) FROM k3(x'ff');
-- => 1
SELECT count(*) FROM k3('c');
-- => 0
CREATE VIRTUAL TABLE hex USING bloom_filter1(0x10, 0.5);
SELECT n, m, k, p FROM hex_storage;
-- => 16|24|1|0.5
CREATE VIRTUAL TABLE oct USING bloom_filter1(010, 5e-2, 2);
SELECT n, m, k, p FROM oct_storage;
-- => 8|56|2|0.05
CREATE VIRTUAL TABLE dflt USING bloom_filter1;
SELECT n, m, k, p, length(data) FROM dflt_storage;
-- => 100|960|7|0.01|120
CREATE VIRTUAL TABLE many USING bloom_filter1(1000, 0.01, 5, 9);
SELECT n, m, k, p FROM many_storage;
-- => 1000|9592|7|0.01
CREATE VIRTUAL TABLE tiny USING bloom_filter1(1, 0.0000001);
SELECT n, m, k, p FROM tiny_storage;
-- => 1|40|23|0.0
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 200) INSERT INTO many SELECT 'w' || i FROM c;
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 200) SELECT count(*) FROM c WHERE EXISTS (SELECT 1 FROM many('w' || i));
-- => 200
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000) SELECT count(*) FROM c WHERE EXISTS (SELECT 1 FROM many('x' || i));
-- => 0
SELECT sha1 FROM (SELECT hex(data) AS sha1 FROM many_storage) WHERE 0;
SELECT length(data), hex(substr(data, 1, 16)) FROM many_storage;
-- => 1199|00008801908108501018008000001000
BEGIN;
INSERT INTO k3 VALUES ('rolled back');
SELECT count(*) FROM k3('rolled back');
-- => 1
ROLLBACK;
SELECT count(*) FROM k3('rolled back');
-- => 0
ALTER TABLE k3 RENAME TO k4;
SELECT name FROM sqlite_schema WHERE name LIKE 'k%' ORDER BY name;
-- => k4
-- => k4_storage
SELECT count(*) FROM k4('a');
-- => 1
DROP TABLE k4;
SELECT name FROM sqlite_schema WHERE name LIKE 'k%' ORDER BY name;
CREATE VIRTUAL TABLE e1 USING bloom_filter1(0);
-- !! Runtime error near line 119: Number of elements in filter must be positive
CREATE VIRTUAL TABLE e2 USING bloom_filter1(-5);
-- !! Runtime error near line 121: Number of elements in filter must be positive
CREATE VIRTUAL TABLE e3 USING bloom_filter1(abc);
-- !! Runtime error near line 123: Number of elements in filter must be positive
CREATE VIRTUAL TABLE e4 USING bloom_filter1(10, 1.0);
-- !! Runtime error near line 125: Probability must be in the range (0,1)
CREATE VIRTUAL TABLE e5 USING bloom_filter1(10, 0);
-- !! Runtime error near line 127: Probability must be in the range (0,1)
CREATE VIRTUAL TABLE e6 USING bloom_filter1(10, '0.1');
-- !! Runtime error near line 129: Probability must be in the range (0,1)
CREATE VIRTUAL TABLE e7 USING bloom_filter1(10, 0.1, 0);
-- !! Runtime error near line 131: Number of hash functions must be positive.
CREATE VIRTUAL TABLE e8 USING bloom_filter1(10, 0.1, -1);
-- !! Runtime error near line 133: Number of hash functions must be positive.
CREATE TABLE e9_storage(x);
CREATE VIRTUAL TABLE e9 USING bloom_filter1(10);
-- !! Runtime error near line 136: table "e9_storage" already exists
CREATE VIRTUAL TABLE ok USING bloom_filter1(10);
INSERT INTO ok VALUES ('x');
DELETE FROM ok WHERE word = 'x';
-- !! Runtime error near line 140: bloom_filter elements cannot be deleted.
UPDATE ok SET present = 2 WHERE word = 'x';
-- !! Runtime error near line 142: bloom_filter elements cannot be updated.
DELETE FROM ok;
SELECT count(*) FROM ok('x');
-- => 1
SELECT * FROM bloom_filter1('x');
-- !! Parse error near line 147: no such table: bloom_filter1
CREATE VIRTUAL TABLE f USING bloom_filter1(50, 0.02);
UPDATE f_storage SET data = x'0000441000000C0004000000000000000000001100000000000000000041000000040080000000000480000102004000000000';
SELECT count(*) FROM f('alpha');
-- => 1
SELECT count(*) FROM f('beta');
-- => 1
SELECT count(*) FROM f(42);
-- => 1
SELECT count(*) FROM f('42');
-- => 1
SELECT count(*) FROM f('gamma');
-- => 0
INSERT INTO f VALUES ('alpha'), ('beta'), (42);
SELECT hex(data) FROM f_storage;
-- => 0000441000000C0004000000000000000000001100000000000000000041000000040080000000000480000102004000000000
.open --new /tmp/sqlink-shell-test-bloom.db
CREATE VIRTUAL TABLE seen USING bloom_filter1(1000, 0.001);
INSERT INTO seen VALUES ('https://sqlite.org/'), ('https://example.com/');
-- Reconnecting (sqlink's .open keeps loaded extensions): the table comes back.
.open /tmp/sqlink-shell-test-bloom.db
SELECT count(*) FROM seen('https://sqlite.org/');
-- => 1
SELECT count(*) FROM seen('https://example.org/');
-- => 0
INSERT INTO seen VALUES ('https://example.org/');
SELECT count(*) FROM seen('https://example.org/');
-- => 1
SELECT n, m, k, p FROM seen_storage;
-- => 1000|14384|10|0.001
