-- exit: 1
.load dist/extensions/sign.wasm
-- RFC 8032 section 7.1, TEST 1 (empty message) and TEST 3
select p.public = x'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', p.secret = x'9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a' from crypto_sign_seed_new_keypair(x'9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60') p;
-- => 1|1
select lower(hex(crypto_sign_detached(x'', x'9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a')));
-- => e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b
select crypto_sign_verify_detached(x'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b', x'', x'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'), crypto_sign_verify_detached(x'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b', x'00', x'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
-- => 1|0
select lower(hex(crypto_sign_detached(x'af82', x'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025')));
-- => 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a
select lower(hex(crypto_sign(x'af82', x'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025')));
-- => 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40aaf82
select hex(crypto_sign_open(x'6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40aaf82', x'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025'));
-- => AF82
-- pgsodium test/sign.sql
select length(public), length(secret), typeof(public) from crypto_sign_seed_new_keypair(crypto_sign_new_seed());
-- => 32|64|blob
select * from crypto_sign_seed_new_keypair('bogus');
-- !! Runtime error near line 19: pgsodium_crypto_sign_seed_keypair: invalid seed
select * from crypto_sign_seed_new_keypair(NULL);
-- !! Runtime error near line 21: pgsodium_crypto_sign_seed_keypair: seed cannot be NULL
select crypto_sign_open(crypto_sign('bob is your uncle', k.secret), k.public) = cast('bob is your uncle' as blob) from crypto_sign_new_keypair() k;
-- => 1
select crypto_sign('bob is your uncle', 's');
-- !! Runtime error near line 25: pgsodium_crypto_sign: invalid secret key
select crypto_sign(NULL, 'bad');
-- !! Runtime error near line 27: pgsodium_crypto_sign: message cannot be NULL
select crypto_sign('bad', NULL);
-- !! Runtime error near line 29: pgsodium_crypto_sign: secretkey cannot be NULL
select crypto_sign_open(x'6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40aaf82', 'bad_key');
-- !! Runtime error near line 31: pgsodium_crypto_sign_open: invalid public key
select crypto_sign_open('foo', x'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025');
-- !! Runtime error near line 33: pgsodium_crypto_sign_open: invalid message
select crypto_sign_open(x'6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40aaf83', x'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025');
-- !! Runtime error near line 35: pgsodium_crypto_sign_open: invalid message
select crypto_sign_open(NULL, 'bad_key');
-- !! Runtime error near line 37: pgsodium_crypto_sign_open: message cannot be NULL
select crypto_sign_open('foo', NULL);
-- !! Runtime error near line 39: pgsodium_crypto_sign_open: publickey cannot be NULL
select crypto_sign_detached('foo', 'bar');
-- !! Runtime error near line 41: pgsodium_crypto_sign_detached: invalid secret key
select crypto_sign_verify_detached('foo', 'bar', 'bork');
-- !! Runtime error near line 43: pgsodium_crypto_sign_verify_detached: invalid public key
select crypto_sign_verify_detached(crypto_sign_detached('sealed message', k.secret), 'sealed message', k.public), crypto_sign_verify_detached(crypto_sign_detached('sealed message', k.secret), 'xyzzy', k.public) from crypto_sign_new_keypair() k;
-- => 1|0
select crypto_sign_verify_detached(NULL, 'm', x'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025');
-- !! Runtime error near line 47: pgsodium_crypto_sign_verify_detached: signature cannot be NULL
select crypto_sign_verify_detached(x'6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a', NULL, x'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025');
-- !! Runtime error near line 49: pgsodium_crypto_sign_verify_detached: message cannot be NULL
select crypto_sign_verify_detached(x'6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a', 'm', NULL);
-- !! Runtime error near line 51: pgsodium_crypto_sign_verify_detached: publickey cannot be NULL
select crypto_sign_verify_detached(x'00', x'af82', x'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025');
-- => 0
select crypto_sign_new_seed() = crypto_sign_new_seed(), length(crypto_sign_new_seed());
-- => 0|32
-- sig_verify: keys and signatures made with OpenSSL 3.0 (message 'hello sqlink')
select sig_verify('ed25519', '-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAkhW70+QdCQc7ilAFsiMF3+IYPZO73bdLqDdvqkK4j/Q=
-----END PUBLIC KEY-----', 'hello sqlink', x'94131f3a4bf54be2ca5ea9f9ac4b6d8189630c4bb0ba5965b89c85e0ccfd3bd6f2407ffa9683b84b0e936c6e1822ba725b2ff5b32a9530926eedfa1c050ed305');
select sig_verify('ed25519', x'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025', x'af82', x'6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a'), sig_verify('ed25519', x'302a300506032b6570032100fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025', x'af82', x'6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a'), sig_verify('ed25519', x'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025', x'af83', x'6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a');
-- => 1
-- => 1|1|0
select sig_verify('ecdsa-p256-sha256', x'3059301306072a8648ce3d020106082a8648ce3d03010703420004f2f4db7251c4d75d92c22275576612cf5939186c84bda8ea97d41994570dc60a1c6e742dc27e2876564ac92a7669174143649c648b67ab60418a296d146ca40d', 'hello sqlink', x'30450220153c0ee958c116e24cfa442d5bb30b753922434bd09996197b1d1ead85566ccd0221009352fd6c7af5f40b735ac27287c3ef4eee1484a9c32f98f8f89345356831a47e');
-- => 1
select sig_verify('ecdsa-p256-sha256', x'3059301306072a8648ce3d020106082a8648ce3d03010703420004f2f4db7251c4d75d92c22275576612cf5939186c84bda8ea97d41994570dc60a1c6e742dc27e2876564ac92a7669174143649c648b67ab60418a296d146ca40d', 'hello sqlink', x'153c0ee958c116e24cfa442d5bb30b753922434bd09996197b1d1ead85566ccd9352fd6c7af5f40b735ac27287c3ef4eee1484a9c32f98f8f89345356831a47e');
-- => 1
select sig_verify('ecdsa-p256-sha256', x'3059301306072a8648ce3d020106082a8648ce3d03010703420004f2f4db7251c4d75d92c22275576612cf5939186c84bda8ea97d41994570dc60a1c6e742dc27e2876564ac92a7669174143649c648b67ab60418a296d146ca40d', 'hello sqlinK', x'30450220153c0ee958c116e24cfa442d5bb30b753922434bd09996197b1d1ead85566ccd0221009352fd6c7af5f40b735ac27287c3ef4eee1484a9c32f98f8f89345356831a47e');
-- => 0
select sig_verify('ecdsa-p256-sha256', x'04f2f4db7251c4d75d92c22275576612cf5939186c84bda8ea97d41994570dc60a1c6e742dc27e2876564ac92a7669174143649c648b67ab60418a296d146ca40d', 'hello sqlink', x'30450220153c0ee958c116e24cfa442d5bb30b753922434bd09996197b1d1ead85566ccd0221009352fd6c7af5f40b735ac27287c3ef4eee1484a9c32f98f8f89345356831a47e');
-- => 1
select sig_verify('rsa-pkcs1-sha256', '-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxIed27NYb1UUeTeMOkvp
VcUgNe6/HH/Y3zuaZDuErvGqpPhV+i4q6ZsCruvI2T/nWmdafUWVvPRJnCBqjLV8
xoSPwszUDWvibh+XqtpjfdhUktCQuprfTlnDUJyJoaoFJvdTveZBS7sohCnkCHh0
zJF3ff1TBAkHvJXkS7h/6RTUZpEuxrTKq2GbvQx/jDsUN+6JUQn1bLvDdT0vEALs
IT5DeiEbcIJRAwvGR+gNDuo7L1LuMEsbYIUYklFfYZGyrTLHycZAPztU/2IvC/ty
pt9poE/v14er5kSWSTx0gz4FIfYRxMdmgJoxs+46MGi98eEXC2oZ6UECC8KljlLV
ZwIDAQAB
-----END PUBLIC KEY-----', 'hello sqlink', x'195cf7edad77992eef6c46978ae90d03792e801751c21b7befe34da5c46cb17e448cc2095822980d38583826b4e44ac2fdc0eff03cb908f6f8c54cf34ba52fd8b2424ff37d3c8562ccd7c3abd4b0d698d2760da765ae546d14f2aec2b18c52d7d060798b77f865e9067110ecaa889cf887fc364d496ec4c6a2069c5299a7d5afd2b691f17f663d3b96484c9d4e26654d533e8fdb18597cbc41bf5ea8b6313d0a712d36015458fd6dcab8aa1a8136158c56a97e8ba7fdb60d16dcee9f41e95406aeadac3530c99903cc6813b504cd647829fe6b4858a5bfd004c41f324d2f8cd1010eb63f674a02e00c9595afa94277f527aaff656d83ebb02ff4f8204de4909b');
select sig_verify('rsa-pss-sha256', '-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxIed27NYb1UUeTeMOkvp
VcUgNe6/HH/Y3zuaZDuErvGqpPhV+i4q6ZsCruvI2T/nWmdafUWVvPRJnCBqjLV8
xoSPwszUDWvibh+XqtpjfdhUktCQuprfTlnDUJyJoaoFJvdTveZBS7sohCnkCHh0
zJF3ff1TBAkHvJXkS7h/6RTUZpEuxrTKq2GbvQx/jDsUN+6JUQn1bLvDdT0vEALs
IT5DeiEbcIJRAwvGR+gNDuo7L1LuMEsbYIUYklFfYZGyrTLHycZAPztU/2IvC/ty
pt9poE/v14er5kSWSTx0gz4FIfYRxMdmgJoxs+46MGi98eEXC2oZ6UECC8KljlLV
ZwIDAQAB
-----END PUBLIC KEY-----', 'hello sqlink', x'00cb70c8e04276fdd29fa32d3e16ed12b7fb049ad674e67a8e452a954b3a164db59e134a479b7e9403c912b12d25f534d1416f701c32faf37682f77b9956a3b6a10959ece51514c4aa33e7533f41c38f1f4d47a28a33c967bc067dde67720410f4859b7f334a13d832b878592892c3ce0e3edb432431029393734e3b17f9cc7f6d0d9426f2b61fc0d79f61df71ff2805af28a3f08af9182a56cbbe8d8439fa77b61f2a18e8155a2d3a6957435096b4b2926815e0a402d1e854a84e45202dca20d68df241abf498a8c85807d7a57d45e5702f0d8835c129f6a7273ca35141cc68e30392ce3bda6c72108052610a8651d7193cde2e959f2eca7a244b8b7883dfec'), sig_verify('rsa-pkcs1-sha256', '-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxIed27NYb1UUeTeMOkvp
VcUgNe6/HH/Y3zuaZDuErvGqpPhV+i4q6ZsCruvI2T/nWmdafUWVvPRJnCBqjLV8
xoSPwszUDWvibh+XqtpjfdhUktCQuprfTlnDUJyJoaoFJvdTveZBS7sohCnkCHh0
zJF3ff1TBAkHvJXkS7h/6RTUZpEuxrTKq2GbvQx/jDsUN+6JUQn1bLvDdT0vEALs
IT5DeiEbcIJRAwvGR+gNDuo7L1LuMEsbYIUYklFfYZGyrTLHycZAPztU/2IvC/ty
pt9poE/v14er5kSWSTx0gz4FIfYRxMdmgJoxs+46MGi98eEXC2oZ6UECC8KljlLV
ZwIDAQAB
-----END PUBLIC KEY-----', 'hello sqlink', x'00cb70c8e04276fdd29fa32d3e16ed12b7fb049ad674e67a8e452a954b3a164db59e134a479b7e9403c912b12d25f534d1416f701c32faf37682f77b9956a3b6a10959ece51514c4aa33e7533f41c38f1f4d47a28a33c967bc067dde67720410f4859b7f334a13d832b878592892c3ce0e3edb432431029393734e3b17f9cc7f6d0d9426f2b61fc0d79f61df71ff2805af28a3f08af9182a56cbbe8d8439fa77b61f2a18e8155a2d3a6957435096b4b2926815e0a402d1e854a84e45202dca20d68df241abf498a8c85807d7a57d45e5702f0d8835c129f6a7273ca35141cc68e30392ce3bda6c72108052610a8651d7193cde2e959f2eca7a244b8b7883dfec'), sig_verify('rsa-pss-sha256', '-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxIed27NYb1UUeTeMOkvp
VcUgNe6/HH/Y3zuaZDuErvGqpPhV+i4q6ZsCruvI2T/nWmdafUWVvPRJnCBqjLV8
xoSPwszUDWvibh+XqtpjfdhUktCQuprfTlnDUJyJoaoFJvdTveZBS7sohCnkCHh0
zJF3ff1TBAkHvJXkS7h/6RTUZpEuxrTKq2GbvQx/jDsUN+6JUQn1bLvDdT0vEALs
IT5DeiEbcIJRAwvGR+gNDuo7L1LuMEsbYIUYklFfYZGyrTLHycZAPztU/2IvC/ty
pt9poE/v14er5kSWSTx0gz4FIfYRxMdmgJoxs+46MGi98eEXC2oZ6UECC8KljlLV
ZwIDAQAB
-----END PUBLIC KEY-----', 'hello sqlink', x'195cf7edad77992eef6c46978ae90d03792e801751c21b7befe34da5c46cb17e448cc2095822980d38583826b4e44ac2fdc0eff03cb908f6f8c54cf34ba52fd8b2424ff37d3c8562ccd7c3abd4b0d698d2760da765ae546d14f2aec2b18c52d7d060798b77f865e9067110ecaa889cf887fc364d496ec4c6a2069c5299a7d5afd2b691f17f663d3b96484c9d4e26654d533e8fdb18597cbc41bf5ea8b6313d0a712d36015458fd6dcab8aa1a8136158c56a97e8ba7fdb60d16dcee9f41e95406aeadac3530c99903cc6813b504cd647829fe6b4858a5bfd004c41f324d2f8cd1010eb63f674a02e00c9595afa94277f527aaff656d83ebb02ff4f8204de4909b');
select sig_verify('rsa-pkcs1-sha256', '-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxIed27NYb1UUeTeMOkvp
VcUgNe6/HH/Y3zuaZDuErvGqpPhV+i4q6ZsCruvI2T/nWmdafUWVvPRJnCBqjLV8
xoSPwszUDWvibh+XqtpjfdhUktCQuprfTlnDUJyJoaoFJvdTveZBS7sohCnkCHh0
zJF3ff1TBAkHvJXkS7h/6RTUZpEuxrTKq2GbvQx/jDsUN+6JUQn1bLvDdT0vEALs
IT5DeiEbcIJRAwvGR+gNDuo7L1LuMEsbYIUYklFfYZGyrTLHycZAPztU/2IvC/ty
pt9poE/v14er5kSWSTx0gz4FIfYRxMdmgJoxs+46MGi98eEXC2oZ6UECC8KljlLV
ZwIDAQAB
-----END PUBLIC KEY-----', 'hello sqlink', x'00');
select sig_verify('md5', x'00', 'm', x'00');
-- => 1
-- => 1|0|0
-- => 0
-- !! Runtime error near line 115: sig_verify(): unknown algorithm 'md5' (use ed25519, ecdsa-p256-sha256, rsa-pkcs1-sha256 or rsa-pss-sha256)
select sig_verify('ed25519', 'not a key', 'm', x'00');
-- !! Runtime error near line 120: sig_verify(): invalid ed25519 public key
select sig_verify('ecdsa-p256-sha256', x'0102', 'm', x'00');
-- !! Runtime error near line 122: sig_verify(): invalid ecdsa-p256 public key
select sig_verify('rsa-pkcs1-sha256', '-----BEGIN PUBLIC KEY-----
!!!
-----END PUBLIC KEY-----', 'm', x'00');
select sig_verify(NULL, x'00', 'm', x'00') is null, sig_verify('ed25519', NULL, 'm', x'00') is null, sig_verify('ed25519', x'00', NULL, x'00') is null, sig_verify('ed25519', x'00', 'm', NULL) is null;
-- => 1|1|1|1
-- !! Runtime error near line 124: sig_verify(): invalid RSA public key
select sig_verify(cast(x'ff' as text), x'00', 'm', x'00');
-- !! Runtime error near line 130: sig_verify(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
-- pure functions are deterministic; crypto_sign_new_seed is not
create table t(m blob, s blob as (crypto_sign_detached(m, x'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025')), v as (sig_verify('ed25519', x'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025', m, s)), o as (crypto_sign_verify_detached(s, m, x'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025')));
insert into t(m) values (x'af82');
select lower(hex(s)), v, o from t;
-- => 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a|1|1
create table u(a, b as (crypto_sign_new_seed()));
-- !! Parse error near line 137: non-deterministic functions prohibited in generated columns
-- !!   create table u(a, b as (crypto_sign_new_seed()));
-- !!                           ^--- error here
