#!/bin/sh
# Makes the zipfile extension's reference vectors, every expected value
# coming from Debian's sqlite3 3.40.1 (SQLite 3.40.1, whose shell has
# ext/misc/zipfile.c built in, linked with Debian's zlib 1.2.13):
#
#   archives/*.zip   input archives, written by python3's zipfile module
#                    (fixed dates, so the same bytes every run) and by the
#                    reference's own zipfile() aggregate, some then damaged
#   aggregate.txt    zipfile() aggregate results over rows of arguments
#   read.txt         what the table-valued function lists for each archive,
#                    read from the file and from a blob (readfile())
#   write.txt        the bytes of archive files after writes through
#                    CREATE VIRTUAL TABLE ... USING zipfile(path)
#   ../../../../tests/shell/zipfile-{aggregate,read,write}.sql
#                    shell scripts from *.in.sql, with expected output from
#                    the reference (tests/tools/expect.py); errors the
#                    extension raises get sqlink's "zipfile: " prefix.
#                    (tests/shell/zipfile-grants.sql is sqlink's own
#                    behaviour, grants and qualified names: its expected
#                    output came from dist/bin/sqlink, checked by hand.)
#
# Inputs, beside this script: aggregate.in (argument rows), write.in (write
# scenarios), aggregate.in.sql, read.in.sql and write.in.sql (shell
# scripts with `-- @` markers; {{ARCHIVE}} stands for that archive's bytes).
#
# Formats (read by src/tests.rs): a case line, then its result lines,
# `=> ` for a row (values as quote() shows them, joined by |) and `!! `
# for an error. Lines starting with # are comments.
#
# Run from anywhere; needs python3 and /usr/bin/sqlite3 3.40.1.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
/usr/bin/sqlite3 --version | grep -q '^3\.40\.1 ' || { echo "needs sqlite3 3.40.1" >&2; exit 1; }
exec python3 - "$here" "$root" <<'PYTHON'
import os, re, shutil, struct, subprocess, sys, tempfile, zipfile

here, root = sys.argv[1], sys.argv[2]
archives = os.path.join(here, "archives")
SQLITE3 = "/usr/bin/sqlite3"
scratch = tempfile.mkdtemp(prefix="zipfile-gen-")

def sqlite(sql):
    """Runs sql in the reference; returns (stdout lines, stderr lines)."""
    p = subprocess.run([SQLITE3, ":memory:"], input=sql.encode(), capture_output=True)
    out = p.stdout.decode("utf-8", "backslashreplace").splitlines()
    err = p.stderr.decode("utf-8", "backslashreplace").splitlines()
    return out, err

def error_text(line):
    """The message of a shell error line, without "... error near line N: "."""
    return re.sub(r"^(Runtime|Parse) error near line \d+: ", "", line)

def results(out, err):
    return ["=> " + l for l in out] + ["!! " + error_text(l) for l in err]

# ---------------------------------------------------------------- archives
if os.path.isdir(archives):
    shutil.rmtree(archives)
os.makedirs(archives)

def path(name):
    return os.path.join(archives, name)

def info(name, when=(2020, 1, 2, 3, 4, 6), mode=None, method=zipfile.ZIP_STORED, system=3):
    i = zipfile.ZipInfo(name, when)
    i.compress_type = method
    i.create_system = system
    if mode is not None:
        i.external_attr = mode << 16
    return i

text = b"".join(b"line %d of a text that repeats itself\n" % n for n in range(200))

with zipfile.ZipFile(path("python.zip"), "w") as z:
    z.writestr(info("hello.txt", mode=0o100644), b"hello world\n")
    z.writestr(info("big.txt", mode=0o100600, method=zipfile.ZIP_DEFLATED), text)
    z.writestr(info("dir/", mode=0o40755), b"")
    z.writestr(info("dir/empty", mode=0o100644), b"")
    z.writestr(info("link", mode=0o120777), b"hello.txt")
with zipfile.ZipFile(path("comments.zip"), "w") as z:
    z.comment = b"an archive comment"
    i = info("a.txt", mode=0o100644)
    i.comment = b"an entry comment"
    i.extra = struct.pack("<HH4s", 0xCAFE, 4, b"abcd")
    z.writestr(i, b"first")
    z.writestr(info("b.txt", mode=0o100644, when=(2107, 12, 31, 23, 59, 58)), b"second")
with zipfile.ZipFile(path("dos.zip"), "w") as z:
    z.writestr(info("file", mode=0, system=0), b"data")
    z.writestr(info("folder/", mode=0, system=0), b"")
    z.writestr(info("old", when=(1980, 1, 1, 0, 0, 0), mode=0o100644), b"x")
    z.writestr(info("h\u00e9llo/\u00fcn\u00efcode.txt", mode=0o100644), "\u00e9t\u00e9".encode())
with zipfile.ZipFile(path("bzip2.zip"), "w") as z:
    z.writestr(info("b.bz2", mode=0o100644, method=zipfile.ZIP_BZIP2), text)
open(path("empty.zip"), "wb").close()
with open(path("not-a-zip.zip"), "wb") as f:
    f.write(b"this is not a zip archive, it only says so\n" * 3)

def damage(src, dst, edit):
    data = bytearray(open(path(src), "rb").read())
    edit(data)
    open(path(dst), "wb").write(bytes(data))

def eocd_at(data):
    return data.rindex(b"PK\x05\x06")

def cds_at(data, n):
    at = -1
    for _ in range(n + 1):
        at = data.index(b"PK\x01\x02", at + 1)
    return at

# The directory's offset one byte late: no CDS signature there.
damage("python.zip", "bad-cds.zip", lambda d: struct.pack_into("<I", d, eocd_at(d) + 16, struct.unpack_from("<I", d, eocd_at(d) + 16)[0] + 1))
# The second entry's local header offset one byte late.
damage("python.zip", "bad-lfh.zip", lambda d: struct.pack_into("<I", d, cds_at(d, 1) + 42, struct.unpack_from("<I", d, cds_at(d, 1) + 42)[0] + 1))
# The deflated data of big.txt scrambled part way.
def scramble(d):
    start = d.index(b"big.txt") + 7 + 40
    for k in range(start, start + 16):
        d[k] ^= 0x5A
damage("python.zip", "bad-deflate.zip", scramble)
# big.txt said to be 100 bytes uncompressed, in its directory record.
damage("python.zip", "short-size.zip", lambda d: struct.pack_into("<I", d, cds_at(d, 1) + 24, 100))
# The directory said to start 10 bytes before the end of the file: a short
# read (for files; zipfile.c reads past the end of such a blob).
damage("python.zip", "truncated.zip", lambda d: struct.pack_into("<I", d, eocd_at(d) + 16, len(d) - 10))
# One entry counted, five in the directory's size.
damage("python.zip", "count.zip", lambda d: struct.pack_into("<HH", d, eocd_at(d) + 8, 1, 1))

# An archive from the reference's own aggregate, read back by both.
made = path("made.zip")
sqlite(f"""select writefile('{made}', zipfile(name, mode, mtime, data, method)) from (
  select 'd/' name, NULL mode, 1600000000 mtime, NULL data, NULL method union all
  select 'd/a.txt', '-rw-r-----', 1600000001, 'short', NULL union all
  select 'd/b.txt', 33261, 1600000002, replace(printf('%.500c', 'x'), 'x', 'abc'), NULL union all
  select 'stored', NULL, 1600000003, zeroblob(100), 0 union all
  select 'deflated', NULL, 1600000004, 'tiny', 8 union all
  select 'link', 'lrwxrwxrwx', 1600000005, 'd/a.txt', NULL union all
  select 'empty', NULL, 4000000000, '', NULL)""")

# ---------------------------------------------------------------- read.txt
COLUMNS = "name,mode,mtime,sz,rawdata,data,method"
QUOTED = "quote(name),mode,mtime,sz,quote(rawdata),quote(data),method"
read = ["# <file|blob> <archive> <columns>: the rows of select <columns> from zipfile(...)"]
blob_ub = {"truncated.zip"}   # zipfile.c reads past the end of these blobs
for name in sorted(os.listdir(archives)):
    for mode in ("file", "blob"):
        if mode == "blob" and name in blob_ub:
            continue
        arg = f"'{path(name)}'" if mode == "file" else f"readfile('{path(name)}')"
        for cols, quoted in ((COLUMNS, QUOTED), ("name,sz,method", "quote(name),sz,method")):
            out, err = sqlite(f"select {quoted} from zipfile({arg});")
            read.append(f"{mode} {name} {cols}")
            read += results(out, err)
open(os.path.join(here, "read.txt"), "w").write("\n".join(read) + "\n")

# ----------------------------------------------------------- aggregate.txt
cases = [line for line in open(os.path.join(here, "aggregate.in")).read().splitlines()]
agg = ["# rows of zipfile() arguments (an SQL VALUES list), then quote(zipfile(...)) over them"]
for case in cases:
    if not case or case.startswith("#"):
        agg.append(case)
        continue
    # The column count is the first row's: count its top-level commas.
    depth, quote, n = 0, False, 1
    for c in case:
        if c == "'":
            quote = not quote
        elif not quote and c == "(":
            depth += 1
        elif not quote and c == ")":
            depth -= 1
            if depth == 0:
                break
        elif not quote and c == "," and depth == 1:
            n += 1
    args = ", ".join(f"column{k}" for k in range(1, n + 1))
    out, err = sqlite(f"select quote(zipfile({args})) from (values {case});")
    agg.append(case)
    agg += results(out, err)
open(os.path.join(here, "aggregate.txt"), "w").write("\n".join(agg) + "\n")

# --------------------------------------------------------------- write.txt
scenarios = {}
current = None
for line in open(os.path.join(here, "write.in")).read().splitlines():
    if line.startswith("scenario "):
        current = line.split()[1:]
        scenarios[current[0]] = (current[1] if len(current) > 1 else None, [])
    elif line and not line.startswith("#"):
        scenarios[current[0]][1].append(line)
write = ["# scenario <name> [<starting archive>]: the archive file's bytes after write.in's statements,",
         "# then the statements' errors and the table's rows (name, mode, mtime, sz, method, quote(data))"]
for name, (start, statements) in scenarios.items():
    target = os.path.join(scratch, name + ".zip")
    if start:
        shutil.copy(path(start), target)
    sql = f"create virtual table z using zipfile('{target}');\n" + "\n".join(statements) + \
          "\nselect name, mode, mtime, sz, method, quote(data) from z;\n"
    out, err = sqlite(sql)
    write.append(f"scenario {name}" + (f" {start}" if start else ""))
    write.append("=> " + open(target, "rb").read().hex().upper())
    write += results(out, err)
open(os.path.join(here, "write.txt"), "w").write("\n".join(write) + "\n")

# ------------------------------------------------------------ shell tests
prefix = re.compile(r"^(-- !! (?:Runtime|Parse) error near line \d+: )(.*)$")
ours = re.compile(r"^(zipfile|cannot |failed to read|error in f|inflate\(\)|duplicate name|sz must|rawdata must|unknown compression"
                  r"|illegal method|first argument to zipfile|non-directory|wrong number of arguments to function zipfile)")
for test in ("aggregate", "read", "write"):
    source = open(os.path.join(here, f"{test}.in.sql")).read()
    source = re.sub(r"\{\{([\w.-]+)\}\}", lambda m: "X'" + open(path(m.group(1)), "rb").read().hex().upper() + "'", source)
    source = re.sub(r"(?m)^\.load ", "-- .load ", source)
    src, dst = os.path.join(scratch, "in.sql"), os.path.join(scratch, "out.sql")
    open(src, "w").write(source)
    subprocess.run(["python3", "tests/tools/expect.py", SQLITE3, src, dst], cwd=root, check=True)
    lines = open(dst).read().replace("-- .load ", ".load ").split("\n")
    lines = [prefix.sub(lambda m: m.group(1) + ("zipfile: " if ours.match(m.group(2)) else "") + m.group(2), l) for l in lines]
    open(os.path.join(root, "tests", "shell", f"zipfile-{test}.sql"), "w").write("\n".join(lines))
shutil.rmtree(scratch)
PYTHON
