.load dist/extensions/email.wasm
select email_valid('test@iana.org'), email_diagnose('test@iana.org'), email_category('test@iana.org');
-- => 1|ISEMAIL_VALID|ISEMAIL_VALID_CATEGORY
select email_local('test@iana.org'), email_domain('test@iana.org');
-- => test|iana.org
select email_diagnose('');
-- => ISEMAIL_ERR_NODOMAIN
select email_diagnose('test');
-- => ISEMAIL_ERR_NODOMAIN
select email_diagnose('@');
-- => ISEMAIL_ERR_NOLOCALPART
select email_diagnose('test@');
-- => ISEMAIL_ERR_NODOMAIN
select email_diagnose('test@io');
-- => ISEMAIL_RFC5321_TLD
select email_diagnose('@io');
-- => ISEMAIL_ERR_NOLOCALPART
select email_diagnose('test@iana.123');
-- => ISEMAIL_RFC5321_TLDNUMERIC
select email_diagnose('test@255.255.255.255');
-- => ISEMAIL_RFC5321_TLDNUMERIC
select email_diagnose('.test@iana.org');
-- => ISEMAIL_ERR_DOT_START
select email_diagnose('test.@iana.org');
-- => ISEMAIL_ERR_DOT_END
select email_diagnose('test..iana.org');
-- => ISEMAIL_ERR_CONSECUTIVEDOTS
select email_diagnose('test_exa-mple.com');
-- => ISEMAIL_ERR_NODOMAIN
select email_diagnose('"test"@iana.org');
-- => ISEMAIL_RFC5321_QUOTEDSTRING
select email_diagnose('"test\"blah"@iana.org');
-- => ISEMAIL_RFC5321_QUOTEDSTRING
select email_diagnose('test@[255.255.255.255]');
-- => ISEMAIL_RFC5321_ADDRESSLITERAL
select email_diagnose('test@[IPv6:1111:2222:3333:4444:5555:6666:7777:8888]');
-- => ISEMAIL_RFC5321_ADDRESSLITERAL
select email_diagnose('test@[IPv6:1111:2222:3333:4444:5555:6666:7777]');
-- => ISEMAIL_RFC5322_IPV6_GRPCOUNT
select email_diagnose('test@[IPv6:1::8888]');
-- => ISEMAIL_RFC5321_ADDRESSLITERAL
select email_diagnose('test@[1.2.3.4.5]');
-- => ISEMAIL_RFC5322_DOMAINLITERAL
select email_diagnose('(comment)test@iana.org');
-- => ISEMAIL_CFWS_COMMENT
select email_diagnose('test@-iana.org');
-- => ISEMAIL_ERR_DOMAINHYPHENSTART
select email_diagnose('test@iana-.com');
-- => ISEMAIL_ERR_DOMAINHYPHENEND
select email_diagnose('test.(comment)test@iana.org');
-- => ISEMAIL_DEPREC_COMMENT
select email_diagnose('abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghiklmn@iana.org');
-- => ISEMAIL_RFC5322_LOCAL_TOOLONG
select email_diagnose('test@iana.org' || char(13));
-- => ISEMAIL_ERR_CR_NO_LF
select email_valid('"test"@iana.org'), email_valid('test@'), email_valid('(comment)test@iana.org');
-- => 1|0|0
select email_local('(comment)test@iana.org'), email_domain('test@ iana .org'), email_local('"a b"@x.org');
-- => test|iana.org|"a b"
select email_local('test@') is null, email_domain('test') is null;
-- => 1|1
select email_valid(null) is null, email_diagnose(null) is null, email_local(null) is null;
-- => 1|1|1
select email_diagnose(12345), email_diagnose(cast(x'ff' as text) || '@iana.org');
-- => ISEMAIL_ERR_NODOMAIN|ISEMAIL_ERR_EXPECTING_ATEXT
create table t(a text, d text generated always as (email_diagnose(a)));
insert into t(a) values ('x@y.org');
select d from t;
-- => ISEMAIL_VALID
