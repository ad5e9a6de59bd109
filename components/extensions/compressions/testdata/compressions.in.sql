-- exit: 1
.load dist/extensions/compressions.wasm
-- nyurik/sqlite-compressions: its README, doc examples and tests/test-ext.sh.
select hex(brotli('Hello world!'));
-- @
select brotli_decode(x'8B058048656C6C6F20776F726C642103');
-- @
select brotli_test(x'8B058048656C6C6F20776F726C642103');
-- @
select hex(gzip('password'));
-- @
select cast(brotli_decode(brotli('password')) as text), brotli_test(brotli('password'));
-- @
select hex(gzip('hello')), hex(gzip_decode(gzip(x'0123'))), gzip_test(gzip(x'0123'));
-- @
select hex(brotli('hello'));
-- @
select hex(bzip2('hello'));
-- @
select bspatch4('013479', bsdiff4('013479', '23456789'));
-- @
select hex(bsdiffraw('abc013479zz', 'abc23456789zzf'));
-- @
select hex(bspatchraw('abc013479zz', bsdiffraw('abc013479zz', 'abc23456789zzf')));
-- @
select hex(gzip('12345')), gzip_decode(gzip('12345')), gzip_decode(gzip('12345', 1)), gzip_decode(gzip('12345', 9)), gzip_test(gzip('12345')), gzip_test(x'123456');
-- @
select hex(brotli('12345')), brotli_decode(brotli('12345')), brotli_decode(brotli('12345', 1)), brotli_decode(brotli('12345', 9)), brotli_test(brotli('12345')), brotli_test(x'123456');
-- @
select hex(bzip2('12345')), bzip2_decode(bzip2('12345')), bzip2_decode(bzip2('12345', 1)), bzip2_decode(bzip2('12345', 9)), bzip2_test(bzip2('12345')), bzip2_test(x'123456');
-- @
select hex(bsdiff4('013479', '23456789'));
-- @
select hex(bsdiffraw('013479', '23456789')), bspatchraw('013479', bsdiffraw('013479', '23456789'));
-- @
-- Levels (tests/test.rs).
select hex(gzip(x'0123', 0)), hex(gzip(x'0123', 5)), hex(gzip(x'0123', 9));
-- @
select hex(brotli(x'0123', 0)), hex(brotli(x'0123', 10)), hex(brotli(x'0123', 99));
-- @
select hex(gzip('123456789')), hex(brotli('123456789')), hex(bzip2('123456789'));
-- @
select hex(bzip2(x'0123456789abcdef'));
-- @
select hex(bsdiff4(x'1234', x'5678349A'));
-- @
select hex(bsdiffraw('123456789', '123456789'));
-- @
-- Python-made vectors: gzip.compress(b'sqlink compressions', mtime=0) (zlib
-- level 9 writes XFL 2) and bz2.compress at level 9.
select gzip_decode(x'1f8b08000000000002032b2eccc9cccb5648cecf2d284a2d2ececccf2b06000f00098113000000');
-- @
select bzip2_decode(x'425a683931415926535949bbedbc000008118040000a2ff80020003100d0010d2313329d069623a320d20cbdf17724538509049bbedbc0');
-- @
-- A longer round trip through each codec at each level.
create table t(x);
with recursive c(i) as (select 1 union all select i + 1 from c where i < 300)
insert into t select group_concat('row ' || i || ' of the table, value ' || (i * i % 17), char(10)) from c;
select length(x), length(gzip(x)) < length(x), gzip_decode(gzip(x)) = cast(x as blob), brotli_decode(brotli(x, 5)) = cast(x as blob), bzip2_decode(bzip2(x, 1)) = cast(x as blob) from t;
-- @
select bspatch4(x, bsdiff4(x, replace(x, 'table', 'TABLE'))) = cast(replace(x, 'table', 'TABLE') as blob), bspatchraw(x, bsdiffraw(x, x || 'tail')) = cast(x || 'tail' as blob) from t;
-- @
-- NULL in, NULL out.
select gzip(null) is null, gzip_decode(null) is null, gzip_test(null) is null, brotli(null, 5) is null, bzip2_test(null) is null, bsdiff4(null, 'a') is null, bspatch4('a', null) is null, bsdiffraw(null, null) is null, bspatchraw(null, 1) is null;
-- @
-- Wrong types and counts.
select gzip(1);
-- @
select brotli(0.42);
-- @
select bzip2_decode('text');
-- @
select gzip_test(1);
-- @
select gzip();
-- @
select gzip('a', 1, 2);
-- @
select brotli_decode(x'00', 1);
-- @
select gzip('a', 'x');
-- @
select gzip(null, null);
-- @
select bzip2('a', -1);
-- @
select gzip(x'0123', 10);
-- @
select bzip2(x'0123', 0);
-- @
select bsdiff4(x'0123');
-- @
select bspatchraw(1, x'00');
-- @
-- Corrupt input.
select gzip_decode(x'0123456789abcdef0123456789abcdef');
-- @
select gzip_decode(x'1f8b08000000000000ffcb48cdc9c90700a6a6103605000000');
-- @
select brotli_decode(x'123456');
-- @
select bzip2_decode(x'123456');
-- @
select bspatch4('abc', x'00');
-- @
select bspatchraw('abc', x'00');
-- @
-- Registered DIRECTONLY, as the reference registers them: not in views.
create view v as select hex(gzip('a')) as h;
select * from v;
-- @
