-- Text: quotes, separators, unicode, control characters, invalid UTF-8,
-- embedded NULs.
select 'a"b' as q, 'a,b' as c, 'a|b' as p, 'x''y' as s;
select 'ünïcödé' as u, '日本語' as wide, 'emoji 🎉' as e;
select 'cr' || char(13) || 'lf' || char(10) || 'end' as crlf, 'bell' || char(7) as bell;
select 'a' || char(0) || 'b' as nul, x'410042' as bnul;
select cast(x'ff41fe' as text) as bad, x'ff41fe' as blob;
select char(127) || 'del', 'back\slash', '<tag>&amp;';
select '' as empty, ' ' as space, null as n;
select 'tab	tab		x' as tabs, 'a' || char(1) || char(1) || 'b' as ctl;
