-- exit: 1
-- SQLite 3.46.1's ext/misc/uint.c, compiled unchanged with the sqlite3ext.h
-- compatibility layer (components/extensions-c/uint): the UINT collation.
-- SQLite 3.46.1 has no .test for it: the cases are the rules of uint.c's
-- header comment (digits compare as unsigned integers of any length,
-- leading zeros do not count, signs and decimal points are ignored), then
-- NULLs, blobs, invalid UTF-8. Expected output: the same SQL through
-- Debian's sqlite3 with uint.c compiled natively (gcc -shared, .load).
.load dist/extensions/uint.wasm
CREATE TABLE t(x TEXT);
INSERT INTO t VALUES ('file10'), ('file9'), ('file1'), ('file010'), ('x00123y'), ('x123y'), ('x0124y'), ('abc'), ('ABC'), ('a-5'), ('a+3'), ('1.10'), ('1.9'), (''), ('18446744073709551616'), ('18446744073709551615'), ('99999999999999999999999999999999');
SELECT x FROM t ORDER BY x COLLATE uint, x;
-- =>
-- => 1.9
-- => 1.10
-- => 18446744073709551615
-- => 18446744073709551616
-- => 99999999999999999999999999999999
-- => ABC
-- => a+3
-- => a-5
-- => abc
-- => file1
-- => file9
-- => file010
-- => file10
-- => x00123y
-- => x123y
-- => x0124y
SELECT 'x00123y' = 'x123y' COLLATE uint, 'x00123y' = 'x123y', 'file10' > 'file9' COLLATE uint, 'file10' > 'file9';
-- => 1|0|1|0
SELECT '1.10' > '1.9' COLLATE uint, 'a-5' < 'a+3' COLLATE uint, '' < '0' COLLATE uint, '0' = '000' COLLATE uint, 'a1b' < 'a1' COLLATE uint;
-- => 1|0|1|1|0
SELECT max(x COLLATE uint), min(x COLLATE uint) FROM t;
-- => x0124y|
SELECT count(DISTINCT x COLLATE uint) FROM t;
-- => 15
CREATE TABLE u(x TEXT COLLATE uint PRIMARY KEY);
INSERT INTO u VALUES ('v2'), ('v10'), ('v1');
SELECT group_concat(x, ' ') FROM (SELECT x FROM u ORDER BY x);
-- => v1 v2 v10
INSERT INTO u VALUES ('v010');
-- !! Runtime error near line 42: UNIQUE constraint failed: u.x (19)
SELECT x FROM u WHERE x = 'v0002';
-- => v2
-- NULLs, numbers, blobs, invalid UTF-8
SELECT quote(NULL = 'a' COLLATE uint), 10 > 9 COLLATE uint, '10' > 9 COLLATE uint;
-- => NULL|1|1
SELECT x'3130' > x'39' COLLATE uint, cast(x'ff31' as text) < cast(x'ff32' as text) COLLATE uint, cast(x'ff' as text) > 'z' COLLATE uint;
-- => 0|1|1
SELECT 'a' < 'b' COLLATE nosuch;
-- !! Parse error near line 51: no such collation sequence: nosuch
