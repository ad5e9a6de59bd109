-- exit: 1
.load dist/extensions/idna.wasm
select idna_to_ascii('Bücher.example');
-- => xn--bcher-kva.example
select idna_to_ascii('MÜNCHEN.de');
-- => xn--mnchen-3ya.de
select idna_to_ascii('faß.de');
-- => xn--fa-hia.de
select idna_to_ascii('例え.テスト');
-- => xn--r8jz45g.xn--zckzah
select idna_to_ascii('example.com');
-- => example.com
select idna_to_ascii('a_b.example');
-- => a_b.example
select idna_to_ascii('a_b.example', 1);
-- =>
select idna_to_ascii('-x-.com');
-- => -x-.com
select idna_to_ascii('-x-.com', 1) is null;
-- => 1
select idna_to_ascii('xn--a.example') is null;
-- => 1
select idna_to_ascii('a' || char(0x200d) || 'b') is null;
-- => 1
select idna_to_ascii('') = '';
-- => 1
select idna_to_ascii(null) is null;
-- => 1
select idna_to_unicode('xn--bcher-kva.example');
-- => bücher.example
select idna_to_unicode('xn--r8jz45g.xn--zckzah');
-- => 例え.テスト
select idna_to_unicode('XN--FA-HIA.DE');
-- => faß.de
select idna_to_unicode('xn--a.example') is null;
-- => 1
select idna_to_unicode(null) is null;
-- => 1
select punycode_encode('bücher');
-- => bcher-kva
select punycode_encode('Bach');
-- => Bach-
select punycode_encode('ü');
-- => tda
select punycode_encode('他们为什么不说中文');
-- => ihqwcrb4cv8a8dqg056pqjye
select punycode_encode('3年B組金八先生');
-- => 3B-ww4c5e180e575a65lsy2b
select punycode_encode('-> $1.00 <-');
-- => -> $1.00 <--
select punycode_decode('bcher-kva');
-- => bücher
select punycode_decode('ihqwcrb4cv8a8dqg056pqjye');
-- => 他们为什么不说中文
select punycode_decode('PorqunopuedensimplementehablarenEspaol-fmd56a');
-- => PorquénopuedensimplementehablarenEspañol
select punycode_decode('Hello-Another-Way--fc4qua05auwb3674vfr0b');
-- => Hello-Another-Way-それぞれの場所
select punycode_decode('99999999999') is null;
-- => 1
select punycode_decode(null) is null, punycode_encode(null) is null;
-- => 1|1
select idna_to_ascii(123), punycode_encode(12.5);
-- => 123|12.5-
create table t(d text, a text generated always as (idna_to_ascii(d)), p text generated always as (punycode_encode(d)));
insert into t(d) values ('bücher.de');
select a, p from t;
-- => xn--bcher-kva.de|bcher.de-65a
select punycode_encode(cast(x'ff' as text));
-- !! Runtime error near line 69: punycode_encode(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
