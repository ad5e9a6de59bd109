-- exit: 1
.load dist/extensions/hashes.wasm --pin md5 --pin sha1 --pin sha256 --pin sha384 --pin sha512 --pin blake3 --pin xxh32 --pin xxh64 --pin xxh3_64 --pin xxh3_128
-- sqlite-hashes tests/test-ext.sh: each algorithm's four forms of '12345'.
select hex(md5('12345')), md5_hex('12345'), hex(md5_concat('12345')), md5_concat_hex('12345');
-- => 827CCB0EEA8A706C4C34A16891F84E7B|827CCB0EEA8A706C4C34A16891F84E7B|827CCB0EEA8A706C4C34A16891F84E7B|827CCB0EEA8A706C4C34A16891F84E7B
select hex(sha1('12345')), sha1_hex('12345'), hex(sha1_concat('12345')), sha1_concat_hex('12345');
-- => 8CB2237D0679CA88DB6464EAC60DA96345513964|8CB2237D0679CA88DB6464EAC60DA96345513964|8CB2237D0679CA88DB6464EAC60DA96345513964|8CB2237D0679CA88DB6464EAC60DA96345513964
select hex(sha224('12345')), sha224_hex('12345'), hex(sha224_concat('12345')), sha224_concat_hex('12345');
-- => A7470858E79C282BC2F6ADFD831B132672DFD1224C1E78CBF5BCD057|A7470858E79C282BC2F6ADFD831B132672DFD1224C1E78CBF5BCD057|A7470858E79C282BC2F6ADFD831B132672DFD1224C1E78CBF5BCD057|A7470858E79C282BC2F6ADFD831B132672DFD1224C1E78CBF5BCD057
select hex(sha256('12345')), sha256_hex('12345'), hex(sha256_concat('12345')), sha256_concat_hex('12345');
-- => 5994471ABB01112AFCC18159F6CC74B4F511B99806DA59B3CAF5A9C173CACFC5|5994471ABB01112AFCC18159F6CC74B4F511B99806DA59B3CAF5A9C173CACFC5|5994471ABB01112AFCC18159F6CC74B4F511B99806DA59B3CAF5A9C173CACFC5|5994471ABB01112AFCC18159F6CC74B4F511B99806DA59B3CAF5A9C173CACFC5
select hex(sha384('12345')), sha384_hex('12345'), hex(sha384_concat('12345')), sha384_concat_hex('12345');
-- => 0FA76955ABFA9DAFD83FACCA8343A92AA09497F98101086611B0BFA95DBC0DCC661D62E9568A5A032BA81960F3E55D4A|0FA76955ABFA9DAFD83FACCA8343A92AA09497F98101086611B0BFA95DBC0DCC661D62E9568A5A032BA81960F3E55D4A|0FA76955ABFA9DAFD83FACCA8343A92AA09497F98101086611B0BFA95DBC0DCC661D62E9568A5A032BA81960F3E55D4A|0FA76955ABFA9DAFD83FACCA8343A92AA09497F98101086611B0BFA95DBC0DCC661D62E9568A5A032BA81960F3E55D4A
select hex(sha512('12345')), sha512_hex('12345'), hex(sha512_concat('12345')), sha512_concat_hex('12345');
-- => 3627909A29C31381A071EC27F7C9CA97726182AED29A7DDD2E54353322CFB30ABB9E3A6DF2AC2C20FE23436311D678564D0C8D305930575F60E2D3D048184D79|3627909A29C31381A071EC27F7C9CA97726182AED29A7DDD2E54353322CFB30ABB9E3A6DF2AC2C20FE23436311D678564D0C8D305930575F60E2D3D048184D79|3627909A29C31381A071EC27F7C9CA97726182AED29A7DDD2E54353322CFB30ABB9E3A6DF2AC2C20FE23436311D678564D0C8D305930575F60E2D3D048184D79|3627909A29C31381A071EC27F7C9CA97726182AED29A7DDD2E54353322CFB30ABB9E3A6DF2AC2C20FE23436311D678564D0C8D305930575F60E2D3D048184D79
select hex(blake3('12345')), blake3_hex('12345'), hex(blake3_concat('12345')), blake3_concat_hex('12345');
-- => 86F2D80ABE9C3F7B4A1A57A8D1130FA8DC08C81604833CE1212DC039B010D9E4|86F2D80ABE9C3F7B4A1A57A8D1130FA8DC08C81604833CE1212DC039B010D9E4|86F2D80ABE9C3F7B4A1A57A8D1130FA8DC08C81604833CE1212DC039B010D9E4|86F2D80ABE9C3F7B4A1A57A8D1130FA8DC08C81604833CE1212DC039B010D9E4
select hex(fnv1a('12345')), fnv1a_hex('12345'), hex(fnv1a_concat('12345')), fnv1a_concat_hex('12345');
-- => E575E8883C0F89F8|E575E8883C0F89F8|E575E8883C0F89F8|E575E8883C0F89F8
select hex(xxh32('12345')), xxh32_hex('12345'), hex(xxh32_concat('12345')), xxh32_concat_hex('12345');
-- => B30D56B4|B30D56B4|B30D56B4|B30D56B4
select hex(xxh64('12345')), xxh64_hex('12345'), hex(xxh64_concat('12345')), xxh64_concat_hex('12345');
-- => C6F2D2DD0AD64FB6|C6F2D2DD0AD64FB6|C6F2D2DD0AD64FB6|C6F2D2DD0AD64FB6
select hex(xxh3_64('12345')), xxh3_64_hex('12345'), hex(xxh3_64_concat('12345')), xxh3_64_concat_hex('12345');
-- => F34099EDE96B5581|F34099EDE96B5581|F34099EDE96B5581|F34099EDE96B5581
select hex(xxh3_128('12345')), xxh3_128_hex('12345'), hex(xxh3_128_concat('12345')), xxh3_128_concat_hex('12345');
-- => 4AF3DA69F61E14CF26F4C14B6B6BFDB4|4AF3DA69F61E14CF26F4C14B6B6BFDB4|4AF3DA69F61E14CF26F4C14B6B6BFDB4|4AF3DA69F61E14CF26F4C14B6B6BFDB4
-- The README's examples.
select md5_hex('Hello world!');
-- => 86FB269D190D2C85F6E0468CECA42A20
select hex(sha256('password'));
-- => 5E884898DA28047151D0E56F8DC6292773603D0D6AABBDD62A11EF721D1542D8
select sha256_hex('password');
-- => 5E884898DA28047151D0E56F8DC6292773603D0D6AABBDD62A11EF721D1542D8
select sha256_hex(cast('pass' as text), cast('word' as blob));
-- => 5E884898DA28047151D0E56F8DC6292773603D0D6AABBDD62A11EF721D1542D8
select sha256_hex('foo', 'bar', 'baz') = sha256_hex('foobarbaz');
-- => 1
-- The rustdoc examples ('hello').
select hex(md5('hello')), hex(fnv1a('hello')), hex(xxh32('hello')), hex(xxh64('hello'));
-- => 5D41402ABC4B2A76B9719D911017C592|A430D84680AABD0B|FB0077F9|26C7827D889F6DA3
select hex(xxh3_64('hello')), hex(xxh3_128('hello'));
-- => 9555E8555C62DCFD|B5E9C1AD071B3E7FC779CFAA5E523818
select hex(blake3('hello'));
-- => EA8F163DB38682925E4491C5E58D4BB3506EF8C14EB78A86E908C5624A67200F
-- Standard vectors: RFC 1321 (md5), FIPS 180-4 (sha1, sha2), BLAKE3's test vectors (input i % 251).
select md5_hex(''), md5_hex('a'), md5_hex('abc'), md5_hex('message digest');
-- => D41D8CD98F00B204E9800998ECF8427E|0CC175B9C0F1B6A831C399E269772661|900150983CD24FB0D6963F7D28E17F72|F96B697D7CB7938D525A2F31AAF161D0
select md5_hex('abcdefghijklmnopqrstuvwxyz'), md5_hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890');
-- => C3FCD3D76192E4007DFB496CCA67E13B|57EDF4A22BE3C955AC49DA2E2107B67A
select sha1_hex('abc');
-- => A9993E364706816ABA3E25717850C26C9CD0D89D
select sha224_hex('abc');
-- => 23097D223405D8228642A477BDA255B32AADBCE4BDA0B3F7E36C9DA7
select sha256_hex('abc');
-- => BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD
select sha384_hex('abc');
-- => CB00753F45A35E8BB5A03D699AC65007272C32AB0EDED1631A8B605A43FF5BED8086072BA1E7CC2358BAECA134C825A7
select sha512_hex('abc');
-- => DDAF35A193617ABACC417349AE20413112E6FA4E89A97EA20A9EEEE64B55D39A2192992A274FC1A836BA3C23A3FEEBBD454D4423643CE80E2A9AC94FA54CA49F
select sha1_hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), sha256_hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq');
-- => 84983E441C3BD26EBAAE4AA1F95129E5E54670F1|248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1
select sha512_hex('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu');
-- => 8E959B75DAE313DA8CF4F72814FC143F8F7779C6EB9F7FA17299AEADB6889018501D289E4900F7E4331B99DEC4B5433AC7D329EEB6DD26545E96E55B874BE909
-- One million 'a's (NIST).
select sha256_hex(replace(hex(zeroblob(1000000)), '00', 'a'));
-- => CDC76E5C9914FB9281A1C7E284D73E67F1809A48A497200E046D39CCC7112CD0
select blake3_hex(''), blake3_hex(x'00');
-- => AF1349B9F5F9A1A6A0404DEA36DCC9499BCB25C9ADC112B7CC9A93CAE41F3262|2D3ADEDFF11B61F14C886E35AFA036736DCD87A74D27B5C1510225D0F592E213
-- BLAKE3, 1023 bytes fed one row at a time.
with recursive s(i) as (select 0 union all select i + 1 from s where i < 1022) select blake3_concat_hex(unhex(printf('%02x', i % 251)) order by i) from s;
-- => 10108970EEDA3EB932BAAC1428C7A2163B0E924C9A9E25B35BBA72B28F70BD11
-- FNV-1a 64 reference values; xxHash of '' (seed 0).
select fnv1a_hex(''), fnv1a_hex('a'), fnv1a_hex('foobar');
-- => CBF29CE484222325|AF63DC4C8601EC8C|85944171F73967E8
select xxh32_hex(''), xxh64_hex(''), xxh3_64_hex(''), xxh3_128_hex('');
-- => 02CC5D05|EF46DB3751D8E999|2D06800538D394C2|99AA06D3014798D86001C324468D497F
-- Results: blob for the plain and _concat forms, upper-case hex text for _hex.
select typeof(sha256('a')), length(sha256('a')), typeof(sha256_hex('a')), length(sha256_hex('a')), length(sha224('a')), length(fnv1a('a')), length(xxh3_128('a'));
-- => blob|32|text|64|28|8|16
-- NULLs are skipped: all-NULL gives NULL (blob) or '' (hex, as hex(NULL)).
select quote(md5(null)), quote(md5(null, null, null)), quote(md5_hex(null)), quote(md5_hex(null, null)), quote(hex(null));
-- => NULL|NULL|''|''|''
select md5_hex(null, 'a', null, '123456789', x'', x'00', null, x'0123456789abcdef', null) = md5_hex(x'6131323334353637383900' || x'0123456789abcdef');
-- => 1
select hex(xxh64(x'')), hex(xxh64('')), xxh64_hex(x'00');
-- => EF46DB3751D8E999|EF46DB3751D8E999|E934A84ADB052768
-- Text and blobs hash the same bytes; invalid UTF-8 hashes as its bytes.
select sha1(cast('abc' as blob)) = sha1('abc'), md5_hex(cast(x'ff41' as text)) = md5_hex(x'ff41');
-- => 1|1
-- Numbers are refused, as is no argument (SQLITE_CONSTRAINT_FUNCTION, shown as 19).
select sha256(1);
-- !! Runtime error near line 92: Invalid function parameter type Integer at index 0 (19)
select sha256_hex(0.42);
-- !! Runtime error near line 94: Invalid function parameter type Real at index 0 (19)
select md5('a', 7);
-- !! Runtime error near line 96: Invalid function parameter type Integer at index 0 (19)
select md5();
-- !! Runtime error near line 98: Wrong number of parameters passed to query. Got 0, needed 1 (19)
select md5_hex();
-- !! Runtime error near line 100: Wrong number of parameters passed to query. Got 0, needed 1 (19)
-- Aggregates: rows in order; no rows gives NULL; only NULL rows NULL or ''.
create table tbl(id integer primary key, v_text text, v_blob blob, v_null text);
insert into tbl values (1, 'bbb', cast('bbb' as blob), null), (2, 'ccc', cast('ccc' as blob), null), (3, 'aaa', cast('aaa' as blob), null);
select sha256_concat_hex(v_text order by v_text) = sha256_hex('aaabbbccc'), md5_concat(v_blob order by v_text) = md5('aaabbbccc') from tbl;
-- => 1|1
select sha1_concat_hex(v_text, v_blob order by id) = sha1_hex('bbbbbbcccccc', 'aaaaaa') from tbl;
-- => 1
select quote(md5_concat(v_null)), quote(md5_concat_hex(v_null)), quote(md5_concat(v_text)), quote(md5_concat_hex(v_text)) from tbl where id > 5;
-- => NULL|NULL|NULL|NULL
select quote(xxh32_concat(v_null)), quote(xxh32_concat_hex(v_null)) from tbl;
-- => NULL|''
select count(*) from (select md5_concat(v_text) from tbl group by id);
-- => 3
with recursive seq(v) as (select 1 union all select v + 1 from seq limit 1000) select md5_concat_hex(null, cast(v as text), cast((v + 1) as blob), null order by v) = md5_hex((select group_concat(v || (v + 1), '') from seq)) from seq;
-- => 1
select md5_concat(id) from tbl;
-- !! Runtime error near line 117: Invalid function parameter type Integer at index 0 (19)
select md5_concat_hex(v_text, 2.5) from tbl;
-- !! Runtime error near line 119: Invalid function parameter type Real at index 1 (19)
select md5_concat() from tbl;
-- !! Runtime error near line 121: Wrong number of parameters passed to query. Got 0, needed 1 (19)
-- As in the reference: deterministic but direct-only (not in views, triggers, generated columns), and not window functions.
create table g(x, y as (sha256(x)));
-- !! Parse error near line 124: unsafe use of sha256()
create view vw as select md5_hex('a');
select * from vw;
-- !! Parse error near line 127: unsafe use of md5_hex()
select md5_concat_hex(v_text) over (order by v_text) from tbl;
-- !! Parse error near line 129: md5_concat_hex() may not be used as a window function
-- !!   select md5_concat_hex(v_text) over (order by v_text) from tbl;
-- !!          ^--- error here
-- The qualified names.
select hashes__md5_hex('a'), hashes__xxh3_128_hex('a') = xxh3_128_hex('a');
-- => 0CC175B9C0F1B6A831C399E269772661|1
