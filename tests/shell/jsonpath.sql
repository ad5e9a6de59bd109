-- exit: 1
-- jsonpath: JSONPath queries (RFC 9535) on JSON. Values are the RFC's own
-- examples (section numbers in the comments); the compliance test suite
-- runs from the crate's unit tests (components/extensions/jsonpath/src/suite.rs).
.load dist/extensions/jsonpath.wasm
create table store(doc);
insert into store values ('{ "store": {
    "book": [
      { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
      { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
      { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
      { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
    ],
    "bicycle": { "color": "red", "price": 399 }
  } }');
-- 1.5, table 3: the bookstore.
select jsonpath_query(doc, '$.store.book[*].author') from store;
-- => ["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]
select jsonpath_query(doc, '$..author') from store;
-- => ["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]
select jsonpath_query(doc, '$.store.*') from store;
-- => [[{"category":"reference","author":"Nigel Rees","title":"Sayings of the Century","price":8.95},{"category":"fiction","author":"Evelyn Waugh","title":"Sword of Honour","price":12.99},{"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":8.99},{"category":"fiction","author":"J. R. R. Tolkien","title":"The Lord of the Rings","isbn":"0-395-19395-8","price":22.99}],{"color":"red","price":399}]
select jsonpath_query(doc, '$.store..price') from store;
-- => [8.95,12.99,8.99,22.99,399]
select jsonpath_query(doc, '$..book[2]') from store;
-- => [{"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":8.99}]
select jsonpath_query(doc, '$..book[2].author') from store;
-- => ["Herman Melville"]
select jsonpath_query(doc, '$..book[2].publisher') from store;
-- => []
select jsonpath_query(doc, '$..book[-1].title') from store;
-- => ["The Lord of the Rings"]
select jsonpath_query(doc, '$..book[0,1].title'), jsonpath_query(doc, '$..book[:2].title') from store;
-- => ["Sayings of the Century","Sword of Honour"]|["Sayings of the Century","Sword of Honour"]
select jsonpath_query(doc, '$..book[?@.isbn].title') from store;
-- => ["Moby Dick","The Lord of the Rings"]
select jsonpath_query(doc, '$..book[?@.price<10].title') from store;
-- => ["Sayings of the Century","Moby Dick"]
select json_array_length(jsonpath_query(doc, '$..*')) from store;
-- => 27
-- 2.3.1.3: name selectors.
select jsonpath_query('{"o": {"j j": {"k.k": 3}}, "''": {"@": 2}}', p) from (select column1 as p from (values ('$.o[''j j'']'), ('$.o[''j j''][''k.k'']'), ('$.o["j j"]["k.k"]'), ('$["''"]["@"]')));
-- => [{"k.k":3}]
-- => [3]
-- => [3]
-- => [2]
-- 2.3.3.3 index, 2.3.4.3 slice selectors.
select jsonpath_query('["a","b"]', '$[1]'), jsonpath_query('["a","b"]', '$[-2]');
-- => ["b"]|["a"]
select p, jsonpath_query('["a", "b", "c", "d", "e", "f", "g"]', p) from (select column1 as p from (values ('$[1:3]'), ('$[5:]'), ('$[1:5:2]'), ('$[5:1:-2]'), ('$[::-1]')));
-- => $[1:3]|["b","c"]
-- => $[5:]|["f","g"]
-- => $[1:5:2]|["b","d"]
-- => $[5:1:-2]|["f","d"]
-- => $[::-1]|["g","f","e","d","c","b","a"]
-- 2.3.5.3: filter selectors.
create table f(doc);
insert into f values ('{"a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}], "o": {"p": 1, "q": 2, "r": 3, "s": 5, "t": {"u": 6}}, "e": "f"}');
select p, jsonpath_query(doc, p) from f, (select column1 as p from (values
  ('$.a[?@.b == ''kilo'']'), ('$.a[?(@.b == ''kilo'')]'), ('$.a[?@>3.5]'), ('$.a[?@.b]'), ('$[?@.*]'), ('$[?@[?@.b]]'),
  ('$.o[?@<3, ?@<3]'), ('$.a[?@<2 || @.b == "k"]'), ('$.a[?match(@.b, "[jk]")]'), ('$.a[?search(@.b, "[jk]")]'),
  ('$.o[?@>1 && @<4]'), ('$.o[?@.u || @.x]'), ('$.a[?@.b == $.x]'), ('$.a[?@ == @]')));
-- => $.a[?@.b == 'kilo']|[{"b":"kilo"}]
-- => $.a[?(@.b == 'kilo')]|[{"b":"kilo"}]
-- => $.a[?@>3.5]|[5,4,6]
-- => $.a[?@.b]|[{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]
-- => $[?@.*]|[[3,5,1,2,4,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}],{"p":1,"q":2,"r":3,"s":5,"t":{"u":6}}]
-- => $[?@[?@.b]]|[[3,5,1,2,4,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]]
-- => $.o[?@<3, ?@<3]|[1,2,1,2]
-- => $.a[?@<2 || @.b == "k"]|[1,{"b":"k"}]
-- => $.a[?match(@.b, "[jk]")]|[{"b":"j"},{"b":"k"}]
-- => $.a[?search(@.b, "[jk]")]|[{"b":"j"},{"b":"k"},{"b":"kilo"}]
-- => $.o[?@>1 && @<4]|[2,3]
-- => $.o[?@.u || @.x]|[{"u":6}]
-- => $.a[?@.b == $.x]|[3,5,1,2,4,6]
-- => $.a[?@ == @]|[3,5,1,2,4,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]
-- 2.4: function extensions.
select jsonpath_query('[[1, 2, 3], "ab", {"x": 1}, [1]]', '$[?length(@) < 3]');
-- => ["ab",{"x":1},[1]]
select jsonpath_query('[{"a": 1}, {"a": 1, "b": 2}]', '$[?count(@.*) == 1]');
-- => [{"a":1}]
select jsonpath_query('[{"timezone": "Europe/Paris"}, {"timezone": "America/Lima"}]', '$[?match(@.timezone, "Europe/.*")].timezone');
-- => ["Europe/Paris"]
select jsonpath_query('[{"c": "red"}, {"c": "blue"}]', '$[?value(@..c) == "red"]');
-- => [{"c":"red"}]
-- 2.5.2.3: descendant segments.
select p, jsonpath_query('{"o": {"j": 1, "k": 2}, "a": [5, 3, [{"j": 4}, {"k": 6}]]}', p) from (select column1 as p from (values ('$..j'), ('$..[0]'), ('$..o'), ('$.o..[*, *]'), ('$.a..[0, 1]')));
-- => $..j|[1,4]
-- => $..[0]|[5,{"j":4}]
-- => $..o|[{"j":1,"k":2}]
-- => $.o..[*, *]|[1,2,1,2]
-- => $.a..[0, 1]|[5,3,{"j":4},{"k":6}]
-- 2.6.1: null is a value, not nothing.
select p, jsonpath_query('{"a": null, "b": [null], "c": [{}], "null": 1}', p), jsonpath_exists('{"a": null, "b": [null], "c": [{}], "null": 1}', p) from (select column1 as p from (values ('$.a'), ('$.a[0]'), ('$.a.d'), ('$.b[0]'), ('$.b[*]'), ('$.b[?@]'), ('$.b[?@==null]'), ('$.c[?@.d==null]'), ('$.null')));
-- => $.a|[null]|1
-- => $.a[0]|[]|0
-- => $.a.d|[]|0
-- => $.b[0]|[null]|1
-- => $.b[*]|[null]|1
-- => $.b[?@]|[null]|1
-- => $.b[?@==null]|[null]|1
-- => $.c[?@.d==null]|[]|0
-- => $.null|[1]|1
-- The result is JSON to SQLite's json functions (subtype J).
select json_array(jsonpath_query('[1, 2]', '$[0]')), jsonpath_query('{"a": {"b": 7}}', '$.a') ->> '$[0].b';
-- => [[1]]|7
-- jsonpath_exists.
select jsonpath_exists(doc, '$..book[?@.price > 20]'), jsonpath_exists(doc, '$..book[?@.price > 1000]') from store;
-- => 1|0

-- jsonpath_each: one row per node, with its normalized path (2.7).
select value, path, type, quote(atom) from jsonpath_each((select doc from store), '$..book[?@.price < 10]["title", "price", "isbn"]');
-- => "Sayings of the Century"|$['store']['book'][0]['title']|text|'Sayings of the Century'
-- => 8.95|$['store']['book'][0]['price']|real|8.95
-- => "Moby Dick"|$['store']['book'][2]['title']|text|'Moby Dick'
-- => 8.99|$['store']['book'][2]['price']|real|8.99
-- => "0-553-21311-3"|$['store']['book'][2]['isbn']|text|'0-553-21311-3'
select path, type, quote(atom) from jsonpath_each('{"a": [null, true, false, 1, 1.5, "s", [], {}], "k''ey": 1, "\\": 2}', '$..*');
-- => $['a']|array|NULL
-- => $['k\'ey']|integer|1
-- => $['\\']|integer|2
-- => $['a'][0]|null|NULL
-- => $['a'][1]|true|1
-- => $['a'][2]|false|0
-- => $['a'][3]|integer|1
-- => $['a'][4]|real|1.5
-- => $['a'][5]|text|'s'
-- => $['a'][6]|array|NULL
-- => $['a'][7]|object|NULL
select count(*) from jsonpath_each('{"a": 1}', '$.b'), jsonpath_each(null, '$');
-- => 0
select sum(atom) from jsonpath_each((select doc from store), '$..price');
-- => 452.92

-- NULL in, NULL out; errors name where.
select quote(jsonpath_query(null, '$')), quote(jsonpath_query('{}', null)), quote(jsonpath_exists(null, '$'));
-- => NULL|NULL|NULL
select jsonpath_query('{}', '$.a[');
-- !! Runtime error near line 138: jsonpath_query(): invalid JSONPath at character 4: parser error
select jsonpath_query('{}', 'a');
-- !! Runtime error near line 140: jsonpath_query(): invalid JSONPath at character 1: parser error
select jsonpath_query('{}', '$[?foo(@)]');
-- !! Runtime error near line 142: jsonpath_query(): invalid JSONPath at character 4: in long-hand segment, function name 'foo' is not defined
select jsonpath_exists('{"a":
  1,}', '$');
-- !! Runtime error near line 144: jsonpath_exists(): invalid JSON at line 2, column 5: trailing comma
select * from jsonpath_each('[', '$');
-- !! Runtime error near line 147: jsonpath_each(): invalid JSON at line 1, column 1: EOF while parsing a list
select jsonpath_query(cast(x'ff' as text), '$');
-- !! Runtime error near line 149: jsonpath_query(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)

-- Deterministic: usable in generated columns and indexes.
create table docs(j text, authors as (jsonpath_query(j, '$..author')));
insert into docs(j) select doc from store;
select authors from docs;
-- => ["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]
create index by_price on docs(jsonpath_query(j, '$..price'));
