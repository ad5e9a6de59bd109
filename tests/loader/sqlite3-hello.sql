-- exit: 1
-- The Rust example (dist/examples/hello.wasm, components/examples/hello)
-- through libsqlink_loader in Debian's stock sqlite3 3.40 shell.
.load dist/lib/libsqlink_loader
select sqlink_load('dist/examples/hello.wasm');
-- => loaded hello 0.1.0: 3 functions, 1 aggregate, 1 virtual table module (prefix hello__; memory 256 MiB, timeout 5000 ms)
select json_extract(sqlink_extensions(), '$[0].name'), json_array_length(sqlink_extensions(), '$[0].functions'), json_extract(sqlink_extensions(), '$[0].aggregates');
-- => hello|3|["longest(1), hello__longest(1)"]
select hello('world'), hello('a name well over twenty-four bytes'), hello(2.0), hello__hello(x'4a6f');
-- => Hello, world!|Hello, a name well over twenty-four bytes!|Hello, 2.0!|Hello, Jo!
select hello(null) is null, repeat_text('a', null) is null, repeat_text('a', 2, null) is null;
-- => 1|1|1
select repeat_text('ab', 3, '-'), repeat_text('x', 0), length(repeat_text('0123456789', 1000, '|')), repeat_text('ab', ' 2 ');
-- => ab-ab-ab||10999|abab
select repeat_text('a text argument longer than 24 bytes', 2, ' + ');
-- => a text argument longer than 24 bytes + a text argument longer than 24 bytes
select longest(column1) from (values ('kiwi'), ('banana'), (null), ('fig'));
-- => banana
select column1, longest(column2) from (values (1, 'a'), (2, 'éééé'), (1, 'bbb'), (2, 'short'), (3, null)) group by column1 order by column1;
-- => 1|bbb
-- => 2|short
-- => 3|
select repeat_text('ab', -1);
-- !! Runtime error near line 23: repeat_text(): n must not be negative
select repeat_text('ab', 'three');
-- !! Runtime error near line 25: repeat_text(): argument 2 must be an integer, got text 'three' (20)
select hello(cast(x'ff41' as text));
-- !! Runtime error near line 27: hello(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
select longest(column1) from (values ('fine'), (cast(x'ff' as text)));
-- !! Runtime error near line 29: longest(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
-- Its table-valued function, with hidden arguments.
select group_concat(n, ' ') from upto(3, 7);
-- => 3 4 5 6 7
select count(*) from upto(5, 1);
-- => 0
-- The extension keeps working after errors.
select hello('again');
-- => Hello, again!
