.load dist/extensions/crypto.wasm --pin md5 --pin sha1 --pin sha256 --pin sha384 --pin sha512 --pin blake3 --pin xxh32 --pin xxh64 --pin xxh3_64 --pin xxh3_128
-- Hashes: sqlean's documented examples (docs/crypto.md).
select hex(crypto_blake3('abc'));
-- => 6437B3AC38465133FFB63B75273A8DB548C558465D79DB03FD359C6CD5BD9D85
select hex(crypto_md5('abc'));
-- => 900150983CD24FB0D6963F7D28E17F72
select hex(crypto_sha1('abc'));
-- => A9993E364706816ABA3E25717850C26C9CD0D89D
select hex(crypto_sha256('abc'));
-- => BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD
select hex(crypto_sha384('abc'));
-- => CB00753F45A35E8BB5A03D699AC65007272C32AB0EDED1631A8B605A43FF5BED8086072BA1E7CC2358BAECA134C825A7
select hex(crypto_sha512('abc'));
-- => DDAF35A193617ABACC417349AE20413112E6FA4E89A97EA20A9EEEE64B55D39A2192992A274FC1A836BA3C23A3FEEBBD454D4423643CE80E2A9AC94FA54CA49F
select hex(crypto_xxh32('abc'));
-- => 32D153FF
select hex(crypto_xxh64('abc'));
-- => 44BC2CF5AD770999
select hex(crypto_xxh3_64('abc'));
-- => 78AF5F94892F3950
select hex(crypto_xxh3_128('abc'));
-- => 06B05AB6733A618578AF5F94892F3950
-- Empty input (NIST, RFC 1321, the BLAKE3 and xxHash reference values).
select hex(crypto_md5(''));
-- => D41D8CD98F00B204E9800998ECF8427E
select hex(crypto_sha1(''));
-- => DA39A3EE5E6B4B0D3255BFEF95601890AFD80709
select hex(crypto_sha256(''));
-- => E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855
select hex(crypto_blake3(''));
-- => AF1349B9F5F9A1A6A0404DEA36DCC9499BCB25C9ADC112B7CC9A93CAE41F3262
select hex(crypto_xxh32('')), hex(crypto_xxh64(''));
-- => 02CC5D05|EF46DB3751D8E999
select hex(crypto_xxh3_64('')), hex(crypto_xxh3_128(''));
-- => 2D06800538D394C2|99AA06D3014798D86001C324468D497F
-- The FIPS 180 448-bit message.
select hex(crypto_sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'));
-- => 248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1
-- Results are blobs; NULL hashes to NULL; numbers hash as their text; blobs as their bytes.
select typeof(crypto_sha256('abc')), length(crypto_sha256('abc')), length(crypto_sha512('abc'));
-- => blob|32|64
select crypto_sha256(null);
-- =>
select crypto_md5(null) is null, crypto_xxh3_128(null) is null;
-- => 1|1
select crypto_sha256(42) = crypto_sha256('42'), crypto_sha256(cast('abc' as blob)) = crypto_sha256('abc');
-- => 1|1
-- sqlean's short aliases.
select hex(md5('abc')), hex(sha1('abc')), hex(xxh32('abc'));
-- => 900150983CD24FB0D6963F7D28E17F72|A9993E364706816ABA3E25717850C26C9CD0D89D|32D153FF
select sha256('abc') = crypto_sha256('abc'), sha384('abc') = crypto_sha384('abc'), sha512('abc') = crypto_sha512('abc');
-- => 1|1|1
select blake3('abc') = crypto_blake3('abc'), xxh64('abc') = crypto_xxh64('abc'), xxh3_64('abc') = crypto_xxh3_64('abc'), xxh3_128('abc') = crypto_xxh3_128('abc');
-- => 1|1|1|1
-- Encoding and decoding: sqlean's documented examples.
select crypto_encode('hello', 'base32');
-- => NBSWY3DP
select cast(crypto_decode('NBSWY3DP', 'base32') as text);
-- => hello
select crypto_encode('hello', 'base64');
-- => aGVsbG8=
select cast(crypto_decode('aGVsbG8=', 'base64') as text);
-- => hello
select crypto_encode('hello', 'base85');
-- => BOu!rDZ
select cast(crypto_decode('BOu!rDZ', 'base85') as text);
-- => hello
select crypto_encode('hello', 'hex');
-- => 68656c6c6f
select cast(crypto_decode('68656c6c6f', 'hex') as text);
-- => hello
-- (sqlean's docs show this encoding with "text" shortened to "t"; this is the real output.)
select crypto_encode('/hello?text=(ಠ_ಠ)', 'url');
-- => %2Fhello%3Ftext%3D%28%E0%B2%A0_%E0%B2%A0%29
select cast(crypto_decode('%2Fhello%3Ft%3D%28%E0%B2%A0_%E0%B2%A0%29', 'url') as text);
-- => /hello?t=(ಠ_ಠ)
-- More of sqlean's tests.
select crypto_encode(crypto_sha256('hello'), 'base64');
-- => LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=
select crypto_decode('LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=', 'base64') = crypto_sha256('hello');
-- => 1
select crypto_encode(crypto_sha256('hello'), 'hex');
-- => 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
select crypto_decode('2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824', 'hex') = crypto_sha256('hello');
-- => 1
select crypto_encode('a', 'base32'), crypto_encode('abcd', 'base32'), crypto_encode('abcdef', 'base32');
-- => ME======|MFRGGZA=|MFRGGZDFMY======
select crypto_encode('a', 'base64'), crypto_encode('ab', 'base64'), crypto_encode('abc', 'base64');
-- => YQ==|YWI=|YWJj
select crypto_encode('эй, мир!', 'base85');
-- => d>cM`/0N<Pd(%JR+T
select cast(crypto_decode('.,_D(?f85_.0', 'base85') as text);
-- => (ಠ_ಠ)
select crypto_encode('one two three', 'url'), cast(crypto_decode('one+two+three', 'url') as text);
-- => one%20two%20three|one two three
select crypto_encode('The quick brown 🦊 jumps over 13 lazy 🐶.', 'url');
-- => The%20quick%20brown%20%F0%9F%A6%8A%20jumps%20over%2013%20lazy%20%F0%9F%90%B6.
-- Decoding gives a blob; empty text decodes to an empty blob; NULL stays NULL.
select typeof(crypto_decode('aGVsbG8=', 'base64')), typeof(crypto_decode('', 'hex')), length(crypto_decode('', 'hex'));
-- => blob|blob|0
select crypto_encode('', 'base64') = '', crypto_encode(null, 'hex') is null, crypto_decode(null, 'url') is null;
-- => 1|1|1
select crypto_encode(null, 'base32');
-- =>
-- sqlean's short aliases.
select encode('hello', 'base64'), cast(decode('aGVsbG8=', 'base64') as text);
-- => aGVsbG8=|hello
