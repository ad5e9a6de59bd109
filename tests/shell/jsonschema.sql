-- exit: 1
-- jsonschema_matches, jsonschema_version, jsonschema_debug, compatible with
-- asg017/sqlite-jsonschema v0.2.3: its docs.md, README and tests, drafts, errors.
.load dist/extensions/jsonschema.wasm

-- docs.md and tests/test-loadable.py
select jsonschema_matches('{"maxLength": 5}', json_quote('alex'));
-- => 1
select jsonschema_matches('{"maxLength": 5}', json_quote('alexxx'));
-- => 0
select jsonschema_matches('{"maxLength": 5}', '"aaaaa"'), jsonschema_matches('{"maxLength": 5}', '"aaaaaa"');
-- => 1|0
select value, jsonschema_matches('{"maxLength": 3}', json_quote(value)) as result from json_each('["a", "bb", "ccc", "dddd"]');
-- => a|1
-- => bb|1
-- => ccc|1
-- => dddd|0
select jsonschema_version();
-- => v0.2.3
select substr(jsonschema_version(), 1, 1);
-- => v
select jsonschema_debug();
-- => Version: v0.2.3
-- => Source: fadd55ddc28537f5f8769205e2c0798dfb854b79
-- =>

-- README: a CHECK constraint (works here: the function is deterministic)
create table students(
  data json check (
    jsonschema_matches(
      json('{"type": "object", "properties": {"firstName": {"type": "string"}, "lastName": {"type": "string"}, "age": {"type": "integer", "minimum": 0}}}'),
      data
    )
  )
);
insert into students(data) values ('{"firstName": "Alex", "lastName": "Garcia", "age": 100}');
select count(*) from students;
-- => 1
insert into students(data) values ('{"firstName": "Alex", "lastName": "Garcia", "age": -1}');
-- !! Runtime error near line 39: CHECK constraint failed: jsonschema_matches(
-- !!       json('{"type": "object", "properties": {"firstName": {"type": "string"}, "lastName": {"type": "string"}, "age": {"type": "integer", "minimum": 0}}}'),
-- !!       data
-- !!     ) (19)

-- README: values in a column that do not match
create table bar(foo);
insert into bar values ('[1, 2, 3]'), ('[1, "2"]'), ('[]'), ('{"a": 1}');
select rowid, jsonschema_matches('{"type": "array", "items": {"type": "number"}}', foo) as valid from bar where not valid;
-- => 2|0
-- => 4|0

-- Drafts: Draft 7 by default, 2020-12 when declared; formats asserted in Draft 7
select jsonschema_matches('{"items": [{"type": "string"}]}', '[1]'), jsonschema_matches('{"prefixItems": [{"type": "string"}]}', '[1]');
-- => 0|1
select jsonschema_matches('{"$schema": "https://json-schema.org/draft/2020-12/schema", "prefixItems": [{"type": "string"}]}', '[1]');
-- => 0
select jsonschema_matches('{"format": "ipv4"}', '"1.2.3.4"'), jsonschema_matches('{"format": "ipv4"}', '"1.2.3"');
-- => 1|0
select jsonschema_matches('{"$schema": "https://json-schema.org/draft/2020-12/schema", "format": "ipv4"}', '"1.2.3"');
-- => 1
select jsonschema_matches('{"required": ["a"], "properties": {"a": {"enum": [1, 2]}}}', '{"a": 2}'), jsonschema_matches('{"required": ["a"]}', '{}');
-- => 1|0
select jsonschema_matches('{"definitions": {"n": {"type": "number"}}, "$ref": "#/definitions/n"}', '1.5');
-- => 1

-- Arguments are read as text: numbers as their text
select jsonschema_matches('{"type": "integer"}', 5), jsonschema_matches('{"type": "integer"}', 1.5), typeof(jsonschema_matches('{}', '1'));
-- => 1|0|integer

-- Deterministic: usable in a generated column
create table g(d text, ok as (jsonschema_matches('{"type": "string"}', d)));
insert into g(d) values ('"x"'), ('1');
select d, ok from g;
-- => "x"|1
-- => 1|0

-- Errors
select jsonschema_matches(NULL, '1');
-- !! Runtime error near line 78: Invalid JSON
select jsonschema_matches('{', '1');
-- !! Runtime error near line 80: Invalid JSON
select jsonschema_matches('{"type": 5}', '1');
-- !! Runtime error near line 82: Invalid schema
select jsonschema_matches('{}', NULL);
-- !! Runtime error near line 84: Invalid JSON: EOF while parsing a value at line 1 column 0
select jsonschema_matches('{}', '[1,');
-- !! Runtime error near line 86: Invalid JSON: EOF while parsing a value at line 1 column 3
select jsonschema_matches('{}', cast(x'22ff22' as text));
-- !! Runtime error near line 88: invalid utf-8 sequence of 1 bytes from index 1
select jsonschema_matches('{}');
-- !! Parse error near line 90: wrong number of arguments to function jsonschema_matches()
-- !!   select jsonschema_matches('{}');
-- !!          ^--- error here
