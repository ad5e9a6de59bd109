-- exit: 1
.load dist/extensions/kdf.wasm
-- RFC 5869 A.1 (SHA-256) and A.3 (empty salt and info)
select hex(hkdf(zeroblob(0)||x'0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', x'000102030405060708090a0b0c', x'f0f1f2f3f4f5f6f7f8f9', 42));
-- => 3CB25F25FAACD57A90434F64D0362F2A2D2D0A90CF1A5A4C5DB02D56ECC4C5BF34007208D5B887185865
select lower(hex(hkdf(x'0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', '', '', 42, 'sha256')));
-- => 8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8
-- RFC 5869 A.4 (SHA-1)
select lower(hex(hkdf(x'0b0b0b0b0b0b0b0b0b0b0b', x'000102030405060708090a0b0c', x'f0f1f2f3f4f5f6f7f8f9', 42, 'sha1')));
-- => 085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896
select typeof(hkdf('k', 's', 'i', 16)), length(hkdf('k', 's', 'i', 8160)), length(hkdf('k','s','i',16320,'sha512')), length(hkdf('k','s','i',12240,'SHA384'));
-- => blob|8160|16320|12240
select hkdf(NULL, 's', 'i', 16) is null, hkdf('k', NULL, 'i', 16) is null, hkdf('k', 's', 'i', NULL) is null, hkdf('k', 's', 'i', 16, NULL) is null;
-- => 1|1|1|1
select hkdf('k', 's', 'i', 0);
-- !! Runtime error near line 15: hkdf(): length must be between 1 and 8160
select hkdf('k', 's', 'i', 8161);
-- !! Runtime error near line 17: hkdf(): length must be between 1 and 8160
select hkdf('k', 's', 'i', 16, 'md5');
-- !! Runtime error near line 19: hkdf(): unknown hash 'md5' (use sha1, sha256, sha384 or sha512)
select hkdf('k', 's', 'i', 'many');
-- !! Runtime error near line 21: hkdf(): argument 4 must be an integer, got text 'many' (20)
-- RFC 6070 (PBKDF2-HMAC-SHA1)
select lower(hex(pbkdf2('password', 'salt', 1, 20, 'sha1'))), lower(hex(pbkdf2('password', 'salt', 4096, 20, 'sha1')));
-- => 0c60c80f961f0e71f3a9b524af6012062fe037a6|4b007901b765489abead49d926f721d065a429c1
select lower(hex(pbkdf2('passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1')));
-- => 3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038
select lower(hex(pbkdf2(x'7061737300776f7264', x'7361006c74', 4096, 16, 'sha1')));
-- => 56fa6aa75548099dcc37d7f03425e0c3
-- PBKDF2-HMAC-SHA256 (default hash); RFC 7914 section 11
select lower(hex(pbkdf2('password', 'salt', 1, 32))), lower(hex(pbkdf2('password', 'salt', 4096, 32, 'sha256')));
-- => 120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b|c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a
select lower(hex(pbkdf2('passwd', 'salt', 1, 64)));
-- => 55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783
select pbkdf2(NULL, 'salt', 1, 32) is null, pbkdf2('p', 'salt', NULL, 32) is null;
-- => 1|1
select pbkdf2('p', 's', 0, 32);
-- !! Runtime error near line 37: pbkdf2(): iterations must be at least 1
select pbkdf2('p', 's', 1, 0);
-- !! Runtime error near line 39: pbkdf2(): length must be between 1 and 1024
select pbkdf2('p', 's', 1, 1025);
-- !! Runtime error near line 41: pbkdf2(): length must be between 1 and 1024
select pbkdf2('p', 's', 100000000, 32);
-- !! Runtime error near line 43: pbkdf2(): iterations × output blocks must not exceed 16777216
-- RFC 7914 section 12
select lower(hex(scrypt('', '', 16, 1, 1, 64)));
-- => 77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906
select lower(hex(scrypt('password', 'NaCl', 1024, 8, 16, 64)));
-- => fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640
select lower(hex(scrypt('pleaseletmein', 'SodiumChloride', 16384, 8, 1, 64)));
-- => 7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887
select scrypt('pleaseletmein', 'SodiumChloride', 1048576, 8, 1, 64);
-- !! Runtime error near line 52: scrypt(): N·r must not exceed 524288 (64 MiB of memory)
select scrypt('p', 's', 1073741824, 8, 1, 64);
-- !! Runtime error near line 54: scrypt(): N·r must not exceed 524288 (64 MiB of memory)
select scrypt('p', 's', 1000, 8, 1, 64);
-- !! Runtime error near line 56: scrypt(): N must be a power of 2 greater than 1
select scrypt('p', 's', 16, 0, 1, 64);
-- !! Runtime error near line 58: scrypt(): r and p must be at least 1
select scrypt('p', 's', 16384, 8, 64, 64);
-- !! Runtime error near line 60: scrypt(): N·r·p must not exceed 4194304
select scrypt('p', 's', 16, 1, 1, 0);
-- !! Runtime error near line 62: scrypt(): length must be between 1 and 1024
select scrypt(NULL, 's', 16, 1, 1, 16) is null;
-- => 1
-- libsodium test/default/kdf.exp: key 00..1f, context 'KDF test'
select lower(hex(crypto_kdf_derive_from_key(64, 0, 'KDF test', x'000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f')));
-- => a0c724404728c8bb95e5433eb6a9716171144d61efb23e74b873fcbeda51d8071b5d70aae12066dfc94ce943f145aa176c055040c3dd73b0a15e36254d450614
select lower(hex(crypto_kdf_derive_from_key(16, 16, 'KDF test', x'000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f')));
-- => a529216624ef9161e4cf117272aafff2
select lower(hex(crypto_kdf_derive_from_key(32, 32, 'KDF test', x'000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f')));
-- => 154b291f11196737f8b7f491e4ca11764e0227d34f94295408a869f007aa8618
-- pgsodium test/kdf.sql
select length(crypto_kdf_derive_from_key(64, 1, '__auth__', crypto_kdf_keygen())), length(crypto_kdf_derive_from_key(32, 1, '__auth__', crypto_kdf_keygen())), length(crypto_kdf_keygen()), typeof(crypto_kdf_keygen());
-- => 64|32|32|blob
select crypto_kdf_keygen() = crypto_kdf_keygen();
-- => 0
select crypto_kdf_derive_from_key(NULL, 2, '__aut__', 'bad');
-- !! Runtime error near line 78: pgsodium_crypto_kdf_derive_from_key: subkey size cannot be NULL
select crypto_kdf_derive_from_key(32, NULL, '__aut__', 'bad');
-- !! Runtime error near line 80: pgsodium_crypto_kdf_derive_from_key: subkey id cannot be NULL
select crypto_kdf_derive_from_key(32, 1, NULL, 'bad');
-- !! Runtime error near line 82: pgsodium_crypto_kdf_derive_from_key: subkey context cannot be NULL
select crypto_kdf_derive_from_key(32, 1, '__aut__', NULL);
-- !! Runtime error near line 84: pgsodium_crypto_kdf_derive_from_key: primary key cannot be NULL
select crypto_kdf_derive_from_key(32, 1, '__auth__', 'bad');
-- !! Runtime error near line 86: pgsodium_crypto_kdf_derive_from_key: invalid derivation key
select crypto_kdf_derive_from_key(65, 1, '__auth__', zeroblob(32));
-- !! Runtime error near line 88: pgsodium_crypto_kdf_derive_from_key: invalid key size requested
select crypto_kdf_derive_from_key(15, 1, '__auth__', zeroblob(32));
-- !! Runtime error near line 90: pgsodium_crypto_kdf_derive_from_key: invalid key size requested
select crypto_kdf_derive_from_key(32, 1, '__aut__', zeroblob(32));
-- !! Runtime error near line 92: pgsodium_crypto_kdf_derive_from_key: context must be 8 bytes
-- invalid UTF-8 is just bytes
select lower(hex(hkdf(cast(x'ff' as text), '', '', 4))) = lower(hex(hkdf(x'ff', '', '', 4)));
-- => 1
-- deterministic functions work in generated columns; keygen does not
create table t(k blob, d blob as (hkdf(k, '', '', 8)), p blob as (pbkdf2(k, 's', 1, 8)), s blob as (scrypt(k, 's', 16, 1, 1, 8)), c blob as (crypto_kdf_derive_from_key(16, 1, 'ctx12345', k)));
insert into t(k) values (zeroblob(32));
select length(d), length(p), length(s), length(c) from t;
-- => 8|8|8|16
create table u(a, b as (crypto_kdf_keygen()));
-- !! Parse error near line 102: non-deterministic functions prohibited in generated columns
-- !!   create table u(a, b as (crypto_kdf_keygen()));
-- !!                           ^--- error here
