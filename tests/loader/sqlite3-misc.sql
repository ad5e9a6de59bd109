-- exit: 1
-- SQLite 3.46.1's ext/misc extensions of the catalog (decimal, ieee754,
-- basexx, totype, uint, compress, sqlar, closure, spellfix1; compiled
-- unchanged with the sqlite3ext.h compatibility layer) through
-- libsqlink_loader in Debian's stock sqlite3 3.40: the documented examples
-- of each .c file's header comment and of SQLite's tests, with the values
-- the same sources compiled natively give (tests/shell/<name>.sql). Debian's
-- sqlite3 has its own (3.40) decimal, ieee754 and uint built into the shell:
-- the loader's warnings say which bare names stay with those.
.load dist/lib/libsqlink_loader
select sqlink_load('dist/extensions/decimal.wasm');
-- => loaded decimal 3.46.1: 7 functions, 1 aggregate, 1 collation (prefix decimal__; memory 256 MiB, timeout 5000 ms)
-- => warning: decimal(1), collation decimal already exist in SQLite: call decimal__decimal instead, or load with sqlink_load(path, grants, 'pin=decimal') to take the bare name
-- => warning: decimal_add(2) already exists in SQLite: call decimal__decimal_add instead, or load with sqlink_load(path, grants, 'pin=decimal_add') to take the bare name
-- => warning: decimal_cmp(2) already exists in SQLite: call decimal__decimal_cmp instead, or load with sqlink_load(path, grants, 'pin=decimal_cmp') to take the bare name
-- => warning: decimal_mul(2) already exists in SQLite: call decimal__decimal_mul instead, or load with sqlink_load(path, grants, 'pin=decimal_mul') to take the bare name
-- => warning: decimal_sub(2) already exists in SQLite: call decimal__decimal_sub instead, or load with sqlink_load(path, grants, 'pin=decimal_sub') to take the bare name
-- => warning: decimal_sum(1) already exists in SQLite: call decimal__decimal_sum instead, or load with sqlink_load(path, grants, 'pin=decimal_sum') to take the bare name
select decimal__decimal('+0001.0'), decimal__decimal_add('0.1', '0.2'), decimal__decimal_mul('1234.0000', '2.000'), decimal__decimal_cmp('1e3', '999.9999');
-- => 1.0|0.3|2468.000|1
select decimal__decimal(47.49), decimal_exp('+123e+4'), decimal_pow2(-3);
-- => 47.49000000000000198951966012828052043914794921875|+1.23e+06|+1.25e-01
select sqlink_load('dist/extensions/ieee754.wasm');
-- => loaded ieee754 3.46.1: 7 functions (prefix ieee754__; memory 256 MiB, timeout 5000 ms)
-- => warning: ieee754(1), ieee754(2) already exist in SQLite: call ieee754__ieee754 instead, or load with sqlink_load(path, grants, 'pin=ieee754') to take the bare name
-- => warning: ieee754_exponent(1) already exists in SQLite: call ieee754__ieee754_exponent instead, or load with sqlink_load(path, grants, 'pin=ieee754_exponent') to take the bare name
-- => warning: ieee754_from_blob(1) already exists in SQLite: call ieee754__ieee754_from_blob instead, or load with sqlink_load(path, grants, 'pin=ieee754_from_blob') to take the bare name
-- => warning: ieee754_mantissa(1) already exists in SQLite: call ieee754__ieee754_mantissa instead, or load with sqlink_load(path, grants, 'pin=ieee754_mantissa') to take the bare name
-- => warning: ieee754_to_blob(1) already exists in SQLite: call ieee754__ieee754_to_blob instead, or load with sqlink_load(path, grants, 'pin=ieee754_to_blob') to take the bare name
select ieee754__ieee754(45.25), ieee754__ieee754(181, -2), ieee754__ieee754_mantissa(45.25), ieee754__ieee754_exponent(45.25);
-- => ieee754(181,-2)|45.25|181|-2
select hex(ieee754__ieee754_to_blob(1.0)), ieee754__ieee754_from_blob(x'3ff0000000000000'), printf('%.8e', ieee754_inc(0.0, 1));
-- => 3FF0000000000000|1.0|4.94065646e-324
select sqlink_load('dist/extensions/basexx.wasm');
-- => loaded basexx 3.46.1: 3 functions (prefix basexx__; memory 256 MiB, timeout 5000 ms)
select base64(base64(cast('digity-doo' as blob))), base85(base85(cast('digity-doo' as blob))), hex(base64('AAECAwQF')), is_base85('~');
-- => digity-doo|digity-doo|000102030405|0
select sqlink_load('dist/extensions/totype.wasm');
-- => loaded totype 3.46.1: 2 functions (prefix totype__; memory 256 MiB, timeout 5000 ms)
select tointeger('1234'), quote(tointeger('1234.56')), toreal(1234), quote(toreal(9007199254740993));
-- => 1234|NULL|1234.0|NULL
select sqlink_load('dist/extensions/uint.wasm');
-- => loaded uint 3.46.1: 1 collation (prefix uint__; memory 256 MiB, timeout 5000 ms)
-- => warning: collation uint already exists in SQLite: call uint__uint instead, or load with sqlink_load(path, grants, 'pin=uint') to take the bare name
select group_concat(x, ' ') from (select column1 x from (values ('file10'), ('file9'), ('file1')) order by x collate uint__uint);
-- => file1 file9 file10
select sqlink_load('dist/extensions/compress.wasm');
-- => loaded compress 3.46.1: 2 functions (prefix compress__; memory 256 MiB, timeout 5000 ms)
select hex(compress('hello')), cast(uncompress(compress('hello')) as text);
-- => 85789CCB48CDC9C90700062C0215|hello
select sqlink_load('dist/extensions/sqlar.wasm');
-- => loaded sqlar 3.46.1: 2 functions (prefix sqlar__; memory 256 MiB, timeout 5000 ms)
-- => warning: sqlar_compress(1) already exists in SQLite: call sqlar__sqlar_compress instead, or load with sqlink_load(path, grants, 'pin=sqlar_compress') to take the bare name
-- => warning: sqlar_uncompress(2) already exists in SQLite: call sqlar__sqlar_uncompress instead, or load with sqlink_load(path, grants, 'pin=sqlar_uncompress') to take the bare name
select hex(sqlar_compress(zeroblob(100))), length(sqlar_uncompress(sqlar_compress(zeroblob(100)), 100));
-- => 789C6360A03D000000640001|100
select sqlink_load('dist/extensions/closure.wasm');
-- !! Runtime error near line 57: refusing to load extension closure: it imports sqlink:extension/spi@0.2.0 and sqlink:extension/blob@0.2.0: load it with sqlink_load(path, 'spi')
select sqlink_load('dist/extensions/closure.wasm', 'spi');
-- => loaded closure 3.46.1: 1 virtual table module (prefix closure__; memory 256 MiB, timeout 5000 ms; granted spi)
create table t2(x integer primary key, y integer);
insert into t2 select value, nullif(value, 1)/2 from generate_series(1, 31);
create virtual table c2 using transitive_closure(tablename=t2, idcolumn=x, parentcolumn=y);
select count(*), min(id), max(id) from c2 where root=1;
-- => 31|1|31
select group_concat(id, ' ') from (select id from c2 where root=10 order by id);
-- => 10 20 21
select sqlink_load('dist/extensions/spellfix1.wasm', 'spi');
-- => loaded spellfix1 3.46.1: 7 functions, 1 virtual table module (prefix spellfix1__; memory 256 MiB, timeout 5000 ms; granted spi)
create virtual table demo using spellfix1;
insert into demo(word) values ('kosher'), ('kisser'), ('kissed'), ('keener');
select word, distance from demo where word match 'kasher' order by score, word limit 2;
-- => kosher|40
-- => kisser|51
select editdist3('kitten', 'sitting'), spellfix1_phonehash('kosher'), spellfix1_translit('Größe');
-- => 400|CACR|Groesse
