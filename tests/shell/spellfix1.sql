-- exit: 1
-- runners: native wasm (it needs --grant spi, which a composed shell cannot give)
-- SQLite 3.46.1's ext/misc/spellfix.c, compiled unchanged with the
-- sqlite3ext.h compatibility layer and --spi (components/extensions-c/spellfix1):
-- the spellfix1 virtual table keeps its vocabulary in a shadow table through
-- SQL on the connection, so it loads only with --grant spi. Cases: the SQL
-- of SQLite 3.46.1's test/spellfix.test, spellfix2.test, spellfix3.test and
-- spellfix4.test as their Tcl runs it (loops unrolled, Tcl variables
-- substituted as literals), the tables of each file dropped before the next.
-- Not translated: spellfix.test 1.10-1.23 (next_char() is nextchar.c, not
-- spellfix.c), the trace half of do_tracesql_test 6.2.x (the SELECTs are
-- kept), sqlite3_get_autocommit in 7.4/7.5, and db_save_and_close /
-- db_restore_and_reopen there (so each conflict case starts from the state
-- the previous one left). Then NULLs, invalid UTF-8, bad arguments and
-- determinism. Expected output: the same SQL through Debian's sqlite3 with
-- spellfix.c compiled natively (gcc -shared, .load), but for the refusal line, which is sqlink's.
.load dist/extensions/spellfix1.wasm
-- !! Error: refusing to load extension spellfix1: it imports sqlink:extension/spi@0.2.0 and sqlink:extension/blob@0.2.0: load it with --grant spi
-- test/spellfix.test
.load dist/extensions/spellfix1.wasm --grant spi
-- spellfix 1.1
CREATE VIRTUAL TABLE t1 USING spellfix1;
INSERT INTO t1(word) VALUES('rabbi');
INSERT INTO t1(word) VALUES('rabbit');
INSERT INTO t1(word) VALUES('rabbits');
INSERT INTO t1(word) VALUES('rabble');
INSERT INTO t1(word) VALUES('rabid');
INSERT INTO t1(word) VALUES('rabies');
INSERT INTO t1(word) VALUES('raccoon');
INSERT INTO t1(word) VALUES('raccoons');
INSERT INTO t1(word) VALUES('race');
INSERT INTO t1(word) VALUES('raced');
INSERT INTO t1(word) VALUES('racer');
INSERT INTO t1(word) VALUES('racers');
INSERT INTO t1(word) VALUES('races');
INSERT INTO t1(word) VALUES('racetrack');
INSERT INTO t1(word) VALUES('racial');
INSERT INTO t1(word) VALUES('racially');
INSERT INTO t1(word) VALUES('racing');
INSERT INTO t1(word) VALUES('rack');
INSERT INTO t1(word) VALUES('racked');
INSERT INTO t1(word) VALUES('racket');
INSERT INTO t1(word) VALUES('racketeer');
INSERT INTO t1(word) VALUES('racketeering');
INSERT INTO t1(word) VALUES('racketeers');
INSERT INTO t1(word) VALUES('rackets');
INSERT INTO t1(word) VALUES('racking');
INSERT INTO t1(word) VALUES('racks');
INSERT INTO t1(word) VALUES('radar');
INSERT INTO t1(word) VALUES('radars');
INSERT INTO t1(word) VALUES('radial');
INSERT INTO t1(word) VALUES('radially');
INSERT INTO t1(word) VALUES('radian');
INSERT INTO t1(word) VALUES('radiance');
INSERT INTO t1(word) VALUES('radiant');
INSERT INTO t1(word) VALUES('radiantly');
INSERT INTO t1(word) VALUES('radiate');
INSERT INTO t1(word) VALUES('radiated');
INSERT INTO t1(word) VALUES('radiates');
INSERT INTO t1(word) VALUES('radiating');
INSERT INTO t1(word) VALUES('radiation');
INSERT INTO t1(word) VALUES('radiations');
INSERT INTO t1(word) VALUES('radiator');
INSERT INTO t1(word) VALUES('radiators');
INSERT INTO t1(word) VALUES('radical');
INSERT INTO t1(word) VALUES('radically');
INSERT INTO t1(word) VALUES('radicals');
INSERT INTO t1(word) VALUES('radices');
INSERT INTO t1(word) VALUES('radii');
INSERT INTO t1(word) VALUES('radio');
INSERT INTO t1(word) VALUES('radioactive');
INSERT INTO t1(word) VALUES('radioastronomy');
INSERT INTO t1(word) VALUES('radioed');
INSERT INTO t1(word) VALUES('radiography');
INSERT INTO t1(word) VALUES('radioing');
INSERT INTO t1(word) VALUES('radiology');
INSERT INTO t1(word) VALUES('radios');
INSERT INTO t1(word) VALUES('radish');
INSERT INTO t1(word) VALUES('radishes');
INSERT INTO t1(word) VALUES('radium');
INSERT INTO t1(word) VALUES('radius');
INSERT INTO t1(word) VALUES('radix');
INSERT INTO t1(word) VALUES('radon');
INSERT INTO t1(word) VALUES('raft');
INSERT INTO t1(word) VALUES('rafter');
INSERT INTO t1(word) VALUES('rafters');
INSERT INTO t1(word) VALUES('rafts');
INSERT INTO t1(word) VALUES('rag');
INSERT INTO t1(word) VALUES('rage');
INSERT INTO t1(word) VALUES('raged');
INSERT INTO t1(word) VALUES('rages');
INSERT INTO t1(word) VALUES('ragged');
INSERT INTO t1(word) VALUES('raggedly');
INSERT INTO t1(word) VALUES('raggedness');
INSERT INTO t1(word) VALUES('raging');
INSERT INTO t1(word) VALUES('rags');
INSERT INTO t1(word) VALUES('ragweed');
INSERT INTO t1(word) VALUES('raid');
INSERT INTO t1(word) VALUES('raided');
INSERT INTO t1(word) VALUES('raider');
INSERT INTO t1(word) VALUES('raiders');
INSERT INTO t1(word) VALUES('raiding');
INSERT INTO t1(word) VALUES('raids');
INSERT INTO t1(word) VALUES('rail');
INSERT INTO t1(word) VALUES('railed');
INSERT INTO t1(word) VALUES('railer');
INSERT INTO t1(word) VALUES('railers');
INSERT INTO t1(word) VALUES('railing');
INSERT INTO t1(word) VALUES('railroad');
INSERT INTO t1(word) VALUES('railroaded');
INSERT INTO t1(word) VALUES('railroader');
INSERT INTO t1(word) VALUES('railroaders');
INSERT INTO t1(word) VALUES('railroading');
INSERT INTO t1(word) VALUES('railroads');
INSERT INTO t1(word) VALUES('rails');
INSERT INTO t1(word) VALUES('railway');
INSERT INTO t1(word) VALUES('railways');
INSERT INTO t1(word) VALUES('raiment');
INSERT INTO t1(word) VALUES('rain');
INSERT INTO t1(word) VALUES('rainbow');
INSERT INTO t1(word) VALUES('raincoat');
INSERT INTO t1(word) VALUES('raincoats');
INSERT INTO t1(word) VALUES('raindrop');
INSERT INTO t1(word) VALUES('raindrops');
INSERT INTO t1(word) VALUES('rained');
INSERT INTO t1(word) VALUES('rainfall');
INSERT INTO t1(word) VALUES('rainier');
INSERT INTO t1(word) VALUES('rainiest');
INSERT INTO t1(word) VALUES('raining');
INSERT INTO t1(word) VALUES('rains');
INSERT INTO t1(word) VALUES('rainstorm');
INSERT INTO t1(word) VALUES('rainy');
INSERT INTO t1(word) VALUES('raise');
INSERT INTO t1(word) VALUES('raised');
INSERT INTO t1(word) VALUES('raiser');
INSERT INTO t1(word) VALUES('raisers');
INSERT INTO t1(word) VALUES('raises');
INSERT INTO t1(word) VALUES('raisin');
INSERT INTO t1(word) VALUES('raising');
INSERT INTO t1(word) VALUES('rake');
INSERT INTO t1(word) VALUES('raked');
INSERT INTO t1(word) VALUES('rakes');
INSERT INTO t1(word) VALUES('raking');
INSERT INTO t1(word) VALUES('rallied');
INSERT INTO t1(word) VALUES('rallies');
INSERT INTO t1(word) VALUES('rally');
INSERT INTO t1(word) VALUES('rallying');
INSERT INTO t1(word) VALUES('ram');
INSERT INTO t1(word) VALUES('ramble');
INSERT INTO t1(word) VALUES('rambler');
INSERT INTO t1(word) VALUES('rambles');
INSERT INTO t1(word) VALUES('rambling');
INSERT INTO t1(word) VALUES('ramblings');
INSERT INTO t1(word) VALUES('ramification');
INSERT INTO t1(word) VALUES('ramifications');
INSERT INTO t1(word) VALUES('ramp');
INSERT INTO t1(word) VALUES('rampage');
INSERT INTO t1(word) VALUES('rampant');
INSERT INTO t1(word) VALUES('rampart');
INSERT INTO t1(word) VALUES('ramps');
INSERT INTO t1(word) VALUES('ramrod');
INSERT INTO t1(word) VALUES('rams');
INSERT INTO t1(word) VALUES('ran');
INSERT INTO t1(word) VALUES('ranch');
INSERT INTO t1(word) VALUES('ranched');
INSERT INTO t1(word) VALUES('rancher');
INSERT INTO t1(word) VALUES('ranchers');
INSERT INTO t1(word) VALUES('ranches');
INSERT INTO t1(word) VALUES('ranching');
INSERT INTO t1(word) VALUES('rancid');
INSERT INTO t1(word) VALUES('random');
INSERT INTO t1(word) VALUES('randomization');
INSERT INTO t1(word) VALUES('randomize');
INSERT INTO t1(word) VALUES('randomized');
INSERT INTO t1(word) VALUES('randomizes');
INSERT INTO t1(word) VALUES('randomly');
INSERT INTO t1(word) VALUES('randomness');
INSERT INTO t1(word) VALUES('randy');
INSERT INTO t1(word) VALUES('rang');
INSERT INTO t1(word) VALUES('range');
INSERT INTO t1(word) VALUES('ranged');
INSERT INTO t1(word) VALUES('rangeland');
INSERT INTO t1(word) VALUES('ranger');
INSERT INTO t1(word) VALUES('rangers');
INSERT INTO t1(word) VALUES('ranges');
INSERT INTO t1(word) VALUES('ranging');
INSERT INTO t1(word) VALUES('rangy');
INSERT INTO t1(word) VALUES('rank');
INSERT INTO t1(word) VALUES('ranked');
INSERT INTO t1(word) VALUES('ranker');
INSERT INTO t1(word) VALUES('rankers');
INSERT INTO t1(word) VALUES('rankest');
INSERT INTO t1(word) VALUES('ranking');
INSERT INTO t1(word) VALUES('rankings');
INSERT INTO t1(word) VALUES('rankle');
INSERT INTO t1(word) VALUES('rankly');
INSERT INTO t1(word) VALUES('rankness');
INSERT INTO t1(word) VALUES('ranks');
INSERT INTO t1(word) VALUES('ransack');
INSERT INTO t1(word) VALUES('ransacked');
INSERT INTO t1(word) VALUES('ransacking');
INSERT INTO t1(word) VALUES('ransacks');
INSERT INTO t1(word) VALUES('ransom');
INSERT INTO t1(word) VALUES('ransomer');
INSERT INTO t1(word) VALUES('ransoming');
INSERT INTO t1(word) VALUES('ransoms');
INSERT INTO t1(word) VALUES('rant');
INSERT INTO t1(word) VALUES('ranted');
INSERT INTO t1(word) VALUES('ranter');
INSERT INTO t1(word) VALUES('ranters');
INSERT INTO t1(word) VALUES('ranting');
INSERT INTO t1(word) VALUES('rants');
INSERT INTO t1(word) VALUES('rap');
INSERT INTO t1(word) VALUES('rapacious');
INSERT INTO t1(word) VALUES('rape');
INSERT INTO t1(word) VALUES('raped');
INSERT INTO t1(word) VALUES('raper');
INSERT INTO t1(word) VALUES('rapes');
INSERT INTO t1(word) VALUES('rapid');
INSERT INTO t1(word) VALUES('rapidity');
INSERT INTO t1(word) VALUES('rapidly');
INSERT INTO t1(word) VALUES('rapids');
INSERT INTO t1(word) VALUES('rapier');
INSERT INTO t1(word) VALUES('raping');
INSERT INTO t1(word) VALUES('rapport');
INSERT INTO t1(word) VALUES('rapprochement');
INSERT INTO t1(word) VALUES('raps');
INSERT INTO t1(word) VALUES('rapt');
INSERT INTO t1(word) VALUES('raptly');
INSERT INTO t1(word) VALUES('rapture');
INSERT INTO t1(word) VALUES('raptures');
INSERT INTO t1(word) VALUES('rapturous');
INSERT INTO t1(word) VALUES('rare');
INSERT INTO t1(word) VALUES('rarely');
INSERT INTO t1(word) VALUES('rareness');
INSERT INTO t1(word) VALUES('rarer');
INSERT INTO t1(word) VALUES('rarest');
INSERT INTO t1(word) VALUES('rarity');
INSERT INTO t1(word) VALUES('rascal');
INSERT INTO t1(word) VALUES('rascally');
INSERT INTO t1(word) VALUES('rascals');
INSERT INTO t1(word) VALUES('rash');
INSERT INTO t1(word) VALUES('rasher');
INSERT INTO t1(word) VALUES('rashly');
INSERT INTO t1(word) VALUES('rashness');
INSERT INTO t1(word) VALUES('rasp');
INSERT INTO t1(word) VALUES('raspberry');
INSERT INTO t1(word) VALUES('rasped');
INSERT INTO t1(word) VALUES('rasping');
INSERT INTO t1(word) VALUES('rasps');
INSERT INTO t1(word) VALUES('raster');
INSERT INTO t1(word) VALUES('rat');
INSERT INTO t1(word) VALUES('rate');
INSERT INTO t1(word) VALUES('rated');
INSERT INTO t1(word) VALUES('rater');
INSERT INTO t1(word) VALUES('raters');
INSERT INTO t1(word) VALUES('rates');
INSERT INTO t1(word) VALUES('rather');
INSERT INTO t1(word) VALUES('ratification');
INSERT INTO t1(word) VALUES('ratified');
INSERT INTO t1(word) VALUES('ratifies');
INSERT INTO t1(word) VALUES('ratify');
INSERT INTO t1(word) VALUES('ratifying');
INSERT INTO t1(word) VALUES('rating');
INSERT INTO t1(word) VALUES('ratings');
INSERT INTO t1(word) VALUES('ratio');
INSERT INTO t1(word) VALUES('ration');
INSERT INTO t1(word) VALUES('rational');
INSERT INTO t1(word) VALUES('rationale');
INSERT INTO t1(word) VALUES('rationales');
INSERT INTO t1(word) VALUES('rationalities');
INSERT INTO t1(word) VALUES('rationality');
INSERT INTO t1(word) VALUES('rationalization');
INSERT INTO t1(word) VALUES('rationalizations');
INSERT INTO t1(word) VALUES('rationalize');
INSERT INTO t1(word) VALUES('rationalized');
INSERT INTO t1(word) VALUES('rationalizes');
INSERT INTO t1(word) VALUES('rationalizing');
INSERT INTO t1(word) VALUES('rationally');
INSERT INTO t1(word) VALUES('rationals');
INSERT INTO t1(word) VALUES('rationing');
INSERT INTO t1(word) VALUES('rations');
INSERT INTO t1(word) VALUES('ratios');
INSERT INTO t1(word) VALUES('rats');
INSERT INTO t1(word) VALUES('rattle');
INSERT INTO t1(word) VALUES('rattled');
INSERT INTO t1(word) VALUES('rattler');
INSERT INTO t1(word) VALUES('rattlers');
INSERT INTO t1(word) VALUES('rattles');
INSERT INTO t1(word) VALUES('rattlesnake');
INSERT INTO t1(word) VALUES('rattlesnakes');
INSERT INTO t1(word) VALUES('rattling');
INSERT INTO t1(word) VALUES('raucous');
INSERT INTO t1(word) VALUES('ravage');
INSERT INTO t1(word) VALUES('ravaged');
INSERT INTO t1(word) VALUES('ravager');
INSERT INTO t1(word) VALUES('ravagers');
INSERT INTO t1(word) VALUES('ravages');
INSERT INTO t1(word) VALUES('ravaging');
INSERT INTO t1(word) VALUES('rave');
INSERT INTO t1(word) VALUES('raved');
INSERT INTO t1(word) VALUES('raven');
INSERT INTO t1(word) VALUES('ravening');
INSERT INTO t1(word) VALUES('ravenous');
INSERT INTO t1(word) VALUES('ravenously');
INSERT INTO t1(word) VALUES('ravens');
INSERT INTO t1(word) VALUES('raves');
INSERT INTO t1(word) VALUES('ravine');
INSERT INTO t1(word) VALUES('ravines');
INSERT INTO t1(word) VALUES('raving');
INSERT INTO t1(word) VALUES('ravings');
INSERT INTO t1(word) VALUES('raw');
INSERT INTO t1(word) VALUES('rawer');
INSERT INTO t1(word) VALUES('rawest');
INSERT INTO t1(word) VALUES('rawly');
INSERT INTO t1(word) VALUES('rawness');
INSERT INTO t1(word) VALUES('ray');
INSERT INTO t1(word) VALUES('rays');
INSERT INTO t1(word) VALUES('raze');
INSERT INTO t1(word) VALUES('razor');
INSERT INTO t1(word) VALUES('razors');
INSERT INTO t1(word) VALUES('re');
INSERT INTO t1(word) VALUES('reabbreviate');
INSERT INTO t1(word) VALUES('reabbreviated');
INSERT INTO t1(word) VALUES('reabbreviates');
INSERT INTO t1(word) VALUES('reabbreviating');
INSERT INTO t1(word) VALUES('reach');
INSERT INTO t1(word) VALUES('reachability');
INSERT INTO t1(word) VALUES('reachable');
INSERT INTO t1(word) VALUES('reachably');
INSERT INTO t1(word) VALUES('reached');
INSERT INTO t1(word) VALUES('reacher');
INSERT INTO t1(word) VALUES('reaches');
INSERT INTO t1(word) VALUES('reaching');
INSERT INTO t1(word) VALUES('reacquired');
INSERT INTO t1(word) VALUES('react');
INSERT INTO t1(word) VALUES('reacted');
INSERT INTO t1(word) VALUES('reacting');
INSERT INTO t1(word) VALUES('reaction');
INSERT INTO t1(word) VALUES('reactionaries');
INSERT INTO t1(word) VALUES('reactionary');
INSERT INTO t1(word) VALUES('reactions');
INSERT INTO t1(word) VALUES('reactivate');
INSERT INTO t1(word) VALUES('reactivated');
INSERT INTO t1(word) VALUES('reactivates');
INSERT INTO t1(word) VALUES('reactivating');
INSERT INTO t1(word) VALUES('reactivation');
INSERT INTO t1(word) VALUES('reactive');
INSERT INTO t1(word) VALUES('reactively');
INSERT INTO t1(word) VALUES('reactivity');
INSERT INTO t1(word) VALUES('reactor');
INSERT INTO t1(word) VALUES('reactors');
INSERT INTO t1(word) VALUES('reacts');
INSERT INTO t1(word) VALUES('read');
INSERT INTO t1(word) VALUES('readability');
INSERT INTO t1(word) VALUES('readable');
INSERT INTO t1(word) VALUES('reader');
INSERT INTO t1(word) VALUES('readers');
INSERT INTO t1(word) VALUES('readied');
INSERT INTO t1(word) VALUES('readier');
INSERT INTO t1(word) VALUES('readies');
INSERT INTO t1(word) VALUES('readiest');
INSERT INTO t1(word) VALUES('readily');
INSERT INTO t1(word) VALUES('readiness');
INSERT INTO t1(word) VALUES('reading');
INSERT INTO t1(word) VALUES('readings');
INSERT INTO t1(word) VALUES('readjusted');
INSERT INTO t1(word) VALUES('readout');
INSERT INTO t1(word) VALUES('readouts');
INSERT INTO t1(word) VALUES('reads');
INSERT INTO t1(word) VALUES('ready');
INSERT INTO t1(word) VALUES('readying');
INSERT INTO t1(word) VALUES('real');
INSERT INTO t1(word) VALUES('realest');
INSERT INTO t1(word) VALUES('realign');
INSERT INTO t1(word) VALUES('realigned');
INSERT INTO t1(word) VALUES('realigning');
INSERT INTO t1(word) VALUES('realigns');
INSERT INTO t1(word) VALUES('realism');
INSERT INTO t1(word) VALUES('realist');
INSERT INTO t1(word) VALUES('realistic');
INSERT INTO t1(word) VALUES('realistically');
INSERT INTO t1(word) VALUES('realists');
INSERT INTO t1(word) VALUES('realities');
INSERT INTO t1(word) VALUES('reality');
-- spellfix 1.2.1
SELECT word, matchlen FROM t1 WHERE word MATCH 'raxpi*' 
 ORDER BY score, word LIMIT 5;
-- => rasping|5
-- => rasped|5
-- => ragweed|5
-- => raspberry|6
-- => rasp|4
-- spellfix 1.2.2
SELECT word, matchlen FROM t1 WHERE word MATCH 'ril*' 
 ORDER BY score, word LIMIT 5;
-- => rail|4
-- => railed|4
-- => railer|4
-- => railers|4
-- => railing|4
-- spellfix 1.2.3
SELECT word, matchlen FROM t1 WHERE word MATCH 'rilis*' 
 ORDER BY score, word LIMIT 5;
-- => realism|6
-- => realist|6
-- => realistic|6
-- => realistically|6
-- => realists|6
-- spellfix 1.2.4
SELECT word, matchlen FROM t1 WHERE word MATCH 'reail*' 
 ORDER BY score, word LIMIT 5;
-- => real|3
-- => realest|3
-- => realign|3
-- => realigned|3
-- => realigning|3
-- spellfix 1.2.5
SELECT word, matchlen FROM t1 WHERE word MATCH 'ras*' 
 ORDER BY score, word LIMIT 5;
-- => rascal|3
-- => rascally|3
-- => rascals|3
-- => rash|3
-- => rasher|3
-- spellfix 1.2.6
SELECT word, matchlen FROM t1 WHERE word MATCH 'realistss*' 
 ORDER BY score, word LIMIT 5;
-- => realists|8
-- => realigns|8
-- => realistic|9
-- => realistically|9
-- => realest|7
-- spellfix 1.2.7
SELECT word, matchlen FROM t1 WHERE word MATCH 'realistss' 
 ORDER BY score, word LIMIT 5;
-- => realists|8
-- => realist|7
-- => realigns|8
-- => realistic|9
-- => realest|7
-- spellfix 1.2.8
SELECT word, matchlen FROM t1 WHERE word MATCH 'rllation*' 
 ORDER BY score, word LIMIT 5;
-- => realities|9
-- => reality|7
-- => rallied|7
-- => railed|4
-- spellfix 1.2.9
SELECT word, matchlen FROM t1 WHERE word MATCH 'renstom*' 
 ORDER BY score, word LIMIT 5;
-- => rainstorm|8
-- => ransom|6
-- => ransomer|6
-- => ransoming|6
-- => ransoms|6
-- spellfix 1.10
CREATE TABLE vocab(w TEXT PRIMARY KEY);
INSERT INTO vocab SELECT word FROM t1;
-- spellfix 1.30
SELECT rowid FROM t1 WHERE word='rabbit';
-- => 2
-- spellfix 1.31
UPDATE t1 SET rowid=2000 WHERE word='rabbit';
SELECT rowid FROM t1 WHERE word='rabbit';
-- => 2000
-- spellfix 1.32
INSERT INTO t1(rowid, word) VALUES(3000,'melody');
SELECT rowid, word, matchlen FROM t1 WHERE word MATCH 'melotti'
 ORDER BY score LIMIT 3;
-- => 3000|melody|6
-- spellfix 1.33
INSERT INTO t1(rowid, word) VALUES(3000,'garden');
-- !! Runtime error near line 473: constraint failed (19)
-- spellfix 2.1
CREATE VIRTUAL TABLE t2 USING spellfix1;
INSERT INTO t2 (word, soundslike) VALUES('school', 'skuul');
INSERT INTO t2 (word, soundslike) VALUES('psalm', 'sarm');
SELECT word, matchlen FROM t2 WHERE word MATCH 'sar*' LIMIT 5;
-- => psalm|4
-- spellfix 2.2
SELECT word, matchlen FROM t2 WHERE word MATCH 'skol*' LIMIT 5;
-- => school|6
-- spellfix 3.1
CREATE TABLE costs(iLang, cFrom, cTo, iCost);
INSERT INTO costs VALUES(0, 'a', 'e', 1);
INSERT INTO costs VALUES(0, 'e', 'i', 1);
INSERT INTO costs VALUES(0, 'i', 'o', 1);
INSERT INTO costs VALUES(0, 'o', 'u', 1);
INSERT INTO costs VALUES(0, 'u', 'a', 1);
CREATE VIRTUAL TABLE t3 USING spellfix1(edit_cost_table=costs);
-- spellfix 3.2
INSERT INTO t3(word) VALUES('kangaroo');
INSERT INTO t3(word) VALUES('kanji');
INSERT INTO t3(word) VALUES('kappa');
INSERT INTO t3(word) VALUES('karate');
INSERT INTO t3(word) VALUES('keel');
INSERT INTO t3(word) VALUES('keeled');
INSERT INTO t3(word) VALUES('keeling');
INSERT INTO t3(word) VALUES('keels');
INSERT INTO t3(word) VALUES('keen');
INSERT INTO t3(word) VALUES('keener');
INSERT INTO t3(word) VALUES('keenest');
INSERT INTO t3(word) VALUES('keenly');
INSERT INTO t3(word) VALUES('keenness');
INSERT INTO t3(word) VALUES('keep');
INSERT INTO t3(word) VALUES('keeper');
INSERT INTO t3(word) VALUES('keepers');
INSERT INTO t3(word) VALUES('keeping');
INSERT INTO t3(word) VALUES('keeps');
INSERT INTO t3(word) VALUES('ken');
INSERT INTO t3(word) VALUES('kennel');
INSERT INTO t3(word) VALUES('kennels');
INSERT INTO t3(word) VALUES('kept');
INSERT INTO t3(word) VALUES('kerchief');
INSERT INTO t3(word) VALUES('kerchiefs');
INSERT INTO t3(word) VALUES('kern');
INSERT INTO t3(word) VALUES('kernel');
INSERT INTO t3(word) VALUES('kernels');
INSERT INTO t3(word) VALUES('kerosene');
INSERT INTO t3(word) VALUES('ketchup');
INSERT INTO t3(word) VALUES('kettle');
INSERT INTO t3(word) VALUES('kettles');
INSERT INTO t3(word) VALUES('key');
INSERT INTO t3(word) VALUES('keyboard');
INSERT INTO t3(word) VALUES('keyboards');
INSERT INTO t3(word) VALUES('keyed');
INSERT INTO t3(word) VALUES('keyhole');
INSERT INTO t3(word) VALUES('keying');
INSERT INTO t3(word) VALUES('keynote');
INSERT INTO t3(word) VALUES('keypad');
INSERT INTO t3(word) VALUES('keypads');
INSERT INTO t3(word) VALUES('keys');
INSERT INTO t3(word) VALUES('keystroke');
INSERT INTO t3(word) VALUES('keystrokes');
INSERT INTO t3(word) VALUES('keyword');
INSERT INTO t3(word) VALUES('keywords');
INSERT INTO t3(word) VALUES('kick');
INSERT INTO t3(word) VALUES('kicked');
INSERT INTO t3(word) VALUES('kicker');
INSERT INTO t3(word) VALUES('kickers');
INSERT INTO t3(word) VALUES('kicking');
INSERT INTO t3(word) VALUES('kickoff');
INSERT INTO t3(word) VALUES('kicks');
INSERT INTO t3(word) VALUES('kid');
INSERT INTO t3(word) VALUES('kidded');
INSERT INTO t3(word) VALUES('kiddie');
INSERT INTO t3(word) VALUES('kidding');
INSERT INTO t3(word) VALUES('kidnap');
INSERT INTO t3(word) VALUES('kidnapper');
INSERT INTO t3(word) VALUES('kidnappers');
INSERT INTO t3(word) VALUES('kidnapping');
INSERT INTO t3(word) VALUES('kidnappings');
INSERT INTO t3(word) VALUES('kidnaps');
INSERT INTO t3(word) VALUES('kidney');
INSERT INTO t3(word) VALUES('kidneys');
INSERT INTO t3(word) VALUES('kids');
INSERT INTO t3(word) VALUES('kill');
INSERT INTO t3(word) VALUES('killed');
INSERT INTO t3(word) VALUES('killer');
INSERT INTO t3(word) VALUES('killers');
INSERT INTO t3(word) VALUES('killing');
INSERT INTO t3(word) VALUES('killingly');
INSERT INTO t3(word) VALUES('killings');
INSERT INTO t3(word) VALUES('killjoy');
INSERT INTO t3(word) VALUES('kills');
INSERT INTO t3(word) VALUES('kilobit');
INSERT INTO t3(word) VALUES('kilobits');
INSERT INTO t3(word) VALUES('kiloblock');
INSERT INTO t3(word) VALUES('kilobyte');
INSERT INTO t3(word) VALUES('kilobytes');
INSERT INTO t3(word) VALUES('kilogram');
INSERT INTO t3(word) VALUES('kilograms');
INSERT INTO t3(word) VALUES('kilohertz');
INSERT INTO t3(word) VALUES('kilohm');
INSERT INTO t3(word) VALUES('kilojoule');
INSERT INTO t3(word) VALUES('kilometer');
INSERT INTO t3(word) VALUES('kilometers');
INSERT INTO t3(word) VALUES('kiloton');
INSERT INTO t3(word) VALUES('kilovolt');
INSERT INTO t3(word) VALUES('kilowatt');
INSERT INTO t3(word) VALUES('kiloword');
INSERT INTO t3(word) VALUES('kimono');
INSERT INTO t3(word) VALUES('kin');
INSERT INTO t3(word) VALUES('kind');
INSERT INTO t3(word) VALUES('kinder');
INSERT INTO t3(word) VALUES('kindergarten');
INSERT INTO t3(word) VALUES('kindest');
INSERT INTO t3(word) VALUES('kindhearted');
INSERT INTO t3(word) VALUES('kindle');
INSERT INTO t3(word) VALUES('kindled');
INSERT INTO t3(word) VALUES('kindles');
INSERT INTO t3(word) VALUES('kindling');
INSERT INTO t3(word) VALUES('kindly');
INSERT INTO t3(word) VALUES('kindness');
INSERT INTO t3(word) VALUES('kindred');
INSERT INTO t3(word) VALUES('kinds');
INSERT INTO t3(word) VALUES('kinetic');
INSERT INTO t3(word) VALUES('king');
INSERT INTO t3(word) VALUES('kingdom');
INSERT INTO t3(word) VALUES('kingdoms');
INSERT INTO t3(word) VALUES('kingly');
INSERT INTO t3(word) VALUES('kingpin');
INSERT INTO t3(word) VALUES('kings');
INSERT INTO t3(word) VALUES('kink');
INSERT INTO t3(word) VALUES('kinky');
INSERT INTO t3(word) VALUES('kinship');
INSERT INTO t3(word) VALUES('kinsman');
INSERT INTO t3(word) VALUES('kiosk');
INSERT INTO t3(word) VALUES('kiss');
INSERT INTO t3(word) VALUES('kissed');
INSERT INTO t3(word) VALUES('kisser');
INSERT INTO t3(word) VALUES('kissers');
INSERT INTO t3(word) VALUES('kisses');
INSERT INTO t3(word) VALUES('kissing');
INSERT INTO t3(word) VALUES('kit');
INSERT INTO t3(word) VALUES('kitchen');
INSERT INTO t3(word) VALUES('kitchenette');
INSERT INTO t3(word) VALUES('kitchens');
INSERT INTO t3(word) VALUES('kite');
INSERT INTO t3(word) VALUES('kited');
INSERT INTO t3(word) VALUES('kites');
INSERT INTO t3(word) VALUES('kiting');
INSERT INTO t3(word) VALUES('kits');
INSERT INTO t3(word) VALUES('kitten');
INSERT INTO t3(word) VALUES('kittenish');
INSERT INTO t3(word) VALUES('kittens');
INSERT INTO t3(word) VALUES('kitty');
INSERT INTO t3(word) VALUES('klaxon');
INSERT INTO t3(word) VALUES('kludge');
INSERT INTO t3(word) VALUES('kludges');
INSERT INTO t3(word) VALUES('klystron');
INSERT INTO t3(word) VALUES('knack');
INSERT INTO t3(word) VALUES('knapsack');
INSERT INTO t3(word) VALUES('knapsacks');
INSERT INTO t3(word) VALUES('knave');
INSERT INTO t3(word) VALUES('knaves');
INSERT INTO t3(word) VALUES('knead');
INSERT INTO t3(word) VALUES('kneads');
INSERT INTO t3(word) VALUES('knee');
INSERT INTO t3(word) VALUES('kneecap');
INSERT INTO t3(word) VALUES('kneed');
INSERT INTO t3(word) VALUES('kneeing');
INSERT INTO t3(word) VALUES('kneel');
INSERT INTO t3(word) VALUES('kneeled');
INSERT INTO t3(word) VALUES('kneeling');
INSERT INTO t3(word) VALUES('kneels');
INSERT INTO t3(word) VALUES('knees');
INSERT INTO t3(word) VALUES('knell');
INSERT INTO t3(word) VALUES('knells');
INSERT INTO t3(word) VALUES('knelt');
INSERT INTO t3(word) VALUES('knew');
INSERT INTO t3(word) VALUES('knife');
INSERT INTO t3(word) VALUES('knifed');
INSERT INTO t3(word) VALUES('knifes');
INSERT INTO t3(word) VALUES('knifing');
INSERT INTO t3(word) VALUES('knight');
INSERT INTO t3(word) VALUES('knighted');
INSERT INTO t3(word) VALUES('knighthood');
INSERT INTO t3(word) VALUES('knighting');
INSERT INTO t3(word) VALUES('knightly');
INSERT INTO t3(word) VALUES('knights');
INSERT INTO t3(word) VALUES('knit');
INSERT INTO t3(word) VALUES('knits');
INSERT INTO t3(word) VALUES('knives');
INSERT INTO t3(word) VALUES('knob');
INSERT INTO t3(word) VALUES('knobs');
INSERT INTO t3(word) VALUES('knock');
INSERT INTO t3(word) VALUES('knockdown');
INSERT INTO t3(word) VALUES('knocked');
INSERT INTO t3(word) VALUES('knocker');
INSERT INTO t3(word) VALUES('knockers');
INSERT INTO t3(word) VALUES('knocking');
INSERT INTO t3(word) VALUES('knockout');
INSERT INTO t3(word) VALUES('knocks');
INSERT INTO t3(word) VALUES('knoll');
INSERT INTO t3(word) VALUES('knolls');
INSERT INTO t3(word) VALUES('knot');
INSERT INTO t3(word) VALUES('knots');
INSERT INTO t3(word) VALUES('knotted');
INSERT INTO t3(word) VALUES('knotting');
INSERT INTO t3(word) VALUES('know');
INSERT INTO t3(word) VALUES('knowable');
INSERT INTO t3(word) VALUES('knower');
INSERT INTO t3(word) VALUES('knowhow');
INSERT INTO t3(word) VALUES('knowing');
INSERT INTO t3(word) VALUES('knowingly');
INSERT INTO t3(word) VALUES('knowledge');
INSERT INTO t3(word) VALUES('knowledgeable');
INSERT INTO t3(word) VALUES('known');
INSERT INTO t3(word) VALUES('knows');
INSERT INTO t3(word) VALUES('knuckle');
INSERT INTO t3(word) VALUES('knuckled');
INSERT INTO t3(word) VALUES('knuckles');
INSERT INTO t3(word) VALUES('koala');
INSERT INTO t3(word) VALUES('kosher');
INSERT INTO t3(word) VALUES('kudo');
-- spellfix 3.2.1
SELECT word, matchlen FROM t3 WHERE word MATCH 'kos*'
 ORDER BY score, word LIMIT 5;
-- => kosher|3
-- => kiosk|4
-- => kudo|2
-- => kiss|3
-- => kissed|3
-- spellfix 3.2.2
SELECT word, matchlen FROM t3 WHERE word MATCH 'kellj*'
 ORDER BY score, word LIMIT 5;
-- => killjoy|5
-- => kill|4
-- => killed|4
-- => killer|4
-- => killers|4
-- spellfix 3.2.3
SELECT word, matchlen FROM t3 WHERE word MATCH 'kellj'
 ORDER BY score, word LIMIT 5;
-- => kill|4
-- => kills|5
-- => killjoy|7
-- => keel|4
-- => killed|6
-- spellfix 4.0
INSERT INTO t3(command) VALUES('edit_cost_table=NULL');
-- spellfix 4.1.1
SELECT word, distance FROM t3 WHERE word MATCH 'kosher'
 ORDER BY score, word LIMIT 5;
-- => kosher|0
-- => kisser|51
-- => kissers|76
-- => kissed|126
-- => kisses|126
-- spellfix 4.1.2
SELECT word, distance FROM t3 WHERE word MATCH 'kellj'
 ORDER BY score, word LIMIT 5;
-- => keels|60
-- => killjoy|68
-- => kills|80
-- => keel|120
-- => kill|125
-- spellfix 4.1.3
SELECT word, distance FROM t3 WHERE word MATCH 'kashar'
 ORDER BY score, word LIMIT 5;
-- => kosher|80
-- => kisser|91
-- => kissers|116
-- => kissed|166
-- => kisses|166
-- spellfix 5.0
CREATE TABLE costs2(iLang, cFrom, cTo, iCost);
INSERT INTO costs2 VALUES(0, 'a', 'o', 1);
INSERT INTO costs2 VALUES(0, 'e', 'o', 4);
INSERT INTO costs2 VALUES(0, 'i', 'o', 8);
INSERT INTO costs2 VALUES(0, 'u', 'o', 16);
INSERT INTO t3(command) VALUES('edit_cost_table="costs2"');
-- spellfix 5.1.1
SELECT word, distance FROM t3 WHERE word MATCH 'kasher'
 ORDER BY score, word LIMIT 1;
-- => kosher|1
-- spellfix 5.1.2
SELECT word, distance FROM t3 WHERE word MATCH 'kesher'
 ORDER BY score, word LIMIT 1;
-- => kosher|4
-- spellfix 5.1.3
SELECT word, distance FROM t3 WHERE word MATCH 'kisher'
 ORDER BY score, word LIMIT 1;
-- => kosher|8
-- spellfix 5.1.4
SELECT word, distance FROM t3 WHERE word MATCH 'kosher'
 ORDER BY score, word LIMIT 1;
-- => kosher|0
-- spellfix 5.1.5
SELECT word, distance FROM t3 WHERE word MATCH 'kusher'
 ORDER BY score, word LIMIT 1;
-- => kosher|16
-- spellfix 6.1.1
SELECT word FROM t3 WHERE rowid = 10;
-- => keener
-- spellfix 6.1.2
SELECT word, distance FROM t3 WHERE rowid = 10;
-- => keener|
-- spellfix 6.1.3
SELECT word, distance FROM t3 WHERE rowid = 10 AND word MATCH 'kiiner';
-- => keener|300
-- spellfix 6.2.1
SELECT word FROM t3 WHERE rowid = 10;
-- => keener
-- spellfix 6.2.2
SELECT word, distance FROM t3 WHERE rowid = 10;
-- => keener|
-- spellfix 6.2.3
SELECT word, distance FROM t3 WHERE rowid = 10 AND word MATCH 'kiiner';
-- => keener|300
-- spellfix 7.1
CREATE VIRTUAL TABLE t4 USING spellfix1;
PRAGMA table_info = t4;
-- => 0|word||0||0
-- => 1|rank||0||0
-- => 2|distance||0||0
-- => 3|langid||0||0
-- => 4|score||0||0
-- => 5|matchlen||0||0
-- spellfix 7.2.1
INSERT INTO t4(rowid, word) VALUES(1, 'Archilles');
INSERT INTO t4(rowid, word) VALUES(2, 'Pluto');
INSERT INTO t4(rowid, word) VALUES(3, 'Atrides');
INSERT OR REPLACE INTO t4(rowid, word) VALUES(2, 'Apollo');
SELECT rowid, word FROM t4;
-- => 1|Archilles
-- => 2|Apollo
-- => 3|Atrides
-- spellfix 7.2.2
INSERT OR ABORT INTO t4(rowid, word) VALUES(1, 'Leto');
-- !! Runtime error near line 812: constraint failed (19)
-- spellfix 7.2.3
INSERT OR ROLLBACK INTO t4(rowid, word) VALUES(3, 'Zeus');
-- !! Runtime error near line 815: constraint failed (19)
-- spellfix 7.2.4
INSERT OR FAIL INTO t4(rowid, word) VALUES(3, 'Zeus');
-- !! Runtime error near line 818: constraint failed (19)
-- spellfix 7.2.5
INSERT OR IGNORE INTO t4(rowid, word) VALUES(3, 'Zeus');
SELECT rowid, word FROM t4;
-- => 1|Archilles
-- => 2|Apollo
-- => 3|Atrides
-- spellfix 7.3.1
UPDATE OR REPLACE t4 SET rowid=3 WHERE rowid=1;
SELECT rowid, word FROM t4;
-- => 2|Apollo
-- => 3|Archilles
-- spellfix 7.3.2
UPDATE OR ABORT t4 SET rowid=3 WHERE rowid=2;
-- !! Runtime error near line 832: constraint failed (19)
-- spellfix 7.3.3
UPDATE OR ROLLBACK t4 SET rowid=3 WHERE rowid=2;
-- !! Runtime error near line 835: constraint failed (19)
-- spellfix 7.3.4
UPDATE OR FAIL t4 SET rowid=3 WHERE rowid=2;
-- !! Runtime error near line 838: constraint failed (19)
-- spellfix 7.3.5
UPDATE OR IGNORE t4 SET rowid=3 WHERE rowid=2;
SELECT rowid, word FROM t4;
-- => 2|Apollo
-- => 3|Archilles
-- spellfix 7.4.1
DELETE FROM t4;
INSERT INTO t4(rowid, word) VALUES(10, 'Agamemnon');
INSERT INTO t4(rowid, word) VALUES(20, 'Patroclus');
INSERT INTO t4(rowid, word) VALUES(30, 'Chryses');
CREATE TABLE t5(i, w);
INSERT INTO t5 VALUES(5,  'Poseidon');
INSERT INTO t5 VALUES(20, 'Chronos');
INSERT INTO t5 VALUES(30, 'Hera');
-- (skipped: db_save_and_close)
-- (skipped: db_restore_and_reopen)
BEGIN;
-- spellfix 7.4.2.0.1
INSERT  INTO t4(rowid, word) SELECT i, w FROM t5;
-- !! Runtime error near line 858: constraint failed (19)
-- spellfix 7.4.2.0.2
SELECT rowid, word FROM t4;
-- => 10|Agamemnon
-- => 20|Patroclus
-- => 30|Chryses
-- spellfix 7.4.2.0.3
-- (skipped: sqlite3_get_autocommit)
ROLLBACK;
-- (skipped: db_restore_and_reopen)
BEGIN;
-- spellfix 7.4.2.1.1
INSERT OR REPLACE INTO t4(rowid, word) SELECT i, w FROM t5;
-- spellfix 7.4.2.1.2
SELECT rowid, word FROM t4;
-- => 5|Poseidon
-- => 10|Agamemnon
-- => 20|Chronos
-- => 30|Hera
-- spellfix 7.4.2.1.3
-- (skipped: sqlite3_get_autocommit)
ROLLBACK;
-- (skipped: db_restore_and_reopen)
BEGIN;
-- spellfix 7.4.2.2.1
INSERT OR ABORT INTO t4(rowid, word) SELECT i, w FROM t5;
-- !! Runtime error near line 884: constraint failed (19)
-- spellfix 7.4.2.2.2
SELECT rowid, word FROM t4;
-- => 10|Agamemnon
-- => 20|Patroclus
-- => 30|Chryses
-- spellfix 7.4.2.2.3
-- (skipped: sqlite3_get_autocommit)
ROLLBACK;
-- (skipped: db_restore_and_reopen)
BEGIN;
-- spellfix 7.4.2.3.1
INSERT OR ROLLBACK INTO t4(rowid, word) SELECT i, w FROM t5;
-- !! Runtime error near line 897: constraint failed (19)
-- spellfix 7.4.2.3.2
SELECT rowid, word FROM t4;
-- => 10|Agamemnon
-- => 20|Patroclus
-- => 30|Chryses
-- spellfix 7.4.2.3.3
-- (skipped: sqlite3_get_autocommit)
ROLLBACK;
-- (skipped: db_restore_and_reopen)
BEGIN;
-- spellfix 7.4.2.5.1
INSERT OR IGNORE INTO t4(rowid, word) SELECT i, w FROM t5;
-- spellfix 7.4.2.5.2
SELECT rowid, word FROM t4;
-- => 5|Poseidon
-- => 10|Agamemnon
-- => 20|Patroclus
-- => 30|Chryses
-- !! Runtime error near line 906: cannot rollback - no transaction is active
-- spellfix 7.4.2.5.3
-- (skipped: sqlite3_get_autocommit)
ROLLBACK;
-- (skipped: db_restore_and_reopen)
BEGIN;
-- spellfix 7.5.2.0.1
UPDATE  t4 SET rowid=rowid + (rowid/2);
-- !! Runtime error near line 924: constraint failed (19)
-- spellfix 7.5.2.0.2
SELECT rowid, word FROM t4;
-- => 10|Agamemnon
-- => 20|Patroclus
-- => 30|Chryses
-- spellfix 7.5.2.0.3
-- (skipped: sqlite3_get_autocommit)
ROLLBACK;
-- (skipped: db_restore_and_reopen)
BEGIN;
-- spellfix 7.5.2.1.1
UPDATE OR REPLACE t4 SET rowid=rowid + (rowid/2);
-- spellfix 7.5.2.1.2
SELECT rowid, word FROM t4;
-- => 15|Agamemnon
-- => 45|Chryses
-- spellfix 7.5.2.1.3
-- (skipped: sqlite3_get_autocommit)
ROLLBACK;
-- (skipped: db_restore_and_reopen)
BEGIN;
-- spellfix 7.5.2.2.1
UPDATE OR ABORT t4 SET rowid=rowid + (rowid/2);
-- !! Runtime error near line 948: constraint failed (19)
-- spellfix 7.5.2.2.2
SELECT rowid, word FROM t4;
-- => 10|Agamemnon
-- => 20|Patroclus
-- => 30|Chryses
-- spellfix 7.5.2.2.3
-- (skipped: sqlite3_get_autocommit)
ROLLBACK;
-- (skipped: db_restore_and_reopen)
BEGIN;
-- spellfix 7.5.2.3.1
UPDATE OR ROLLBACK t4 SET rowid=rowid + (rowid/2);
-- !! Runtime error near line 961: constraint failed (19)
-- spellfix 7.5.2.3.2
SELECT rowid, word FROM t4;
-- => 10|Agamemnon
-- => 20|Patroclus
-- => 30|Chryses
-- spellfix 7.5.2.3.3
-- (skipped: sqlite3_get_autocommit)
ROLLBACK;
-- (skipped: db_restore_and_reopen)
BEGIN;
-- spellfix 7.5.2.5.1
UPDATE OR IGNORE t4 SET rowid=rowid + (rowid/2);
-- spellfix 7.5.2.5.2
SELECT rowid, word FROM t4;
-- => 15|Agamemnon
-- => 20|Patroclus
-- => 45|Chryses
-- !! Runtime error near line 970: cannot rollback - no transaction is active
-- spellfix 7.5.2.5.3
-- (skipped: sqlite3_get_autocommit)
ROLLBACK;
-- test/spellfix2.test
-- a fresh start: drop the tables of the file before
DROP TABLE IF EXISTS t1; DROP TABLE IF EXISTS vocab; DROP TABLE IF EXISTS t2; DROP TABLE IF EXISTS costs; DROP TABLE IF EXISTS t3; DROP TABLE IF EXISTS costs2; DROP TABLE IF EXISTS t4; DROP TABLE IF EXISTS t5;
-- spellfix2 1.0
CREATE VIRTUAL TABLE demo USING spellfix1;
INSERT INTO demo(word) VALUES ('amsterdam');
INSERT INTO demo(word) VALUES ('amsterdammetje');
INSERT INTO demo(word) VALUES ('amsterdamania');
INSERT INTO demo(word) VALUES ('amsterdamweg');
INSERT INTO demo(word) VALUES ('amsterdamsestraat');
INSERT INTO demo(word) VALUES ('amsterdamlaan');
-- spellfix2 1.1
SELECT word, distance, matchlen FROM demo 
WHERE word MATCH 'amstedam*' AND top=3
ORDER BY +word;
-- => amsterdam|100|9
-- => amsterdamania|100|9
-- => amsterdammetje|100|9
-- spellfix2 1.2
SELECT word, distance, matchlen FROM demo WHERE 
word MATCH 'amstedam*' AND top=3 AND distance <= 100
ORDER BY +word;
-- => amsterdam|100|9
-- => amsterdamania|100|9
-- => amsterdammetje|100|9
-- spellfix2 1.3
SELECT word, distance, matchlen FROM demo WHERE 
word MATCH 'amstedam*' AND distance <= 100
ORDER BY +word;
-- => amsterdam|100|9
-- => amsterdamania|100|9
-- => amsterdamlaan|100|9
-- => amsterdammetje|100|9
-- => amsterdamsestraat|100|9
-- => amsterdamweg|100|9
-- spellfix2 1.4
INSERT INTO demo(word) VALUES ('amsterdam' || 'a');
INSERT INTO demo(word) VALUES ('amsterdam' || 'b');
INSERT INTO demo(word) VALUES ('amsterdam' || 'c');
INSERT INTO demo(word) VALUES ('amsterdam' || 'd');
INSERT INTO demo(word) VALUES ('amsterdam' || 'e');
INSERT INTO demo(word) VALUES ('amsterdam' || 'f');
INSERT INTO demo(word) VALUES ('amsterdam' || 'g');
INSERT INTO demo(word) VALUES ('amsterdam' || 'h');
INSERT INTO demo(word) VALUES ('amsterdam' || 'i');
INSERT INTO demo(word) VALUES ('amsterdam' || 'j');
INSERT INTO demo(word) VALUES ('amsterdam' || 'k');
INSERT INTO demo(word) VALUES ('amsterdam' || 'l');
INSERT INTO demo(word) VALUES ('amsterdam' || 'm');
INSERT INTO demo(word) VALUES ('amsterdam' || 'n');
INSERT INTO demo(word) VALUES ('amsterdam' || 'o');
INSERT INTO demo(word) VALUES ('amsterdam' || 'p');
INSERT INTO demo(word) VALUES ('amsterdam' || 'q');
INSERT INTO demo(word) VALUES ('amsterdam' || 'r');
INSERT INTO demo(word) VALUES ('amsterdam' || 's');
INSERT INTO demo(word) VALUES ('amsterdam' || 't');
INSERT INTO demo(word) VALUES ('amsterdam' || 'u');
INSERT INTO demo(word) VALUES ('amsterdam' || 'v');
INSERT INTO demo(word) VALUES ('amsterdam' || 'w');
INSERT INTO demo(word) VALUES ('amsterdam' || 'x');
INSERT INTO demo(word) VALUES ('amsterdam' || 'y');
INSERT INTO demo(word) VALUES ('amsterdam' || 'z');
-- spellfix2 1.5
SELECT count(*) FROM demo WHERE word MATCH 'amstedam*' AND distance <= 100;
SELECT count(*) FROM demo 
WHERE word MATCH 'amstedam*' AND distance <= 100 AND top=20;
-- => 32
-- => 20
-- spellfix2 1.6
SELECT word, distance, matchlen FROM demo 
WHERE word MATCH 'amstedam*' AND distance <= 100
ORDER BY distance, word;
-- => amsterdam|100|9
-- => amsterdama|100|9
-- => amsterdamania|100|9
-- => amsterdamb|100|9
-- => amsterdamc|100|9
-- => amsterdamd|100|9
-- => amsterdame|100|9
-- => amsterdamf|100|9
-- => amsterdamg|100|9
-- => amsterdamh|100|9
-- => amsterdami|100|9
-- => amsterdamj|100|9
-- => amsterdamk|100|9
-- => amsterdaml|100|9
-- => amsterdamlaan|100|9
-- => amsterdamm|100|9
-- => amsterdammetje|100|9
-- => amsterdamn|100|9
-- => amsterdamo|100|9
-- => amsterdamp|100|9
-- => amsterdamq|100|9
-- => amsterdamr|100|9
-- => amsterdams|100|9
-- => amsterdamsestraat|100|9
-- => amsterdamt|100|9
-- => amsterdamu|100|9
-- => amsterdamv|100|9
-- => amsterdamw|100|9
-- => amsterdamweg|100|9
-- => amsterdamx|100|9
-- => amsterdamy|100|9
-- => amsterdamz|100|9
-- spellfix2 1.7
SELECT word, distance, matchlen FROM demo 
WHERE word MATCH 'amstedam*' AND distance <= 100 AND top=20
ORDER BY distance, word;
-- => amsterdam|100|9
-- => amsterdama|100|9
-- => amsterdamania|100|9
-- => amsterdamb|100|9
-- => amsterdamc|100|9
-- => amsterdame|100|9
-- => amsterdamf|100|9
-- => amsterdamg|100|9
-- => amsterdamh|100|9
-- => amsterdami|100|9
-- => amsterdamm|100|9
-- => amsterdammetje|100|9
-- => amsterdamn|100|9
-- => amsterdamo|100|9
-- => amsterdamp|100|9
-- => amsterdamu|100|9
-- => amsterdamv|100|9
-- => amsterdamw|100|9
-- => amsterdamweg|100|9
-- => amsterdamy|100|9
-- test/spellfix3.test
-- a fresh start: drop the tables of the file before
DROP TABLE IF EXISTS demo;
-- spellfix3 100
SELECT spellfix1_scriptcode('And God said, “Let there be light”');
-- => 215
-- spellfix3 110
SELECT spellfix1_scriptcode('Бог сказал: "Да будет свет"');
-- => 220
-- spellfix3 120
SELECT spellfix1_scriptcode('και ειπεν ο θεος γενηθητω φως και εγενετο φως');
-- => 200
-- spellfix3 130
SELECT spellfix1_scriptcode('וַיֹּ֥אמֶר אֱלֹהִ֖ים יְהִ֣י א֑וֹר וַֽיְהִי־אֽוֹר׃');
-- => 125
-- spellfix3 140
SELECT spellfix1_scriptcode('فِي ذَلِكَ الوَقتِ، قالَ اللهُ: لِيَكُنْ نُورٌ. فَصَارَ نُورٌ.');
-- => 160
-- spellfix3 200
SELECT spellfix1_scriptcode('+3.14159');
-- => 215
-- spellfix3 210
SELECT spellfix1_scriptcode('And God said: "Да будет свет"');
-- => 998
-- spellfix3 220
SELECT spellfix1_scriptcode('+3.14159 light');
-- => 215
-- spellfix3 230
SELECT spellfix1_scriptcode('+3.14159 свет');
-- => 220
-- spellfix3 240
SELECT spellfix1_scriptcode('וַיֹּ֥אמֶר +3.14159');
-- => 125
-- test/spellfix4.test
-- a fresh start: drop the tables of the file before

-- spellfix4 100
CREATE TABLE cost1(iLang, cFrom, cTo, iCost);
INSERT INTO cost1 VALUES
  (0, '', '?',  97),
  (0, '?', '',  98),
  (0, '?', '?', 99),
  (0, 'm', 'n', 50),
  (0, 'n', 'm', 50)
;
SELECT editdist3('cost1');
SELECT editdist3('anchor','amchor');
-- =>
-- => 50
-- spellfix4 110
SELECT editdist3('anchor','anchoxr');
-- => 97
-- spellfix4 111
SELECT editdist3('anchor','xanchor');
-- => 97
-- spellfix4 112
SELECT editdist3('anchor','anchorx');
-- => 97
-- spellfix4 120
SELECT editdist3('anchor','anchr');
-- => 98
-- spellfix4 121
SELECT editdist3('anchor','ancho');
-- => 98
-- spellfix4 122
SELECT editdist3('anchor','nchor');
-- => 98
-- spellfix4 130
SELECT editdist3('anchor','anchur');
-- => 99
-- spellfix4 131
SELECT editdist3('anchor','onchor');
-- => 99
-- spellfix4 132
SELECT editdist3('anchor','anchot');
-- => 99
-- spellfix4 140
SELECT editdist3('anchor','omchor');
-- => 149
-- spellfix4 200
INSERT INTO cost1 VALUES
  (0, 'a', 'ä', 5),
  (0, 'ss', 'ß', 8)
;
SELECT editdist3('cost1');
SELECT editdist3('strasse','straße');
SELECT editdist3('straße','strasse');
-- =>
-- => 8
-- => 196
-- spellfix4 210
SELECT editdist3('baume','bäume');
-- => 5
-- spellfix4 220
SELECT editdist3('baum','bäume');
-- => 102
-- spellfix4 230
INSERT INTO cost1 VALUES
  (0, 'ä', 'a', 5),
  (0, 'ß', 'ss', 8)
;
SELECT editdist3('cost1');
SELECT editdist3('strasse','straße');
SELECT editdist3('straße','strasse');
-- =>
-- => 8
-- => 8
-- spellfix4 300
DELETE FROM cost1;
INSERT INTO cost1 VALUES
  (0, '', '?',  97),
  (0, '?', '',  98),
  (0, '?', '?', 99),
  (0, 'a', 'e', 50),
  (0, 'a', 'i', 70),
  (0, 'a', 'o', 75),
  (0, 'a', 'u', 81),
  (0, 'e', 'a', 50),
  (0, 'e', 'i', 52),
  (0, 'e', 'o', 72),
  (0, 'e', 'u', 82),
  (0, 'i', 'a', 70),
  (0, 'i', 'e', 52),
  (0, 'i', 'o', 75),
  (0, 'i', 'u', 83),
  (0, 'o', 'a', 75),
  (0, 'o', 'e', 72),
  (0, 'o', 'i', 75),
  (0, 'o', 'u', 40),
  (0, 'u', 'a', 81),
  (0, 'u', 'e', 82),
  (0, 'u', 'i', 83),
  (0, 'u', 'o', 40),
  (0, 'm', 'n', 45),
  (0, 'n', 'm', 45)
;
CREATE TABLE words(x TEXT);
INSERT INTO words VALUES
 ('abraham'),
 ('action'),
 ('africa'),
 ('aladdin'),
 ('alert'),
 ('alien'),
 ('amazon'),
 ('analog'),
 ('animal'),
 ('apollo'),
 ('archive'),
 ('arnold'),
 ('aspirin'),
 ('august'),
 ('average'),
 ('bahama'),
 ('bambino'),
 ('barcode'),
 ('bazooka'),
 ('belgium'),
 ('between'),
 ('biology'),
 ('blonde'),
 ('border'),
 ('brave'),
 ('british'),
 ('bucket'),
 ('button'),
 ('caesar'),
 ('camilla'),
 ('cannon'),
 ('caramel'),
 ('carpet'),
 ('catalog'),
 ('century'),
 ('chaos'),
 ('chef'),
 ('china'),
 ('circus'),
 ('classic'),
 ('clinic'),
 ('coconut'),
 ('combine'),
 ('complex'),
 ('congo'),
 ('convert'),
 ('cosmos'),
 ('crack'),
 ('crown'),
 ('cyclone'),
 ('deal'),
 ('delete'),
 ('denver'),
 ('detail'),
 ('diana'),
 ('direct'),
 ('dolby'),
 ('double'),
 ('dublin'),
 ('echo'),
 ('edition'),
 ('electra'),
 ('emotion'),
 ('enjoy'),
 ('escape'),
 ('everest'),
 ('exile'),
 ('express'),
 ('family'),
 ('ferrari'),
 ('filter'),
 ('fish'),
 ('florida'),
 ('ford'),
 ('forum'),
 ('frank'),
 ('frozen'),
 ('gallery'),
 ('garlic'),
 ('geneva'),
 ('gibson'),
 ('gloria'),
 ('gordon'),
 ('gravity'),
 ('ground'),
 ('habitat'),
 ('harlem'),
 ('hazard'),
 ('herbert'),
 ('hobby'),
 ('house'),
 ('icon'),
 ('immune'),
 ('india'),
 ('inside'),
 ('isotope'),
 ('jamaica'),
 ('jazz'),
 ('joker'),
 ('juliet'),
 ('jupiter'),
 ('kevin'),
 ('korea'),
 ('latin'),
 ('legal'),
 ('lexicon'),
 ('limbo'),
 ('lithium'),
 ('logo'),
 ('lucas'),
 ('madrid'),
 ('major'),
 ('manual'),
 ('mars'),
 ('maximum'),
 ('medical'),
 ('mental'),
 ('meter'),
 ('miguel'),
 ('mimosa'),
 ('miranda'),
 ('modern'),
 ('money'),
 ('morgan'),
 ('motor'),
 ('mystic'),
 ('nebula'),
 ('network'),
 ('nice'),
 ('nitro'),
 ('norway'),
 ('nurse'),
 ('octavia'),
 ('olympic'),
 ('opus'),
 ('orient'),
 ('othello'),
 ('pacific'),
 ('panama'),
 ('paper'),
 ('parking'),
 ('pasta'),
 ('paul'),
 ('people'),
 ('permit'),
 ('phrase'),
 ('pilgrim'),
 ('planet'),
 ('pocket'),
 ('police'),
 ('popular'),
 ('prefer'),
 ('presto'),
 ('private'),
 ('project'),
 ('proxy'),
 ('python'),
 ('quota'),
 ('rainbow'),
 ('raymond'),
 ('region'),
 ('report'),
 ('reward'),
 ('risk'),
 ('robot'),
 ('rose'),
 ('russian'),
 ('sailor'),
 ('salt'),
 ('saturn'),
 ('scorpio'),
 ('second'),
 ('seminar'),
 ('shadow'),
 ('shave'),
 ('shock'),
 ('silence'),
 ('sinatra'),
 ('sleep'),
 ('social'),
 ('sonata'),
 ('spain'),
 ('sphere'),
 ('spray'),
 ('state'),
 ('stone'),
 ('strong'),
 ('sugar'),
 ('supreme'),
 ('swing'),
 ('talent'),
 ('telecom'),
 ('thermos'),
 ('tina'),
 ('tommy'),
 ('torso'),
 ('trade'),
 ('trick'),
 ('tropic'),
 ('turtle'),
 ('uniform'),
 ('user'),
 ('vega'),
 ('vertigo'),
 ('village'),
 ('visible'),
 ('vocal'),
 ('voyage'),
 ('weekend'),
 ('winter'),
 ('year'),
 ('zipper')
;
SELECT editdist3('cost1');
-- =>
-- spellfix4 310
SELECT editdist3(a.x,b.x), a.x, b.x
  FROM words a, words b
 WHERE a.x<b.x
 ORDER BY 1, 2
 LIMIT 20;
-- => 139|bucket|pocket
-- => 144|meter|motor
-- => 149|manual|mental
-- => 169|crack|trick
-- => 173|sinatra|sonata
-- => 174|edition|emotion
-- => 174|major|motor
-- => 174|risk|rose
-- => 174|state|stone
-- => 194|deal|detail
-- => 196|alert|talent
-- => 196|analog|catalog
-- => 196|deal|legal
-- => 196|ford|forum
-- => 196|risk|trick
-- => 196|stone|strong
-- => 197|china|tina
-- => 197|congo|logo
-- => 197|diana|tina
-- => 197|florida|gloria
-- spellfix4 320
-- (320's md5sum() is a Tcl test function: not translated)
-- the scalar functions: NULLs, wrong types, invalid UTF-8, counts, flags
-- a fresh start: drop the tables of the file before
DROP TABLE IF EXISTS cost1; DROP TABLE IF EXISTS words;
SELECT editdist3('abc', 'abd'), editdist3('kitten', 'sitting'), editdist3('', 'abc'), editdist3('abc', '');
-- => 99|248|291|294
-- editdist3() of a NULL fails with sqlite3_result_error_nomem(), which
-- reaches SQLite as SQLITE_NOMEM: "out of memory (7)", as in sqlite3.
SELECT quote(editdist3(NULL, 'a')), quote(editdist3('a', NULL)), editdist3(12, 13), editdist3(cast(x'ff' as text), 'a');
-- !! Runtime error near line 1500: out of memory (7)
SELECT spellfix1_translit('Größe Ærø'), spellfix1_translit(NULL), spellfix1_translit(cast(x'ff41' as text)), spellfix1_translit(123);
-- => Groesse AEro|||123
SELECT spellfix1_phonehash('kosher'), spellfix1_phonehash('KOSHER'), quote(spellfix1_phonehash(NULL)), spellfix1_phonehash(cast(x'ff' as text));
-- => CACR|CACR|NULL|
SELECT spellfix1_scriptcode('hello'), spellfix1_scriptcode('привет'), spellfix1_scriptcode('γειά'), spellfix1_scriptcode(''), spellfix1_scriptcode(NULL), spellfix1_scriptcode(cast(x'ff' as text));
-- => 215|220|200|999|999|999
SELECT spellfix1_editdist('kosher', 'kisser'), spellfix1_editdist('abc', 'abc'), spellfix1_editdist('abc*', 'abcdef'), quote(spellfix1_editdist(NULL, 'a'));
-- !! Runtime error near line 1508: NULL input to editdist()
-- KNOWN DIFFERENCE: the cost table 'a' does not exist; editdist3() returns
-- sqlite3_result_error_code(SQLITE_ERROR): sqlite3 prints "SQL logic error",
-- sqlink "SQL logic error (no such table: a)".
SELECT editdist3('a');
-- !! Runtime error near line 1513: SQL logic error (no such table: a)
SELECT editdist3('a', 'b', 'c', 'd');
-- !! Parse error near line 1515: wrong number of arguments to function editdist3()
-- !!   SELECT editdist3('a', 'b', 'c', 'd');
-- !!          ^--- error here
SELECT editdist3('no-such-table');
-- !! Runtime error near line 1519: SQL logic error
-- KNOWN DIFFERENCE: spellfix.c registers its functions without SQLITE_INNOCUOUS;
-- Debian's sqlite3 (trusted_schema on) takes them in generated columns, sqlink
-- refuses them: "unsafe use of spellfix1_scriptcode()" / "unsafe use of editdist3()".
CREATE TABLE g(a TEXT, h AS (spellfix1_phonehash(a)), d AS (spellfix1_editdist(a, 'x')), t AS (spellfix1_translit(a)), s AS (spellfix1_scriptcode(a)));
INSERT INTO g(a) VALUES ('hello');
SELECT h, d, t, s FROM g;
-- !! Parse error near line 1524: unsafe use of spellfix1_scriptcode()
-- !! Parse error near line 1525: no such table: g
-- !! Parse error near line 1526: no such table: g
CREATE TABLE g2(a TEXT, e AS (editdist3(a, 'x')));
CREATE VIRTUAL TABLE v USING spellfix1(bogus_arg=1);
-- !! Parse error near line 1530: unsafe use of editdist3()
-- !! Runtime error near line 1531: bad argument to spellfix1(): "bogus_arg=1"
