"""Reference vectors for sqlink's vsv extension (vsv.tsv), answered by
sqlean's own vsv: the `sqlean.py` package from PyPI (3.50.4.5: SQLite
3.50.4, sqlean 0.27.4). Format: ../../csv/testdata/vectors.py.

Usage (from this directory):
    pip install --target /tmp/sqlean sqlean.py==3.50.4.5
    PYTHONPATH=/tmp/sqlean:../../csv/testdata python3 gen.py > vsv.tsv
The cases include the examples of sqlean's docs/vsv.md and test/vsv.sql."""
import sys

import sqlean
from vectors import run

sqlean.extensions.enable("vsv")


def connect():
    return sqlean.connect(":memory:")


def q(text):
    return "'" + text.replace("'", "''") + "'"


assert sqlean.connect(":memory:").execute("select sqlean_version()").fetchone()[0] == "0.27.4"

PEOPLE = b"11,Diane,London\n22,Grace,Berlin\n33,Alice,Paris\n"
NUMBERS = "1,2.5,-3,+4,5e2,1e,x,  7  ,1.0,99999999999999999999,1.00000000000000000001,9007199254740993.0, ,.5,5.,1e-400,1e5000"
cases = [
    # docs/vsv.md and test/vsv.sql
    (["filename='@FILE@'", 'schema="create table people(id integer, name text, city text)"', "columns=3", "affinity=integer"], PEOPLE),
    (["filename='@FILE@'"], PEOPLE),
    (["filename='@FILE@'", "header"], b"id,name\n1,a\n2,b\n"),
    # parameter errors
    ([], None),
    (["data='1'", "filename='x'"], None),
    (["data='1'", "data='2'"], None),
    (["data='1'", "fsep=';'", "fsep=','"], None),
    (["data='1'", "header", "header"], None),
    (["data='1'", "nulls", "nulls=no"], None),
    (["data='1'", "validatetext", "validatetext=yes"], None),
    (["data='1'", "columns=1", "columns=1"], None),
    (["data='1'", "columns=0"], None),
    (["data='1'", "skip=0"], None),
    (["data='1'", "skip=-1"], None),
    (["data='1'", "skip=1", "skip=1"], None),
    (["data='1'", "affinity=none", "affinity=text"], None),
    (["data='1'", "affinity=int"], None),
    (["data='1'", "affinity='text'"], None),
    (["data='1'", "affinity=INTEGERS"], None),
    (["data='1'", "affinity=Numeric"], None),
    (["data='1'", "foo"], None),
    (["data='1'", "header=2"], None),
    (["data='1'", "fsep='ab'"], None),
    (["data='1'", "fsep='\\r'"], None),
    (["data='1'", "rsep='\\xZZ'"], None),
    (["data='1'", "dsep='\\y'"], None),
    (["data='1'", "fsep='\U0001F600'"], None),
    (["data='1'", "columns=2000000000"], None),
    (["data='1'", "x" * 250], None),
    # separators
    (["data='a;b\n1;2'", "fsep=';'", "header"], None),
    (["data='a\tb|1\t2|'", "fsep='\\t'", "rsep='|'"], None),
    (["data='a\x1fb\x1e1\x1f2'", "fsep='\\x1f'", "rsep='\\x1E'"], None),
    (["data='a,b\n1,2'", "fsep=''"], None),
    (["data='a,b\n1,2'", "fsep='abc'"], None),
    (["data='a,b\n1,2'", "fsep='€'"], None),
    (["data='a,b\r\n1,2\r\n'"], None),
    (["data='a\r,b\r\n'", "fsep='\\n'", "rsep=';'"], None),
    (["data='a\r;b\r|'", "fsep=';'", "rsep='|'"], None),
    (["filename='@FILE@'", "fsep='\\xfe'"], b"a\xfeb\xfec\nd\xfee\n"),
    (["filename='@FILE@'", "rsep='\\x00'"], b"a,b\x00c,d\x00"),
    # header, columns, skip
    (["data='a,b\n1,2\n3,4\n5,6\n'", "header", "skip=1"], None),
    (["filename='@FILE@'", "header", "skip=1"], b"a,b\n1,2\n3,4\n5,6\n"),
    (["data='1,2\n3,4\n5,6\n'", "skip=1"], None),
    (["data='1,2\n3,4\n5,6\n'", "skip=2", "columns=2"], None),
    (["data='1,2\n3,4\n'", "skip=5"], None),
    (["data='1,2\n3,4'", "skip=5"], None),
    (["data='1,2\n3,4'", "columns=2", "skip=2"], None),
    (["data='\"a\"b,2\n3,4\n'", "columns=1", "skip=5"], None),
    (["data='\"a\"b,2\n3,4\n'", "skip=5"], None),
    (["data='a,b\n1,2\n3,4'", "header", "columns=2", "schema='create table x(p,q)'"], None),
    (["data='a,b\n1,2\n3,4'", "header", "columns=2", "schema='create table x(p,q)'", "skip=1"], None),
    (["data='a,b\n1,2\n3,4'", "header", "columns=3"], None),
    (["data='a,b,c\n1,2,3'", "header", "columns=2"], None),
    (["data='a,b\n1,2\n3,4,5'", "columns=2"], None),
    (["data='1,2,3\n4,5,6'", "schema='create table x(a,b,c)'"], None),
    (["data='" + ",".join(str(i) for i in range(99)) + "'", "schema='create table x(a,b,c)'"], None),
    (["data='" + ",".join(str(i) for i in range(101)) + "\n1,2,3'", "schema='create table x(a,b,c)'"], None),
    (["data=''"], None),
    (["data=''", "header"], None),
    (["data=',b\n1,2'", "header"], None),
    (["data='\"a\"\"b\",c\n1,2'", "header"], None),
    # quoting
    (["data='\"a,b\",\"c\"\"d\"\n\"e\nf\",g'"], None),
    (["data='\"ab\"cd,e\nf,g'", "columns=3"], None),
    (["data='\"ab\"cd;e|f;g'", "columns=3", "fsep=';'", "rsep='|'"], None),
    (["data='\"unterminated\nx,y'", "columns=2"], None),
    (["data='x,\"y\"\r\n\"z\"'"], None),
    (["data='\"a\"\"\"'"], None),
    (["data='\"a\"\"b\"\"\",c\n'"], None),
    (["data='\"\",\"\"\n\"\"'"], None),
    (["data='a\"b,\"c'"], None),
    (["data='\ufeffa,b\n1,2'", "header"], None),
    # empty fields, nulls
    (["data=',,\n,x\n\n'"], None),
    (["data=',,\n,x\n\n'", "nulls"], None),
    (["data='\"\",\"\",x'", "nulls"], None),
    (["data='a,\r\n'", "nulls"], None),
    (["data=',b\n,d'", "affinity=blob"], None),
    (["data=',b\n,d'", "affinity=text", "validatetext"], None),
    (["data=',b\n,d'", "affinity=none", "validatetext"], None),
    (["data='1,\n,2'", "affinity=integer"], None),
    # affinities
    (["data=" + q(NUMBERS), "affinity=none"], None),
    (["data=" + q(NUMBERS), "affinity=blob"], None),
    (["data=" + q(NUMBERS), "affinity=text"], None),
    (["data=" + q(NUMBERS), "affinity=integer"], None),
    (["data=" + q(NUMBERS), "affinity=real"], None),
    (["data=" + q(NUMBERS), "affinity=numeric"], None),
    (["data='1,5;2,0;-0,25;1e3;1,5x;x,5'", "fsep=';'", "dsep=','", "affinity=real"], None),
    (["data='1,5;2,0;-0,25;1e3;1,5x;x,5'", "fsep=';'", "dsep=','", "affinity=numeric"], None),
    (["data='1,5;2,0;1,5x'", "fsep=';'", "dsep=','", "affinity=integer"], None),
    (["data='9223372036854775807,9223372036854775808,-9223372036854775808,9223372036854775807.0,9223372036854775807.4,9223372036854775807.5,-9223372036854775808.5,18446744073709551616.0,0.1e1,123456789012345678901234567890e-10,-0.0,1e-4950,1e-4960,1e4932,1.1897314953572317650e4932'", "affinity=numeric"], None),
    # bytes that are not text
    (["filename='@FILE@'"], b"a\x00b,c\n\xff\xfe,\xc3(\n"),
    (["filename='@FILE@'", "affinity=blob"], b"a\x00b,c\n\xff\xfe,\xc3(\n"),
    (["filename='@FILE@'", "affinity=text", "validatetext"], b"a\x00b,c\n\xfe\xff,\xc3(\n\xc3,\xed\xa0\x80\n"),
    (["filename='@FILE@'", "affinity=integer", "validatetext"], b"1,\xc3(\n"),
    (["filename='@FILE@'", "affinity=none", "validatetext"], b"ok,fine\n\xc3(,x\n"),
    (["filename='@FILE@'", "affinity=none", "validatetext"], b"a\x00b\n"),
    (["filename='@FILE@'", "affinity=none", "validatetext"], "é,€,😀\n".encode()),
    (["filename='@FILE@'", "columns=2"], b""),
    (["filename='/nonexistent/people.csv'"], None),
]

print("# Generated by gen.py from sqlean.py 3.50.4.5 (sqlean 0.27.4 vsv, SQLite 3.50.4).")
print("# arguments<TAB>file<TAB>columns<TAB>rows; see ../../csv/testdata/vectors.py.")
run(connect, "vsv", cases, sys.stdout)
