-- exit: 1
.load dist/extensions/isn.wasm
-- python-stdnum 2.2 doctests: stdnum.isbn
select isbn_validate('978-9024538270'), isbn_compact('1-85798-218-5'), isbn_format('9780471117094'), isbn_format('1857982185');
-- => 9789024538270|1857982185|978-0-471-11709-4|1-85798-218-5
select isbn_validate('978-9024538271');
-- !! Runtime error near line 6: The number's checksum or check digit is invalid.
select isbn_type('1-85798-218-5'), isbn_type('978-0-471-11709-4'), isbn_type('978-0-471-11709-5') is null;
-- => ISBN10|ISBN13|1
select isbn_to_isbn13('1-85798-218-5'), isbn_to_isbn10('978-1-85798-218-3');
-- => 978-1-85798-218-3|1-85798-218-5
-- Postgres isn documentation examples, as stdnum answers them.
select isbn_valid('978-0-393-04002-9'), isbn_to_isbn13('0901690546'), isbn_format('0901690546', '-', 1), issn_valid('1436-4522');
-- => 1|9780901690548|978-0-901690-54-8|1
select isbn_valid('9780123456786'), isbn_valid('123456789X'), isbn_valid('9791234567896'), ean_valid('9771234567898'), upc_valid('036000291452'), upc_valid('0123456789012');
-- => 1|1|1|1|1|0
-- More ISBN cases.
select isbn_validate('123456789X', 1), isbn_compact('85798218'), isbn_compact('185798218', 1), isbn_format('978 3 16 148410 0', ' ');
-- => 9781234567897|85798218|9780185798213|978 3 16 148410 0
select isbn_validate('9771234567898');
-- !! Runtime error near line 20: One of the parts of the number are invalid or unknown.
select isbn_validate('97819');
-- !! Runtime error near line 22: The number has an invalid length.
select isbn_validate('X');
-- !! Runtime error near line 24: The number has an invalid format.
select isbn_to_isbn10('979-10-90636-07-1');
-- !! Runtime error near line 26: Does not use 978 Bookland prefix.
select isbn_to_isbn10('1234');
-- !! Runtime error near line 28: Not a valid ISBN13.
select isbn_to_isbn13('12-3x5');
-- !! Runtime error near line 30: invalid literal for int() with base 10: 'x'
select isbn_format('');
-- !! Runtime error near line 32: string index out of range
select isbn_format('979-8-6029-4567-1'), isbn_format('abc');
-- => 979-8-6029-4567-1|AB-C
-- stdnum.issn
select issn_validate('0024-9319'), issn_compact('0032-1478'), issn_format('00249319'), issn_to_ean('0264-3596'), issn_to_ean('0264-3596', '07'), issn_calc_check_digit('1050124');
-- => 00249319|00321478|0024-9319|9770264359008|9770264359077|X
select issn_validate('0032147X');
-- !! Runtime error near line 39: The number's checksum or check digit is invalid.
select issn_validate('003214712');
-- !! Runtime error near line 41: The number has an invalid length.
select issn_calc_check_digit('12a');
-- !! Runtime error near line 43: invalid literal for int() with base 10: 'a'
-- stdnum.ismn
select ismn_validate('979-0-3452-4680-5'), ismn_validate('9790060115615'), ismn_type(' M-2306-7118-7'), ismn_compact('  979-0-3452-4680-5');
-- => 9790345246805|9790060115615|ISMN10|9790345246805
select ismn_format('9790060115615'), ismn_format('M230671187'), ismn_to_ismn13('M230671187'), ismn_valid('M-2306-7118-8');
-- => 979-0-060-11561-5|979-0-2306-7118-7|9790230671187|0
select ismn_validate('9790060115614');
-- !! Runtime error near line 50: The number's checksum or check digit is invalid.
select ismn_validate('9780060115615');
-- !! Runtime error near line 52: One of the parts of the number are invalid or unknown.
-- stdnum.ean
select ean_validate('73513537'), ean_validate('978-0-471-11709-4'), ean_validate('98412345678908'), ean_calc_check_digit('400638133393'), ean_compact(' 0 36000 29145 2 ');
-- => 73513537|9780471117094|98412345678908|1|036000291452
select ean_validate('1234567');
-- !! Runtime error near line 57: The number has an invalid length.
select ean_validate('12 34x');
-- !! Runtime error near line 59: The number has an invalid format.
select ean_calc_check_digit('4006-3');
-- !! Runtime error near line 61: invalid literal for int() with base 10: '-'
-- Postgres isn make_valid: the check digit corrected.
select isn_make_valid('978-0-393-04002-6!'), isn_make_valid('0-393-04002-0'), isn_make_valid('M-2306-7118-0'), isn_make_valid('1436-4520'), isn_make_valid('036000291450'), isn_make_valid('9780393040029');
-- => 9780393040029|039304002X|M230671187|14364522|036000291452|9780393040029
select isn_make_valid('12345');
-- !! Runtime error near line 66: The number has an invalid length.
select isn_make_valid('97803930400X9');
-- !! Runtime error near line 68: The number has an invalid format.
-- NULL gives NULL.
select isbn_valid(null) is null, isbn_validate(null) is null, issn_format(null) is null, ean_valid(null) is null, upc_valid(null) is null, isn_make_valid(null) is null, isbn_format('1857982185', null) is null;
-- => 1|1|1|1|1|1|1
-- Invalid UTF-8 is refused by the host's text conversion.
select isbn_valid(cast(x'ff' as text));
-- !! Runtime error near line 74: isbn_is_valid(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
-- Deterministic: usable in a generated column.
create table books(isbn text, ok as (isbn_valid(isbn)), isbn13 as (isbn_format(isbn, '-', 1)));
insert into books(isbn) values ('1857982185'), ('1857982186');
select * from books;
-- => 1857982185|1|978-1-85798-218-3
-- => 1857982186|0|978-1-85798-218-3
