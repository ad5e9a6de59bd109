-- exit: 1
-- Extensions written for sqlite3_load_extension, compiled unchanged with
-- the sqlite3ext.h compatibility layer, through libsqlink_loader in Debian's
-- stock sqlite3 3.40: sqlean's math (values as sqlite3's own functions give
-- them), crypto (as Python's hashlib), stats (sqlean.py's README example,
-- with sqlite3's generate_series), fuzzy, regexp, ipaddr, uuid, text and unicode (sqlean's
-- docs; the same sources compiled natively give the same), and the layer's
-- fixtures (make c-sqlean c-examples); sqlean's define module fails to
-- load, naming the function its init calls (sqlite3_exec).
.load dist/lib/libsqlink_loader
select sqlink_load('dist/extensions/math.wasm');
-- => loaded math 0.27.4: 60 functions (prefix math__; memory 256 MiB, timeout 5000 ms)
-- => warning: acos(1) already exists in SQLite: call math__acos instead, or load with sqlink_load(path, grants, 'pin=acos') to take the bare name
-- => warning: acosh(1) already exists in SQLite: call math__acosh instead, or load with sqlink_load(path, grants, 'pin=acosh') to take the bare name
-- => warning: asin(1) already exists in SQLite: call math__asin instead, or load with sqlink_load(path, grants, 'pin=asin') to take the bare name
-- => warning: asinh(1) already exists in SQLite: call math__asinh instead, or load with sqlink_load(path, grants, 'pin=asinh') to take the bare name
-- => warning: atan(1) already exists in SQLite: call math__atan instead, or load with sqlink_load(path, grants, 'pin=atan') to take the bare name
-- => warning: atan2(2) already exists in SQLite: call math__atan2 instead, or load with sqlink_load(path, grants, 'pin=atan2') to take the bare name
-- => warning: atanh(1) already exists in SQLite: call math__atanh instead, or load with sqlink_load(path, grants, 'pin=atanh') to take the bare name
-- => warning: ceil(1) already exists in SQLite: call math__ceil instead, or load with sqlink_load(path, grants, 'pin=ceil') to take the bare name
-- => warning: ceiling(1) already exists in SQLite: call math__ceiling instead, or load with sqlink_load(path, grants, 'pin=ceiling') to take the bare name
-- => warning: cos(1) already exists in SQLite: call math__cos instead, or load with sqlink_load(path, grants, 'pin=cos') to take the bare name
-- => warning: cosh(1) already exists in SQLite: call math__cosh instead, or load with sqlink_load(path, grants, 'pin=cosh') to take the bare name
-- => warning: degrees(1) already exists in SQLite: call math__degrees instead, or load with sqlink_load(path, grants, 'pin=degrees') to take the bare name
-- => warning: exp(1) already exists in SQLite: call math__exp instead, or load with sqlink_load(path, grants, 'pin=exp') to take the bare name
-- => warning: floor(1) already exists in SQLite: call math__floor instead, or load with sqlink_load(path, grants, 'pin=floor') to take the bare name
-- => warning: ln(1) already exists in SQLite: call math__ln instead, or load with sqlink_load(path, grants, 'pin=ln') to take the bare name
-- => warning: log(1), log(2) already exist in SQLite: call math__log instead, or load with sqlink_load(path, grants, 'pin=log') to take the bare name
-- => warning: log10(1) already exists in SQLite: call math__log10 instead, or load with sqlink_load(path, grants, 'pin=log10') to take the bare name
-- => warning: log2(1) already exists in SQLite: call math__log2 instead, or load with sqlink_load(path, grants, 'pin=log2') to take the bare name
-- => warning: mod(2) already exists in SQLite: call math__mod instead, or load with sqlink_load(path, grants, 'pin=mod') to take the bare name
-- => warning: pi(0) already exists in SQLite: call math__pi instead, or load with sqlink_load(path, grants, 'pin=pi') to take the bare name
-- => warning: pow(2) already exists in SQLite: call math__pow instead, or load with sqlink_load(path, grants, 'pin=pow') to take the bare name
-- => warning: power(2) already exists in SQLite: call math__power instead, or load with sqlink_load(path, grants, 'pin=power') to take the bare name
-- => warning: radians(1) already exists in SQLite: call math__radians instead, or load with sqlink_load(path, grants, 'pin=radians') to take the bare name
-- => warning: sin(1) already exists in SQLite: call math__sin instead, or load with sqlink_load(path, grants, 'pin=sin') to take the bare name
-- => warning: sinh(1) already exists in SQLite: call math__sinh instead, or load with sqlink_load(path, grants, 'pin=sinh') to take the bare name
-- => warning: sqrt(1) already exists in SQLite: call math__sqrt instead, or load with sqlink_load(path, grants, 'pin=sqrt') to take the bare name
-- => warning: tan(1) already exists in SQLite: call math__tan instead, or load with sqlink_load(path, grants, 'pin=tan') to take the bare name
-- => warning: tanh(1) already exists in SQLite: call math__tanh instead, or load with sqlink_load(path, grants, 'pin=tanh') to take the bare name
-- => warning: trunc(1) already exists in SQLite: call math__trunc instead, or load with sqlink_load(path, grants, 'pin=trunc') to take the bare name
select math_round(2.675, 2), round(2.675, 2), math_round(-9.995, 2), math_ceil(-1.5), math_log(2, 64), math_sqrt(2), math_pi(), math_sqrt(-1) is null;
-- => 2.68|2.68|-10.0|-1.0|6.0|1.4142135623731|3.14159265358979|1
select sqlink_load('dist/extensions-c/sqlean-crypto.wasm');
-- => loaded sqlean_crypto 0.27.4: 16 functions (prefix sqlean_crypto__; memory 256 MiB, timeout 5000 ms)
select hex(sha256('abc')), hex(md5('')), encode('hello', 'base64'), cast(decode('NBSWY3DP', 'base32') as text);
-- => BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD|D41D8CD98F00B204E9800998ECF8427E|aGVsbG8=|hello
select sqlink_load('dist/extensions-c/sqlean-stats.wasm');
-- => loaded sqlean_stats 0.27.4: 26 aggregates, 2 virtual table modules (prefix sqlean_stats__; memory 256 MiB, timeout 5000 ms)
-- => warning: module generate_series already exists in SQLite: call sqlean_stats__generate_series instead, or load with sqlink_load(path, grants, 'pin=generate_series') to take the bare name
select median(value) from generate_series(1, 99);
-- => 50.0
select stddev(value), percentile(value, 25) from generate_series(1, 10);
-- => 3.02765035409749|3.25
select sqlink_load('dist/extensions-c/sqlean-fuzzy.wasm');
-- => loaded sqlean_fuzzy 0.27.4: 24 functions (prefix sqlean_fuzzy__; memory 256 MiB, timeout 5000 ms)
-- => warning: soundex(1) already exists in SQLite: call sqlean_fuzzy__soundex instead, or load with sqlink_load(path, grants, 'pin=soundex') to take the bare name
select levenshtein('kitten', 'sitting'), fuzzy_damlev('awesome', 'aewsme'), jaro_winkler('MARTHA', 'MARHTA'), fuzzy_soundex('awesome');
-- => 3|2|0.961111111111111|A250
select sqlink_load('dist/extensions/regexp.wasm');
-- => loaded regexp 0.27.4: 6 functions (prefix regexp__; memory 256 MiB, timeout 5000 ms)
-- => warning: regexp(2) already exists in SQLite: call regexp__regexp instead, or load with sqlink_load(path, grants, 'pin=regexp') to take the bare name
select regexp_substr('the year is 2021', '[0-9]+'), regexp_replace('the year is 2021', '([0-9]+)', '$1 or 2050'), count(*) from generate_series(1, 1000) where regexp_like(value, '^1+$');
-- => 2021|the year is 2021 or 2050|3
select sqlink_load('dist/extensions/ipaddr.wasm');
-- => loaded ipaddr 0.27.4: 5 functions (prefix ipaddr__; memory 256 MiB, timeout 5000 ms)
select ipnetwork('192.168.16.12/24'), ipcontains('192.168.16.0/24', '192.168.16.3'), iphost('2001:db8::123/64');
-- => 192.168.16.0/24|1|2001:db8::123
select sqlink_load('dist/extensions-c/sqlean-uuid.wasm');
-- => loaded sqlean_uuid 0.27.4: 7 functions (prefix sqlean_uuid__; memory 256 MiB, timeout 5000 ms)
select uuid_str('{d5a80b200d8f11e5b8cb080027b6ec40}'), length(uuid4()), substr(uuid7(), 15, 1), uuid7_timestamp_ms('018ff38a-a5c9-712d-bc80-0550b3ad41a2');
-- => d5a80b20-0d8f-11e5-b8cb-080027b6ec40|36|7|1717777901001
select sqlink_load('dist/extensions-c/sqlean-text.wasm');
-- => loaded sqlean_text 0.27.4: 52 functions, 1 collation (prefix sqlean_text__; memory 256 MiB, timeout 5000 ms)
-- => warning: ltrim(...) already exists in SQLite: call sqlean_text__ltrim instead, or load with sqlink_load(path, grants, 'pin=ltrim') to take the bare name
-- => warning: rtrim(...) already exists in SQLite: call sqlean_text__rtrim instead, or load with sqlink_load(path, grants, 'pin=rtrim') to take the bare name
select text_split('one|two|three', '|', 2), text_title('cómo estás'), 'cómo' = 'CÓMO' collate text_nocase, text_reverse('cómo');
-- => two|Cómo Estás|1|omóc
select sqlink_load('dist/extensions-c/sqlean-unicode.wasm');
-- => loaded sqlean_unicode 0.27.4: 11 functions, 1 collation (prefix sqlean_unicode__; memory 256 MiB, timeout 5000 ms)
-- => warning: collation nocase already exists in SQLite: call sqlean_unicode__NOCASE instead, or load with sqlink_load(path, grants, 'pin=nocase') to take the bare name
-- => warning: like(2), like(3) already exist in SQLite: call sqlean_unicode__like instead, or load with sqlink_load(path, grants, 'pin=like') to take the bare name
-- => warning: lower(1) already exists in SQLite: call sqlean_unicode__lower instead, or load with sqlink_load(path, grants, 'pin=lower') to take the bare name
-- => warning: upper(1) already exists in SQLite: call sqlean_unicode__upper instead, or load with sqlink_load(path, grants, 'pin=upper') to take the bare name
select nupper('привет'), sqlean_unicode__lower('ПРИВЕТ'), unaccent('Hôtel Crème Brûlée'), nlike('%Ü%', 'grün');
-- => ПРИВЕТ|привет|Hotel Creme Brulee|1
select sqlink_load('dist/test-extensions/compat-surfaces.wasm');
-- => loaded compat_surfaces 0.1.0: 8 functions, 1 aggregate (prefix compat_surfaces__; memory 256 MiB, timeout 5000 ms)
select fmt(), results(4), total_of(value) from generate_series(1, 4);
-- => it''s|'it''s'|NULL|a""b|-42|1099511627776| 3.14|ab  |ff|%|freed|truncated-to fi|2.001|2.68|user data|text64 over twenty-four bytes|10 of 4
select x, total_of(x) over (order by x rows between 1 preceding and current row) from (select 1 as x union all select 2 union all select 3) order by x;
-- => 1|1 of 1
-- => 2|3 of 2
-- => 3|5 of 2
select usesdb();
-- !! Runtime error near line 95: usesdb() calls sqlite3_prepare_v2, which sqlink's sqlite3ext.h compatibility layer does not provide
select sqlink_load('dist/test-extensions/compat-unsupported.wasm');
-- !! Runtime error near line 97: attach failed: compat_unsupported: sqlite3_unsupported_init() calls sqlite3_overload_function, which sqlink's sqlite3ext.h compatibility layer does not provide
select sqlink_load('dist/test-extensions/compat-failing.wasm');
-- !! Runtime error near line 99: attach failed: compat_failing: sqlite3_failing_init() failed with code 1: this extension needs a licence key
select sqlink_load('dist/test-extensions/sqlean-define.wasm');
-- !! Runtime error near line 101: attach failed: sqlean_define: sqlite3_define_init() calls sqlite3_exec, which sqlink's sqlite3ext.h compatibility layer does not provide
select 'still running';
-- => still running
