-- Dot commands that change the output.
select 1 as a, null as b;
.headers off
select 1 as a, null as b;
.nullvalue NULL
select 1 as a, null as b;
.separator ;
select 1 as a, null as b;
.separator , "\n--\n"
select 1, 2; select 3, 4;
.mode list
select 1, 2;
.mode csv
select 1, 'x,y';
.mode tabs
select 1, 2;
.mode line
select 1 as a, 2 as bb;
.mode column
select 1 as a, 'wide value' as b;
.headers on
.mode table
select 1 as a, 'x' as b;
.mode box
select 1 as a, 'x' as b;
.mode markdown
select 1 as a, 'x' as b;
.mode quote
select 1 as a, 'x' as b, x'00';
.mode json
select 1 as a, 'x' as b, null as c;
.mode html
select 1 as a, '<x>' as b;
.mode tcl
select 1 as a, 'x y' as b;
.mode insert tbl
select 1 as a, 'x' || char(10) || 'y' as b;
.mode ascii
select 1 as a, 2 as b;
.mode count
select 1 union all select 2;
.mode off
select 1;
.mode
.mode list
.mode nosuch
.headers maybe
.print done "with args" 'and\tquotes' \101
.nullvalue
.separator
.bail
