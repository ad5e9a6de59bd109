-- unicode: Unicode-aware upper, lower, casefold, unaccent, LIKE and NOCASE
-- (sqlean-compatible). SQLite's own upper(), lower(), LIKE and NOCASE know
-- only ASCII letters:
select upper('привет'), lower('ÀÉÎ'), 'ПРИВЕТ' like 'привет', 'Ä' = 'ä' collate nocase;
-- => привет|ÀÉÎ|0|0
-- Pinning makes the extension own the built-in names upper, lower, like and
-- the NOCASE collation.
.load dist/extensions/unicode.wasm --pin upper --pin lower --pin like --pin NOCASE --pin unaccent
-- sqlean's documented examples.
select upper('привет'), nupper('привет');
-- => ПРИВЕТ|ПРИВЕТ
select lower('ПРИВЕТ'), nlower('ПРИВЕТ');
-- => привет|привет
select like('пРиВ_Т', 'привет'), 'привет' like 'пРиВ_Т';
-- => 1|1
select unaccent('hôtel');
-- => hotel
-- The qualified names need no pin: they always call this extension.
select unicode__upper('hElLo wörld'), unicode__lower('ΑΒΓ Straße'), unicode__nupper('ё');
-- => HELLO WÖRLD|αβγ straße|Ё
select unicode__like('%ÉCOLE%', 'une école'), unicode__nlike('a_c', 'ABC'), unicode__like('a\%', 'a%', '\');
-- => 1|1|1
select unicode__unaccent('Crème Brûlée'), unicode__casefold('ΣΊΣΥΦΟΣ');
-- => Creme Brulee|σίσυφοσ
-- Case mapping is one character to one (Unicode simple case mapping).
select upper('straße'), lower('ΟΔΥΣΣΕΥΣ'), upper('ǆemal'), lower('İSTANBUL');
-- => STRAßE|οδυσσευσ|ǄEMAL|istanbul
select casefold('Straße'), casefold('STRAẞE'), casefold('ς'), casefold('ÉCOLE');
-- => straße|straße|σ|école
-- NULL stays NULL; numbers are read as text.
select upper(NULL) is null, typeof(lower(NULL)), upper(12.5), unaccent(7);
-- => 1|null|12.5|7
select unaccent('Łódź'), unaccent('Ærøskøbing'), unaccent('Việt Nam'), unaccent('Ёлка'), unaccent('ﬁancé');
-- => Lodz|AEroskobing|Viet Nam|Елка|fiance
-- LIKE ignores case and accents, with SQLite's % and _ wildcards.
select 'Ελλάδα' like 'ΕΛΛΑΔΑ', 'HÔTEL' like 'hotel', 'Zürich' like 'z%h', 'Zürich' like 'z_rich', 'Zürich' like 'z_ich';
-- => 1|1|1|1|0
select 'straße' like 'STRASSE', 'straße' like 'STRAẞE', 'ς' like 'Σ', 'Москва' like '%СКВ%', 'Москва' like 'мск%';
-- => 0|1|1|1|0
select '100%' like '100\%' escape '\', '1000' like '100\%' escape '\', 'a_b' like 'a\_b' escape '\', 'axb' like 'a\_b' escape '\';
-- => 1|0|1|0
select 'a%b' like 'a%%b' escape '%', 'axb' like 'a%%b' escape '%', 'Ä' like 'ä' escape null is null;
-- => 1|0|1
select like('_', 'æ'), like('ÆRØ', 'aero'), nlike('пРиВ%', 'ПРИВЕТСТВИЕ'), like(NULL, 'a') is null;
-- => 1|1|1|1
-- NOCASE ignores case and accents for all of Unicode.
select 'Ärger' = 'ARGER' collate nocase, 'É' = 'e' collate nocase, 'ΣΊΣΥΦΟΣ' = 'σίσυφος' collate nocase, 'Straße' = 'STRASSE' collate nocase;
-- => 1|1|1|0
select 'äpfel' < 'Birne' collate nocase, 'Österreich' < 'Polen' collate nocase, 'Ёж' < 'Жук' collate nocase;
-- => 1|1|1
create table words(w text collate nocase);
insert into words values ('Zebra'), ('äpfel'), ('Apfel'), ('éclair'), ('Eclair'), ('zürich'), ('Österreich'), ('ostern'), ('Ärger'), ('ber'), ('Über'), ('ubahn'), ('яблоко'), ('Ёлка'), ('Бал'), ('ежик');
select w from words order by w, w collate binary;
-- => Apfel
-- => äpfel
-- => Ärger
-- => ber
-- => Eclair
-- => éclair
-- => ostern
-- => Österreich
-- => ubahn
-- => Über
-- => Zebra
-- => zürich
-- => Бал
-- => ежик
-- => Ёлка
-- => яблоко
select count(*) from words where w = 'ECLAIR';
-- => 2
select count(distinct w) from words;
-- => 14
