-- exit: 1
.load dist/extensions/iban.wasm
-- python-stdnum 2.2 doctests: stdnum.iban
select iban_validate('GR16 0110 1050 0000 1054 7023 795');
-- => GR1601101050000010547023795
select iban_validate('BE31435411161155');
-- => BE31435411161155
select iban_compact('GR16 0110 1050 0000 1054 7023 795');
-- => GR1601101050000010547023795
select iban_format('GR1601101050000010547023795');
-- => GR16 0110 1050 0000 1054 7023 795
select iban_calc_check_digits('BExx435411161155');
-- => 31
select iban_validate('GR16 0110 1050 0000 1054 7023 794');
-- !! Runtime error near line 14: The number's checksum or check digit is invalid.
-- Valid and invalid IBANs, national checks on and off.
select iban_valid('GB82 WEST 1234 5698 7654 32'), iban_is_valid('gb82-west-1234.5698.7654.32'), iban_valid('GB82WEST1234569876543'), iban_valid(''), iban_valid('XX82WEST12345698765432');
-- => 1|1|0|0|0
select iban_valid('ES91 2100 0418 4502 0005 1332'), iban_valid('NO93 8601 1117 947'), iban_valid('ME25 5050 0001 2345 6789 51'), iban_valid('BE68539007547034');
-- => 1|1|1|0
select iban_valid('BE71096123456769'), iban_valid('BE71096123456769', 0), iban_validate('BE71096123456769', 0);
-- => 1|1|BE71096123456769
select iban_validate('BE71096123456769');
-- => BE71096123456769
select iban_validate('GB82WEST1234569876543');
-- !! Runtime error near line 25: The number's checksum or check digit is invalid.
select iban_validate('XX82WEST12345698765432');
-- !! Runtime error near line 27: The number's checksum or check digit is invalid.
select iban_validate('GB82_WEST12345698765432');
-- !! Runtime error near line 29: The number has an invalid format.
select iban_validate('');
-- !! Runtime error near line 31: The number has an invalid format.
select iban_format('de89370400440532013000', '-'), iban_format(''), iban_country('DE89 3704 0044 0532 0130 00'), iban_country('DE89 3704 0044 0532 0130 01') is null;
-- => DE89-3704-0044-0532-0130-00||DE|1
select iban_calc_check_digits('GB00WEST12345698765432'), iban_calc_check_digits('');
-- => 82|98
select iban_calc_check_digits('GB00_WEST');
-- !! Runtime error near line 37: invalid literal for int() with base 36: '_'
-- stdnum.bic
select bic_validate('AGRIFRPP882'), bic_validate('ABNA BE 2A'), bic_validate('AGRIFRPP'), bic_format('agriFRPP'), bic_compact(' agri-fr-pp ');
-- => AGRIFRPP882|ABNABE2A|AGRIFRPP|AGRIFRPP|AGRIFRPP
select bic_validate('AGRIFRPP8');
-- !! Runtime error near line 42: The number has an invalid length.
select bic_validate('AGRIF2PP');
-- !! Runtime error near line 44: The number has an invalid format.
select bic_validate('AGRIXXPP882');
-- !! Runtime error near line 46: One of the parts of the number are invalid or unknown.
select bic_valid('DEUTDEFF500'), bic_is_valid('DEUTDEFF50'), bic_valid('AGRIXXPP'), bic_valid('');
-- => 1|0|0|0
-- NULL gives NULL.
select iban_valid(null) is null, iban_validate(null) is null, iban_compact(null) is null, bic_valid(null) is null, iban_valid('GB82WEST12345698765432', null) is null;
-- => 1|1|1|1|1
-- Invalid UTF-8 is refused by the host's text conversion.
select iban_valid(cast(x'ff' as text));
-- !! Runtime error near line 54: iban_is_valid(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
-- Deterministic: usable in a generated column.
create table acct(iban text, ok as (iban_valid(iban)), cc as (iban_country(iban)), printed as (iban_format(iban)));
insert into acct(iban) values ('GB82WEST12345698765432'), ('GB00WEST12345698765432');
select * from acct;
-- => GB82WEST12345698765432|1|GB|GB82 WEST 1234 5698 7654 32
-- => GB00WEST12345698765432|0||GB00 WEST 1234 5698 7654 32
