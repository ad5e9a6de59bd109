-- exit: 1
-- toml: TOML documents as JSON (with SQLite's JSON subtype) and JSON
-- objects as TOML documents. The toml-test suite runs in the crate's unit
-- tests (components/extensions/toml/src/tests.rs); this checks the SQL side.
.load dist/extensions/toml.wasm
-- The example of the TOML 1.0 spec's front page.
select toml_to_json('# This is a TOML document
title = "TOML Example"

[owner]
name = "Tom Preston-Werner"
dob = 1979-05-27T07:32:00-08:00

[database]
enabled = true
ports = [ 8000, 8001, 8002 ]
data = [ ["delta", "phi"], [3.14] ]
temp_targets = { cpu = 79.5, case = 72.0 }

[servers]

[servers.alpha]
ip = "10.0.0.1"
role = "frontend"

[servers.beta]
ip = "10.0.0.2"
role = "backend"
');
-- => {"title":"TOML Example","owner":{"name":"Tom Preston-Werner","dob":"1979-05-27T07:32:00-08:00"},"database":{"enabled":true,"ports":[8000,8001,8002],"data":[["delta","phi"],[3.14]],"temp_targets":{"cpu":79.5,"case":72.0}},"servers":{"alpha":{"ip":"10.0.0.1","role":"frontend"},"beta":{"ip":"10.0.0.2","role":"backend"}}}
-- Every TOML type: dates and times become RFC 3339 text, infinities
-- SQLite's 9e999, NaN null.
select toml_to_json('i = 0xff
o = 0o17
b = 0b101
big = 9_223_372_036_854_775_807
f = [6.626e-34, 1e20, 3.0, -0.0, inf, -inf, nan]
s = ''C:\path''
m = """
two
lines"""
d = 1979-05-27
t = 07:32:00.999
l = 1979-05-27 07:32:00
"quoted key".a.b = []
');
-- => {"i":255,"o":15,"b":5,"big":9223372036854775807,"f":[6.626e-34,1e20,3.0,-0.0,9e999,-9e999,null],"s":"C:\\path","m":"two\nlines","d":"1979-05-27","t":"07:32:00.999","l":"1979-05-27T07:32:00","quoted key":{"a":{"b":[]}}}
-- The result is JSON to SQLite's json functions (subtype J): nested, not quoted.
select json_array(toml_to_json('a = 1')), json_array('{"a":1}');
-- => [{"a":1}]|["{\"a\":1}"]
select toml_to_json('[pkg]
name = "sqlink"
version = "0.1.0"') ->> '$.pkg.version';
-- => 0.1.0
select key, value from json_each(toml_to_json('b = 2
a = 1
c = [3]'));
-- => b|2
-- => a|1
-- => c|[3]
-- Errors name the line and column.
select toml_to_json('a = 1
b = = 2');
-- !! Runtime error near line 62: toml_to_json(): invalid TOML at line 2, column 5: extra `=`, expected nothing
select toml_to_json('a = 1
a = 2');
-- !! Runtime error near line 65: toml_to_json(): invalid TOML at line 2, column 1: duplicate key
select toml_to_json('[t]
x = 1
[t]');
-- !! Runtime error near line 68: toml_to_json(): invalid TOML at line 3, column 2: duplicate key
select toml_to_json('i = 0x_ff');
-- !! Runtime error near line 72: toml_to_json(): invalid TOML at line 1, column 7: `_` may only go between digits, expected nothing
select toml_to_json(x'ff');
-- !! Runtime error near line 74: toml_to_json(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
select toml_to_json(null) is null, json_to_toml(null) is null;
-- => 1|1

-- JSON objects as TOML documents: objects become tables, arrays of objects
-- arrays of tables.
select json_to_toml('{"title":"TOML Example","owner":{"name":"Tom","dob":"1979-05-27T07:32:00-08:00"},"ports":[8000,8001],"f":1.5,"ok":true,"servers":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}]}');
-- => title = "TOML Example"
-- => ports = [8000, 8001]
-- => f = 1.5
-- => ok = true
-- =>
-- => [owner]
-- => name = "Tom"
-- => dob = "1979-05-27T07:32:00-08:00"
-- =>
-- => [[servers]]
-- => ip = "10.0.0.1"
-- =>
-- => [[servers]]
-- => ip = "10.0.0.2"
-- =>
select json_to_toml('{"a b":{"c.d":"e"},"mixed":[1,"two",{"three":3}],"empty":{}}');
-- => mixed = [1, "two", { three = 3 }]
-- =>
-- => ["a b"]
-- => "c.d" = "e"
-- =>
-- => [empty]
-- =>
select json_to_toml(json_object('s', 'line1' || char(10) || 'line2', 'q', 'say "hi"'));
-- => s = """
-- => line1
-- => line2"""
-- => q = 'say "hi"'
-- =>
-- And back again.
select toml_to_json(json_to_toml('{"x":[1,2.5,"s",[true]],"y":{"z":{"w":-1}}}'));
-- => {"x":[1,2.5,"s",[true]],"y":{"z":{"w":-1}}}
select json_to_toml('{}') = '';
-- => 1
-- JSON that TOML cannot hold.
select json_to_toml('[1, 2]');
-- !! Runtime error near line 117: json_to_toml(): a TOML document is a table: expected a JSON object, got an array
select json_to_toml('{"a": {"b": [1, null]}}');
-- !! Runtime error near line 119: json_to_toml(): TOML has no null (at $.a.b[1])
select json_to_toml('{"n": 18446744073709551615}');
-- !! Runtime error near line 121: json_to_toml(): 18446744073709551615 is outside TOML's 64-bit integer range (at $.n)
select json_to_toml('{"a":
  [1,}');
-- !! Runtime error near line 123: json_to_toml(): invalid JSON at line 2, column 6: expected value
-- Deterministic: usable in generated columns and indexes.
create table configs(src text, j text as (toml_to_json(src)), t text as (json_to_toml(j)));
insert into configs(src) values ('a = 1'), ('b.c = "d"');
select j, t from configs;
-- => {"a":1}|a = 1
-- =>
-- => {"b":{"c":"d"}}|[b]
-- => c = "d"
-- =>
create index by_a on configs(toml_to_json(src) ->> '$.a');
