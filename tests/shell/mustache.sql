-- exit: 1
.load dist/extensions/mustache.wasm
select mustache_render('Hello, {{name}}!', '{"name":"World"}');
-- => Hello, World!
select mustache_render('{{a}} {{{a}}} {{&a}}', '{"a":"<b>&\"</b>"}');
-- => &lt;b&gt;&amp;&quot;&lt;/b&gt; <b>&"</b> <b>&"</b>
select mustache_render('{{n}} {{f}} {{t}} {{z}} [{{missing}}]', '{"n":85,"f":1.21,"t":true,"z":null}');
-- => 85 1.21 true  []
select mustache_render('{{a.b.c}}|{{#a}}{{b.c}}{{/a}}', '{"a":{"b":{"c":"deep"}}}');
-- => deep|deep
select mustache_render('{{#items}}<{{name}}>{{/items}}{{^items}}none{{/items}}', '{"items":[{"name":"x"},{"name":"y"}]}');
-- => <x><y>
select mustache_render('{{#items}}<{{name}}>{{/items}}{{^items}}none{{/items}}', '{"items":[]}');
-- => none
select mustache_render('{{#list}}{{.}},{{/list}}', '{"list":[1,2,3]}');
-- => 1,2,3,
select mustache_render('a{{! comment }}b', '{}');
-- => ab
select mustache_render('{{=<% %>=}}<% x %> {{x}}', '{"x":1}');
-- => 1 {{x}}
select mustache_render('[{{>p}}]', '{"x":"X"}', '{"p":"<{{x}}>"}');
-- => [<X>]
select mustache_render('[{{>nosuch}}]', '{}', '{}');
-- => []
select mustache_render('{{x}}', null);
-- =>
select mustache_render(null, '{}') is null;
-- => 1
create table t(d text, r text generated always as (mustache_render('{{v}}', d)));
insert into t(d) values ('{"v":"ok"}');
select r from t;
-- => ok
select mustache_render('{{#a}}', '{}');
-- !! Runtime error near line 33: mustache_render(): unclosed section 'a'
select mustache_render('x', '{');
-- !! Runtime error near line 35: mustache_render(): invalid JSON data: EOF while parsing an object at line 1 column 1
select mustache_render('x', '{}', '[]');
-- !! Runtime error near line 37: mustache_render(): partials must be a JSON object
select mustache_render(cast(x'ff' as text), '{}');
-- !! Runtime error near line 39: mustache_render(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
