"""Golden cases for fuzzystrmatch, computed by PostgreSQL's own
fuzzystrmatch, so the tests compare against the real thing.

Usage: python3 gen.py > pg.tsv, with `psql` reaching a PostgreSQL server
where `create extension fuzzystrmatch` has been run (PGHOST, PGPORT,
PGUSER, PGDATABASE as usual; PSQL names another psql). pg.tsv was made
with PostgreSQL 15.18 (Debian 12) in a UTF-8 database.

Each line is the function, its arguments, and PostgreSQL's result
(`ERROR: ` and its message when it refused), tab-separated.
"""
import os
import random
import subprocess
import sys

random.seed(7)
ALPHABET = "abcdefghijklmnopqrstuvwxyzAEIOUSCHGKTWXYZ  '-1éñ"
COMMON = ["Thompson", "Knight", "Wright", "Schwartz", "Christ", "school", "ghost", "laugh", "night", "gnome", "gnaw",
          "signed", "judge", "dodgy", "science", "Xavier", "Wharton", "Aeon", "Pneumatic", "Phone", "action", "mission",
          "asia", "thumb", "bomb", "hiccup", "acceleration", "chalk", "ghoti", "McHugh", "yeast", "cough", "sigh", "hugh",
          "wholly", "whale", "write", "Kathy", "Cecilia", "Accident", "scyther", "schwa", "x", "Z", "ab12cd", "12abc",
          "hello world!", "Anne", "Margaret", "Andrew", "Ashcraft", "Tymczak", "Pfister", "Honeyman", "Robert", "Rupert",
          "Rubin", "Lloyd", "Lee", "Gutierrez", "Jackson", "VanDeusen", "Deusen", "O'Hara", "a1b2", "éclair", "naïve",
          "ñandú", "", "GUMBO", "GAMBOL", "extensive", "exhaustive", "x" * 255, "x" * 256]
# Names that reach Double Metaphone's special rules.
NAMES = ["Smith", "Schmidt", "Schneider", "Thomas", "Thames", "Jose", "Jankelowicz", "Yankelovich", "Filipowicz",
         "Wasserman", "Vasserman", "Arnow", "Arnoff", "Breaux", "Zhao", "Caesar", "Chianti", "Michael", "Chemistry",
         "Chorus", "Architect", "Orchestra", "Orchid", "Wachtler", "Wechsler", "Tichner", "Czerny", "Focaccia",
         "McClellan", "Bellocchio", "Bacchus", "Accident", "Accede", "Succeed", "Bacci", "Bertucci", "Mac Caffrey",
         "Mac Gregor", "Edge", "Edgar", "Ghislane", "Ghiradelli", "Hugh", "Bough", "Broughton", "Laugh", "McLaughlin",
         "Cough", "Gough", "Rough", "Tough", "Cagney", "Tagliaro", "Biaggi", "Rogier", "Hochmeier", "Island", "Isle",
         "Carlisle", "Carlysle", "Sugar", "Resnais", "Artois", "Schermerhorn", "Schenker", "School", "Schooner",
         "Snider", "Campbell", "Raspberry", "Dumb", "Thumb", "Cabrillo", "Gallegos", "San Jacinto", "Bajador",
         "Danger", "Womo", "Uomo", "Gnome", "Psychology", "Garçon", "Muñoz", "Straße"]
# Fragments that trigger the rules, joined at random.
FRAGMENTS = ["GN", "KN", "PS", "X", "A", "E", "Y", "BB", "C", "ACH", "BACHER", "CAESAR", "CHIA", "CH", "CHAE", "HARAC",
             "HOR", "CHORE", "VAN ", "SCH", "ORCHES", "CZ", "WICZ", "CIA", "CC", "CCI", "CCHU", "UCCES", "CK", "CI",
             "CIO", " C", "DG", "DGE", "DT", "FF", "GH", "GI", "GNEY", "GLI", "GY", "GES", "GER", "DANGER", "RGY",
             "AGGI", "GET", "GIER ", "GG", "H", "J", "JOSE", "SAN ", "JA", "LL", "ILLO", "ALLE", "OS", "UMB", "UMBER",
             "MM", "NN", "PH", "PB", "QQ", "RR", "IER", "MEIER", "ISL", "SUGAR", "SH", "SHOLM", "SIO", "SIAN", "SM",
             "SZ", "SC", "SCHOO", "SCHER", "SCI", "AIS", "SS", "TION", "TIA", "TCH", "TH", "TTH", "THOM", "TD", "VV",
             "W", "WH", "EWSKI", "WITZ", "EAUX", "OUX", "XC", "Z", "ZH", "ZZO", "TZ", "ç", "ñ", "ß", "'"]


def lit(s):
    return "'" + s.replace("'", "''") + "'"


def psql(sql):
    cmd = [os.environ.get("PSQL", "psql"), "-X", "-At", "-F", "\t", "-q", "-v", "ON_ERROR_STOP=1"]
    return subprocess.run(cmd, input=sql, capture_output=True, text=True, check=True).stdout


def main():
    words = list(COMMON)
    for _ in range(300):
        words.append("".join(random.choice(ALPHABET) for _ in range(random.randint(1, 12))))
    cases = []
    for _ in range(300):
        w = "".join(random.choice(FRAGMENTS) for _ in range(random.randint(1, 5)))
        words.append(w.lower() if random.random() < 0.5 else w)
    words += NAMES
    for w in words:
        cases += [("dmetaphone", [w]), ("dmetaphone_alt", [w])]
        cases.append(("soundex", [w]))
        for n in random.sample([0, 1, 2, 4, 10, 255, 256], 2):
            cases.append(("metaphone", [w, n]))
    for _ in range(300):
        a, b = random.choice(words), random.choice(words)
        costs = [random.randint(0, 4) for _ in range(3)]
        max_d = random.randint(-1, 8)
        cases += [("difference", [a, b]), ("levenshtein", [a, b]), ("levenshtein", [a, b] + costs),
                  ("levenshtein_less_equal", [a, b, max_d]), ("levenshtein_less_equal", [a, b] + costs + [max_d])]
    sql = ["create function pg_temp.try(q text) returns text language plpgsql as $f$ "
           "declare r text; begin execute q into r; return coalesce(r, 'NULL'); "
           "exception when others then return 'ERROR: ' || sqlerrm; end $f$;",
           "create temp table cases(ord serial, line text, q text);"]
    rows = []
    for name, args in cases:
        call = f"select {name}({', '.join(lit(a) if isinstance(a, str) else str(a) for a in args)})::text"
        rows.append((name + "\t" + "\t".join(str(a) for a in args), call))
    for i in range(0, len(rows), 500):
        sql.append("insert into cases(line, q) values " + ",".join(f"({lit(l)},{lit(q)})" for l, q in rows[i:i + 500]) + ";")
    sql.append("select line, pg_temp.try(q) from cases order by ord;")
    sys.stdout.write("# function\targuments...\tPostgreSQL's result (made by gen.py)\n")
    sys.stdout.write(psql("\n".join(sql) + "\n"))


if __name__ == "__main__":
    main()
