-- exit: 1
.load dist/extensions/unaccent.wasm --pin unaccent
select unaccent('foobar');
-- => foobar
select unaccent('ёлка');
-- => елка
select unaccent('ЁЖИК');
-- => ЕЖИК
select unaccent('˃˖˗˜');
-- => >+-~
select unaccent('À');
-- => A
select unaccent('℃℉');
-- => °C°F
select unaccent('℗');
-- => (P)
select unaccent('1½');
-- => 1 1/2
select unaccent('〝');
-- => "
select unaccent('unaccent', 'foobar');
-- => foobar
select unaccent('unaccent', 'ёлка');
-- => елка
select unaccent('unaccent', 'ЁЖИК');
-- => ЕЖИК
select unaccent('unaccent', '˃˖˗˜');
-- => >+-~
select unaccent('unaccent', 'À');
-- => A
select unaccent('unaccent', '℃℉');
-- => °C°F
select unaccent('unaccent', '℗');
-- => (P)
select unaccent('unaccent', '1½');
-- => 1 1/2
select unaccent('unaccent', '〝');
-- => "
select unaccent('ℌ');
-- => H
select unaccent('Hôtel Crème Brûlée Ærøskøbing Straße Łódź');
-- => Hotel Creme Brulee AEroskobing Strasse Lodz
select unaccent('“quoted” – dash… ﬁn');
-- => "quoted" - dash... fin
select unaccent('public.unaccent', 'Ελληνικά');
-- => Ελληνικα
select unaccent(null) is null, unaccent('unaccent', null) is null, unaccent(null, 'é') is null;
-- => 1|1|1
select unaccent(42), unaccent(1.5);
-- => 42|1.5
create table t(a text, b text generated always as (unaccent(a)));
insert into t(a) values ('Ça va');
select b from t;
-- => Ca va
select unaccent('simple', 'é');
-- !! Runtime error near line 55: text search dictionary "simple" does not exist
select unaccent(cast(x'61ff' as text));
-- !! Runtime error near line 57: invalid byte sequence for encoding "UTF8": 0xff
select unaccent();
-- !! Parse error near line 59: wrong number of arguments to function unaccent()
-- !!   select unaccent();
-- !!          ^--- error here
