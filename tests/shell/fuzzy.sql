-- exit: 1
-- Every function of sqlean's fuzzy module, with sqlean's examples and results.
.load dist/extensions/fuzzy.wasm --pin levenshtein --pin soundex
-- (soundex, which SQLite has, and levenshtein, which fuzzystrmatch has, are pinned)

-- String distances: the examples of sqlean's docs/fuzzy.md
select fuzzy_damlev('awesome', 'aewsme');
-- => 2
select fuzzy_editdist('awesome', 'aewsme');
-- => 215
select fuzzy_hamming('awesome', 'aewsome');
-- => 2
select fuzzy_jarowin('awesome', 'aewsme');
-- => 0.907142857142857
select fuzzy_leven('awesome', 'aewsme');
-- => 3
select fuzzy_osadist('awesome', 'aewsme');
-- => 3

-- sqlean's test/fuzzy.sql values: identical, to or from empty, delete, insert, transpose, reorder
select fuzzy_damlev('abc', 'abc'), fuzzy_damlev('abc', ''), fuzzy_damlev('', 'abc'), fuzzy_damlev('abc', 'ab'), fuzzy_damlev('abc', 'abcd'), fuzzy_damlev('abc', 'acb'), fuzzy_damlev('abc', 'ca');
-- => 0|3|3|1|1|1|2
select fuzzy_leven('abc', 'abc'), fuzzy_leven('abc', ''), fuzzy_leven('', 'abc'), fuzzy_leven('abc', 'ab'), fuzzy_leven('abc', 'abcd'), fuzzy_leven('abc', 'acb'), fuzzy_leven('abc', 'ca');
-- => 0|3|3|1|1|2|3
select fuzzy_osadist('abc', 'abc'), fuzzy_osadist('abc', ''), fuzzy_osadist('', 'abc'), fuzzy_osadist('abc', 'ab'), fuzzy_osadist('abc', 'abcd'), fuzzy_osadist('abc', 'acb'), fuzzy_osadist('abc', 'ca');
-- => 0|3|3|1|1|2|3
select fuzzy_editdist('abc', 'abc'), fuzzy_editdist('abc', ''), fuzzy_editdist('', 'abc'), fuzzy_editdist('abc', 'ab'), fuzzy_editdist('abc', 'abcd'), fuzzy_editdist('abc', 'acb'), fuzzy_editdist('abc', 'ca');
-- => 0|300|75|100|25|110|225
select fuzzy_hamming('abc', 'abc'), fuzzy_hamming('abc', ''), fuzzy_hamming('', 'abc'), fuzzy_hamming('hello', 'hellp'), fuzzy_hamming('hello', 'heloh');
-- => 0|-1|-1|1|2
select fuzzy_jarowin('abc', 'abc'), fuzzy_jarowin('abc', ''), fuzzy_jarowin('', 'abc'), round(fuzzy_jarowin('my string', 'my tsring'), 3), round(fuzzy_jarowin('my string', 'my ntrisg'), 3);
-- => 1.0|0.0|0.0|0.974|0.896

-- Published values, through sqlean's second names
select levenshtein('kitten', 'sitting'), dlevenshtein('ca', 'abc'), hamming('karolin', 'kathrin'), osa_distance('abc', 'acb');
-- => 3|2|3|2
select jaro_winkler('MARTHA', 'MARHTA'), jaro_winkler('DWAYNE', 'DUANE'), jaro_winkler('DIXON', 'DICKSONX');
-- => 0.961111111111111|0.84|0.813333333333333
select typeof(fuzzy_jarowin('a', 'b')), typeof(fuzzy_leven('a', 'b')), typeof(fuzzy_editdist('a', 'b'));
-- => real|integer|integer

-- Spellcheck costs: case is free, same sound class is cheap, a trailing * matches any prefix
select edit_distance('Hello', 'hello'), edit_distance('xd', 'xt'), edit_distance('xd', 'xk'), edit_distance('xd', 'xa'), edit_distance('hel', 'hello'), edit_distance('hel*', 'hello world');
-- => 0|40|75|100|27|0

-- sqlean's behaviour kept: Jaro-Winkler's window depends on argument order, its prefix bonus stops at 3
select fuzzy_jarowin('abcdefgh', 'hgfedcb'), fuzzy_jarowin('hgfedcb', 'abcdefgh'), fuzzy_jarowin('abcdxy', 'abcdyx');
-- => 0.81547619047619|0.523809523809524|0.961111111111111

-- Arguments are read as text, as sqlite3_value_text gives them
select fuzzy_leven(123, 12.5), fuzzy_hamming(x'6162', 'ac'), fuzzy_soundex(1.5);
-- => 2|1|1000

-- Phonetic codes: the examples of sqlean's docs/fuzzy.md
select fuzzy_caver('awesome');
-- => AWSM111111
select fuzzy_phonetic('awesome');
-- => ABACAMA
select fuzzy_soundex('awesome');
-- => A250
select fuzzy_rsoundex('awesome');
-- => A03080

-- sqlean's test/fuzzy.sql values: NULL gives NULL, '' gives ''
select fuzzy_caver(null) is null, fuzzy_caver(''), fuzzy_caver('phonetics'), fuzzy_caver('is');
-- => 1||FNTKS11111|AS11111111
select fuzzy_phonetic(null) is null, fuzzy_phonetic(''), fuzzy_phonetic('phonetics'), fuzzy_phonetic('is');
-- => 1||BAMADAC|AC
select fuzzy_soundex(null) is null, fuzzy_soundex(''), fuzzy_soundex('phonetics'), fuzzy_soundex('is');
-- => 1||P532|I200
select fuzzy_rsoundex(null) is null, fuzzy_rsoundex(''), fuzzy_rsoundex('phonetics'), fuzzy_rsoundex('is');
-- => 1||P1080603|I03
select fuzzy_soundex(null);
-- =>

-- Published Soundex codes, through the second names
select fuzzy__soundex('Robert'), fuzzy__soundex('Rupert'), fuzzy__soundex('Rubin'), fuzzy__soundex('Ashcraft'), fuzzy__soundex('Tymczak'), fuzzy__soundex('Pfister'), fuzzy__soundex('Honeyman');
-- => R163|R163|R150|A261|T522|P236|H555
select rsoundex('Braz'), rsoundex('Caren'), rsoundex('Hayers');
-- => B1905|C30908|H093
select caverphone('stevenson'), caverphone('peter'), caverphone('lee');
-- => STFNSN1111|PTA1111111|LA11111111
select phonetic_hash('knight'), phonetic_hash('night'), phonetic_hash('write'), phonetic_hash('rite');
-- => MACD|MACD|RDA|RDA

-- sqlean's behaviour kept: Caverphone reads only lower-case letters
select fuzzy_caver('Awesome');
-- => WSM1111111

-- Transliteration: the examples of sqlean's docs/fuzzy.md
select fuzzy_translit('sí señor');
-- => si senor
select fuzzy_translit('привет');
-- => privet
select fuzzy_translit('oh my 😅');
-- => oh my ?
select translit('Äpfel Öl Übel straße'), translit('Щука'), translit('αβγ'), quote(translit(null));
-- => Aepfel Oel Uebel strasse|Shchuka|abg|''

-- Script codes: Latin, Cyrillic, Greek, Hebrew, Arabic, mixed, none
select fuzzy_script('hello'), fuzzy_script('привет'), fuzzy_script('γειά'), fuzzy_script('שלום'), fuzzy_script('مرحبا'), script_code('hello привет'), script_code('123'), script_code('!?'), script_code(null);
-- => 215|220|200|125|160|998|215|999|999

-- Errors, as sqlean raises them: distances refuse NULL and non-ASCII, codes refuse non-ASCII
select fuzzy_leven(null, 'a');
-- !! Runtime error near line 105: arguments should not be NULL
select fuzzy_damlev('é', 'e');
-- !! Runtime error near line 107: arguments should be ASCII strings
select fuzzy_editdist('a', null);
-- !! Runtime error near line 109: NULL input to editdist()
select fuzzy_editdist('é', 'a');
-- !! Runtime error near line 111: non-ASCII input to editdist()
select fuzzy_soundex('é');
-- !! Runtime error near line 113: argument should be ASCII string
