-- runners: native wasm (the JavaScript example is not baked into dist/sqlink-cli.wasm; tests/composed.rs bakes hello-js.wasm alone into a shell and runs this script there)
-- exit: 1
-- The JS SDK's example (components/examples-js/hello, built by make
-- js-examples into dist/examples/hello-js.wasm): the Rust example's functions,
-- in JavaScript.
.load dist/examples/hello-js.wasm
-- Short text arrives and leaves inline; a result over 24 bytes goes
-- through overflow.take, and so does a long argument.
select hello('world'), typeof(hello('world'));
-- => Hello, world!|text
select hello('a name well over twenty-four bytes'), length(hello('a name well over twenty-four bytes'));
-- => Hello, a name well over twenty-four bytes!|42
select hello('exactly 24 bytes of name'), hello('exactly 17 bytes!');
-- => Hello, exactly 24 bytes of name!|Hello, exactly 17 bytes!!
select hello('Zoë Ångström'), hello__hello('qualified');
-- => Hello, Zoë Ångström!|Hello, qualified!
-- Numbers become text as SQLite formats them; a blob holding UTF-8 is text.
select hello(12), hello(2.0), hello(1e100), hello(-0.5), hello(x'4a6f');
-- => Hello, 12!|Hello, 2.0!|Hello, 1.0e+100!|Hello, -0.5!|Hello, Jo!
-- The NULL rule: a NULL argument gives NULL without running the function.
select hello(null) is null, repeat_text(null, 2) is null, repeat_text('a', null) is null, repeat_text('a', 2, null) is null;
-- => 1|1|1|1
select repeat_text('ab', 3), repeat_text('ab', 3, '-'), repeat_text('x', 0), typeof(repeat_text('x', 0));
-- => ababab|ab-ab-ab||text
select repeat_text('abcdefghij', 3, ', '), length(repeat_text('0123456789', 1000, '|'));
-- => abcdefghij, abcdefghij, abcdefghij|10999
select repeat_text('a text argument longer than 24 bytes', 2, ' + ');
-- => a text argument longer than 24 bytes + a text argument longer than 24 bytes
select repeat_text('é', 30), length(repeat_text('é', 30)), length(cast(repeat_text('é', 30) as blob));
-- => éééééééééééééééééééééééééééééé|30|60
-- Integers from reals (truncated) and from text holding a number.
select repeat_text('ab', 2.9), repeat_text('ab', ' 3 '), repeat_text('ab', '2e0');
-- => abab|ababab|abab
-- Errors carry the extension's name and say what was wrong.
select repeat_text('ab', -1);
-- !! Runtime error near line 35: repeat_text(): n must not be negative
select repeat_text('ab', 'three');
-- !! Runtime error near line 37: repeat_text(): argument 2 must be an integer, got text 'three' (20)
select repeat_text('ab', x'0102');
-- !! Runtime error near line 39: repeat_text(): argument 2 must be an integer, got blob of 2 bytes (20)
select repeat_text('ab', 1e30);
-- !! Runtime error near line 41: repeat_text(): argument 2 must be an integer, got real 1.0e+30 (20)
select repeat_text('ab', 'a text that is far longer than forty characters, cut short');
-- !! Runtime error near line 43: repeat_text(): argument 2 must be an integer, got text 'a text that is far longer than forty cha...' (20)
-- Text that is not valid UTF-8 is refused where text is expected.
select hello(cast(x'ff41' as text));
-- !! Runtime error near line 46: hello(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
select hello('ok' || cast(x'c328' as text));
-- !! Runtime error near line 48: hello(): argument 1 is not valid UTF-8 text (invalid byte at offset 2) (20)
select repeat_text('ab', 2, cast(x'e282' as text));
-- !! Runtime error near line 50: repeat_text(): argument 3 is not valid UTF-8 text (invalid byte at offset 0) (20)
-- count_nulls sees NULLs (its arguments are typed 'value') and takes any
-- number of arguments: none (invoke0), up to three in registers, more as a list.
select count_nulls(), count_nulls(null), count_nulls(1, null, 'x'), count_nulls(null, 2, null, 4, null, 'a long text argument, over 24 bytes');
-- => 0|1|1|3
select count_nulls(cast(x'ff' as text), x'00', 1.5, null);
-- => 1
-- The aggregate: the longest text of a group, in characters.
select longest(column1) from (values ('kiwi'), ('banana'), ('fig'));
-- => banana
select longest(column1) from (values ('kiwi')) where 0;
-- =>
select longest(column1) from (values ('ééé'), ('abcd'), (null), ('xyz'));
-- => abcd
select column1, longest(column2) from (values (1, 'a'), (2, 'a text over twenty-four bytes long'), (1, 'bbb'), (2, 'short'), (3, null)) group by column1 order by column1;
-- => 1|bbb
-- => 2|a text over twenty-four bytes long
-- => 3|
with recursive n(i) as (select 1 union all select i + 1 from n where i < 1000)
select length(longest(printf('%.*c', i % 700, 'x'))), count(*) from n;
-- => 699|1000
select longest(column1) from (values ('fine'), (cast(x'ff' as text)));
-- !! Runtime error near line 72: longest(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
-- The table-valued function (a virtual table, as in the Rust example):
-- upto(start, stop) is a table of n; its arguments are hidden columns.
select group_concat(n, ','), count(*) from upto(1, 5);
-- => 1,2,3,4,5|5
select n, start, stop from upto(-2, 0);
-- => -2|-2|0
-- => -1|-2|0
-- => 0|-2|0
select count(*), sum(n) from upto(1, 10000);
-- => 10000|50005000
select count(*) from upto(3, 2);
-- => 0
select * from upto(1);
-- !! Parse error near line 86: second argument to "upto()" missing or unusable
-- Wrong argument counts are SQLite's errors: the manifest registers
-- repeat_text with 2 and 3 arguments only.
select repeat_text('ab');
-- !! Parse error near line 90: wrong number of arguments to function repeat_text()
-- !!   select repeat_text('ab');
-- !!          ^--- error here
