-- exit: 1
-- SQLite 3.46.1's ext/misc/ieee754.c, compiled unchanged with the
-- sqlite3ext.h compatibility layer (components/extensions-c/ieee754).
-- Cases: SQLite 3.46.1's test/ieee754.test (the ieee754-100 loop written
-- out per value; 110/111 lower-cased Inf by the Tcl, here as printed),
-- decimal.test 6010-6130 and shell1.test 8.1-8.4 without the decimal
-- extension (decimal_mul of the pow2 table is decimal.sql's), the examples
-- of ieee754.c's header comment, then NULLs, wrong types, invalid UTF-8,
-- argument counts, and the registration flags: ieee754.c registers its
-- functions SQLITE_INNOCUOUS but NOT deterministic, so they are refused in
-- generated columns. Expected output: the same SQL through Debian's sqlite3
-- with ieee754.c compiled natively (gcc -shared, .load).
.load dist/extensions/ieee754.wasm
-- ieee754.test 100-*
SELECT ieee754(1.0), ieee754(1,0)==1.0;
-- => ieee754(1,0)|1
SELECT ieee754(-1.0), ieee754(-1,0)==-1.0;
-- => ieee754(-1,0)|1
SELECT ieee754(2.0), ieee754(2,0)==2.0;
-- => ieee754(2,0)|1
SELECT ieee754(-2.0), ieee754(-2,0)==-2.0;
-- => ieee754(-2,0)|1
SELECT ieee754(0.5), ieee754(1,-1)==0.5;
-- => ieee754(1,-1)|1
SELECT ieee754(-0.5), ieee754(-1,-1)==-0.5;
-- => ieee754(-1,-1)|1
SELECT ieee754(1.5), ieee754(3,-1)==1.5;
-- => ieee754(3,-1)|1
SELECT ieee754(-1.5), ieee754(-3,-1)==-1.5;
-- => ieee754(-3,-1)|1
SELECT ieee754(0.0), ieee754(0,-1075)==0.0;
-- => ieee754(0,-1075)|1
SELECT ieee754(4.9406564584124654e-324), ieee754(1,-1074)==4.9406564584124654e-324;
-- => ieee754(1,-1074)|1
SELECT ieee754(-4.9406564584124654e-324), ieee754(-1,-1074)==-4.9406564584124654e-324;
-- => ieee754(-1,-1074)|1
SELECT ieee754(2.2250738585072009e-308), ieee754(4503599627370495,-1074)==2.2250738585072009e-308;
-- => ieee754(4503599627370495,-1074)|1
SELECT ieee754(-2.2250738585072009e-308), ieee754(-4503599627370495,-1074)==-2.2250738585072009e-308;
-- => ieee754(-4503599627370495,-1074)|1
SELECT ieee754(2.2250738585072014e-308), ieee754(1,-1022)==2.2250738585072014e-308;
-- => ieee754(1,-1022)|1
SELECT ieee754(-2.2250738585072014e-308), ieee754(-1,-1022)==-2.2250738585072014e-308;
-- => ieee754(-1,-1022)|1
-- ieee754.test 110-112
SELECT ieee754(1,1024), ieee754(4503599627370495,972);
-- => Inf|1.79769313486232e+308
SELECT ieee754(-1,1024), ieee754(-4503599627370495,972);
-- => -Inf|-1.79769313486232e+308
SELECT ieee754(4503599627370495,973) is null;
-- => 1
-- decimal.test 6100-6130
SELECT ieee754(ieee754_from_blob(x'0000000000000001'));
-- => ieee754(1,-1074)
SELECT ieee754(ieee754_from_blob(x'7fefffffffffffff'));
-- => ieee754(9007199254740991,971)
SELECT printf('%.8e',ieee754_from_blob(x'0000000000000001'));
-- => 4.94065646e-324
SELECT printf('%.8e',ieee754_from_blob(x'ffefffffffffffff'));
-- => -1.79769313e+308
-- decimal.test 6010/6020 (mantissa and exponent of the extremes) and shell1.test 8.2-8.4
SELECT ieee754_mantissa(ieee754_from_blob(x'0000000000000001')), ieee754_exponent(ieee754_from_blob(x'0000000000000001'));
-- => 1|-1074
SELECT ieee754_mantissa(ieee754_from_blob(x'7fefffffffffffff')), ieee754_exponent(ieee754_from_blob(x'7fefffffffffffff'));
-- => 9007199254740991|971
SELECT ieee754(47.49) AS x;
-- => ieee754(6683623321994527,-47)
SELECT ieee754(6683623321994527,-47) AS x;
-- => 47.49
SELECT ieee754_mantissa(47.49) AS M, ieee754_exponent(47.49) AS E;
-- => 6683623321994527|-47
-- the header comment's examples
SELECT ieee754(2.0), ieee754(45.25), ieee754(2, 0), ieee754(181, -2);
-- => ieee754(2,0)|ieee754(181,-2)|2.0|45.25
SELECT ieee754_mantissa(45.25), ieee754_exponent(45.25);
-- => 181|-2
SELECT ieee754_from_blob(x'3ff0000000000000'), hex(ieee754_to_blob(1.0));
-- => 1.0|3FF0000000000000
WITH c(name,bin) AS (VALUES
   ('minimum positive value',        x'0000000000000001'),
   ('maximum subnormal value',       x'000fffffffffffff'),
   ('mininum positive nornal value', x'0010000000000000'),
   ('maximum value',                 x'7fefffffffffffff'))
SELECT c.name, ieee754_mantissa(c.bin), ieee754_exponent(c.bin), ieee754(c.bin) FROM c;
-- => minimum positive value|1|-1074|ieee754(1,-1074)
-- => maximum subnormal value|4503599627370495|-1074|ieee754(4503599627370495,-1074)
-- => mininum positive nornal value|1|-1022|ieee754(1,-1022)
-- => maximum value|9007199254740991|971|ieee754(9007199254740991,971)
-- (printf, and below: Debian sqlite3 3.40 shows this REAL as 4.94065645841247e-324,
-- sqlink's SQLite 3.54 quote() as 4.9406564584124654e-324: SQLite's, not the extension's)
SELECT printf('%.8e', ieee754_inc(0.0,+1)), ieee754_inc(1.0,1) - 1.0, ieee754_inc(1.0,-1), ieee754_inc(-0.0, 1);
-- => 4.94065646e-324|2.22044604925031e-16|1.0|-4.94065645841247e-324
-- 8-byte blobs are read as big-endian doubles; other values as sqlite3_value_double
SELECT ieee754(x'4046be0a3d70a3d7'), ieee754(x'c000000000000000'), ieee754(x'7ff0000000000000'), ieee754(x'7ff8000000000000');
-- => ieee754(6401400677376983,-47)|ieee754(-2,0)|ieee754(4503599627370496,972)|ieee754(6755399441055744,972)
SELECT ieee754(x'0102'), ieee754(''), ieee754('45.25'), ieee754('abc'), ieee754(7), ieee754(-9223372036854775808);
-- => ieee754(0,-1075)|ieee754(0,-1075)|ieee754(181,-2)|ieee754(0,-1075)|ieee754(7,0)|ieee754(-4503599627370496,11)
SELECT ieee754(1e308*10), ieee754(-1e308*10), ieee754_mantissa(1e308*10), ieee754_exponent(-1e308*10);
-- => ieee754(4503599627370496,972)|ieee754(-4503599627370496,972)|4503599627370496|972
SELECT ieee754('3', '-1'), ieee754(1.9, 1), ieee754('abc', 'def'), ieee754(0, 5000), ieee754(0, -5000), ieee754(1, 100000), ieee754(1, -100000);
-- => 1.5|2.0|0.0|Inf|0.0|Inf|0.0
SELECT ieee754(9223372036854775807, 0);
-- => 9.22337203685477e+18
SELECT hex(ieee754_to_blob(45.25)), hex(ieee754_to_blob(-0.0)), hex(ieee754_to_blob(7)), hex(ieee754_to_blob(1e308*10));
-- => 4046A00000000000|8000000000000000|401C000000000000|7FF0000000000000
SELECT quote(ieee754_to_blob('1.0')), quote(ieee754_to_blob(x'3ff0000000000000')), quote(ieee754_to_blob(NULL));
-- => NULL|NULL|NULL
SELECT quote(ieee754_from_blob(x'3ff00000')), quote(ieee754_from_blob('abcdefgh')), quote(ieee754_from_blob(1.0)), quote(ieee754_from_blob(NULL));
-- => NULL|NULL|NULL|NULL
SELECT ieee754_from_blob(ieee754_to_blob(0.1)) = 0.1, ieee754_from_blob(x'8000000000000000');
-- => 1|0.0
-- NULLs and invalid UTF-8
SELECT ieee754(NULL), ieee754_mantissa(NULL), ieee754_exponent(NULL), ieee754(NULL, 1), ieee754(1, NULL), ieee754(NULL, NULL);
-- => ieee754(0,-1075)|0|-1075|0.0|1.0|0.0
SELECT printf('%.8e', ieee754_inc(NULL, 1)), quote(ieee754_inc(1.0, NULL)), ieee754_inc('1.5', '2') - 1.5;
-- => 4.94065646e-324|1.0|4.44089209850063e-16
SELECT ieee754(cast(x'ff' as text)), ieee754(cast(x'3132ff' as text)), ieee754_mantissa(cast(x'ff' as text)), quote(ieee754_to_blob(cast(x'ff' as text)));
-- => ieee754(0,-1075)|ieee754(12,0)|0|NULL
SELECT typeof(ieee754(1.0)), typeof(ieee754(1, 0)), typeof(ieee754_mantissa(1.0)), typeof(ieee754_exponent(1.0)), typeof(ieee754_to_blob(1.0)), typeof(ieee754_from_blob(x'3ff0000000000000')), typeof(ieee754_inc(1.0, 1));
-- => text|real|integer|integer|blob|real|real
-- argument counts
SELECT ieee754();
-- !! Parse error near line 122: wrong number of arguments to function ieee754()
-- !!   SELECT ieee754();
-- !!          ^--- error here
SELECT ieee754(1, 2, 3);
-- !! Parse error near line 126: wrong number of arguments to function ieee754()
-- !!   SELECT ieee754(1, 2, 3);
-- !!          ^--- error here
SELECT ieee754_mantissa(1, 2);
-- !! Parse error near line 130: wrong number of arguments to function ieee754_mantissa()
-- !!   SELECT ieee754_mantissa(1, 2);
-- !!          ^--- error here
SELECT ieee754_inc(1.0);
-- !! Parse error near line 134: wrong number of arguments to function ieee754_inc()
-- !!   SELECT ieee754_inc(1.0);
-- !!          ^--- error here
-- not registered deterministic (only SQLITE_INNOCUOUS)
CREATE TABLE g(a REAL, b TEXT GENERATED ALWAYS AS (ieee754(a)));
-- !! Parse error near line 139: non-deterministic functions prohibited in generated columns
-- !!   REATE TABLE g(a REAL, b TEXT GENERATED ALWAYS AS (ieee754(a)));
-- !!                                       error here ---^
CREATE TABLE h(a REAL, b BLOB AS (ieee754_to_blob(a)));
-- !! Parse error near line 143: non-deterministic functions prohibited in generated columns
-- !!   CREATE TABLE h(a REAL, b BLOB AS (ieee754_to_blob(a)));
-- !!                       error here ---^
CREATE TABLE i(a REAL);
CREATE INDEX ii ON i(ieee754_mantissa(a));
-- !! Parse error near line 148: non-deterministic functions prohibited in index expressions
-- !!   CREATE INDEX ii ON i(ieee754_mantissa(a));
-- !!                        ^--- error here
SELECT ieee754(a) FROM (SELECT 0.25 AS a);
-- => ieee754(1,-2)
