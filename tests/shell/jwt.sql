-- exit: 1
.load dist/extensions/jwt.wasm
-- pgjwt test.sql and README
select jwt_sign('{"sub":"1234567890","name":"John Doe","admin":true}', 'secret');
-- => eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ
select jwt_sign('{"sub":"1234567890","name":"John Doe","admin":true}', 'secret', 'HS256') = jwt__sign('{"sub":"1234567890","name":"John Doe","admin":true}', 'secret');
-- => 1
select jwt_sign('{"sub":"1234567890","name":"John Doe","admin":true}', 'secret', 'HS384');
-- => eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.DtVnCyiYCsCbg8gUP-579IC2GJ7P3CtFw6nfTTPw-0lZUzqgWAo9QIQElyxOpoRm
select jwt_sign('{"sub":"1234567890","name":"John Doe","admin":true}', 'secret', 'HS512');
-- => eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.YI0rUGDq5XdRw8vW2sDLRNFMN8Waol03iSFH8I4iLzuYK7FKHaQYWzPt0BJFGrAmKJ6SjY0mJIMZqNQJFVpkuw
select jwt_sign('{"sub":"1234567890","name":"John Doe","admin":true}', 'secret', 'bogus');
-- !! Runtime error near line 12: Cannot use "": No such hash algorithm
select jwt_sign('{"sub":"1234567890","name":"John Doe","admin":true}', 'secret', 'hs256');
-- !! Runtime error near line 14: Cannot use "": No such hash algorithm
select * from verify('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ', 'secret');
-- => {"alg":"HS256","typ":"JWT"}|{"sub":"1234567890","name":"John Doe","admin":true}|1
select * from verify('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ', 'badsecret');
-- => {"alg":"HS256","typ":"JWT"}|{"sub":"1234567890","name":"John Doe","admin":true}|0
select header, payload, valid from jwt_verify('eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.DtVnCyiYCsCbg8gUP-579IC2GJ7P3CtFw6nfTTPw-0lZUzqgWAo9QIQElyxOpoRm', 'secret', 'HS384');
-- => {"alg":"HS384","typ":"JWT"}|{"sub":"1234567890","name":"John Doe","admin":true}|1
select valid from jwt_verify('eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.DtVnCyiYCsCbg8gUP-579IC2GJ7P3CtFw6nfTTPw-0lZUzqgWAo9QIQElyxOpoRm', 'badsecret', 'HS384');
-- => 0
select * from verify('eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.YI0rUGDq5XdRw8vW2sDLRNFMN8Waol03iSFH8I4iLzuYK7FKHaQYWzPt0BJFGrAmKJ6SjY0mJIMZqNQJFVpkuw', 'secret', 'HS512');
-- => {"alg":"HS512","typ":"JWT"}|{"sub":"1234567890","name":"John Doe","admin":true}|1
select valid from verify('eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.YI0rUGDq5XdRw8vW2sDLRNFMN8Waol03iSFH8I4iLzuYK7FKHaQYWzPt0BJFGrAmKJ6SjY0mJIMZqNQJFVpkuw', 'badsecret', 'HS512');
-- => 0
select * from verify('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ', 'secret', 'bogus');
-- !! Runtime error near line 28: Cannot use "": No such hash algorithm
select * from verify('eyJhbGciOiJIUzI1NiIBOGUScCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ', 'secret', 'HS256');
-- !! Runtime error near line 30: invalid input syntax for type json
select * from verify('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaBOGUS9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ', 'secret', 'HS256');
-- !! Runtime error near line 32: invalid byte sequence for encoding "UTF8": 0x86
select * from verify('eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJuYmYiOiJuby1kb3VibGUifQ.6TDHvMKq3Z67KaexRMuhoQ20sYSj9jConcUCO3g2bGyHXACq-FPkJIRAsy1xX90fWKieIAW_tz-4bbFLwwOTPg', 'secret', 'HS512');
-- => {"alg":"HS512","typ":"JWT"}|{"nbf":"no-double"}|1
select * from verify('eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJleHAiOiI3NXoifQ.nfXYiSNNdYNsLrQp5Zry9p0xDCh_CkMSY1dOdqDCLc1YrDxrItwEmZIlTi3BBO8_9OCameSKMyGysYGDCNoaRg', 'secret', 'HS512');
-- => {"alg":"HS512","typ":"JWT"}|{"exp":"75z"}|1
-- nbf / exp against the clock
select valid from verify(jwt_sign(json_object('nbf', unixepoch('subsec') + 1), 'secret', 'HS512'), 'secret', 'HS512');
-- => 0
select valid from verify(jwt_sign(json_object('nbf', unixepoch('subsec') - 1), 'secret', 'HS512'), 'secret', 'HS512');
-- => 1
select valid from verify(jwt_sign(json_object('exp', unixepoch('subsec') - 1), 'secret', 'HS512'), 'secret', 'HS512');
-- => 0
select valid from verify(jwt_sign(json_object('exp', unixepoch('subsec') + 5), 'secret', 'HS512'), 'secret', 'HS512');
-- => 1
select valid from verify(jwt_sign(json_object('nbf', unixepoch() - 3, 'exp', unixepoch() - 1), 'secret', 'HS512'), 'secret', 'HS512');
-- => 0
select valid from verify(jwt_sign(json_object('nbf', unixepoch() - 3, 'exp', unixepoch() + 3), 'secret', 'HS512'), 'secret', 'HS512');
-- => 1
select valid from verify(jwt_sign(json_object('nbf', 20, 'exp', 10), 'secret'), 'secret');
-- !! Runtime error near line 51: range lower bound must be less than or equal to range upper bound
-- NULLs
select jwt_sign(NULL, 'secret') is null, jwt_sign('{}', NULL) is null, jwt_sign('{}', 'secret', NULL) is null;
-- => 1|1|1
select quote(header), quote(payload), quote(valid) from verify(NULL, 'secret');
-- => NULL|NULL|NULL
select header, quote(valid) from verify('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ', NULL);
-- => {"alg":"HS256","typ":"JWT"}|NULL
select * from verify('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ', 'secret', NULL);
-- !! Runtime error near line 60: Cannot use "": No such hash algorithm
select header, quote(valid) from verify('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9', 'secret');
-- => {"alg":"HS256","typ":"JWT"}|NULL
-- bad input
select jwt_sign('not json', 'secret');
-- !! Runtime error near line 65: invalid input syntax for type json
select jwt_sign(cast(x'ff' as text), 'secret');
-- !! Runtime error near line 67: sign(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
select * from verify('', 'secret');
-- !! Runtime error near line 69: invalid input syntax for type json
select * from verify('a.b.c', 'secret');
-- !! Runtime error near line 71: unexpected "=" while decoding base64 sequence
select * from verify('_w.e30.x', 'secret');
-- !! Runtime error near line 73: invalid byte sequence for encoding "UTF8": 0xff
select * from verify('e30.e30.x', 'secret');
-- => {}|{}|0
-- signing is deterministic: usable in a generated column
create table t(p text, tok text as (jwt_sign(p, 'k')));
insert into t(p) values ('{"a":1}');
select tok from t;
-- => eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhIjoxfQ.HYfzqBpLbCOo950TeHdytWxg8UHtAmEQCW7ITVky6Gc
