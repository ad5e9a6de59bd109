-- exit: 1
.load dist/extensions/url.wasm
-- Every function and table of url, as sqlite-url v0.1.0 (commit 19cf842,
-- built against Debian 12's libcurl 7.88.1, loaded into Debian's sqlite3
-- 3.40.1) answers: components/extensions/url/testdata/url.sql, made by
-- gen.sh there.
select url_version(), substr(url_debug(), 1, instr(url_debug(), char(10)) - 1), length(url_debug()) - length(replace(url_debug(), char(10), ''));
-- => v0.1.0|Version: v0.1.0|3
-- sqlite-url's documented examples and tests
select url('https://sqlite.org'), url('https://sqlite.org', 'path', 'footprint.html');
-- => https://sqlite.org/|https://sqlite.org/footprint.html
select url('http://github.com', 'path', 'asg017/sqlite-url', 'fragment', 'usage'), url('', 'scheme', 'https', 'host', 'github.com', 'path', 'asg017/sqlite-url');
-- => http://github.com/asg017/sqlite-url#usage|https://github.com/asg017/sqlite-url
select url_valid('https://t.me'), url_valid('not'), url_valid('wss://kasldjf.c'), url_valid('http://a'), url_valid('https://google.com'), url_valid('invalid');
-- => 1|0|1|1|1|0
select url_escape('alex garcia, &='), url_unescape('alex%20garcia%2C%20%26%3D');
-- => alex%20garcia%2C%20%26%3D|alex garcia, &=
select url_scheme('https://api.github.com/repos/uscensusbureau/citysdk?sort=asc#ayoo'), url_host('https://api.github.com/repos/uscensusbureau/citysdk?sort=asc#ayoo'), url_path('https://api.github.com/repos/uscensusbureau/citysdk?sort=asc#ayoo'), url_query('https://api.github.com/repos/uscensusbureau/citysdk?sort=asc#ayoo'), url_fragment('https://api.github.com/repos/uscensusbureau/citysdk?sort=asc#ayoo');
-- => https|api.github.com|/repos/uscensusbureau/citysdk|sort=asc|ayoo
select url_querystring('a', 'b'), url_querystring('a', 'b', 'x', 'y'), url_querystring('foo bar', 'x'), url_querystring('', 'x'), url_querystring('', ''), url_querystring('a', '');
-- => a=b|a=b&x=y|foo%20bar=x|=x|=|a=
select url_querystring('q', 'memes', 'filters', '[{"type":"videos"}]', 'after', '2022-08-22T16:14:29.077Z');
-- => q=memes&filters=%5B%7B%22type%22%3A%22videos%22%7D%5D&after=2022-08-22T16%3A14%3A29.077Z
select url_querystring(';,/?:@&=+$', '-_.!~*''()');
-- => %3B%2C%2F%3F%3A%40%26%3D%2B%24=-_.%21~%2A%27%28%29
select url('https://github.com/asg017/sqlite-url/issues', 'query', url_querystring('q', 'foo bar'));
-- => https://github.com/asg017/sqlite-url/issues?q=foo%20bar
select url_fragment('https://a.co#a'), url_user('https://admin:password@google.com'), url_password('https://admin:password@google.com'), url_password('http://user:pass;word@host/file'), url_options('imap://user:pass;word@host/file');
-- => a|admin|password|pass;word|word
select url_port('https://google.com:8080'), url_zoneid('http://[ffaa::aa%21]/'), quote(url_zoneid('http://[ffaa::aa]/')), quote(url_zoneid('http://yo.com'));
-- => 8080|21|NULL|NULL
-- what curl accepts
select url_valid('http:/a'), url_valid('http:///a'), url_valid('http:////a'), url_valid('mailto:a@b.c'), url_valid('//a.com'), url_valid('a.com'), url_valid('1http://a'), url_valid('ht tp://a'), url_valid('http://a b'), url_valid('http://a/b c'), url_valid('http://a/?b c'), url_valid('http://a/#b c');
-- => 1|1|0|0|0|0|1|0|0|0|0|0
select url_valid('http://'), url_valid('http://:80'), url_valid('http://a:'), url_valid('http://a:x'), url_valid('http://a:65535'), url_valid('http://a:65536'), url_valid('http://a:0'), url_valid('http://[::1]'), url_valid('http://[::1'), url_valid('http://[::1]x'), url_valid('http://[g::1]'), url_valid('http://a@b@c');
-- => 0|0|1|0|1|0|1|1|0|0|0|0
select url_valid(NULL), url_valid(''), url_valid(12), url_valid('file:/x'), url_valid('file:///x'), url_valid('file://localhost/x'), url_valid('file://host/x'), url_valid('file:///c:/x'), url_valid('file:/'), url_valid('FILE:///x');
-- => 1|0|0|1|1|1|0|0|0|1
-- parts as curl stores them
select url_scheme('HTTP://A.COM'), url_host('HTTP://A.COM'), url_path('http://a.com'), url_path('http://a.com/'), quote(url_query('http://a.com?')), quote(url_fragment('http://a.com#')), quote(url_port('http://a.com:')), url_port('http://a.com:0080');
-- => http|A.COM|/|/|''|NULL|NULL|80
select url_host('http://0x7f.1/'), url_host('http://2130706433/'), url_host('http://0177.0.0.1/'), url_host('http://1.2.3.4.5/'), url_host('http://256.0.0.1/'), quote(url_host('http://08.0.0.1/')), url_host('http://ex%41mple.com/'), quote(url_host('http://ex%2Fample.com/')), quote(url_host('http://a%00b/'));
-- => 127.0.0.1|127.0.0.1|127.0.0.1|1.2.3.4.5|256.0.0.1|'08.0.0.1'|exAmple.com|NULL|NULL
select url_host('http://[0:0:0:0:0:0:0:1]/'), url_host('http://[::FFFF:1.2.3.4]/'), url_host('http://[fe80::1%25eth0]/'), url_zoneid('http://[fe80::1%25eth0]/'), url_zoneid('http://[fe80::1%eth0]/'), url('http://[fe80::1%25eth0]:8080/x'), url_host('http://[1:0:0:2:0:0:0:3]/');
-- => [::1]|[::FFFF:1.2.3.4]|[fe80::1]|eth0|eth0|http://[fe80::1%25eth0]:8080/x|[1:0:0:2::3]
select url_path('http://a/b/c/./../../g'), url_path('http://a/b/c/../../../../g'), url_path('http://a/./'), url_path('http://a/.'), url_path('http://a/..'), url_path('http://a/b/..'), url_path('http://a/b/../'), url_path('http://a/b/.%2e/c'), url_path('http://a/b/c/.');
-- => /g|/g|/|/|/|/|/|/b/.%2e/c|/b/c/
select url_user('http://@a'), quote(url_password('http://u@a')), url_password('http://u:@a'), quote(url_options('http://u;o@a')), url_user('http://u;o@a'), url_options('imap://u;o:p@a'), url_password('imap://u;o:p@a'), quote(url_options('imap://u;@a')), url_user('http://u%20x@a');
-- => |NULL||NULL|u;o|o|p|NULL|u%20x
select url_query('http://a/?x=1?y#z?'), url_fragment('http://a/#x#y'), url_path('http://a/p?q#f'), url_query('http://a#f?q'), url_host('http://a?b'), url_host('http://a#b'), url_path('http://a?b');
-- => x=1?y|x#y|/p||a|a|/
select url_path(NULL), quote(url_scheme(NULL)), quote(url_host('not a url')), url_path('file:///x/../y'), quote(url_host('file:///x')), url_path('file://localhost/x'), url_path('file:/x');
-- => /|NULL|NULL|/y|NULL|/x|/x
-- url() builds URLs
select url('http://a.com/x?y#z', 'path', NULL), url('http://a.com/x?y#z', 'query', NULL, 'fragment', NULL), url('http://a.com', 'query', ''), url('http://a.com', 'fragment', ''), url('http://a.com', 'path', 'a b/../c');
-- => http://a.com/?y#z|http://a.com/x|http://a.com/|http://a.com/#|http://a.com/a b/../c
select url('http://a.com', 'user', 'u', 'password', 'p'), url('http://a.com', 'password', 'p'), url('http://a.com', 'options', 'o'), url('imap://a.com', 'options', 'o'), url('foo://a.com', 'options', 'o'), url('http://a.com', 'HOST', 'b.org', 'Scheme', 'ftp');
-- => http://u:p@a.com/|http://:p@a.com/|http://a.com/|imap://;o@a.com/|foo://;o@a.com/|ftp://b.org/
select url('http://a.com', 'path', '%2F%Ab%ab'), url('http://a.com', 'host', 'x%41'), url('http://a.com', 'host', '[::1]'), url('http://a.com', 'host', '[fe80::1%25eth1]'), url('http://[::1]', 'zoneid', 'z'), url('http://a.com', 'zoneid', 'z');
-- => http://a.com/%2f%ab%ab|http://x%2541/|http://[::1]/|http://[fe80::1%25eth1]/|http://[::1%25z]/|http://a.com/
select url('http://a.com', 'scheme', 'a b'), url(NULL, 'scheme', 'http', 'host', 'h'), url('file:///x', 'fragment', 'f'), url('file:///x', 'query', 'q'), url('http://a.com:8080/x');
-- => a b://a.com/|http://h/|file:///x#f|file:///x|http://a.com:8080/x
select url('http://a.com', 'scheme', '12345678901234567890123456789012345678901');
-- !! Runtime error near line 63: Bad scheme
select url('');
-- !! Runtime error near line 65: No host part in the URL
select url('', 'scheme', 'http');
-- !! Runtime error near line 67: No host part in the URL
select url('', 'host', 'a.com');
-- !! Runtime error near line 69: No scheme part in the URL
select url('file:///x', 'path', NULL);
-- => file://(nil)
select url('not a url');
-- !! Runtime error near line 73: Error initializating URL in the first argument
select url('http://a.com', 'host', 'a b');
-- !! Runtime error near line 75: Invalid 'host' value
select url('http://a.com', 'host', '');
-- !! Runtime error near line 77: Invalid 'host' value
select url('http://a.com', 'host', 'a/b');
-- !! Runtime error near line 79: Invalid 'host' value
select url('http://a.com', 'port', '80');
-- !! Runtime error near line 81: unknown url part 'port'
select url('http://a.com', NULL, 'x');
-- !! Runtime error near line 83: unknown url part ''
select url('http://a.com', 'path');
-- !! Runtime error near line 85: url() requires odd number of arguments
select url();
-- !! Runtime error near line 87: url() requires odd number of arguments
-- escaping
select url_escape(''), url_escape('AZaz09-._~'), url_escape('é/ ?'), url_escape(12.5), hex(url_escape('a' || char(0) || 'b')), hex(url_escape(x'00ff'));
-- => |AZaz09-._~|%C3%A9%2F%20%3F|12.5|6125303062|253030254646
select url_unescape('%41%4a%4A%zz%4'), url_unescape('a+b'), hex(url_unescape('%00%ff')), url_unescape(''), url_unescape('%');
-- => AJJ%zz%4|a+b|00FF||%
select url_querystring('a');
-- !! Runtime error near line 94: at least 2 arguments are required for url_querystring
-- url_query_each(query)
select rowid, * from url_query_each('a=b&c=d');
-- => 0|a|b
-- => 1|c|d
select rowid, name, value, raw_sequence, query from url_query_each('name+space=value+space&x=a+b');
-- => 0|name space|value space|name space=value space&|name space=value space&x=a+b
-- => 1|x|a b|x=a b|name space=value space&x=a b
select rowid, name, value from url_query_each('&&a=b&&=&===&&');
-- => 0|a|b
-- => 1||&===&&
-- => 2||==
select rowid, name, value from url_query_each('name%20space=value%2Bplus&%E2%9C%93=%zz');
-- => 0|name space|value+plus
-- => 1|✓|%zz
select rowid, name, value from url_query_each('a');
-- => 0|a|
select rowid, name, value from url_query_each('x=1&a');
-- => 0|x|1
-- => 1|a|
select rowid, name, quote(value) from url_query_each('a=&b=c');
-- => 0|a|'&b=c'
-- => 1|b|'c'
select rowid, name from url_query_each('a&b=c');
-- => 0|a&
-- => 1|b
select count(*) from url_query_each('');
-- => 0
select count(*) from url_query_each(NULL);
-- => 0
select name, value from url_query_each(url_query('https://www.google.com/search?q=memes&rlz=1C5CHFA_enUS915US915&oq=memes&sourceid=chrome&ie=UTF-8'));
-- => q|memes
-- => rlz|1C5CHFA_enUS915US915
-- => oq|memes
-- => sourceid|chrome
-- => ie|UTF-8
select name from url_query_each where query = 'k=v';
-- => k
select * from url_query_each;
-- !! Parse error near line 133: query argument is required
select * from url_query_each where query > 'a';
-- !! Parse error near line 135: no query solution
-- Where this extension differs from sqlite-url (expectations from sqlink):
-- NULL to url_escape and url_unescape is NULL, and a NULL name or value
-- in url_querystring is '' (sqlite-url crashes); an odd number of
-- url_querystring arguments is an error (sqlite-url reads past them).
select quote(url_escape(NULL)), quote(url_unescape(NULL)), url_querystring(NULL, 'x', 'y', NULL);
-- => NULL|NULL|=x&y=
select url_querystring('a', 'b', 'c');
-- !! Runtime error near line 143: url_querystring() requires an even number of arguments
-- The value of a sequence without '=' followed by another is '' (sqlite-url
-- fails with "out of memory" when it is read).
select rowid, name, quote(value) from url_query_each('a&b=c');
-- => 0|a&|''
-- => 1|b|'c'
