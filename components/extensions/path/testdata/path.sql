-- exit: 1
.load dist/extensions/path.wasm
-- Every function and table of path, as sqlite-path v0.2.1 (commit
-- 1f8d452, cwalk 08e7520, loaded into Debian's sqlite3 3.40.1) answers:
-- components/extensions/path/testdata/path.sql, made by gen.sh there.
select path_version(), substr(path_debug(), 1, instr(path_debug(), char(10)) - 1), length(path_debug()) - length(replace(path_debug(), char(10), ''));
-- => v0.2.1|Version: v0.2.1|3
select path_absolute('/a'), path_absolute('a'), path_absolute(''), path_absolute(NULL), path_absolute('//'), path_absolute(12);
-- => 1|0|0|0|1|0
select path_relative('/a'), path_relative('a'), path_relative(''), quote(path_relative(NULL));
-- => 0|1|1|NULL
-- documented examples
select path_basename('/usr/bin/sqlite3'), path_dirname('/usr/bin/sqlite3'), path_extension('data/archive.tar.gz'), path_name('data/archive.tar.gz');
-- => sqlite3|/usr/bin/|.gz|archive
select path_join('/usr', 'bin', '../lib'), path_normalize('/usr//bin/./../lib/'), path_root('/usr/lib'), quote(path_root('usr/lib'));
-- => /usr/lib|/usr/lib|/|''
select path_intersection('/usr/local/lib', '/usr/local/bin'), quote(path_intersection('/usr', 'usr')), quote(path_intersection('a', 'b'));
-- => /usr/local|NULL|NULL
select path_length('/a/b/c'), path_at('/a/b/c', 0), path_at('/a/b/c', -1), path_part_at('/a/b/c', 1), quote(path_at('/a/b/c', 3)), quote(path_at('/a/b/c', -4));
-- => 3|a|c|b|NULL|NULL
-- empty paths, roots, trailing slashes
select quote(path_basename('')), quote(path_basename('/')), quote(path_basename('a/')), quote(path_basename('a//b//'));
-- => NULL|NULL|'a'|'b'
select quote(path_dirname('')), quote(path_dirname('/')), quote(path_dirname('a')), quote(path_dirname('/a')), quote(path_dirname('a/b/')), quote(path_dirname('//a//b'));
-- => NULL|NULL|NULL|'/'|'a/'|'//a//'
select quote(path_extension('')), quote(path_extension('a')), quote(path_extension('.bashrc')), quote(path_extension('a.')), quote(path_extension('a.b/')), quote(path_extension('a.b/c'));
-- => NULL|NULL|'.bashrc'|'.'|'.b'|NULL
select quote(path_name('')), quote(path_name('/')), quote(path_name('.bashrc')), quote(path_name('.a.b')), quote(path_name('..')), quote(path_name('.')), quote(path_name('a.b.c/')), quote(path_name('x'));
-- => NULL|NULL|'.bashrc'|'.a'|'.'|'.'|'a'|'x'
select quote(path_normalize('')), quote(path_normalize('/')), quote(path_normalize('////')), quote(path_normalize('.')), quote(path_normalize('./')), quote(path_normalize('a/..')), quote(path_normalize('/..')), quote(path_normalize('..')), quote(path_normalize('../a/../..')), quote(path_normalize('a/b/../../../c'));
-- => ''|'/'|'/'|'.'|'.'|'.'|'/'|'..'|'../..'|'../c'
select quote(path_join('', '')), quote(path_join('a', '')), quote(path_join('', 'b')), quote(path_join('/', '/')), quote(path_join('a', '/b')), quote(path_join('/a', '../..')), quote(path_join('a', '../..', 'c'));
-- => ''|'a'|'b'|'/'|'a/b'|'/'|'../c'
select quote(path_join('a', NULL)), quote(path_join(NULL, 'a')), quote(path_join('a/./b/', NULL, 'c')), quote(path_join(1, 2, 3.5));
-- => 'a'|NULL|'a/b/c'|'1/2/3.5'
select path_join('a');
-- !! Runtime error near line 36: at least 2 paths are required for path_join
select quote(path_intersection('', '')), quote(path_intersection('/', '/')), quote(path_intersection('/a/b', '/a/./x/../b/c')), quote(path_intersection('a/b', 'a/b/c')), quote(path_intersection(NULL, 'a')), quote(path_intersection('/a//', '/a'));
-- => NULL|'/'|'/a/b'|'a/b'|NULL|'/a'
select path_length(''), path_length('/'), path_length('//a//'), path_length('a/./../b'), quote(path_length(NULL));
-- => 0|0|1|4|NULL
select quote(path_at('', 0)), quote(path_at('', -1)), quote(path_at('', 1)), quote(path_at('', -2)), quote(path_at('/', 0)), quote(path_at('//', -1)), quote(path_at(NULL, 0)), quote(path_at('a/b', NULL)), quote(path_at('a/b', '1')), quote(path_at('a/b', 4294967297));
-- => ''|''|NULL|NULL|''|''|NULL|'a'|'b'|'b'
select quote(path_root('')), quote(path_root('/')), quote(path_root('//a')), quote(path_root(NULL));
-- => ''|'/'|'/'|NULL
-- text after a NUL is not part of the path
select path_basename('a/b' || char(0) || '/c'), length(path_normalize('x' || char(0) || 'y'));
-- => b|1
select path_basename(x'612f62');
-- => b
-- path_parts
select rowid, * from path_parts('/usr/./local/../bin/');
-- => 0|normal|usr
-- => 1|current|.
-- => 2|normal|local
-- => 3|back|..
-- => 4|normal|bin
select rowid, type, part, quote(path) from path_parts('a//b');
-- => 0|normal|a|NULL
-- => 1|normal|b|NULL
select count(*) from path_parts('');
-- => 0
select count(*) from path_parts('/');
-- => 0
select p.rowid, p.part from path_parts('a/b') as p where p.part = 'b';
-- => 1|b
select part from path_parts where path = 'x/y';
-- => x
-- => y
select * from path_parts;
-- !! Parse error near line 70: path argument is required
select * from path_parts where path > 'a';
-- !! Parse error near line 72: no query solution
