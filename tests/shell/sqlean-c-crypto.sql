-- runners: native wasm (the C builds are not baked into the composed build)
-- exit: 1
-- sqlean's crypto module (sqlite/sqlean-crypto.c of sqlean.py 3.50.4.5,
-- compiled unchanged by `make c-sqlean`). Digests and encodings checked
-- against Python's hashlib, base64 (a85encode) and urllib.parse.quote; BLAKE3
-- against its published test vector for 'abc'.
.load dist/extensions-c/sqlean-crypto.wasm
select hex(md5('abc')), hex(crypto_md5(''));
-- => 900150983CD24FB0D6963F7D28E17F72|D41D8CD98F00B204E9800998ECF8427E
select hex(sha1('abc')), hex(sha256('abc'));
-- => A9993E364706816ABA3E25717850C26C9CD0D89D|BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD
select hex(sha384('abc'));
-- => CB00753F45A35E8BB5A03D699AC65007272C32AB0EDED1631A8B605A43FF5BED8086072BA1E7CC2358BAECA134C825A7
select hex(sha512('abc'));
-- => DDAF35A193617ABACC417349AE20413112E6FA4E89A97EA20A9EEEE64B55D39A2192992A274FC1A836BA3C23A3FEEBBD454D4423643CE80E2A9AC94FA54CA49F
select hex(blake3('abc'));
-- => 6437B3AC38465133FFB63B75273A8DB548C558465D79DB03FD359C6CD5BD9D85
select encode('hello', 'base64'), encode('hello', 'base32'), encode('hello', 'hex'), encode('hello', 'base85'), encode('a b&c=d/é', 'url');
-- => aGVsbG8=|NBSWY3DP|68656c6c6f|BOu!rDZ|a%20b%26c%3Dd%2F%C3%A9
select cast(decode('aGVsbG8=', 'base64') as text), cast(decode('NBSWY3DP', 'base32') as text), cast(decode('68656c6c6f', 'hex') as text), cast(decode('a+b%26c', 'url') as text);
-- => hello|hello|hello|a b&c
select md5(null) is null, typeof(sha256('')), length(sha512(zeroblob(1000)));
-- => 1|blob|64
select encode('x', 'rot13');
-- !! Runtime error near line 24: unknown encoding
