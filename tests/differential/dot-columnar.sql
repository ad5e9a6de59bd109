-- The columnar modes' options: wrapping, word wrap, quoting, multi-line
-- values, wide characters.
.mode box
select printf('%.*c', 130, 'x') as long, 'words in a long sentence that should wrap at sixty characters or so, really' as s;
.mode column --wrap 10 --ww
select 'the quick brown fox jumps over the lazy dog' as a, 'abcdefghijklmnopqrstuvwxyz' as b;
.mode table --quote
select 1, 2.5, 'it''s', x'00ff', null;
.mode markdown --wrap 5
select 'ünïcödé text' as "ü", char(9) || 'x' as t;
.mode qbox
select 'a' as x, 'multi' || char(10) || 'line' as y, 3 as z;
.mode column
select 'one' || char(10) || 'two' || char(10) || 'three' as a, 'x' as b union all select 'y', 'z';
.mode table --noquote --wrap 0
select '日本語テキスト' as jp, 'x' as b;
.mode box --wordwrap on --wrap 8
select 'aaa bbb ccc ddd eee' as a;
.mode column --bogus
.mode column a b
