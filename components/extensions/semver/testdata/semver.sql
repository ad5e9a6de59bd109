-- exit: 1
.load dist/extensions/semver.wasm
-- Every function, table and the collation of semver, as sqlite-semver
-- v0.0.1-alpha.1 (commit 90bac74, semver 1.0.28, loaded into Debian's
-- sqlite3 3.40.1) answers: components/extensions/semver/testdata/semver.sql,
-- made by gen.sh there. Nothing here makes sqlite-semver panic (it takes
-- the process down where this extension reports an error): those cases,
-- and semver_gt, are at the end of tests/shell/semver.sql.
select semver_version(), substr(semver_debug(), 1, instr(semver_debug(), char(10)) - 1), length(semver_debug()) - length(replace(semver_debug(), char(10), ''));
-- => v0.0.1-alpha.1|Version: v0.0.1-alpha.1|2
-- semver_version(major, minor, patch[, pre[, build]])
select semver_version(1, 2, 3), semver_version(1, 2, 3, 'beta.3'), semver_version(1, 2, 3, 'beta.3', 'zstd.1.5.0'), semver_version(1, 2, 3, null, 'zstd.1.5.0');
-- => 1.2.3|1.2.3-beta.3|1.2.3-beta.3+zstd.1.5.0|1.2.3+zstd.1.5.0
select semver_version(0, 0, 0, '', ''), semver_version('7', 2.9, '3abc'), semver_version(null, null, null), semver_version(1, 2, -3), semver_version(1, -1, 0);
-- => 0.0.0|7.2.3|0.0.0|1.2.18446744073709551613|1.18446744073709551615.0
select semver_version(9223372036854775807, 0, 0, 'alpha.1.x-y', 'b.007');
-- => 9223372036854775807.0.0-alpha.1.x-y+b.007
select semver_version(-1, 2, 3);
-- !! Runtime error near line 18: major cannot be out of range integral type conversion attempted
select semver_matches(semver_version_pointer(1, 2, 3), '^1'), semver_matches(semver_version_pointer(1, 2, 3, 'rc.1', 'b'), '=1.2.3-rc.1');
-- => 1|1
-- semver_matches(version, requirement)
select semver_matches('1.3.0', '>=1.2.3, <1.8.0'), semver_matches('1.8.0', '>=1.2.3, <1.8.0'), semver_matches('1.2.3', '1.2.3'), semver_matches('1.2.4', '=1.2.3');
-- => 1|0|1|0
select semver_matches('1.9.9', '^1.2'), semver_matches('2.0.0', '^1.2'), semver_matches('0.2.9', '^0.2.3'), semver_matches('0.3.0', '^0.2.3'), semver_matches('0.0.4', '^0.0.3');
-- => 1|0|1|0|0
select semver_matches('1.2.9', '~1.2.3'), semver_matches('1.3.0', '~1.2.3'), semver_matches('1.9.0', '~1'), semver_matches('5.0.0', '*'), semver_matches('1.5.0', '1.*'), semver_matches('1.5.0', '1.x');
-- => 1|0|1|1|1|1
select semver_matches('1.3.0-alpha.1', '>=1.2.0'), semver_matches('1.3.0-alpha.2', '>=1.3.0-alpha.1'), semver_matches('1.3.0-beta', '^1.3.0-alpha'), semver_matches('1.4.0-beta', '^1.3.0-alpha');
-- => 0|1|1|0
select semver_matches('1.0.0+build.5', '=1.0.0'), semver_matches('1.0.0', '>1.0.0-rc.1'), semver_matches('1.0.0', '<=1.0.0, >=1.0.0'), semver_matches('1.2.3', '  >= 1.2.3  ');
-- => 1|1|1|1
-- semver_gt(a, b): not here; sqlite-semver compares the addresses of the
-- two parsed versions, not the versions (see tests/shell/semver.sql).
-- the semver collation
create table tests as select column1 as version from (values ('1.0.0-rc.1'), ('1.0.0-beta.11'), ('1.0.0-alpha'), ('1.0.0-alpha.beta'), ('1.0.0'), ('v1.0.0-beta'), ('1.0.0-alpha.1'), ('1.0.0-beta.2'), ('0.9.10'), ('0.9.9'), ('10.0.0'), ('2.0.0+build'));
select group_concat(version, ' ') from (select version from tests order by version collate semver asc);
-- => 0.9.9 0.9.10 1.0.0-alpha 1.0.0-alpha.1 1.0.0-alpha.beta v1.0.0-beta 1.0.0-beta.2 1.0.0-beta.11 1.0.0-rc.1 1.0.0 2.0.0+build 10.0.0
select group_concat(version, ' ') from (select version from tests order by version collate semver desc);
-- => 10.0.0 2.0.0+build 1.0.0 1.0.0-rc.1 1.0.0-beta.11 1.0.0-beta.2 v1.0.0-beta 1.0.0-alpha.beta 1.0.0-alpha.1 1.0.0-alpha 0.9.10 0.9.9
select '1.0.0' = 'v1.0.0' collate semver, '1.0.0' < '1.0.1' collate semver, '2.0.0' > '10.0.0' collate semver, 'x' = 'x' collate semver, 'x' < 'y' collate semver, 'y' < 'x' collate semver, '1.0.0' < 'x' collate semver, 'x' < '1.0.0' collate semver;
-- => 1|1|0|0|1|1|1|1
select 'V1.0.0' = '1.0.0' collate semver, 'vv1.0.0' = 'v1.0.0' collate semver, '1.0.0+a' = '1.0.0+b' collate semver, '1.0.0+a' < '1.0.0+b' collate semver;
-- => 0|0|0|1
-- semver_requirements(requirement)
select rowid, *, requirement from semver_requirements('>=1.2.3, <1.8, ^1.99.0-alpha.2');
-- => 0|greater_eq|1|2|3||>=1.2.3, <1.8, ^1.99.0-alpha.2
-- => 1|less|1|8|||>=1.2.3, <1.8, ^1.99.0-alpha.2
-- => 2|caret|1|99|0|alpha.2|>=1.2.3, <1.8, ^1.99.0-alpha.2
select rowid, op, quote(major), quote(minor), quote(patch), quote(pre) from semver_requirements('=1, >2.1, <=3.0.0-rc.1, ~4, 5.*, 6.6.x');
-- => 0|exact|1|NULL|NULL|NULL
-- => 1|greater|2|1|NULL|NULL
-- => 2|less_qq|3|0|0|'rc.1'
-- => 3|tilde|4|NULL|NULL|NULL
-- => 4|wildcard|5|NULL|NULL|NULL
-- => 5|wildcard|6|6|NULL|NULL
select 'rows', count(*) from semver_requirements('*');
-- => rows|0
select rowid, op, major, quote(minor), quote(patch) from semver_requirements('1.2');
-- => 0|caret|1|2|NULL
select rowid, op, major from semver_requirements('18446744073709551615.0.0');
-- => 0|caret|18446744073709551615
select rowid, op, major from semver_requirements where requirement = '^3';
-- => 0|caret|3
select r.op, t.version from tests as t, semver_requirements('>=1.0.0-alpha.1, <1.0.0-beta') as r where r.rowid = 0 order by t.version collate semver;
-- => greater_eq|0.9.9
-- => greater_eq|0.9.10
-- => greater_eq|1.0.0-alpha
-- => greater_eq|1.0.0-alpha.1
-- => greater_eq|1.0.0-alpha.beta
-- => greater_eq|v1.0.0-beta
-- => greater_eq|1.0.0-beta.2
-- => greater_eq|1.0.0-beta.11
-- => greater_eq|1.0.0-rc.1
-- => greater_eq|1.0.0
-- => greater_eq|2.0.0+build
-- => greater_eq|10.0.0
select typeof(major), typeof(minor), typeof(pre), typeof(requirement) from semver_requirements('~1');
-- => integer|null|null|text
select * from semver_requirements;
-- !! Parse error near line 80: SQL logic error
select * from semver_requirements where requirement > '1';
-- !! Parse error near line 82: no query solution
