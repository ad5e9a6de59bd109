-- exit: 1
-- jsonpatch: JSON Patch (RFC 6902) and JSON Pointer (RFC 6901). The
-- json-patch-tests suite runs in the crate's unit tests
-- (components/extensions/jsonpatch/src/suite.rs); here RFC 6902's appendix A
-- and RFC 6901's section 5 examples through SQL.
.load dist/extensions/jsonpatch.wasm
-- A.1 adding an object member, A.2 an array element, A.3 removing a member.
select jsonpatch_apply('{"foo": "bar"}', '[{"op": "add", "path": "/baz", "value": "qux"}]');
-- => {"foo":"bar","baz":"qux"}
select jsonpatch_apply('{"foo": ["bar", "baz"]}', '[{"op": "add", "path": "/foo/1", "value": "qux"}]');
-- => {"foo":["bar","qux","baz"]}
select jsonpatch_apply('{"baz": "qux", "foo": "bar"}', '[{"op": "remove", "path": "/baz"}]');
-- => {"foo":"bar"}
-- A.4 removing an array element, A.5 replacing a value.
select jsonpatch_apply('{"foo": ["bar", "qux", "baz"]}', '[{"op": "remove", "path": "/foo/1"}]');
-- => {"foo":["bar","baz"]}
select jsonpatch_apply('{"baz": "qux", "foo": "bar"}', '[{"op": "replace", "path": "/baz", "value": "boo"}]');
-- => {"baz":"boo","foo":"bar"}
-- A.6 moving a value, A.7 moving an array element.
select jsonpatch_apply('{"foo": {"bar": "baz", "waldo": "fred"}, "qux": {"corge": "grault"}}', '[{"op": "move", "from": "/foo/waldo", "path": "/qux/thud"}]');
-- => {"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}
select jsonpatch_apply('{"foo": ["all", "grass", "cows", "eat"]}', '[{"op": "move", "from": "/foo/1", "path": "/foo/3"}]');
-- => {"foo":["all","cows","eat","grass"]}
-- A.8 testing a value: success; A.9: error.
select jsonpatch_apply('{"baz": "qux", "foo": ["a", 2, "c"]}', '[{"op": "test", "path": "/baz", "value": "qux"}, {"op": "test", "path": "/foo/1", "value": 2}]');
-- => {"baz":"qux","foo":["a",2,"c"]}
select jsonpatch_apply('{"baz": "qux"}', '[{"op": "test", "path": "/baz", "value": "bar"}]');
-- !! Runtime error near line 27: jsonpatch_apply(): operation 1 (test "/baz"): the value is "qux", not "bar"
-- A.10 adding a nested member object, A.11 ignoring unrecognized elements.
select jsonpatch_apply('{"foo": "bar"}', '[{"op": "add", "path": "/child", "value": {"grandchild": {}}}]');
-- => {"foo":"bar","child":{"grandchild":{}}}
select jsonpatch_apply('{"foo": "bar"}', '[{"op": "add", "path": "/baz", "value": "qux", "xyz": 123}]');
-- => {"foo":"bar","baz":"qux"}
-- A.12 adding to a nonexistent target: error.
select jsonpatch_apply('{"foo": "bar"}', '[{"op": "add", "path": "/baz/bat", "value": "qux"}]');
-- !! Runtime error near line 35: jsonpatch_apply(): operation 1 (add "/baz/bat"): path is invalid
-- A.13 an invalid patch document (two "op" members).
select jsonpatch_apply('{"foo": "bar"}', '[{"op": "add", "path": "/baz", "value": "qux", "op": "remove"}]');
-- !! Runtime error near line 38: jsonpatch_apply(): invalid JSON patch at line 1, column 51: duplicate field `op`
-- A.14 ~ escape ordering, A.15 comparing strings and numbers, A.16 adding an array value.
select jsonpatch_apply('{"/": 9, "~1": 10}', '[{"op": "test", "path": "/~01", "value": 10}]');
-- => {"/":9,"~1":10}
select jsonpatch_apply('{"/": 9, "~1": 10}', '[{"op": "test", "path": "/~01", "value": "10"}]');
-- !! Runtime error near line 43: jsonpatch_apply(): operation 1 (test "/~01"): the value is 10, not "10"
select jsonpatch_apply('{"foo": ["bar"]}', '[{"op": "add", "path": "/foo/-", "value": ["abc", "def"]}]');
-- => {"foo":["bar",["abc","def"]]}
-- Copy, the whole document, numbers equal by value in test.
select jsonpatch_apply('{"a": {"b": 1}}', '[{"op": "copy", "from": "/a", "path": "/c"}, {"op": "replace", "path": "/c/b", "value": 2}]');
-- => {"a":{"b":1},"c":{"b":2}}
select jsonpatch_apply('{"a": 1}', '[{"op": "replace", "path": "", "value": [1, 2]}]');
-- => [1,2]
select jsonpatch_apply('{"n": 1}', '[{"op": "test", "path": "/n", "value": 1.0}]');
-- => {"n":1}
-- All or nothing: the second operation fails, so nothing is applied.
select jsonpatch_apply('{"a": 1}', '[{"op": "remove", "path": "/a"}, {"op": "remove", "path": "/a"}]');
-- !! Runtime error near line 55: jsonpatch_apply(): operation 2 (remove "/a"): path is invalid
-- Bad input.
select jsonpatch_apply('{"a": 1}', '[{"op": "frobnicate", "path": "/a"}]');
-- !! Runtime error near line 58: jsonpatch_apply(): invalid JSON patch at line 1, column 20: unknown variant `frobnicate`, expected one of `add`, `remove`, `replace`, `move`, `copy`, `test`
select jsonpatch_apply('{"a": 1}', '[{"op": "add", "path": "a", "value": 1}]');
-- !! Runtime error near line 60: jsonpatch_apply(): invalid JSON patch at line 1, column 40: json pointer failed to parse; does not start with a slash ('/') and is not empty
select jsonpatch_apply('{"a": 1}', '{"op": "remove", "path": "/a"}');
-- !! Runtime error near line 62: jsonpatch_apply(): invalid JSON patch at line 1, column 0: invalid type: map, expected a sequence
select jsonpatch_apply('{"a":
  1,}', '[]');
-- !! Runtime error near line 64: jsonpatch_apply(): invalid JSON document at line 2, column 5: trailing comma
select jsonpatch_apply(cast(x'ff' as text), '[]');
-- !! Runtime error near line 67: jsonpatch_apply(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
select quote(jsonpatch_apply(null, '[]')), quote(jsonpatch_apply('{}', null));
-- => NULL|NULL
-- The result is JSON to SQLite's json functions (subtype J).
select json_array(jsonpatch_apply('[1]', '[{"op": "add", "path": "/-", "value": 2}]'));
-- => [[1,2]]
select jsonpatch_apply('{"a": 1}', '[]') -> '$.a';
-- => 1

-- jsonpatch_diff: a patch from a to b, which jsonpatch_apply applies back.
select jsonpatch_diff('{"a": 1, "b": [1, 2], "c": "x"}', '{"a": 2, "b": [1, 2, 3], "d": null}');
-- => [{"op":"replace","path":"/a","value":2},{"op":"add","path":"/b/2","value":3},{"op":"add","path":"/d","value":null},{"op":"remove","path":"/c"}]
select jsonpatch_diff('{"a": 1}', '{"a": 1}'), jsonpatch_diff('[1, 2, 3]', '[1, 3]');
-- => []|[{"op":"replace","path":"/1","value":3},{"op":"remove","path":"/2"}]
select jsonpatch_apply('{"a": 1, "b": [1, 2], "c": "x"}', jsonpatch_diff('{"a": 1, "b": [1, 2], "c": "x"}', '{"a": 2, "b": [1, 2, 3], "d": null}'));
-- => {"a":2,"b":[1,2,3],"d":null}
select quote(jsonpatch_diff(null, '{}'));
-- => NULL
select jsonpatch_diff('{}', '[');
-- !! Runtime error near line 86: jsonpatch_diff(): invalid JSON in the second argument at line 1, column 1: EOF while parsing a list

-- json_pointer_get: RFC 6901 section 5.
create table doc(j);
insert into doc values ('{"foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8}');
select p, json_pointer_get(j, p) from doc, (select column1 as p from (values (''), ('/foo'), ('/foo/0'), ('/'), ('/a~1b'), ('/c%d'), ('/e^f'), ('/g|h'), ('/i\j'), ('/k"l'), ('/ '), ('/m~0n')));
-- => |{"foo":["bar","baz"],"":0,"a/b":1,"c%d":2,"e^f":3,"g|h":4,"i\\j":5,"k\"l":6," ":7,"m~n":8}
-- => /foo|["bar","baz"]
-- => /foo/0|"bar"
-- => /|0
-- => /a~1b|1
-- => /c%d|2
-- => /e^f|3
-- => /g|h|4
-- => /i\j|5
-- => /k"l|6
-- => / |7
-- => /m~0n|8
-- Nothing there: NULL.
select quote(json_pointer_get(j, p)) from doc, (select column1 as p from (values ('/nope'), ('/foo/2'), ('/foo/-'), ('/foo/01'), ('/foo/0/x')));
-- => NULL
-- => NULL
-- => NULL
-- => NULL
-- => NULL
select quote(json_pointer_get(null, '/a')), quote(json_pointer_get('{}', null));
-- => NULL|NULL
select json_pointer_get('{"a": {"b": [1.5, true]}}', '/a/b') ->> '$[1]';
-- => 1
select json_pointer_get('{}', 'a');
-- !! Runtime error near line 116: json_pointer_get(): invalid JSON pointer "a": it must be empty or start with '/'
select json_pointer_get('{}', '/a~2');
-- !! Runtime error near line 118: json_pointer_get(): invalid JSON pointer "/a~2": '~' must be followed by '0' or '1'

-- Deterministic: usable in generated columns and indexes.
create table docs(j text, p text, patched as (jsonpatch_apply(j, p)));
insert into docs(j, p) values ('{"v": 1}', '[{"op": "replace", "path": "/v", "value": 2}]');
select patched from docs;
-- => {"v":2}
create index by_v on docs(json_pointer_get(j, '/v'));
