"""Golden cases for pginet, computed by PostgreSQL itself, so the tests
compare against the real thing.

Usage: python3 gen.py > pg.tsv, with `psql` reaching a PostgreSQL server
(PGHOST, PGPORT, PGUSER, PGDATABASE as usual; PSQL names another psql).
pg.tsv was made with PostgreSQL 15.18 (Debian 12), a UTF-8 database.

Each line is: function, a, b, k, and PostgreSQL's result (`ERROR: ` and
its message when it refused). Inputs are random IPv4 and IPv6 spellings,
netmasks in and out of range, and hand-picked odd forms; the cases are
drawn with a fixed seed.
"""
import ipaddress
import os
import random
import subprocess
import sys

random.seed(3)


def v4():
    n = random.choice([1, 2, 3, 4, 4, 4, 4, 5])
    parts = [str(random.choice([0, 1, 10, 127, 128, 172, 192, 223, 224, 239, 240, 255, 256, random.randint(0, 255)])) for _ in range(n)]
    s = ".".join(parts)
    return "0" + s if random.random() < 0.05 else s


def v6():
    words = [random.choice([0, 0, 0, 1, 0xFFFF, 0x2001, 0xDB8, random.randint(0, 0xFFFF)]) for _ in range(8)]
    if random.random() < 0.2:
        words[:5] = [0] * 5
        words[5] = random.choice([0, 0xFFFF])
    a = ipaddress.IPv6Address(bytes(sum(([w >> 8, w & 255] for w in words), [])))
    r = random.random()
    if r < 0.5:
        s = a.compressed
    elif r < 0.7:
        s = a.exploded
    elif r < 0.8:
        s = ":".join("%x" % w for w in words)
    else:
        s = a.compressed
        if words[6] | words[7]:
            s = s.rsplit(":", 2)[0] + ":" + ".".join(str(x) for x in a.packed[12:])
    return s.upper() if random.random() < 0.05 else s


def mask(maxb):
    return random.choice(["", "", "/" + str(random.randint(0, maxb)), "/" + str(random.choice([0, 8, 16, 24, 32, 48, 64, 96, 120, 127, 128, 129, 33])), "/", "/x", "/024"])


ODD = ["", "x", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4/32/1", "::", ":::", "1::2::3", "0x0a", "0xC0A8", "0x1", "0XFFFFFFFF",
       "0xfffffffff", "10", "128", "192.168", "224", "224.1", "240.1", "1.2.3.4.", "1.2.3.4./24", "1..2", "::1.2",
       "::1.2.3.4/96", "::ffff:1.2.3.4/120", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7", "12345::",
       "fe80::1%eth0", "1.2.3.4/", "a.b.c.d", "::01.2.3.4", "::1.2.3.04", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4",
       "::/0", "0.0.0.0/0", "255.255.255.255/32", "1.2.3.4/0", "10.1/16", "10/8", "10/16", "10.0.0.0/7"]

# Values are printed by their output function, format('%s', v), as psql
# shows them: a ::text cast is text(inet), which always adds /bits.
UNARY = {
    "inet": "select format(\'%s\', $1::inet)",
    "host": "select host($1::inet)",
    "hostmask": "select format('%s', hostmask($1::inet))",
    "masklen": "select masklen($1::inet)::text",
    "netmask": "select format('%s', netmask($1::inet))",
    "network": "select format('%s', network($1::inet))",
    "broadcast": "select format('%s', broadcast($1::inet))",
    "family": "select family($1::inet)::text",
    "abbrev": "select abbrev($1::inet)",
    "cidr": "select format('%s', cidr($1::text))",
    "abbrev_cidr": "select abbrev($1::cidr)",
    "cidr_in": "select format('%s', $1::cidr)",
}
MASKED = {"set_masklen": "select format('%s', set_masklen($1::inet, $3))", "set_masklen_cidr": "select format('%s', set_masklen($1::cidr, $3))"}
BINARY = {
    "inet_same_family": "select inet_same_family($1::inet, $2::inet)::int::text",
    "inet_merge": "select format('%s', inet_merge($1::inet, $2::inet))",
    "inet_contained_by": "select ($1::inet << $2::inet)::int::text",
    "inet_contained_by_or_equals": "select ($1::inet <<= $2::inet)::int::text",
    "inet_contains": "select ($1::inet >> $2::inet)::int::text",
    "inet_contains_or_equals": "select ($1::inet >>= $2::inet)::int::text",
    "inet_overlaps": "select ($1::inet && $2::inet)::int::text",
    "order": "select sign(network_cmp($1::inet, $2::inet))::int::text",
}


def lit(s):
    return "'" + s.replace("'", "''") + "'"


def psql(sql):
    cmd = [os.environ.get("PSQL", "psql"), "-X", "-At", "-F", "\t", "-q", "-v", "ON_ERROR_STOP=1"]
    return subprocess.run(cmd, input=sql, capture_output=True, text=True, check=True).stdout


def main():
    inputs = set(ODD)
    while len(inputs) < 250:
        inputs.add(v4() + mask(32) if random.random() < 0.55 else v6() + mask(128))
    inputs = sorted(inputs)
    # Which inputs PostgreSQL takes as inet or cidr: the cases use those,
    # and some of the others for the errors.
    check = "".join(f"select {lit(a)}, pg_input_is_valid({lit(a)}, 'inet') or pg_input_is_valid({lit(a)}, 'cidr');\n" for a in inputs)
    valid = set()
    try:
        for line in psql(check).splitlines():
            a, ok = line.rsplit("\t", 1)
            if ok == "t":
                valid.add(a)
    except subprocess.CalledProcessError:  # before PostgreSQL 16: try each
        for a in inputs:
            for t in ("inet", "cidr"):
                if subprocess.run([os.environ.get("PSQL", "psql"), "-X", "-Atq", "-c", f"select {lit(a)}::{t}"], capture_output=True).returncode == 0:
                    valid.add(a)
                    break
    invalid = [a for a in inputs if a not in valid]
    chosen = sorted(valid | set(random.sample(invalid, min(30, len(invalid)))) | set(ODD))
    rows = []
    for a in chosen:
        rows += [(n, a, "", 0, e) for n, e in UNARY.items()]
        for n, e in MASKED.items():
            rows.append((n, a, "", random.choice([-1, 0, 1, 7, 8, 16, 24, 31, 32, 33, 64, 127, 128, 129, -2]), e))
    good = sorted(valid)
    for _ in range(150):
        a = random.choice(good)
        b = random.choice(good)
        if random.random() < 0.5:
            host = a.split("/")[0]
            try:
                b = str(ipaddress.ip_network(host + "/" + str(random.choice([32, 48, 64] if ":" in a else [8, 16, 24])), strict=False))
            except ValueError:
                pass
        rows += [(n, a, b, 0, e) for n, e in BINARY.items()]
    for _ in range(10):
        rows += [(n, random.choice(chosen), random.choice(chosen), 0, e) for n, e in BINARY.items()]
    sql = ["create function pg_temp.try(q text, a text, b text, k int) returns text language plpgsql as $f$ "
           "declare r text; begin execute q into r using a, b, k; return coalesce(r, 'NULL'); "
           "exception when others then return 'ERROR: ' || sqlerrm; end $f$;",
           "create temp table cases(ord serial, name text, a text, b text, k int, q text);"]
    for i in range(0, len(rows), 500):
        sql.append("insert into cases(name, a, b, k, q) values " + ",".join(f"({lit(n)},{lit(a)},{lit(b)},{k},{lit(e)})" for n, a, b, k, e in rows[i:i + 500]) + ";")
    sql.append("select name, a, b, k, pg_temp.try(q, a, b, k) from cases order by ord;")
    sys.stdout.write("# function\ta\tb\tk\tPostgreSQL's result (made by gen.py)\n")
    sys.stdout.write(psql("\n".join(sql) + "\n"))


if __name__ == "__main__":
    main()
