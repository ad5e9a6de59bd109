-- exit: 1
-- yaml: YAML 1.2 (core schema) as JSON with SQLite's JSON subtype, JSON
-- as YAML, and yaml_each over a multi-document stream. The yaml-test-suite
-- runs in the crate's unit tests (components/extensions/yaml/src/suite.rs).
.load dist/extensions/yaml.wasm
-- Spec example 2.4 (sequence of mappings) and 2.10 (anchors and aliases).
select yaml_to_json('-
  name: Mark McGwire
  hr:   65
  avg:  0.278
-
  name: Sammy Sosa
  hr:   63
  avg:  0.288
');
-- => [{"name":"Mark McGwire","hr":65,"avg":0.278},{"name":"Sammy Sosa","hr":63,"avg":0.288}]
select yaml_to_json('---
hr:
  - Mark McGwire
  # Following node labeled SS
  - &SS Sammy Sosa
rbi:
  - *SS # Subsequent occurrence
  - Ken Griffey
');
-- => {"hr":["Mark McGwire","Sammy Sosa"],"rbi":["Sammy Sosa","Ken Griffey"]}
-- Spec example 2.19-2.22: the core schema's integers, floats, and the rest
-- (YAML 1.1's yes/on/0b are strings in 1.2).
select yaml_to_json('canonical: 12345
decimal: +12345
octal: 0o14
hexadecimal: 0xC
float: 1.23015e+3
exponential: 12.3015e+02
fixed: 1230.15
negative infinity: -.inf
not a number: .nan
null: ~
booleans: [ true, False, TRUE ]
yaml 1.1: [ yes, on, 0b101, 1_000, 2001-12-14 ]
huge: 123456789012345678901234567890
');
-- => {"canonical":12345,"decimal":12345,"octal":12,"hexadecimal":12,"float":1230.15,"exponential":1230.15,"fixed":1230.15,"negative infinity":-9e999,"not a number":null,"null":null,"booleans":[true,false,true],"yaml 1.1":["yes","on","0b101","1_000","2001-12-14"],"huge":123456789012345678901234567890}
-- Quoting, tags and block scalars decide the type.
select yaml_to_json('- "12"
- ''12''
- !!str 12
- ! 12
- !!float 12
- !local 12
- |
  literal
  text
- >
  folded
  text
');
-- => ["12","12","12","12",12.0,12,"literal\ntext\n","folded text\n"]
select yaml_to_json('{a: 1, "b": [x, y], ? [k, l] : v, 2: two}');
-- => {"a":1,"b":["x","y"],"[\"k\",\"l\"]":"v","2":"two"}
-- The result is JSON to SQLite's json functions (subtype J): nested, not quoted.
select json_array(yaml_to_json('[1, 2]')), json_array('[1,2]');
-- => [[1,2]]|["[1,2]"]
select yaml_to_json('server:
  host: example.com
  ports: [80, 443]') ->> '$.server.ports[1]';
-- => 443
select key, value from json_each(yaml_to_json('b: 2
a: 1'));
-- => b|2
-- => a|1
-- One document, none, NULL.
select yaml_to_json('--- 42'), yaml_to_json('---'), quote(yaml_to_json('# only a comment')), quote(yaml_to_json('')), quote(yaml_to_json(null));
-- => 42|null|NULL|NULL|NULL
select yaml_to_json(42), yaml_to_json('42'), yaml_to_json('"42"');
-- => 42|42|"42"
-- Errors name the line and column.
select yaml_to_json('a: 1
b: [1, 2
');
-- !! Runtime error near line 78: yaml_to_json(): invalid YAML at line 3, column 1: while parsing a flow sequence, expected ',' or ']'
select yaml_to_json('a: 1
a: 2');
-- !! Runtime error near line 82: yaml_to_json(): invalid YAML at line 2, column 1: duplicate key "a"
select yaml_to_json('n: !!int twelve');
-- !! Runtime error near line 85: yaml_to_json(): invalid YAML at line 1, column 4: !!int cannot be "twelve"
select yaml_to_json('- *nowhere');
-- !! Runtime error near line 87: yaml_to_json(): invalid YAML at line 1, column 3: while parsing node, found unknown anchor
select yaml_to_json('--- 1
--- 2');
select yaml_to_json(cast(x'ff' as text));
-- !! Runtime error near line 89: yaml_to_json(): the text holds 2 documents; yaml_each() gives one row per document
-- !! Runtime error near line 91: yaml_to_json(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)

-- yaml_each: one row per document.
select doc, line, value from yaml_each('# a log
---
time: 2001-11-23 15:01:42 -5
user: ed
---
time: 2001-11-23 15:02:31 -5
user: ed
warning: A slightly different error message.
...
--- [end]
');
-- => 1|2|{"time":"2001-11-23 15:01:42 -5","user":"ed"}
-- => 2|5|{"time":"2001-11-23 15:02:31 -5","user":"ed","warning":"A slightly different error message."}
-- => 3|10|["end"]
select count(*) from yaml_each(''), yaml_each(null);
-- => 0
select doc, json_extract(value, '$.id') from yaml_each('id: 1
---
id: 2') where json_extract(value, '$.id') > 1;
-- => 2|2
select * from yaml_each('a: [');
-- !! Runtime error near line 116: yaml_each(): invalid YAML at line 2, column 1: while parsing a node, did not find expected node content

-- JSON as YAML: block style, strings that would read as another type quoted.
select json_to_yaml('{"name":"Mark McGwire","hr":65,"avg":0.278,"tags":["a","b"],"nested":{"x":null,"y":true,"z":[]}}');
-- => name: Mark McGwire
-- => hr: 65
-- => avg: 0.278
-- => tags:
-- =>   - a
-- =>   - b
-- => nested:
-- =>   x: ~
-- =>   y: true
-- =>   z: []
-- =>
select json_to_yaml('["12", "yes", "true", "", " padded ", "a: b", "line1\nline2", "-dash", 1.5e300, -0]');
-- => - "12"
-- => - "yes"
-- => - "true"
-- => - ""
-- => - " padded "
-- => - "a: b"
-- => - |-
-- =>   line1
-- =>   line2
-- => - "-dash"
-- => - 1.5e+300
-- => - -0.0
-- =>
select json_to_yaml(json_object('a', json_array(1, json_object('b', 2))));
-- => a:
-- =>   - 1
-- =>   - b: 2
-- =>
select json_to_yaml('"just a string"'), json_to_yaml('null'), json_to_yaml(null) is null;
-- => just a string
-- => |~
-- => |1
-- And back again.
select yaml_to_json(json_to_yaml('{"x":[1,2.5,"s",[true,null]],"y":{"z":{"w":-1}},"n":"0x10"}'));
-- => {"x":[1,2.5,"s",[true,null]],"y":{"z":{"w":-1}},"n":"0x10"}
select json_to_yaml('{"a":
  [1,}');
-- !! Runtime error near line 158: json_to_yaml(): invalid JSON at line 2, column 6: expected value
-- Deterministic: usable in generated columns and indexes.
create table configs(src text, j text as (yaml_to_json(src)), y text as (json_to_yaml(j)));
insert into configs(src) values ('a: 1'), ('[x, y]');
select j, y from configs;
-- => {"a":1}|a: 1
-- =>
-- => ["x","y"]|- x
-- => - y
-- =>
create index by_a on configs(yaml_to_json(src) ->> '$.a');
