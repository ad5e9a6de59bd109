-- exit: 1
-- SQLite 3.46.1's ext/misc/basexx.c (base64.c + base85.c), compiled
-- unchanged with the sqlite3ext.h compatibility layer
-- (components/extensions-c/basexx). Cases: SQLite 3.46.1's
-- test/basexx1.test 100-108 and 112-117, shell1.test 10.1, the header
-- comments' behaviour (base64/base85 of a blob is text, of text is a blob;
-- other types are errors), then NULLs, invalid UTF-8, argument counts and
-- the flags: base64 and base85 are DETERMINISTIC|INNOCUOUS|DIRECTONLY,
-- is_base85 DETERMINISTIC|INNOCUOUS. Not translated: 109-111, which lower
-- SQLITE_LIMIT_LENGTH through Tcl's sqlite3_limit (sqlink's shell has no
-- .limit). Expected output: the same SQL through Debian's sqlite3 with
-- basexx.c compiled natively (gcc -shared, .load).
.load dist/extensions/basexx.wasm
-- basexx1.test 100-106
-- On an empty blob base64() and base85() ask sqlite3_errcode() whether
-- the empty result was out of memory: the compatibility layer answers
-- SQLITE_OK, as SQLite does (it once lacked sqlite3_errcode and failed
-- here).
SELECT base64(x'')||base85(x'');
-- =>
SELECT hex(x'01'||base64('')||base85('')||x'02');
-- => 0102
SELECT base64(x'000102030405');
SELECT base64(x'0001020304');
SELECT base64(x'00010203');
-- => AAECAwQF
-- =>
-- => AAECAwQ=
-- =>
-- => AAECAw==
-- =>
SELECT hex(base64('AAECAwQF'));
SELECT hex(base64('AAECAwQ='));
SELECT hex(base64('AAECAw=='));
-- => 000102030405
-- => 0001020304
-- => 00010203
SELECT hex(base64(' AAECAwQF '));
SELECT hex(base64(' AAECAwQ'));
SELECT hex(base64('AAECAw '));
-- => 000102030405
-- => 0001020304
-- => 00010203
SELECT base85(x'000102030405');
SELECT base85(x'0001020304');
SELECT base85(x'00010203');
-- => ##/2,#2/
-- =>
-- => ##/2,#*
-- =>
-- => ##/2,
-- =>
SELECT hex(base85('##/2,#2/'));
SELECT hex(base85('##/2,#*'));
SELECT hex(base85('##/2,'));
-- => 000102030405
-- => 0001020304
-- => 00010203
-- basexx1.test 107-108: round trips of random blobs
CREATE TEMP TABLE rb( len int, b blob ) STRICT;
INSERT INTO rb(len) VALUES (1),(2),(3),(4),(5),(150),(151),(152),(153),(1054);
UPDATE rb SET b = randomblob(len);
SELECT len, base64(base64(b))=b, base85(base85(b))=b FROM rb ORDER BY len;
-- => 1|1|1
-- => 2|1|1
-- => 3|1|1
-- => 4|1|1
-- => 5|1|1
-- => 150|1|1
-- => 151|1|1
-- => 152|1|1
-- => 153|1|1
-- => 1054|1|1
CREATE TEMP TABLE junk(j text, rank int);
INSERT INTO junk VALUES ('',0),(' ',1),('~',2);
SELECT len, base64(j.j||base64(b)||j.j)=b, base85(j.j||base85(b)||j.j)=b
FROM rb r, junk j WHERE j.rank=(r.len+r.len/25)%3 ORDER BY len;
-- => 1|1|1
-- => 2|1|1
-- => 3|1|1
-- => 4|1|1
-- => 5|1|1
-- => 150|1|1
-- => 151|1|1
-- => 152|1|1
-- => 153|1|1
-- => 1054|1|1
-- basexx1.test 112-116: is_base85
SELECT is_base85(' '||base85(x'123456')||char(10)),
is_base85('#$%&*+,-./0123456789:;<=>?@'
 ||'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
 ||'[\]^_`'
 ||'abcdefghijklmnopqrstuvwxyz'),
is_base85('!'), is_base85('"'), is_base85(''''), is_base85('('),
is_base85(')'), is_base85(char(123)), is_base85('|'), is_base85(char(125)),
is_base85('~'), is_base85(char(127));
-- => 1|1|0|0|0|0|0|0|0|0|0|0
SELECT is_base85(NULL) IS NULL;
-- => 1
SELECT is_base85(1);
-- !! Runtime error near line 100: is_base85 accepts only text or NULL
SELECT is_base85(1.1);
-- !! Runtime error near line 102: is_base85 accepts only text or NULL
SELECT is_base85(x'00');
-- !! Runtime error near line 104: is_base85 accepts only text or NULL
-- basexx1.test 117
CREATE TABLE bs(b blob, num);
INSERT INTO bs SELECT randomblob(4000 + n%3), n
 FROM (WITH RECURSIVE seq(n) AS (VALUES(1) UNION ALL SELECT n+1 FROM seq WHERE n<100) SELECT n FROM seq);
SELECT num FROM bs WHERE base64(base64(b))!=b;
SELECT num FROM bs WHERE base85(base85(b))!=b;
SELECT count(*) FROM bs;
-- => 100
-- shell1.test 10.1
select base64(base64(cast('digity-doo' as blob))), base85(base85(cast('digity-doo' as blob)));
-- => digity-doo|digity-doo
-- RFC 4648 section 10 vectors (the text ends with a line feed)
SELECT replace(base64(cast('f' as blob)), char(10), '/'), replace(base64(cast('fo' as blob)), char(10), '/'), replace(base64(cast('foo' as blob)), char(10), '/'), replace(base64(cast('foobar' as blob)), char(10), '/');
-- => Zg==/|Zm8=/|Zm9v/|Zm9vYmFy/
SELECT cast(base64('Zm9vYmFy') as text), cast(base64('Zm9vYg==') as text), typeof(base64('Zm9v')), typeof(base64(x'00'));
-- => foobar|foob|blob|text
SELECT length(base64(zeroblob(54))), length(base64(zeroblob(55))), instr(base64(zeroblob(60)), char(10));
-- => 73|78|73
SELECT base85(cast('hello world' as blob)), cast(base85(base85(cast('hello world' as blob))) as text);
-- => GTz#wIbo<G27ri
-- => |hello world
-- base85 of '' or x'' (sqlite3_errcode, as above)
SELECT typeof(base85('')), typeof(base85(x''));
-- => blob|text
SELECT hex(base64('!!!!')), hex(base64('AA=A')), hex(base64('QQ')), hex(base85('!')), hex(base85('~~~~~'));
-- => |0000|41||
-- NULLs, wrong types, invalid UTF-8
SELECT base64(NULL) IS NULL, base85(NULL) IS NULL;
-- !! Runtime error near line 133: base64 accepts only blob or text
SELECT base64(1);
-- !! Runtime error near line 135: base64 accepts only blob or text
SELECT base64(1.5);
-- !! Runtime error near line 137: base64 accepts only blob or text
SELECT base85(7);
-- !! Runtime error near line 139: base85 accepts only blob or text.
SELECT hex(base64(cast(x'ff' as text))), hex(base85(cast(x'ff' as text))), is_base85(cast(x'ff' as text)), hex(base64(cast(x'41ff41' as text)));
-- => ||0|00
-- argument counts
SELECT base64();
-- !! Parse error near line 144: wrong number of arguments to function base64()
-- !!   SELECT base64();
-- !!          ^--- error here
SELECT base85(x'00', x'01');
-- !! Parse error near line 148: wrong number of arguments to function base85()
-- !!   SELECT base85(x'00', x'01');
-- !!          ^--- error here
-- flags: is_base85 is deterministic; base64/base85 are direct-only
CREATE TABLE g(a TEXT, ok AS (is_base85(a)));
INSERT INTO g(a) VALUES ('abc'), ('a"b');
SELECT ok FROM g;
-- => 1
-- => 0
-- (sqlink's SQLite 3.54 gives this error no offset: the two lines of context
-- Debian's sqlite3 3.40 prints are missing)
CREATE TABLE h(a BLOB, t AS (base64(a)));
-- !! Parse error near line 160: unsafe use of base64()
CREATE VIEW v AS SELECT base64(x'00') AS b;
SELECT * FROM v;
-- !! Parse error near line 163: unsafe use of base64()
