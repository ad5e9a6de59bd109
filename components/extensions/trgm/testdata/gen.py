"""Golden cases for trgm, computed by PostgreSQL's own pg_trgm, so the
tests compare against the real thing.

Usage: python3 gen.py > pg.tsv, with `psql` reaching a PostgreSQL server
where `create extension pg_trgm` has been run, in a UTF-8 database whose
locale classifies Unicode letters (C.UTF-8 or a language's UTF-8 locale)
(PGHOST, PGPORT, PGUSER, PGDATABASE as usual; PSQL names another psql).
pg.tsv was made with PostgreSQL 15.18 (Debian 12, x86-64), C.UTF-8.

Each line is the function, its two arguments (one for show_trgm), and
PostgreSQL's result: reals as PostgreSQL prints them, booleans as 0 or 1,
show_trgm's array as JSON.
"""
import os
import random
import subprocess
import sys

random.seed(11)
PIECES = ["word", "words", "two", "cat", "hat", "Kitten", "sitting", "abc", "abd", "a", "b", "x", "ab", "é", "café",
          "naïve", "ÉCOLE", "école", "ñandú", "Straße", "ΑΒΓ", "αβγ", "мир", "Мир", "日本", "語", "123", "4a", "the",
          "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "aaa", "aa"]
SEPS = [" ", "  ", "-", ", ", "!", "_", "'", ".", "/"]
FUNCTIONS = {
    "similarity": "similarity($1, $2)::text",
    "word_similarity": "word_similarity($1, $2)::text",
    "strict_word_similarity": "strict_word_similarity($1, $2)::text",
    "similarity_dist": "($1 <-> $2)::text",
    "word_similarity_dist_op": "($1 <<-> $2)::text",
    "word_similarity_dist_commutator_op": "($1 <->> $2)::text",
    "strict_word_similarity_dist_op": "($1 <<<-> $2)::text",
    "strict_word_similarity_dist_commutator_op": "($1 <->>> $2)::text",
    "similarity_op": "($1 % $2)::int::text",
    "word_similarity_op": "($1 <% $2)::int::text",
    "word_similarity_commutator_op": "($1 %> $2)::int::text",
    "strict_word_similarity_op": "($1 <<% $2)::int::text",
    "strict_word_similarity_commutator_op": "($1 %>> $2)::int::text",
}


def phrase():
    s = ""
    for _ in range(random.randint(0, 5)):
        w = random.choice(PIECES)
        if random.random() < 0.3:
            w = "".join(random.choice("abcdeéñxyzAB1") for _ in range(random.randint(1, 6)))
        s += w + random.choice(SEPS)
    return s.strip() if random.random() < 0.5 else s


def lit(s):
    return "'" + s.replace("'", "''") + "'"


def psql(sql):
    cmd = [os.environ.get("PSQL", "psql"), "-X", "-At", "-F", "\t", "-q", "-v", "ON_ERROR_STOP=1"]
    return subprocess.run(cmd, input=sql, capture_output=True, text=True, check=True).stdout


def main():
    rows = []
    for _ in range(150):
        a, b = phrase(), phrase()
        if random.random() < 0.3 and b.split():
            a = random.choice(b.split())
        rows.append(("show_trgm\t" + a, f"array_to_json(show_trgm({lit(a)}))::text"))
        for name, expr in FUNCTIONS.items():
            rows.append((f"{name}\t{a}\t{b}", expr.replace("$1", lit(a)).replace("$2", lit(b))))
    sql = ["create temp table cases(ord serial, line text, q text);"]
    for i in range(0, len(rows), 500):
        sql.append("insert into cases(line, q) values " + ",".join(f"({lit(l)},{lit(q)})" for l, q in rows[i:i + 500]) + ";")
    sql.append("create function pg_temp.run(q text) returns text language plpgsql as $f$ "
               "declare r text; begin execute 'select ' || q into r; return r; end $f$;")
    sql.append("select line, pg_temp.run(q) from cases order by ord;")
    sys.stdout.write("# function\targuments...\tPostgreSQL's result (made by gen.py)\n")
    sys.stdout.write(psql("\n".join(sql) + "\n"))


if __name__ == "__main__":
    main()
