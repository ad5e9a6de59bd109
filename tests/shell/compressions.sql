-- exit: 1
.load dist/extensions/compressions.wasm
-- nyurik/sqlite-compressions: its README, doc examples and tests/test-ext.sh.
select hex(brotli('Hello world!'));
-- => 8B058048656C6C6F20776F726C642103
select brotli_decode(x'8B058048656C6C6F20776F726C642103');
-- => Hello world!
select brotli_test(x'8B058048656C6C6F20776F726C642103');
-- => 1
select hex(gzip('password'));
-- => 1F8B08000000000000FF2B482C2E2ECF2F4A0100D546C23508000000
select cast(brotli_decode(brotli('password')) as text), brotli_test(brotli('password'));
-- => password|1
select hex(gzip('hello')), hex(gzip_decode(gzip(x'0123'))), gzip_test(gzip(x'0123'));
-- => 1F8B08000000000000FFCB48CDC9C9070086A6103605000000|0123|1
select hex(brotli('hello'));
-- => 0B028068656C6C6F03
select hex(bzip2('hello'));
-- => 425A68363141592653591931653D00000081000244A000219A68334D07338BB9229C28480C98B29E80
select bspatch4('013479', bsdiff4('013479', '23456789'));
-- => 23456789
select hex(bsdiffraw('abc013479zz', 'abc23456789zzf'));
-- => 03000000000000000B00000000000000070000000000000000000032333435363738397A7A66
select hex(bspatchraw('abc013479zz', bsdiffraw('abc013479zz', 'abc23456789zzf')));
-- => 61626332333435363738397A7A66
select hex(gzip('12345')), gzip_decode(gzip('12345')), gzip_decode(gzip('12345', 1)), gzip_decode(gzip('12345', 9)), gzip_test(gzip('12345')), gzip_test(x'123456');
-- => 1F8B08000000000000FF333432363105001C3AF5CB05000000|12345|12345|12345|1|0
select hex(brotli('12345')), brotli_decode(brotli('12345')), brotli_decode(brotli('12345', 1)), brotli_decode(brotli('12345', 9)), brotli_test(brotli('12345')), brotli_test(x'123456');
-- => 0B0280313233343503|12345|12345|12345|1|0
select hex(bzip2('12345')), bzip2_decode(bzip2('12345')), bzip2_decode(bzip2('12345', 1)), bzip2_decode(bzip2('12345', 9)), bzip2_test(bzip2('12345')), bzip2_test(x'123456');
-- => 425A6836314159265359426548B800000008003E0020002183419A025C7177245385090426548B80|12345|12345|12345|1|0
select hex(bsdiff4('013479', '23456789'));
-- => 42534449464634302E0000000000000025000000000000000800000000000000425A68363141592653596A17AE4F00000160006E80080020002188C08601CAD80622AF61772453850906A17AE4F0425A6836314159265359B1F7404B00000040004000200021184682EE48A70A12163EE80960425A6836314159265359F715663B00000008001FC02000310C00C4C265CE5DE2EE48A70A121EE2ACC760
select hex(bsdiffraw('013479', '23456789')), bspatchraw('013479', bsdiffraw('013479', '23456789'));
-- => 0000000000000000080000000000000005000000000000003233343536373839|23456789
-- Levels (tests/test.rs).
select hex(gzip(x'0123', 0)), hex(gzip(x'0123', 5)), hex(gzip(x'0123', 9));
-- => 1F8B08000000000004FF010200FDFF0123CC52A5FA02000000|1F8B08000000000000FF63540600CC52A5FA02000000|1F8B08000000000002FF63540600CC52A5FA02000000
select hex(brotli(x'0123', 0)), hex(brotli(x'0123', 10)), hex(brotli(x'0123', 99));
-- => 8B0080012303|8B0080012303|8B0080012303
select hex(gzip('123456789')), hex(brotli('123456789')), hex(bzip2('123456789'));
-- => 1F8B08000000000000FF33343236313533B7B004002639F4CB09000000|0B048031323334353637383903|425A6836314159265359FC89191800000008003FE02000220D0C0832621E0DEF29C177245385090FC8919180
select hex(bzip2(x'0123456789abcdef'));
-- => 425A6836314159265359F61121F9000000555520000800020000800020000800020000A000310C08191A69933573F945DC914E14243D84487E40
select hex(bsdiff4(x'1234', x'5678349A'));
-- => 42534449464634302C000000000000000E000000000000000400000000000000425A68363141592653590DCEC6B900000140005C00200030CD34129EA7A357029EE1772453850900DCEC6B90425A683617724538509000000000425A6836314159265359FF2387120000008AA004000100004000102000219A68334D32BC5DC914E14243FC8E1C48
select hex(bsdiffraw('123456789', '123456789'));
-- => 090000000000000000000000000000000900000000000080000000000000000000
-- Python-made vectors: gzip.compress(b'sqlink compressions', mtime=0) (zlib
-- level 9 writes XFL 2) and bz2.compress at level 9.
select gzip_decode(x'1f8b08000000000002032b2eccc9cccb5648cecf2d284a2d2ececccf2b06000f00098113000000');
-- => sqlink compressions
select bzip2_decode(x'425a683931415926535949bbedbc000008118040000a2ff80020003100d0010d2313329d069623a320d20cbdf17724538509049bbedbc0');
-- => sqlink compressions
-- A longer round trip through each codec at each level.
create table t(x);
with recursive c(i) as (select 1 union all select i + 1 from c where i < 300)
insert into t select group_concat('row ' || i || ' of the table, value ' || (i * i % 17), char(10)) from c;
select length(x), length(gzip(x)) < length(x), gzip_decode(gzip(x)) = cast(x as blob), brotli_decode(brotli(x, 5)) = cast(x as blob), bzip2_decode(bzip2(x, 1)) = cast(x as blob) from t;
-- => 8998|1|1|1|1
select bspatch4(x, bsdiff4(x, replace(x, 'table', 'TABLE'))) = cast(replace(x, 'table', 'TABLE') as blob), bspatchraw(x, bsdiffraw(x, x || 'tail')) = cast(x || 'tail' as blob) from t;
-- => 1|1
-- NULL in, NULL out.
select gzip(null) is null, gzip_decode(null) is null, gzip_test(null) is null, brotli(null, 5) is null, bzip2_test(null) is null, bsdiff4(null, 'a') is null, bspatch4('a', null) is null, bsdiffraw(null, null) is null, bspatchraw(null, 1) is null;
-- => 1|1|1|1|1|1|1|1|1
-- Wrong types and counts.
select gzip(1);
-- !! Runtime error near line 67: Invalid function parameter type Integer at index 0 (19)
select brotli(0.42);
-- !! Runtime error near line 69: Invalid function parameter type Real at index 0 (19)
select bzip2_decode('text');
-- !! Runtime error near line 71: Invalid function parameter type Text at index 0 (19)
select gzip_test(1);
-- !! Runtime error near line 73: Invalid function parameter type Integer at index 0 (19)
select gzip();
-- !! Runtime error near line 75: Wrong number of parameters passed to query. Got 0, needed 1 (19)
select gzip('a', 1, 2);
-- !! Runtime error near line 77: Wrong number of parameters passed to query. Got 3, needed 1 (19)
select brotli_decode(x'00', 1);
-- !! Runtime error near line 79: Wrong number of parameters passed to query. Got 2, needed 1 (19)
select gzip('a', 'x');
-- !! Runtime error near line 81: Invalid function parameter type Text at index 1 (19)
select gzip(null, null);
-- !! Runtime error near line 83: Invalid function parameter type Null at index 1 (19)
select bzip2('a', -1);
-- !! Runtime error near line 85: Integer -1 out of range at index 1 (19)
select gzip(x'0123', 10);
-- !! Runtime error near line 87: The optional second argument to gzip() must be between 0 and 9 (19)
select bzip2(x'0123', 0);
-- !! Runtime error near line 89: The optional second argument to bzip2() must be between 1 and 9 (19)
select bsdiff4(x'0123');
-- !! Parse error near line 91: wrong number of arguments to function bsdiff4()
-- !!   select bsdiff4(x'0123');
-- !!          ^--- error here
select bspatchraw(1, x'00');
-- !! Runtime error near line 95: Invalid function parameter type Integer at index 0 (19)
-- Corrupt input.
select gzip_decode(x'0123456789abcdef0123456789abcdef');
-- !! Runtime error near line 98: invalid gzip header (19)
select gzip_decode(x'1f8b08000000000000ffcb48cdc9c90700a6a6103605000000');
-- !! Runtime error near line 100: corrupt gzip stream does not have a matching checksum (19)
select brotli_decode(x'123456');
-- !! Runtime error near line 102: Invalid Data (19)
select bzip2_decode(x'123456');
-- !! Runtime error near line 104: bzip2: bz2 header missing (19)
select bspatch4('abc', x'00');
-- !! Runtime error near line 106: not a valid patch (19)
select bspatchraw('abc', x'00');
-- !! Runtime error near line 108: unexpected end of file (19)
-- Registered DIRECTONLY, as the reference registers them: not in views.
create view v as select hex(gzip('a')) as h;
select * from v;
-- !! Parse error near line 112: unsafe use of gzip()
