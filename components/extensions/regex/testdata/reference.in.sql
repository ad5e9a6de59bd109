-- exit: 1
.load dist/extensions/regex.wasm
-- Every function and table of regex, as sqlite-regex v0.2.4-alpha.1
-- (built from commit 5fe28e3, loaded into Debian's sqlite3 3.40.1)
-- answers: components/extensions/regex/testdata/reference.sql, made by
-- gen.sh there. tests/shell/regex.sql is the same run through sqlink,
-- whose errors from an extension read "regex: " after "error near line
-- N: "; the last section shows where the two differ.
select regex_version(), substr(regex_debug(), 1, instr(regex_debug(), char(10)) - 1);
-- @
--
-- regexp(pattern, text) and text REGEXP pattern
select regexp('[abc]', 'a'), regexp('[abc]', 'x'), 'a' regexp '[abc]', 'x' regexp '[abc]';
-- @
select regexp('^\d{4}-\d{2}-\d{2}$', '2022-01-01'), regexp('^\d{4}-\d{2}-\d{2}$', '2022-01-011');
-- @
select regexp('(?i)STRASSE', 'straße'), regexp('(?i)straße', 'STRASSE'), regexp('^\w+$', 'naïve'), regexp('(?-u)^\w+$', 'naïve');
-- @
select regexp('^.$', 'é'), regexp('^\p{Greek}+$', 'αβγ'), regexp('x*', ''), regexp('', 'abc');
-- @
select regexp(1, 12), regexp(2.5, 'x2.5'), regexp('b', x'616263'), regexp(x'62', 'abc');
-- @
select regexp('c', 'ab' || char(0) || 'c'), regexp('^ab$', 'ab' || char(0) || 'c');
-- @
create table t(s);
insert into t values ('apple'), ('banana'), ('cherry'), ('date'), ('elderberry');
select group_concat(s, ',') from t where s regexp 'an|rr';
-- @
select s, regexp(substr(s, 1, 1) || '.*' || substr(s, -1), s) from t;
-- @
create table g(s, m as (s regexp '^[a-c]'));
insert into g(s) values ('apple'), ('date');
select s, m from g;
-- @
select regexp(NULL, 'a');
-- @
select regexp('a', NULL);
-- @
select NULL regexp 'a';
-- @
select regexp('[abc', 'a');
-- @
select regexp('a', cast(x'ff' as text));
-- @
select regexp(cast(x'ff' as text), 'a');
-- @
--
-- regex(pattern), regex_print(regex)
select regex_print(regex('[abc]')), regex_print(regex('^\d{4}-\d{2}-\d{2}$')), regex_print('a+b');
-- @
select regex('[abc');
-- @
select regex(NULL);
-- @
select regex_print('[abc');
-- @
select regex_print(NULL);
-- @
select regexp(regex('[abc]'), 'b'), regex_find(regex('\d+'), 'a123b');
-- @
--
-- regex_valid(pattern)
select regex_valid('abc'), regex_valid('[abc]'), regex_valid('[abc'), regex_valid(''), regex_valid('no('), regex_valid('[0-9]{3}-[0-9]{3}-[0-9]{4}');
-- @
select regex_valid('a{1000000}'), regex_valid('(?P<n>a)(?P<n>b)'), regex_valid('\'), regex_valid(12);
-- @
select regex_valid(NULL);
-- @
--
-- regex_find(pattern, text)
select regex_find('[0-9]{3}-[0-9]{3}-[0-9]{4}', 'phone: 111-222-3333');
-- @
select quote(regex_find('[0-9]{3}-[0-9]{3}-[0-9]{4}', 'phone: 111-222-333')), quote(regex_find('x*', 'abc')), regex_find('\w+', '¡héllo wörld!');
-- @
select regex_find('[invalidregex', 'abc');
-- @
select regex_find('a', NULL);
-- @
select regex_find(NULL, 'a');
-- @
--
-- regex_find_at(pattern, text, offset)
select regex_find_at('[0-9]{3}-[0-9]{3}-[0-9]{4}', 'phone: 111-222-3333', 0), quote(regex_find_at('\d', 'abc', 0));
-- @
select regex_find_at('[invalidregex', 'abc', 0);
-- @
select regex_find_at('a', NULL, 0);
-- @
--
-- regex_capture(pattern, text, group)
select regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 0);
-- @
select regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 1);
-- @
select regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 2);
-- @
select quote(regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 3));
-- @
select regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 'title'), regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 'year');
-- @
select quote(regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 'not_exist'));
-- @
select quote(regex_capture('(a)(b)', 'ab', 1.1)), quote(regex_capture('(a)(b)', 'ab', NULL)), quote(regex_capture('(a)(b)', 'ab', -1)), quote(regex_capture('(a)(b)', 'ab', '1')), regex_capture('(a)(b)', 'ab', 2.0);
-- @
select quote(regex_capture('(a)(x)?', 'a', 2)), quote(regex_capture('(a)', 'b', 0)), regex_capture('(?P<w>\w+)', 'hi there', 'w'), quote(regex_capture('(a)', 'b', cast(x'ff' as text)));
-- @
select regex_capture('(', 'a', 0);
-- @
select regex_capture('(a)', NULL, 0);
-- @
select regex_capture('(a)', 'a', cast(x'ff' as text));
-- @
--
-- regex_replace(pattern, text, replacement), regex_replace_all
select regex_replace('[^01]+', '1078910', ''), regex_replace('(?P<last>[^,\s]+),\s+(?P<first>\S+)', 'Springsteen, Bruce', '$first $last');
-- @
select regex_replace('(?P<first>\w+)\s+(?P<second>\w+)', 'deep fried', '${first}_$second'), regex_replace('a', 'abc abc', ''), regex_replace('x', 'abc', 'y');
-- @
select regex_replace('(\d+)', 'a12b', '[$1$$]'), regex_replace('(\d+)', 'a12b', '$2|$x|${1}0'), regex_replace('', 'abc', '-');
-- @
select regex_replace_all('dog', 'cat dog mouse dog', 'monkey'), regex_replace_all('a', 'abc abc', ''), regex_replace_all('', 'abc', '-');
-- @
select regex_replace_all('(\w)(\w*)', 'hello big world', '$2$1'), regex_replace_all('é', 'éaé', 'e');
-- @
select regex_replace('a', 'a', NULL);
-- @
select regex_replace_all(NULL, 'a', 'b');
-- @
select regex_replace_all('(', 'a', 'b');
-- @
--
-- regex_find_all(pattern, contents): start, end, match
select rowid, * from regex_find_all(regex('\b\w{13}\b'), 'Retroactively relinquishing remunerations is reprehensible.');
-- @
select rowid, *, quote(pattern), quote(contents) from regex_find_all('\d+', 'a1b22c333');
-- @
select rowid, start, end, match from regex_find_all('é+', 'aébéé');
-- @
select rowid, start, end, quote(match) from regex_find_all('x*', 'ab');
-- @
select count(*) from regex_find_all('z', 'abc');
-- @
with inputs as (select value as text from json_each('["Retroactively relinquishing remunerations is reprehensible.", "embezzlements objectivizing"]'))
select matches.rowid, matches.* from inputs join regex_find_all(regex('\b\w{13}\b'), inputs.text) as matches;
-- @
select t.s, m.match from t join regex_find_all('[aeiou]{2}|rr', t.s) as m;
-- @
explain query plan select * from regex_find_all('a', 'b');
-- @
select * from regex_find_all('a');
-- @
select * from regex_find_all('[', 'a');
-- @
select * from regex_find_all(NULL, 'a');
-- @
select * from regex_find_all('a', NULL);
-- @
select * from regex_find_all where pattern = 'a' and contents > 'a';
-- @
--
-- regex_captures(pattern, contents) and regex_capture(captures, group)
select rowid, regex_capture(captures, 0) as "0", regex_capture(captures, 1) as "1", regex_capture(captures, 2) as "2", quote(regex_capture(captures, 3)) as "3" from regex_captures(regex('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)'), '''Citizen Kane'' (1941), ''The Wizard of Oz'' (1939), ''M'' (1931).');
-- @
select rowid, regex_capture(captures, 'title') as title, regex_capture(captures, 'year') as year, quote(regex_capture(captures, 'not_exist')) as not_exist from regex_captures(regex('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)'), '''Citizen Kane'' (1941), ''The Wizard of Oz'' (1939), ''M'' (1931).');
-- @
create table comments as select key as rowid, value as comment from json_each('["''Citizen Kane'' (1941), ''The Wizard of Oz'' (1939), ''M'' (1931)", "''Moonlight'' (2016), ''Arrival'' (2016)", "''Parasite'' (2020), ''Joker'' (2019), and ''Marriage Story'' (2019)."]');
select comments.rowid as comment, captures.rowid as capture_idx, regex_capture(captures, 'title') as title, regex_capture(captures, 'year') as year from comments join regex_captures(regex('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)'), comments.comment) as captures;
-- @
select comments.rowid, captures.rowid, captures ->> 'title', captures ->> 'year' from comments join regex_captures(regex('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)'), comments.comment) as captures;
-- @
select rowid, quote(regex_capture(captures, 1)), regex_capture(captures, 2), quote(regex_capture(captures, -1)), quote(regex_capture(captures, '1')) from regex_captures('(x)?(\d)', 'a1x2');
-- @
select count(*) from regex_captures('(a)', 'bbb');
-- @
select regex_capture('abc', 0);
-- @
select regex_capture(NULL, 'title');
-- @
select * from regex_captures('(', 'a');
-- @
--
-- regex_split(pattern, contents): item
select rowid, * from regex_split(regex('[ \t]+'), 'a b ' || char(9) || '  c' || char(9) || 'd    e');
-- @
select rowid, quote(item), quote(pattern), contents from regex_split(',', 'a,,b,');
-- @
select rowid, quote(item) from regex_split('', 'abc');
-- @
select rowid, quote(item) from regex_split('x', '');
-- @
select t.s, group_concat(p.item, '|') from t join regex_split('[aeiou]', t.s) as p group by t.s order by t.s;
-- @
select * from regex_split('(', 'a');
-- @
select * from regex_split(',', NULL);
-- @
--
-- regexset(pattern, ...), regexset_print, regexset_is_match, regexset_matches
select regexset_print(regexset('abc', 'xyz')), regexset_print(regexset('a', 'b', 'c')), regexset_print(regexset()), regexset_print(regexset('"', '\d'));
-- @
select json_array_length(regexset_print(regexset('a', 'b'))), regexset_print(regexset('a', 'b')) -> 1;
-- @
select regexset_is_match(regexset('bar', 'foo', 'barfoo'), 'foobar'), regexset_is_match(regexset('bar', 'foo', 'barfoo'), 'xxx');
-- @
select regexset_is_match(regexset('a'), 'bbb'), regexset_is_match(regexset('a', 'b'), 'ccc'), regexset_is_match(regexset('a', 'b'), 'ccca'), regexset_is_match(regexset('a', 'b'), 'cccb'), regexset_is_match(regexset(), 'x');
-- @
select key, pattern from regexset_matches(regexset('\w+', '\d+', '\pL+', 'foo', 'bar', 'barfoo', 'foobar'), 'foobar');
-- @
select rowid, * from regexset_matches(regexset('x', 'y', 'z', 'a', 'b'), 'cab');
-- @
select rowid, key, pattern, regexset, quote(contents) from regexset_matches(regexset('a', 'b'), 'b');
-- @
select count(*) from regexset_matches(regexset('a', 'b'), 'c');
-- @
select regexset('[abc');
-- @
select regexset('a', NULL);
-- @
select regexset_is_match(regexset('a'), NULL);
-- @
select * from regexset_matches(regexset('a'), NULL);
-- @
--
-- Where sqlink differs from sqlite-regex: its regex(), regexset() and
-- captures values are SQLite pointers that read as NULL; here they are the
-- pattern, the JSON array of the patterns and a JSON object of the groups.
select quote(regex('[abc]')), typeof(regex('[abc]'));
-- @
select quote(regexset('bar', 'foo')), typeof(regexset('bar', 'foo'));
-- @
select rowid, quote(captures) from regex_captures('(?P<w>[a-z])(\d)?', 'a1b');
-- @
-- sqlite-regex reads the offset of regex_find_at from its text argument.
select quote(regex_find_at('\d+', 'a1b22', 3)), quote(regex_find_at('\d+', 'a1b22', 5)), quote(regex_find_at('\d+', 'a1b22', -1)), quote(regex_find_at('^\d', 'a1', 1)), quote(regex_find_at('\b\d', 'a1 2', 1));
-- @
-- regex 1.13 accepts (?<name>...) groups; sqlite-regex's regex 1.6 did not.
select regex_capture('(?<w>\w+)', 'hi there', 'w'), regex_valid('\<a\b{end}');
-- @
-- A value that is not one of the objects.
select regexset_print('["a"]'), regexset_is_match('["a","b"]', 'b');
-- @
select regexset_is_match('a', 'a');
-- @
select regexset_print(regex('a'));
-- @
select * from regexset_matches('a', 'a');
-- @
