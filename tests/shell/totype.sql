-- exit: 1
-- SQLite 3.46.1's ext/misc/totype.c, compiled unchanged with the
-- sqlite3ext.h compatibility layer (components/extensions-c/totype).
-- Cases: every do_execsql_test and catchsql of SQLite 3.46.1's
-- test/func4.test (1.x tointeger, 2.x toreal, 3.x CHECK constraints, 4.x
-- blobs), the $highPrecision-guarded ones included (x86-64 has them), then
-- the header comment's rules, NULLs, invalid UTF-8, argument counts and
-- determinism (DETERMINISTIC|INNOCUOUS). Expected output: the same SQL
-- through Debian's sqlite3 with totype.c compiled natively (gcc -shared).
.load dist/extensions/totype.wasm
SELECT tointeger(NULL);
-- =>
SELECT tointeger('');
-- =>
SELECT tointeger('   ');
-- =>
SELECT tointeger('1234');
-- => 1234
SELECT tointeger('   1234');
-- =>
SELECT tointeger('bad');
-- =>
SELECT tointeger('0xBAD');
-- =>
SELECT tointeger('123BAD');
-- =>
SELECT tointeger('0x123BAD');
-- =>
SELECT tointeger('123NO');
-- =>
SELECT tointeger('0x123NO');
-- =>
SELECT tointeger('-0x1');
-- =>
SELECT tointeger('-0x0');
-- =>
SELECT tointeger('0x0');
-- =>
SELECT tointeger('0x1');
-- =>
SELECT tointeger(-1);
-- => -1
SELECT tointeger(-0);
-- => 0
SELECT tointeger(0);
-- => 0
SELECT tointeger(1);
-- => 1
SELECT tointeger(-1.79769313486232e308 - 1);
-- =>
SELECT tointeger(-1.79769313486232e308);
-- =>
SELECT tointeger(-1.79769313486232e308 + 1);
-- =>
SELECT tointeger(-9223372036854775808 - 1);
-- =>
SELECT tointeger(-9223372036854775808);
-- => -9223372036854775808
SELECT tointeger(-9223372036854775808 + 1);
-- => -9223372036854775807
SELECT tointeger(-9223372036854775807 - 1);
-- => -9223372036854775808
SELECT tointeger(-9223372036854775807);
-- => -9223372036854775807
SELECT tointeger(-9223372036854775807 + 1);
-- => -9223372036854775806
SELECT tointeger(-2147483648 - 1);
-- => -2147483649
SELECT tointeger(-2147483648);
-- => -2147483648
SELECT tointeger(-2147483648 + 1);
-- => -2147483647
SELECT tointeger(2147483647 - 1);
-- => 2147483646
SELECT tointeger(2147483647);
-- => 2147483647
SELECT tointeger(2147483647 + 1);
-- => 2147483648
SELECT tointeger(9223372036854775807 - 1);
-- => 9223372036854775806
SELECT tointeger(9223372036854775807);
-- => 9223372036854775807
SELECT tointeger(9223372036854775807 + 1);
-- =>
SELECT tointeger(1.79769313486232e308 - 1);
-- =>
SELECT tointeger(1.79769313486232e308);
-- =>
SELECT tointeger(1.79769313486232e308 + 1);
-- =>
SELECT tointeger(4503599627370496 - 1);
-- => 4503599627370495
SELECT tointeger(4503599627370496);
-- => 4503599627370496
SELECT tointeger(4503599627370496 + 1);
-- => 4503599627370497
SELECT tointeger(9007199254740992 - 1);
-- => 9007199254740991
SELECT tointeger(9007199254740992);
-- => 9007199254740992
SELECT tointeger(9007199254740992 + 1);
-- => 9007199254740993
SELECT tointeger(9223372036854775807 - 1);
-- => 9223372036854775806
SELECT tointeger(9223372036854775807);
-- => 9223372036854775807
SELECT tointeger(9223372036854775807 + 1);
-- =>
SELECT tointeger(9223372036854775808 - 1);
-- =>
SELECT tointeger(9223372036854775808);
-- =>
SELECT tointeger(9223372036854775808 + 1);
-- =>
SELECT tointeger(18446744073709551616 - 1);
-- =>
SELECT tointeger(18446744073709551616);
-- =>
SELECT tointeger(18446744073709551616 + 1);
-- =>
SELECT toreal(NULL);
-- =>
SELECT toreal('');
-- =>
SELECT toreal('   ');
-- =>
SELECT toreal('1234');
-- => 1234.0
SELECT toreal('   1234');
-- =>
SELECT toreal('bad');
-- =>
SELECT toreal('0xBAD');
-- =>
SELECT toreal('123BAD');
-- =>
SELECT toreal('0x123BAD');
-- =>
SELECT toreal('123NO');
-- =>
SELECT toreal('0x123NO');
-- =>
SELECT toreal('-0x1');
-- =>
SELECT toreal('-0x0');
-- =>
SELECT toreal('0x0');
-- =>
SELECT toreal('0x1');
-- =>
SELECT toreal(-1);
-- => -1.0
SELECT toreal(-0);
-- => 0.0
SELECT toreal(0);
-- => 0.0
SELECT toreal(1);
-- => 1.0
SELECT toreal(-1.79769313486232e308 - 1);
-- => -Inf
SELECT toreal(-1.79769313486232e308);
-- => -Inf
SELECT toreal(-1.79769313486232e308 + 1);
-- => -Inf
SELECT toreal(-9223372036854775808 - 1);
-- => -9.22337203685478e+18
SELECT toreal(-9223372036854775808);
-- =>
SELECT toreal(-9223372036854775808 + 1);
-- =>
SELECT toreal(-9223372036854775807 - 1);
-- =>
SELECT toreal(-9223372036854775807);
-- =>
SELECT toreal(-9223372036854775807 + 1);
-- =>
SELECT toreal(-2147483648 - 1);
-- => -2147483649.0
SELECT toreal(-2147483648);
-- => -2147483648.0
SELECT toreal(-2147483648 + 1);
-- => -2147483647.0
SELECT toreal(2147483647 - 1);
-- => 2147483646.0
SELECT toreal(2147483647);
-- => 2147483647.0
SELECT toreal(2147483647 + 1);
-- => 2147483648.0
SELECT toreal(9223372036854775807 - 1);
-- =>
SELECT toreal(9223372036854775807);
-- =>
SELECT toreal(9223372036854775807 + 1);
-- => 9.22337203685478e+18
SELECT toreal(1.79769313486232e308 - 1);
-- => Inf
SELECT toreal(1.79769313486232e308);
-- => Inf
SELECT toreal(1.79769313486232e308 + 1);
-- => Inf
-- (as printf: Debian's sqlite3 3.40 shows this REAL as 4.50359962737049e+15,
-- sqlink's SQLite 3.54 as 4.5035996273705e+15, SQLite's rounding, not totype's)
SELECT printf('%.1f', toreal(4503599627370496 - 1));
-- => 4503599627370495.0
SELECT toreal(4503599627370496);
-- => 4.5035996273705e+15
SELECT toreal(4503599627370496 + 1);
-- => 4.5035996273705e+15
SELECT toreal(9007199254740992 - 1);
-- => 9.00719925474099e+15
SELECT toreal(9007199254740992);
-- => 9.00719925474099e+15
SELECT toreal(9007199254740992 + 1);
-- =>
SELECT toreal(9007199254740992 + 1);
-- =>
SELECT toreal(9007199254740992 + 2);
-- => 9.00719925474099e+15
SELECT toreal(tointeger(9223372036854775808) - 1);
-- =>
SELECT toreal(tointeger(9223372036854775808));
-- =>
SELECT toreal(tointeger(9223372036854775808) + 1);
-- =>
SELECT toreal(tointeger(18446744073709551616) - 1);
-- =>
SELECT toreal(tointeger(18446744073709551616));
-- =>
SELECT toreal(tointeger(18446744073709551616) + 1);
-- =>
CREATE TABLE t1(
  x INTEGER CHECK(tointeger(x) IS NOT NULL)
);
INSERT INTO t1 (x) VALUES (NULL);
-- !! Runtime error near line 234: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES (NULL);
-- !! Runtime error near line 236: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES ('');
-- !! Runtime error near line 238: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES ('bad');
-- !! Runtime error near line 240: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES ('1234bad');
-- !! Runtime error near line 242: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES ('1234.56bad');
-- !! Runtime error near line 244: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES (1234);
INSERT INTO t1 (x) VALUES (1234.56);
-- !! Runtime error near line 247: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES ('1234');
INSERT INTO t1 (x) VALUES ('1234.56');
-- !! Runtime error near line 250: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES (ZEROBLOB(4));
-- !! Runtime error near line 252: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES (X'');
-- !! Runtime error near line 254: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES (X'1234');
-- !! Runtime error near line 256: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES (X'12345678');
-- !! Runtime error near line 258: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES ('1234.00');
INSERT INTO t1 (x) VALUES (1234.00);
INSERT INTO t1 (x) VALUES ('-9223372036854775809');
-- !! Runtime error near line 262: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
INSERT INTO t1 (x) VALUES (9223372036854775808);
-- !! Runtime error near line 264: CHECK constraint failed: tointeger(x) IS NOT NULL (19)
SELECT x FROM t1 WHERE x>0 ORDER BY x;
-- => 1234
-- => 1234
-- => 1234
-- => 1234
CREATE TABLE t2(
  x REAL CHECK(toreal(x) IS NOT NULL)
);
INSERT INTO t2 (x) VALUES (NULL);
-- !! Runtime error near line 274: CHECK constraint failed: toreal(x) IS NOT NULL (19)
INSERT INTO t2 (x) VALUES (NULL);
-- !! Runtime error near line 276: CHECK constraint failed: toreal(x) IS NOT NULL (19)
INSERT INTO t2 (x) VALUES ('');
-- !! Runtime error near line 278: CHECK constraint failed: toreal(x) IS NOT NULL (19)
INSERT INTO t2 (x) VALUES ('bad');
-- !! Runtime error near line 280: CHECK constraint failed: toreal(x) IS NOT NULL (19)
INSERT INTO t2 (x) VALUES ('1234bad');
-- !! Runtime error near line 282: CHECK constraint failed: toreal(x) IS NOT NULL (19)
INSERT INTO t2 (x) VALUES ('1234.56bad');
-- !! Runtime error near line 284: CHECK constraint failed: toreal(x) IS NOT NULL (19)
INSERT INTO t2 (x) VALUES (1234);
INSERT INTO t2 (x) VALUES (1234.56);
INSERT INTO t2 (x) VALUES ('1234');
INSERT INTO t2 (x) VALUES ('1234.56');
INSERT INTO t2 (x) VALUES (ZEROBLOB(4));
-- !! Runtime error near line 290: CHECK constraint failed: toreal(x) IS NOT NULL (19)
INSERT INTO t2 (x) VALUES (X'');
-- !! Runtime error near line 292: CHECK constraint failed: toreal(x) IS NOT NULL (19)
INSERT INTO t2 (x) VALUES (X'1234');
-- !! Runtime error near line 294: CHECK constraint failed: toreal(x) IS NOT NULL (19)
INSERT INTO t2 (x) VALUES (X'12345678');
-- !! Runtime error near line 296: CHECK constraint failed: toreal(x) IS NOT NULL (19)
SELECT x FROM t2 ORDER BY x;
-- => 1234.0
-- => 1234.0
-- => 1234.56
-- => 1234.56
SELECT tointeger(toreal('1234'));
-- => 1234
SELECT tointeger(toreal(-1));
-- => -1
SELECT tointeger(toreal(-0));
-- => 0
SELECT tointeger(toreal(0));
-- => 0
SELECT tointeger(toreal(1));
-- => 1
SELECT tointeger(toreal(-9223372036854775808 - 1));
-- =>
SELECT tointeger(toreal(-9223372036854775808));
-- =>
SELECT tointeger(toreal(-9223372036854775808 + 1));
-- =>
SELECT tointeger(toreal(-2147483648 - 1));
-- => -2147483649
SELECT tointeger(toreal(-2147483648));
-- => -2147483648
SELECT tointeger(toreal(-2147483648 + 1));
-- => -2147483647
SELECT tointeger(toreal(2147483647 - 1));
-- => 2147483646
SELECT tointeger(toreal(2147483647));
-- => 2147483647
SELECT tointeger(toreal(2147483647 + 1));
-- => 2147483648
SELECT tointeger(toreal(9223372036854775807 - 1));
-- =>
SELECT tointeger(toreal(9223372036854775807));
-- =>
SELECT tointeger(toreal(9223372036854775807 + 1));
-- =>
SELECT tointeger(toreal(4503599627370496 - 1));
-- => 4503599627370495
SELECT tointeger(toreal(4503599627370496));
-- => 4503599627370496
SELECT tointeger(toreal(4503599627370496 + 1));
-- => 4503599627370497
SELECT tointeger(toreal(9007199254740992 - 1));
-- => 9007199254740991
SELECT tointeger(toreal(9007199254740992));
-- => 9007199254740992
SELECT tointeger(toreal(9007199254740992 + 1));
-- =>
SELECT tointeger(toreal(9007199254740992 + 1));
-- =>
SELECT tointeger(toreal(9007199254740992 + 2));
-- => 9007199254740994
SELECT tointeger(toreal(9223372036854775808 - 1));
-- =>
SELECT tointeger(toreal(9223372036854775808));
-- =>
SELECT tointeger(toreal(9223372036854775808 + 1));
-- =>
SELECT tointeger(toreal(18446744073709551616 - 1));
-- =>
SELECT tointeger(toreal(18446744073709551616));
-- =>
SELECT tointeger(toreal(18446744073709551616 + 1));
-- =>
SELECT tointeger(x'0102030405060708');
-- => 578437695752307201
SELECT tointeger(x'0807060504030201');
-- => 72623859790382856
SELECT toreal(x'ffefffffffffffff');
-- => -1.79769313486232e+308
SELECT toreal(x'8010000000000000');
-- => -2.2250738585072e-308
SELECT toreal(x'c000000000000000');
-- => -2.0
SELECT toreal(x'bff0000000000000');
-- => -1.0
SELECT toreal(x'8000000000000000');
-- => 0.0
SELECT toreal(x'0000000000000000');
-- => 0.0
SELECT toreal(x'3ff0000000000000');
-- => 1.0
SELECT toreal(x'4000000000000000');
-- => 2.0
SELECT toreal(x'0010000000000000');
-- => 2.2250738585072e-308
SELECT toreal(x'7fefffffffffffff');
-- => 1.79769313486232e+308
SELECT toreal(x'8000000000000001');
-- => -4.94065645841247e-324
SELECT toreal(x'800fffffffffffff');
-- => -2.2250738585072e-308
SELECT toreal(x'0000000000000001');
-- => 4.94065645841247e-324
SELECT toreal(x'000fffffffffffff');
-- => 2.2250738585072e-308
SELECT toreal(x'fff0000000000000');
-- => -Inf
SELECT toreal(x'7ff0000000000000');
-- => Inf
SELECT toreal(x'fff8000000000000');
-- =>
SELECT toreal(x'fff0000000000001');
-- =>
SELECT toreal(x'fff7ffffffffffff');
-- =>
SELECT toreal(x'7ff0000000000001');
-- =>
SELECT toreal(x'7ff7ffffffffffff');
-- =>
SELECT toreal(x'fff8000000000001');
-- =>
SELECT toreal(x'ffffffffffffffff');
-- =>
SELECT toreal(x'7ff8000000000000');
-- =>
SELECT toreal(x'7fffffffffffffff');
-- =>
-- header comment: 8-byte blobs are little-endian integers / doubles
SELECT tointeger(x'0100000000000000'), tointeger(x'ffffffffffffffff'), toreal(x'000000000000f03f'), tointeger(x'01');
-- => 1|-1|3.03865194161742e-319|
SELECT tointeger(cast(x'ff' as text)), tointeger(cast(x'31ff' as text)), toreal(cast(x'ff' as text)), toreal('1.5'), toreal(' 2 '), toreal('1e400');
-- => |||1.5||Inf
SELECT typeof(tointeger(1.0)), typeof(toreal(1)), tointeger(1.5), toreal(9007199254740993);
-- => integer|real||
SELECT tointeger();
-- !! Parse error near line 426: wrong number of arguments to function tointeger()
-- !!   SELECT tointeger();
-- !!          ^--- error here
SELECT toreal(1, 2);
-- !! Parse error near line 430: wrong number of arguments to function toreal()
-- !!   SELECT toreal(1, 2);
-- !!          ^--- error here
CREATE TABLE g(a, i AS (tointeger(a)), r AS (toreal(a)));
INSERT INTO g(a) VALUES ('12'), (2.0), ('x');
SELECT quote(i), quote(r) FROM g;
-- => 12|12.0
-- => 2|2.0
-- => NULL|NULL
