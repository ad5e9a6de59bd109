-- runners: native wasm (pivot_vtab runs its queries through SPI from a virtual table; the composed cli cannot grant spi)
-- exit: 1
-- jakethaw/pivot_vtab: the usage example of its README and pivot_vtab.c
-- with the documented results, then plans (constraints and ORDER BY on
-- the row keys), several row keys, bare table names, odd column names,
-- NULL keys and cells, invalid UTF-8, and every error of pivot_vtab.c.
-- Expected values come from the C reference (pivot_vtab.c at e7705f3,
-- built with gcc -shared against Debian's libsqlite3) run through
-- /usr/bin/sqlite3 3.40.1: identical output (the reference alone also
-- prints a close error at exit, from statements it leaks).
.load dist/extensions/pivotvtab.wasm
-- !! Error: refusing to load extension pivotvtab: it imports sqlink:extension/spi@0.2.0: load it with --grant spi
.load dist/extensions/pivotvtab.wasm --grant spi
.headers on
.mode column
CREATE TABLE r AS
SELECT 1 id UNION SELECT 2 UNION SELECT 3;
CREATE TABLE c(
  id   INTEGER PRIMARY KEY,
  name TEXT
);
INSERT INTO c (name) VALUES
('a'),('b'),('c'),('d');
CREATE TABLE x(
  r_id INT,
  c_id INT,
  val  TEXT
);
INSERT INTO x (r_id, c_id, val)
SELECT r.id, c.id, c.name || r.id
  FROM c, r;
.width 4 4 4
SELECT * FROM x;
-- => r_id  c_id  val 
-- => ----  ----  ----
-- => 1     1     a1  
-- => 2     1     a2  
-- => 3     1     a3  
-- => 1     2     b1  
-- => 2     2     b2  
-- => 3     2     b3  
-- => 1     3     c1  
-- => 2     3     c2  
-- => 3     3     c3  
-- => 1     4     d1  
-- => 2     4     d2  
-- => 3     4     d3  
.width 4 5 5 5 5
CREATE VIRTUAL TABLE pivot USING pivot_vtab(
  --
  -- Pivot table row key query
  --
 (SELECT id r_id -- pivot table key
    FROM r),
  --
  -- Pivot table column definition query
  --
 (SELECT id c_id,   -- pivot column key - can be referenced in pivot query as ?2
         name       -- pivot column name
    FROM c),
  --
  -- Pivot query
  --
 (SELECT val
    FROM x 
   WHERE r_id = ?1
     AND c_id = ?2)
);
SELECT *
  FROM pivot;
-- => r_id  a      b      c      d    
-- => ----  -----  -----  -----  -----
-- => 1     a1     b1     c1     d1   
-- => 2     a2     b2     c2     d2   
-- => 3     a3     b3     c3     d3   
UPDATE x
   SET val = 'hello'
 WHERE c_id = 3
   AND r_id = 2;
UPDATE x
   SET val = 'world'
 WHERE c_id = 4
   AND r_id = 2;
DELETE 
  FROM x
 WHERE c_id = 2
   AND r_id = 3;
SELECT *
  FROM pivot;
-- => r_id  a      b      c      d    
-- => ----  -----  -----  -----  -----
-- => 1     a1     b1     c1     d1   
-- => 2     a2     b2     hello  world
-- => 3     a3            c3     d3   
.headers off
.mode list
.nullvalue NULL
SELECT * FROM pivot WHERE r_id = 2;
-- => 2|a2|b2|hello|world
SELECT * FROM pivot WHERE r_id > 1 ORDER BY r_id DESC;
-- => 3|a3|NULL|c3|d3
-- => 2|a2|b2|hello|world
SELECT r_id, c FROM pivot WHERE r_id IN (1, 3);
-- => 1|c1
-- => 3|c3
SELECT rowid, r_id, b FROM pivot WHERE b IS NULL;
-- => 3|3|NULL
SELECT rowid, r_id FROM pivot WHERE r_id <> 2;
-- => 1|1
-- => 2|3
SELECT r_id FROM pivot WHERE r_id IS NULL;
SELECT r_id FROM pivot WHERE r_id IS NOT NULL ORDER BY r_id DESC LIMIT 2;
-- => 3
-- => 2
SELECT typeof(r_id), typeof(a), typeof(b) FROM pivot;
-- => integer|text|text
-- => integer|text|text
-- => integer|text|null
SELECT count(*) FROM pivot;
-- => 3
SELECT p.r_id, p.d FROM r JOIN pivot p ON p.r_id = r.id WHERE r.id = 2;
-- => 2|world
SELECT name FROM pragma_table_info('pivot');
-- => r_id
-- => a
-- => b
-- => c
-- => d
INSERT INTO c (name) VALUES ('e');
SELECT * FROM pivot WHERE r_id = 1;
-- => 1|a1|b1|c1|d1
DROP TABLE pivot;
CREATE VIRTUAL TABLE pivot USING pivot_vtab((SELECT id r_id FROM r), (SELECT id c_id, name FROM c), (SELECT val FROM x WHERE r_id = ?1 AND c_id = ?2));
SELECT * FROM pivot WHERE r_id = 1;
-- => 1|a1|b1|c1|d1|NULL
CREATE TABLE sales(region TEXT, year INT, amount REAL);
INSERT INTO sales VALUES ('north', 2020, 10.5), ('north', 2021, 11), ('south', 2020, 7), ('south', 2020, 3), ('east', 2021, NULL);
CREATE VIRTUAL TABLE by_year USING pivot_vtab(
  (SELECT DISTINCT region FROM sales ORDER BY region),
  (SELECT DISTINCT year, 'y' || year FROM sales ORDER BY year),
  (SELECT sum(amount) FROM sales WHERE region = ?1 AND year = ?2));
SELECT * FROM by_year;
-- => east|NULL|NULL
-- => north|10.5|11.0
-- => south|10.0|NULL
SELECT name FROM pragma_table_info('by_year');
-- => region
-- => y2020
-- => y2021
CREATE VIRTUAL TABLE two_keys USING pivot_vtab(
  (SELECT DISTINCT region, year FROM sales ORDER BY 1, 2),
  (SELECT 1, 'total' UNION ALL SELECT 2, 'n'),
  (SELECT CASE ?3 WHEN 1 THEN total(amount) ELSE count(*) END FROM sales WHERE region = ?1 AND year = ?2));
SELECT * FROM two_keys;
-- => east|2021|0.0|1
-- => north|2020|10.5|1
-- => north|2021|11.0|1
-- => south|2020|10.0|2
SELECT * FROM two_keys WHERE year = 2020 AND region LIKE 's%';
-- => south|2020|10.0|2
CREATE VIRTUAL TABLE only_col USING pivot_vtab((SELECT id FROM r), (SELECT id, name FROM c WHERE id < 3), (SELECT ?1 * 100));
SELECT * FROM only_col;
-- => 1|100|200
-- => 2|100|200
-- => 3|100|200
CREATE VIRTUAL TABLE no_params USING pivot_vtab((SELECT id FROM r), (SELECT 1, 'k'), (SELECT 'const'));
SELECT * FROM no_params;
-- => 1|const
-- => 2|const
-- => 3|const
CREATE VIRTUAL TABLE bare USING pivot_vtab(r, c, (SELECT val FROM x WHERE r_id = ?1 AND c_id = ?2));
SELECT * FROM bare WHERE id = 3;
-- => 3|a3|NULL|c3|d3|NULL
CREATE VIRTUAL TABLE odd_names USING pivot_vtab((SELECT id AS "k""ey" FROM r WHERE id = 1), (SELECT 1, 'it"s' UNION ALL SELECT 2, 5 UNION ALL SELECT 3, 2.5 UNION ALL SELECT 4, x'41'), (SELECT ?2));
SELECT name FROM pragma_table_info('odd_names');
-- => k"ey
-- => it"s
-- => 5
-- => 2.5
-- => A
SELECT * FROM odd_names;
-- => 1|1|2|3|4
CREATE VIRTUAL TABLE nulls USING pivot_vtab((SELECT NULL AS k UNION ALL SELECT 1), (SELECT 1, 'v'), (SELECT ?1));
SELECT * FROM nulls;
-- => NULL|1
-- => 1|1
CREATE VIRTUAL TABLE empty_cols USING pivot_vtab((SELECT id FROM r), (SELECT 1, 'a' WHERE 0), (SELECT ?1));
SELECT * FROM empty_cols;
-- => 1
-- => 2
-- => 3
CREATE VIRTUAL TABLE badutf USING pivot_vtab((SELECT cast(x'ff' as text) AS k), (SELECT 1, 'v'), (SELECT length(?1) || ':' || hex(?1)));
SELECT hex(k), v FROM badutf;
-- => FF|1:31
CREATE VIRTUAL TABLE failing USING pivot_vtab((SELECT id FROM r WHERE id = 1), (SELECT 1, 'v'), (SELECT json_extract('{', '$')));
SELECT * FROM failing;
-- => 1|NULL
CREATE VIRTUAL TABLE e1 USING pivot_vtab((SELECT * FROM nosuch), (SELECT 1, 'a'), (SELECT ?1));
-- !! Runtime error near line 198: Pivot table key query prepare error - no such table: nosuch
CREATE VIRTUAL TABLE e2 USING pivot_vtab((SELECT 1), (SELECT 1, 'a'), (SELEC ?1));
-- !! Runtime error near line 200: Pivot query prepare error - near "?1": syntax error
CREATE VIRTUAL TABLE e3 USING pivot_vtab((SELECT 1), (SELECT 1, 'a'), (SELECT ?1 + ?2 + ?3));
-- !! Runtime error near line 202: Pivot table key query error - Unexpected number of bound parameters.
CREATE VIRTUAL TABLE e4 USING pivot_vtab((SELECT 1), (SELECT nope), (SELECT ?1));
-- !! Runtime error near line 204: Pivot table column definition query prepare error - no such column: nope
CREATE VIRTUAL TABLE e5 USING pivot_vtab((SELECT 1), (SELECT 1, 'a', 3), (SELECT ?1));
-- !! Runtime error near line 206: Pivot table column definition query expects 2 result column. Query contains 3 columns.
CREATE VIRTUAL TABLE e6 USING pivot_vtab((SELECT 1), (SELECT 1 UNION ALL SELECT 2), (SELECT ?1));
-- !! Runtime error near line 208: Pivot table column definition query expects 2 result column. Query contains 1 columns.
CREATE VIRTUAL TABLE e7 USING pivot_vtab((SELECT 1 k), (SELECT 1, 'a' UNION ALL SELECT 1, 'b' UNION ALL SELECT 3, 'c'), (SELECT ?1));
-- !! Runtime error near line 210: Pivot table column keys must be unique. Duplicate column key "1".
CREATE VIRTUAL TABLE e8 USING pivot_vtab((SELECT 1 k), (SELECT 1, 'a' UNION ALL SELECT 2, 'A' UNION ALL SELECT 3, 'c'), (SELECT ?1));
-- !! Runtime error near line 212: Pivot table column names must be unique. Duplicate column "a".
CREATE VIRTUAL TABLE e9 USING pivot_vtab((SELECT 1 k), (SELECT 1, 'a' UNION ALL SELECT '1', 'b' UNION ALL SELECT 3, 'c'), (SELECT ?1));
-- !! Runtime error near line 214: Pivot table column keys must be unique. Duplicate column key "1".
CREATE VIRTUAL TABLE e10 USING pivot_vtab((SELECT 1 k), (SELECT 1, 'a' UNION ALL SELECT 2, 'a'), (SELECT ?1));
-- !! Runtime error near line 216: vtable constructor failed: e10
CREATE VIRTUAL TABLE e11 USING pivot_vtab((SELECT 1 k), (SELECT 1, 'k'), (SELECT ?1));
-- !! Runtime error near line 218: vtable constructor failed: e11
CREATE VIRTUAL TABLE e12 USING pivot_vtab((SELECT 1 k), (SELECT 1, 'a' UNION ALL SELECT 1, 'b'), (SELECT ?1));
CREATE VIRTUAL TABLE e13 USING pivot_vtab((SELECT 1 k), (SELECT 1, json_extract('{', '$')), (SELECT ?1));
-- !! Runtime error near line 221: malformed JSON
SELECT * FROM pivot_vtab;
-- !! Parse error near line 223: no such table: pivot_vtab
SELECT count(*) FROM sqlite_schema WHERE name LIKE 'e%';
-- => 2
.open --new /tmp/sqlink-shell-test-pivotvtab.db
CREATE TABLE scores(who TEXT, game TEXT, points INT);
INSERT INTO scores VALUES ('ann', 'chess', 3), ('bob', 'go', 5), ('ann', 'go', 1);
CREATE VIRTUAL TABLE board USING pivot_vtab((SELECT DISTINCT who FROM scores ORDER BY who), (SELECT DISTINCT game, game FROM scores ORDER BY game), (SELECT points FROM scores WHERE who = ?1 AND game = ?2));
INSERT INTO scores VALUES ('bob', 'darts', 9);
-- Reconnecting (sqlink's .open keeps loaded extensions): the table comes back.
.open /tmp/sqlink-shell-test-pivotvtab.db
.nullvalue NULL
SELECT * FROM board;
-- => ann|3|NULL|1
-- => bob|NULL|9|5
SELECT name FROM pragma_table_info('board');
-- => who
-- => chess
-- => darts
-- => go
