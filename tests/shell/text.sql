-- The text extension: sqlean's documented examples (docs/text.md), then
-- Unicode and edge cases. Padded results are wrapped in [ ] so that leading
-- and trailing spaces are visible.
.load dist/extensions/text.wasm
-- SQLite itself has concat(), ltrim(), rtrim() and octet_length(): those bare
-- names stay SQLite's, text's versions are callable qualified.
-- !! warning: concat(...) already exists in SQLite: call text__concat instead, or load with --pin concat to take the bare name
-- !! warning: ltrim(1), ltrim(2) already exist in SQLite: call text__ltrim instead, or load with --pin ltrim to take the bare name
-- !! warning: octet_length(1) already exists in SQLite: call text__octet_length instead, or load with --pin octet_length to take the bare name
-- !! warning: rtrim(1), rtrim(2) already exist in SQLite: call text__rtrim instead, or load with --pin rtrim to take the bare name

-- Substrings and slicing
select text_substring('hello world', 7);
-- => world
select text_substring('hello world', 7, 5);
-- => world
select text_substring('hello world', 0, 5);
-- => hell
select text_substring('hello world', -5, 11);
-- => hello
select text_substring('Привет', 2, 3);
-- => рив
select text_slice('hello world', 7);
-- => world
select text_slice('hello world', 7, 12);
-- => world
select text_slice('hello world', -5);
-- => world
select text_slice('hello world', -5, -2);
-- => wor
select text_slice('hello world', -15, 6);
-- => hello
select text_slice('Привет', -3);
-- => вет
select text_left('hello world', 5);
-- => hello
select text_left('hello world', -6);
-- => hello
select left('Привет', 2);
-- => Пр
select text_right('hello world', 5);
-- => world
select text_right('hello world', -6);
-- => world
select right('Привет', -2);
-- => ивет

-- Search and match
select text_index('hello yellow', 'ello');
-- => 2
select text_index('hello yellow', 'x');
-- => 0
select strpos('Привет мир', 'мир');
-- => 8
select text_last_index('hello yellow', 'ello');
-- => 8
select text_last_index('hello yellow', 'x');
-- => 0
select text_contains('hello yellow', 'ello');
-- => 1
select text_contains('hello yellow', 'x');
-- => 0
select text_has_prefix('hello yellow', 'hello');
-- => 1
select text_has_prefix('hello yellow', 'yellow');
-- => 0
select starts_with('Привет', 'Пр');
-- => 1
select text_has_suffix('hello yellow', 'hello');
-- => 0
select text_has_suffix('hello yellow', 'yellow');
-- => 1
select text_count('hello yellow', 'ello');
-- => 2
select text_count('hello yellow', 'x');
-- => 0
select text_like('cóm_ está_', 'CÓMO ESTÁS');
-- => 1
select text_like('ça%', 'Ça roule');
-- => 1
select text_like('прив_т', 'пРиВеТ');
-- => 1
select text_like('H%l_, w%ld.', 'hello, world!');
-- => 0

-- Split and join
select text_split('one|two|three', '|', 2);
-- => two
select text_split('one|two|three', '|', -1);
-- => three
select text_split('one|two|three', ';', 2);
-- =>
select split_part('один|два|три', '|', 2);
-- => два
select text_concat('one', 'two', 'three');
-- => onetwothree
select text_concat('one', null, 'three');
-- => onethree
select text_join('|', 'one', 'two');
-- => one|two
select text_join('|', 'one', null, 'three');
-- => one|three
select text_join(null, 'one', 'two');
-- =>
select text_repeat('one', 3);
-- => oneoneone
select repeat('два', 2);
-- => двадва

-- Trim and pad
select text_ltrim('  hello');
-- => hello
select text_ltrim('273hello', '123456789');
-- => hello
select text_rtrim('hello  ');
-- => hello
select text_rtrim('hello273', '123456789');
-- => hello
select text_trim('  hello  ');
-- => hello
select text_trim('273hello273', '123456789');
-- => hello
select btrim('хохохприветхохох', 'ох');
-- => привет
select text_trim('hello', null) is null;
-- => 1
select '[' || text_lpad('hello', 7) || ']';
-- => [  hello]
select text_lpad('hello', 7, '*');
-- => **hello
select text_lpad('hello', 3);
-- => hel
select lpad('мир', 6, 'хо');
-- => хохмир
select '[' || text_rpad('hello', 7) || ']';
-- => [hello  ]
select text_rpad('hello', 7, '*');
-- => hello**
select rpad('мир', 6, 'хо');
-- => мирхох

-- Change case
select text_upper('cómo estás');
-- => CÓMO ESTÁS
select text_upper('straße');
-- => STRAßE
select text_lower('CÓMO ESTÁS');
-- => cómo estás
select text_lower('ПРИВЕТ');
-- => привет
select text_title('cómo estás');
-- => Cómo Estás
select text_title('пРиВеТ мир');
-- => Привет Мир
select text_casefold('ΣΑς');
-- => σασ
select 1 where 'cómo estás' = 'CÓMO ESTÁS';
select 1 where 'cómo estás' = 'CÓMO ESTÁS' collate text_nocase;
-- => 1
select 'привет' = 'ПРИВЕТ' collate text_nocase;
-- => 1
select 'hell0' = 'hello' collate text_nocase;
-- => 0

-- Other modifications
select text_replace('hello', 'l', '*');
-- => he**o
select text_replace('hello', 'l', '*', 1);
-- => he*lo
select text_replace('нетто', 'т', 'три');
-- => нетритрио
select text_translate('hello', 'ol', '01');
-- => he110
select text_translate('hello', 'ol', '0');
-- => he0
select translate('нетто', 'от', '03');
-- => не330
select text_reverse('hello');
-- => olleh
select reverse('𐌀𐌁𐌂');
-- => 𐌂𐌁𐌀

-- String properties
select text_length('𐌀𐌁𐌂');
-- => 3
select char_length('привет');
-- => 6
select character_length('');
-- => 0
select text_size('𐌀𐌁𐌂');
-- => 12
select text_bitsize('one');
-- => 24
select bit_length('привет');
-- => 96

-- NULL in, NULL out
select text_upper(null);
-- =>
select text_substring('hello', null);
-- =>
