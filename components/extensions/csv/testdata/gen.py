"""Reference vectors for sqlink's csv extension (csv.tsv), answered by
SQLite's own ext/misc/csv.c loaded into Debian's Python sqlite3 (SQLite
3.40.1). Format: vectors.py.

Usage (from this directory), with csv.c from SQLite 3.52.0 (e.g. the copy
in utelle/SQLite3MultipleCiphers' src/, which `fetch` brings):
    gcc -O1 -fPIC -shared -DSQLITE_TEST -o /tmp/csv.so csv.c
    /usr/bin/python3 gen.py /tmp/csv.so > csv.tsv
The cases include csv01.test's (SQLite's test suite) and the examples at
the top of csv.c."""
import random
import sqlite3
import sys

from vectors import run

LIB = sys.argv[1]


def connect():
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(LIB)
    return db


def q(text):
    """A string as an SQL literal."""
    return "'" + text.replace("'", "''") + "'"


FOUR = "1,2,3,4\n5,6,7,8\n9,10,11,12\n13,14,15,16\n"
MIX = 'a,b,"mix-bloom-eel","soft opinion"\n' + FOUR
cases = [
    # csv01.test 1.0-1.8, 2.0, 4.3, 4.4
    (["data=" + q(FOUR), "columns=4"], None),
    (["data=" + q(MIX), "header=1"], None),
    (["data=" + q(MIX), "header=false"], None),
    (["data=" + q(MIX), "header", "schema='CREATE TABLE x(x0,x1,x2,x3,x4)'", "columns=5"], None),
    (["data=" + q(FOUR), "columns=4", "schema='CREATE TABLE t2(a INT, b TEXT, c REAL, d BLOB)'"], None),
    (["filename='/nonexistent/FileDoesNotExist.csv'"], None),
    (["data='1'"], None),
    # csv01.test 5.1-5.4: CR LF records in a file
    (["filename='@FILE@'"], b"a,b,c,d\r\n1,2,3,4\r\none,two,three,four\r\n5,6,7,8"),
    (["filename='@FILE@'", "header"], b"a,b,c,d\r\n1,2,3,4\r\none,two,three,four\r\n5,6,7,8"),
    # csv01.test 8.1 (the limit, in csv.c since 3.53)
    # is in tests.rs: the csv.c built here predates it.
    # csv.c's documentation
    (["data='1,2,3'", "schema='CREATE TABLE x(date,ipaddr,url,referrer,userAgent)'"], None),
    # argument errors
    ([], None),
    (["data='1'", "filename='/nonexistent/x'"], None),
    (["data='1'", "data='2'"], None),
    (["filename='a'", "filename='b'"], None),
    (["data='1'", "schema='CREATE TABLE x(a)'", "schema='CREATE TABLE x(b)'"], None),
    (["data='1'", "header", "header=no"], None),
    (["data='1'", "columns=1", "columns=2"], None),
    (["data='1'", "columns=0"], None),
    (["data='1'", "columns=-3"], None),
    (["data='1'", "columns='3'"], None),
    (["data='1'", "columns=4294967297"], None),
    (["data='1'", "foo=1"], None),
    (["data='1'", "FILENAME='x'"], None),
    (["data='1'", "header=maybe"], None),
    (["data='1'", "header='yes'"], None),
    (["data='1'", "headers"], None),
    (["data"], None),
    (["data='1'", "x" * 250], None),
    (["data='1'", "testflags=1"], None),
    # argument spelling
    (["data = 'a,b\n1,2'", "header = ON"], None),
    (["data=\"a\"\"b,c\"", "header=YES"], None),
    (["data=unquoted"], None),
    (["data='it''s'"], None),
    (["data=''"], None),
    (["data=''", "header"], None),
    (["data='x'", "header=0"], None),
    (["data='a,b\n1,2'", "header=off"], None),
    # columns= against the records
    (["data='a,b,c\n1,2\n3,4,5,6'", "columns=2"], None),
    (["data='a,b\n1,2,3,4'", "header", "columns=4"], None),
    (["data='a,b,c,d\n1,2,3,4'", "header", "columns=2"], None),
    (["data='1,2\n3,4'", "schema='CREATE TABLE x(p,q,r)'"], None),
    (["data='a,b\n1,2'", "header", "schema='CREATE TABLE x(p,q)'"], None),
    (["data='a,b\n1,2'", "header", "schema='CREATE TABLE x(p,q)'", "columns=2"], None),
    # header names
    (["data=',b\n1,2'", "header"], None),
    (["data='\"a\"\"b\",c\n1,2'", "header"], None),
    (["data='\"\",x\n1,2'", "header"], None),
    (["data='a,b'", "header"], None),
    # quoting
    (["data='\"a,b\",\"c\"\"d\"\n\"e\nf\",g'"], None),
    (["data='\"ab\"cd,e\nf,g'", "columns=3"], None),
    (["data='x,\"ab\"cd,e\nf,g'", "columns=3"], None),
    (["data='\"unterminated\nx,y'", "columns=2"], None),
    (["data='a\r\nb\r,c\r'", "columns=2"], None),
    (["data='x,\"y\"\r\n\"z\"'"], None),
    (["data='\"a\"\"\"'"], None),
    (["data='\"\"'"], None),
    (["data='\"\",\"\"\n\"\"'"], None),
    (["data='\"a\"\"b\"\"\",c\n'"], None),
    (["data='\"a\"\r,b\n'"], None),
    (["data='\"a\"\rb,c\n'"], None),
    (["data='a\"b,\"c'"], None),
    # empty fields and records
    (["data=',,\n,'"], None),
    (["data='a,b,\n'"], None),
    (["data='a,b\n\n\nc,d\n'"], None),
    (["data='\n'"], None),
    (["data=',x\n1,2'"], None),
    # byte order marks
    (["data='\ufeffa,b\n1,2'", "header"], None),
    (["data='\ufeff\"a\",b\n1,2'", "header"], None),
    (["data='x\n\ufeffa,b'"], None),
    (["filename='@FILE@'", "header"], b"\xef\xbb\xbfa,b\n1,2\n"),
    (["filename='@FILE@'"], b"\xef\xbbx,y\n"),
    (["filename='@FILE@'"], b"\xef\xbb\xbf"),
    # bytes text cannot hold
    (["filename='@FILE@'"], b"a\x00b,c\nd,\x00\n"),
    (["filename='@FILE@'"], b"\xff\xfe,x\n\xc3(,\xed\xa0\x80\n"),
    (["filename='@FILE@'", "columns=1"], b""),
    (["filename='@FILE@'"], b""),
    (["filename='@FILE@'", "header"], b""),
]

# csv01.test 6.* and 7.*: random text across the reader's buffer.
rnd = random.Random(1)
for n in [0, 1, 2, 100, 1020, 1021, 1022, 1023, 1024, 1025, 2047, 2050, 5000]:
    text = "".join(rnd.choice("0123456789ABCDEF") for _ in range(n))
    cases.append((["filename='@FILE@'", "header=true"], f"a,b\n{text},abcd\n".encode()))
    cases.append((["filename='@FILE@'", "header=true"], f"a,b\nabcd,{text}".encode()))
# A file of many blocks, with quoted fields across block boundaries.
lines = [f'{i},"line {i}, with ""quotes""\nand a newline",{"x" * (i % 37)}\r\n' for i in range(300)]
cases.append((["filename='@FILE@'"], ("id,text,pad\r\n" + "".join(lines)).encode()))
cases.append((["filename='@FILE@'", "header"], ("id,text,pad\r\n" + "".join(lines)).encode()))

print("# Generated by gen.py from SQLite 3.52.0's ext/misc/csv.c (SQLITE_TEST) in SQLite 3.40.1.")
print("# arguments<TAB>file<TAB>columns<TAB>rows; see vectors.py.")
run(connect, "csv", cases, sys.stdout)
