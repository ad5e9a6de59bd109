-- Invalid UTF-8 text and blobs come out byte for byte (shown here as \xNN),
-- and round-trip through tables unchanged.
create table v(t text, b blob);
insert into v values (cast(x'ff41fe' as text), x'ff41fe');
select t, b, typeof(t), typeof(b), length(t), length(b), hex(t), hex(b) from v;
-- => \xffA\xfe|\xffA\xfe|text|blob|3|3|FF41FE|FF41FE
select cast(x'ff' as text) = t, hex(cast(b as text)) from v;
-- => 0|FF41FE
.mode quote
select t, b, cast(x'c3a9' as text) from v;
-- => '\xffA\xfe',X'ff41fe','é'
.mode json
select t, b from v;
-- => [{"t":"\xffA\xfe","b":"\xffA\xfe"}]
.mode csv
select t, b from v;
-- ~> "\\xffA\\xfe","\\xffA\\xfe"\r
.mode list
-- text and blobs are printed up to their first NUL byte, as in sqlite3
select 'a' || char(0) || 'b', x'410042', length('a' || char(0) || 'b'), hex(x'410042');
-- => a|A|1|410042
.mode quote
select 'a' || char(0) || 'b', x'410042';
-- => 'a',X'410042'
.mode json
select 'a' || char(0) || 'b' as t, x'410042' as b;
-- => [{"t":"a","b":"A\u0000B"}]
.mode list
select x'', '', typeof(x''), quote(x''), quote(cast(x'ff' as text));
-- => ||blob|X''|'\xff'
.mode box
select t, b, 'ünï' as u from v;
-- => ┌─────┬─────┬─────┐
-- => │  t  │  b  │  u  │
-- => ├─────┼─────┼─────┤
-- => │ \xffA\xfe │ \xffA\xfe │ ünï │
-- => └─────┴─────┴─────┘
