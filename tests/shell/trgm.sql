-- exit: 1
-- PostgreSQL's contrib pg_trgm: vectors of its regression test
-- (contrib/pg_trgm/expected/pg_trgm.out; show_trgm's text[] as JSON here),
-- then values read from PostgreSQL 15's pg_trgm in a UTF-8 database.
.load dist/extensions/trgm.wasm
select show_trgm(''), show_trgm('(*&^$@%@'), show_trgm('a b c'), show_trgm(' a b c '), show_trgm('aA bB cC'), show_trgm(' aA bB cC '), show_trgm('a b C0*%^');
-- => []|[]|["  a","  b","  c"," a "," b "," c "]|["  a","  b","  c"," a "," b "," c "]|["  a","  b","  c"," aa"," bb"," cc","aa ","bb ","cc "]|["  a","  b","  c"," aa"," bb"," cc","aa ","bb ","cc "]|["  a","  b","  c"," a "," b "," c0","c0 "]
select similarity('wow','WOWa '), similarity('wow',' WOW '), similarity('---', '####---');
-- => 0.5|1.0|0.0
-- Non-ASCII trigrams are hashed and printed in hex, ordered as signed bytes
select show_trgm('cat'), show_trgm('Straße'), show_trgm('日本語');
-- => ["  c"," ca","at ","cat"]|["0x9a07c3","0xde3801","  s"," st","str","tra","0x76a40e"]|["0x8194c0","0x836e53","0x1dc363","0x1e22e9"]
select similarity('word', 'two words'), word_similarity('word', 'two words'), strict_word_similarity('word', 'two words');
-- => 0.36363637|0.8|0.5714286
select word_similarity('Kitten', 'sitting kitten'), strict_word_similarity('Kitten', 'sitting kit ten'), word_similarity('', 'abc'), similarity('', '');
-- => 1.0|0.5|0.0|0.0
select similarity_dist('abc', 'abd'), word_similarity_dist_op('word', 'two words'), word_similarity_dist_commutator_op('two words', 'word'), strict_word_similarity_dist_op('word', 'two words'), strict_word_similarity_dist_commutator_op('two words', 'word');
-- => 0.6666666|0.19999999|0.19999999|0.4285714|0.4285714
select word_similarity_op('word', 'two words'), word_similarity_commutator_op('word', 'two words'), strict_word_similarity_op('word', 'two words'), strict_word_similarity_commutator_op('two words', 'word');
-- => 1|0|1|1
-- The % threshold: 0.3 at first, the connection's own; set_limit errors outside 0..1 as the setting does
select show_limit(), similarity_op('abc', 'abd'), similarity_op('abc', 'xyz');
-- => 0.3|1|0
select set_limit(0.35), show_limit(), similarity_op('abc', 'abd');
-- => 0.35|0.35|0
select set_limit(0.33333334), similarity_op('abc', 'abd');
-- => 0.33333334|1
select set_limit(1.5);
-- !! Runtime error near line 28: 1.5 is outside the valid range for parameter "pg_trgm.similarity_threshold" (0 .. 1)
select set_limit(-0.1);
-- !! Runtime error near line 30: -0.1 is outside the valid range for parameter "pg_trgm.similarity_threshold" (0 .. 1)
select show_limit();
-- => 0.33333334

-- Arguments: NULL gives NULL; text that is not UTF-8 is an error
select similarity(null, 'a'), word_similarity('a', null), show_trgm(null), similarity_op('a', null);
-- => |||
select show_trgm(cast(x'ff' as text));
-- !! Runtime error near line 38: show_trgm(): argument 1 is not valid UTF-8 text (invalid byte at offset 0) (20)
-- show_trgm is JSON (with SQLite's JSON subtype)
select json_array_length(show_trgm('word')), json_array(show_trgm('ab'));
-- => 5|[["  a"," ab","ab "]]
-- similarity is deterministic; show_limit and similarity_op, which read the threshold, are not
create table g(a text, b text, s real as (similarity(a, b)));
insert into g(a, b) values ('word', 'words');
select s from g;
-- => 0.5714286
create table h(a text, t real as (show_limit()));
-- !! Parse error near line 48: non-deterministic functions prohibited in generated columns
-- !!   create table h(a text, t real as (show_limit()));
-- !!                       error here ---^
