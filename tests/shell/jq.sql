-- exit: 1
-- jq(json, filter), liteJQ-compatible over libjq 1.7.1: liteJQ's tests, its
-- README examples, the jq manual's examples (liteJQ keeps the LAST output),
-- types, NULLs and errors. Every value is what jq 1.7.1 itself gives (checked
-- against a native jq 1.7.1 build with liteJQ's own glue), except where a
-- comment says liteJQ's C truncates an integer to 32 bits.
.load dist/extensions/jq.wasm

-- liteJQ tests/basic.sql
select jq('{"a": "xyz"}', '.a') = 'xyz';
-- => 1
select jq('{"a": 100}', '.a') = 100;
-- => 1
select jq('{"a": 100.0001}', '.a') = 100.0001;
-- => 1
select jq('{"a": "sdfgdfg"}', '.b') ISNULL;
-- => 1
select jq('{"a": 1}', '.a') = 1;
-- => 1
select jq('{"a": true}', '.a') = 1;
-- => 1
select jq('{"a": false}', '.a') = 0;
-- => 1

-- liteJQ tests/complex.sql
select jq('{"a":2,"c":[4,5,{"f":7}]}', '.');
-- => {"a":2,"c":[4,5,{"f":7}]}
select jq('{"a":2,"c":[4,5,{"f":7}]}', '.a');
-- => 2
select jq('{"a":2,"c":[4,5,{"f":7}]}', '.c');
-- => [4,5,{"f":7}]
select jq('{"a":2,"c":[4,5,{"f":7}]}', '.c[2]');
-- => {"f":7}
select jq('{"a":2,"c":[4,5,{"f":7}]}', '.c[2].f');
-- => 7

-- liteJQ README: the movies examples over a few rows
create table movies(d text);
insert into movies values
  ('{"title": "The Corn Is Green", "year": 1945, "cast": ["Bette Davis", "Joan Lorring", "John Dall"], "genres": ["Drama"], "extract": "The Corn Is Green is a 1945 American drama film"}'),
  ('{"title": "The General", "year": 1926, "cast": ["Buster Keaton"], "genres": ["Comedy"], "extract": "a silent comedy"}'),
  ('{"title": "Heat", "year": 1995, "cast": ["Al Pacino", "Robert De Niro"], "genres": ["Crime", "Drama"], "extract": "a crime film"}');
select jq('{"key": "litejq is loaded"}', '.key');
-- => litejq is loaded
select jq(d, '.title') from movies;
-- => The Corn Is Green
-- => The General
-- => Heat
select jq(d, '{title: .title, year: .year}') from movies where jq(d, '.year > 1980');
-- => {"title":"Heat","year":1995}
select jq(d, '{title: .title, year: .year}') from movies where jq(d, '.year') > 1980;
-- => {"title":"Heat","year":1995}
select jq(d, '.extract') from movies where jq(d, '.extract | contains("silent")');
-- => a silent comedy
select jq(d, '{title: .title, year: .year, genres: .genres}') from movies where jq(d, '.genres[] == "Drama"');
-- => {"title":"The Corn Is Green","year":1945,"genres":["Drama"]}
-- => {"title":"Heat","year":1995,"genres":["Crime","Drama"]}
select jq(d, '{title: .title, year: .year, cast: .cast}') from movies where jq(d, '.cast | contains(["Joan Lorring", "John Dall"])');
-- => {"title":"The Corn Is Green","year":1945,"cast":["Bette Davis","Joan Lorring","John Dall"]}
select jq(d, '.year'), count(*) from movies group by jq(d, '.year');
-- => 1926|1
-- => 1945|1
-- => 1995|1

-- Result types: null, booleans, integers, reals, strings, arrays, objects
select typeof(jq('null', '.')), typeof(jq('true', '.')), typeof(jq('3', '.')), typeof(jq('3.5', '.')), typeof(jq('"s"', '.')), typeof(jq('[1]', '.')), typeof(jq('{}', '.'));
-- => null|integer|integer|real|text|text|text
select jq('3.0', '.'), typeof(jq('3.0', '.')), jq('1e-17', '.'), jq('-2.5', '.'), jq('1.000', '.'), jq('-0', '.');
-- => 3|integer|0|-2.5|1|0
-- A string up to its first NUL; an empty one (jq's `"x" * 0`) is ''
select jq('null', '"a\u0000b"'), length(jq('null', '"a\u0000b"')), quote(jq('"x"', '. * 0')), jq('"é"', '.');
-- => a|1|''|é
-- Arrays and objects: compact, keys in input order, number literals as jq
-- 1.7 keeps them (decNumber's canonical form), computed numbers as doubles
select jq('null', '[1.0, 1e2, 0.1 + 0.2, 1e-5, 1e17, "é\u0001\t"]');
-- => [1.0,1E+2,0.30000000000000004,0.00001,1E+17,"é\u0001\t"]
select jq('{"b":1,"a":[],"c":{}}', '.'), jq('{"a":1.000}', '.'), jq('[-0]', '.'), jq('[1E1000]', '.'), jq('{"a":1,"a":2}', '.');
-- => {"b":1,"a":[],"c":{}}|{"a":1.000}|[-0]|[1E+1000]|{"a":2}
select jq('[100000000000000000000]', '.'), jq('100000000000000000000', 'tojson'), jq('[9007199254740993]', '.'), jq('[9007199254740993]', '.[0] + 0 | tojson'), jq('12345678901234567890', 'tostring');
-- => [100000000000000000000]|100000000000000000000|[9007199254740993]|9007199254740992|12345678901234567890
select jq('[1.10]', 'tojson'), jq('[1.10]', '.[0] + 0'), jq('1.10', 'tostring'), jq('"1.50"', '[tonumber]'), jq('[3.0]', 'map(. * 1)');
-- => [1.10]|1.1|1.10|[1.50]|[3]

-- Integers: jq computes in doubles, exact to 2^53 (jaq wrapped at 2^31)
select jq('2147483647', '[. + 1]'), jq('2147483647', '. + 1 | tostring'), jq('null', '-2147483648 - 1 | tostring'), jq('null', '[4294967296 * 4294967296]'), jq('null', '[pow(2; 53), pow(2; 53) + 1]');
-- => [2147483648]|2147483648|-2147483649|[18446744073709552000]|[9007199254740992,9007199254740992]
-- As SQL values: INTEGER while the double fits 64 bits, else REAL. liteJQ's
-- C passes them to sqlite3_result_int, which keeps 32 bits (on x86-64 every
-- one of these is -2147483648 there).
select jq('2147483647', '. + 1'), jq('5000000000', '.'), jq('null', '1e17'), jq('null', '-9223372036854775808');
-- => 2147483648|5000000000|100000000000000000|-9223372036854775808
select jq('100000000000000000000', '.'), typeof(jq('100000000000000000000', '.')), jq('null', '9223372036854775807'), jq('null', '1e19');
-- => 1.0e+20|real|9.22337203685478e+18|1.0e+19
-- NaN is NULL; infinities are REAL +-Inf (liteJQ: -2147483648)
select jq('null', 'nan') is null, jq('null', 'infinite'), jq('null', '-infinite'), jq('null', '1e300 * 1e300') > 1e308;
-- => 1|Inf|-Inf|1
select jq('null', '[nan, infinite, -infinite]'), jq('null', 'nan | isnan'), jq('null', 'infinite | tostring'), jq('null', 'nan | tojson'), jq('null', '[nan] | sort'), jq('null', 'nan < 1');
-- => [null,1.7976931348623157e+308,-1.7976931348623157e+308]|1|1.7976931348623157e+308|null|[null]|1
select jq('nan', '.') is null, jq('[nan]', '.'), jq('[NaN]', '.'), jq('"nan"', 'fromjson') is null;
-- => 1|[null]|[null]|1

-- Several outputs: the last one; none: NULL; a run-time error ends the run
-- keeping the output before it
select jq('[1,2,3]', '.[]'), jq('[1,2,3]', 'empty') is null, jq('[1,2]', '.[0], error("boom"), .[1]'), jq('1', '.a') is null;
-- => 3|1|1|1
select jq('[1,2]', '.[0], (.[1] / 0), 5'), jq('null', '1 / 0') is null, jq('[1,2]', '.[], halt'), jq('[1,2]', '.[0], ("bye" | halt_error), .[1]'), jq('null', '"bye" | halt_error') is null;
-- => 1|1|2|1|1
select jq('null', 'try error("x") catch .'), jq('null', 'try error({"a":1}) catch .a'), jq('1', '.a?') is null, jq('[[1,2]]', '[.[] as [$a] ?// $a | $a]');
-- => x|1|1|[1]
-- A program that halted runs again on the next rows (libjq 1.7.1 would free
-- its exit code twice if the halted state were reused)
select quote(jq(cast(value as text), 'if . == 1 then halt else . end')), quote(jq(cast(value as text), 'if . == 2 then "x" | halt_error else . end')), quote(jq(cast(value as text), 'if . == 3 then halt else . end')) from json_each('[1,2,3]');
-- => NULL|1|1
-- => 2|NULL|2
-- => 3|3|NULL
select jq('1', '. + 1') || jq('1', '. + 2') || jq('1', '. + 3') || jq('1', '. + 4') || jq('1', '. + 5') || jq('1', '. + 6');
-- => 234567
-- No inputs beyond the one; debug and stderr print nothing (liteJQ sets no
-- callbacks); $__loc__
select jq('null', 'input') is null, jq('null', 'try input catch .'), jq('null', '[inputs]'), jq('null', 'input_filename') is null, jq('1', 'debug'), jq('1', 'stderr'), jq('null', '$__loc__');
-- => 1|break|[]|1|1|1|{"file":"<top-level>","line":1}

-- Paths and assignment (jaq differed)
select jq('[1,2,3]', '.[] |= . + 1'), jq('null', '.a = 1'), jq('{}', '.a.b = 1'), jq('[1,2,3,4]', 'del(.[0,2])'), jq('[1,2,3]', '.[1.7]');
-- => [2,3,4]|{"a":1}|{"a":{"b":1}}|[2,4]|2
select jq('null', 'setpath(["a","b"]; 1)'), jq('{"a":{"b":1},"c":2}', 'delpaths([["a","b"]])'), jq('{"a":1,"b":{"c":2,"d":3}}', 'pick(.b.c)'), jq('null', 'getpath(["a",0,"b"])') is null;
-- => {"a":{"b":1}}|{"a":{},"c":2}|{"b":{"c":2}}|1
select jq('{"a":[1,{"b":2}]}', '[tostream]'), jq('{"a":[1,{"b":2}]}', 'fromstream(tostream)'), jq('null', '[1|truncate_stream([[0],1],[[1,0],2],[[1,0]],[[1]])]');
-- => [[["a",0],1],[["a",1,"b"],2],[["a",1,"b"]],[["a",1]],[["a"]]]|{"a":[1,{"b":2}]}|[[[0],2],[[0]]]
select jq('{"a":[1,{"b":2}]}', '[paths(type == "number")]'), jq('[1,[2]]', 'walk(if type == "number" then . + 1 else . end)'), jq('null', '[range(5)] | .[1:3] = ["x"]'), jq('[1,null,2]', '.[] //= 0');
-- => [["a",0],["a",1,"b"]]|[2,[3]]|[0,"x",3,4]|[1,0,2]

-- Strings and formats
select jq('"abc"', 'ltrimstr("a")'), jq('1', 'ltrimstr("a")'), jq('"abc"', 'rtrimstr("c")'), jq('"é"', '[length, utf8bytelength]'), jq('[65,66]', 'implode'), jq('"\u0000"', 'tojson');
-- => bc|1|ab|[1,2]|AB|"\u0000"
select jq('"aGk="', '@base64d'), jq('[1,"a,b",null]', '@csv'), jq('[1,"a\tb"]', '@tsv'), jq('"it''s"', '@sh'), jq('"é x"', '@uri'), jq('"<&>"', '@html "x\(.)"');
-- => hi|1,"a,b",|1	a\tb|'it'\''s'|%C3%A9%20x|x&lt;&amp;&gt;
-- jq 1.7.1 has no @base32 nor @base32d (a run-time error: NULL), no trim,
-- ltrim, rtrim, toarray, have_decnum, have_literal_numbers, leaf_paths or
-- $__prog_args (the filter does not compile)
select jq('"hello"', '@base32') is null, jq('null', 'try ("x" | @base32) catch .'), jq('null', 'try ("x" | @base32d) catch .');
-- => 1|base32 is not a valid format|base32d is not a valid format
select jq('"  a  "', 'trim');
-- !! Runtime error near line 143: Failed to compile jq program
select jq('[1]', 'leaf_paths');
-- !! Runtime error near line 145: Failed to compile jq program

-- Regular expressions (Oniguruma, Perl syntax)
select jq('"test 123 abc"', 'test("\\d+")'), jq('"ABC"', 'test("b"; "i")'), jq('"xyz-42"', 'capture("(?<a>[a-z]+)-(?<n>[0-9]+)")'), jq('"abc"', 'gsub("(?<x>[aeiou])"; "<\(.x)>")');
-- => 1|1|{"a":"xyz","n":"42"}|<a>bc
select jq('"foo bar foo"', '[match("foo"; "g").offset]'), jq('"abcabc"', 'sub("b"; "X")'), jq('"a, b,c"', '[splits(", *")]'), jq('"a1b22c333"', '[scan("[0-9]+")]'), jq('"aÀé"', 'test("\\p{Lu}")');
-- => [0,8]|aXcabc|["a","b","c"]|["1","22","333"]|1
select jq('"test"', '[match("(t)(x)?"; "g") | .captures | map(.string)]'), jq('"aXbxc"', 'split("x"; "i")'), jq('"abc"', 'sub("(?<l>.)"; "\(.l|ascii_upcase)"; "g")'), jq('"aaa"', '[match(""; "g").offset]');
-- => [["t",null],["t",null]]|["a","b","c"]|ABC|[0,1,2,3]
select jq('"x"', 'try test("(") catch .'), jq('"x"', 'try test("a"; "q") catch .'), jq('"x"', 'test("(")') is null;
-- => Regex failure: end pattern with unmatched parenthesis|q is not a valid modifier string|1

-- Math and time
select jq('2', 'sqrt'), jq('null', 'pow(2; 10)'), jq('8', 'significand'), jq('8', 'frexp'), jq('null', 'drem(10; 3)'), jq('null', 'ldexp(1; 10)'), jq('2', 'exp10'), jq('5', 'tgamma'), jq('-5', 'abs'), jq('null', '[10 % 3, -10 % 3, 5.5 % 2]');
-- => 1.4142135623731|1024|1|[0.5,4]|1|1024|100|24|5|[1,-1,1]
select jq('"2015-03-05T23:51:47Z"', 'fromdate'), jq('1425599507', 'todate'), jq('1425599507', 'gmtime'), jq('1425599507', 'gmtime | mktime'), jq('1425599507', 'strftime("%A, %B %d, %Y")'), jq('"10:15 2015-03-05"', 'strptime("%H:%M %Y-%m-%d")');
-- => 1425599507|2015-03-05T23:51:47Z|[2015,2,5,23,51,47,4,63]|1425599507|Thursday, March 05, 2015|[2015,2,5,10,15,0,4,63]
select jq('null', 'now | type'), jq('null', '$ENV | type'), jq('null', 'env | type');
-- => number|object|object

-- jq manual examples (last output)
select jq('{"foo": 42, "bar": "less interesting data"}', '.foo');
-- => 42
select jq('[{"name":"JSON", "good":true}, {"name":"XML", "good":false}]', '.[0]');
-- => {"name":"JSON","good":true}
select jq('["a","b","c","d","e"]', '.[2:4]'), jq('"abcdefghi"', '.[2:4]'), jq('[1,2,3]', '.[-2]');
-- => ["c","d"]|cd|2
select jq('{"user":"stedolan","titles":["JQ Primer", "More JQ"]}', '{user, title: .titles[]}');
-- => {"user":"stedolan","title":"More JQ"}
select jq('[[1,2],[3,4]]', '[.[] | add]'), jq('null', '1 / 2'), jq('[1,2]', 'map(. * 10)');
-- => [3,7]|0.5|[10,20]
select jq('{"a":1,"b":2}', 'keys'), jq('[3,1,2]', 'sort'), jq('[1, "1", [1]]', 'map(type)');
-- => ["a","b"]|[1,2,3]|["number","string","array"]
select jq('"a,b, cd, efg"', 'split(", ")'), jq('["a","b","c"]', 'join("-")'), jq('"test 123 abc"', 'test("\\d+")');
-- => ["a,b","cd","efg"]|a-b-c|1
select jq('null', '[range(0;10;3)]'), jq('{"a":[1,2]}', '[paths]'), jq('[1,2,3]', 'reduce .[] as $x (0; . + $x)');
-- => [0,3,6,9]|[["a"],["a",0],["a",1]]|6
select jq('null', '"\(1 + 2) apples"'), jq('"<&>"', '@html'), jq('"hi"', '@base64'), jq('[1,[2]]', 'tojson'), jq('"[1,2]"', 'fromjson');
-- => 3 apples|&lt;&amp;&gt;|aGk=|[1,[2]]|[1,2]
select jq('[{"a":1,"b":2},{"a":1,"b":3}]', 'group_by(.a) | map(length)'), jq('{"a":{"b":1}}', 'to_entries'), jq('[1,2,2]', 'unique');
-- => [2]|[{"key":"a","value":{"b":1}}]|[1,2]
select jq('{"b":1,"a":2}', 'keys_unsorted'), jq('[[1,2],[3,4]]', 'transpose'), jq('[1,2]', '[combinations(2)]'), jq('[{"id":1},{"id":2}]', 'INDEX(.id)'), jq('null', '[limit(3; range(10))]');
-- => ["b","a"]|[[1,3],[2,4]]|[[1,1],[1,2],[2,1],[2,2]]|{"1":{"id":1},"2":{"id":2}}|[0,1,2]
select jq('null', 'label $out | foreach (1,2,3,4) as $i (0; . + $i; if . > 3 then ., break $out else empty end)'), jq('1', 'until(. > 100; . * 2)'), jq('null', 'def f(x): x * 2; f(3)');
-- => 6|128|6

-- Invalid UTF-8 inside a JSON string reads as U+FFFD, as jq's parser does
select jq(cast(x'2261ff6222' as text), '.');
-- => a�b

-- Not deterministic (`now` reads the clock), as liteJQ registers it
create table g(d text, y as (jq(d, '.year')));
-- !! Parse error near line 197: non-deterministic functions prohibited in generated columns
-- !!   create table g(d text, y as (jq(d, '.year')));
-- !!                  error here ---^

-- Errors: arguments that are not TEXT, JSON that is not one value, a bad
-- filter (libjq's own message is not printed)
select jq(NULL, '.');
-- !! Runtime error near line 204: jq function requires exactly two TEXT arguments
select jq('1', NULL);
-- !! Runtime error near line 206: jq function requires exactly two TEXT arguments
select jq(1, '.');
-- !! Runtime error near line 208: jq function requires exactly two TEXT arguments
select jq('{', '.');
-- !! Runtime error near line 210: Invalid JSON input
select jq('1 2', '.');
-- !! Runtime error near line 212: Invalid JSON input
select jq('', '.');
-- !! Runtime error near line 214: Invalid JSON input
select jq(cast(x'ff' as text), '.');
-- !! Runtime error near line 216: Invalid JSON input
select jq('{', 'nosuchfunction');
-- !! Runtime error near line 218: Invalid JSON input
select jq('1', '.[');
-- !! Runtime error near line 220: Failed to compile jq program
select jq('1', 'nosuchfunction');
-- !! Runtime error near line 222: Failed to compile jq program
select jq('1', '');
-- !! Runtime error near line 224: Failed to compile jq program
select jq('1', 'import "a" as a; .');
-- !! Runtime error near line 226: Failed to compile jq program
select jq('1');
-- !! Parse error near line 228: wrong number of arguments to function jq()
-- !!   select jq('1');
-- !!          ^--- error here
-- Deeply nested JSON: jq recurses once per level, within the C
-- extensions' 1 MiB stack.
select length(jq(printf('%.256c', '[') || printf('%.256c', ']'), '.'));
-- => 512
