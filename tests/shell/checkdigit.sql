-- exit: 1
.load dist/extensions/checkdigit.wasm
-- python-stdnum 2.2 doctests: stdnum.luhn
select luhn_checksum('7894'), luhn_calc_check_digit('7894'), luhn_validate('78949'), luhn_is_valid('78949'), luhn_valid('7894');
-- => 6|9|78949|1|0
select luhn_validate('7894');
-- !! Runtime error near line 6: The number's checksum or check digit is invalid.
select luhn_validate('1234', '0123456789abcdef');
-- !! Runtime error near line 8: The number's checksum or check digit is invalid.
select luhn_checksum('1234', '0123456789abcdef'), luhn_calc_check_digit('1234', '0123456789abcdef');
-- => 14|0
select luhn_valid('79927398713'), luhn_valid(79927398713), luhn_valid('4111111111111111'), luhn_valid('4111 1111 1111 1111'), luhn_valid('');
-- => 1|1|1|0|0
select luhn_validate('');
-- !! Runtime error near line 14: The number has an invalid format.
select luhn_checksum('12a4');
-- !! Runtime error near line 16: substring not found
select luhn_calc_check_digit('12a4');
-- !! Runtime error near line 18: substring not found
select luhn_validate('12a4');
-- !! Runtime error near line 20: The number has an invalid format.
select luhn_calc_check_digit('1', '');
-- !! Runtime error near line 22: string index out of range
select luhn_checksum('', '');
-- !! Runtime error near line 24: integer modulo by zero
-- stdnum.verhoeff
select verhoeff_checksum('1234'), verhoeff_calc_check_digit('1234'), verhoeff_validate('12340'), verhoeff_valid('12340'), verhoeff_is_valid('1234');
-- => 1|0|12340|1|0
select verhoeff_validate('1234');
-- !! Runtime error near line 29: The number's checksum or check digit is invalid.
select verhoeff_checksum('12a4');
-- !! Runtime error near line 31: invalid literal for int() with base 10: 'a'
select verhoeff_checksum('1''4');
-- !! Runtime error near line 33: invalid literal for int() with base 10: "'"
-- stdnum.damm
select damm_calc_check_digit('572'), damm_validate('5724'), damm_checksum('572'), damm_valid('5724'), damm_valid('572');
-- => 4|5724|4|1|0
select damm_validate('572');
-- !! Runtime error near line 38: The number's checksum or check digit is invalid.
select damm_calc_check_digit(''), damm_valid('');
-- => 0|0
select damm_checksum('5 7');
-- !! Runtime error near line 42: invalid literal for int() with base 10: ' '
-- stdnum.iso7064
select iso7064_mod_11_2_calc_check_digit('0794'), iso7064_mod_11_2_validate('07940'), iso7064_mod_11_2_calc_check_digit('079'), iso7064_mod_11_2_validate('079X'), iso7064_mod_11_2_checksum('079X');
-- => 0|07940|X|079X|1
select iso7064_mod_11_2('079X'), iso7064_mod_11_2_valid('079x'), iso7064_mod_11_2_is_valid('0794');
-- => 1|0|0
select iso7064_mod_11_2_checksum('079x');
-- !! Runtime error near line 49: invalid literal for int() with base 10: 'x'
select iso7064_mod_11_10_calc_check_digit('79462'), iso7064_mod_11_10_validate('794623'), iso7064_mod_11_10_calc_check_digit('00200667308'), iso7064_mod_11_10_validate('002006673085');
-- => 3|794623|5|002006673085
select iso7064_mod_11_10_validate('794624');
-- !! Runtime error near line 53: The number's checksum or check digit is invalid.
select iso7064_mod_37_2_calc_check_digit('G123489654321'), iso7064_mod_37_2_validate('G123489654321Y'), iso7064_mod_37_2_checksum('G123489654321Y');
-- => Y|G123489654321Y|1
select iso7064_mod_37_2_calc_check_digit('079', '0123456789X'), iso7064_mod_37_2_validate('079X', '0123456789X'), iso7064_mod_37_2_checksum('079X', '0123456789X');
-- => X|079X|1
select iso7064_mod_37_2_checksum('g1');
-- !! Runtime error near line 59: substring not found
select iso7064_mod_37_2_validate('g1');
-- !! Runtime error near line 61: The number has an invalid format.
select iso7064_mod_37_36_checksum('A12425GABC1234002M'), iso7064_mod_37_36_calc_check_digit('A12425GABC1234002'), iso7064_mod_37_36_validate('A12425GABC1234002M');
-- => 1|M|A12425GABC1234002M
select iso7064_mod_37_36_calc_check_digit('00200667308', '0123456789'), iso7064_mod_37_36_validate('002006673085', '0123456789');
-- => 5|002006673085
select iso7064_mod_37_36('A12425GABC1234002M'), iso7064_mod_37_36_valid(''), iso7064_mod_37_36_validate('');
-- !! Runtime error near line 67: The number's checksum or check digit is invalid.
select iso7064_mod_97_10_calc_check_digits('99991234567890121414'), iso7064_mod_97_10_validate('9999123456789012141490'), iso7064_mod_97_10_calc_check_digits('4354111611551114');
-- => 90|9999123456789012141490|31
select iso7064_mod_97_10_validate('08686001256515001121751'), iso7064_mod_97_10_calc_check_digits('22181321402534321446701611'), iso7064_mod_97_10_checksum('9999123456789012141490');
-- => 08686001256515001121751|35|1
select iso7064_mod_97_10('9999123456789012141490'), iso7064_mod_97_10_valid('9999123456789012141491'), iso7064_mod_97_10_is_valid(''), iso7064_mod_97_10_calc_check_digits('');
-- => 1|0|0|98
select iso7064_mod_97_10_checksum('');
-- !! Runtime error near line 75: invalid literal for int() with base 10: ''
select iso7064_mod_97_10_checksum('12-3');
-- !! Runtime error near line 77: invalid literal for int() with base 36: '-'
-- NULL gives NULL; an alphabet of NULL too.
select luhn_checksum(null) is null, luhn_valid(null) is null, verhoeff_validate(null) is null, damm_calc_check_digit(null) is null, iso7064_mod_37_2_checksum('1', null) is null;
-- => 1|1|1|1|1
-- Invalid UTF-8 is refused by the host's text conversion.
select luhn_valid(cast(x'ff' as text));
-- !! Runtime error near line 83: luhn_is_valid(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
-- Numbers are read as their text.
select damm_calc_check_digit(572), iso7064_mod_11_10_calc_check_digit(79462);
-- => 4|3
-- Wrong argument counts.
select verhoeff_checksum('1', '2');
-- !! Parse error near line 89: wrong number of arguments to function verhoeff_checksum()
-- !!   select verhoeff_checksum('1', '2');
-- !!          ^--- error here
select luhn_checksum('1', '2', '3');
-- !! Parse error near line 93: wrong number of arguments to function luhn_checksum()
-- !!   select luhn_checksum('1', '2', '3');
-- !!          ^--- error here
-- Deterministic: usable in a generated column.
create table g(n text, ok as (luhn_valid(n)), ck as (iso7064_mod_97_10_calc_check_digits(n)));
insert into g(n) values ('79927398713'), ('123');
select n, ok, ck from g;
-- => 79927398713|1|50
-- => 123|0|20
