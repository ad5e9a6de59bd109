# Translates postgresql-hll expected/add_agg.out and agg_oob.out (tables, aggregates)
# into tests/shell/hll.sql lines.
import re, sys
out=[]
def fix(s):
    s=re.sub(r"E'\\\\x([0-9a-fA-F]*)'", r"'\\x\1'", s)
    s=re.sub(r"::(hll_hashval|hll|bigint|integer|smallint|text)\b", "", s)
    s=re.sub(r"\bSERIAL\b","integer",s)
    return s
for fn in sys.argv[1:]:
    out.append('-- '+fn.split('/')[-1])
    lines=open(fn).read().split('\n'); i=0
    while i < len(lines):
        l=lines[i]
        if 'hll_set_output_version' in l: i+=5; continue
        if not re.match(r'(?i)^(SELECT|CREATE|INSERT|DROP|select|insert)', l): i+=1; continue
        stmt=[l]; j=i
        while not stmt[-1].rstrip().endswith(';'):
            j+=1
            if not lines[j].strip().startswith('--'): stmt.append(lines[j])
        i=j+1
        s=fix('\n'.join(stmt))
        if s.upper().startswith('DROP TABLE IF'):
            i+=1 if i<len(lines) and lines[i].startswith('NOTICE') else 0
        if not s.upper().startswith('SELECT'):
            out.append(s); continue
        if i < len(lines) and lines[i].startswith('ERROR:'):
            out.append(s); out.append('-- !! ERR '+lines[i][6:].strip()); i+=1; continue
        header=lines[i]; k=i+2; rows=[]
        while not re.match(r'^\(\d+ rows?\)$', lines[k]): rows.append(lines[k]); k+=1
        i=k+1
        vals=[]
        for r in rows:
            r=r[1:] if r.startswith(' ') else r
            vals.append(r)
        text='\n'.join(v.rstrip('+').rstrip() if v.endswith('+') else v for v in vals)
        m=re.match(r'(?is)^select\s+(.*?)(\s+from\s.*)?;$', s)
        expr, rest = m.group(1), m.group(2) or ''
        if text.strip().startswith('\\x'):
            s="SELECT '\\x' || lower(hex(%s))%s;" % (expr, rest)
        elif expr.startswith('ceiling('):
            s="SELECT cast(%s as integer)%s;" % (expr, rest)
        out.append(s)
        for t in text.split('\n'):
            t=t.strip() if not expr.startswith('hll_print') else t
            out.append('-- => '+t if t else '-- =>')
print('\n'.join(out))
