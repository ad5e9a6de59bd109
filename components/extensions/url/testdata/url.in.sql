-- exit: 1
.load dist/extensions/url.wasm
-- Every function and table of url, as sqlite-url v0.1.0 (commit 19cf842,
-- built against Debian 12's libcurl 7.88.1, loaded into Debian's sqlite3
-- 3.40.1) answers: components/extensions/url/testdata/url.sql, made by
-- gen.sh there.
select url_version(), substr(url_debug(), 1, instr(url_debug(), char(10)) - 1), length(url_debug()) - length(replace(url_debug(), char(10), ''));
-- sqlite-url's documented examples and tests
select url('https://sqlite.org'), url('https://sqlite.org', 'path', 'footprint.html');
select url('http://github.com', 'path', 'asg017/sqlite-url', 'fragment', 'usage'), url('', 'scheme', 'https', 'host', 'github.com', 'path', 'asg017/sqlite-url');
select url_valid('https://t.me'), url_valid('not'), url_valid('wss://kasldjf.c'), url_valid('http://a'), url_valid('https://google.com'), url_valid('invalid');
select url_escape('alex garcia, &='), url_unescape('alex%20garcia%2C%20%26%3D');
select url_scheme('https://api.github.com/repos/uscensusbureau/citysdk?sort=asc#ayoo'), url_host('https://api.github.com/repos/uscensusbureau/citysdk?sort=asc#ayoo'), url_path('https://api.github.com/repos/uscensusbureau/citysdk?sort=asc#ayoo'), url_query('https://api.github.com/repos/uscensusbureau/citysdk?sort=asc#ayoo'), url_fragment('https://api.github.com/repos/uscensusbureau/citysdk?sort=asc#ayoo');
select url_querystring('a', 'b'), url_querystring('a', 'b', 'x', 'y'), url_querystring('foo bar', 'x'), url_querystring('', 'x'), url_querystring('', ''), url_querystring('a', '');
select url_querystring('q', 'memes', 'filters', '[{"type":"videos"}]', 'after', '2022-08-22T16:14:29.077Z');
select url_querystring(';,/?:@&=+$', '-_.!~*''()');
select url('https://github.com/asg017/sqlite-url/issues', 'query', url_querystring('q', 'foo bar'));
select url_fragment('https://a.co#a'), url_user('https://admin:password@google.com'), url_password('https://admin:password@google.com'), url_password('http://user:pass;word@host/file'), url_options('imap://user:pass;word@host/file');
select url_port('https://google.com:8080'), url_zoneid('http://[ffaa::aa%21]/'), quote(url_zoneid('http://[ffaa::aa]/')), quote(url_zoneid('http://yo.com'));
-- what curl accepts
select url_valid('http:/a'), url_valid('http:///a'), url_valid('http:////a'), url_valid('mailto:a@b.c'), url_valid('//a.com'), url_valid('a.com'), url_valid('1http://a'), url_valid('ht tp://a'), url_valid('http://a b'), url_valid('http://a/b c'), url_valid('http://a/?b c'), url_valid('http://a/#b c');
select url_valid('http://'), url_valid('http://:80'), url_valid('http://a:'), url_valid('http://a:x'), url_valid('http://a:65535'), url_valid('http://a:65536'), url_valid('http://a:0'), url_valid('http://[::1]'), url_valid('http://[::1'), url_valid('http://[::1]x'), url_valid('http://[g::1]'), url_valid('http://a@b@c');
select url_valid(NULL), url_valid(''), url_valid(12), url_valid('file:/x'), url_valid('file:///x'), url_valid('file://localhost/x'), url_valid('file://host/x'), url_valid('file:///c:/x'), url_valid('file:/'), url_valid('FILE:///x');
-- parts as curl stores them
select url_scheme('HTTP://A.COM'), url_host('HTTP://A.COM'), url_path('http://a.com'), url_path('http://a.com/'), quote(url_query('http://a.com?')), quote(url_fragment('http://a.com#')), quote(url_port('http://a.com:')), url_port('http://a.com:0080');
select url_host('http://0x7f.1/'), url_host('http://2130706433/'), url_host('http://0177.0.0.1/'), url_host('http://1.2.3.4.5/'), url_host('http://256.0.0.1/'), quote(url_host('http://08.0.0.1/')), url_host('http://ex%41mple.com/'), quote(url_host('http://ex%2Fample.com/')), quote(url_host('http://a%00b/'));
select url_host('http://[0:0:0:0:0:0:0:1]/'), url_host('http://[::FFFF:1.2.3.4]/'), url_host('http://[fe80::1%25eth0]/'), url_zoneid('http://[fe80::1%25eth0]/'), url_zoneid('http://[fe80::1%eth0]/'), url('http://[fe80::1%25eth0]:8080/x'), url_host('http://[1:0:0:2:0:0:0:3]/');
select url_path('http://a/b/c/./../../g'), url_path('http://a/b/c/../../../../g'), url_path('http://a/./'), url_path('http://a/.'), url_path('http://a/..'), url_path('http://a/b/..'), url_path('http://a/b/../'), url_path('http://a/b/.%2e/c'), url_path('http://a/b/c/.');
select url_user('http://@a'), quote(url_password('http://u@a')), url_password('http://u:@a'), quote(url_options('http://u;o@a')), url_user('http://u;o@a'), url_options('imap://u;o:p@a'), url_password('imap://u;o:p@a'), quote(url_options('imap://u;@a')), url_user('http://u%20x@a');
select url_query('http://a/?x=1?y#z?'), url_fragment('http://a/#x#y'), url_path('http://a/p?q#f'), url_query('http://a#f?q'), url_host('http://a?b'), url_host('http://a#b'), url_path('http://a?b');
select url_path(NULL), quote(url_scheme(NULL)), quote(url_host('not a url')), url_path('file:///x/../y'), quote(url_host('file:///x')), url_path('file://localhost/x'), url_path('file:/x');
-- url() builds URLs
select url('http://a.com/x?y#z', 'path', NULL), url('http://a.com/x?y#z', 'query', NULL, 'fragment', NULL), url('http://a.com', 'query', ''), url('http://a.com', 'fragment', ''), url('http://a.com', 'path', 'a b/../c');
select url('http://a.com', 'user', 'u', 'password', 'p'), url('http://a.com', 'password', 'p'), url('http://a.com', 'options', 'o'), url('imap://a.com', 'options', 'o'), url('foo://a.com', 'options', 'o'), url('http://a.com', 'HOST', 'b.org', 'Scheme', 'ftp');
select url('http://a.com', 'path', '%2F%Ab%ab'), url('http://a.com', 'host', 'x%41'), url('http://a.com', 'host', '[::1]'), url('http://a.com', 'host', '[fe80::1%25eth1]'), url('http://[::1]', 'zoneid', 'z'), url('http://a.com', 'zoneid', 'z');
select url('http://a.com', 'scheme', 'a b'), url(NULL, 'scheme', 'http', 'host', 'h'), url('file:///x', 'fragment', 'f'), url('file:///x', 'query', 'q'), url('http://a.com:8080/x');
select url('http://a.com', 'scheme', '12345678901234567890123456789012345678901');
select url('');
select url('', 'scheme', 'http');
select url('', 'host', 'a.com');
select url('file:///x', 'path', NULL);
select url('not a url');
select url('http://a.com', 'host', 'a b');
select url('http://a.com', 'host', '');
select url('http://a.com', 'host', 'a/b');
select url('http://a.com', 'port', '80');
select url('http://a.com', NULL, 'x');
select url('http://a.com', 'path');
select url();
-- escaping
select url_escape(''), url_escape('AZaz09-._~'), url_escape('é/ ?'), url_escape(12.5), hex(url_escape('a' || char(0) || 'b')), hex(url_escape(x'00ff'));
select url_unescape('%41%4a%4A%zz%4'), url_unescape('a+b'), hex(url_unescape('%00%ff')), url_unescape(''), url_unescape('%');
select url_querystring('a');
-- url_query_each(query)
select rowid, * from url_query_each('a=b&c=d');
select rowid, name, value, raw_sequence, query from url_query_each('name+space=value+space&x=a+b');
select rowid, name, value from url_query_each('&&a=b&&=&===&&');
select rowid, name, value from url_query_each('name%20space=value%2Bplus&%E2%9C%93=%zz');
select rowid, name, value from url_query_each('a');
select rowid, name, value from url_query_each('x=1&a');
select rowid, name, quote(value) from url_query_each('a=&b=c');
select rowid, name from url_query_each('a&b=c');
select count(*) from url_query_each('');
select count(*) from url_query_each(NULL);
select name, value from url_query_each(url_query('https://www.google.com/search?q=memes&rlz=1C5CHFA_enUS915US915&oq=memes&sourceid=chrome&ie=UTF-8'));
select name from url_query_each where query = 'k=v';
select * from url_query_each;
select * from url_query_each where query > 'a';
