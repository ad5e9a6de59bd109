-- runners: native wasm (the C builds are not baked into the composed build)
-- sqlean's unicode module (sqlite/sqlean-unicode.c of sqlean.py 3.50.4.5),
-- compiled unchanged by `make c-sqlean`: its functions read and return
-- UTF-16 (sqlite3_value_text16, sqlite3_result_text16), and it overrides
-- NOCASE. The examples of sqlean's docs/unicode.md, with the results of the
-- same source compiled natively into Debian's sqlite3.
.load dist/extensions-c/sqlean-unicode.wasm --pin upper --pin lower --pin like --pin NOCASE
select upper('привет'), lower('ПРИВЕТ'), casefold('Straße'), unaccent('Hôtel Crème Brûlée');
-- => ПРИВЕТ|привет|straße|Hotel Creme Brulee
select nupper('привет'), nlower('ΑΒΓ'), unicode_version() is not null;
-- => ПРИВЕТ|αβγ|1
select like('пРИВЕТ%', 'привет мир'), nlike('пРИВЕТ%', 'привет мир'), like('x%', 'привет'), nlike('%Ü%', 'grün');
-- => 1|1|0|1
select 'привет' = 'ПРИВЕТ' collate nocase, 'Straße' < 'STRASSE' collate nocase;
-- => 1|0
select x from (select 'б' as x union all select 'А' union all select 'в' union all select 'Б') order by x collate nocase, x;
-- => А
-- => Б
-- => б
-- => в
select upper('😀 ǆ'), lower('ǅ'), length(upper('é')), upper(null) is null;
-- => 😀 Ǆ|ǆ|1|1
