-- sqlean's math module (sqlite/sqlean-math.c of sqlean.py 3.50.4.5 from
-- PyPI, fetched and compiled unchanged by `make c-catalog` (components/extensions-c/math/extension.mk) with the
-- sqlite3ext.h compatibility layer). Its functions are SQLite's own (func.c),
-- so every expected value below is Debian's sqlite3 3.40.1 giving the same
-- call without the math_ prefix; the bare names stay SQLite's built-ins.
.load dist/extensions/math.wasm
-- !! warning: acos(1) already exists in SQLite: call math__acos instead, or load with --pin acos to take the bare name
-- !! warning: acosh(1) already exists in SQLite: call math__acosh instead, or load with --pin acosh to take the bare name
-- !! warning: asin(1) already exists in SQLite: call math__asin instead, or load with --pin asin to take the bare name
-- !! warning: asinh(1) already exists in SQLite: call math__asinh instead, or load with --pin asinh to take the bare name
-- !! warning: atan(1) already exists in SQLite: call math__atan instead, or load with --pin atan to take the bare name
-- !! warning: atan2(2) already exists in SQLite: call math__atan2 instead, or load with --pin atan2 to take the bare name
-- !! warning: atanh(1) already exists in SQLite: call math__atanh instead, or load with --pin atanh to take the bare name
-- !! warning: ceil(1) already exists in SQLite: call math__ceil instead, or load with --pin ceil to take the bare name
-- !! warning: ceiling(1) already exists in SQLite: call math__ceiling instead, or load with --pin ceiling to take the bare name
-- !! warning: cos(1) already exists in SQLite: call math__cos instead, or load with --pin cos to take the bare name
-- !! warning: cosh(1) already exists in SQLite: call math__cosh instead, or load with --pin cosh to take the bare name
-- !! warning: degrees(1) already exists in SQLite: call math__degrees instead, or load with --pin degrees to take the bare name
-- !! warning: exp(1) already exists in SQLite: call math__exp instead, or load with --pin exp to take the bare name
-- !! warning: floor(1) already exists in SQLite: call math__floor instead, or load with --pin floor to take the bare name
-- !! warning: ln(1) already exists in SQLite: call math__ln instead, or load with --pin ln to take the bare name
-- !! warning: log(1), log(2) already exist in SQLite: call math__log instead, or load with --pin log to take the bare name
-- !! warning: log10(1) already exists in SQLite: call math__log10 instead, or load with --pin log10 to take the bare name
-- !! warning: log2(1) already exists in SQLite: call math__log2 instead, or load with --pin log2 to take the bare name
-- !! warning: mod(2) already exists in SQLite: call math__mod instead, or load with --pin mod to take the bare name
-- !! warning: pi(0) already exists in SQLite: call math__pi instead, or load with --pin pi to take the bare name
-- !! warning: pow(2) already exists in SQLite: call math__pow instead, or load with --pin pow to take the bare name
-- !! warning: power(2) already exists in SQLite: call math__power instead, or load with --pin power to take the bare name
-- !! warning: radians(1) already exists in SQLite: call math__radians instead, or load with --pin radians to take the bare name
-- !! warning: sin(1) already exists in SQLite: call math__sin instead, or load with --pin sin to take the bare name
-- !! warning: sinh(1) already exists in SQLite: call math__sinh instead, or load with --pin sinh to take the bare name
-- !! warning: sqrt(1) already exists in SQLite: call math__sqrt instead, or load with --pin sqrt to take the bare name
-- !! warning: tan(1) already exists in SQLite: call math__tan instead, or load with --pin tan to take the bare name
-- !! warning: tanh(1) already exists in SQLite: call math__tanh instead, or load with --pin tanh to take the bare name
-- !! warning: trunc(1) already exists in SQLite: call math__trunc instead, or load with --pin trunc to take the bare name
select math_ceil(1.2), math_ceil(-1.5), math_floor(-1.5), math_trunc(2.7), math_trunc(-2.7), math_ceil(5), typeof(math_ceil(5)), typeof(math_ceil(1.2));
-- => 2.0|-1.0|-2.0|2.0|-2.0|5|integer|real
select math_ln(math_exp(2)), math_log(100), math_log10(1000), math_log2(8), math_log(2, 64), math_exp(0), math_pow(2, 10), math_pow(2, 0.5), math_mod(7, 3), math_mod(-7.5, 2);
-- => 2.0|2.0|3.0|3.0|6.0|1.0|1024.0|1.4142135623731|1.0|-1.5
select math_acos(1), math_asin(0), math_atan(1)*4, math_atan2(1, 1), math_cos(0), math_sin(math_pi()/2), math_tan(0), math_cosh(0), math_sinh(0), math_tanh(0);
-- => 0.0|0.0|3.14159265358979|0.785398163397448|1.0|1.0|0.0|1.0|0.0|0.0
select math_acosh(1), math_asinh(0), math_atanh(0), math_sqrt(2), math_radians(180), math_degrees(math_pi()), math_pi();
-- => 0.0|0.0|0.0|1.4142135623731|3.14159265358979|180.0|3.14159265358979
select math_sqrt(-1) is null, math_ln(0) is null, math_log(-1) is null, math_ceil('abc') is null, math_ceil(null) is null, math_sqrt('4'), math_floor(' 2.5 ');
-- => 1|1|1|1|1|2.0|2.0
select math_round(2.5), math_round(-2.5), math_round(3.14159, 2), math_round(1234.5678, -1), math_round(2.675, 2), math_round(null) is null, math_round('1.25', 1);
-- => 3.0|-3.0|3.14|1235.0|2.68|1|1.3
select math_round(0.5), math_round(-0.5), math_round(9.995, 2), math_round(-9.995, 2), math_round(1e20, 2), math_round(123456789.123456789, 5), math_round(0.000123456, 30);
-- => 1.0|-1.0|10.0|-10.0|1.0e+20|123456789.12346|0.000123456
select math_round(1.0/3, 15), math_round(2.5e-10, 12), math_round(99.5), math_round(-0.0001, 2);
-- => 0.333333333333333|2.5e-10|100.0|0.0
