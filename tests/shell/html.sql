-- exit: 1
.load dist/extensions/html.wasm
-- asg017/sqlite-html v0.1.3 (d3b1d77): docs.md and tests/test-loadable.py examples, then edge cases.
select html_extract('<p> Hello, <b class=x>world!</b> </p>', 'b');
-- => <b class="x">world!</b>
select html_text('<p> hello <a href="https://google.com">dog</a></a>', 'a');
-- => dog
select html_count('<div> <p>a</p> <p>b</p> <p>c</p> </div>', 'p');
-- => 3
select html('<a> foo'), subtype('alex'), subtype(html('alex'));
-- => <a> foo</a>|0|221
select html_element('a'), html_element('br');
-- => <a></a>|<br/>
select html_element('img', json_object('src', './a.png', 'width', 200));
-- => <img src="./a.png" width="200.000000"/>
select html_element('p', null, 'text node');
-- => <p>text node</p>
select html_element('p', null, '<b>Still a text node</b>');
-- => <p>&lt;b&gt;Still a text node&lt;/b&gt;</p>
select html_element('p', null, html_element('b', null, 'Bolded!'));
-- => <p><b>Bolded!</b></p>
select html_element('p', null, html('<b>Also bolded</b>'));
-- => <p><b>Also bolded</b></p>
select html_element('p', null, 'multiple ', html('<b>children'), ' works ', html_element('span', null, 'just fine'));
-- => <p>multiple <b>children</b> works <span>just fine</span></p>
select html_attr_get('<p> <a href="./about"> About<a/> </p>', 'a', 'href'), quote(html_attr_get('<p> <a href="./about"> About<a/> </p>', 'a', 'rel'));
-- => ./about|NULL
select html_attr_has('<p> <a href="./about"> About<a/> </p>', 'a', 'href'), html_attr_has('<p> <a href="./about"> About<a/> </p>', 'a', 'rel');
-- => 1|0
select html_escape('<a>'), html_unescape('&lt;a'), html_trim(' asdf '), html_trim(html_text('<p>   empty space     </p>', 'p')), html_table('xyz');
-- => &lt;a&gt;|<a|asdf|empty space|<table>xyz
select html_text(html_table(rows.html), 'td:nth-child(1)') as name, html_text(html_table(rows.html), 'td:nth-child(2)') as age from html_each('<table>
<tr> <td>Alex</td> <td>1</td> </tr>
<tr> <td>Brian</td> <td>2</td> </tr>
<tr> <td>Craig</td> <td>3</td> </tr>
</table>', 'tr') as rows;
-- => Alex|1
-- => Brian|2
-- => Craig|3
select rowid, * from html_each('<div>
    <p>a</p>
    <p id=x>b</p>
    <p>c1<span>c2</span></p>
    ', 'p');
-- => 0|<p>a</p>|a
-- => 1|<p id="x">b</p>|b
-- => 2|<p>c1<span>c2</span></p>|c1c2
select html_version(), html_debug();
-- => v0.1.3|Version: v0.1.3
-- => Commit: d3b1d77
-- => Runtime: sqlink-ext-html 0.1.0 wasm32-wasip2
-- => Date: 2023-03-24
-- =>
select html_group_element_div('p', null, v) from (select 'a' v union all select 'b');
-- => <div><p>a</p><p>b</p></div>
select html_group_element_span('b', json_object('c','d'), v) from (select 'a' v);
-- => <span><b c="d">a</b></span>
select quote(html_group_element_div('p', null, 1)) from (select 1 where 0);
-- => NULL
select html('a'), html('<p>b'), quote(html('<ohno')), quote(html('')), quote(html(null));
-- => a|<p>b</p>|NULL|NULL|NULL
select html_element('p', null, 'ayoo'), html_element('p', json_object('class', 'cool'), 'ayoo');
-- => <p>ayoo</p>|<p class="cool">ayoo</p>
select html_element('p', null, html_element('span', null, 'My name is '), html_element('b', null, 'Alex Garcia'), '.');
-- => <p><span>My name is </span><b>Alex Garcia</b>.</p>
select html_attribute_has('<p x>', 'p', 'x'), html_attribute_has('<p>abc', 'p', 'x'), html_attr_has('<p> <span z>yo', 'span', 'z');
-- => 1|0|1
select quote(html_attribute_get('<p x>', 'p', 'x')), quote(html_attribute_get('<p>abc', 'p', 'x')), html_attr_get('<p> <span x=z>yo', 'span', 'x');
-- => NULL|NULL|z
select html_extract('<div> asdfasdf <p a=b>abc</p> asdfasdf </div>', 'p'), html_extract('<p>abc', 'p'), quote(html_extract('<p> <b>asdf</b></p>', 'x'));
-- => <p a="b">abc</p>|<p>abc</p>|NULL
select html_text('<div> asdfasdf <p a=b>abc</p> asdfasdf </div>', 'p'), html_text('<p>abc<p>'), quote(html_text('<p> <b>asdf</b></p>', 'x'));
-- => abc|abc|NULL
select html_valid('<div>a'), html_valid(null), html_valid('<ohno');
-- => 1|1|1
select html_count('<div> ', 'p'), html_count('<div> <p>abc', 'p'), html_count('<div> <p class=x></p> <p>a</p> <p class=x>', 'p.x');
-- => 0|1|2
select html_count(null, 'p'), html_count('<p>', null), html_count('<p>', 'p[['), quote(html_extract('<p>', ':::'));
-- => 0|0|0|NULL
select quote(html_text('<p></p>', 'p')), html_text('<title>T</title><p>x<script>1<2</script>'), quote(html_text(null));
-- => NULL|Tx1<2|NULL
select html_extract('<p title="a''b&quot;c">x &amp; ''y'' "z"</p>', 'p');
-- => <p title="a&#39;b&#34;c">x &amp; &#39;y&#39; &#34;z&#34;</p>
select html_extract('<div><br><img src=a.png><input disabled></div>', 'div');
-- => <div><br/><img src="a.png"/><input disabled=""/></div>
select html_extract('<div><script>if (a < b) {}</script><style>p > a {}</style><!-- c --></div>', 'div');
-- => <div><script>if (a < b) {}</script><style>p > a {}</style><!-- c --></div>
select html_extract('<pre>' || char(10) || char(10) || 'x</pre>', 'pre');
-- => <pre>
-- =>
-- => x</pre>
select html_extract('<ul><li>1<li>2</ul>', 'li:nth-child(2)'), html_count('<ul><li>1<li>2</ul>', 'ul > li'), html_extract('<a id=x></a><b class="p q"></b>', '#x, .q');
-- => <li>2</li>|2|<a id="x"></a>
select quote(html_escape('')), quote(html_escape(null)), html_escape('a&b"c''d'), html_unescape('&amp;&AMP;&amp &notin; &notit; &#65;&#x42;&#128; &foo; &'), quote(html_unescape(''));
-- => NULL|NULL|a&amp;b&#34;c&#39;d|&&& ∉ ¬it; AB€ &foo; &|NULL
select quote(html_trim('')), quote(html_trim(null)), quote(html_trim('   ')), html_trim(' ' || char(12288) || 'x' || char(160) || ' '), html_table(null), html_table(12);
-- => NULL|NULL|''|x|<table>|<table>12
select html_element('script', null, '<x>'), html_element('br', null, 'x'), html_element('p', json_object('a', 1.5, 'b', json('true'), 'c', 'x"y'), char(13)), html_element('plaintext', null, 'a');
-- => <script><x></script>|<br|<p a="1.500000" b="" c="x&#34;y">&#13;</p>|<plaintext>a
select html_element(null), html_element('p', 'null', 'x'), html_element('p', null, null);
-- => <></>|<p>x</p>|<p></p>
select hex(html_escape(cast(x'ff3c' as text))), hex(html_trim(cast(x'20ff20' as text)));
-- => FF266C743B|FF
select count(*) from html_each('<p>', null), html_each(null, 'p');
-- => 0
select quote(document), quote(selector), quote(text) from html_each('<p></p>', 'p');
-- => NULL|NULL|NULL
create table t(d text, n int generated always as (html_count(d, 'p')));
insert into t(d) values ('<p><p>');
select n from t;
-- => 2
select html_group_element_div('p', json_object('c', 1), 'x');
-- !! Runtime error near line 112: attributes is not a JSON object
select html_element('p', 'not json', 'x');
-- !! Runtime error near line 114: <p>x</p>
select html_element();
-- !! Runtime error near line 116: html_element requires tag

