"""Golden cases for regr, computed by PostgreSQL's own aggregates, so the
tests compare against the real thing, to the last bit.

Usage: python3 gen.py > pg.tsv, with `psql` reaching a PostgreSQL server
(PGHOST, PGPORT, PGUSER, PGDATABASE as usual; PSQL names another psql).
pg.tsv was made with PostgreSQL 15.18 (Debian 12, x86-64).

`row` lines give the input (group, Y, X in the order they are
aggregated, NULL as NULL), the others each aggregate's result per group
(floats with 17 significant digits, as extra_float_digits = 3 prints
them).
"""
import os
import random
import subprocess
import sys

random.seed(5)
FUNCTIONS = ["corr", "covar_pop", "covar_samp", "regr_slope", "regr_intercept", "regr_r2", "regr_avgx", "regr_avgy",
             "regr_sxx", "regr_syy", "regr_sxy", "regr_count"]


def value():
    r = random.random()
    if r < 0.08:
        return None
    scale = random.choice([1, 1, 100, 1e-3, 1e6, 1e15])
    v = random.uniform(-1, 1) * scale
    return float(round(v, random.choice([0, 2, 6, 12])))


def psql(sql):
    cmd = [os.environ.get("PSQL", "psql"), "-X", "-At", "-F", "\t", "-q", "-v", "ON_ERROR_STOP=1"]
    return subprocess.run(cmd, input=sql, capture_output=True, text=True, check=True).stdout


def main():
    rows = []
    for g in range(60):
        n = random.choice([0, 1, 2, 3, 5, 10, 40])
        kind = random.random()
        const_x = value() if kind < 0.1 else None
        const_y = value() if 0.1 <= kind < 0.2 else None
        for _ in range(n):
            rows.append((g, const_y if const_y is not None else value(), const_x if const_x is not None else value()))
    lit = lambda v: "NULL" if v is None else repr(v)
    sql = ["set extra_float_digits = 3;", "create temp table t(ord serial, g int, y float8, x float8);"]
    sql.append("insert into t(g, y, x) values " + ",".join(f"({g},{lit(y)},{lit(x)})" for g, y, x in rows) + ";")
    cols = ", ".join(f"coalesce({f}(y, x order by ord)::text, 'NULL')" for f in FUNCTIONS)
    sql.append(f"select g, {cols} from generate_series(0, 59) g left join t using (g) group by g order by g;")
    out = ["# row\tgroup\tY\tX, then function\tgroup\tPostgreSQL's result (made by gen.py)"]
    out += [f"row\t{g}\t{lit(y)}\t{lit(x)}" for g, y, x in rows]
    for line in psql("\n".join(sql) + "\n").splitlines():
        g, *results = line.split("\t")
        out += [f"{f}\t{g}\t{r}" for f, r in zip(FUNCTIONS, results)]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
