-- exit: 1
.load dist/extensions/md.wasm
-- sqlite-md (asg017/sqlite-md 6a8a5b4) tests/test-loadable.py and README.
select md_to_html('**bold**');
-- => <p><strong>bold</strong></p>
select md_to_html('[Documentation](#docs)');
-- => <p><a href="#docs">Documentation</a></p>
select md_to_html('
# The largest heading

Paragraph with **some bold**, _underlines_, [links](https://google.com) and ![images](https://placeholder.com/assets/images/150x150-500x500.png)!

');
-- => <h1>The largest heading</h1>
-- => <p>Paragraph with <strong>some bold</strong>, <em>underlines</em>, <a href="https://google.com">links</a> and <img src="https://placeholder.com/assets/images/150x150-500x500.png" alt="images" />!</p>
-- =>
select md_to_html('<b>x</b> & <i>');
-- => <p>&lt;b&gt;x&lt;/b&gt; &amp; &lt;i&gt;</p>
select md_to_html(12), md_to_html(''), typeof(md_to_html(''));
-- => <p>12</p>||text
select md_to_html('a' || char(0) || 'b');
-- => <p>a</p>
select rowid, *, raw from md_ast('alex **garcia** [yo](#yoyo)');
-- => 0|0|Root|||0|1|1|27|1|28|alex **garcia** [yo](#yoyo)
-- => 1|0|Paragraph|||0|1|1|27|1|28|alex **garcia** [yo](#yoyo)
-- => 2|1|Text|alex ||0|1|1|5|1|6|alex 
-- => 3|1|Strong|||5|1|6|15|1|16|**garcia**
-- => 4|1|Text| ||15|1|16|16|1|17| 
-- => 5|1|Link||{"title":null,"url":"#yoyo"}|16|1|17|27|1|28|[yo](#yoyo)
-- => 6|3|Text|garcia||7|1|8|13|1|14|garcia
-- => 7|5|Text|yo||17|1|18|19|1|20|yo
select details ->> 'url' from md_ast('See [a](https://github.com/wooorm/markdown-rs) and [b](https://github.com/asg017/sqlite-loadable-rs).') where node_type = 'Link';
-- => https://github.com/wooorm/markdown-rs
-- => https://github.com/asg017/sqlite-loadable-rs
select value, details ->> 'language' from md_ast('```sql
select 1;
```') where node_type = 'Code';
-- => select 1;|sql
select rowid, parent, node_type, details from md_ast('# hi
1. a
2. b

```sql x
select 1
```

![im](u "t") <b>x</b> `c`

- [x] done

[r]: http://x
[r]
---
');
-- => 0|0|Root|
-- => 1|0|Heading|{"depth":1}
-- => 2|0|List|{"ordered":true,"spread":false,"start":1}
-- => 3|0|Code|{"language":"sql","meta":"x"}
-- => 4|0|Paragraph|
-- => 5|0|List|{"ordered":false,"spread":false,"start":null}
-- => 6|0|Definition|{"identifier":"r","label":"r","title":null,"url":"http://x"}
-- => 7|0|Heading|{"depth":2}
-- => 8|1|Text|
-- => 9|2|ListItem|{"checked":null,"spread":false}
-- => 10|2|ListItem|{"checked":null,"spread":false}
-- => 11|4|Image|{"alt":"im","title":"t","url":"u"}
-- => 12|4|Text|
-- => 13|4|Html|
-- => 14|4|Text|
-- => 15|4|Html|
-- => 16|4|Text|
-- => 17|4|InlineCode|
-- => 18|5|ListItem|{"checked":null,"spread":false}
-- => 19|7|LinkReference|{"identifier":"r","label":"r"}
-- => 20|9|Paragraph|
-- => 21|10|Paragraph|
-- => 22|18|Paragraph|
-- => 23|19|Text|
-- => 24|20|Text|
-- => 25|21|Text|
-- => 26|22|Text|
select count(*), quote(input_text), raw from md_ast('') ;
-- => 1|NULL|
select node_type, start_offset, end_offset from md_ast(null);
-- => Root|0|0
select md_version(), md_debug() like 'Version: v0.1.0' || char(10) || 'Source: %' || char(10);
-- => v0.1.0|1
create table t(md text, html text generated always as (md_to_html(md)));
insert into t(md) values ('*x*');
select html from t;
-- => <p><em>x</em></p>
select md_to_html(null);
-- !! Runtime error near line 92: Unexpected null value
select md_to_html(cast(x'ff' as text));
-- !! Runtime error near line 94: utf8 err
select * from md_ast;
-- !! Parse error near line 96: SQL logic error
select * from md_ast(cast(x'ff' as text));
-- !! Runtime error near line 98: SQL logic error
select * from md_ast where input_text > 'a';
-- !! Parse error near line 100: no query solution
