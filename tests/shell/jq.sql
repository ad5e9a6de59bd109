-- exit: 1
-- jq(json, filter), liteJQ-compatible: its tests, its README examples, the jq
-- manual's examples (liteJQ keeps the LAST output), types, NULLs and errors.
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
select jq('3.0', '.'), typeof(jq('3.0', '.')), jq('1e-17', '.'), jq('5000000000', '.'), jq('-2.5', '.');
-- => 3|integer|0|5000000000|-2.5
select jq('null', 'nan') is null, jq('null', 'infinite') > 1e308;
-- => 1|1
select jq('null', '"a\u0000b"'), length(jq('null', '"a\u0000b"'));
-- => a|1
select jq('null', '[1.0, 1e2, 0.1 + 0.2, 1e-5, 1e17, "é\u0001\t"]');
-- => [1.0,1E+2,0.30000000000000004,0.00001,1E+17,"é\u0001\t"]
select jq('{"b":1,"a":[],"c":{}}', '.');
-- => {"b":1,"a":[],"c":{}}
-- Several outputs: the last one; none: NULL; a run-time error ends the run
select jq('[1,2,3]', '.[]'), jq('[1,2,3]', 'empty') is null, jq('[1,2]', '.[0], error("boom"), .[1]'), jq('1', '.a') is null;
-- => 3|1|1|1
select jq('null', 'input') is null, jq('null', '[inputs]');
-- => 1|[]

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

-- Invalid UTF-8 inside a JSON string reads as U+FFFD, as jq's parser does
select jq(cast(x'2261ff6222' as text), '.');
-- => a�b

-- Not deterministic (a filter may call `now`), as in liteJQ
create table g(d text, y as (jq(d, '.year')));
-- !! Parse error near line 108: non-deterministic functions prohibited in generated columns
-- !!   create table g(d text, y as (jq(d, '.year')));
-- !!                  error here ---^

-- Errors: arguments that are not TEXT, JSON that is not one value, a bad filter
select jq(NULL, '.');
-- !! Runtime error near line 114: jq function requires exactly two TEXT arguments
select jq('1', NULL);
-- !! Runtime error near line 116: jq function requires exactly two TEXT arguments
select jq(1, '.');
-- !! Runtime error near line 118: jq function requires exactly two TEXT arguments
select jq('{', '.');
-- !! Runtime error near line 120: Invalid JSON input
select jq('1 2', '.');
-- !! Runtime error near line 122: Invalid JSON input
select jq(cast(x'ff' as text), '.');
-- !! Runtime error near line 124: Invalid JSON input
select jq('1', '.[');
-- !! Runtime error near line 126: Failed to compile jq program
select jq('1', 'nosuchfunction');
-- !! Runtime error near line 128: Failed to compile jq program
select jq('1');
-- !! Parse error near line 130: wrong number of arguments to function jq()
-- !!   select jq('1');
-- !!          ^--- error here
