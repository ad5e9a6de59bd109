-- How input is split into statements: several per line, one over several
-- lines, comments, triggers with inner semicolons, GO and / terminators,
-- whitespace-only and comment-only lines, a missing final semicolon.
select 1; select 2;
select
  3
  ;
-- a comment line

   /* a block
      comment */
select 4; -- trailing comment
select 5 /* inline */ ;
create table t(a);
create trigger tr after insert on t begin
  insert into t values (new.a + 100);
  select 1;
end;
insert into t values (1);
select * from t order by a;
select 6
go
select 7
/
;
;;
select ';' as semi, '--' as dashes, '/*' as slash;
select 8
