-- .parameter: values set, listed, unset and cleared, bound to :name,
-- $name, @name, ?NNN and bare ? in later statements; bad subcommands show
-- the help; a value that is not SQL is stored as text.
.parameter
.parameter list
select :a, ?1;
.parameter set :a 42
.parameter set $b 'hello'
.parameter set @c abc
.parameter set ?1 x'0102'
.parameter set :a_rather_long_parameter_name_of_more_than_forty_bytes 1.5
.parameter set :e 1+2
.parameter set :f "'quoted'"
.parameter set :g NULL
.parameter list
select :a, $b, @c, ?1, :e, :f, :g, :missing;
select :a_rather_long_parameter_name_of_more_than_forty_bytes;
select ?, ?2, ?3;
select typeof(:a), typeof($b), typeof(?1);
.parameter unset :a
.parameter unset :nosuch
.parameter list
select :a;
.parameter set :bad 'unterminated
.parameter set :overflow abs(-9223372036854775808)
.parameter list
.parameter bogus
.parameter set x
.parameter unset
.param list
.parameter init
.schema
.parameter clear
.parameter list
select $b;
.parameter init
.parameter list
create table t(x);
insert into t values (:v);
.parameter set :v 7
insert into t values (:v), (:v + 1);
select * from t;
create trigger tr after insert on t begin select :v; end;
.parameter set :x 'in a string: :v'
select :x, ':v', "a:b" from t where x = :v;
