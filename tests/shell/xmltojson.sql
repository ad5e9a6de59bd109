-- exit: 1
.load dist/extensions/xmltojson.wasm
-- jakethaw/xml_to_json (b522f4c): the README's examples, then cases checked against the
-- reference compiled from source (components/extensions/xmltojson/testdata/gen.sh).
select xml_to_json('<x>hello world</x>', 2);
-- => {
-- =>   "x": "hello world"
-- => }
-- =>
select xml_to_json('<x>a<y/>b</x>', 2);
-- => {
-- =>   "x": {
-- =>     "#text": [
-- =>       "a",
-- =>       "b"
-- =>     ],
-- =>     "y": null
-- =>   }
-- => }
-- =>
select xml_to_json('<x><y>abc</y><y>def</y></x>', 2);
-- => {
-- =>   "x": {
-- =>     "y": [
-- =>       "abc",
-- =>       "def"
-- =>     ]
-- =>   }
-- => }
-- =>
select xml_to_json('<x>hello<y>abc</y>world<y>def</y>xyz</x>', 2);
-- => {
-- =>   "x": {
-- =>     "#text": [
-- =>       "hello",
-- =>       "world",
-- =>       "xyz"
-- =>     ],
-- =>     "y": [
-- =>       "abc",
-- =>       "def"
-- =>     ]
-- =>   }
-- => }
-- =>
select xml_to_json('<x attr1="attr val 1" attr2="attr val 2">&amp; &gt; &lt; &#39;</x>', 2);
-- => {
-- =>   "x": {
-- =>     "@attr1": "attr val 1",
-- =>     "@attr2": "attr val 2",
-- =>     "#text": "& > < '"
-- =>   }
-- => }
-- =>
select xml_to_json('<x>a<y/>b</x>');
-- => {"x":{"#text":["a","b"],"y":null}}
select xml_to_json('<x><y>abc</y><y>def</y></x>', -1);
-- => {"x":{"y":["abc","def"]}}
select xml_to_json('<x><y>abc</y><y>def</y></x>', null);
-- => {"x":{"y":["abc","def"]}}
select xml_to_json('<x><y>abc</y><y>def</y></x>', 0);
-- => {
-- => "x": {
-- => "y": [
-- => "abc",
-- => "def"
-- => ]
-- => }
-- => }
-- =>
select xml_to_json('<x><y>abc</y><y>def</y></x>', '1');
-- => {
-- =>  "x": {
-- =>   "y": [
-- =>    "abc",
-- =>    "def"
-- =>   ]
-- =>  }
-- => }
-- =>
select xml_to_json('<a><b>1</b><c/><b>2</b></a>');
-- => {"a":{"b":["1","2"],"c":null}}
select xml_to_json('<?xml version="1.0"?><r><i id="1">A</i><i id="2">B</i></r>');
-- => {"?xml":{"@version":"1.0"},"r":{"i":[{"@id":"1","#text":"A"},{"@id":"2","#text":"B"}]}}
select xml_to_json('<x></x>'), xml_to_json('<x/>'), xml_to_json('<r><a>"q" \ t	</a></r>');
-- => {"x":""}|{"x":null}|{"r":{"a":"\"q\" \\ t\t"}}
select quote(xml_to_json(null)), quote(xml_to_json('')), quote(xml_to_json('  ')), xml_to_json(12);
-- => NULL|''|''|
select hex(xml_to_json('<a>&#233;</a>')), hex(xml_to_json('<a>x&#0;y</a>'));
-- => 7B2261223A22E9227D|7B2261223A2278
select xml_to_json(cast(x'3c613ee93c2f613e' as text)) = cast(x'7b2261223a22e9227d' as text);
-- => 1
select xml_to_json('<a>' || char(0) || '</a>');
-- => {"a":""}
create table t(x text, j text generated always as (xml_to_json(x)));
insert into t(x) values ('<p>1</p>');
select j from t;
-- => {"p":"1"}
select xml_to_json(1, 2, 3);
-- !! Parse error near line 99: wrong number of arguments to function xml_to_json()
-- !!   select xml_to_json(1, 2, 3);
-- !!          ^--- error here
