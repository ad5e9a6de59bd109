-- runners: native wasm (the C builds are not baked into the composed build)
-- sqlean's text module (sqlite/sqlean-text.c of sqlean.py 3.50.4.5), compiled
-- unchanged by `make c-sqlean`, with its text_nocase collation: the examples
-- of sqlean's docs/text.md, with the results of the same source compiled
-- natively into Debian's sqlite3.
.load dist/extensions-c/sqlean-text.wasm
-- !! warning: concat(...) already exists in SQLite: call sqlean_text__concat instead, or load with --pin concat to take the bare name
-- !! warning: ltrim(...) already exists in SQLite: call sqlean_text__ltrim instead, or load with --pin ltrim to take the bare name
-- !! warning: octet_length(1) already exists in SQLite: call sqlean_text__octet_length instead, or load with --pin octet_length to take the bare name
-- !! warning: rtrim(...) already exists in SQLite: call sqlean_text__rtrim instead, or load with --pin rtrim to take the bare name
select text_substring('hello world', 7), text_substring('hello world', 7, 3), text_slice('hello world', 7), text_slice('hello world', -5), text_slice('hello world', 1, 5);
-- => world|wor|world|world|hell
select text_left('hello world', 5), text_right('hello world', 5), text_left('hello', -2), text_right('hello', -2);
-- => hello|world|hel|llo
select text_index('hello yellow', 'ello'), text_last_index('hello yellow', 'ello'), text_contains('hello yellow', 'ello'), text_has_prefix('hello yellow', 'hello'), text_has_suffix('hello yellow', 'yellow'), text_count('hello yellow', 'ello');
-- => 2|8|1|1|1|2
select text_like('cóm_ está_', 'CÓMO ESTÁS'), text_like('hello%', 'HELLO WORLD'), 'hello' = 'HELLO' collate text_nocase, 'cómo' = 'CÓMO' collate text_nocase;
-- => 1|1|1|1
select x from (select 'b' as x union all select 'A' union all select 'c' union all select 'B') order by x collate text_nocase, x;
-- => A
-- => B
-- => b
-- => c
select text_upper('cómo estás'), text_lower('CÓMO ESTÁS'), text_title('cómo estás'), text_casefold('CÓMO ESTÁS');
-- => CÓMO ESTÁS|cómo estás|Cómo Estás|cómo estás
select '[' || text_trim('  hello  ') || ']', '[' || text_ltrim('  hello  ') || ']', '[' || text_rtrim('  hello  ') || ']', text_trim('xxhelloxx', 'x');
-- => [hello]|[hello  ]|[  hello]|hello
select text_lpad('hello', 7, '*'), text_rpad('hello', 7, '*'), text_lpad('hello', 3), text_lpad('hello', 7);
-- => **hello|hello**|hel|  hello
select text_concat('one', 'two', 'three'), text_join(', ', 'one', 'two', 'three'), text_repeat('one', 3), text_split('one|two|three', '|', 2), text_split('one|two|three', '|', -1);
-- => onetwothree|one, two, three|oneoneone|two|three
select text_replace('hello', 'l', 'x'), text_replace('hello', 'l', 'x', 1), text_translate('hello', 'lo', 'xy'), text_reverse('hello'), text_reverse('cómo');
-- => hexxo|hexlo|hexxy|olleh|omóc
select text_length('cómo'), text_size('cómo'), text_bitsize('cómo'), text_substring(null, 1) is null;
-- => 4|5|40|1
select text_substring('hello', 0);
-- => hello
