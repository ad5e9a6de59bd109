-- exit: 1
.load dist/extensions/regex.wasm --pin regexp
-- Every function and table of regex, as sqlite-regex v0.2.4-alpha.1
-- (built from commit 5fe28e3, loaded into Debian's sqlite3 3.40.1)
-- answers: components/extensions/regex/testdata/reference.sql, made by
-- gen.sh there. tests/shell/regex.sql is the same run through sqlink,
-- whose errors from an extension read "regex: " after "error near line
-- N: "; the last section shows where the two differ.
select regex_version(), substr(regex_debug(), 1, instr(regex_debug(), char(10)) - 1);
-- => v0.2.4-alpha.1|Version: v0.2.4-alpha.1
--
-- regexp(pattern, text) and text REGEXP pattern
select regexp('[abc]', 'a'), regexp('[abc]', 'x'), 'a' regexp '[abc]', 'x' regexp '[abc]';
-- => 1|0|1|0
select regexp('^\d{4}-\d{2}-\d{2}$', '2022-01-01'), regexp('^\d{4}-\d{2}-\d{2}$', '2022-01-011');
-- => 1|0
select regexp('(?i)STRASSE', 'straße'), regexp('(?i)straße', 'STRASSE'), regexp('^\w+$', 'naïve'), regexp('(?-u)^\w+$', 'naïve');
-- => 0|0|1|0
select regexp('^.$', 'é'), regexp('^\p{Greek}+$', 'αβγ'), regexp('x*', ''), regexp('', 'abc');
-- => 1|1|1|1
select regexp(1, 12), regexp(2.5, 'x2.5'), regexp('b', x'616263'), regexp(x'62', 'abc');
-- => 1|1|1|1
select regexp('c', 'ab' || char(0) || 'c'), regexp('^ab$', 'ab' || char(0) || 'c');
-- => 0|1
create table t(s);
insert into t values ('apple'), ('banana'), ('cherry'), ('date'), ('elderberry');
select group_concat(s, ',') from t where s regexp 'an|rr';
-- => banana,cherry,elderberry
select s, regexp(substr(s, 1, 1) || '.*' || substr(s, -1), s) from t;
-- => apple|1
-- => banana|1
-- => cherry|1
-- => date|1
-- => elderberry|1
create table g(s, m as (s regexp '^[a-c]'));
insert into g(s) values ('apple'), ('date');
select s, m from g;
-- => apple|1
-- => date|0
select regexp(NULL, 'a');
-- !! Runtime error near line 40: Unexpected null value
select regexp('a', NULL);
-- !! Runtime error near line 42: Unexpected null value
select NULL regexp 'a';
-- !! Runtime error near line 44: Unexpected null value
select regexp('[abc', 'a');
-- !! Runtime error near line 46: pattern not valid regex
select regexp('a', cast(x'ff' as text));
-- !! Runtime error near line 48: utf8 err
select regexp(cast(x'ff' as text), 'a');
-- !! Runtime error near line 50: utf8 err
--
-- regex(pattern), regex_print(regex)
select regex_print(regex('[abc]')), regex_print(regex('^\d{4}-\d{2}-\d{2}$')), regex_print('a+b');
-- => [abc]|^\d{4}-\d{2}-\d{2}$|a+b
select regex('[abc');
-- !! Runtime error near line 56: Error parsing pattern as regex: regex parse error:
-- !!     [abc
-- !!     ^
-- !! error: unclosed character class
select regex(NULL);
-- !! Runtime error near line 61: Unexpected null value
select regex_print('[abc');
-- !! Runtime error near line 63: Error parsing regex: regex parse error:
-- !!     [abc
-- !!     ^
-- !! error: unclosed character class
select regex_print(NULL);
-- !! Runtime error near line 68: Unexpected null value
select regexp(regex('[abc]'), 'b'), regex_find(regex('\d+'), 'a123b');
-- => 1|123
--
-- regex_valid(pattern)
select regex_valid('abc'), regex_valid('[abc]'), regex_valid('[abc'), regex_valid(''), regex_valid('no('), regex_valid('[0-9]{3}-[0-9]{3}-[0-9]{4}');
-- => 1|1|0|1|0|1
select regex_valid('a{1000000}'), regex_valid('(?P<n>a)(?P<n>b)'), regex_valid('\'), regex_valid(12);
-- => 0|0|0|1
select regex_valid(NULL);
-- !! Runtime error near line 78: Unexpected null value
--
-- regex_find(pattern, text)
select regex_find('[0-9]{3}-[0-9]{3}-[0-9]{4}', 'phone: 111-222-3333');
-- => 111-222-3333
select quote(regex_find('[0-9]{3}-[0-9]{3}-[0-9]{4}', 'phone: 111-222-333')), quote(regex_find('x*', 'abc')), regex_find('\w+', '¡héllo wörld!');
-- => NULL|''|héllo
select regex_find('[invalidregex', 'abc');
-- !! Runtime error near line 86: pattern not valid regex
select regex_find('a', NULL);
-- !! Runtime error near line 88: Unexpected null value
select regex_find(NULL, 'a');
-- !! Runtime error near line 90: Unexpected null value
--
-- regex_find_at(pattern, text, offset)
select regex_find_at('[0-9]{3}-[0-9]{3}-[0-9]{4}', 'phone: 111-222-3333', 0), quote(regex_find_at('\d', 'abc', 0));
-- => 111-222-3333|NULL
select regex_find_at('[invalidregex', 'abc', 0);
-- !! Runtime error near line 96: pattern not valid regex
select regex_find_at('a', NULL, 0);
-- !! Runtime error near line 98: Unexpected null value
--
-- regex_capture(pattern, text, group)
select regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 0);
-- => 'Citizen Kane' (1941)
select regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 1);
-- => Citizen Kane
select regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 2);
-- => 1941
select quote(regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 3));
-- => NULL
select regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 'title'), regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 'year');
-- => Citizen Kane|1941
select quote(regex_capture('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)', 'Not my favorite movie: ''Citizen Kane'' (1941).', 'not_exist'));
-- => NULL
select quote(regex_capture('(a)(b)', 'ab', 1.1)), quote(regex_capture('(a)(b)', 'ab', NULL)), quote(regex_capture('(a)(b)', 'ab', -1)), quote(regex_capture('(a)(b)', 'ab', '1')), regex_capture('(a)(b)', 'ab', 2.0);
-- => NULL|NULL|NULL|NULL|
select quote(regex_capture('(a)(x)?', 'a', 2)), quote(regex_capture('(a)', 'b', 0)), regex_capture('(?P<w>\w+)', 'hi there', 'w'), quote(regex_capture('(a)', 'b', cast(x'ff' as text)));
-- => NULL|NULL|hi|NULL
select regex_capture('(', 'a', 0);
-- !! Runtime error near line 118: pattern not valid regex
select regex_capture('(a)', NULL, 0);
-- !! Runtime error near line 120: Unexpected null value
select regex_capture('(a)', 'a', cast(x'ff' as text));
-- !! Runtime error near line 122: utf8 err
--
-- regex_replace(pattern, text, replacement), regex_replace_all
select regex_replace('[^01]+', '1078910', ''), regex_replace('(?P<last>[^,\s]+),\s+(?P<first>\S+)', 'Springsteen, Bruce', '$first $last');
-- => 1010|Bruce Springsteen
select regex_replace('(?P<first>\w+)\s+(?P<second>\w+)', 'deep fried', '${first}_$second'), regex_replace('a', 'abc abc', ''), regex_replace('x', 'abc', 'y');
-- => deep_fried|bc abc|abc
select regex_replace('(\d+)', 'a12b', '[$1$$]'), regex_replace('(\d+)', 'a12b', '$2|$x|${1}0'), regex_replace('', 'abc', '-');
-- => a[12$]b|a||120b|-abc
select regex_replace_all('dog', 'cat dog mouse dog', 'monkey'), regex_replace_all('a', 'abc abc', ''), regex_replace_all('', 'abc', '-');
-- => cat monkey mouse monkey|bc bc|-a-b-c-
select regex_replace_all('(\w)(\w*)', 'hello big world', '$2$1'), regex_replace_all('é', 'éaé', 'e');
-- => elloh igb orldw|eae
select regex_replace('a', 'a', NULL);
-- !! Runtime error near line 136: Unexpected null value
select regex_replace_all(NULL, 'a', 'b');
-- !! Runtime error near line 138: Unexpected null value
select regex_replace_all('(', 'a', 'b');
-- !! Runtime error near line 140: pattern not valid regex
--
-- regex_find_all(pattern, contents): start, end, match
select rowid, * from regex_find_all(regex('\b\w{13}\b'), 'Retroactively relinquishing remunerations is reprehensible.');
-- => 0|0|13|Retroactively
-- => 1|14|27|relinquishing
-- => 2|28|41|remunerations
-- => 3|45|58|reprehensible
select rowid, *, quote(pattern), quote(contents) from regex_find_all('\d+', 'a1b22c333');
-- => 0|1|2|1|NULL|NULL
-- => 1|3|5|22|NULL|NULL
-- => 2|6|9|333|NULL|NULL
select rowid, start, end, match from regex_find_all('é+', 'aébéé');
-- => 0|1|3|é
-- => 1|4|8|éé
select rowid, start, end, quote(match) from regex_find_all('x*', 'ab');
-- => 0|0|0|''
-- => 1|1|1|''
-- => 2|2|2|''
select count(*) from regex_find_all('z', 'abc');
-- => 0
with inputs as (select value as text from json_each('["Retroactively relinquishing remunerations is reprehensible.", "embezzlements objectivizing"]'))
select matches.rowid, matches.* from inputs join regex_find_all(regex('\b\w{13}\b'), inputs.text) as matches;
-- => 0|0|13|Retroactively
-- => 1|14|27|relinquishing
-- => 2|28|41|remunerations
-- => 3|45|58|reprehensible
-- => 0|0|13|embezzlements
-- => 1|14|27|objectivizing
select t.s, m.match from t join regex_find_all('[aeiou]{2}|rr', t.s) as m;
-- => cherry|rr
-- => elderberry|rr
explain query plan select * from regex_find_all('a', 'b');
-- => QUERY PLAN
-- => `--SCAN regex_find_all VIRTUAL TABLE INDEX 2:
select * from regex_find_all('a');
-- !! Parse error near line 176: SQL logic error
select * from regex_find_all('[', 'a');
-- !! Runtime error near line 178: Error parsing regex: regex parse error:
-- !!     [
-- !!     ^
-- !! error: unclosed character class
select * from regex_find_all(NULL, 'a');
-- !! Runtime error near line 183: Unexpected null value
select * from regex_find_all('a', NULL);
-- !! Runtime error near line 185: Unexpected null value
select * from regex_find_all where pattern = 'a' and contents > 'a';
-- !! Parse error near line 187: no query solution
--
-- regex_captures(pattern, contents) and regex_capture(captures, group)
select rowid, regex_capture(captures, 0) as "0", regex_capture(captures, 1) as "1", regex_capture(captures, 2) as "2", quote(regex_capture(captures, 3)) as "3" from regex_captures(regex('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)'), '''Citizen Kane'' (1941), ''The Wizard of Oz'' (1939), ''M'' (1931).');
-- => 0|'Citizen Kane' (1941)|Citizen Kane|1941|NULL
-- => 1|'The Wizard of Oz' (1939)|The Wizard of Oz|1939|NULL
-- => 2|'M' (1931)|M|1931|NULL
select rowid, regex_capture(captures, 'title') as title, regex_capture(captures, 'year') as year, quote(regex_capture(captures, 'not_exist')) as not_exist from regex_captures(regex('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)'), '''Citizen Kane'' (1941), ''The Wizard of Oz'' (1939), ''M'' (1931).');
-- => 0|Citizen Kane|1941|NULL
-- => 1|The Wizard of Oz|1939|NULL
-- => 2|M|1931|NULL
create table comments as select key as rowid, value as comment from json_each('["''Citizen Kane'' (1941), ''The Wizard of Oz'' (1939), ''M'' (1931)", "''Moonlight'' (2016), ''Arrival'' (2016)", "''Parasite'' (2020), ''Joker'' (2019), and ''Marriage Story'' (2019)."]');
select comments.rowid as comment, captures.rowid as capture_idx, regex_capture(captures, 'title') as title, regex_capture(captures, 'year') as year from comments join regex_captures(regex('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)'), comments.comment) as captures;
-- => 0|0|Citizen Kane|1941
-- => 0|1|The Wizard of Oz|1939
-- => 0|2|M|1931
-- => 1|0|Moonlight|2016
-- => 1|1|Arrival|2016
-- => 2|0|Parasite|2020
-- => 2|1|Joker|2019
-- => 2|2|Marriage Story|2019
select comments.rowid, captures.rowid, captures ->> 'title', captures ->> 'year' from comments join regex_captures(regex('''(?P<title>[^'']+)''\s+\((?P<year>\d{4})\)'), comments.comment) as captures;
-- => 0|0|Citizen Kane|1941
-- => 0|1|The Wizard of Oz|1939
-- => 0|2|M|1931
-- => 1|0|Moonlight|2016
-- => 1|1|Arrival|2016
-- => 2|0|Parasite|2020
-- => 2|1|Joker|2019
-- => 2|2|Marriage Story|2019
select rowid, quote(regex_capture(captures, 1)), regex_capture(captures, 2), quote(regex_capture(captures, -1)), quote(regex_capture(captures, '1')) from regex_captures('(x)?(\d)', 'a1x2');
-- => 0|NULL|1|NULL|NULL
-- => 1|'x'|2|NULL|NULL
select count(*) from regex_captures('(a)', 'bbb');
-- => 0
select regex_capture('abc', 0);
-- !! Runtime error near line 223: value is not a regex captures object
select regex_capture(NULL, 'title');
-- !! Runtime error near line 225: value is not a regex captures object
select * from regex_captures('(', 'a');
-- !! Runtime error near line 227: Error parsing regex: regex parse error:
-- !!     (
-- !!     ^
-- !! error: unclosed group
--
-- regex_split(pattern, contents): item
select rowid, * from regex_split(regex('[ \t]+'), 'a b ' || char(9) || '  c' || char(9) || 'd    e');
-- => 0|a
-- => 1|b
-- => 2|c
-- => 3|d
-- => 4|e
select rowid, quote(item), quote(pattern), contents from regex_split(',', 'a,,b,');
-- => 0|'a'|NULL|a,,b,
-- => 1|''|NULL|a,,b,
-- => 2|'b'|NULL|a,,b,
-- => 3|''|NULL|a,,b,
select rowid, quote(item) from regex_split('', 'abc');
-- => 0|''
-- => 1|'a'
-- => 2|'b'
-- => 3|'c'
-- => 4|''
select rowid, quote(item) from regex_split('x', '');
-- => 0|''
select t.s, group_concat(p.item, '|') from t join regex_split('[aeiou]', t.s) as p group by t.s order by t.s;
-- => apple||ppl|
-- => banana|b|n|n|
-- => cherry|ch|rry
-- => date|d|t|
-- => elderberry||ld|rb|rry
select * from regex_split('(', 'a');
-- !! Runtime error near line 259: Error parsing regex: regex parse error:
-- !!     (
-- !!     ^
-- !! error: unclosed group
select * from regex_split(',', NULL);
-- !! Runtime error near line 264: Unexpected null value
--
-- regexset(pattern, ...), regexset_print, regexset_is_match, regexset_matches
select regexset_print(regexset('abc', 'xyz')), regexset_print(regexset('a', 'b', 'c')), regexset_print(regexset()), regexset_print(regexset('"', '\d'));
-- => ["abc","xyz"]|["a","b","c"]|[]|["\"","\\d"]
select json_array_length(regexset_print(regexset('a', 'b'))), regexset_print(regexset('a', 'b')) -> 1;
-- => 2|"b"
select regexset_is_match(regexset('bar', 'foo', 'barfoo'), 'foobar'), regexset_is_match(regexset('bar', 'foo', 'barfoo'), 'xxx');
-- => 1|0
select regexset_is_match(regexset('a'), 'bbb'), regexset_is_match(regexset('a', 'b'), 'ccc'), regexset_is_match(regexset('a', 'b'), 'ccca'), regexset_is_match(regexset('a', 'b'), 'cccb'), regexset_is_match(regexset(), 'x');
-- => 0|0|1|1|0
select key, pattern from regexset_matches(regexset('\w+', '\d+', '\pL+', 'foo', 'bar', 'barfoo', 'foobar'), 'foobar');
-- => 0|\w+
-- => 2|\pL+
-- => 3|foo
-- => 4|bar
-- => 6|foobar
select rowid, * from regexset_matches(regexset('x', 'y', 'z', 'a', 'b'), 'cab');
-- => 0|3|a
-- => 1|4|b
select rowid, key, pattern, regexset, quote(contents) from regexset_matches(regexset('a', 'b'), 'b');
-- => 0|1|b|["a","b"]|NULL
select count(*) from regexset_matches(regexset('a', 'b'), 'c');
-- => 0
select regexset('[abc');
-- !! Runtime error near line 289: Error parsing pattern as regex: regex parse error:
-- !!     [abc
-- !!     ^
-- !! error: unclosed character class
select regexset('a', NULL);
-- !! Runtime error near line 294: Unexpected null value
select regexset_is_match(regexset('a'), NULL);
-- !! Runtime error near line 296: Unexpected null value
select * from regexset_matches(regexset('a'), NULL);
-- !! Runtime error near line 298: Unexpected null value
--
-- Where sqlink differs from sqlite-regex: its regex(), regexset() and
-- captures values are SQLite pointers that read as NULL; here they are the
-- pattern, the JSON array of the patterns and a JSON object of the groups.
select quote(regex('[abc]')), typeof(regex('[abc]'));
-- => '[abc]'|text
select quote(regexset('bar', 'foo')), typeof(regexset('bar', 'foo'));
-- => '["bar","foo"]'|text
select rowid, quote(captures) from regex_captures('(?P<w>[a-z])(\d)?', 'a1b');
-- => 0|'{"0":"a1","1":"a","2":"1","w":"a"}'
-- => 1|'{"0":"b","1":"b","2":null,"w":"b"}'
-- sqlite-regex reads the offset of regex_find_at from its text argument.
select quote(regex_find_at('\d+', 'a1b22', 3)), quote(regex_find_at('\d+', 'a1b22', 5)), quote(regex_find_at('\d+', 'a1b22', -1)), quote(regex_find_at('^\d', 'a1', 1)), quote(regex_find_at('\b\d', 'a1 2', 1));
-- => '22'|NULL|NULL|NULL|'2'
-- regex 1.13 accepts (?<name>...) groups; sqlite-regex's regex 1.6 did not.
select regex_capture('(?<w>\w+)', 'hi there', 'w'), regex_valid('\<a\b{end}');
-- => hi|1
-- A value that is not one of the objects.
select regexset_print('["a"]'), regexset_is_match('["a","b"]', 'b');
-- => ["a"]|1
select regexset_is_match('a', 'a');
-- !! Runtime error near line 320: value is not a regexset object
select regexset_print(regex('a'));
-- !! Runtime error near line 322: value is not a regexset object
select * from regexset_matches('a', 'a');
-- !! Runtime error near line 324: value is not a regexset object
