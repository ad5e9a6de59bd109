-- exit: 1
-- .nullvalue, .separator and their interplay with the modes.
select 1, null, 'x';
-- => 1||x
.nullvalue NULL
select 1, null, 'x';
-- => 1|NULL|x
.separator ", " ";\n"
select 1, null; select 2, 3;
-- => 1, NULL;
-- => 2, 3;
.separator |
.mode csv
select null, 'a,b';
-- ~> NULL,"a,b"\r
.mode list
.nullvalue ''
select null, 'end';
-- => |end
.separator a b c
-- !! Usage: .separator COL ?ROW?
.nullvalue
-- !! Usage: .nullvalue STRING
.separator "\t" "\101\n"
select 1, 2;
-- => 1	2A
