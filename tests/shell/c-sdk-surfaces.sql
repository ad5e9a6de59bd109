-- runners: native wasm (a test fixture, not baked into the composed build)
-- exit: 1
-- The C SDK beyond the example (components/sdk-c/testing/surfaces.c, built
-- by make c-examples into dist/test-extensions/c-surfaces.wasm).
.load dist/test-extensions/c-surfaces.wasm
-- Flagged SQLINK_NULLS, functions see every storage class, NULL included.
select c_kind(null), c_kind(1), c_kind(1.5), c_kind('t'), c_kind(x'00'), c_kind('a text well over twenty-four bytes');
-- => null|integer|real|text|blob|text
-- SQLite's conversions, as sqlite3_value_int64/double/text make them.
select c_int('12abc'), c_int(' -7 '), c_int(2.9), c_int(-2.9), c_int(x'3132'), c_int('x'), c_int(null), c_int(1e300), c_int('1.5e3');
-- => 12|-7|2|-2|12|0|0|9223372036854775807|1
select c_real('1.5e3xyz'), c_real(3), c_real('abc'), c_real(null), c_real(' .5');
-- => 1500.0|3.0|0.0|0.0|0.5
select c_text(12), c_text(0), c_text(-9223372036854775808), c_text(0.1), c_text(1e20), c_text(-1.25e-7), c_text(100000000000000.0), c_text(1.0/3), c_text(null) is null;
-- => 12|0|-9223372036854775808|0.1|1.0e+20|-1.25e-07|100000000000000.0|0.333333333333333|1
-- Values round-trip byte-exact: invalid UTF-8, NUL bytes, long and short.
select hex(c_echo(cast(x'ff00fe' as text))), typeof(c_echo(cast(x'ff00fe' as text))), hex(c_echo(x'')), typeof(c_echo(x''));
-- => FF00FE|text||blob
select c_echo(cast(x'ff' as text)) = cast(x'ff' as text), c_echo(zeroblob(100)) = zeroblob(100), typeof(c_echo(zeroblob(100))), c_echo(9223372036854775807), c_echo(-0.25), c_echo(null) is null;
-- => 1|1|blob|9223372036854775807|-0.25|1
select length(c_echo(printf('%.*c', 100000, 'x'))), c_echo(cast(x'e282ac' as text) || printf('%.*c', 30, 'y'));
-- => 100000|€yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy
-- Blobs: short ones inline, long ones through overflow.take.
select hex(c_blob(3)), typeof(c_blob(3)), length(c_blob(0)), typeof(c_blob(0)), length(c_blob(1000)), hex(substr(c_blob(300), 255, 3));
-- => 000102|blob|0|blob|1000|FEFF00
select c_blob(-1);
-- !! Runtime error near line 26: c_blob(): n must be 0 to 1000000, not -1 (25)
-- Checked integers take text holding one, up to the exact bounds of int64.
select c_blob('9223372036854775807');
-- !! Runtime error near line 29: c_blob(): n must be 0 to 1000000, not 9223372036854775807 (25)
select c_blob('99999999999999999999');
-- !! Runtime error near line 31: c_blob(): argument 1 must be an integer, got text '99999999999999999999' (20)
select length(c_blob(' 42 ')), length(c_blob('4.9')), length(c_blob(' 1e2'));
-- => 42|4|100
-- A destructor other than free runs once, after the SDK copied the bytes.
select c_copied('short'), c_copied('a text well over twenty-four bytes'), c_released();
-- => short|a text well over twenty-four bytes|2
-- Any number of arguments; sqlink_arg_bytes takes text, blobs and numbers.
select hex(c_bytes()), hex(c_bytes('a', x'00', 1, 2.5, null)), length(c_bytes('a text well over twenty-four bytes', x'0102', 'b', 'c', 'd'));
-- => |610031322E35|39
-- Subtypes cross both ways for functions flagged subtype / result-subtype.
select json_array(c_json('[1,2]')), json_array('[1,2]'), c_subtype(json('[1]')), c_subtype('[1]'), c_subtype(null);
-- => [[1,2]]|["[1,2]"]|74|0|0
select json_array(c_json('{"a text well over twenty-four bytes": 1}'));
-- => [{"a text well over twenty-four bytes": 1}]
-- Errors: a message with a code, or a code alone (SQLite's message for it).
select c_fail('it broke', 1);
-- !! Runtime error near line 47: it broke
select c_fail('no such thing', 19);
-- !! Runtime error near line 49: no such thing (19)
select c_fail_code(20);
-- !! Runtime error near line 51: datatype mismatch (20)
select c_fail_code(0);
-- !! Runtime error near line 53: SQL logic error
-- A window function: step, inverse, value and final.
select c_sum(column1) over (order by column1 rows between 1 preceding and current row) from (values (1), (2), (3), (4));
-- => 1
-- => 3
-- => 5
-- => 7
select c_sum(column1), (select c_sum(1) where 0) from (values (10), (20), (null), (12));
-- => 42|0
select c_sum(column1) from (values (1), ('x'));
-- !! Runtime error near line 63: c_sum(): argument 1 must be an integer, got text 'x' (20)
-- An aggregate flagged SQLINK_NULLS sees NULL rows; groups keep apart.
select column1, c_names(column2) from (values (1, 'a'), (2, 'b'), (1, null), (2, 'a text well over twenty-four bytes'), (1, 3)) group by column1;
-- => 1|a,null,3
-- => 2|b,a text well over twenty-four bytes
with recursive n(i) as (select 1 union all select i + 1 from n where i < 600)
select length(c_names(i)), c_sum(i) from n;
-- => 2291|180300
-- The extension keeps working after errors.
select c_kind('ok'), c_released();
-- => text|2
